import { type Locator, type Page } from "@playwright/test";
import { type Emulator, addAccount, answerConsent, expect, forgetEveryone, signIn, test } from "./fixtures";
import { GmailReader } from "./gmail-reader";
import { gmailLog, grantModify, withoutLiveSync } from "./grant-helpers";

const ADA = "ada@example.com";
const GRACE = "grace@example.com";

async function openInbox(page: Page, path = "/inbox"): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  await expect(page.locator('[data-keyboard="ready"]')).toBeVisible();
}

const rows = (page: Page) => page.getByTestId("message-row");
const row = (page: Page, threadId: string) => page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"]`);

/** What each row shows: its conversation, read state, star and text (the selection and focus aside). */
async function rowStates(page: Page): Promise<{ id: string; unread: boolean; text: string }[]> {
  return rows(page).evaluateAll((items) =>
    items.map((item) => ({
      id: item.getAttribute("data-thread-id") ?? "",
      unread: item.classList.contains("unread"),
      text: item.querySelector("a")?.textContent ?? "",
    })),
  );
}

async function threadIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((items) => items.map((item) => item.getAttribute("data-thread-id") ?? ""));
}

/** The first rows (in list order) that satisfy a condition on their classes and star. */
async function pick(page: Page, count: number, wanted: (state: { unread: boolean; starred: boolean }) => boolean): Promise<string[]> {
  const states = await rows(page).evaluateAll((items) =>
    items.map((item) => ({
      id: item.getAttribute("data-thread-id") ?? "",
      unread: item.classList.contains("unread"),
      starred: item.querySelector('[data-testid="row-star"]')?.getAttribute("aria-pressed") === "true",
    })),
  );
  const chosen = states
    .filter(wanted)
    .slice(0, count)
    .map((state) => state.id);
  expect(chosen).toHaveLength(count);
  return chosen;
}

async function select(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) await row(page, id).getByTestId("row-select").check();
}

/** Moves the keyboard focus to a row with j, as a keyboard user would. */
async function focusWithKeys(page: Page, threadId: string): Promise<void> {
  const index = (await threadIds(page)).indexOf(threadId);
  expect(index).toBeGreaterThanOrEqual(0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let step = 0; step <= index; step += 1) await page.keyboard.press("j");
  await expect(row(page, threadId).getByRole("link")).toBeFocused();
}

/** Gmail's modifying requests in the emulator's log (a batch counts once, whatever its parts). */
async function gmailChanges(emulator: Emulator) {
  // The open inbox's live stream renews its watch on its own (withoutLiveSync): not a change to mail.
  return withoutLiveSync(await gmailLog(emulator)).filter(
    (request) =>
      (request.method === "POST" && request.path.startsWith("/gmail/")) || (request.parts ?? []).some((part) => part.method !== "GET"),
  );
}

const undoToast = (page: Page): Locator => page.getByTestId("undo");

/** The labels each conversation has in Gmail, for `has` (present in the union) and `lacks`. */
async function expectGmail(reader: GmailReader, ids: string[], expectation: { has?: string; lacks?: string }): Promise<void> {
  for (const id of ids) {
    await expect
      .poll(() => reader.threadLabels(id), { message: `Gmail's labels of ${id}` })
      .toEqual(expectation.has ? expect.arrayContaining([expectation.has]) : expect.not.arrayContaining([expectation.lacks!]));
  }
}

test.describe("with permission to change mail", () => {
  let reader: GmailReader;
  test.beforeEach(async ({ page, emulator }) => {
    await signIn(page);
    await grantModify(page);
    reader = await GmailReader.forAccount(emulator, ADA);
  });

  test("each toolbar action shows at once, reaches Gmail, and Undo puts it back", async ({ page }) => {
    test.setTimeout(120_000);
    await openInbox(page);

    // Archive two: they leave the list; Undo brings them back where they were.
    const before = await threadIds(page);
    const archived = [before[1]!, before[3]!];
    await select(page, archived);
    await expect(page.getByTestId("select-all")).not.toBeChecked();
    await page.getByTestId("action-archive").click();
    for (const id of archived) await expect(row(page, id)).toHaveCount(0);
    await expect(undoToast(page)).toContainText("Archived 2 conversations");
    await expect(undoToast(page)).toHaveAttribute("role", "status");
    await expectGmail(reader, archived, { lacks: "INBOX" });
    await undoToast(page).getByRole("button", { name: "Undo" }).click();
    await expect(undoToast(page)).toContainText("Moved 2 conversations to the Inbox");
    await expectGmail(reader, archived, { has: "INBOX" });
    await expect.poll(() => threadIds(page)).toEqual(before);
    for (const id of archived) await expect(row(page, id).getByTestId("row-select")).not.toBeChecked();

    // Trash one.
    const trashed = before[0]!;
    await select(page, [trashed]);
    await page.getByTestId("action-trash").click();
    await expect(row(page, trashed)).toHaveCount(0);
    await expect(undoToast(page)).toContainText("Moved 1 conversation to the Trash");
    await expectGmail(reader, [trashed], { has: "TRASH" });
    await undoToast(page).getByRole("button", { name: "Undo" }).click();
    await expect(undoToast(page)).toContainText("Restored 1 conversation from the Trash");
    await expectGmail(reader, [trashed], { lacks: "TRASH" });
    await expect(row(page, trashed)).toHaveCount(1);

    // Star, read and unread change the row in place.
    const [unstarred] = await pick(page, 1, (state) => !state.starred);
    await select(page, [unstarred!]);
    await expect(page.getByTestId("action-star")).toHaveText("Star");
    await page.getByTestId("action-star").click();
    await expect(row(page, unstarred!).getByTestId("row-star")).toHaveAttribute("aria-pressed", "true");
    await expect(undoToast(page)).toContainText("Starred 1 conversation");
    await expectGmail(reader, [unstarred!], { has: "STARRED" });
    // Still selected, and now every target is starred: the same button unstars.
    await expect(page.getByTestId("action-star")).toHaveText("Unstar");
    await undoToast(page).getByRole("button", { name: "Undo" }).click();
    await expect(row(page, unstarred!).getByTestId("row-star")).toHaveAttribute("aria-pressed", "false");
    await expectGmail(reader, [unstarred!], { lacks: "STARRED" });
    await row(page, unstarred!).getByTestId("row-select").uncheck();

    const unread = await pick(page, 2, (state) => state.unread);
    await select(page, unread);
    await page.getByTestId("action-read").click();
    for (const id of unread) await expect(row(page, id)).not.toHaveClass(/unread/);
    await expect(undoToast(page)).toContainText("Marked 2 conversations as read");
    await expectGmail(reader, unread, { lacks: "UNREAD" });
    await undoToast(page).getByRole("button", { name: "Undo" }).click();
    for (const id of unread) await expect(row(page, id)).toHaveClass(/unread/);
    await expectGmail(reader, unread, { has: "UNREAD" });
    await page.getByTestId("select-all").check();
    await page.getByTestId("select-all").uncheck();

    const [read] = await pick(page, 1, (state) => !state.unread);
    await select(page, [read!]);
    await page.getByTestId("action-unread").click();
    await expect(row(page, read!)).toHaveClass(/unread/);
    await expect(undoToast(page)).toContainText("Marked 1 conversation as unread");
    await expectGmail(reader, [read!], { has: "UNREAD" });
    await undoToast(page).getByRole("button", { name: "Undo" }).click();
    await expect(row(page, read!)).not.toHaveClass(/unread/);
    await expectGmail(reader, [read!], { lacks: "UNREAD" });

    // The page stays true: what it shows after all that is what a fresh load shows.
    const shown = await threadIds(page);
    await openInbox(page);
    expect(await threadIds(page)).toEqual(shown);
    expect(shown).toEqual(before);
  });

  test("Gmail's keys act on the focused row or the selection, z undoes, and typing in the search box is not a shortcut", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openInbox(page);
    const before = await threadIds(page);

    // e archives the focused row; the focus moves to the row that takes its place.
    await focusWithKeys(page, before[2]!);
    await page.keyboard.press("e");
    await expect(row(page, before[2]!)).toHaveCount(0);
    await expect(row(page, before[3]!).getByRole("link")).toBeFocused();
    await expect(undoToast(page)).toContainText("Archived 1 conversation");
    await expectGmail(reader, [before[2]!], { lacks: "INBOX" });
    await page.keyboard.press("z");
    await expect(undoToast(page)).toContainText("Moved 1 conversation to the Inbox");
    await expect.poll(() => threadIds(page)).toEqual(before);
    await expectGmail(reader, [before[2]!], { has: "INBOX" });

    // x selects; # trashes the selection.
    await focusWithKeys(page, before[0]!);
    await page.keyboard.press("x");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect(row(page, before[0]!).getByTestId("row-select")).toBeChecked();
    await expect(row(page, before[1]!).getByTestId("row-select")).toBeChecked();
    await page.keyboard.press("#");
    await expect(undoToast(page)).toContainText("Moved 2 conversations to the Trash");
    await expect(rows(page).first()).toHaveAttribute("data-thread-id", before[2]!);
    await expectGmail(reader, [before[0]!, before[1]!], { has: "TRASH" });
    await page.keyboard.press("z");
    await expect.poll(() => threadIds(page)).toEqual(before);
    await expectGmail(reader, [before[0]!, before[1]!], { lacks: "TRASH" });

    // s toggles the star of the focused row.
    const [plain] = await pick(page, 1, (state) => !state.starred);
    await focusWithKeys(page, plain!);
    await page.keyboard.press("s");
    await expect(row(page, plain!).getByTestId("row-star")).toHaveAttribute("aria-pressed", "true");
    await expectGmail(reader, [plain!], { has: "STARRED" });
    await page.keyboard.press("s");
    await expect(row(page, plain!).getByTestId("row-star")).toHaveAttribute("aria-pressed", "false");
    await expect(undoToast(page)).toContainText("Unstarred 1 conversation");
    await expectGmail(reader, [plain!], { lacks: "STARRED" });

    // Shift+I and Shift+U.
    const [unread] = await pick(page, 1, (state) => state.unread);
    await focusWithKeys(page, unread!);
    await page.keyboard.press("Shift+I");
    await expect(row(page, unread!)).not.toHaveClass(/unread/);
    await expect(undoToast(page)).toContainText("Marked 1 conversation as read");
    await expectGmail(reader, [unread!], { lacks: "UNREAD" });
    await page.keyboard.press("Shift+U");
    await expect(row(page, unread!)).toHaveClass(/unread/);
    await expect(undoToast(page)).toContainText("Marked 1 conversation as unread");
    await expectGmail(reader, [unread!], { has: "UNREAD" });

    // In the search box the same keys are just letters.
    await page.getByTestId("undo").getByRole("button", { name: "Dismiss" }).click();
    await page.getByTestId("search").fill("");
    await page.getByTestId("search").pressSequentially("e#sxz");
    await expect(page.getByTestId("search")).toHaveValue("e#sxz");
    await expect(undoToast(page)).toBeEmpty();
    expect(await threadIds(page)).toEqual(before);
  });

  test("selecting 50 conversations and archiving them is one Gmail request, and so is the Undo", async ({ page, emulator }) => {
    await openInbox(page, "/inbox?pageSize=50");
    await expect(rows(page)).toHaveCount(50);
    const ids = await threadIds(page);
    await page.getByTestId("select-all").check();
    await expect(page.getByText("50 selected")).toBeVisible();
    await emulator.control("DELETE", "requests");

    await page.getByTestId("action-archive").click();
    await expect(undoToast(page)).toContainText("Archived 50 conversations");
    const changes = await gmailChanges(emulator);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    // One batchModify, or one batch whose 50 parts each change one of the selected conversations.
    if (change!.path.startsWith("/batch/")) {
      expect(change!.parts).toHaveLength(50);
      expect(new Set(change!.parts!.map((part) => /\/threads\/([^/]+)\//.exec(part.path)?.[1]))).toEqual(new Set(ids));
    } else {
      expect(change!.path).toMatch(/batchModify$/);
    }
    await expectGmail(reader, ids, { lacks: "INBOX" });

    await emulator.control("DELETE", "requests");
    await page.keyboard.press("z");
    await expect(undoToast(page)).toContainText("Moved 50 conversations to the Inbox");
    expect(await gmailChanges(emulator)).toHaveLength(1);
    await expect.poll(() => threadIds(page)).toEqual(ids);
    await expectGmail(reader, ids, { has: "INBOX" });
  });

  // 429 with a Retry-After longer than Mailroom waits (it gives up at once); 500 until its retries run out.
  for (const fault of [{ status: 429, retryAfter: 60 }, { status: 500 }]) {
    test(`when Gmail answers ${fault.status}, the rows are put back exactly and the page says what happened`, async ({
      page,
      emulator,
    }) => {
      test.setTimeout(90_000);
      await openInbox(page);
      const before = await rowStates(page);
      const ids = before.map((state) => state.id);
      await emulator.control("POST", "faults", { match: { method: "POST", path: "/gmail/v1/users/me/" }, ...fault });

      await select(page, [ids[0]!]);
      await page.getByTestId("action-archive").click();
      // The server retries overloaded Gmail within a bounded budget before it answers.
      const patience = { timeout: 30_000 };
      await expect(page.getByTestId("action-error")).toContainText("Could not archive 1 conversation", patience);
      await expect(page.getByRole("alert").filter({ hasText: "Could not archive" })).toBeVisible();
      await expect(undoToast(page)).toBeEmpty();
      expect(await threadIds(page)).toEqual(ids);
      await expectGmail(reader, [ids[0]!], { has: "INBOX" });

      // Back as it was, selection included.
      await expect(row(page, ids[0]!).getByTestId("row-select")).toBeChecked();

      // A key fails the same way, and every row is back exactly as it was.
      await row(page, ids[0]!).getByTestId("row-select").uncheck();
      const [plain] = await pick(page, 1, (state) => !state.starred);
      await focusWithKeys(page, plain!);
      await page.keyboard.press("s");
      await expect(page.getByTestId("action-error")).toContainText("Could not star 1 conversation", patience);
      expect(await rowStates(page)).toEqual(before);
      await expectGmail(reader, [plain!], { lacks: "STARRED" });

      // Once Gmail recovers, the same action goes through.
      await emulator.control("DELETE", "faults");
      await select(page, [ids[0]!]);
      await page.getByTestId("action-archive").click();
      await expect(undoToast(page)).toContainText("Archived 1 conversation");
      await expect(page.getByTestId("action-error")).toBeEmpty();
      await expectGmail(reader, [ids[0]!], { lacks: "INBOX" });
    });
  }

  test("two tabs acting on the same conversation: the second answers sensibly and both pages end up true", async ({ page, context }) => {
    await openInbox(page);
    const other = await context.newPage();
    // The second tab's live stream is down: with it, the trash would take the conversation out of that list
    // too, as it should; without it, the tab acts on what it still shows.
    await other.route("**/api/events**", (route) => route.abort());
    await openInbox(other);
    const [target] = await threadIds(page);

    await select(page, [target!]);
    await page.getByTestId("action-trash").click();
    await expect(undoToast(page)).toContainText("Moved 1 conversation to the Trash");
    await expectGmail(reader, [target!], { has: "TRASH" });

    // The second tab still shows it, and archives it: Gmail accepts (it is still a conversation of Ada's).
    await expect(row(other, target!)).toHaveCount(1);
    await select(other, [target!]);
    await other.getByTestId("action-archive").click();
    await expect(row(other, target!)).toHaveCount(0);
    const answer = other.locator('[data-testid="undo"], [data-testid="action-error"]').filter({ hasText: /\S/ });
    await expect(answer).not.toHaveCount(0);
    await expect(other.getByRole("heading", { name: /went wrong/i })).toHaveCount(0);

    // After a reload both tabs show what Gmail holds: trashed, so in neither inbox.
    for (const tab of [page, other]) {
      await openInbox(tab);
      await expect(row(tab, target!)).toHaveCount(0);
    }
    await expectGmail(reader, [target!], { has: "TRASH" });
    await other.close();
  });
});

test.describe("the first action asks Google for permission", () => {
  test.beforeEach(async ({ page, emulator: _ }) => {
    await signIn(page);
  });

  test("granted: the archive the user asked for completes on return", async ({ page, emulator }) => {
    await openInbox(page, "/inbox?label=INBOX&q=in%3Ainbox");
    const ids = await threadIds(page);
    const chosen = [ids[0]!, ids[2]!];
    await select(page, chosen);
    await page.getByTestId("action-archive").click();

    const dialog = page.getByTestId("scope-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute("role", "dialog");
    await expect(dialog).toContainText("can only read today");
    await dialog.getByRole("button", { name: "Continue to Google" }).click();

    // Google's screen asks for the one new permission only.
    await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
    await expect(page.getByText("Read your email messages and settings")).toHaveCount(0);
    await answerConsent(page, { email: ADA });

    await expect(page).toHaveURL(/\/inbox\?label=INBOX&q=in%3Ainbox$/);
    await expect(undoToast(page)).toContainText("Archived 2 conversations");
    for (const id of chosen) await expect(row(page, id)).toHaveCount(0);
    expect(await page.evaluate(() => sessionStorage.getItem("mailroom.pending-action"))).toBeNull();
    const reader = await GmailReader.forAccount(emulator, ADA);
    await expectGmail(reader, chosen, { lacks: "INBOX" });

    // The replay ran once: a reload neither archives again nor offers the dialog.
    await openInbox(page, "/inbox?label=INBOX&q=in%3Ainbox");
    await expect(undoToast(page)).toBeEmpty();
    await expect(page.getByTestId("scope-dialog")).toHaveCount(0);
  });

  test("declined at Google: nothing changes and Mailroom says it stays read-only", async ({ page, emulator }) => {
    await openInbox(page);
    const ids = await threadIds(page);
    await select(page, [ids[1]!]);
    await page.getByTestId("action-trash").click();
    await page.getByTestId("scope-dialog").getByRole("button", { name: "Continue to Google" }).click();
    // Google's screen, where the person presses Cancel.
    await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
    await page.getByRole("button", { name: "Cancel" }).click();

    await expect(page).toHaveURL(/\/inbox/);
    await expect(page.getByTestId("scope-declined")).toHaveText("Mailroom stays read-only: permission to change mail was not granted.");
    await expect(page.getByTestId("scope-declined")).toHaveAttribute("role", "status");
    expect(await threadIds(page)).toEqual(ids);
    const reader = await GmailReader.forAccount(emulator, ADA);
    await expectGmail(reader, [ids[1]!], { lacks: "TRASH" });
  });

  test("Cancel in Mailroom's dialog puts the rows back and sends nothing", async ({ page, emulator }) => {
    await openInbox(page);
    const ids = await threadIds(page);
    await emulator.control("DELETE", "requests");
    await select(page, [ids[0]!, ids[1]!]);
    await page.getByTestId("action-archive").click();
    const dialog = page.getByTestId("scope-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    expect(await threadIds(page)).toEqual(ids);
    expect(await gmailChanges(emulator)).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem("mailroom.pending-action"))).toBeNull();
  });
});

test.describe("All accounts", () => {
  // Links a second account: nobody before, nobody left after.
  test.beforeEach(forgetEveryone);
  test.afterEach(forgetEveryone);

  test("one click acts on each row in its own account, and Undo restores both", async ({ page, emulator }) => {
    test.setTimeout(120_000);
    await signIn(page, { email: ADA });
    await addAccount(page, GRACE);
    await grantModify(page, ADA);
    await grantModify(page, GRACE);
    const readers: Record<string, GmailReader> = {
      [ADA]: await GmailReader.forAccount(emulator, ADA),
      [GRACE]: await GmailReader.forAccount(emulator, GRACE),
    };

    await openInbox(page, "/inbox?account=all");
    const pickFrom = async (account: string) =>
      (await page.locator(`[data-testid="message-row"][data-account="${account}"]`).first().getAttribute("data-thread-id"))!;
    const chosen = { [ADA]: await pickFrom(ADA), [GRACE]: await pickFrom(GRACE) };
    const before = await threadIds(page);
    for (const [account, id] of Object.entries(chosen)) {
      await page
        .locator(`[data-testid="message-row"][data-account="${account}"][data-thread-id="${id}"]`)
        .getByTestId("row-select")
        .check();
    }
    await emulator.control("DELETE", "requests");
    await page.getByTestId("action-archive").click();
    await expect(undoToast(page)).toContainText("Archived 2 conversations");
    for (const id of Object.values(chosen)) await expect(row(page, id)).toHaveCount(0);
    // One change per account, each with that account's own token.
    expect(await gmailChanges(emulator)).toHaveLength(2);
    for (const [account, id] of Object.entries(chosen)) await expectGmail(readers[account]!, [id], { lacks: "INBOX" });

    await page.keyboard.press("z");
    await expect(undoToast(page)).toContainText("Moved 2 conversations to the Inbox");
    await expect.poll(() => threadIds(page)).toEqual(before);
    for (const [account, id] of Object.entries(chosen)) await expectGmail(readers[account]!, [id], { has: "INBOX" });
  });
});
