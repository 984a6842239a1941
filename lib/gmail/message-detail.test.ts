import { describe, expect, it } from "vitest";
import { messageContract } from "../http/message-contract";
import type { MessageDetail } from "./message-detail";

const detail: MessageDetail = {
  id: "1a1f9d71d78b390f",
  threadId: "1a1f9d71d78b390f",
  from: { name: "Lin", email: "lin@example.org" },
  to: [],
  cc: [],
  replyTo: [],
  subject: "The archive",
  date: null,
  labelIds: ["INBOX"],
  unread: false,
  starred: false,
  snippet: "",
  text: "Figures",
  html: null,
  blockedRemoteImages: 0,
  truncated: null,
  attachments: [],
};

describe("messageContract", () => {
  it("answers exactly the contract's fields for a message shown whole", () => {
    expect(Object.keys(messageContract(detail)).sort()).toEqual(
      ["attachments", "cc", "date", "from", "html", "id", "labelIds", "subject", "text", "threadId", "to"].sort(),
    );
  });

  it("says so when the body was too large to show and `text` is only its start", () => {
    expect(messageContract({ ...detail, truncated: { bodyBytes: 20_000_000 } })).toMatchObject({ truncated: { bodyBytes: 20_000_000 } });
  });
});
