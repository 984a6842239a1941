// Prefetching conversations from the inbox: a row the pointer rests on (or the keyboard focus, with the next
// rows) is read ahead, so opening it asks nothing of Gmail; a prefetch stays current with the live list, marks
// nothing read, and stays within its limits however many rows the pointer crosses.
import type { Page } from "@playwright/test";
import { type LoggedGmailRequest, deliverFromBob, loggedGmailRequests } from "../scripts/testing/emulator-client";
import { PREFETCH_LIMITS } from "../app/(mail)/inbox/prefetch/conversation-prefetcher";
import { type Emulator, expect, forgetEveryone, signIn, test } from "./fixtures";
import { changeRequests, grantModify } from "./grant-helpers";

const ADA = "ada@example.com";

test.beforeEach(forgetEveryone);
test.afterEach(forgetEveryone);

const rowOf = (page: Page, threadId: string) => page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"]`);

/** Gmail reads of mail (a conversation or a message) the emulator answered since its log was cleared. */
async function mailReads(emulator: Emulator): Promise<LoggedGmailRequest[]> {
  return (await loggedGmailRequests(emulator.url)).filter((request) => /^\/gmail\/v1\/users\/me\/(threads|messages)\//.test(request.path));
}

/** The conversation reads (threads.get) among the logged requests. */
const threadReads = (requests: LoggedGmailRequest[]) =>
  requests.filter((request) => /\/users\/me\/threads\/[^/?]+\?format=full/.test(request.path));

/** The most requests whose time at the emulator overlapped. */
function mostAtOnce(requests: LoggedGmailRequest[]): number {
  const edges = requests.flatMap((request) => [
    { t: request.t, step: 1 },
    { t: request.t + request.ms, step: -1 },
  ]);
  edges.sort((a, b) => a.t - b.t || a.step - b.step);
  let now = 0;
  let most = 0;
  for (const edge of edges) most = Math.max(most, (now += edge.step));
  return most;
}

async function openLiveInbox(page: Page, path = "/inbox"): Promise<void> {
  await page.goto(path);
  await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
}

test("a row the pointer rests on is read ahead: opening it asks nothing of Gmail and shows the conversation", async ({
  page,
  emulator,
}) => {
  await signIn(page);
  const { threadId } = await deliverFromBob(emulator.url, ADA, "Read ahead on hover");
  await openLiveInbox(page);
  const row = rowOf(page, threadId);
  await expect(row).not.toHaveAttribute("data-prefetch", /.*/);

  await row.locator("a[data-row-link]").hover();
  await expect(row).toHaveAttribute("data-prefetch", "ready");
  await emulator.control("DELETE", "requests");
  await row.locator("a[data-row-link]").click();
  await expect(page.getByRole("heading", { level: 1, name: "Read ahead on hover" })).toBeVisible();
  await expect(page.getByTestId("message-body")).toContainText("Hello");
  await page.waitForLoadState("networkidle");
  expect(await mailReads(emulator)).toEqual([]);
});

test("the focused row and the next ones are read ahead as j moves through the list", async ({ page, emulator }) => {
  await signIn(page);
  await openLiveInbox(page);
  const rows = page.getByTestId("message-row");
  await expect(page.locator('[data-keyboard="ready"]')).toBeAttached();
  await page.keyboard.press("j");
  for (const index of [0, 1, 2]) await expect(rows.nth(index)).toHaveAttribute("data-prefetch", "ready");
  await expect(rows.nth(3)).not.toHaveAttribute("data-prefetch", /.*/);

  await page.keyboard.press("j");
  await expect(rows.nth(3)).toHaveAttribute("data-prefetch", "ready");
  const subject = ((await rows.nth(1).locator(".subject").textContent()) ?? "").trim();
  await emulator.control("DELETE", "requests");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(threadReads(await mailReads(emulator))).toEqual([]);
});

test("a prefetched conversation that receives a message shows that message when opened", async ({ page, emulator }) => {
  await signIn(page);
  const message = (headers: string[], body: string) => ({
    email: ADA,
    labelIds: ["INBOX", "UNREAD"],
    raw: [...headers, "", body].join("\r\n"),
  });
  const first = (await emulator.control(
    "POST",
    "messages",
    message(["From: Bob <bob@example.com>", `To: ${ADA}`, "Subject: Kept current", "Message-ID: <kept-current-1@example.com>"], "Hello"),
  )) as { id: string; threadId: string };
  await openLiveInbox(page);
  const row = rowOf(page, first.threadId);
  await row.locator("a[data-row-link]").hover();
  await expect(row).toHaveAttribute("data-prefetch", "ready");
  await page.mouse.move(0, 0);

  const reply = (await emulator.control(
    "POST",
    "messages",
    message(
      [
        "From: Bob <bob@example.com>",
        `To: ${ADA}`,
        "Subject: Re: Kept current",
        "In-Reply-To: <kept-current-1@example.com>",
        "References: <kept-current-1@example.com>",
      ],
      "A later word from Bob",
    ),
  )) as { id: string; threadId: string };
  expect(reply.threadId).toBe(first.threadId);
  // The live list shows the new message on the row: its link is now the conversation as it stands.
  await expect(row).toHaveAttribute("data-message-id", reply.id);
  await row.locator("a[data-row-link]").click();
  await expect(page.getByRole("heading", { level: 1, name: "Kept current" })).toBeVisible();
  await expect(page.getByTestId("conversation-message")).toHaveCount(2);
  await expect(page.getByTestId("message-body").last()).toContainText("A later word from Bob");
});

test("a prefetch marks nothing read; opening the conversation from memory does", async ({ page, emulator }) => {
  await signIn(page);
  await grantModify(page);
  const { threadId } = await deliverFromBob(emulator.url, ADA, "Still unread after a glance");
  await openLiveInbox(page);
  const row = rowOf(page, threadId);
  await expect(row).toHaveClass(/unread/);
  await emulator.control("DELETE", "requests");

  await row.locator("a[data-row-link]").hover();
  await expect(row).toHaveAttribute("data-prefetch", "ready");
  await page.waitForLoadState("networkidle");
  expect(await changeRequests(emulator)).toEqual([]);
  await expect(row).toHaveClass(/unread/);

  await row.locator("a[data-row-link]").click();
  await expect(page.getByRole("heading", { level: 1, name: "Still unread after a glance" })).toBeVisible();
  await expect.poll(async () => (await changeRequests(emulator)).length).toBeGreaterThan(0);
  await page.goto("/inbox");
  await expect(rowOf(page, threadId)).not.toHaveClass(/unread/);
});

test("crossing 30 rows with the pointer stays within the prefetch limits", async ({ page, emulator }) => {
  await signIn(page);
  await openLiveInbox(page, "/inbox?pageSize=50");
  const rows = page.getByTestId("message-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(30);
  await emulator.control("DELETE", "requests");

  for (let index = 0; index < 30; index += 1) await rows.nth(index).locator("a[data-row-link]").hover();
  // Everything started has ended.
  await expect(rows.first()).toBeAttached();
  await expect(page.locator('[data-prefetch="loading"], [data-prefetch="waiting"]')).toHaveCount(0);
  const reads = threadReads(await mailReads(emulator));
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.length).toBeLessThanOrEqual(PREFETCH_LIMITS.maxPerList);
  expect(mostAtOnce(reads)).toBeLessThanOrEqual(PREFETCH_LIMITS.maxInFlight);
  expect(await page.locator('[data-prefetch="ready"]').count()).toBe(reads.length);
});
