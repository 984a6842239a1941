import { SEED_FIXTURES } from "../emulator/seed";
import { expect, signIn, test } from "./fixtures";

const ADA = SEED_FIXTURES.accounts.ada.email;
const ATTACKER = "attacker@evil.example";
const SPOOFED = "no-reply@accounts.google.com";

test("a display name that holds an address never passes for the sender, in the inbox row or the conversation", async ({
  page,
  emulator,
}) => {
  // The header: an encoded word whose text is a whole mailbox, before the sender's real address.
  const name = Buffer.from(`"Google Security <${SPOOFED}>"`).toString("base64");
  const raw = [
    `From: =?UTF-8?B?${name}?= <${ATTACKER}>`,
    `To: ${ADA}`,
    "Subject: Critical security alert",
    "Message-ID: <spoof-1@evil.example>",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Someone has your password.",
  ].join("\r\n");
  const at = SEED_FIXTURES.ada.newestInternalDate + 60_000;
  const { threadId } = (await emulator.control("POST", "messages", {
    email: ADA,
    raw,
    labelIds: ["INBOX", "UNREAD"],
    internalDate: at,
  })) as {
    threadId: string;
  };

  await signIn(page);
  // A search of its own: the inbox page an earlier spec left in the page cache is not this mailbox's.
  await page.goto(`/inbox?q=${encodeURIComponent("security alert")}`);
  const row = page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"]`);
  await expect(row.locator(".from")).toContainText(ATTACKER);
  await expect(row).not.toContainText(SPOOFED);
  await expect(row).not.toContainText("Google Security");

  await page.goto(`/inbox/${threadId}`);
  const message = page.getByTestId("conversation-message");
  await expect(message.locator("summary")).toContainText(ATTACKER);
  await expect(message.locator(".message-headers dd").first()).toHaveText(ATTACKER);
  await expect(page.locator("main")).not.toContainText(SPOOFED);
});
