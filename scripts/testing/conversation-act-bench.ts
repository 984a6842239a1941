// Acting from an open conversation in a real browser: archive with `e`, land on the next conversation of the
// list it was opened from. Gmail requests counted from the key press until the next conversation is shown
// with its Undo: the goal is the action's request and the next conversation's fetch, nothing more (its
// neighbours come from the page cache, the labels from their one-minute cache). The open page's live stream
// polls Gmail's history on its own schedule, and marking an unread conversation read on opening is what
// opening it means: both are reported apart. Runs against the bench's production app and emulator, signed in with
// gmail.modify, with Debian's Chromium (the browser tests' own).
import { percentile } from "../lib/percentile";
import { type LoggedGmailRequest, control, loggedGmailRequests } from "./emulator-client";
import { launchBenchBrowser, signedInPage } from "./bench-browser";

const SAMPLES = 6;

type Kind = "action" | "conversation" | "markReadOnOpen" | "stream" | "other";

/**
 * What each Gmail round trip of one move was for. A batch is one round trip, named by its parts. The first
 * full read of a conversation is the next one's fetch; after the new conversation was marked read, the page
 * reads it again (ConversationOpened refreshes it): counted with marking read.
 */
function classify(requests: readonly LoggedGmailRequest[]): Record<Kind, number> {
  const counts: Record<Kind, number> = { action: 0, conversation: 0, markReadOnOpen: 0, stream: 0, other: 0 };
  let fetched = false;
  let markedRead = false;
  for (const request of requests) {
    const paths = request.parts ? request.parts.map((part) => `${part.method} ${part.path}`) : [`${request.method} ${request.path}`];
    const kind = ((): Kind => {
      if (paths.every((path) => /^GET \/gmail\/v1\/users\/me\/(history|profile)/.test(path))) return "stream";
      // The live stream reads conversations it was told changed, by their headers only.
      if (paths.every((path) => /^GET .*format=metadata/.test(path))) return "stream";
      if (paths.every((path) => /^POST \/gmail\/v1\/users\/me\/threads\/[^/]+\/modify$/.test(path))) return "action";
      if (paths.every((path) => /^POST \/gmail\/v1\/users\/me\/messages\/[^/]+\/modify$/.test(path))) {
        markedRead = true;
        return "markReadOnOpen";
      }
      if (paths.every((path) => /^GET \/gmail\/v1\/users\/me\/threads\/[^/?]+\?format=full$/.test(path))) {
        if (!fetched) {
          fetched = true;
          return "conversation";
        }
        return markedRead ? "markReadOnOpen" : "other";
      }
      return "other";
    })();
    counts[kind] += 1;
  }
  return counts;
}

export async function measureConversationAct(options: { appUrl: string; emulatorUrl: string; cookie: string }): Promise<{
  result: { samples: number; perMove: Record<Kind, number>; p50Ms: number; p95Ms: number };
  rows: [string, string][];
}> {
  const browser = await launchBenchBrowser();
  try {
    const page = await signedInPage(browser, options.appUrl, options.cookie);
    await page.goto(`${options.appUrl}/inbox`);
    await page.locator('[data-actions="ready"]').waitFor();
    await page.getByTestId("message-row").nth(1).locator("a[data-row-link]").click();
    const ready = page.locator('[data-testid="conversation-toolbar"][data-keys="ready"]');
    await ready.waitFor();
    await page.locator('[data-testid="conversation-live"][data-live="live"]').waitFor({ state: "attached" });
    await page.waitForTimeout(1_500);

    const totals: Record<Kind, number> = { action: 0, conversation: 0, markReadOnOpen: 0, stream: 0, other: 0 };
    const timings: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      await control(options.emulatorUrl, "DELETE", "requests");
      const from = new URL(page.url()).pathname;
      const started = performance.now();
      await page.locator("body").press("e");
      await page.waitForURL((url) => url.pathname !== from);
      await page.getByTestId("conversation-message").last().waitFor();
      timings.push(performance.now() - started);
      await page.getByTestId("undo").getByRole("button", { name: "Undo" }).waitFor();
      await ready.waitFor();
      // Stragglers (marking the new one read, the stream reconnecting) land in the log before it is read.
      await page.waitForTimeout(1_000);
      const requests = await loggedGmailRequests(options.emulatorUrl);
      for (const [kind, count] of Object.entries(classify(requests))) totals[kind as Kind] += count;
    }
    const perMove = Object.fromEntries(
      Object.entries(totals).map(([kind, count]) => [kind, Math.round((count / SAMPLES) * 10) / 10]),
    ) as Record<Kind, number>;
    const result = { samples: SAMPLES, perMove, p50Ms: Math.round(percentile(timings, 50)), p95Ms: Math.round(percentile(timings, 95)) };
    return {
      result,
      rows: [
        [
          `conversation: archive with e and land on the next, Gmail requests per move (${SAMPLES} moves; goal 1 action + 1 fetch)`,
          `action ${perMove.action}, next conversation ${perMove.conversation}, other ${perMove.other}` +
            ` (apart: marking an unread one read on opening ${perMove.markReadOnOpen}, the live stream ${perMove.stream})`,
        ],
        ["conversation: key e to the next conversation shown (ms)", `p50 ${result.p50Ms}, p95 ${result.p95Ms}`],
      ],
    };
  } finally {
    await browser.close();
  }
}
