// Snooze as a person uses it: from the list's toolbar (a preset, or a chosen time), gone from the inbox, listed
// under Snoozed with its wake time, and back in the inbox with Unsnooze, or on its own at its time, unread,
// while the page is open. Gmail's own view of the conversation (its labels) is checked alongside.
import { type Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { GmailReader } from "./gmail-reader";
import { grantModify, postFromPage } from "./grant-helpers";

const ADA = "ada@example.com";
const SNOOZED_LABEL = "Mailroom/Snoozed";

async function openInbox(page: Page, path = "/inbox"): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
}

const rows = (page: Page) => page.getByTestId("message-row");
const row = (page: Page, threadId: string) => page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"]`);

async function threadIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((items) => items.map((item) => item.getAttribute("data-thread-id") ?? ""));
}

/** The first conversation on the page that is read (so coming back unread shows). */
async function firstRead(page: Page, skip: string[] = []): Promise<string> {
  const states = await rows(page).evaluateAll((items) =>
    items.map((item) => ({ id: item.getAttribute("data-thread-id") ?? "", unread: item.classList.contains("unread") })),
  );
  const found = states.find((state) => !state.unread && !skip.includes(state.id));
  expect(found, "a read conversation on the first page").toBeDefined();
  return found!.id;
}

test.describe("snooze", () => {
  let reader: GmailReader;
  test.beforeEach(async ({ page, emulator }) => {
    await signIn(page);
    await grantModify(page);
    reader = await GmailReader.forAccount(emulator, ADA);
  });

  test("snooze with a preset and with a chosen time; Snoozed shows when they wake; Unsnooze brings one back", async ({ page }) => {
    test.setTimeout(120_000);
    await openInbox(page);
    const first = (await threadIds(page))[0]!;

    // A preset, from the toolbar's menu.
    await row(page, first).getByTestId("row-select").check();
    await page.getByTestId("action-snooze").click();
    const options = page.getByTestId("snooze-option");
    await expect(options.filter({ hasText: "Tomorrow" })).toBeVisible();
    await expect(options.filter({ hasText: "Next week" })).toBeVisible();
    // Each preset shows its time ("Mon 8:00 AM").
    await expect(options.filter({ hasText: "Tomorrow" })).toContainText(/\d{1,2}:00/);
    await options.filter({ hasText: "Tomorrow" }).click();
    await expect(row(page, first)).toHaveCount(0);
    await expect(page.getByTestId("snooze-notice")).toContainText("snoozed until");
    await expect.poll(() => reader.threadLabels(first)).not.toContain("INBOX");

    // A chosen time, with the b key on the focused row.
    const second = (await threadIds(page))[0]!;
    await row(page, second).getByRole("link").focus();
    await page.keyboard.press("b");
    const until = page.getByTestId("snooze-until");
    await expect(until).toBeVisible();
    const chosen = await page.evaluate(() => {
      const at = new Date(Date.now() + 2 * 86_400_000);
      at.setHours(9, 30, 0, 0);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T09:30`;
    });
    await until.fill(chosen);
    await page.getByTestId("snooze-confirm").click();
    await expect(row(page, second)).toHaveCount(0);

    // The Snoozed tab lists both with their wake times.
    await page.getByRole("navigation", { name: "Labels" }).getByRole("link", { name: "Snoozed" }).click();
    await expect(page).toHaveURL(/label=SNOOZED/);
    await expect(row(page, first)).toBeVisible();
    await expect(row(page, second)).toBeVisible();
    await expect(row(page, first).getByTestId("snoozed-until")).toContainText(/Snoozed until \w+/);
    await expect(row(page, second).getByTestId("snoozed-until")).toContainText(/9:30/);
    // Mailroom's label is the Snoozed view, not a label tab of its own.
    await expect(page.getByRole("navigation", { name: "Labels" }).getByRole("link", { name: SNOOZED_LABEL })).toHaveCount(0);

    // Unsnooze: back in the inbox at once.
    await row(page, first).getByTestId("row-select").check();
    await page.getByTestId("action-unsnooze").click();
    await expect(row(page, first)).toHaveCount(0);
    await expect.poll(() => reader.threadLabels(first)).toContain("INBOX");
    await openInbox(page);
    await expect(row(page, first)).toBeVisible();
    await expect(row(page, second)).toHaveCount(0);
  });

  test("snooze from an open conversation with b: the reader moves on, and the conversation is snoozed at Gmail", async ({ page }) => {
    test.setTimeout(90_000);
    await openInbox(page);
    const opened = (await threadIds(page))[0]!;
    await row(page, opened).getByRole("link").click();
    await expect(page.getByTestId("conversation-toolbar")).toHaveAttribute("data-keys", "ready");
    await page.keyboard.press("b");
    // The menu opens with its first preset focused, as from the list.
    await expect(page.getByTestId("snooze-option").first()).toBeFocused();
    await page.getByTestId("snooze-option").filter({ hasText: "Tomorrow" }).click();
    // Moved on, as after Archive: to the next conversation, or back to the list.
    await expect(page).not.toHaveURL(new RegExp(`/inbox/${opened}\\?`));
    await expect.poll(() => reader.threadLabels(opened)).not.toContain("INBOX");
    await openInbox(page, "/inbox?label=SNOOZED");
    await expect(row(page, opened).getByTestId("snoozed-until")).toBeVisible();
  });

  test("a short snooze wakes while the page is open: back in the inbox, unread", async ({ page }) => {
    test.setTimeout(90_000);
    await openInbox(page);
    const sleeper = await firstRead(page);
    const until = new Date(Date.now() + 3_000).toISOString();
    const answer = await postFromPage(page, { action: "snooze", threadIds: [sleeper], until });
    expect(answer).toEqual({ status: 200, body: { applied: 1, failed: [] } });
    // Gone (Gmail's change reaches the open list), then back, unread, at its time.
    await expect(row(page, sleeper)).toHaveCount(0, { timeout: 15_000 });
    await expect(row(page, sleeper)).toHaveClass(/unread/, { timeout: 30_000 });
    expect(await reader.threadLabels(sleeper)).toEqual(expect.arrayContaining(["INBOX", "UNREAD"]));
  });

  test("bad input changes nothing: a time in the past is a clear 400", async ({ page }) => {
    await openInbox(page);
    const id = (await threadIds(page))[0]!;
    const answer = await postFromPage(page, { action: "snooze", threadIds: [id], until: "2020-01-01T00:00:00Z" });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "bad_request" });
    expect(answer.body.error?.message).toMatch(/until is in the past/);
    expect(await reader.threadLabels(id)).toContain("INBOX");
  });

  test("the snooze menu at 1280×800 and 360×740, light and dark (screenshots)", async ({ page }) => {
    test.setTimeout(120_000);
    for (const [width, height] of [
      [1280, 800],
      [360, 740],
    ] as const) {
      for (const colorScheme of ["light", "dark"] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        await openInbox(page);
        await rows(page).first().getByTestId("row-select").check();
        await page.getByTestId("action-snooze").click();
        const menu = page.getByRole("menu", { name: "Snooze until" });
        await expect(menu).toBeVisible();
        // The whole menu is on screen, at either size.
        const box = (await menu.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        await expect(page.getByTestId("snooze-option").first()).toBeFocused();
        const name = `snooze-menu-${width}x${height}-${colorScheme}`;
        const path = test.info().outputPath(`${name}.png`);
        await page.screenshot({ path });
        await test.info().attach(name, { path, contentType: "image/png" });
        await page.keyboard.press("Escape");
        await expect(menu).toHaveCount(0);
      }
    }
  });
});
