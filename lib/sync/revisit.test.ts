// The revisit rules on small hand-made pages: which changes are applied and where rows go, and which send
// the page back to Gmail. The integration test (page-cache-list.test.ts) checks the same against the emulator.
import type { gmail_v1 } from "@googleapis/gmail";
import { describe, expect, it } from "vitest";
import { summarizeThread } from "../gmail/thread-headers";
import { type OrderedPage, applyRefetched } from "./revisit-apply";
import { type PageView, rowOrderOf } from "./revisit-order";
import { MAX_REFETCH, planRevisit } from "./revisit-plan";

type Spec = { id: string; at: number; labels: string[] };

function thread(id: string, messages: Spec[]): gmail_v1.Schema$Thread {
  return {
    id,
    messages: messages.map((message) => ({
      id: message.id,
      threadId: id,
      labelIds: message.labels,
      internalDate: String(message.at),
      snippet: `snippet ${message.id}`,
      payload: {
        headers: [
          { name: "From", value: "Grace <grace@example.com>" },
          { name: "Subject", value: `About ${id}` },
        ],
      },
    })),
  };
}

const summarize = (raw: gmail_v1.Schema$Thread, label: string) => summarizeThread(raw, { label });
const inboxView: PageView = { label: "INBOX", pageSize: 3 };

/** A cached page built the way a cold fetch builds it. */
function pageOf(threads: gmail_v1.Schema$Thread[], view = inboxView, nextPageToken?: string): OrderedPage {
  return {
    page: {
      threads: threads.map((raw) => summarize(raw, view.label)!),
      ...(nextPageToken ? { nextPageToken } : {}),
      resultSizeEstimate: 10,
    },
    order: new Map(threads.map((raw) => [raw.id!, rowOrderOf(raw, view.label)])),
  };
}

// Three inbox conversations, newest first; the middle one has an older message outside the inbox.
const t1 = thread("t1", [{ id: "m1", at: 3000, labels: ["INBOX", "UNREAD"] }]);
const t2 = thread("t2", [
  { id: "m2a", at: 1500, labels: ["SENT"] },
  { id: "m2b", at: 2000, labels: ["INBOX"] },
]);
const t3 = thread("t3", [{ id: "m3", at: 1000, labels: ["INBOX"] }]);
const cached = pageOf([t1, t2, t3], inboxView, "next");

const ids = (page: OrderedPage) => page.page.threads.map((row) => row.id);
const record = (change: gmail_v1.Schema$History): gmail_v1.Schema$History[] => [change];
const message = (threadId: string, labelIds: string[] = ["INBOX"]) => ({ id: `m-${threadId}`, threadId, labelIds });

describe("planRevisit", () => {
  const onPage = new Set(["t1", "t2", "t3"]);

  it("has nothing to fetch when nothing happened, or nothing that concerns the page", () => {
    expect(planRevisit(inboxView, onPage, [])).toEqual({ kind: "refetch", threadIds: [] });
    // Starring, or archiving a conversation that is not on the first page, changes nothing here.
    const elsewhere = [
      ...record({ labelsAdded: [{ message: message("t9"), labelIds: ["STARRED"] }] }),
      ...record({ labelsRemoved: [{ message: message("t8", []), labelIds: ["INBOX"] }] }),
      ...record({ messagesAdded: [{ message: message("t7", ["SPAM"]) }] }),
    ];
    expect(planRevisit(inboxView, onPage, elsewhere)).toEqual({ kind: "refetch", threadIds: [] });
  });

  it("fetches again every conversation on the page that changed, once each", () => {
    const changes = [
      ...record({ labelsRemoved: [{ message: message("t2"), labelIds: ["UNREAD"] }] }),
      ...record({ labelsAdded: [{ message: message("t2"), labelIds: ["STARRED"] }] }),
      ...record({ messagesDeleted: [{ message: message("t3") }] }),
    ];
    expect(planRevisit(inboxView, onPage, changes)).toEqual({ kind: "refetch", threadIds: ["t2", "t3"] });
  });

  it("fetches conversations that may have entered the first page: new mail, the label added, out of trash", () => {
    const changes = [
      ...record({ messagesAdded: [{ message: message("n1") }] }),
      ...record({ labelsAdded: [{ message: message("n2"), labelIds: ["INBOX"] }] }),
      ...record({ labelsRemoved: [{ message: message("n3"), labelIds: ["TRASH"] }] }),
    ];
    expect(planRevisit(inboxView, onPage, changes)).toEqual({ kind: "refetch", threadIds: ["n1", "n2", "n3"] });
  });

  it("goes cold for a later page when anything may have entered or left before it", () => {
    const later = { ...inboxView, pageToken: "p2" };
    expect(planRevisit(later, onPage, record({ messagesAdded: [{ message: message("n1") }] }))).toEqual({
      kind: "cold",
      reason: "later_page",
    });
    expect(planRevisit(later, onPage, record({ labelsRemoved: [{ message: message("t9"), labelIds: ["INBOX"] }] }))).toEqual({
      kind: "cold",
      reason: "later_page",
    });
    // Its own rows changing is applied as on a first page.
    expect(planRevisit(later, onPage, record({ labelsAdded: [{ message: message("t1"), labelIds: ["STARRED"] }] }))).toEqual({
      kind: "refetch",
      threadIds: ["t1"],
    });
  });

  it("goes cold for a search on any change, and when there are too many changes for one batch", () => {
    const search = { ...inboxView, q: "from:grace" };
    expect(planRevisit(search, onPage, record({ labelsAdded: [{ message: message("t9"), labelIds: ["STARRED"] }] }))).toEqual({
      kind: "cold",
      reason: "search",
    });
    expect(planRevisit(search, onPage, [])).toEqual({ kind: "refetch", threadIds: [] });
    const many = Array.from({ length: MAX_REFETCH + 1 }, (_, index) => ({ messagesAdded: [{ message: message(`n${index}`) }] }));
    expect(planRevisit(inboxView, onPage, many)).toEqual({ kind: "cold", reason: "too_many_changes" });
  });

  it("treats a message a record names without saying what changed as a change that may bring it in", () => {
    const untyped = [
      {
        id: "1",
        messages: [
          { id: "m-x", threadId: "x" },
          { id: "m-t1", threadId: "t1" },
        ],
      },
    ];
    expect(planRevisit(inboxView, onPage, untyped)).toEqual({ kind: "refetch", threadIds: ["x", "t1"] });
    // The usual record names its message in `messages` too: that is the typed change, not another one.
    const typed = [
      { id: "2", messages: [{ id: "m-t9", threadId: "t9" }], labelsAdded: [{ message: message("t9"), labelIds: ["STARRED"] }] },
    ];
    expect(planRevisit(inboxView, onPage, typed)).toEqual({ kind: "refetch", threadIds: [] });
  });

  it("goes cold for a change it cannot attribute to a conversation", () => {
    expect(planRevisit(inboxView, onPage, record({ messagesAdded: [{ message: { id: "m" } }] }))).toEqual({
      kind: "cold",
      reason: "ambiguous_order",
    });
  });
});

describe("applyRefetched", () => {
  it("updates a row in place when its place cannot have changed", () => {
    const read = thread("t2", [
      { id: "m2a", at: 1500, labels: ["SENT"] },
      { id: "m2b", at: 2000, labels: ["INBOX", "STARRED"] },
    ]);
    const result = applyRefetched(cached, inboxView, { found: [read], missing: [] }, summarize);
    expect(result.kind).toBe("page");
    if (result.kind !== "page") return;
    expect(ids(result.page)).toEqual(["t1", "t2", "t3"]);
    expect(result.page.page.threads[1]).toMatchObject({ starred: true });
    expect(result.page.page.nextPageToken).toBe("next");
  });

  it("removes rows that left the view or were deleted", () => {
    const archived = thread("t1", [{ id: "m1", at: 3000, labels: [] }]);
    const result = applyRefetched(cached, inboxView, { found: [archived], missing: ["t3"] }, summarize);
    expect(result.kind === "page" && ids(result.page)).toEqual(["t2"]);
    expect(result.kind === "page" && result.page.page.resultSizeEstimate).toBe(8);
  });

  it("puts new mail, and a conversation with a new inbox message, at the top, newest first", () => {
    const fresh = thread("n1", [{ id: "n1", at: 5000, labels: ["INBOX", "UNREAD"] }]);
    const replied = thread("t3", [
      { id: "m3", at: 1000, labels: ["INBOX"] },
      { id: "m3b", at: 4000, labels: ["INBOX", "UNREAD"] },
    ]);
    const result = applyRefetched(cached, inboxView, { found: [replied, fresh], missing: [] }, summarize);
    expect(result.kind === "page" && ids(result.page)).toEqual(["n1", "t3", "t1", "t2"]);
  });

  it("goes cold when a reply outside the view makes the order depend on how Gmail sorts", () => {
    // A reply sent from t3 (not in the inbox): by the newest inbox message t3 stays last, by the newest
    // message it goes first. Mailroom does not guess.
    const sent = thread("t3", [
      { id: "m3", at: 1000, labels: ["INBOX"] },
      { id: "m3b", at: 4000, labels: ["SENT"] },
    ]);
    expect(applyRefetched(cached, inboxView, { found: [sent], missing: [] }, summarize)).toEqual({
      kind: "cold",
      reason: "ambiguous_order",
    });
  });

  it("leaves out a conversation that entered below the page when more pages follow, and appends it on the last page", () => {
    const old = thread("o1", [{ id: "o1", at: 500, labels: ["INBOX"] }]);
    const more = applyRefetched(cached, inboxView, { found: [old], missing: [] }, summarize);
    expect(more.kind === "page" && ids(more.page)).toEqual(["t1", "t2", "t3"]);
    const last = applyRefetched(pageOf([t1, t2, t3]), inboxView, { found: [old], missing: [] }, summarize);
    expect(last.kind === "page" && ids(last.page)).toEqual(["t1", "t2", "t3", "o1"]);
    // A conversation that is not in the view after all is ignored.
    const elsewhere = thread("o2", [{ id: "o2", at: 9000, labels: ["SENT"] }]);
    const ignored = applyRefetched(cached, inboxView, { found: [elsewhere], missing: [] }, summarize);
    expect(ignored.kind === "page" && ids(ignored.page)).toEqual(["t1", "t2", "t3"]);
  });

  it("goes cold when the page would be emptied while more pages follow, or would grow past half a page", () => {
    const archived = [t1, t2, t3].map((raw) => ({ ...raw, messages: raw.messages!.map((m) => ({ ...m, labelIds: [] })) }));
    expect(applyRefetched(cached, inboxView, { found: archived, missing: [] }, summarize)).toEqual({ kind: "cold", reason: "reshaped" });
    const arrivals = [5000, 6000, 7000].map((at) => thread(`n${at}`, [{ id: `n${at}`, at, labels: ["INBOX"] }]));
    expect(applyRefetched(cached, inboxView, { found: arrivals, missing: [] }, summarize)).toEqual({ kind: "cold", reason: "reshaped" });
  });

  it("goes cold when a row of a later page moves above the whole page (it may belong to an earlier one)", () => {
    const later = { ...inboxView, pageToken: "p2" };
    const page2 = pageOf([t1, t2, t3], later, "p3");
    const replied = thread("t3", [
      { id: "m3", at: 1000, labels: ["INBOX"] },
      { id: "m3b", at: 4000, labels: ["INBOX"] },
    ]);
    expect(applyRefetched(page2, later, { found: [replied], missing: [] }, summarize)).toEqual({ kind: "cold", reason: "ambiguous_order" });
    // Moving within the page, or in place, is still applied.
    const within = thread("t3", [
      { id: "m3", at: 1000, labels: ["INBOX"] },
      { id: "m3b", at: 2500, labels: ["INBOX"] },
    ]);
    const moved = applyRefetched(page2, later, { found: [within], missing: [] }, summarize);
    expect(moved.kind === "page" && ids(moved.page)).toEqual(["t1", "t3", "t2"]);
  });

  it("goes cold when two arrivals cannot be told apart in time", () => {
    const same = ["a", "b"].map((id) => thread(id, [{ id, at: 5000, labels: ["INBOX"] }]));
    const roomy = { ...inboxView, pageSize: 25 };
    expect(applyRefetched(pageOf([t1, t2, t3], roomy), roomy, { found: same, missing: [] }, summarize)).toEqual({
      kind: "cold",
      reason: "ambiguous_order",
    });
  });
});
