import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { expect, test } from "./fixtures";
import {
  HEBREW,
  deliverMixedDirectionMail,
  forgetChosenLanguages,
  selectRowByKeyboard,
  signInInAnyLanguage,
} from "./interface-language-helpers";

// The pages of accessibility.spec.ts again, in the Hebrew interface (the browser asks for he-IL), in both colour
// schemes, with mail in Hebrew, English and both: not a single axe finding, of any severity. Elements are found
// by test id, never by their (translated) words.
test.use({ locale: HEBREW.locale, timezoneId: HEBREW.timezoneId });

/** Every axe finding on the page; the mail itself is the sender's markup in a sandboxed frame no script may enter. */
async function everyFinding(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ iframes: false }).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

async function settled(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  // Streamed content (the list, the conversation) is in before the check.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`Hebrew, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test("the sign-in page and every mail page have no accessibility findings at all", async ({ page, emulator }) => {
      test.setTimeout(300_000);
      forgetChosenLanguages();
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("button", { name: "כניסה עם Google" })).toBeEnabled();
      expect(await everyFinding(page), `sign-in, ${colorScheme}`).toEqual([]);

      const threads = await deliverMixedDirectionMail(emulator);
      await signInInAnyLanguage(page);
      const pages = [
        "/inbox",
        "/inbox?label=SPAM",
        `/inbox?q=${encodeURIComponent("in:sent")}`,
        `/inbox?q=${encodeURIComponent("nothing-matches-this-zq")}`,
        "/inbox?account=all",
        `/inbox/${threads.hebrew}`,
        `/inbox/${threads.mixed}`,
        `/inbox/${SEED_FIXTURES.ada.thread.id}`,
        `/inbox/${SEED_FIXTURES.ada.special.attachments.id}`,
        `/inbox/${SEED_FIXTURES.ada.special.hebrew.threadId}`,
        "/drafts",
        "/scheduled",
        "/settings",
        `/authorize?${new URLSearchParams({ account: "ada@example.com", returnTo: "/inbox" })}`,
      ];
      for (const path of pages) {
        await settled(page, path);
        expect(await everyFinding(page), `${path}, ${colorScheme}`).toEqual([]);
      }

      await page.goto("/inbox");
      await expect(page.locator('[data-actions="ready"]')).toBeVisible();
      await page.keyboard.press("Shift+Slash");
      await expect(page.getByTestId("shortcuts")).toBeVisible();
      expect(await everyFinding(page), `shortcut sheet, ${colorScheme}`).toEqual([]);
    });

    test("the inbox with a selection, the permission dialog, the failure alert and the composer have no findings", async ({
      page,
      emulator: _,
    }) => {
      test.setTimeout(180_000);
      forgetChosenLanguages();
      await signInInAnyLanguage(page);
      await page.goto("/inbox");
      await expect(page.locator('[data-actions="ready"]')).toBeVisible();
      // A selected row, an unread one and a starred one, each in its own colours.
      await selectRowByKeyboard(page.getByTestId("row-select").nth(1));
      expect(await everyFinding(page), `inbox with a selection, ${colorScheme}`).toEqual([]);

      // Read-only so far: the first action opens the permission dialog.
      await page.getByTestId("action-archive").click();
      const dialog = page.getByTestId("scope-dialog");
      await expect(dialog).toBeVisible();
      expect(await everyFinding(page), `permission dialog, ${colorScheme}`).toEqual([]);
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();

      // The connection drops: the alert that says the rows are back.
      await page.route("**/api/actions", (route) => route.abort());
      await page.getByTestId("action-archive").click();
      await expect(page.getByTestId("action-error")).toBeVisible();
      expect(await everyFinding(page), `failure alert, ${colorScheme}`).toEqual([]);
      await page.unroute("**/api/actions");

      // The composer with Cc and Bcc open, an address it cannot use, and the send-later picker.
      await page.goto("/inbox");
      await page.getByTestId("compose").click();
      const composer = page.getByTestId("composer");
      await expect(composer.getByTestId("compose-body")).toBeVisible();
      await composer.locator(".compose-copies").click();
      await composer.getByTestId("compose-to").fill("not-an-address");
      await composer.getByTestId("compose-to").press("Enter");
      await composer.getByTestId("compose-send-later").click();
      await expect(composer.getByTestId("send-later-at")).toBeVisible();
      expect(await everyFinding(page), `composer, ${colorScheme}`).toEqual([]);
      await composer.getByTestId("compose-to").press("Escape");
      await expect(composer).toBeHidden();
    });
  });
}
