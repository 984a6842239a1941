import type { Mailbox, StoredMessage } from "./mailbox";
import { type MatchContext, matchesQuery } from "./search-matcher";
import { queryReachesSpamOrTrash, type SearchNode } from "./search-parser";

export interface ListOptions {
  labelIds: readonly string[];
  query?: SearchNode;
  includeSpamTrash: boolean;
  /** Keyset position: only items whose sort id is below this one. */
  before?: string;
  max: number;
  now: number;
}

export interface ListResult<T> {
  items: T[];
  /** The sort id of the last item when more items follow. */
  nextBefore?: string;
  total: number;
}

/** messages.list: each message must carry every label itself and match the query. */
export function listMessages(mailbox: Mailbox, options: ListOptions): ListResult<StoredMessage> {
  const items: StoredMessage[] = [];
  let total = 0;
  let more = false;
  const eligible = eligibility(options);
  const context = mailbox.matchContext(options.now);
  for (const message of mailbox.messages) {
    if (!eligible(message) || !options.labelIds.every((l) => message.labelIds.includes(l))) continue;
    if (options.query !== undefined && !matchesQuery(options.query, message, context)) continue;
    total++;
    if (options.before !== undefined && message.id >= options.before) continue;
    if (items.length < options.max) items.push(message);
    else more = true;
  }
  const last = items[items.length - 1];
  return { items, total, ...(more && last ? { nextBefore: last.id } : {}) };
}

/**
 * threads.list. "Labels only exist on messages": a thread carries the union of its messages' labels, so a
 * label filter matches when any message has the label (not necessarily the same message for each label), and
 * a query matches when any message matches. Spam and trash messages take no part unless asked for. Threads
 * are ordered, and paged, by their newest taking part message.
 */
export function listThreads(mailbox: Mailbox, options: ListOptions): ListResult<{ threadId: string; sortId: string }> {
  const seen = new Set<string>();
  const items: { threadId: string; sortId: string }[] = [];
  let total = 0;
  let more = false;
  const eligible = eligibility(options);
  const context = mailbox.matchContext(options.now);
  for (const message of mailbox.messages) {
    if (seen.has(message.threadId) || !eligible(message)) continue;
    seen.add(message.threadId);
    const members = (mailbox.thread(message.threadId) ?? []).filter(eligible);
    if (!threadMatches(members, options, context)) continue;
    total++;
    if (options.before !== undefined && message.id >= options.before) continue;
    if (items.length < options.max) items.push({ threadId: message.threadId, sortId: message.id });
    else more = true;
  }
  const last = items[items.length - 1];
  return { items, total, ...(more && last ? { nextBefore: last.sortId } : {}) };
}

function threadMatches(members: readonly StoredMessage[], options: ListOptions, context: MatchContext): boolean {
  const labels = new Set(members.flatMap((m) => m.labelIds));
  if (!options.labelIds.every((l) => labels.has(l))) return false;
  const query = options.query;
  return query === undefined || members.some((m) => matchesQuery(query, m, context));
}

/** Spam and trash are left out unless the caller asks for them (a flag, a label filter or `in:` in the query). */
function eligibility(options: ListOptions): (m: StoredMessage) => boolean {
  const wantsSpamTrash =
    options.includeSpamTrash ||
    options.labelIds.includes("SPAM") ||
    options.labelIds.includes("TRASH") ||
    (options.query !== undefined && queryReachesSpamOrTrash(options.query));
  return (m) => wantsSpamTrash || !(m.labelIds.includes("SPAM") || m.labelIds.includes("TRASH"));
}
