// A person with the Hebrew keyboard layout on: Gmail's keys work by their place on the keyboard (the E key
// types "ק" and still archives), never while typing, and a Hebrew word finds its conversation as in Gmail.
// Playwright's keyboard types with a US layout only, so the key presses a Hebrew layout makes are dispatched
// as the browser would: keydown on the focused element, with the Hebrew character and the key's position.
import type { Page } from "@playwright/test";
import { type Emulator, expect, signIn, test } from "./fixtures";
import { GmailReader } from "./gmail-reader";
import { grantModify } from "./grant-helpers";

const ADA = "ada@example.com";

/** What a Hebrew layout sends for a key: its character, and the US key at the same place. */
const HEBREW = {
  e: { key: "ק", code: "KeyE" },
  j: { key: "ח", code: "KeyJ" },
  k: { key: "ל", code: "KeyK" },
  c: { key: "ב", code: "KeyC" },
} as const;

async function pressHebrew(page: Page, press: { key: string; code: string }): Promise<void> {
  await page.evaluate(({ key, code }) => {
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new KeyboardEvent("keydown", { key, code, bubbles: true, cancelable: true }));
  }, press);
}

const rows = (page: Page) => page.getByTestId("message-row");
const row = (page: Page, threadId: string) => page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"]`);
const threadIds = (page: Page) => rows(page).evaluateAll((items) => items.map((item) => item.getAttribute("data-thread-id") ?? ""));

async function openInbox(page: Page, path = "/inbox"): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  await expect(page.locator('[data-keyboard="ready"]')).toBeVisible();
}

/** A Hebrew message from Dana, newest in ada's inbox; its subject and body in UTF-8 as mail carries them. */
async function danaWrote(emulator: Emulator): Promise<{ threadId: string }> {
  const subject = `=?UTF-8?B?${Buffer.from("פגישה מחר").toString("base64")}?=`;
  const raw = [
    "From: Dana Cohen <dana@example.co.il>",
    "To: Ada Lovelace <ada@example.com>",
    `Subject: ${subject}`,
    "Message-ID: <meeting-tomorrow@example.co.il>",
    `Date: ${new Date().toUTCString().replace("GMT", "+0000")}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from("שלום עדה, נתראה בחדר הישיבות בעשר.").toString("base64"),
  ].join("\r\n");
  return (await emulator.control("POST", "messages", { email: ADA, raw, labelIds: ["INBOX", "UNREAD"] })) as { threadId: string };
}

test.describe("with the Hebrew keyboard layout", () => {
  test("ח and ל move through the list, ק archives the focused row, ב composes, and ק typed in the search box is a letter", async ({
    page,
    emulator,
  }) => {
    await signIn(page);
    await grantModify(page);
    const reader = await GmailReader.forAccount(emulator, ADA);
    await openInbox(page);
    const before = await threadIds(page);
    expect(before.length).toBeGreaterThan(3);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await pressHebrew(page, HEBREW.j);
    await expect(row(page, before[0]!).getByRole("link")).toBeFocused();
    await pressHebrew(page, HEBREW.j);
    await pressHebrew(page, HEBREW.j);
    await expect(row(page, before[2]!).getByRole("link")).toBeFocused();
    await pressHebrew(page, HEBREW.k);
    await expect(row(page, before[1]!).getByRole("link")).toBeFocused();

    await pressHebrew(page, HEBREW.e);
    await expect(row(page, before[1]!)).toHaveCount(0);
    await expect(row(page, before[2]!).getByRole("link")).toBeFocused();
    await expect.poll(() => reader.threadLabels(before[1]!)).not.toContain("INBOX");

    // In the search box the E key is the letter ק: the row the keys act on stays.
    await page.getByTestId("undo").getByRole("button", { name: "Dismiss" }).click();
    await page.getByTestId("search").focus();
    await pressHebrew(page, HEBREW.e);
    await page.getByTestId("search").fill("ק");
    await expect(page.getByTestId("search")).toHaveValue("ק");
    await expect(page.getByTestId("undo")).toBeEmpty();
    await expect(row(page, before[2]!)).toBeVisible();
    expect(await reader.threadLabels(before[2]!)).toContain("INBOX");

    await page.getByTestId("search").blur();
    await pressHebrew(page, HEBREW.c);
    await expect(page.getByTestId("composer").getByTestId("compose-body")).toBeVisible();
  });

  test("a Hebrew word finds its conversation, by whole words as Gmail matches them", async ({ page, emulator }) => {
    const { threadId } = await danaWrote(emulator);
    await signIn(page);
    await openInbox(page);
    await expect(row(page, threadId)).toContainText("פגישה מחר");

    for (const query of ["פגישה", "subject:מחר", "הישיבות"]) {
      await page.getByTestId("search").fill(query);
      await page.getByTestId("search").press("Enter");
      await expect(page.getByTestId("search")).toHaveValue(query);
      await expect(row(page, threadId)).toContainText("פגישה מחר");
      expect(await threadIds(page)).toEqual([threadId]);
    }

    await page.getByTestId("search").fill("פגי");
    await page.getByTestId("search").press("Enter");
    await expect(page.getByRole("heading", { name: "No messages match your search in all mail" })).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
  });
});
