import { describe, expect, it } from "vitest";
import { conversationRowOf } from "./conversation-row-of";
import type { MessageDetail } from "@/lib/mail/get-message";

const thread = { id: "t1", subject: "Minutes", labelIds: ["INBOX", "UNREAD", "STARRED"] };
const shown = [{ id: "m1", from: { name: "Grace", email: "grace@example.com" }, date: null, snippet: "Hi" }] as unknown as MessageDetail[];

describe("conversationRowOf", () => {
  it("is the conversation as Gmail has it", () => {
    expect(conversationRowOf(thread, shown, "ada@example.com")).toMatchObject({ unread: true, starred: true, labelIds: thread.labelIds });
  });

  it("is already read when the page marks it read as it opens, so Mark unread at once has something to change", () => {
    expect(conversationRowOf(thread, shown, "ada@example.com", true)).toMatchObject({
      unread: false,
      starred: true,
      labelIds: ["INBOX", "STARRED"],
    });
  });
});
