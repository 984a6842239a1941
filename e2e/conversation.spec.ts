import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { authorizeThroughEmulator } from "../scripts/testing/emulator-client";
import { type Emulator, expect, signIn, test } from "./fixtures";

const ada = SEED_FIXTURES.ada;
const ADA = SEED_FIXTURES.accounts.ada.email;

test.beforeEach(async ({ page, emulator: _ }) => {
  await signIn(page);
});

const messages = (page: Page) => page.getByTestId("conversation-message");
const isOpen = (page: Page, index: number) =>
  messages(page)
    .nth(index)
    .evaluate((element) => (element as HTMLDetailsElement).open);

/** Inserts a message into Ada's mailbox the way Gmail receives mail; answers its ids. */
function insertMessage(emulator: Emulator, raw: string[], labelIds: string[], internalDate: number) {
  return emulator.control("POST", "messages", { email: ADA, raw: raw.join("\r\n"), labelIds, internalDate }) as Promise<{
    id: string;
    threadId: string;
  }>;
}

/** The bytes Gmail itself serves for an attachment (attachments.get through the emulator, as Google's clients call it). */
async function gmailAttachmentBytes(emulator: Emulator, messageId: string, attachmentId: string): Promise<Buffer> {
  const tokens = await authorizeThroughEmulator(emulator.url, ADA);
  const response = await fetch(`${emulator.url}/gmail/v1/users/me/messages/${messageId}/attachments/${attachmentId}`, {
    headers: { authorization: `Bearer ${tokens.access_token}` },
  });
  expect(response.status).toBe(200);
  return Buffer.from(((await response.json()) as { data: string }).data, "base64url");
}

test("ada's long conversation: every message, the latest open, read ones collapsed, and one opens from the keyboard", async ({ page }) => {
  await page.goto(`/inbox/${ada.thread.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ada.thread.subject);
  await expect(messages(page)).toHaveCount(ada.thread.length);
  expect(await messages(page).evaluateAll((all) => all.map((element) => element.getAttribute("data-message-id")))).toEqual(
    ada.thread.messageIds,
  );
  // Only the latest is unread in the seed: it alone is open.
  const open = await messages(page).evaluateAll((all) => all.map((element) => (element as HTMLDetailsElement).open));
  expect(open).toEqual(ada.thread.messageIds.map((_, index) => index === ada.thread.length - 1));
  await expect(messages(page).last().getByTestId("message-body")).toContainText("Invitations sent.");
  await expect(messages(page).nth(2).getByTestId("message-body")).toBeHidden();
  const axe = await new AxeBuilder({ page }).setLegacyMode(true).options({ iframes: false }).analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);

  // The read middle is folded (e2e/conversation-reading.spec.ts); opened, Tab reaches a collapsed message's
  // summary, Enter opens it, Space closes it again.
  await page.getByTestId("conversation-fold").click();
  const third = messages(page).nth(2).locator("summary");
  await messages(page).nth(1).locator("summary").focus();
  await page.keyboard.press("Tab");
  await expect(third).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(messages(page).nth(2).getByTestId("message-body")).toBeVisible();
  await expect(messages(page).nth(2).getByTestId("message-body")).toContainText("Agreed on the rehearsal.");
  expect(await isOpen(page, 2)).toBe(true);
  await page.keyboard.press("Space");
  await expect(messages(page).nth(2).getByTestId("message-body")).toBeHidden();
});

test("each HTML message renders in its own sandboxed frame, unread ones open, and no script runs", async ({ page, emulator }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const at = ada.newestInternalDate + 60_000;
  const html = (id: string, text: string, extra: string[] = []) => [
    "From: Lin <lin@example.org>",
    `To: ${ADA}`,
    `Subject: ${extra.length ? "Re: " : ""}Garden party`,
    `Message-ID: <${id}@example.org>`,
    ...extra,
    "Content-Type: text/html; charset=utf-8",
    "",
    `<p>${text}</p><script>alert("${id}")</script><img src="x" onerror="alert('${id}')">`,
  ];
  const root = await insertMessage(emulator, html("party-1", "First: bring a hat."), ["INBOX"], at);
  const reply = [`In-Reply-To: <party-1@example.org>`, `References: <party-1@example.org>`];
  await insertMessage(emulator, html("party-2", "Second: bring lemonade.", reply), ["INBOX", "UNREAD"], at + 1_000);
  const later = [`In-Reply-To: <party-2@example.org>`, `References: <party-1@example.org> <party-2@example.org>`];
  await insertMessage(emulator, html("party-3", "Third: see you there.", later), ["INBOX"], at + 2_000);

  await page.goto(`/inbox/${root.threadId}`);
  await expect(messages(page)).toHaveCount(3);
  // Read and earlier: collapsed. Unread: open. Latest: open.
  expect([await isOpen(page, 0), await isOpen(page, 1), await isOpen(page, 2)]).toEqual([false, true, true]);
  const frames = page.locator('iframe[data-testid="message-body"]');
  await expect(frames).toHaveCount(3);
  for (const sandbox of await frames.evaluateAll((all) => all.map((frame) => frame.getAttribute("sandbox"))))
    expect(sandbox).toBe("allow-same-origin allow-popups allow-popups-to-escape-sandbox");
  await messages(page).nth(0).locator("summary").click();
  const texts = ["First: bring a hat.", "Second: bring lemonade.", "Third: see you there."];
  for (const [index, text] of texts.entries()) {
    const body = messages(page).nth(index).frameLocator('[data-testid="message-body"]').locator("body");
    await expect(body).toHaveText(text);
    expect(await messages(page).nth(index).frameLocator('[data-testid="message-body"]').locator("script").count()).toBe(0);
  }
  expect(dialogs).toEqual([]);
});

test("an old link to one message of a conversation opens the conversation, keeping the account and the way back", async ({ page }) => {
  const later = ada.thread.messageIds[4]!;
  const back = `/inbox?label=ALL&q=${encodeURIComponent("engine")}`;
  await page.goto(`/inbox/${later}?${new URLSearchParams({ account: ADA, back })}`);
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === `/inbox/${ada.thread.id}` &&
      url.searchParams.get("account") === ADA &&
      url.searchParams.get("back") === back &&
      url.hash === `#message-${later}`,
  );
  await expect(messages(page)).toHaveCount(ada.thread.length);
  await expect(page.getByRole("link", { name: "Back to the inbox" })).toHaveAttribute("href", back);

  // An id that is neither a conversation nor a message is still not found.
  await page.goto("/inbox/ffffffffffffffff");
  await expect(page.getByRole("heading", { name: "Message not found" })).toBeVisible();
});

test("an attachment downloads byte for byte as Gmail holds it, under its own name", async ({ page, emulator }) => {
  const messageId = ada.special.attachments.id;
  await page.goto(`/inbox/${messageId}`);
  const list = page.getByRole("region", { name: /Attachments/ });
  for (const file of ada.special.attachments.files) {
    const link = list.getByRole("link", { name: file.filename });
    const href = (await link.getAttribute("href"))!;
    const attachmentId = decodeURIComponent(/\/attachments\/([^?]+)/.exec(href)![1]!);
    expect(href).toContain(`account=${encodeURIComponent(ADA)}`);

    const downloading = page.waitForEvent("download");
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(file.filename);
    const saved = await readFile(await download.path());
    expect(saved.length).toBe(file.size);
    expect(saved.equals(await gmailAttachmentBytes(emulator, messageId, attachmentId))).toBe(true);

    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(file.mimeType);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; /);
  }
});

test("an HTML attachment is only ever saved: attachment disposition, nosniff, a sandbox policy, and no script runs", async ({
  page,
  emulator,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const page1 = `<!doctype html><title>gotcha</title><script>alert(document.cookie)</script><p>hello</p>`;
  const filename = 'überraschung "party".html';
  const { id } = await insertMessage(
    emulator,
    [
      "From: Mallory <mallory@example.org>",
      `To: ${ADA}`,
      "Subject: Open me",
      'Content-Type: multipart/mixed; boundary="m1"',
      "",
      "--m1",
      "Content-Type: text/plain",
      "",
      "See the page attached.",
      "--m1",
      "Content-Type: text/html; charset=utf-8",
      `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from(page1).toString("base64"),
      "--m1--",
      "",
    ],
    ["INBOX"],
    ada.newestInternalDate + 60_000,
  );
  await page.goto(`/inbox/${id}`);
  const link = page.getByRole("region", { name: /Attachments/ }).getByRole("link");
  const href = (await link.getAttribute("href"))!;

  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toBe("text/html");
  const savedAs = "überraschung _party_.html";
  expect(headers["content-disposition"]).toBe(
    `attachment; filename="uberraschung _party_.html"; filename*=UTF-8''${encodeURIComponent(savedAs)}`,
  );
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toMatch(/^sandbox\b/);
  expect(await response.text()).toBe(page1);

  // Followed in the browser, it is a download, never a page of ours.
  const downloading = page.waitForEvent("download");
  await link.click();
  expect((await downloading).suggestedFilename()).toBe(savedAs);
  await expect(page).toHaveURL(new RegExp(`/inbox/${id}`));
  expect(dialogs).toEqual([]);
});

test("the conversation APIs answer the contract's shapes and refuse bad input with 4xx envelopes", async ({ page, playwright, appUrl }) => {
  const list = await page.request.get("/api/threads?pageSize=5");
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { threads: Record<string, unknown>[]; nextPageToken?: string; resultSizeEstimate: number };
  expect(body.threads).toHaveLength(5);
  expect(Object.keys(body.threads[0]!)).toEqual(
    expect.arrayContaining([
      "id",
      "messageCount",
      "from",
      "subject",
      "date",
      "snippet",
      "unread",
      "starred",
      "labelIds",
      "latestMessageId",
    ]),
  );
  expect(typeof body.nextPageToken).toBe("string");
  const all = await page.request.get("/api/threads?account=all&pageSize=3");
  expect(all.status()).toBe(200);
  expect(((await all.json()) as { threads: { account: string }[] }).threads.every((thread) => thread.account === ADA)).toBe(true);

  const thread = await page.request.get(`/api/threads/${ada.thread.id}`);
  expect(thread.status()).toBe(200);
  const detail = (await thread.json()) as { id: string; subject: string; labelIds: string[]; messages: Record<string, unknown>[] };
  expect(detail).toMatchObject({ id: ada.thread.id, subject: ada.thread.subject });
  expect(detail.messages.map((message) => message.id)).toEqual(ada.thread.messageIds);
  expect(Object.keys(detail.messages[0]!).sort()).toEqual(
    ["attachments", "cc", "date", "from", "html", "id", "labelIds", "subject", "text", "threadId", "to"].sort(),
  );
  const message = (await (await page.request.get(`/api/messages/${ada.special.attachments.id}`)).json()) as {
    attachments: { attachmentId: string }[];
  };
  const attachmentId = message.attachments[0]!.attachmentId;
  expect(attachmentId).toMatch(/^[\w-]{16,}$/);

  const refused: [string, number][] = [
    ["/api/threads?pageSize=0", 400],
    ["/api/threads?pageSize=101", 400],
    ["/api/threads?label=Nope", 400],
    [`/api/threads?q=${encodeURIComponent("from:x\u0001")}`, 400],
    ["/api/threads?q=a&q=b", 400],
    ["/api/threads?bogus=1", 400],
    [`/api/threads?account=${encodeURIComponent("stranger@example.com")}`, 400],
    [`/api/threads?pageToken=${"a".repeat(40)}.${"b".repeat(43)}`, 400],
    ["/api/threads/not-a-thread", 400],
    [`/api/threads/${ada.thread.id}?format=raw`, 400],
    ["/api/threads/ffffffffffffffff", 404],
    [`/api/threads/${ada.thread.messageIds[3]}`, 404],
    [`/api/messages/${ada.special.attachments.id}/attachments/short`, 400],
    [`/api/messages/${ada.special.attachments.id}/attachments/${"A".repeat(3000)}`, 400],
    [`/api/messages/${ada.special.attachments.id}/attachments/${encodeURIComponent("../../etc/passwd")}`, 400],
    [`/api/messages/not-an-id/attachments/${attachmentId}`, 400],
    [`/api/messages/${ada.special.attachments.id}/attachments/${attachmentId}?account=a&account=b`, 400],
    [`/api/messages/${ada.special.attachments.id}/attachments/ANGjdJ${"x".repeat(80)}`, 404],
    [`/api/messages/${ada.special.hebrew.id}/attachments/${attachmentId}`, 404],
    [`/api/messages/ffffffffffffffff/attachments/${attachmentId}`, 404],
  ];
  for (const [path, status] of refused) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(status);
    const error = ((await response.json()) as { error: { code: string; message: string } }).error;
    expect(error.code, path).toBe(status === 400 ? "bad_request" : "not_found");
    expect(error.message, path).not.toMatch(/\bat \w|ya29|Bearer|stack/i);
  }

  const anonymous = await playwright.request.newContext({ baseURL: appUrl });
  for (const path of [
    "/api/threads",
    `/api/threads/${ada.thread.id}`,
    `/api/messages/${ada.special.attachments.id}/attachments/${attachmentId}`,
  ]) {
    expect((await anonymous.get(path)).status(), path).toBe(401);
  }
  await anonymous.dispose();
});
