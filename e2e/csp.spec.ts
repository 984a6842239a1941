import type { Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { openComposer } from "./compose-helpers";
import { expect, signIn, test } from "./fixtures";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/**
 * Every Content-Security-Policy violation the pages of this browser report: the document's
 * securitypolicyviolation events (collected from before any script of the page runs) and the console's words.
 */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (evaluate|execute|load)/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations?.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => window.cspViolations ?? []))];
}

test("the inbox, a conversation and the composer run without a single Content-Security-Policy violation", async ({ page, emulator: _ }) => {
  const violations = await watchPolicy(page);
  await signIn(page);
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations(), "inbox").toEqual([]);

  await page.goto(`/inbox/${SEED_FIXTURES.ada.thread.id}`);
  await expect(page.getByTestId("message-body").filter({ visible: true }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations(), "conversation").toEqual([]);

  await page.goto("/inbox");
  const composer = await openComposer(page);
  await composer.getByTestId("compose-subject").fill("Checking the policy");
  await composer.getByTestId("compose-body").click();
  await composer.getByTestId("compose-body").pressSequentially("Hello");
  await page.waitForLoadState("networkidle");
  expect(await violations(), "composer").toEqual([]);
});
