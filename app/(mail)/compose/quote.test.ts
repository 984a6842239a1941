import { describe, expect, it } from "vitest";
import { type ReplySource, replyDraft } from "./quote";

const source: ReplySource = {
  messageId: "m1",
  threadId: "t1",
  account: "ada@example.com",
  from: { name: "Grace Hopper", email: "grace@example.com" },
  replyTo: [],
  to: [
    { name: "Ada", email: "ADA@example.com" },
    { name: null, email: "linus@example.com" },
  ],
  cc: [
    { name: "Alan", email: "alan@example.com" },
    { name: "Grace again", email: "grace@example.com" },
  ],
  subject: "Re: RE: Lunch <Tuesday>",
  date: "2026-03-04T12:30:00Z",
  html: null,
  text: "Shall we?\n\nI <3 soup",
};

const format = { writer: { language: "en", locale: "en-US", timeZone: "UTC" } } as const;

describe("replyDraft", () => {
  it("replies to the sender from the conversation's account, one Re:, the original quoted under its 'wrote:' line", () => {
    const draft = replyDraft(source, "reply", format);
    expect(draft).toMatchObject({
      account: "ada@example.com",
      to: ["Grace Hopper <grace@example.com>"],
      cc: [],
      bcc: [],
      subject: "Re: RE: Lunch <Tuesday>",
      html: "",
      inReplyTo: { messageId: "m1", mode: "reply" },
    });
    expect(draft.quoteHtml).toContain("<p>On Mar 4, 2026, 12:30 PM, <bdi>Grace Hopper &#60;grace@example.com&#62;</bdi> wrote:</p>");
    expect(draft.quoteHtml).toContain('<blockquote dir="auto"><p>Shall we?</p><p>I &#60;3 soup</p></blockquote>');
  });

  it("replies to all but the account's own addresses, each person once", () => {
    const draft = replyDraft(source, "replyAll", { ...format, ownAddresses: ["alan@example.com"] });
    expect(draft.to).toEqual(["Grace Hopper <grace@example.com>", "linus@example.com"]);
    expect(draft.cc).toEqual([]);
    expect(replyDraft(source, "replyAll", format).cc).toEqual(["Alan <alan@example.com>"]);
  });

  it("replying to one's own sent message writes to its recipients", () => {
    const sent: ReplySource = {
      ...source,
      from: { name: "Ada", email: "ada@example.com" },
      to: [{ name: "Bob", email: "bob@example.com" }],
    };
    expect(replyDraft(sent, "reply", format).to).toEqual(["Bob <bob@example.com>"]);
  });

  it("forwards with no recipients, Fwd:, and the original's headers above its body", () => {
    const draft = replyDraft({ ...source, html: "<p>Hi <b>there</b></p>" }, "forward", format);
    expect(draft.to).toEqual([]);
    expect(draft.subject).toBe("Fwd: Re: RE: Lunch <Tuesday>");
    expect(draft.quoteHtml).toContain(
      "---------- Forwarded message ---------<br>From: <bdi>Grace Hopper &#60;grace@example.com&#62;</bdi>",
    );
    expect(draft.quoteHtml).toContain("Subject: <bdi>Re: RE: Lunch &#60;Tuesday&#62;</bdi>");
    expect(draft.quoteHtml).toContain("<p>Hi <b>there</b></p>");
  });

  it("replies to where the sender asked replies to go, and Reply all keeps the sender in Cc's company", () => {
    const fromList = { ...source, replyTo: [{ name: "Lunch club", email: "club@example.com" }] };
    expect(replyDraft(fromList, "reply", format).to).toEqual(["Lunch club <club@example.com>"]);
    expect(replyDraft(fromList, "replyAll", format)).toMatchObject({
      to: ["Lunch club <club@example.com>", "linus@example.com"],
      cc: ["Alan <alan@example.com>", "Grace again <grace@example.com>"],
    });
  });

  it("writes a Hebrew writer's header in Hebrew, the date in he-IL and their zone, the Latin sender isolated", () => {
    const writer = { language: "he", locale: "he-IL", timeZone: "Asia/Jerusalem" } as const;
    const draft = replyDraft(source, "reply", { writer });
    // 12:30 UTC is 14:30 in Jerusalem in March.
    expect(draft.quoteHtml).toContain(
      '<p dir="rtl">ב-4 במרץ 2026, 14:30, <bdi>Grace Hopper &#60;grace@example.com&#62;</bdi> כתב/ה:</p><blockquote dir="auto">',
    );
    const forward = replyDraft(source, "forward", { writer }).quoteHtml;
    expect(forward).toContain(
      '<p dir="rtl">---------- הודעה שהועברה ----------<br>מאת: <bdi>Grace Hopper &#60;grace@example.com&#62;</bdi><br>',
    );
    expect(forward).toContain("תאריך: 4 במרץ 2026, 14:30<br>נושא: <bdi>Re: RE: Lunch &#60;Tuesday&#62;</bdi><br>אל: <bdi>");
    expect(forward).toContain("עותק: <bdi>Alan &#60;alan@example.com&#62;");
  });
});
