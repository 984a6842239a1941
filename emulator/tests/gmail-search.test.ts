import type { gmail_v1 } from "@googleapis/gmail";
import { beforeAll, describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { control, obtainTokens } from "../testing/control-client";
import { gmailWithToken, header, listAll } from "./gmail-helpers";
import { useEmulator } from "./harness";

// One token and one snapshot of the mailbox serve every query, so no reset between tests.
const emulator = useEmulator({ resetBeforeEach: false });
const fixtures = SEED_FIXTURES.ada;

/** What a client can see of each message, to compute what every query must return. */
interface Seen {
  id: string;
  labelIds: string[];
  internalDate: number;
  sizeEstimate: number;
  from: string;
  to: string;
  cc: string;
  subject: string;
  messageId: string;
}

let client: gmail_v1.Gmail;
let all: Seen[];

beforeAll(async () => {
  await control(emulator.url, "POST", "reset");
  const tokens = await obtainTokens(emulator.url);
  client = gmailWithToken(emulator.url, tokens.access_token);
  const ids = await listAll(client, { includeSpamTrash: true });
  all = await Promise.all(
    ids.map(async (id) => {
      const { data } = await client.users.messages.get({
        userId: "me",
        id,
        format: "metadata",
        metadataHeaders: ["From", "To", "Cc", "Subject", "Message-ID"],
      });
      return {
        id,
        labelIds: data.labelIds ?? [],
        internalDate: Number(data.internalDate),
        sizeEstimate: data.sizeEstimate ?? 0,
        from: header(data, "From") ?? "",
        to: header(data, "To") ?? "",
        cc: header(data, "Cc") ?? "",
        subject: header(data, "Subject") ?? "",
        messageId: header(data, "Message-ID") ?? "",
      };
    }),
  );
});

/** Messages a plain search can reach: spam and trash are left out unless the query asks for them. */
const visible = (m: Seen) => !m.labelIds.includes("SPAM") && !m.labelIds.includes("TRASH");
const has = (label: string) => (m: Seen) => m.labelIds.includes(label);

async function search(q: string, extra: gmail_v1.Params$Resource$Users$Messages$List = {}): Promise<string[]> {
  return listAll(client, { q, ...extra });
}

function expected(predicate: (m: Seen) => boolean, base: (m: Seen) => boolean = visible): string[] {
  return all.filter((m) => base(m) && predicate(m)).map((m) => m.id);
}

async function expectQuery(q: string, predicate: (m: Seen) => boolean, base?: (m: Seen) => boolean): Promise<string[]> {
  const ids = await search(q);
  expect(ids, q).toEqual(expected(predicate, base));
  return ids;
}

describe("Gmail search (q) narrows as Gmail would", () => {
  it("saw the whole seed", () => {
    expect(all).toHaveLength(fixtures.messagesTotal);
  });

  it("is: operators follow the labels", async () => {
    expect(await expectQuery("is:unread", has("UNREAD"))).toHaveLength(fixtures.unread);
    await expectQuery("is:read", (m) => !m.labelIds.includes("UNREAD"));
    expect(await expectQuery("is:starred", has("STARRED"))).toHaveLength(fixtures.starred);
    expect(await expectQuery("is:important", has("IMPORTANT"))).toHaveLength(fixtures.important);
  });

  it("in: operators select locations, and spam/trash only when asked", async () => {
    expect(await expectQuery("in:inbox", has("INBOX"))).toHaveLength(fixtures.inbox);
    expect(await expectQuery("in:sent", has("SENT"))).toHaveLength(fixtures.sent);
    expect(await expectQuery("in:spam", has("SPAM"), () => true)).toHaveLength(fixtures.spam);
    expect(await expectQuery("in:trash", has("TRASH"), () => true)).toHaveLength(fixtures.trash);
    expect(
      await expectQuery(
        "in:anywhere",
        () => true,
        () => true,
      ),
    ).toHaveLength(fixtures.messagesTotal);
    await expectQuery("-in:inbox", (m) => !m.labelIds.includes("INBOX"));
  });

  it("label: and category: match label names, written with dashes", async () => {
    const clients = fixtures.labels.workClients;
    expect(await expectQuery("label:work-clients", has(clients))).toHaveLength(fixtures.labelCounts[clients] ?? -1);
    expect(await expectQuery("label:Receipts", has(fixtures.labels.receipts))).toHaveLength(
      fixtures.labelCounts[fixtures.labels.receipts] ?? -1,
    );
    await expectQuery("label:inbox", has("INBOX"));
    await expectQuery("category:primary", has("CATEGORY_PERSONAL"));
    const promotions = await expectQuery("category:promotions", has("CATEGORY_PROMOTIONS"));
    expect(promotions).toEqual(await listAll(client, { labelIds: ["CATEGORY_PROMOTIONS"] }));
    await expectQuery("has:userlabels", (m) => m.labelIds.some((l) => l.startsWith("Label_")));
    await expectQuery("has:nouserlabels", (m) => !m.labelIds.some((l) => l.startsWith("Label_")));
  });

  it("from:, to: and cc: match addresses and display names", async () => {
    const grace = await expectQuery("from:grace", (m) => m.from.toLowerCase().includes("grace"));
    expect(grace.length).toBeGreaterThan(0);
    await expectQuery('from:"Charles Babbage"', (m) => m.from.includes("Charles Babbage"));
    await expectQuery("from:me", (m) => m.from.includes(SEED_FIXTURES.accounts.ada.email));
    await expectQuery("to:grace", (m) => `${m.to} ${m.cc}`.toLowerCase().includes("grace"));
    await expectQuery("cc:charles", (m) => m.cc.toLowerCase().includes("charles"));
  });

  it("subject: and full-text terms match words and phrases", async () => {
    const thread = await expectQuery(`subject:"${fixtures.thread.subject}"`, (m) => m.subject.includes(fixtures.thread.subject));
    expect([...thread].sort()).toEqual([...fixtures.thread.messageIds].sort());
    await expectQuery("subject:(engine launch)", (m) => /\bengine\b/i.test(m.subject) && /\blaunch\b/i.test(m.subject));
    expect(await search(`"quarterly report"`)).toContain(fixtures.special.attachments.id);
    expect(await search("Bernoulli")).toEqual(expect.arrayContaining([fixtures.thread.messageIds[8]]));
    expect(await search("Zürich")).toContain(fixtures.special.latin1.id);
    expect(await search("שלום")).toContain(fixtures.special.hebrew.id);
  });

  it("has:attachment and filename: find attachments", async () => {
    const withAttachments = await search("has:attachment");
    expect(withAttachments).toContain(fixtures.special.attachments.id);
    const pdfs = await search("filename:pdf");
    expect(pdfs).toContain(fixtures.special.attachments.id);
    expect(pdfs.every((id) => withAttachments.includes(id))).toBe(true);
    expect(await search("filename:notes.txt")).toEqual([fixtures.special.attachments.id]);
    expect(await search("-has:attachment")).toHaveLength(all.filter(visible).length - withAttachments.length);
  });

  it("after:/before: take Pacific calendar dates or exact epoch seconds", async () => {
    const pivot = all.filter(visible)[60];
    const seconds = Math.floor((pivot?.internalDate ?? 0) / 1000);
    await expectQuery(`after:${seconds}`, (m) => m.internalDate >= seconds * 1000);
    await expectQuery(`before:${seconds}`, (m) => m.internalDate < seconds * 1000);
    await expectQuery("after:2026/11/10", (m) => m.internalDate >= Date.UTC(2026, 10, 10, 8)); // PST: UTC-8
    await expectQuery("before:2026-10-01", (m) => m.internalDate < Date.UTC(2026, 9, 1, 7)); // PDT: UTC-7
    await expectQuery(
      "after:2026/10/15 before:2026/10/20",
      (m) => m.internalDate >= Date.UTC(2026, 9, 15, 7) && m.internalDate < Date.UTC(2026, 9, 20, 7),
    );
  });

  it("newer_than:/older_than: are relative to now", async () => {
    await expectQuery("older_than:1d", (m) => m.internalDate < Date.now() - 86_400_000);
    const inserted = await control<{ id: string }>(emulator.url, "POST", "messages", {
      email: SEED_FIXTURES.accounts.ada.email,
      raw: "From: New <new@example.com>\r\nTo: ada@example.com\r\nSubject: Just now\r\n\r\nFresh.\r\n",
    });
    expect(await search("newer_than:1d")).toEqual([inserted.id]);
    expect(await search("newer_than:2h")).toEqual([inserted.id]);
    await control(emulator.url, "POST", "reset");
    client = gmailWithToken(emulator.url, (await obtainTokens(emulator.url)).access_token);
  });

  it("larger:/smaller:/size: compare the size estimate", async () => {
    const sizes = all
      .filter(visible)
      .map((m) => m.sizeEstimate)
      .sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
    await expectQuery(`larger:${median}`, (m) => m.sizeEstimate > median);
    await expectQuery(`smaller:${median}`, (m) => m.sizeEstimate < median);
    await expectQuery("larger:2K", (m) => m.sizeEstimate > 2048);
    await expectQuery(`size:${median}`, (m) => m.sizeEstimate > median);
  });

  it("rfc822msgid: finds one message by Message-ID", async () => {
    const target = all.find((m) => m.id === fixtures.special.emoji.id);
    expect(await search(`rfc822msgid:${target?.messageId ?? ""}`)).toEqual([fixtures.special.emoji.id]);
  });

  it("combines with OR, braces, negation, grouping and labelIds", async () => {
    await expectQuery("from:grace OR from:charles", (m) => /grace|charles/i.test(m.from));
    await expectQuery("{is:starred is:important}", (m) => m.labelIds.includes("STARRED") || m.labelIds.includes("IMPORTANT"));
    await expectQuery("-from:grace", (m) => !m.from.toLowerCase().includes("grace"));
    await expectQuery("(from:grace OR from:mary) is:unread", (m) => /grace|mary/i.test(m.from) && m.labelIds.includes("UNREAD"));
    expect(await search("is:unread", { labelIds: ["INBOX"] })).toHaveLength(fixtures.inboxUnread);
    expect(await search("in:spam", { includeSpamTrash: true })).toHaveLength(fixtures.spam);
  });
});
