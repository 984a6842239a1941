// What the specs that check hydration share: every hydration warning a page reports, and the dates the server
// wrote into a page's HTML.
import type { Page } from "@playwright/test";

// React's hydration failures, in development words and as production's minified error numbers.
const HYDRATION_PROBLEM =
  /hydrat|did not match|server rendered|Minified React error #(418|419|422|423|425)\b|react\.dev\/errors\/(418|419|422|423|425)\b/i;

/** Every hydration warning or error the page reports from now on, in the console or as an uncaught error. */
export function hydrationProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if ((message.type() === "error" || message.type() === "warning") && HYDRATION_PROBLEM.test(message.text()))
      problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (HYDRATION_PROBLEM.test(`${error.message} ${error.stack ?? ""}`)) problems.push(`${page.url()}: ${error.message}`);
  });
  return problems;
}

export type WrittenDate = { datetime: string; text: string; title: string | null };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: "\u00a0" };
const decode = (html: string) => html.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name]!);

/** Every `<time>` in a page's HTML as the server wrote it (streamed parts included), in document order. */
export function datesInHtml(html: string): WrittenDate[] {
  return [...html.matchAll(/<time\b([^>]*)>([^<]*)<\/time>/g)].flatMap(([, attributes = "", text = ""]) => {
    const datetime = /\bdate[tT]ime="([^"]*)"/.exec(attributes)?.[1];
    if (datetime === undefined) return [];
    const title = /\btitle="([^"]*)"/.exec(attributes)?.[1];
    return [{ datetime: decode(datetime), text: decode(text), title: title === undefined ? null : decode(title) }];
  });
}

/** Every `<time>` on the page as the browser shows it now. */
export function datesOnPage(page: Page): Promise<WrittenDate[]> {
  return page.locator("time[datetime]").evaluateAll((times) =>
    times.map((time) => ({
      datetime: time.getAttribute("datetime") ?? "",
      text: time.textContent ?? "",
      title: time.getAttribute("title"),
    })),
  );
}
