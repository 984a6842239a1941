import { describe, expect, it } from "vitest";
import { applyAccountChange } from "./account-change";
import type { ConversationRow } from "./rows";

function row(id: string, account: string | undefined, date: string, labelIds = ["INBOX"]): ConversationRow {
  return {
    id,
    ...(account ? { account } : {}),
    messageCount: 1,
    from: { name: "Bob", email: "bob@example.com" },
    participants: [],
    subject: id,
    date,
    snippet: "",
    unread: false,
    starred: false,
    labelIds,
    latestMessageId: id,
  };
}

const ADA = "ada@example.com";
const GRACE = "grace@example.com";
const keys = (rows: ConversationRow[]) => rows.map((item) => `${item.account ?? ""}/${item.id}`);

describe("applyAccountChange", () => {
  const rows = [row("a2", ADA, "2026-01-04T00:00:00Z"), row("g1", GRACE, "2026-01-03T00:00:00Z"), row("a1", ADA, "2026-01-02T00:00:00Z")];

  it("in All accounts, puts one account's new mail among every account's rows by date, naming its account", () => {
    const change = { upserts: [row("g2", undefined, "2026-01-05T00:00:00Z")], removals: [] };
    expect(keys(applyAccountChange(rows, change, GRACE, { insertNew: true }))).toEqual([
      `${GRACE}/g2`,
      `${ADA}/a2`,
      `${GRACE}/g1`,
      `${ADA}/a1`,
    ]);
  });

  it("takes out only the changed account's conversation when two accounts share a thread id", () => {
    const shared = [row("t1", ADA, "2026-01-04T00:00:00Z"), row("t1", GRACE, "2026-01-03T00:00:00Z")];
    expect(keys(applyAccountChange(shared, { upserts: [], removals: ["t1"] }, GRACE, { insertNew: true }))).toEqual([`${ADA}/t1`]);
  });

  it("gives an empty list its first conversation", () => {
    const change = { upserts: [row("e1", undefined, "2026-01-05T00:00:00Z")], removals: [] };
    expect(keys(applyAccountChange([], change, undefined, { insertNew: true }))).toEqual(["/e1"]);
    expect(keys(applyAccountChange([], change, GRACE, { insertNew: true }))).toEqual([`${GRACE}/e1`]);
  });
});
