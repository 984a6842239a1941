import { type gmail_v1 } from "@googleapis/gmail";
import { describe, expect, it } from "vitest";

import { headerValue, parseMessageDate, summarizeMessage } from "./message-headers";

describe("headerValue", () => {
  const headers = [
    { name: "subject", value: "first" },
    { name: "SUBJECT", value: "second" },
    { name: "X-Empty", value: "" },
    { name: "X-Null", value: null },
    { value: "nameless" },
  ];
  it("finds the first header case-insensitively", () => {
    expect(headerValue(headers, "Subject")).toBe("first");
    expect(headerValue(headers, "x-empty")).toBe("");
  });
  it("returns null for absent headers or values", () => {
    expect(headerValue(headers, "From")).toBeNull();
    expect(headerValue(headers, "X-Null")).toBeNull();
    expect(headerValue(undefined, "From")).toBeNull();
    expect(headerValue(null, "From")).toBeNull();
  });
});

describe("parseMessageDate", () => {
  it("prefers Gmail's internalDate", () => {
    expect(parseMessageDate("Mon, 1 Jan 2001 00:00:00 +0000", "1701770400000")).toBe("2023-12-05T10:00:00.000Z");
  });

  it("falls back to the Date header when internalDate is missing or invalid", () => {
    const header = "Tue, 5 Dec 2023 10:00:00 +0100";
    for (const internal of [undefined, null, "", "0", "-5", "abc", "1.5", "99999999999999999999"]) {
      expect(parseMessageDate(header, internal)).toBe("2023-12-05T09:00:00.000Z");
    }
  });

  it("reads Date headers with comments, obsolete zones and odd spacing", () => {
    expect(parseMessageDate("Tue, 5 Dec 2023 10:00:00 +0000 (UTC)", null)).toBe("2023-12-05T10:00:00.000Z");
    expect(parseMessageDate("Tue,  5 Dec 2023\r\n 10:00:00 GMT", null)).toBe("2023-12-05T10:00:00.000Z");
    expect(parseMessageDate("5 Dec 2023 05:00:00 EST", null)).toBe("2023-12-05T10:00:00.000Z");
  });

  it("returns null when neither value is usable", () => {
    expect(parseMessageDate(null, null)).toBeNull();
    expect(parseMessageDate("not a date", "soon")).toBeNull();
    expect(parseMessageDate("(just a comment)", undefined)).toBeNull();
  });
});

describe("summarizeMessage", () => {
  const metadata: gmail_v1.Schema$Message = {
    id: "18c1b58689824c92",
    threadId: "18c1b58689824c00",
    labelIds: ["UNREAD", "STARRED", "INBOX"],
    snippet: "Hi Ann, here&#39;s the report &amp; the &lt;numbers&gt;",
    internalDate: "1701770400000",
    payload: {
      mimeType: "multipart/mixed",
      headers: [
        { name: "from", value: '"Bob, Sales" <bob@example.com>' },
        { name: "SUBJECT", value: "=?windows-1255?B?+ezl7SDy5ezt?=" },
        { name: "Date", value: "Mon, 1 Jan 2001 00:00:00 +0000" },
      ],
    },
  };

  it("builds the inbox row a caller shows", () => {
    expect(summarizeMessage(metadata)).toEqual({
      id: "18c1b58689824c92",
      threadId: "18c1b58689824c00",
      from: { name: "Bob, Sales", email: "bob@example.com" },
      subject: "שלום עולם",
      date: "2023-12-05T10:00:00.000Z",
      snippet: "Hi Ann, here's the report & the <numbers>",
      unread: true,
      starred: true,
      labelIds: ["UNREAD", "STARRED", "INBOX"],
    });
  });

  it("reads read, unstarred messages", () => {
    const summary = summarizeMessage({ ...metadata, labelIds: ["INBOX"] });
    expect(summary.unread).toBe(false);
    expect(summary.starred).toBe(false);
  });

  it("still produces a summary for a message with nothing in it", () => {
    expect(summarizeMessage({})).toEqual({
      id: "",
      threadId: "",
      from: { name: null, email: null },
      subject: "",
      date: null,
      snippet: "",
      unread: false,
      starred: false,
      labelIds: [],
    });
  });

  it("copes with odd values", () => {
    const summary = summarizeMessage({
      id: "abc",
      labelIds: null,
      snippet: null,
      internalDate: "garbage",
      payload: {
        headers: [
          { name: "From", value: "garbage <<<" },
          { name: "Subject", value: "  Line one\r\n\tline two  " },
          { name: "Date", value: "Tue, 5 Dec 2023 10:00:00 +0000" },
        ],
      },
    });
    expect(summary.threadId).toBe("abc");
    expect(summary.subject).toBe("Line one line two");
    expect(summary.date).toBe("2023-12-05T10:00:00.000Z");
    expect(summary.from.email).toBeNull();
    expect(summary.labelIds).toEqual([]);
  });

  it("keeps an empty Subject header as an empty subject, and emoji intact", () => {
    const withHeaders = (headers: gmail_v1.Schema$MessagePartHeader[]) => summarizeMessage({ id: "x", payload: { headers } });
    expect(withHeaders([{ name: "Subject", value: "" }]).subject).toBe("");
    expect(withHeaders([{ name: "Subject", value: "Party 🎉🥳" }]).subject).toBe("Party 🎉🥳");
  });
});
