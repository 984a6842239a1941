import { SEED_FIXTURES } from "../emulator/seed";
import { addAccount, expect, forgetEveryone, signIn, test } from "./fixtures";
import { beforeTheStreamOpens, deliverMail } from "./live-helpers";
import { adaConversationsWith } from "./seed-conversations";

type Logged = { t: number; ms: number; path: string };

// Nobody known to Mailroom before, and nobody left after: the user links both accounts in the test, and the
// specs that follow expect Ada to have one account.
test.beforeEach(forgetEveryone);
test.afterEach(forgetEveryone);

test("All accounts pages through both inboxes newest first, every conversation once, two Gmail round trips a page", async ({
  page,
  emulator,
}) => {
  test.setTimeout(120_000);
  await signIn(page, { email: "ada@example.com" });
  await addAccount(page, "grace@example.com");

  await page.goto("/inbox");
  await page.getByTestId("account-switcher").selectOption("all");
  await expect(page).toHaveURL(/account=all/);

  const seen: { id: string; account: string; date: string }[] = [];
  let pages = 0;
  for (;;) {
    await expect(page.getByTestId("message-row").first()).toBeVisible();
    const rows = await page.getByTestId("message-row").evaluateAll((elements) =>
      elements.map((row) => ({
        id: row.getAttribute("data-thread-id") ?? "",
        account: row.getAttribute("data-account") ?? "",
        date: row.querySelector("time")?.getAttribute("datetime") ?? "",
      })),
    );
    seen.push(...rows);
    pages += 1;
    const older = page.getByTestId("next-page");
    if ((await older.getAttribute("aria-disabled")) === "true") break;

    // The next page, with the emulator's log cleared: what it records is this page's Gmail traffic. The page's
    // live stream, once live, has caught up from the page's position (its own history.list and batch).
    await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
    const firstBefore = rows[0]?.id;
    await emulator.control("DELETE", "requests");
    await older.click();
    await expect(page.getByTestId("message-row").first()).not.toHaveAttribute("data-thread-id", firstBefore ?? "");
    // The log records a request when it ends: wait until this page's lists and batches are all in.
    const gmailTraffic = async () => {
      const { requests } = (await emulator.control("GET", "requests")) as { requests: Logged[] };
      return requests.filter((request) => request.path.startsWith("/gmail/v1/users/me/threads?") || request.path.startsWith("/batch/"));
    };
    // One list per account that still has mail to show (Grace's smaller inbox runs out first), then batches.
    await expect
      .poll(async () => (await gmailTraffic()).filter((request) => request.path.startsWith("/batch/")).length)
      .toBeGreaterThanOrEqual(1);
    const gmail = await gmailTraffic();
    const lists = gmail.filter((request) => request.path.startsWith("/gmail/")).length;
    expect(lists).toBeGreaterThanOrEqual(1);
    expect(lists).toBeLessThanOrEqual(2);
    // Every list started before any batch did: two sequential round trips, the accounts side by side.
    const lastListStart = Math.max(...gmail.filter((r) => r.path.startsWith("/gmail/")).map((r) => r.t));
    const firstBatchStart = Math.min(...gmail.filter((r) => r.path.startsWith("/batch/")).map((r) => r.t));
    expect(lastListStart).toBeLessThanOrEqual(firstBatchStart);
  }

  // No duplicate, no gap: exactly the two inboxes, each conversation once (Grace's messages are all single).
  const keys = seen.map((row) => `${row.account}/${row.id}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(seen.filter((row) => row.account === "ada@example.com")).toHaveLength(adaConversationsWith("INBOX"));
  expect(seen.filter((row) => row.account === "grace@example.com")).toHaveLength(SEED_FIXTURES.grace.inbox);
  expect(new Set(seen.map((row) => row.account))).toEqual(new Set(["ada@example.com", "grace@example.com"]));
  expect(pages).toBeGreaterThan(1);
  // Newest first across accounts and pages.
  const dates = seen.map((row) => Date.parse(row.date)).filter((value) => !Number.isNaN(value));
  expect(dates.length).toBe(seen.length);
  for (let index = 1; index < dates.length; index += 1) expect(dates[index]).toBeLessThanOrEqual(dates[index - 1]!);
});

test("All accounts is live: new mail of each account shows up without a reload, even mail that arrived before the stream opened", async ({
  page,
  emulator,
}) => {
  await emulator.control("POST", "watches/rate", { intervalMs: 0 });
  await signIn(page, { email: "ada@example.com" });
  await addAccount(page, "grace@example.com");
  const rowOf = (threadId: string, account: string) =>
    page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"][data-account="${account}"]`);

  let early: { id: string; threadId: string } | undefined;
  const { finished } = await beforeTheStreamOpens(page, async () => {
    early = await deliverMail(emulator, "Live: to Grace, before the stream", "grace@example.com");
  });
  await page.goto("/inbox?account=all");
  await finished;
  await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
  await expect(rowOf(early!.threadId, "grace@example.com")).toBeVisible();

  const forAda = await deliverMail(emulator, "Live: to Ada, in All accounts");
  await expect(rowOf(forAda.threadId, "ada@example.com")).toBeVisible();
  await expect(page.getByTestId("message-row").first()).toHaveAttribute("data-thread-id", forAda.threadId);
  const forGrace = await deliverMail(emulator, "Live: to Grace, in All accounts", "grace@example.com");
  await expect(rowOf(forGrace.threadId, "grace@example.com")).toBeVisible();
  await expect(page.getByTestId("message-row").first()).toHaveAttribute("data-thread-id", forGrace.threadId);
});
