// The inbox's list as a person lives in it: a search that looks in all mail, Spam and Drafts among the tabs,
// rows that show labels, attachments and a star and can be acted on from themselves, two densities, the keys
// and landmarks a keyboard user needs, and new mail told to a screen reader and in the tab's title.
import { type Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { addAccount, expect, signIn, test } from "./fixtures";
import { GmailReader } from "./gmail-reader";
import { grantModify } from "./grant-helpers";
import { deliverMail } from "./live-helpers";
import { adaConversationsWith } from "./seed-conversations";

const ada = SEED_FIXTURES.ada;
const rows = (page: Page) => page.getByTestId("message-row");
const row = (page: Page, threadId: string) => page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"]`);
const tabs = (page: Page) => page.getByRole("navigation", { name: "Labels" });

async function openList(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  await expect(page.locator('[data-keyboard="ready"]')).toBeVisible();
}

async function threadIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((items) => items.map((item) => item.getAttribute("data-thread-id") ?? ""));
}

/** Rows wholly inside the window, as a person sees them without scrolling. */
async function rowsInView(page: Page): Promise<number> {
  return rows(page).evaluateAll((items) => items.filter((item) => item.getBoundingClientRect().bottom <= window.innerHeight).length);
}

async function expectGmail(reader: GmailReader, id: string, has: string[], lacks: string[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const labels = await reader.threadLabels(id);
        return has.every((label) => labels.includes(label)) && !lacks.some((label) => labels.includes(label)) ? "as expected" : labels;
      },
      { message: `Gmail's labels of ${id}: with ${has.join(", ")}, without ${lacks.join(", ")}` },
    )
    .toBe("as expected");
}

/** Kept under test-results/ (and in the report) for a person to look at. */
async function attachScreenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: "image/png" });
}

test.beforeEach(async ({ page, emulator: _ }) => {
  await signIn(page);
});

test("a search from any tab looks in all mail, keeps its query in the URL, and an empty one offers Spam and Trash", async ({ page }) => {
  const sent = Math.min(25, adaConversationsWith("SENT"));
  for (const start of ["/inbox", "/inbox?label=STARRED"]) {
    await openList(page, start);
    await page.getByTestId("search").fill("in:sent");
    await page.getByTestId("search").press("Enter");
    await expect(page).toHaveURL(/[?&]q=in%3Asent/);
    expect(page.url()).not.toContain("label=");
    await expect(rows(page)).toHaveCount(sent);
    await expect(page.getByTestId("search-scope")).toContainText("Searching all mail for");
    await expect(tabs(page).locator('[aria-current="page"]')).toHaveCount(0);
    await expect(page.getByTestId("search")).toHaveValue("in:sent");
  }

  await page.goto(`/inbox?q=${encodeURIComponent("nothing-matches-this-zq")}`);
  await expect(page.getByRole("heading", { name: "No messages match your search in all mail" })).toBeVisible();
  await page.getByTestId("search-everywhere").click();
  await expect(page).toHaveURL(/q=nothing-matches-this-zq\+in%3Aanywhere/);
  await expect(page.getByRole("heading", { name: "No messages match your search in all mail" })).toBeVisible();
  // Already everywhere: nothing further to offer.
  await expect(page.getByTestId("search-everywhere")).toHaveCount(0);
});

test("Spam and Drafts are tabs; Report spam and Not spam move a conversation there and back, each with Undo", async ({
  page,
  emulator,
}) => {
  await grantModify(page);
  const reader = await GmailReader.forAccount(emulator, "ada@example.com");

  await expect(tabs(page).getByRole("link", { name: "Drafts" })).toHaveAttribute("href", "/drafts");
  await tabs(page).getByRole("link", { name: "Spam" }).click();
  await expect(page).toHaveURL(/label=SPAM/);
  await expect(rows(page)).toHaveCount(Math.min(25, ada.spam));

  await openList(page, "/inbox");
  const [target] = await threadIds(page);
  await row(page, target!).getByTestId("row-select").check();
  await page.getByTestId("action-report-spam").click();
  await expect(row(page, target!)).toHaveCount(0);
  await expect(page.getByTestId("undo")).toContainText("Reported 1 conversation as spam");
  await expectGmail(reader, target!, ["SPAM"], ["INBOX"]);
  await page.getByTestId("undo").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("undo")).toContainText("Moved 1 conversation out of Spam");
  await expect(row(page, target!)).toHaveCount(1);
  await expectGmail(reader, target!, ["INBOX"], ["SPAM"]);

  // Reported again, it is in the Spam view, where Not spam sends it back to the inbox.
  await row(page, target!).getByTestId("row-select").check();
  await page.getByTestId("action-report-spam").click();
  await expectGmail(reader, target!, ["SPAM"], ["INBOX"]);
  await openList(page, "/inbox?label=SPAM");
  await expect(rows(page)).toHaveCount(Math.min(25, ada.spam + 1));
  await expect(page.getByTestId("action-archive")).toHaveCount(0);
  await row(page, target!).getByTestId("row-select").check();
  await expect(page.getByTestId("action-report-spam")).toHaveCount(0);
  await page.getByTestId("action-not-spam").click();
  await expect(row(page, target!)).toHaveCount(0);
  await expect(page.getByTestId("undo")).toContainText("Moved 1 conversation out of Spam");
  await expectGmail(reader, target!, ["INBOX"], ["SPAM"]);
});

test("rows show label chips, a paperclip and a star to click, act from themselves by mouse and keyboard, and the toolbar comes with a selection", async ({
  page,
  emulator,
}) => {
  test.setTimeout(120_000);
  await grantModify(page);
  const reader = await GmailReader.forAccount(emulator, "ada@example.com");

  // Every conversation found by its label wears that label's chip; the paperclip marks the one with files.
  await openList(page, `/inbox?q=${encodeURIComponent("label:receipts")}`);
  await expect(rows(page)).toHaveCount(Math.min(25, adaConversationsWith(ada.labels.receipts)));
  for (const chips of await rows(page).all()) await expect(chips.getByTestId("label-chip")).toContainText(["Receipts"]);
  await openList(page, `/inbox?q=${encodeURIComponent(`"${ada.special.attachments.subject}"`)}`);
  await expect(row(page, ada.special.attachments.threadId).getByTestId("row-attachment")).toBeVisible();
  await expect(rows(page).filter({ hasNot: page.getByTestId("row-attachment") })).toHaveCount((await rows(page).count()) - 1);
  await openList(page, "/inbox");

  // The range stands by the pager; without a selection there is no action toolbar to read past.
  await expect(page.getByTestId("page-range")).toHaveText(new RegExp(`^1–${await rows(page).count()} of (about )?\\d+$`));
  await expect(page.getByTestId("action-archive")).toHaveCount(0);
  const ids = await threadIds(page);
  await row(page, ids[0]!).getByTestId("row-select").check();
  await expect(page.getByTestId("action-archive")).toBeVisible();
  await row(page, ids[0]!).getByTestId("row-select").uncheck();
  await expect(page.getByTestId("action-archive")).toHaveCount(0);

  // The star is a toggle of its own: pressed, Gmail has it, and Undo takes it back.
  const plain = await rows(page).evaluateAll(
    (items) =>
      items
        .find((item) => item.querySelector('[data-testid="row-star"]')?.getAttribute("aria-pressed") === "false")
        ?.getAttribute("data-thread-id") ?? "",
  );
  const star = row(page, plain).getByTestId("row-star");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("undo")).toContainText("Starred 1 conversation");
  await expectGmail(reader, plain, ["STARRED"], []);
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("undo")).toContainText("Unstarred 1 conversation");
  await expect.poll(() => reader.threadLabels(plain)).not.toContain("STARRED");

  // Hover shows a row's buttons: archive from there.
  const hovered = ids[1]!;
  await row(page, hovered).hover();
  await expect(row(page, hovered).getByTestId("row-archive")).toBeVisible();
  await row(page, hovered).getByTestId("row-archive").click();
  await expect(row(page, hovered)).toHaveCount(0);
  await expect(page.getByTestId("undo")).toContainText("Archived 1 conversation");
  await expectGmail(reader, hovered, [], ["INBOX"]);
  await page.getByTestId("undo").getByRole("button", { name: "Undo" }).click();
  await expect(row(page, hovered)).toHaveCount(1);

  // The keyboard reaches the same buttons: Tab from the focused row, Enter to act.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("j");
  const first = (await threadIds(page))[0]!;
  await expect(row(page, first).getByRole("link")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(row(page, first).getByTestId("row-archive")).toBeFocused();
  await expect(row(page, first).getByTestId("row-archive")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(row(page, first).getByTestId("row-trash")).toBeFocused();
  await page.keyboard.press("Tab");
  const readToggle = row(page, first).locator('[data-testid="row-markRead"], [data-testid="row-markUnread"]');
  await expect(readToggle).toBeFocused();
  const wasUnread = await row(page, first).evaluate((item) => item.classList.contains("unread"));
  await page.keyboard.press("Enter");
  if (wasUnread) await expect(row(page, first)).not.toHaveClass(/\bunread\b/);
  else await expect(row(page, first)).toHaveClass(/\bunread\b/);
  await expectGmail(reader, first, wasUnread ? [] : ["UNREAD"], wasUnread ? ["UNREAD"] : []);
});

for (const size of [
  { name: "1280", viewport: { width: 1280, height: 800 }, atLeast: 15 },
  { name: "360", viewport: { width: 360, height: 740 }, atLeast: 8 },
]) {
  test(`at ${size.viewport.width}x${size.viewport.height} at least ${size.atLeast} conversations show; compact fits more and is remembered`, async ({
    page,
  }) => {
    await page.setViewportSize(size.viewport);
    await openList(page, "/inbox");
    const density = page.getByTestId("density");
    await expect(density).toHaveAttribute("aria-pressed", "false");
    const comfortable = await rowsInView(page);
    test.info().annotations.push({ type: "rows in view, comfortable", description: String(comfortable) });
    expect(comfortable).toBeGreaterThanOrEqual(size.atLeast);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await attachScreenshot(page, `inbox-${size.name}-comfortable-${colorScheme}`);
    }

    await density.click();
    await expect(density).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(page.locator('[data-actions="ready"]')).toBeVisible();
    await expect(page.getByTestId("density")).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("main.inbox")).toHaveAttribute("data-density", "compact");
    const compact = await rowsInView(page);
    test.info().annotations.push({ type: "rows in view, compact", description: String(compact) });
    expect(compact).toBeGreaterThanOrEqual(comfortable);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await attachScreenshot(page, `inbox-${size.name}-compact-${colorScheme}`);
    }
    await page.getByTestId("density").click();
    await expect(page.getByTestId("density")).toHaveAttribute("aria-pressed", "false");
  });
}

test("the first Tab stop skips to the conversations, every page has an h1, and ? opens the shortcut sheet", async ({ page }) => {
  await openList(page, "/inbox");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Tab");
  const skip = page.getByTestId("skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText("Skip to conversations");
  await page.keyboard.press("Enter");
  await expect(page.locator("#conversations")).toBeFocused();
  // The next Tab lands in the list, not back in the header.
  await page.keyboard.press("Tab");
  await expect(page.locator("#conversations :focus")).toHaveCount(1);

  for (const path of ["/inbox", "/inbox?label=Label_3", "/inbox?q=zzz", "/drafts", "/scheduled", "/settings", `/inbox/${ada.thread.id}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveCount(1);
  }

  await openList(page, "/inbox");
  await page.keyboard.press("Shift+Slash");
  const sheet = page.getByTestId("shortcuts");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
  await expect(sheet).toContainText("Archive");
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  // In the search box, ? is just a character.
  await page.getByTestId("search").fill("");
  await page.getByTestId("search").press("Shift+Slash");
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId("search")).toHaveValue("?");
});

test("new mail is announced politely and counted in the tab's title; the person's own actions are not", async ({ page, emulator }) => {
  await emulator.control("POST", "watches/rate", { intervalMs: 0 });
  await grantModify(page);
  await openList(page, "/inbox");
  await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
  const announcement = page.getByTestId("new-mail-announcement");
  await expect(announcement).toHaveAttribute("aria-live", "polite");
  await expect(announcement).toBeEmpty();
  const unread = await rows(page).evaluateAll((items) => items.filter((item) => item.classList.contains("unread")).length);
  await expect(page).toHaveTitle(`Inbox (${unread}) · Mailroom`);

  // The person's own archive and its Undo bring nothing new.
  const [first] = await threadIds(page);
  await row(page, first!).getByTestId("row-select").check();
  await page.getByTestId("action-archive").click();
  await expect(page.getByTestId("undo")).toContainText("Archived 1 conversation");
  await page.getByTestId("undo").getByRole("button", { name: "Undo" }).click();
  await expect(row(page, first!)).toHaveCount(1);

  const arrived = await deliverMail(emulator, "Announced: lunch on Friday?");
  await expect(row(page, arrived.threadId)).toBeVisible({ timeout: 10_000 });
  await expect(announcement).toHaveText("1 new conversation from Bob Example: Announced: lunch on Friday?");
  const now = await rows(page).evaluateAll((items) => items.filter((item) => item.classList.contains("unread")).length);
  await expect(page).toHaveTitle(`Inbox (${now}) · Mailroom`);
  expect(now).toBeGreaterThan(0);
});

test("in All accounts the reconnect banner names the account once, and at 360 px it reads as a sentence with its button", async ({
  page,
  emulator,
}) => {
  await addAccount(page, "grace@example.com");
  await emulator.control("POST", "revoke", { email: "grace@example.com" });
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto("/inbox?account=all");
    const banner = page.getByTestId("reauth-banner");
    await expect(banner).toHaveAttribute("data-account", "grace@example.com");
    const text = (await banner.locator("p").textContent()) ?? "";
    expect(text.split("grace@example.com").length - 1, text).toBe(1);
    // A sentence: its lines are as wide as the banner allows, not a word each.
    const sentence = (await banner.locator("p").boundingBox())!;
    const box = (await banner.boundingBox())!;
    expect(sentence.width).toBeGreaterThan(box.width * 0.6);
    await expect(banner.getByRole("button", { name: "Reconnect Gmail" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await attachScreenshot(page, `reauth-banner-${viewport.width}-${colorScheme}`);
    }
    await page.emulateMedia({ colorScheme: "light" });
  }
});
