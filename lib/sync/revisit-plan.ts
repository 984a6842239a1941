// What Gmail's history since a cached page was fetched means for that page: nothing (serve it), these
// conversations must be fetched again (one batch), or "cannot tell exactly" (fetch the page cold). Pure.
//
// The rule throughout: a change is applied only when its effect on this page can be worked out exactly;
// when in doubt, the page is fetched cold. A stale row is worse than a round trip.
import type { gmail_v1 } from "@googleapis/gmail";
import { ALL_MAIL, isSpamOrTrash, isSpamOrTrashView } from "../gmail/labels";
import type { PageView } from "./revisit-order";

/** More changed conversations than one batch request holds: fetching the page cold is as cheap and surely right. */
export const MAX_REFETCH = 50;

export type ColdReason =
  /** No cached page. */
  | "miss"
  /** Gmail no longer has history from the page's point (404), or refused the point. */
  | "history_expired"
  /** More history than one history.list page. */
  | "too_many_changes"
  /** A search: whether a changed conversation matches it is Gmail's to say. */
  | "search"
  /** A later page: a change before it may have shifted it, and Gmail's page tokens do not say how. */
  | "later_page"
  /** A changed conversation's new place on the page is ambiguous (see revisit-order). */
  | "ambiguous_order"
  /** Changes emptied or overgrew the page. */
  | "reshaped";

export type RevisitPlan = { kind: "refetch"; threadIds: string[] } | { kind: "cold"; reason: ColdReason };

/** How one change can affect a listing of `label`, for a conversation that is not on the page. */
type Effect = "none" | "may_enter" | "may_leave";

function labelsOf(message: gmail_v1.Schema$Message | undefined): string[] | undefined {
  return message?.labelIds?.filter((id): id is string => typeof id === "string");
}

function effectOf(kind: ChangeKind | "unknown", change: Change, label: string): Effect {
  const spamTrashView = isSpamOrTrashView(label);
  switch (kind) {
    case "unknown":
      // Named in a record's `messages` without a typed entry: something changed, we are not told what.
      return "may_enter";
    case "messagesAdded": {
      // New mail (or a reply) may bring its conversation into the view or to its top. Mail that lands in
      // spam or trash does neither outside those views; history records usually carry the labels.
      const labels = labelsOf(change.message);
      return labels !== undefined && !spamTrashView && isSpamOrTrash(labels) ? "none" : "may_enter";
    }
    case "messagesDeleted":
      // Deleting a message can only take a conversation out of a view or lower it, never bring it in.
      return "may_leave";
    case "labelsAdded": {
      const added = change.labelIds ?? [];
      if (label !== ALL_MAIL && added.includes(label)) return "may_enter";
      if (!spamTrashView && isSpamOrTrash(added)) return "may_leave";
      return "none";
    }
    case "labelsRemoved": {
      const removed = change.labelIds ?? [];
      if (label !== ALL_MAIL && removed.includes(label)) return "may_leave";
      // Out of spam or trash: back in every view it has labels for.
      if (!spamTrashView && isSpamOrTrash(removed)) return "may_enter";
      return "none";
    }
  }
}

type ChangeKind = "messagesAdded" | "messagesDeleted" | "labelsAdded" | "labelsRemoved";
type Change = { message?: gmail_v1.Schema$Message; labelIds?: string[] | null };
const CHANGE_KINDS: readonly ChangeKind[] = ["messagesAdded", "messagesDeleted", "labelsAdded", "labelsRemoved"];

/** A record's typed changes, then any message it names that none of them covers (Gmail says the typed
 * arrays duplicate `messages`; should one ever not, the change is still seen, as an unknown one). */
function changesOf(record: gmail_v1.Schema$History): [ChangeKind | "unknown", Change][] {
  const changes: [ChangeKind | "unknown", Change][] = [];
  const typed = new Set<string>();
  for (const kind of CHANGE_KINDS) {
    for (const change of record[kind] ?? []) {
      changes.push([kind, change]);
      if (change.message?.id) typed.add(change.message.id);
    }
  }
  for (const message of record.messages ?? []) if (!message.id || !typed.has(message.id)) changes.push(["unknown", { message }]);
  return changes;
}

/**
 * Which conversations to fetch again, given the history records since the page's history id.
 * `onPage`: the ids of the conversations the cached page shows.
 */
export function planRevisit(view: PageView, onPage: ReadonlySet<string>, records: readonly gmail_v1.Schema$History[]): RevisitPlan {
  const refetch = new Set<string>();
  for (const record of records) {
    for (const [kind, change] of changesOf(record)) {
      const threadId = change.message?.threadId;
      // A change we cannot attribute to a conversation could be anywhere.
      if (!threadId) return { kind: "cold", reason: "ambiguous_order" };
      // Whether a changed conversation (on the page or not) still matches a search only Gmail can say.
      if (view.q) return { kind: "cold", reason: "search" };
      if (onPage.has(threadId)) {
        refetch.add(threadId);
        continue;
      }
      const effect = effectOf(kind, change, view.label);
      if (effect === "none") continue;
      // A conversation entering or leaving anywhere before a later page may shift that page.
      if (view.pageToken) return { kind: "cold", reason: "later_page" };
      // On the first page, one that left from further down changes nothing; one that may have entered is
      // fetched to see where it goes.
      if (effect === "may_enter") refetch.add(threadId);
    }
    if (refetch.size > MAX_REFETCH) return { kind: "cold", reason: "too_many_changes" };
  }
  return { kind: "refetch", threadIds: [...refetch] };
}
