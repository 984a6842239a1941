import { describe, expect, it } from "vitest";
import { conversationVersion } from "./conversation-version";

const row = { latestMessageId: "m2", messageCount: 2, labelIds: ["INBOX", "UNREAD"] };

describe("conversationVersion", () => {
  it("is the same for the same conversation, whatever the order of its labels", () => {
    expect(conversationVersion(row)).toBe(conversationVersion({ ...row, labelIds: ["UNREAD", "INBOX"] }));
    expect(conversationVersion(row)).toMatch(/^[0-9a-z]{1,8}$/);
  });

  it("changes with a new message, a label, or a message fewer", () => {
    const versions = new Set([
      conversationVersion(row),
      conversationVersion({ ...row, latestMessageId: "m3", messageCount: 3 }),
      conversationVersion({ ...row, labelIds: ["INBOX"] }),
      conversationVersion({ ...row, labelIds: ["INBOX", "UNREAD", "STARRED"] }),
      conversationVersion({ ...row, messageCount: 1 }),
    ]);
    expect(versions.size).toBe(5);
  });
});
