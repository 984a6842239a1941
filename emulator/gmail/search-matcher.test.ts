import { describe, expect, it } from "vitest";
import { pacificMidnight, parseDateArgument, parseSize, relativeCutoff } from "./search-dates";
import { type MatchContext, matchesQuery, normaliseLabelName, type SearchableMessage, type SearchDoc, wordsOf } from "./search-matcher";
import { parseSearchQuery } from "./search-parser";

function doc(fields: Partial<SearchDoc> & { subject?: string; body?: string }): SearchDoc {
  const subject = fields.subject ?? "";
  const text = `${subject} ${fields.from ?? ""} ${fields.to ?? ""} ${fields.body ?? ""}`;
  return {
    words: ` ${wordsOf(text).join(" ")} `,
    text: text.toLowerCase(),
    subjectWords: ` ${wordsOf(subject).join(" ")} `,
    subjectText: subject.toLowerCase(),
    from: (fields.from ?? "").toLowerCase(),
    to: (fields.to ?? "").toLowerCase(),
    cc: (fields.cc ?? "").toLowerCase(),
    bcc: "",
    deliveredTo: "",
    filenames: fields.filenames ?? [],
    messageId: fields.messageId ?? "",
  };
}

const context: MatchContext = {
  userEmail: "ada@example.com",
  now: Date.UTC(2026, 10, 25),
  labelIdsByName: new Map([
    [normaliseLabelName("Work/Clients"), "Label_2"],
    [normaliseLabelName("Receipts"), "Label_3"],
    ["inbox", "INBOX"],
  ]),
};

const report: SearchableMessage = {
  labelIds: ["INBOX", "UNREAD", "CATEGORY_PERSONAL", "Label_2"],
  internalDate: Date.UTC(2026, 10, 20, 12),
  sizeEstimate: 60_000,
  doc: doc({
    subject: "Quarterly report and meeting notes",
    from: "Charles Babbage <charles@analytical.example>",
    to: "Ada Lovelace <ada@example.com>",
    cc: "Grace Hopper <grace@example.com>",
    body: "The quarterly report (PDF) is attached. 🎉",
    filenames: ["quarterly-report.pdf", "notes.txt"],
    messageId: "special-attachments@seed.example",
  }),
};

const match = (q: string, m: SearchableMessage = report) => matchesQuery(parseSearchQuery(q), m, context);

describe("matchesQuery", () => {
  it("matches whole words and contiguous phrases, case-insensitively", () => {
    expect(match("QUARTERLY")).toBe(true);
    expect(match("port")).toBe(false);
    expect(match('"meeting notes"')).toBe(true);
    expect(match('"notes meeting"')).toBe(false);
    expect(match("charles@analytical.example")).toBe(true);
    expect(match("🎉")).toBe(true);
  });

  it("matches address operators on address or display name, and me", () => {
    expect(match("from:charles")).toBe(true);
    expect(match('from:"charles babbage"')).toBe(true);
    expect(match("from:grace")).toBe(false);
    expect(match("to:me")).toBe(true);
    expect(match("to:grace")).toBe(true);
    expect(match("cc:grace")).toBe(true);
    expect(match("cc:ada")).toBe(false);
  });

  it("matches subject words and phrases only within the subject", () => {
    expect(match("subject:quarterly")).toBe(true);
    expect(match("subject:attached")).toBe(false);
    expect(match("subject:(report notes)")).toBe(true);
    expect(match('subject:"report and meeting"')).toBe(true);
  });

  it("matches label state operators", () => {
    expect(match("is:unread")).toBe(true);
    expect(match("is:read")).toBe(false);
    expect(match("is:starred")).toBe(false);
    expect(match("in:inbox")).toBe(true);
    expect(match("in:sent")).toBe(false);
    expect(match("in:anywhere")).toBe(true);
    expect(match("label:work-clients")).toBe(true);
    expect(match("label:Work/Clients")).toBe(true);
    expect(match("label:receipts")).toBe(false);
    expect(match("label:inbox")).toBe(true);
    expect(match("label:nonexistent")).toBe(false);
    expect(match("category:primary")).toBe(true);
    expect(match("category:social")).toBe(false);
    expect(match("has:userlabels")).toBe(true);
    expect(match("has:nouserlabels")).toBe(false);
  });

  it("matches attachments by presence, extension and name", () => {
    expect(match("has:attachment")).toBe(true);
    expect(match("filename:pdf")).toBe(true);
    expect(match("filename:notes.txt")).toBe(true);
    expect(match("filename:docx")).toBe(false);
    expect(match("has:attachment", { ...report, doc: { ...report.doc, filenames: [] } })).toBe(false);
  });

  it("matches dates, sizes and Message-ID", () => {
    expect(match("after:2026/11/20")).toBe(true);
    expect(match("after:2026/11/21")).toBe(false);
    expect(match("before:2026/11/21")).toBe(true);
    expect(match(`after:${Date.UTC(2026, 10, 20, 12) / 1000}`)).toBe(true);
    expect(match(`after:${Date.UTC(2026, 10, 20, 12) / 1000 + 1}`)).toBe(false);
    expect(match("newer_than:7d")).toBe(true);
    expect(match("newer_than:2d")).toBe(false);
    expect(match("older_than:2d")).toBe(true);
    expect(match("larger:50K")).toBe(true);
    expect(match("larger:1M")).toBe(false);
    expect(match("smaller:1M")).toBe(true);
    expect(match("size:59999")).toBe(true);
    expect(match("rfc822msgid:<special-attachments@seed.example>")).toBe(true);
    expect(match("rfc822msgid:other@seed.example")).toBe(false);
  });

  it("combines with AND, OR, braces and negation", () => {
    expect(match("from:charles is:unread")).toBe(true);
    expect(match("from:grace OR is:unread")).toBe(true);
    expect(match("{from:grace is:starred}")).toBe(false);
    expect(match("-is:unread")).toBe(false);
    expect(match("-from:grace report")).toBe(true);
    expect(match("(from:grace OR from:charles) -in:trash")).toBe(true);
  });
});

describe("Hebrew", () => {
  const meeting: SearchableMessage = {
    ...report,
    doc: doc({
      subject: "\u200Fפגישה מחר, בשעה 10:00",
      from: "דנה כהן <dana@example.co.il>",
      body: "שלום, נִפָּגֵשׁ בחדר הישיבות של צה״ל? Mailroom עובד.",
    }),
  };
  const hebrew = (q: string) => match(q, meeting);

  it("matches whole Hebrew words in the subject and the body, not parts of them", () => {
    expect(hebrew("פגישה")).toBe(true);
    expect(hebrew("מחר")).toBe(true);
    expect(hebrew("הישיבות")).toBe(true);
    expect(hebrew("פגי")).toBe(false);
    expect(hebrew("ישיבות")).toBe(false);
    expect(hebrew('"פגישה מחר"')).toBe(true);
    expect(hebrew('"מחר פגישה"')).toBe(false);
    expect(hebrew("פגישה mailroom")).toBe(true);
  });

  it("matches Hebrew words within the subject only with subject:", () => {
    expect(hebrew("subject:מחר")).toBe(true);
    expect(hebrew("subject:(פגישה מחר)")).toBe(true);
    expect(hebrew("subject:שלום")).toBe(false);
    expect(hebrew("-subject:מחר")).toBe(false);
  });

  it("matches a Hebrew display name with from:", () => {
    expect(hebrew("from:דנה")).toBe(true);
    expect(hebrew('from:"דנה כהן"')).toBe(true);
  });

  it("ignores niqqud and cantillation marks on either side", () => {
    expect(hebrew("נפגש")).toBe(true);
    expect(hebrew("פְּגִישָׁה")).toBe(true);
  });

  it("finds an acronym written with gershayim", () => {
    expect(hebrew("צה״ל")).toBe(true);
  });
});

describe("search arguments", () => {
  it("reads calendar dates as midnight US Pacific, with daylight saving", () => {
    expect(pacificMidnight(2026, 1, 15)).toBe(Date.UTC(2026, 0, 15, 8));
    expect(pacificMidnight(2026, 7, 15)).toBe(Date.UTC(2026, 6, 15, 7));
    expect(parseDateArgument("2026-07-15")).toBe(Date.UTC(2026, 6, 15, 7));
    expect(parseDateArgument("07/15/2026")).toBe(Date.UTC(2026, 6, 15, 7));
    expect(parseDateArgument("1700000000")).toBe(1_700_000_000_000);
    expect(parseDateArgument("yesterday")).toBeUndefined();
  });

  it("reads relative ages and sizes", () => {
    const now = Date.UTC(2026, 10, 25);
    expect(relativeCutoff("2d", now)).toBe(now - 2 * 86_400_000);
    expect(relativeCutoff("3h", now)).toBe(now - 3 * 3_600_000);
    expect(relativeCutoff("1m", now)).toBe(Date.UTC(2026, 9, 25));
    expect(relativeCutoff("1y", now)).toBe(Date.UTC(2025, 10, 25));
    expect(parseSize("10M")).toBe(10 * 1024 * 1024);
    expect(parseSize("5k")).toBe(5120);
    expect(parseSize("1200")).toBe(1200);
  });
});
