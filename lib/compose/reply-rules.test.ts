import { describe, expect, it } from "vitest";
import { quotedOriginal } from "./quote";
import {
  type ParentMessage,
  correspondentsOf,
  derivedSubject,
  replyRecipients as fromCorrespondents,
  threadingHeaders,
} from "./reply-rules";

const replyRecipients = (parent: ParentMessage, ...rest: [Parameters<typeof fromCorrespondents>[1], readonly string[]]) =>
  fromCorrespondents(correspondentsOf(parent), ...rest);

const parent: ParentMessage = {
  messageIdHeader: "<m2@mail.example>",
  references: "<m0@mail.example> m1@mail.example",
  subject: "Plans",
  from: "Grace Hopper <grace@example.com>",
  replyTo: null,
  to: "Ada Lovelace <ada@example.com>, Charles <charles@example.com>",
  cc: "ADA@alias.example, Dana <dana@example.com>, grace@example.com",
  date: "Mon, 7 Dec 2026 10:00:00 +0000",
  html: "<p>Shall we <script>alert(1)</script>meet?</p>",
  text: "Shall we meet?",
};
const own = ["ada@example.com", "ada@alias.example"];
const emails = (list: { address: string }[]) => list.map((recipient) => recipient.address);

describe("derivedSubject", () => {
  it("adds one Re: or Fwd: and never a second", () => {
    expect(derivedSubject("Plans", "reply")).toBe("Re: Plans");
    expect(derivedSubject("RE: Plans", "replyAll")).toBe("RE: Plans");
    expect(derivedSubject("Plans", "forward")).toBe("Fwd: Plans");
    expect(derivedSubject("Fwd: Plans", "forward")).toBe("Fwd: Plans");
    expect(derivedSubject("Re: Plans", "forward")).toBe("Fwd: Re: Plans");
  });
});

describe("threadingHeaders", () => {
  it("answers the parent's Message-ID and extends its References, brackets on every id", () => {
    expect(threadingHeaders(parent)).toEqual({
      inReplyTo: "<m2@mail.example>",
      references: "<m0@mail.example> <m1@mail.example> <m2@mail.example>",
    });
    expect(threadingHeaders({ messageIdHeader: "<only@x>", references: null })).toEqual({ inReplyTo: "<only@x>", references: "<only@x>" });
    expect(threadingHeaders({ messageIdHeader: null, references: null })).toBeNull();
  });
});

describe("replyRecipients", () => {
  it("replies to Reply-To when there is one, else to From", () => {
    expect(emails(replyRecipients(parent, "reply", own).to)).toEqual(["grace@example.com"]);
    expect(emails(replyRecipients({ ...parent, replyTo: "List <list@example.com>" }, "reply", own).to)).toEqual(["list@example.com"]);
    expect(replyRecipients(parent, "reply", own).cc).toEqual([]);
  });

  it("replies to all without any of the account's own addresses and without duplicates", () => {
    const { to, cc } = replyRecipients(parent, "replyAll", own);
    expect(emails(to)).toEqual(["grace@example.com", "charles@example.com"]);
    expect(emails(cc)).toEqual(["dana@example.com"]);
  });

  it("answers one's own message to its recipients", () => {
    const mine = { ...parent, from: "Ada <ada@example.com>", to: "Grace <grace@example.com>", cc: null };
    expect(emails(replyRecipients(mine, "reply", own).to)).toEqual(["grace@example.com"]);
  });

  it("leaves a forward's recipients to the person", () => {
    expect(replyRecipients(parent, "forward", own)).toEqual({ to: [], cc: [] });
  });
});

describe("quotedOriginal", () => {
  it("quotes a reply under its On … wrote: line, without the parent's scripts", () => {
    const quote = quotedOriginal(parent, "reply");
    expect(quote).toContain("On Mon, 7 Dec 2026 10:00:00 +0000, <bdi>Grace Hopper &#60;grace@example.com&#62;</bdi> wrote:");
    expect(quote).toMatch(/<blockquote class="gmail_quote" dir="auto"><p>Shall we meet\?<\/p><\/blockquote>/);
    expect(quote).not.toContain("script");
  });

  it("writes a forward's block with the original's headers", () => {
    const quote = quotedOriginal({ ...parent, subject: "<b>Plans</b>" }, "forward");
    expect(quote).toContain("---------- Forwarded message ---------<br>From: <bdi>Grace Hopper &#60;grace@example.com&#62;</bdi><br>");
    expect(quote).toContain("Subject: <bdi>&#60;b&#62;Plans&#60;/b&#62;</bdi><br>");
    expect(quote).toContain("Cc: <bdi>ADA@alias.example, Dana &#60;dana@example.com&#62;, grace@example.com</bdi><br>");
  });

  it("quotes a text-only parent with its line breaks, escaped", () => {
    expect(quotedOriginal({ ...parent, html: null, text: "a < b\nsecond line" }, "reply")).toContain("a &#60; b<br>second line");
  });
});
