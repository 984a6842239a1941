import type { Page } from "@playwright/test";
import { answerConsent, expect, signIn, test } from "./fixtures";
import { GmailReader } from "./gmail-reader";

const ADA = "ada@example.com";

declare global {
  interface Window {
    rowsRemoved?: string[];
  }
}

async function threadIds(page: Page): Promise<string[]> {
  return page.getByTestId("message-row").evaluateAll((items) => items.map((item) => item.getAttribute("data-thread-id") ?? ""));
}

/** Records every row that leaves the list from now on, however briefly. */
async function watchRowsLeaving(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    window.rowsRemoved = [];
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) {
          const id = node instanceof Element ? node.getAttribute("data-thread-id") : null;
          if (id) window.rowsRemoved?.push(id);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => window.rowsRemoved ?? []);
}

test("nothing changes before the grant, the primary action has focus, and once granted the archive is done", async ({ page, emulator }) => {
  await signIn(page, { email: ADA });
  await page.goto("/inbox");
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  const ids = await threadIds(page);
  const chosen = ids[1]!;
  await page.locator(`[data-testid="message-row"][data-thread-id="${chosen}"]`).getByTestId("row-select").check();
  const removed = await watchRowsLeaving(page);

  await page.getByTestId("action-archive").click();
  const dialog = page.getByTestId("scope-dialog");
  await expect(dialog).toBeVisible();
  // Behind the dialog the list is as it was: the row never left, not even for a moment.
  expect(await threadIds(page)).toEqual(ids);
  expect(await removed()).toEqual([]);
  // The action the person came for is where the keyboard starts.
  await expect(dialog.getByRole("button", { name: "Continue to Google" })).toBeFocused();
  // Said in two sentences.
  const text = (await dialog.locator("p").allTextContents()).join(" ").trim();
  expect(text.split(/(?<=[.!?])\s+(?=[A-Z])/)).toHaveLength(2);
  expect(text).toContain(ADA);

  await page.keyboard.press("Enter");
  await answerConsent(page, { email: ADA });
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId("undo")).toContainText("Archived 1 conversation");
  await expect(page.locator(`[data-testid="message-row"][data-thread-id="${chosen}"]`)).toHaveCount(0);
  const reader = await GmailReader.forAccount(emulator, ADA);
  await expect.poll(() => reader.threadLabels(chosen)).not.toContain("INBOX");
});

test("Cancel leaves the list exactly as it was", async ({ page, emulator: _ }) => {
  await signIn(page, { email: ADA });
  await page.goto("/inbox");
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  const ids = await threadIds(page);
  await page.getByTestId("row-select").first().check();
  const removed = await watchRowsLeaving(page);
  await page.getByTestId("action-trash").click();
  const dialog = page.getByTestId("scope-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await threadIds(page)).toEqual(ids);
  expect(await removed()).toEqual([]);
});
