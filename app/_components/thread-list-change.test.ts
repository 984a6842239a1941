import { describe, expect, it } from "vitest";
import type { ThreadSummary } from "@/lib/mail/thread-summary";
import { applyThreadListChange, listChangeOf } from "./thread-list-change";

function thread(id: string, minutes: number, labelIds: string[] = ["INBOX"], extra: Partial<ThreadSummary> = {}): ThreadSummary {
  return {
    id,
    messageCount: 1,
    from: { name: "Ada", email: "ada@example.com" },
    participants: [{ name: "Ada", email: "ada@example.com" }],
    subject: `Subject ${id}`,
    date: new Date(Date.UTC(2026, 0, 1, 12, minutes)).toISOString(),
    snippet: "",
    unread: labelIds.includes("UNREAD"),
    starred: labelIds.includes("STARRED"),
    labelIds,
    latestMessageId: `${id}-m`,
    ...extra,
  };
}

const ids = (threads: readonly ThreadSummary[]) => threads.map((t) => t.id);
const page = [thread("c", 30), thread("b", 20), thread("a", 10)];

describe("listChangeOf", () => {
  it("turns a conversation that left the label into a removal", () => {
    const change = listChangeOf({ upserts: [thread("b", 20, ["UNREAD"]), thread("d", 40, ["INBOX"])], removals: ["z"] }, "INBOX");
    expect(ids(change.upserts)).toEqual(["d"]);
    expect(change.removals).toEqual(["z", "b"]);
  });

  it("turns a starred conversation trashed elsewhere into a removal from Starred, and an upsert in Trash", () => {
    const trashed = thread("s", 50, ["STARRED", "INBOX", "TRASH"]);
    expect(listChangeOf({ upserts: [trashed], removals: [] }, "STARRED")).toEqual({ upserts: [], removals: ["s"] });
    expect(listChangeOf({ upserts: [trashed], removals: [] }, "TRASH")).toEqual({ upserts: [trashed], removals: [] });
  });
});

describe("applyThreadListChange", () => {
  it("puts new mail at the top of the first page", () => {
    expect(ids(applyThreadListChange(page, { upserts: [thread("d", 40)], removals: [] }, { insertNew: true }))).toEqual([
      "d",
      "c",
      "b",
      "a",
    ]);
  });

  it("changes a row in place when only its labels changed (read, starred elsewhere)", () => {
    const starred = thread("b", 20, ["INBOX", "STARRED"]);
    const next = applyThreadListChange(page, { upserts: [starred], removals: [] }, { insertNew: true });
    expect(ids(next)).toEqual(["c", "b", "a"]);
    expect(next[1]?.starred).toBe(true);
  });

  it("moves a conversation with a new reply to its place, without a duplicate", () => {
    const replied = thread("a", 50, ["INBOX", "UNREAD"], { messageCount: 2 });
    expect(ids(applyThreadListChange(page, { upserts: [replied], removals: [] }, { insertNew: false }))).toEqual(["a", "c", "b"]);
  });

  it("takes out removals, and applying the same change twice changes nothing more", () => {
    const change = { upserts: [thread("d", 40)], removals: ["b"] };
    const once = applyThreadListChange(page, change, { insertNew: true });
    expect(ids(once)).toEqual(["d", "c", "a"]);
    expect(applyThreadListChange(once, change, { insertNew: true })).toEqual(once);
  });

  it("adds nothing new to a search or a later page, nor a conversation older than every row", () => {
    expect(ids(applyThreadListChange(page, { upserts: [thread("d", 40)], removals: [] }, { insertNew: false }))).toEqual(["c", "b", "a"]);
    expect(ids(applyThreadListChange(page, { upserts: [thread("old", 1)], removals: [] }, { insertNew: true }))).toEqual(["c", "b", "a"]);
    expect(ids(applyThreadListChange([], { upserts: [thread("d", 40)], removals: [] }, { insertNew: true }))).toEqual(["d"]);
  });
});
