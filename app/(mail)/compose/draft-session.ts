// One composer's content and its life as a Gmail draft: every change is kept in localStorage at once and
// saved to Gmail by the Autosave rules; sending flushes the save first, then asks the server to send it.
// A plain class (not React state): saves and sends read the latest content between renders.
import { Autosave, type AutosaveStatus } from "./autosave";
import {
  type DraftAttachment,
  type DraftBody,
  type Failure,
  type ScheduledSend,
  deleteDraft,
  getDraft,
  saveDraft,
  sendDraft,
} from "./compose-api";
import { type LocalDraft, forgetLocalDraft, keepLocalDraft } from "./local-draft";
import { type RequestProblem, localProblem } from "@/app/_components/request-failure";

export const AUTOSAVE_INTERVAL_MS = 3000;

const browserClock = {
  now: () => Date.now(),
  setTimeout: (run: () => void, ms: number) => window.setTimeout(run, ms),
  clearTimeout: (handle: unknown) => window.clearTimeout(handle as number),
};

function bodyOf(draft: LocalDraft): DraftBody {
  return {
    account: draft.account,
    to: draft.to,
    cc: draft.cc,
    bcc: draft.bcc,
    subject: draft.subject,
    html: draft.html,
    attachments: draft.attachments.map((attachment) => attachment.uploadId),
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.inReplyTo ? { inReplyTo: draft.inReplyTo } : {}),
  };
}

/** A send refused before it reached the server: Gmail does not have the text being sent. */
const DRAFT_NOT_SAVED = localProblem("draft_not_saved");

export type SendOutcome =
  | { kind: "sent"; scheduled: ScheduledSend; draft: LocalDraft }
  | { kind: "scope_required" }
  | { kind: "conflict" }
  | { kind: "failed"; problem: RequestProblem };

export class DraftSession {
  private latest: LocalDraft;
  private readonly autosave: Autosave<LocalDraft>;
  private closing = false;
  /** The conflicting draft's current version, when the server told it. */
  private theirVersion: string | null = null;

  /** Files the server put on the draft (a forward's, copied from the original): shown, and listed again at each save. */
  private onServerAttachments: (attachments: DraftAttachment[]) => void = () => undefined;

  constructor(
    private readonly initial: LocalDraft,
    onStatus: (status: AutosaveStatus) => void,
  ) {
    this.latest = initial;
    this.autosave = new Autosave<LocalDraft>({
      intervalMs: AUTOSAVE_INTERVAL_MS,
      clock: browserClock,
      draft: initial.draft,
      onStatus,
      save: async (draft, saved) => {
        const outcome = await saveDraft(bodyOf(draft), saved, this.closing);
        if (outcome.kind === "saved") {
          const known = new Set(this.latest.attachments.map((attachment) => attachment.uploadId));
          const added = "attachments" in outcome ? outcome.attachments.filter((attachment) => !known.has(attachment.uploadId)) : [];
          this.latest = { ...this.latest, draft: outcome.draft, attachments: [...this.latest.attachments, ...added] };
          keepLocalDraft(this.latest);
          if (added.length > 0) this.onServerAttachments(added);
        }
        if (outcome.kind === "conflict") this.theirVersion = outcome.version ?? null;
        return outcome;
      },
    });
  }

  get content(): LocalDraft {
    return this.latest;
  }

  get hasUnsaved(): boolean {
    return this.autosave.hasUnsavedChanges;
  }

  /** Once mounted: kept in the browser, and restored text Gmail may not have is saved straight away. */
  start(): void {
    keepLocalDraft(this.latest);
    // A reply that is only opened costs nothing at Gmail: its draft is created at the first change.
    if (this.initial.restored === true) this.autosave.change(this.latest);
  }

  listenForServerAttachments(listener: (attachments: DraftAttachment[]) => void): void {
    this.onServerAttachments = listener;
  }

  stop(): void {
    this.autosave.dispose();
  }

  update(change: Partial<LocalDraft>): void {
    this.latest = { ...this.latest, ...change, savedAt: Date.now() };
    keepLocalDraft(this.latest);
    this.autosave.change(this.latest);
  }

  /** Saves what is not saved yet; true when Gmail has it all. `closing`: the composer's last save. */
  async flush(closing = false): Promise<boolean> {
    this.closing = closing;
    const outcome = await this.autosave.flush();
    return outcome === null ? !this.autosave.hasUnsavedChanges && this.autosave.draft !== null : outcome.kind === "saved";
  }

  async send(sendAt?: string): Promise<SendOutcome> {
    // A reply sent untouched was never saved: it becomes a draft now.
    if (this.autosave.draft === null && !this.autosave.hasUnsavedChanges) this.autosave.change(this.latest);
    const saved = await this.autosave.flush();
    if (saved && saved.kind !== "saved") return saved.kind === "conflict" ? { kind: "conflict" } : saved;
    const draft = this.autosave.draft;
    if (!draft || this.autosave.hasUnsavedChanges) return { kind: "failed", problem: DRAFT_NOT_SAVED };
    const result = await sendDraft(this.latest.account, draft.id, sendAt);
    if (result.kind === "ok") {
      const sent = { ...this.latest, draft, pendingSend: undefined, grantAsked: undefined };
      forgetLocalDraft(this.latest.key);
      return { kind: "sent", scheduled: result.value.scheduled, draft: sent };
    }
    if (result.kind === "scope_required") return { kind: "scope_required" };
    if (result.kind === "conflict") return { kind: "conflict" };
    return { kind: "failed", problem: result.problem };
  }

  /** After a conflict: the next save overwrites the other version with what is typed here; or why not. */
  async keepMine(): Promise<Failure | null> {
    const id = this.autosave.draft?.id;
    if (!id) return null;
    let version = this.theirVersion;
    if (version === null) {
      const current = await getDraft(id, this.latest.account);
      if (current.kind !== "ok") return current;
      version = current.value.version;
    }
    this.theirVersion = null;
    this.autosave.resume({ id, version });
    return null;
  }

  /**
   * Before leaving for Google's consent screen: that the person was asked, and the send (if any) to finish on
   * the way back; null once back.
   */
  rememberGrant(grant: { pendingSend?: LocalDraft["pendingSend"] } | null): void {
    this.latest = grant
      ? { ...this.latest, grantAsked: true, pendingSend: grant.pendingSend }
      : { ...this.latest, grantAsked: undefined, pendingSend: undefined };
    keepLocalDraft(this.latest);
  }

  /** Throws the draft away: no more saves, the browser copy forgotten, Gmail's draft deleted; why not, or null. */
  async discard(): Promise<Failure | null> {
    const draft = await this.autosave.stopForGood();
    this.forget();
    if (!draft) return null;
    const result = await deleteDraft(draft.id, this.latest.account);
    // Already gone (sent or discarded elsewhere) is what was wanted.
    return result.kind === "ok" || result.kind === "not_found" ? null : result;
  }

  /** The browser copy is no longer needed (Gmail has it all, or it was discarded). */
  forget(): void {
    forgetLocalDraft(this.latest.key);
  }
}
