import type { EmuResponse } from "../http/types";
import { invalidArgument } from "./errors";
import { MESSAGE_ID } from "./ids";
import type { Mailbox, StoredMessage } from "./mailbox";
import { decodeEncodedWords } from "./mime-headers";
import { type RawHeaders, rawValues } from "./raw-headers";

/** What threading reads from a message: the ids it replies to (lower case, no brackets) and its subject. */
export interface ThreadingKeys {
  replyTo: string[];
  subject: string;
}

export function threadingKeys(message: RawHeaders): ThreadingKeys {
  const refs = [...rawValues(message, "In-Reply-To"), ...rawValues(message, "References")].join(" ");
  // Raw 8-bit bytes as Latin-1, as the stored copies of written mail read them.
  const subject = decodeEncodedWords(rawValues(message, "Subject")[0] ?? "");
  return { replyTo: [...refs.matchAll(/<([^>]+)>/g)].map((m) => (m[1] ?? "").toLowerCase()).reverse(), subject };
}

/**
 * Gmail's rule for a message a user writes (draft or send): it joins the thread named by `threadId` only when
 * its In-Reply-To/References name a message of that thread AND the subjects match once `Re:`/`Fwd:` are
 * stripped; otherwise it starts a new conversation (null). A threadId that is not one of the mailbox's
 * threads is refused with 400 "Invalid thread_id value".
 */
export function threadForWrittenMessage(
  mailbox: Mailbox,
  requestedThreadId: string | undefined,
  content: ThreadingKeys,
): string | null | EmuResponse {
  if (requestedThreadId === undefined || requestedThreadId === "") return null;
  const thread = MESSAGE_ID.test(requestedThreadId) ? mailbox.thread(requestedThreadId) : undefined;
  if (!thread) return invalidArgument("Invalid thread_id value");
  const parent = content.replyTo.map((ref) => thread.find((m) => m.content.messageIdHeader === ref)).find((m) => m !== undefined);
  return parent && sameSubject(parent, content) ? requestedThreadId : null;
}

/**
 * Threading of mail arriving in a mailbox (delivery between emulator users): the conversation of the message
 * its In-Reply-To/References name, when the subjects match; otherwise a new one.
 */
export function threadForArrivingMessage(mailbox: Mailbox, content: ThreadingKeys): string | null {
  for (const ref of content.replyTo) {
    const parent = mailbox.messageByHeaderId(ref);
    if (parent && sameSubject(parent, content)) return parent.threadId;
  }
  return null;
}

function sameSubject(parent: StoredMessage, content: ThreadingKeys): boolean {
  return normaliseSubject(parent.doc.subjectText) === normaliseSubject(content.subject);
}

/** `Re: Fwd: RE:  Hello` → `hello`: reply and forward prefixes (any number, any case) do not split a thread. */
export function normaliseSubject(subject: string): string {
  return subject
    .replace(/^(\s*(re|fwd?|aw|wg|sv|vs)\s*(\[\d+\])?\s*:\s*)+/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
