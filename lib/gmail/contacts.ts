import "server-only";
// The people an account writes to, for the composer's suggestions, read from its own Sent mail (To and Cc of
// its latest sent messages: one messages.list and one batch of metadata), so no contacts scope is needed.
// Kept per account for a few minutes in a bounded map; never written to disk.
import { parseMailboxList } from "../mime/mailbox-address";
import { headerValue } from "../mime/message-headers";
import { batchGetMessages } from "./batch-get-messages";
import { gmailUsersFor } from "./gmail-client";

export type Contact = { name: string; email: string };

const SENT_MESSAGES_READ = 200;
const CACHE_TTL_MS = 10 * 60 * 1000;
const MAX_CACHED_ACCOUNTS = 500;
const MAX_SUGGESTIONS = 20;

type Entry = { contacts: Contact[]; at: number };
const cache = new Map<string, Entry>();

/** Contacts most written to first; one entry per address, with the last non-empty name seen. */
async function readContacts(accessToken: string, ownAddresses: readonly string[]): Promise<Contact[]> {
  const gmail = gmailUsersFor(accessToken);
  const { data } = await gmail.listMessages({ userId: "me", q: "in:sent", maxResults: SENT_MESSAGES_READ });
  const ids = (data.messages ?? []).flatMap((message) => (message.id ? [message.id] : []));
  if (ids.length === 0) return [];
  const { found } = await batchGetMessages(accessToken, ids, { format: "metadata", metadataHeaders: ["To", "Cc"] });
  const own = new Set(ownAddresses.map((address) => address.toLowerCase()));
  const tally = new Map<string, { contact: Contact; count: number }>();
  for (const message of found) {
    const headers = message.payload?.headers;
    for (const mailbox of [...parseMailboxList(headerValue(headers, "To")), ...parseMailboxList(headerValue(headers, "Cc"))]) {
      if (!mailbox.email) continue;
      const key = mailbox.email.toLowerCase();
      if (own.has(key)) continue;
      const seen = tally.get(key) ?? { contact: { name: "", email: mailbox.email }, count: 0 };
      seen.count++;
      if (mailbox.name && !seen.contact.name) seen.contact.name = mailbox.name;
      tally.set(key, seen);
    }
  }
  return [...tally.values()].sort((a, b) => b.count - a.count).map((entry) => entry.contact);
}

/** Contacts whose name or address contains `query` (all of them, most written to first, when empty). */
export async function suggestContacts(options: {
  accountId: string;
  accessToken: string;
  ownAddresses: readonly string[];
  query: string;
  now?: number;
}): Promise<Contact[]> {
  const now = options.now ?? Date.now();
  let entry = cache.get(options.accountId);
  if (!entry || now - entry.at > CACHE_TTL_MS) {
    entry = { contacts: await readContacts(options.accessToken, options.ownAddresses), at: now };
    cache.delete(options.accountId);
    cache.set(options.accountId, entry);
    // The oldest entry goes first: a Map keeps insertion order.
    while (cache.size > MAX_CACHED_ACCOUNTS) cache.delete(cache.keys().next().value!);
  }
  const query = options.query.trim().toLowerCase();
  return entry.contacts
    .filter((contact) => query === "" || contact.email.toLowerCase().includes(query) || contact.name.toLowerCase().includes(query))
    .slice(0, MAX_SUGGESTIONS);
}
