import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { grantModify } from "./grant-helpers";
import {
  type InterfaceLanguage,
  LANGUAGES,
  MIXED_MAIL,
  deliverMixedDirectionMail,
  expectScreenInLanguage,
  forgetChosenLanguages,
  selectRowByKeyboard,
  shootScreen,
  signInInAnyLanguage,
} from "./interface-language-helpers";

// Every main screen in English and in Hebrew (the browser asks for he-IL), in both colour schemes, at a desktop
// and a phone size, with mail written left to right, right to left and both. Each picture is taken only once
// the screen is in its language and direction, shows its main landmark and does not scroll sideways (a part
// laid out for the other direction shows first as a page wider than the phone).
const sizes = [
  { name: "1280", viewport: { width: 1280, height: 800 } },
  { name: "360", viewport: { width: 360, height: 740 } },
] as const;
const schemes = ["light", "dark"] as const;

const row = (page: Page, threadId: string) => page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"]`);

async function openInbox(page: Page, path = "/inbox"): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
}

async function openConversation(page: Page, threadId: string): Promise<void> {
  await page.goto(`/inbox/${threadId}`);
  await expect(page.getByTestId("message-body").filter({ visible: true }).first()).toBeVisible();
}

for (const language of LANGUAGES) {
  for (const size of sizes) {
    for (const colorScheme of schemes) {
      test.describe(`${language.name}, ${size.name} px, ${colorScheme}`, () => {
        test.use({ viewport: size.viewport, colorScheme, locale: language.locale, timezoneId: language.timezoneId });

        test("every main screen, photographed in its language and direction", async ({ page, emulator }, testInfo) => {
          test.setTimeout(240_000);
          const screen = async (name: string) => {
            await expectScreenInLanguage(page, language, name);
            await shootScreen(page, testInfo, `${name}-${language.name}-${size.name}-${colorScheme}`);
          };
          await walkEveryScreen(page, emulator, language, screen);
        });
      });
    }
  }
}

async function walkEveryScreen(
  page: Page,
  emulator: Parameters<typeof deliverMixedDirectionMail>[0],
  language: InterfaceLanguage,
  screen: (name: string) => Promise<void>,
): Promise<void> {
  forgetChosenLanguages();
  await page.goto("/");
  await expect(page.getByRole("button", { name: /Google/ })).toBeEnabled();
  await screen("sign-in");

  const threads = await deliverMixedDirectionMail(emulator);
  await signInInAnyLanguage(page);

  // The list with a Hebrew, an English and a mixed subject at the top.
  await openInbox(page);
  for (const threadId of Object.values(threads)) await expect(row(page, threadId)).toBeVisible();
  await expect(row(page, threads.hebrew)).toContainText(MIXED_MAIL.hebrew.subject);
  await screen("inbox");

  // A conversation in Hebrew.
  await openConversation(page, threads.hebrew);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MIXED_MAIL.hebrew.subject);
  await screen("conversation-hebrew");

  // A conversation in English.
  await openConversation(page, threads.english);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MIXED_MAIL.english.subject);
  await screen("conversation-english");

  await page.goto("/settings");
  await expect(page.getByTestId("language")).toBeVisible();
  await screen("settings");

  // An empty state: a search that finds nothing.
  await page.goto(`/inbox?q=${encodeURIComponent("nothing-matches-this-zq")}`);
  await expect(page.getByTestId("search-everywhere")).toBeVisible();
  await expect(page.getByTestId("message-row")).toHaveCount(0);
  await screen("empty-search");

  // Read-only so far: the first change asks for Google's permission, in a dialog, then on its own page.
  await openInbox(page);
  await selectRowByKeyboard(row(page, threads.english).getByTestId("row-select"));
  await page.getByTestId("action-archive").click();
  const dialog = page.getByTestId("scope-dialog");
  await expect(dialog).toBeVisible();
  await screen("permission-dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.goto(`/authorize?${new URLSearchParams({ account: "ada@example.com", returnTo: "/inbox" })}`);
  await expect(page.getByTestId("grant-continue")).toBeVisible();
  await screen("authorize");

  // Granted (a reply or a new message is saved as a draft when it closes), the composer and the snooze menu.
  await grantModify(page);
  const composer = page.getByTestId("composer");
  await openConversation(page, threads.hebrew);
  await page.getByTestId("conversation-message").last().getByTestId("reply").click();
  await expect(composer.getByTestId("compose-body")).toBeVisible();
  await screen("composer-reply");
  await composer.getByTestId("compose-subject").press("Escape");
  await expect(composer).toBeHidden();

  // A new message.
  await openInbox(page);
  await page.getByTestId("compose").click();
  await expect(composer.getByTestId("compose-body")).toBeVisible();
  await screen("composer-new");
  await composer.getByTestId("compose-subject").press("Escape");
  await expect(composer).toBeHidden();

  await openInbox(page);
  await selectRowByKeyboard(row(page, threads.english).getByTestId("row-select"));
  await page.getByTestId("action-snooze").click();
  await expect(page.getByTestId("snooze-option").first()).toBeVisible();
  await screen("snooze-menu");
  await page.keyboard.press("Escape");

  // Google revokes the grant: the banner that asks to reconnect.
  await emulator.control("POST", "revoke", { email: "ada@example.com" });
  await page.goto("/inbox");
  await expect(page.getByTestId("reauth-banner")).toBeVisible();
  await screen("reauth-banner");
}
