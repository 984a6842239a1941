// Acting from an open conversation, as in Gmail: a toolbar and Gmail's keys (by the key's place, so they work
// on a Hebrew layout), acting moves on to the next conversation with Undo still offered, and Previous/Next
// walk the list the conversation was opened from.
import type { Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { answerConsent, expect, signIn, test } from "./fixtures";
import { GmailReader } from "./gmail-reader";
import { grantModify } from "./grant-helpers";

const ADA = SEED_FIXTURES.accounts.ada.email;

test.beforeEach(async ({ page, emulator: _ }) => {
  await signIn(page);
});

/** The inbox's first rows' conversation ids, in list order. */
async function listedIds(page: Page, count: number): Promise<string[]> {
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  const ids = await page.getByTestId("message-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-thread-id") ?? ""));
  return ids.slice(0, count);
}

/** Opens the list's `index`th conversation from the list, as a person clicks it. */
async function openFromList(page: Page, index: number): Promise<void> {
  await page.getByTestId("message-row").nth(index).locator("a[data-row-link]").click();
  await expect(page.locator('[data-testid="conversation-toolbar"][data-keys="ready"]')).toBeVisible();
}

/** A key press the way a Hebrew keyboard layout sends it: the physical key's code, a Hebrew letter as key. */
async function pressOnHebrewLayout(page: Page, key: string, code: string): Promise<void> {
  await page.evaluate(
    ([key, code]) => document.body.dispatchEvent(new KeyboardEvent("keydown", { key, code, bubbles: true, cancelable: true })),
    [key, code] as const,
  );
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

test("e archives from the conversation and opens the next one, with Undo; u goes back to the list it came from", async ({
  page,
  emulator,
}) => {
  await grantModify(page);
  const gmail = await GmailReader.forAccount(emulator, ADA);
  const [first, second, third] = await listedIds(page, 3);
  await openFromList(page, 1);
  const toolbar = page.getByTestId("conversation-toolbar");
  await expect(toolbar.getByTestId("conversation-position")).toHaveText("2 of 25");
  await expect(page.getByTestId("conversation-previous")).toHaveAttribute("href", new RegExp(`^/inbox/${first}\\?`));
  await expect(page.getByTestId("conversation-next")).toHaveAttribute("href", new RegExp(`^/inbox/${third}\\?`));

  await page.keyboard.press("e");
  await expect(page).toHaveURL((url) => url.pathname === `/inbox/${third}`);
  await expect(page.getByTestId("undo")).toContainText("Archived");
  await expect.poll(() => gmail.threadLabels(second!)).not.toContain("INBOX");

  await page.getByTestId("undo").getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => gmail.threadLabels(second!)).toContain("INBOX");
  expect(pathOf(page)).toBe(`/inbox/${third}`);

  await page.keyboard.press("u");
  await expect(page).toHaveURL((url) => url.pathname === "/inbox" && url.search === "");
  await expect(page.getByTestId("message-row").first()).toBeVisible();
});

test("the toolbar's buttons: star, label, mark unread and trash, each in Gmail", async ({ page, emulator }) => {
  await grantModify(page);
  const gmail = await GmailReader.forAccount(emulator, ADA);
  const [, second, third] = await listedIds(page, 3);
  await openFromList(page, 1);

  const star = page.getByTestId("action-star");
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => gmail.threadLabels(second!)).toContain("STARRED");

  await page.getByTestId("action-label").selectOption({ label: "Travel" });
  await expect(page.getByTestId("undo")).toContainText("Travel");
  await expect.poll(async () => (await gmail.threadLabels(second!)).some((label) => label.startsWith("Label_"))).toBe(true);

  // Mark unread moves on, as archive does.
  await page.getByTestId("action-unread").click();
  await expect(page).toHaveURL((url) => url.pathname === `/inbox/${third}`);
  await expect.poll(() => gmail.threadLabels(second!)).toContain("UNREAD");

  await page.getByTestId("action-trash").click();
  await expect(page).not.toHaveURL((url) => url.pathname === `/inbox/${third}`);
  await expect.poll(() => gmail.threadLabels(third!)).toContain("TRASH");
});

test("keys follow the physical key on a Hebrew layout: j/k move, s stars, [ archives and goes to the newer one", async ({
  page,
  emulator,
}) => {
  await grantModify(page);
  const gmail = await GmailReader.forAccount(emulator, ADA);
  const [first, second, third, fourth] = await listedIds(page, 4);
  await openFromList(page, 1);

  await pressOnHebrewLayout(page, "ח", "KeyJ");
  await expect(page).toHaveURL((url) => url.pathname === `/inbox/${third}`);
  await expect(page.getByTestId("conversation-position")).toHaveText("3 of 25");
  await pressOnHebrewLayout(page, "ל", "KeyK");
  await expect(page).toHaveURL((url) => url.pathname === `/inbox/${second}`);

  await expect(page.locator('[data-testid="conversation-toolbar"][data-keys="ready"]')).toBeVisible();
  await pressOnHebrewLayout(page, "ד", "KeyS");
  await expect(page.getByTestId("action-star")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => gmail.threadLabels(second!)).toContain("STARRED");

  await page.keyboard.press("]");
  await expect(page).toHaveURL((url) => url.pathname === `/inbox/${third}`);
  await expect.poll(() => gmail.threadLabels(second!)).not.toContain("INBOX");
  await expect(page.locator('[data-testid="conversation-toolbar"][data-keys="ready"]')).toBeVisible();
  await page.keyboard.press("[");
  // The page cache still lists the archived one above: Previous goes where the list the reader saw had it.
  await expect(page).not.toHaveURL((url) => url.pathname === `/inbox/${third}`);
  await expect.poll(() => gmail.threadLabels(third!)).not.toContain("INBOX");
  expect([first, second]).toContain(pathOf(page).slice("/inbox/".length));
  expect(fourth).toBeTruthy();
});

test("keys stay out of the way while typing, and a list this instance never showed offers no Previous or Next", async ({ page }) => {
  await grantModify(page);
  const [first] = await listedIds(page, 1);
  // A list nobody opened here: its neighbours are unknown, and finding them is not worth a Gmail request.
  await page.goto(`/inbox/${first}?${new URLSearchParams({ back: "/inbox?label=STARRED&q=engine" })}`);
  await expect(page.locator('[data-testid="conversation-toolbar"][data-keys="ready"]')).toBeVisible();
  await expect(page.getByTestId("conversation-next")).toBeDisabled();
  await expect(page.getByTestId("conversation-previous")).toBeDisabled();
  await expect(page.getByTestId("conversation-position")).toHaveCount(0);

  await page.getByTestId("conversation-message").last().getByTestId("reply").click();
  const composer = page.getByTestId("composer");
  await expect(composer).toBeVisible();
  await composer.getByRole("textbox", { name: "Message" }).click();
  await page.keyboard.type("eju#");
  await expect(composer.getByRole("textbox", { name: "Message" })).toContainText("eju#");
  await expect(page).toHaveURL((url) => url.pathname === `/inbox/${first}`);
  await expect(page.getByTestId("undo")).toBeEmpty();
});

test("read-only so far: e asks Google first, and back from Google the archive completes and the next conversation opens", async ({
  page,
  emulator,
}) => {
  const gmail = await GmailReader.forAccount(emulator, ADA);
  const [, second, third] = await listedIds(page, 3);
  await openFromList(page, 1);
  await page.keyboard.press("e");
  const dialog = page.getByTestId("scope-dialog");
  await expect(dialog).toBeVisible();
  // Nothing moves on before the permission is granted.
  expect(pathOf(page)).toBe(`/inbox/${second}`);
  await dialog.getByRole("button", { name: /Continue/ }).click();
  await answerConsent(page, { email: ADA });

  await expect(page).toHaveURL((url) => url.pathname === `/inbox/${third}`);
  await expect(page.getByTestId("undo")).toContainText("Archived");
  await expect.poll(() => gmail.threadLabels(second!)).not.toContain("INBOX");
});
