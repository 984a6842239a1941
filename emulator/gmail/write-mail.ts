import type { EmuResponse } from "../http/types";
import type { EmulatorState } from "../state";
import type { GmailCaller } from "./access";
import { deliverToUsers } from "./delivery";
import { invalidArgument, notFound } from "./errors";
import type { StoredMessage } from "./mailbox";
import { buildMessageContent } from "./message-content";
import { ownAddresses, prepareSentCopy, readRecipients } from "./outgoing-message";
import { joinRawMessage, type RawHeaders, splitRawMessage } from "./raw-headers";
import { gmailNoContent, gmailOk } from "./respond";
import { threadForWrittenMessage, threadingKeys } from "./threading";

/** A message a client writes: the RFC 2822 bytes (from `raw` or an upload) and the threadId of its metadata. */
export interface WrittenMessage {
  raw: Buffer;
  threadId?: string;
}

/** The drafts and send operations, shared by the JSON (metadata URI) routes and the upload routes. */
export class MailWriter {
  constructor(
    private readonly state: EmulatorState,
    private readonly caller: GmailCaller,
    private readonly query: URLSearchParams,
  ) {}

  /** drafts.create: a DRAFT message, no recipients needed; threaded by Gmail's rules. */
  createDraft(input: WrittenMessage): EmuResponse {
    const stored = this.storeDraft(input);
    if ("status" in stored) return stored;
    const id = this.caller.mailbox.drafts.create(stored.id);
    return gmailOk(draftJson(id, stored), this.query);
  }

  /** drafts.update: same draft id, a new message id; the old message is gone (404). threadId only from the body. */
  updateDraft(draftId: string, input: WrittenMessage): EmuResponse {
    const old = this.draftMessage(draftId);
    if (!old) return notFound();
    const stored = this.storeDraft(input, old);
    if ("status" in stored) return stored;
    this.caller.mailbox.drafts.replace(draftId, stored.id);
    this.caller.mailbox.deleteMessages([old]);
    return gmailOk(draftJson(draftId, stored), this.query);
  }

  deleteDraft(draftId: string): EmuResponse {
    const old = this.draftMessage(draftId);
    if (!old) return notFound();
    this.caller.mailbox.drafts.remove(draftId);
    this.caller.mailbox.deleteMessages([old]);
    return gmailNoContent();
  }

  /** drafts.send: the draft's message (or the replacement given) is sent with a new id; the draft is gone. */
  sendDraft(draftId: string, replacement: WrittenMessage | undefined): EmuResponse {
    const old = this.draftMessage(draftId);
    if (!old) return notFound();
    const input = replacement ?? { raw: old.content.parsed.raw };
    const sent = this.send(input, replacement ? undefined : old.threadId);
    if ("status" in sent) return sent;
    this.caller.mailbox.drafts.remove(draftId);
    this.caller.mailbox.deleteMessages([old]);
    return gmailOk(sentJson(sent), this.query);
  }

  sendMessage(input: WrittenMessage): EmuResponse {
    const sent = this.send(input, undefined);
    return "status" in sent ? sent : gmailOk(sentJson(sent), this.query);
  }

  draftMessage(draftId: string): StoredMessage | undefined {
    const messageId = this.caller.mailbox.drafts.messageIdOf(draftId);
    return messageId === undefined ? undefined : this.caller.mailbox.get(messageId);
  }

  /**
   * A draft that is a conversation of its own keeps that thread when the update names it (there is nothing
   * else in it to match); otherwise Gmail's rule decides, so a reply draft whose subject changed leaves.
   */
  private storeDraft(input: WrittenMessage, replacing?: StoredMessage): StoredMessage | EmuResponse {
    const message = splitRawMessage(input.raw);
    const recipients = readRecipients(message);
    if ("status" in recipients) return recipients;
    const { mailbox } = this.caller;
    const alone = replacing !== undefined && input.threadId === replacing.threadId && mailbox.thread(replacing.threadId)?.length === 1;
    const threadId = alone ? replacing.threadId : threadForWrittenMessage(mailbox, input.threadId, threadingKeys(message));
    if (threadId !== null && typeof threadId === "object") return threadId;
    return this.insert(message, ["DRAFT"], threadId);
  }

  /**
   * Sends: recipients from To/Cc/Bcc (400 "Recipient address required" without any), Gmail's header rewrites,
   * the sender's copy with SENT (INBOX and UNREAD as well when the sender is among the recipients: one copy),
   * Bcc kept in that copy only, then delivery to the other emulator users. `keepThreadId` is a sent draft's own thread.
   */
  private send(input: WrittenMessage, keepThreadId: string | undefined): StoredMessage | EmuResponse {
    const { account, mailbox } = this.caller;
    const original = splitRawMessage(input.raw);
    const recipients = readRecipients(original);
    if ("status" in recipients) return recipients;
    if (recipients.length === 0) return invalidArgument("Recipient address required");
    let threadId: string | null | EmuResponse = keepThreadId ?? null;
    if (keepThreadId === undefined) threadId = threadForWrittenMessage(mailbox, input.threadId, threadingKeys(original));
    if (threadId !== null && typeof threadId === "object") return threadId;
    const projectNumber = this.caller.clientId.split(/[.-]/)[0] ?? "0";
    const sent = prepareSentCopy(original, account, mailbox, projectNumber, new Date());
    const own = ownAddresses(account, mailbox);
    const toSelf = recipients.some((r) => own.has(r.email));
    const stored = this.insert(sent, toSelf ? ["UNREAD", "SENT", "INBOX"] : ["SENT"], threadId);
    deliverToUsers(this.state.users, account, sent, recipients);
    return stored;
  }

  private insert(message: RawHeaders, labelIds: string[], threadId: string | null): StoredMessage {
    const { mailbox } = this.caller;
    const bytes = joinRawMessage(message);
    return mailbox.insert({
      content: (id) => buildMessageContent(bytes, id, true),
      internalDate: Date.now(),
      labelIds,
      idSalt: `${mailbox.email}:written:${mailbox.messageCount}:${mailbox.history.currentId}`,
      recordHistory: true,
      threadId,
    });
  }
}

function draftJson(id: string, message: StoredMessage): Record<string, unknown> {
  return { id, message: { id: message.id, threadId: message.threadId, labelIds: message.labelIds } };
}

/** messages.send and drafts.send answer with only these three fields. */
function sentJson(message: StoredMessage): Record<string, unknown> {
  return { id: message.id, threadId: message.threadId, labelIds: message.labelIds };
}
