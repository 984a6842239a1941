import { describe, expect, it } from "vitest";
import type { AccountCursor } from "./all-accounts-page-token";
import { type AccountListing, mergeNewestFirst } from "./list-all-accounts-merge";

type FakeMailbox = { email: string; ids: string[]; dates: Map<string, number>; deleted: Set<string> };

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function mailbox(email: string, count: number, next: () => number, options: { ordered: boolean; deletedShare: number }): FakeMailbox {
  const ids = Array.from({ length: count }, (_, index) => `${email[0]}${String(index).padStart(15, "0")}`);
  const dates = new Map(
    ids.map((id, index) => [id, options.ordered ? 1_000_000 - index * 1000 - Math.floor(next() * 900) : Math.floor(next() * 1_000_000)]),
  );
  // Some dates shared between accounts, to exercise the tie-break.
  if (options.ordered) for (const id of ids.filter((_, index) => index % 5 === 0)) dates.set(id, Math.round(dates.get(id)! / 5000) * 5000);
  const deleted = new Set(ids.filter(() => next() < options.deletedShare));
  return { email, ids, dates, deleted };
}

/** What list-all-accounts fetches for one account: Gmail's list page at the cursor (tokens are positions here), then the batch. */
function listingFor(box: FakeMailbox, cursor: AccountCursor, pageSize: number): AccountListing {
  const start = Number(cursor.pageToken ?? "0");
  const end = Math.min(box.ids.length, start + cursor.offset + pageSize);
  const listedIds = box.ids.slice(start, end);
  const found = new Map(
    listedIds
      .slice(cursor.offset)
      .filter((id) => !box.deleted.has(id))
      .map((id) => [id, { id, internalDate: String(box.dates.get(id)) }] as const),
  );
  return { email: box.email, cursor, listedIds, ...(end < box.ids.length ? { nextPageToken: String(end) } : {}), found };
}

function walk(boxes: FakeMailbox[], pageSize: number): { pages: { email: string; id: string }[][] } {
  let cursors: AccountCursor[] = boxes.map((box) => ({ accountId: box.email, offset: 0, exhausted: false }));
  const pages: { email: string; id: string }[][] = [];
  while (cursors.some((cursor) => !cursor.exhausted)) {
    const active = cursors.filter((cursor) => !cursor.exhausted);
    const listings = active.map((cursor) =>
      listingFor(
        boxes.find((box) => box.email === cursor.accountId)!,
        cursor,
        pageSize,
      ),
    );
    const merged = mergeNewestFirst(listings, pageSize);
    expect(merged.messages.length).toBeLessThanOrEqual(pageSize);
    pages.push(merged.messages.map(({ email, message }) => ({ email, id: message.id! })));
    cursors = cursors.map((cursor) => merged.cursors.find((next) => next.accountId === cursor.accountId) ?? cursor);
    expect(pages.length).toBeLessThan(1000);
  }
  return { pages };
}

describe("mergeNewestFirst", () => {
  for (const [name, ordered] of [
    ["when each account lists newest first", true],
    ["whatever order Gmail lists each account in", false],
  ] as const) {
    it(`shows every message of every account exactly once over the pages, in each account's list order, ${name}`, () => {
      for (const seed of [1, 7, 42, 1815]) {
        const next = random(seed);
        const boxes = [
          mailbox("ada@example.com", 97, next, { ordered, deletedShare: 0.1 }),
          mailbox("grace@example.com", 31, next, { ordered, deletedShare: 0.1 }),
          mailbox("hopper@example.com", 12, next, { ordered, deletedShare: 0.5 }),
        ];
        for (const pageSize of [1, 3, 7, 25]) {
          const shown = walk(boxes, pageSize).pages.flat();
          for (const box of boxes) {
            expect(shown.filter((entry) => entry.email === box.email).map((entry) => entry.id)).toEqual(
              box.ids.filter((id) => !box.deleted.has(id)),
            );
          }
          if (ordered) {
            const dates = shown.map((entry) => boxes.find((box) => box.email === entry.email)!.dates.get(entry.id)!);
            expect(dates).toEqual([...dates].sort((a, b) => b - a));
          }
        }
      }
    });
  }

  it("fills every page but the last when nothing was deleted", () => {
    const next = random(3);
    const boxes = [
      mailbox("ada@example.com", 50, next, { ordered: true, deletedShare: 0 }),
      mailbox("grace@example.com", 23, next, { ordered: true, deletedShare: 0 }),
    ];
    const { pages } = walk(boxes, 10);
    expect(pages.map((page) => page.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 3]);
  });

  it("orders messages of the same instant by account, and stops a page where an account's known messages run out", () => {
    const listing = (email: string, ids: string[], nextPageToken?: string): AccountListing => ({
      email,
      cursor: { accountId: email, offset: 0, exhausted: false },
      listedIds: ids,
      ...(nextPageToken ? { nextPageToken } : {}),
      found: new Map(ids.map((id) => [id, { id, internalDate: "5000" }] as const)),
    });
    const merged = mergeNewestFirst([listing("grace@example.com", ["g1"]), listing("ada@example.com", ["a1", "a2"], "tok")], 10);
    // Ada's next Gmail page is unknown and might be newer than anything left: the page ends after her a2.
    expect(merged.messages.map(({ email, message }) => `${email}:${message.id}`)).toEqual(["ada@example.com:a1", "ada@example.com:a2"]);
    expect(merged.cursors).toEqual([
      { accountId: "grace@example.com", offset: 0, exhausted: false },
      { accountId: "ada@example.com", pageToken: "tok", offset: 0, exhausted: false },
    ]);
  });
});
