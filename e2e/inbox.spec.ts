import { type Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { expect, signIn, test } from "./fixtures";
import { adaConversationsWith } from "./seed-conversations";

const ada = SEED_FIXTURES.ada;

async function rowsOnPage(page: Page): Promise<{ id: string; date: string }[]> {
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  return page.getByTestId("message-row").evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute("data-thread-id") ?? "",
      date: row.querySelector("time")?.getAttribute("datetime") ?? "",
    })),
  );
}

async function firstRowId(page: Page): Promise<string | null> {
  return page
    .getByTestId("message-row")
    .first()
    .getAttribute("data-thread-id", { timeout: 1_000 })
    .catch(() => null);
}

/** Acts (a click, back, forward) and waits until the list shows another page. */
async function turnPage(page: Page, action: () => Promise<unknown>): Promise<{ id: string; date: string }[]> {
  const before = await firstRowId(page);
  await action();
  await expect.poll(() => firstRowId(page)).not.toBe(before);
  return rowsOnPage(page);
}

async function hasNext(page: Page): Promise<boolean> {
  return (await page.getByTestId("next-page").getAttribute("aria-disabled")) !== "true";
}

test.beforeEach(async ({ page, emulator: _ }) => {
  await signIn(page);
});

test("pages through all of ada's conversations to the end and back, newest first, none missing or repeated", async ({ page }) => {
  await page.goto(`/inbox?label=ALL&q=${encodeURIComponent("in:anywhere")}`);
  const forward: { id: string; date: string }[][] = [await rowsOnPage(page)];
  while (await hasNext(page)) {
    forward.push(await turnPage(page, () => page.getByTestId("next-page").click()));
  }
  // One row per conversation: every message is one, except the long thread's, which are one together.
  const all = forward.flat();
  expect(all).toHaveLength(ada.threadsTotal);
  expect(new Set(all.map((row) => row.id)).size).toBe(ada.threadsTotal);
  expect(all.map((row) => row.id)).toContain(ada.thread.id);
  const times = all.map((row) => Date.parse(row.date));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  expect(forward.length).toBe(Math.ceil(ada.threadsTotal / 25));

  // "Newer" walks back through the same pages.
  for (let index = forward.length - 2; index >= 0; index -= 1) {
    const rows = await turnPage(page, () => page.getByTestId("prev-page").click());
    expect(rows.map((row) => row.id)).toEqual(forward[index]!.map((row) => row.id));
  }
  await expect(page.getByTestId("prev-page")).toHaveAttribute("aria-disabled", "true");

  // The browser's own back and forward buttons land on the same pages: the URL is the whole state.
  expect((await turnPage(page, () => page.goBack())).map((row) => row.id)).toEqual(forward[1]!.map((row) => row.id));
  expect((await turnPage(page, () => page.goForward())).map((row) => row.id)).toEqual(forward[0]!.map((row) => row.id));
});

test("search and label tabs narrow the list", async ({ page }) => {
  const search = page.getByTestId("search");

  // A search looks in all mail, as Gmail's does, whichever tab it is typed in.
  await search.fill("is:unread");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=is%3Aunread/);
  const unreadRows = page.getByTestId("message-row");
  await expect(unreadRows).toHaveCount(Math.min(25, adaConversationsWith("UNREAD")));
  expect(await unreadRows.evaluateAll((rows) => rows.every((row) => row.classList.contains("unread")))).toBe(true);

  // The long thread is one row: named by its first message, dated and linked by its latest, with its count.
  await page.goto(`/inbox?label=ALL&q=${encodeURIComponent(`"${ada.thread.subject}"`)}`);
  const threadRow = page.getByTestId("message-row");
  await expect(threadRow).toHaveCount(1);
  await expect(threadRow).toHaveAttribute("data-thread-id", ada.thread.id);
  await expect(threadRow).toHaveAttribute("data-message-id", ada.thread.messageIds.at(-1)!);
  await expect(threadRow.locator(".subject")).toContainText(ada.thread.subject);
  await expect(threadRow.locator(".count")).toHaveText(` (${ada.thread.length} messages)`);
  await expect(threadRow.getByRole("link")).toHaveAttribute("href", new RegExp(`^/inbox/${ada.thread.id}\\?`));

  const firstSender = (await (await page.request.get("/api/messages?pageSize=1")).json()) as {
    messages: { from: { email: string; name: string } }[];
  };
  const sender = firstSender.messages[0]!.from;
  await page.goto(`/inbox?label=ALL&q=${encodeURIComponent(`from:${sender.email}`)}`);
  const senderRows = await page.getByTestId("message-row").locator(".from").allTextContents();
  expect(senderRows.length).toBeGreaterThan(0);
  // A conversation names everyone who wrote in it: the sender in full when alone, by first name among others.
  for (const text of senderRows) {
    const writers = text
      .replace("Unread, ", "")
      .replace("Starred, ", "")
      .split(/, | \.\. /);
    if (writers.length === 1) expect(writers[0]).toBe(sender.name);
    else expect(writers).toContain(sender.name.split(" ")[0]);
  }

  await page.goto("/inbox");
  await page.getByRole("navigation", { name: "Labels" }).getByRole("link", { name: "Starred" }).click();
  await expect(page).toHaveURL(/label=STARRED/);
  await expect(page.getByRole("navigation", { name: "Labels" }).getByRole("link", { name: "Starred" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByTestId("message-row")).toHaveCount(adaConversationsWith("STARRED"));
  await expect(page.getByTestId("message-row").locator('[data-testid="row-star"][aria-pressed="true"]')).toHaveCount(
    adaConversationsWith("STARRED"),
  );

  await page.getByRole("navigation", { name: "Labels" }).getByRole("link", { name: "Receipts" }).click();
  await expect(page.getByTestId("message-row")).toHaveCount(adaConversationsWith(ada.labels.receipts));

  await page.goto(`/inbox?q=${encodeURIComponent("nothing-matches-this-zq")}`);
  await expect(page.getByRole("heading", { name: "No messages match your search in all mail" })).toBeVisible();
});

test("a Hebrew message in windows-1255 reads correctly, right to left", async ({ page }) => {
  await page.goto(`/inbox/${ada.special.hebrew.id}`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(ada.special.hebrew.subject!);
  await expect(heading).toHaveAttribute("dir", "auto");
  const body = page.getByTestId("message-body");
  await expect(body).toContainText("תודה על הפגישה היום");
  expect(await body.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");

  await page.goto(`/inbox/${ada.special.latin1.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ada.special.latin1.subject!);
  await expect(page.getByTestId("message-body")).toContainText("Grüße et à bientôt");
});

test("an HTML message runs no script, and loads its remote image only after Show images", async ({ page }) => {
  const dialogs: string[] = [];
  const frameErrors: string[] = [];
  const imageRequests: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error" && !/Failed to load resource/.test(message.text())) frameErrors.push(message.text());
  });
  page.on("request", (request) => {
    if (request.url() === ada.special.htmlWithScript.remoteImageUrl) imageRequests.push(request.url());
  });

  await page.goto(`/inbox/${ada.special.htmlWithScript.id}`);
  const frame = page.frameLocator('[data-testid="message-body"]');
  await expect(frame.locator("body")).toContainText(/\w+/);
  // Same origin (so the page can size the frame to its mail), never allow-scripts.
  await expect(page.getByTestId("message-body")).toHaveAttribute(
    "sandbox",
    "allow-same-origin allow-popups allow-popups-to-escape-sandbox",
  );
  await page.waitForTimeout(500);
  expect(imageRequests).toEqual([]);
  expect(await frame.locator("script").count()).toBe(0);

  await page.getByRole("link", { name: "Show images" }).click();
  await expect(page).toHaveURL(/images=1/);
  await expect.poll(() => imageRequests.length).toBeGreaterThan(0);
  expect(dialogs).toEqual([]);
  expect(frameErrors).toEqual([]);
});

test("attachments are listed with name and size", async ({ page }) => {
  await page.goto(`/inbox/${ada.special.attachments.id}`);
  const list = page.getByRole("region", { name: /Attachments/ });
  for (const file of ada.special.attachments.files) await expect(list).toContainText(file.filename);
  await expect(list).toContainText(`${ada.special.attachments.files[0]!.size} B`);
});

test("the list can be driven from the keyboard", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page.locator('[data-keyboard="ready"]')).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  const second = await page.getByTestId("message-row").nth(1).getAttribute("data-thread-id");
  await expect(page.getByTestId("message-row").nth(1).getByRole("link")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/inbox/${second}`));
  await page.goto("/inbox");
  await expect(page.locator('[data-keyboard="ready"]')).toBeVisible();
  await page.keyboard.press("/");
  await expect(page.getByTestId("search")).toBeFocused();
});

test("an unknown or malformed message id is a clear not-found page", async ({ page }) => {
  // The page streams (its skeleton is already on the way), so the status stays 200; the API answers 404.
  for (const id of ["ffffffffffffffff", "not-an-id", "1A1F598F7B5F5D6F"]) {
    await page.goto(`/inbox/${id}`);
    await expect(page.getByRole("heading", { name: "Message not found" })).toBeVisible();
  }
});
