import { randomBytes } from "node:crypto";

/**
 * A mailbox's drafts: Gmail's draft id (`r` and a signed 64-bit decimal, e.g. `r-5435612386735838459`) is the
 * stable container; the message inside is replaced, with a new message id, on every update.
 */
export class DraftStore {
  private readonly messageByDraft = new Map<string, string>();

  create(messageId: string): string {
    let id = newDraftId();
    while (this.messageByDraft.has(id)) id = newDraftId();
    this.messageByDraft.set(id, messageId);
    return id;
  }

  messageIdOf(draftId: string): string | undefined {
    return this.messageByDraft.get(draftId);
  }

  replace(draftId: string, messageId: string): void {
    this.messageByDraft.set(draftId, messageId);
  }

  remove(draftId: string): void {
    this.messageByDraft.delete(draftId);
  }

  /** The draft holding this message, if any (a draft's message cannot be relabelled). */
  draftOf(messageId: string): string | undefined {
    for (const [draftId, id] of this.messageByDraft) if (id === messageId) return draftId;
    return undefined;
  }

  entries(): [draftId: string, messageId: string][] {
    return [...this.messageByDraft];
  }
}

function newDraftId(): string {
  return `r${randomBytes(8).readBigInt64BE(0).toString(10)}`;
}
