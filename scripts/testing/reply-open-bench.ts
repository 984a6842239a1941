// Opening a reply composer in a real browser: what it costs beyond the conversation already on screen. The
// reply is built in the page from the loaded conversation (no draft exists until the person changes something),
// so the goal is zero Gmail requests and zero Mailroom requests; the time from the key press to the composer
// with its quote is measured too. Runs against the bench's production app and emulator, signed in with
// gmail.modify, with Debian's Chromium (the browser tests' own).
import { SEED_FIXTURES } from "../../emulator/seed";
import { percentile } from "../lib/percentile";
import { loggedGmailRequests, control } from "./emulator-client";
import { launchBenchBrowser, signedInPage } from "./bench-browser";

const SAMPLES = 10;

export async function measureReplyOpening(options: { appUrl: string; emulatorUrl: string; cookie: string }): Promise<{
  result: { samples: number; gmailRequests: number; mailroomRequests: number; p50Ms: number; p95Ms: number };
  rows: [string, string][];
}> {
  const browser = await launchBenchBrowser();
  try {
    const page = await signedInPage(browser, options.appUrl, options.cookie);
    const mailroomRequests: string[] = [];
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      // The live stream is open before and after; it is not a cost of the composer.
      if (pathname.startsWith("/api/") && pathname !== "/api/events") mailroomRequests.push(pathname);
    });
    await page.goto(`${options.appUrl}/inbox/${SEED_FIXTURES.ada.thread.id}`);
    await page.getByTestId("conversation-message").last().getByTestId("reply").waitFor();
    // The page settles first: its live stream connects (and starts Gmail's watch), so what follows is the composer's.
    await page.locator('[data-testid="conversation-live"][data-live="live"]').waitFor({ state: "attached" });
    await page.waitForTimeout(1_500);

    await control(options.emulatorUrl, "DELETE", "requests");
    mailroomRequests.length = 0;
    const composer = page.getByTestId("composer");
    const timings: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      const started = performance.now();
      await page.locator("body").press("r");
      await composer.getByTestId("compose-quote").waitFor({ state: "attached" });
      timings.push(performance.now() - started);
      await composer.getByRole("button", { name: "Close (the draft is kept)" }).click();
      await composer.waitFor({ state: "hidden" });
    }
    // The open page's live stream keeps polling Gmail's history on its own schedule meanwhile: not the composer's.
    const gmailRequests = (await loggedGmailRequests(options.emulatorUrl)).filter(
      (request) => !request.path.startsWith("/gmail/v1/users/me/history"),
    ).length;
    const result = {
      samples: SAMPLES,
      gmailRequests,
      mailroomRequests: mailroomRequests.length,
      p50Ms: Math.round(percentile(timings, 50)),
      p95Ms: Math.round(percentile(timings, 95)),
    };
    return {
      result,
      rows: [
        [
          `reply composer: opened ${SAMPLES}× in a browser, requests beyond the loaded conversation`,
          `Gmail ${result.gmailRequests}, Mailroom ${result.mailroomRequests}`,
        ],
        ["reply composer: key `r` to composer with its quote (ms)", `p50 ${result.p50Ms}, p95 ${result.p95Ms}`],
      ],
    };
  } finally {
    await browser.close();
  }
}
