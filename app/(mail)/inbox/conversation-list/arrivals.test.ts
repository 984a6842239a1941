import { describe, expect, it } from "vitest";
import { announcementOf, arrivalsOf, documentTitleOf } from "./arrivals";
import { english, hebrew } from "./list-translators.testing";
import { type ConversationRow, rowKey } from "./rows";

function row(id: string, { unread = true, from = "bob@example.com", name = "Bob", subject = `Subject ${id}` } = {}): ConversationRow {
  return {
    id,
    messageCount: 1,
    from: { name, email: from },
    participants: [{ name, email: from }],
    subject,
    date: "2024-01-01T00:00:00.000Z",
    snippet: "",
    unread,
    starred: false,
    labelIds: unread ? ["INBOX", "UNREAD"] : ["INBOX"],
    latestMessageId: id,
  };
}

const me = () => "ada@example.com";

describe("new mail announced", () => {
  it("names the sender and subject of one new conversation", () => {
    const arrivals = arrivalsOf([row("a", { subject: "Lunch?" }), row("b")], new Set([rowKey(row("b"))]), me);
    expect(arrivals.map((arrival) => arrival.id)).toEqual(["a"]);
    expect(announcementOf(english, arrivals)).toBe("1 new conversation from Bob: Lunch?");
  });

  it("counts several", () => {
    expect(announcementOf(english, arrivalsOf([row("a"), row("b")], new Set(), me))).toBe("2 new conversations");
  });

  it("says nothing of a row the page showed before (an Undo), a read one, or the person's own mail", () => {
    const seen = new Set([rowKey(row("back"))]);
    const after = [row("back"), row("read", { unread: false }), row("mine", { from: "ADA@example.com", name: "Ada" })];
    expect(arrivalsOf(after, seen, me)).toEqual([]);
    expect(announcementOf(english, [])).toBe("");
  });
});

describe("the document title", () => {
  it("carries the unread count of the list", () => {
    expect(documentTitleOf(english, "Inbox", [row("a"), row("b"), row("c", { unread: false })])).toBe("Inbox (2) · Mailroom");
    expect(documentTitleOf(english, "Starred", [row("c", { unread: false })])).toBe("Starred · Mailroom");
  });
});

describe("in Hebrew", () => {
  const FSI = "\u2068";
  const PDI = "\u2069";

  it("announces one arrival with its sender and subject each isolated, and counts two and more by Hebrew plurals", () => {
    expect(announcementOf(hebrew, [row("a", { name: "Bob", subject: "Lunch?" })])).toBe(
      `שיחה חדשה אחת מאת ${FSI}Bob${PDI}: ${FSI}Lunch?${PDI}`,
    );
    expect(announcementOf(hebrew, [row("a"), row("b")])).toBe("שתי שיחות חדשות");
    expect(announcementOf(hebrew, [row("a"), row("b"), row("c")])).toBe("3 שיחות חדשות");
  });

  it("titles the tab with the view's Hebrew name and the unread count", () => {
    expect(documentTitleOf(hebrew, "דואר נכנס", [row("a"), row("b")])).toBe("דואר נכנס (2) · Mailroom");
    expect(documentTitleOf(hebrew, "דואר נכנס", [])).toBe("דואר נכנס · Mailroom");
  });
});
