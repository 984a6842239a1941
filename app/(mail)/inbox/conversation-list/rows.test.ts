import { describe, expect, it } from "vitest";
import {
  type ConversationRow,
  type LocalChange,
  applyChange,
  displayedRows,
  rowKey,
  snapshotsFor,
  starToggleFor,
  withAction,
} from "./rows";

function row(id: string, labelIds: string[], account?: string): ConversationRow {
  return {
    id,
    messageCount: 1,
    from: { name: "Ada", email: "ada@example.com" },
    participants: [{ name: "Ada", email: "ada@example.com" }],
    subject: `Subject ${id}`,
    date: "2024-01-01T00:00:00.000Z",
    snippet: "",
    unread: labelIds.includes("UNREAD"),
    starred: labelIds.includes("STARRED"),
    labelIds,
    latestMessageId: id,
    ...(account ? { account } : {}),
  };
}

let nextId = 1;
function change(rows: ConversationRow[], ids: string[], action: LocalChange["action"], kind: LocalChange["kind"] = "do"): LocalChange {
  const keys = new Set(rows.filter((r) => ids.includes(r.id)).map(rowKey));
  return { id: nextId++, kind, action, snapshots: snapshotsFor(rows, keys, action), settled: false };
}

describe("withAction", () => {
  it("changes labels and the flags derived from them", () => {
    const read = withAction(row("a", ["INBOX", "UNREAD"]), "markRead");
    expect(read.labelIds).toEqual(["INBOX"]);
    expect(read.unread).toBe(false);
    const starred = withAction(row("a", ["INBOX"]), "star");
    expect(starred.starred).toBe(true);
    expect(withAction(row("a", ["INBOX"]), "addLabel", "Label_1").labelIds).toEqual(["INBOX", "Label_1"]);
  });

  it("returns the same row when the action changes nothing", () => {
    const original = row("a", ["INBOX"]);
    expect(withAction(original, "markRead")).toBe(original);
    expect(withAction(original, "unstar")).toBe(original);
  });
});

describe("starToggleFor", () => {
  it("unstars only when every target is starred", () => {
    expect(starToggleFor([row("a", ["STARRED"]), row("b", [])])).toBe("star");
    expect(starToggleFor([row("a", ["STARRED"]), row("b", ["STARRED"])])).toBe("unstar");
  });
});

describe("applyChange", () => {
  const inbox = [row("a", ["INBOX", "UNREAD"]), row("b", ["INBOX"]), row("c", ["INBOX", "UNREAD"]), row("d", ["INBOX"])];

  it("archiving takes the rows out of the Inbox but not out of All mail", () => {
    const archive = change(inbox, ["b", "c"], "archive");
    expect(applyChange(inbox, archive, "INBOX").map((r) => r.id)).toEqual(["a", "d"]);
    const all = applyChange(inbox, archive, "ALL");
    expect(all.map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
    expect(all[1]!.labelIds).toEqual([]);
  });

  it("snapshots only the rows the action changes", () => {
    const read = change(inbox, ["a", "b"], "markRead");
    expect(read.snapshots.map((s) => s.row.id)).toEqual(["a"]);
  });

  it("undo puts removed rows back where they were and changed rows back as they were", () => {
    const archive = change(inbox, ["b", "d"], "archive");
    const after = applyChange(inbox, archive, "INBOX");
    const undo: LocalChange = { ...archive, id: nextId++, kind: "undo", action: "unarchive" };
    expect(applyChange(after, undo, "INBOX")).toEqual(inbox);

    const read = change(inbox, ["a", "c"], "markRead");
    const readRows = applyChange(inbox, read, "INBOX");
    expect(readRows.every((r) => !r.unread)).toBe(true);
    expect(applyChange(readRows, { ...read, kind: "undo", action: "markUnread" }, "INBOX")).toEqual(inbox);
  });

  it("a row the server listed outside its label stays when an unrelated action touches it", () => {
    const rows = [row("t", ["TRASH"])];
    expect(applyChange(rows, change(rows, ["t"], "star"), "ALL").map((r) => r.id)).toEqual(["t"]);
  });

  it("rolling back is dropping the change: the server rows are shown exactly", () => {
    const changes = [change(inbox, ["a"], "trash"), change(inbox, ["c"], "star")];
    expect(displayedRows(inbox, changes, "INBOX").map((r) => r.id)).toEqual(["b", "c", "d"]);
    expect(displayedRows(inbox, [], "INBOX")).toEqual(inbox);
  });

  it("tells rows of different accounts apart", () => {
    const rows = [row("a", ["INBOX"], "ada@example.com"), row("a", ["INBOX"], "grace@example.com")];
    const keys = new Set([rowKey(rows[1]!)]);
    const archive: LocalChange = {
      id: nextId++,
      kind: "do",
      action: "archive",
      snapshots: snapshotsFor(rows, keys, "archive"),
      settled: false,
    };
    expect(applyChange(rows, archive, "INBOX").map((r) => r.account)).toEqual(["ada@example.com"]);
  });
});
