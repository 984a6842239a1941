// Opening an unread conversation marks it read when the account's grant allows it: with
// gmail.modify the opened messages are read at Gmail and in the inbox; read-only, nothing is asked of Gmail
// and nobody is sent to Google's consent screen.
import { authorizeThroughEmulator } from "../scripts/testing/emulator-client";
import { type Emulator, expect, forgetEveryone, signIn, test } from "./fixtures";
import { changeRequests, grantModify } from "./grant-helpers";

const ADA = "ada@example.com";

test.beforeEach(forgetEveryone);
test.afterEach(forgetEveryone);

/** A new unread message in Ada's inbox, as Gmail receives mail. */
async function deliverUnread(emulator: Emulator): Promise<{ id: string; threadId: string }> {
  const raw = ["From: Lin <lin@example.com>", `To: ${ADA}`, "Subject: Marked when opened", "", "Open me."].join("\r\n");
  return emulator.control("POST", "messages", {
    email: ADA,
    raw,
    labelIds: ["INBOX", "UNREAD"],
    internalDate: Date.now(),
  }) as Promise<{ id: string; threadId: string }>;
}

/** The message's labels as Gmail holds them (read through the emulator's Gmail API, as Google's clients do). */
async function gmailLabels(emulator: Emulator, id: string): Promise<string[]> {
  const { access_token } = await authorizeThroughEmulator(emulator.url, ADA);
  const response = await fetch(`${emulator.url}/gmail/v1/users/me/messages/${id}?format=minimal`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  return ((await response.json()) as { labelIds: string[] }).labelIds;
}

test("with gmail.modify, opening an unread conversation marks it read at Gmail and in the inbox", async ({ page, emulator }) => {
  await signIn(page);
  await grantModify(page);
  const message = await deliverUnread(emulator);
  await page.goto("/inbox");
  const row = page.locator(`[data-testid="message-row"][data-thread-id="${message.threadId}"]`);
  await expect(row).toHaveClass(/unread/);

  await page.goto(`/inbox/${message.threadId}`);
  await expect(page.getByRole("heading", { name: "Marked when opened" })).toBeVisible();
  await expect.poll(() => gmailLabels(emulator, message.id)).not.toContain("UNREAD");
  expect(await gmailLabels(emulator, message.id)).toContain("INBOX");

  await page.goto("/inbox");
  await expect(row).toBeVisible();
  await expect(row).not.toHaveClass(/unread/);
});

test("read-only, opening an unread conversation leaves it unread and asks nothing of Gmail or of the person", async ({
  page,
  emulator,
}) => {
  await signIn(page);
  const message = await deliverUnread(emulator);
  await emulator.control("DELETE", "requests");
  await page.goto(`/inbox/${message.threadId}`);
  await expect(page.getByRole("heading", { name: "Marked when opened" })).toBeVisible();
  // The page is fully loaded and idle: had it tried, the POST would have happened by now.
  await page.waitForLoadState("networkidle");
  expect(await changeRequests(emulator)).toEqual([]);
  expect(page.url()).toContain(`/inbox/${message.threadId}`);
  expect(await gmailLabels(emulator, message.id)).toContain("UNREAD");
});
