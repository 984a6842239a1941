// Acting from an open conversation in a real browser: archive with `e`, land on the next conversation of the
// list it was opened from. Gmail requests counted from the key press until the next conversation is shown
// with its Undo: the goal is the action's request and the next conversation's fetch, nothing more (its
// neighbours come from the page cache, the labels from their one-minute cache). The open page's live stream
// polls Gmail's history on its own schedule and marking an unread conversation read on opening is Gmail's
// own behaviour: both are reported apart. Runs against the bench's production app and emulator, signed in with
// gmail.modify, with Debian's Chromium (the browser tests' own).
import { chromium } from "@playwright/test";
import { percentile } from "../lib/percentile";
import { type LoggedGmailRequest, control, loggedGmailRequests } from "./emulator-client";

const SAMPLES = 6;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"];

function cookiesFor(appUrl: string, cookieHeader: string) {
  return cookieHeader.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: appUrl };
  });
}

type Kind = "action" | "conversation" | "markReadOnOpen" | "history" | "other";

/** What a logged Gmail request was for. */
function kindOf(request: LoggedGmailRequest, readOnOpen: boolean): Kind {
  const path = request.path.split("?")[0] ?? "";
  if (path.startsWith("/gmail/v1/users/me/history")) return "history";
  if (request.method === "GET" && /^\/gmail\/v1\/users\/me\/threads\/[^/]+$/.test(path)) return "conversation";
  if (request.method === "POST" && /(\/modify|batchModify)$/.test(path)) return readOnOpen ? "markReadOnOpen" : "action";
  return "other";
}

export async function measureConversationAct(options: { appUrl: string; emulatorUrl: string; cookie: string }): Promise<{
  result: { samples: number; perMove: Record<Kind, number>; p50Ms: number; p95Ms: number };
  rows: [string, string][];
}> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addCookies(cookiesFor(options.appUrl, options.cookie));
    const page = await context.newPage();
    const markRead: number[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/actions" && request.postData()?.includes('"markRead"')) markRead.push(Date.now());
    });
    await page.goto(`${options.appUrl}/inbox`);
    await page.locator('[data-actions="ready"]').waitFor();
    await page.getByTestId("message-row").nth(1).locator("a[data-row-link]").click();
    const ready = page.locator('[data-testid="conversation-toolbar"][data-keys="ready"]');
    await ready.waitFor();
    await page.locator('[data-testid="conversation-live"][data-live="live"]').waitFor({ state: "attached" });
    await page.waitForTimeout(1_500);

    const totals: Record<Kind, number> = { action: 0, conversation: 0, markReadOnOpen: 0, history: 0, other: 0 };
    const timings: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      await control(options.emulatorUrl, "DELETE", "requests");
      markRead.length = 0;
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
      const readOnOpen = markRead.length > 0;
      const requests = await loggedGmailRequests(options.emulatorUrl);
      // The action is the first modify; a second one is the new conversation being marked read.
      let modifies = 0;
      for (const request of requests) {
        const kind = kindOf(request, false);
        const counted = kind === "action" ? kindOf(request, readOnOpen && modifies++ > 0) : kind;
        totals[counted] += 1;
      }
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
            ` (apart: marking it read ${perMove.markReadOnOpen}, stream history ${perMove.history})`,
        ],
        ["conversation: key e to the next conversation shown (ms)", `p50 ${result.p50Ms}, p95 ${result.p95Ms}`],
      ],
    };
  } finally {
    await browser.close();
  }
}
