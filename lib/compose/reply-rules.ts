// How a reply, a reply to all or a forward is derived from the message it answers, each rule once:
// - Subject: one `Re:` / `Fwd:` prefix, never `Re: Re:`.
// - Threading: In-Reply-To is the parent's Message-ID; References the parent's References then its Message-ID
//   (what other mail clients thread by, since Gmail's threadId is Gmail's alone). A forward carries them too,
//   so it stays in the conversation for the sender.
// - Recipients: a reply goes to the parent's Reply-To, else its From; a reply to all adds the parent's To (in
//   To) and Cc (in Cc), as Gmail does, leaving out every address of the account's own (all its send-as
//   addresses) and duplicates.
// The quoted original is quote.ts. Nothing here needs the server: the browser's composer opens a reply with
// these same rules, from the conversation already on screen.
import { parseMailboxList } from "../mime/mailbox-address";
import { type Recipient, addressKey } from "./recipient";

export type ReplyMode = "reply" | "replyAll" | "forward";

/** What the derivation needs of the parent message: its headers as Gmail decodes them, and its body. */
export type ParentMessage = {
  /** The RFC 5322 Message-ID header, with its angle brackets (not Gmail's message id). */
  messageIdHeader: string | null;
  references: string | null;
  subject: string | null;
  from: string | null;
  replyTo: string | null;
  to: string | null;
  cc: string | null;
  date: string | null;
  html: string | null;
  text: string | null;
};

const REPLY_PREFIX = /^\s*re\s*:/i;
const FORWARD_PREFIX = /^\s*(fwd?|fw)\s*:/i;

export function derivedSubject(parentSubject: string | null, mode: ReplyMode): string {
  const subject = (parentSubject ?? "").trim();
  if (mode === "forward") return FORWARD_PREFIX.test(subject) ? subject : `Fwd: ${subject}`;
  return REPLY_PREFIX.test(subject) ? subject : `Re: ${subject}`;
}

/** A message id always in angle brackets (some senders drop them in References). */
function bracketed(id: string): string {
  const bare = id.trim().replace(/^<|>$/g, "");
  return `<${bare}>`;
}

/** In-Reply-To and References for an answer to `parent`; none when the parent has no Message-ID. */
export function threadingHeaders(
  parent: Pick<ParentMessage, "messageIdHeader" | "references">,
): { inReplyTo: string; references: string } | null {
  if (!parent.messageIdHeader?.trim()) return null;
  const messageId = bracketed(parent.messageIdHeader);
  const earlier = (parent.references ?? "")
    .split(/\s+/)
    .filter((id) => id !== "")
    .map(bracketed);
  const references = [...earlier.filter((id) => id !== messageId), messageId];
  return { inReplyTo: messageId, references: references.join(" ") };
}

/** A header's mailboxes that have an address, as recipients. */
export function recipientsOf(header: string | null): Recipient[] {
  return parseMailboxList(header).flatMap((mailbox) => (mailbox.email ? [{ name: mailbox.name ?? "", address: mailbox.email }] : []));
}

/** Who a message came from and went to, as lists (parsed from its headers, or as a page already shows them). */
export type Correspondents = { from: Recipient[]; replyTo: Recipient[]; to: Recipient[]; cc: Recipient[] };

/** The correspondents of a parent message given by its headers. */
export function correspondentsOf(parent: Pick<ParentMessage, "from" | "replyTo" | "to" | "cc">): Correspondents {
  return {
    from: recipientsOf(parent.from),
    replyTo: recipientsOf(parent.replyTo),
    to: recipientsOf(parent.to),
    cc: recipientsOf(parent.cc),
  };
}

/** To and Cc of a reply (empty for a forward: the person chooses). */
export function replyRecipients(
  parent: Correspondents,
  mode: ReplyMode,
  ownAddresses: readonly string[],
): { to: Recipient[]; cc: Recipient[] } {
  if (mode === "forward") return { to: [], cc: [] };
  const own = new Set(ownAddresses.map(addressKey));
  const author = parent.replyTo.length > 0 ? parent.replyTo : parent.from;
  // Answering one's own message goes to its recipients, as Gmail does, not back to oneself.
  const fromSelf = author.every((recipient) => own.has(addressKey(recipient.address)));
  const seen = new Set(own);
  const keep = (list: Recipient[]) =>
    list.filter((recipient) => {
      const key = addressKey(recipient.address);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (fromSelf) {
    const to = keep(parent.to);
    return { to, cc: mode === "replyAll" ? keep(parent.cc) : [] };
  }
  // As Gmail's own Reply all: the parent's To stay in To, its Cc in Cc.
  const to = keep(author);
  if (mode === "reply") return { to, cc: [] };
  return { to: [...to, ...keep(parent.to)], cc: keep(parent.cc) };
}
