import type { Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { expect, signIn, test } from "./fixtures";

// A zone far from the server's (UTC) and a language other than its default: a date the server wrote in its own
// zone or language would differ from the browser's, and React would report the difference while hydrating.
const ZONE = "Pacific/Kiritimati";
const LOCALE = "en-GB";
test.use({ timezoneId: ZONE, locale: LOCALE });

// React's hydration failures, in development words and as production's minified error numbers.
const HYDRATION_PROBLEM =
  /hydrat|did not match|server rendered|Minified React error #(418|419|422|423|425)\b|react\.dev\/errors\/(418|419|422|423|425)\b/i;

/** Every hydration warning or error the page reports, in the console or as an uncaught error. */
function hydrationProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if ((message.type() === "error" || message.type() === "warning") && HYDRATION_PROBLEM.test(message.text()))
      problems.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (HYDRATION_PROBLEM.test(`${error.message} ${error.stack ?? ""}`)) problems.push(error.message);
  });
  return problems;
}

const fullLocalDate = (iso: string) =>
  new Intl.DateTimeFormat(LOCALE, { dateStyle: "full", timeStyle: "short", timeZone: ZONE }).format(new Date(iso));

/** Loads the page and waits for React to have hydrated it (the document complete, the network quiet). */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

test("the inbox, a conversation, drafts, scheduled and settings hydrate without a single difference", async ({ page, emulator: _ }) => {
  const problems = hydrationProblems(page);
  await signIn(page);
  for (const path of ["/inbox", `/inbox/${SEED_FIXTURES.ada.thread.id}`, "/drafts", "/scheduled", "/settings", "/inbox?label=ALL"]) {
    await visit(page, path);
    await visit(page, path); // once more: now the server knows the browser's zone for sure
  }
  expect(problems).toEqual([]);
});

test("the server writes dates in the person's zone and language, with the full local date as the tooltip", async ({
  page,
  emulator: _,
}) => {
  await signIn(page);
  await visit(page, "/inbox");
  const time = page.getByTestId("message-row").first().locator("time");
  const iso = (await time.getAttribute("datetime"))!;
  await expect(time).toHaveAttribute("title", fullLocalDate(iso));
  const shown = (await time.textContent())!;
  expect(shown).not.toMatch(/^\d{4}-\d{2}-\d{2}/);

  // The HTML itself (what a browser without JavaScript shows) already says the same.
  const html = await (await page.request.get("/inbox", { headers: { "accept-language": LOCALE } })).text();
  expect(html).toContain(`title="${fullLocalDate(iso)}"`);
  expect(html).toContain(`>${shown}</time>`);
});
