// Opening a conversation from the inbox in a real browser: the time from the click on a row to the
// conversation's subject and messages on screen, at 0 and 50 ms of Gmail latency, each
//   - cold: nothing prefetched (the app's prefetching switched off for the tab, as `mailroom.prefetch=off` in
//     its localStorage does), so the click waits for the server to read the conversation at Gmail;
//   - prefetched: the pointer rests on the row first, until the row says its conversation is in memory
//     (`data-prefetch="ready"`), then the click.
// The time is taken inside the page (the click event's time to the frame after the text is in the document),
// so the browser automation's own round trips are not counted. Each sample starts from a freshly loaded inbox
// and opens a row not opened before in that tab. Runs against the bench's production app and emulator, signed
// in with gmail.modify (opening marks read, as a person's would), with Debian's Chromium.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { GMAIL_MODIFY_SCOPE } from "../../lib/google-scopes";
import { productionEnv, startAppServer } from "../lib/app-server";
import { prepareDatabase } from "../lib/database";
import { startEmulatorProcess } from "../lib/emulator-process";
import { findFreePort } from "../lib/free-port";
import { signInOverHttp } from "../lib/http-session";
import { percentile } from "../lib/percentile";
import { control, loggedGmailRequests } from "./emulator-client";
import { runAsBenchChild } from "./bench-child";
import { cookiesFor, launchBenchBrowser } from "./bench-browser";

const SAMPLES = 15;
/** How long a prefetch may take before the sample counts as not prefetched (a build without prefetching). */
const PREFETCH_WAIT_MS = 3_000;
const SETTLE_MS = 500;

type Mode = "cold" | "prefetched";
type Measured = {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Samples whose row said it was prefetched before the click (prefetched mode). */
  prefetchedSamples: number;
  /** Gmail threads.get requests made between the click and the text, over all samples. */
  threadFetchesAfterClick: number;
};
export type OpenConversationBench = Record<`${Mode}@${0 | 50}ms`, Measured> & { samples: number };

/**
 * Resolves with the milliseconds from the page's next click to the conversation `subject` on screen. Given as
 * source text: the TypeScript runner's helpers (esbuild's `__name`) do not exist in the page.
 */
function watchOpening(page: Page, subject: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const expected = ${JSON.stringify(subject)};
    let clickedAt = null;
    const shown = () =>
      document.querySelector('[data-testid="conversation-message"]') !== null &&
      [...document.querySelectorAll("h1")].some((heading) => heading.textContent.trim() === expected);
    const observer = new MutationObserver(() => {
      if (clickedAt === null || !shown()) return;
      observer.disconnect();
      const from = clickedAt;
      requestAnimationFrame(() => resolve(performance.now() - from));
    });
    document.addEventListener("click", (event) => (clickedAt = event.timeStamp), { capture: true, once: true });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  })`);
}

async function openInbox(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/inbox`);
  await page.locator('[data-keyboard="ready"]').waitFor({ state: "attached" });
  // The list's own start-up is over: its live stream is connected, Next has prefetched the rows' loading shells.
  await page.locator('[data-live="live"]').first().waitFor({ state: "attached" });
  await page.waitForTimeout(SETTLE_MS);
}

async function sample(context: BrowserContext, options: { appUrl: string; emulatorUrl: string; mode: Mode; index: number }) {
  const page = await context.newPage();
  try {
    await openInbox(page, options.appUrl);
    const rows = page.getByTestId("message-row");
    const row = rows.nth(options.index % (await rows.count()));
    const threadId = (await row.getAttribute("data-thread-id")) ?? "";
    const subject = ((await row.locator(".subject").textContent()) ?? "").trim();
    let prefetched = false;
    if (options.mode === "prefetched") {
      await row.locator("a[data-row-link]").hover();
      prefetched = await row
        .and(page.locator('[data-prefetch="ready"]'))
        .waitFor({ state: "attached", timeout: PREFETCH_WAIT_MS })
        .then(() => true)
        .catch(() => false);
    }
    await control(options.emulatorUrl, "DELETE", "requests");
    const opened = watchOpening(page, subject);
    // Awaited below; a failure meanwhile must not end the process before the servers are closed.
    opened.catch(() => undefined);
    await row.locator("a[data-row-link]").click();
    const ms = await opened;
    const shownAt = Date.now();
    // Only what the opening itself asked: marking read afterwards refreshes the page, which reads it again.
    const threadFetches = (await loggedGmailRequests(options.emulatorUrl)).filter(
      (request) => request.t <= shownAt && request.path.startsWith(`/gmail/v1/users/me/threads/${threadId}`),
    ).length;
    return { ms, prefetched, threadFetches };
  } finally {
    await page.close();
  }
}

export async function measureConversationOpening(options: {
  appUrl: string;
  emulatorUrl: string;
  cookie: string;
  /** Progress, one line per configuration. */
  log?: (message: string) => void;
}): Promise<{ result: OpenConversationBench; rows: [string, string][] }> {
  const browser = await launchBenchBrowser();
  const measured: Partial<Record<`${Mode}@${0 | 50}ms`, Measured>> = {};
  try {
    for (const latency of [0, 50] as const) {
      await control(options.emulatorUrl, "POST", "latency", { ms: latency });
      for (const mode of ["cold", "prefetched"] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        await context.addCookies(cookiesFor(options.appUrl, options.cookie));
        if (mode === "cold") await context.addInitScript(() => window.localStorage.setItem("mailroom.prefetch", "off"));
        // One opening first, not counted: the browser's caches of the app's code are warm for every sample.
        await sample(context, { ...options, mode, index: SAMPLES });
        const runs = [];
        for (let index = 0; index < SAMPLES; index += 1) runs.push(await sample(context, { ...options, mode, index }));
        await context.close();
        const times = runs.map((run) => run.ms);
        options.log?.(`${mode} @ ${latency} ms: ${times.map(Math.round).join(", ")}`);
        measured[`${mode}@${latency}ms`] = {
          p50Ms: Math.round(percentile(times, 50)),
          p95Ms: Math.round(percentile(times, 95)),
          maxMs: Math.round(Math.max(...times)),
          prefetchedSamples: runs.filter((run) => run.prefetched).length,
          threadFetchesAfterClick: runs.reduce((sum, run) => sum + run.threadFetches, 0),
        };
      }
    }
  } finally {
    await control(options.emulatorUrl, "POST", "latency", { ms: 0 });
    await browser.close();
  }
  const result = { ...measured, samples: SAMPLES } as OpenConversationBench;
  const rows: [string, string][] = (["cold", "prefetched"] as const).flatMap((mode) =>
    ([0, 50] as const).map((latency): [string, string] => {
      const m = result[`${mode}@${latency}ms`];
      const detail = mode === "prefetched" ? `; ${m.prefetchedSamples}/${SAMPLES} prefetched, ` : "; ";
      return [
        `open a conversation from the list, ${mode}, Gmail @ ${latency} ms: click to text p50 / p95 / max`,
        `${m.p50Ms} / ${m.p95Ms} / ${m.maxMs} ms${detail}${m.threadFetchesAfterClick} threads.get after the click`,
      ];
    }),
  );
  return { result, rows };
}

/** `npx tsx scripts/testing/open-conversation-bench.ts`: this measurement alone, against the current build. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-open-bench-"));
  const emulator = await startEmulatorProcess(await findFreePort());
  const env = productionEnv({ databaseUrl: `file:${path.join(dataDir, "mailroom.db")}`, dataDir, emulatorUrl: emulator.url });
  await prepareDatabase(env);
  const app = await startAppServer({ port: await findFreePort(), mode: "start", env });
  try {
    const cookie = await signInOverHttp(app.url, emulator.url, "ada@example.com", { scope: `openid email profile ${GMAIL_MODIFY_SCOPE}` });
    const { result, rows } = await measureConversationOpening({
      appUrl: app.url,
      emulatorUrl: emulator.url,
      cookie,
      log: (message) => process.stderr.write(`${message}\n`),
    });
    process.stdout.write(`${rows.map(([name, value]) => `| ${name} | ${value} |`).join("\n")}\n${JSON.stringify(result)}\n`);
  } finally {
    await app.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await runAsBenchChild(import.meta.url, main);
