import { describe, expect, it } from "vitest";
import type { gmail_v1 } from "@googleapis/gmail";
import { summarizeThread } from "./thread-headers";

function message(id: string, from: string, internalDate: number, labelIds: string[], subject = "Hello"): gmail_v1.Schema$Message {
  return {
    id,
    threadId: "t1",
    labelIds,
    snippet: `snippet of ${id} &amp; more`,
    internalDate: String(internalDate),
    payload: {
      headers: [
        { name: "From", value: from },
        { name: "Subject", value: subject },
      ],
    },
  };
}

describe("summarizeThread", () => {
  it("names the conversation by its first message and dates it by the latest, whatever order Gmail sent them in", () => {
    const summary = summarizeThread({
      id: "t1",
      messages: [
        message("m3", "Grace <GRACE@example.com>", 3_000, ["INBOX", "STARRED"], "Re: Plan"),
        message("m1", "Grace <grace@example.com>", 1_000, ["INBOX"], "Plan"),
        message("m2", '"Babbage, Charles" <charles@example.com>', 2_000, ["SENT", "UNREAD"], "Re: Plan"),
      ],
    });
    expect(summary).toEqual({
      id: "t1",
      messageCount: 3,
      from: { name: "Grace", email: "GRACE@example.com" },
      // Addresses compare case-insensitively: Grace is one participant.
      participants: [
        { name: "Grace", email: "grace@example.com" },
        { name: "Babbage, Charles", email: "charles@example.com" },
      ],
      subject: "Plan",
      date: new Date(3_000).toISOString(),
      snippet: "snippet of m3 & more",
      unread: true,
      starred: true,
      labelIds: ["INBOX", "SENT", "UNREAD", "STARRED"],
      latestMessageId: "m3",
      hasAttachment: false,
    });
  });

  it("marks a conversation with files: some message's top part is multipart/mixed in Gmail's metadata", () => {
    const plain = message("m1", "a@example.com", 1_000, ["INBOX"]);
    const withFiles = { ...message("m2", "b@example.com", 2_000, ["INBOX"]), payload: { mimeType: "multipart/mixed", headers: [] } };
    const alternative = { ...message("m3", "c@example.com", 3_000, ["INBOX"]), payload: { mimeType: "multipart/alternative" } };
    expect(summarizeThread({ id: "t1", messages: [plain, withFiles] })?.hasAttachment).toBe(true);
    expect(summarizeThread({ id: "t1", messages: [plain, alternative] })?.hasAttachment).toBe(false);
  });

  it("has nothing to show for a thread without messages, and copes with messages without headers", () => {
    expect(summarizeThread({ id: "t1", messages: [] })).toBeNull();
    expect(summarizeThread({ id: "t1" })).toBeNull();
    const bare = summarizeThread({ id: "t1", messages: [{ id: "m1" }, { id: "m2", internalDate: "not a number" }] });
    expect(bare).toMatchObject({ messageCount: 2, subject: "", date: null, participants: [], latestMessageId: "m2", unread: false });
  });

  it("leaves trashed and spam messages out, unless Trash or Spam is what is listed or nothing else is left", () => {
    const thread = {
      id: "t1",
      messages: [message("m1", "a@example.com", 1_000, ["INBOX"]), message("m2", "b@example.com", 2_000, ["TRASH", "UNREAD"])],
    };
    expect(summarizeThread(thread, { label: "INBOX" })).toMatchObject({ messageCount: 1, unread: false, latestMessageId: "m1" });
    expect(summarizeThread(thread, { label: "TRASH" })).toMatchObject({ messageCount: 2, unread: true, latestMessageId: "m2" });
    const allTrashed = { id: "t2", messages: [message("m3", "c@example.com", 1_000, ["TRASH"])] };
    expect(summarizeThread(allTrashed, { label: "ALL" })).toMatchObject({ messageCount: 1, latestMessageId: "m3" });
  });
});
