// When the composer saves its Gmail draft: the first save creates it, later ones update it with the version
// the last save returned, never two at once (the second would carry a stale version), and at most one save
// per interval while the person types, measured from the start of the previous save. Pure: the clock and
// the save itself are handed in, so the rules are tested without a browser or a server.
import { type RequestProblem, localProblem } from "@/app/_components/request-failure";

/** The draft as Gmail knows it after a save; `version` is opaque and changes with every update. */
export type SavedDraft = { id: string; version: string };

export type SaveOutcome =
  | { kind: "saved"; draft: SavedDraft }
  /** Another tab (or Gmail itself) changed the draft since our version: nothing was overwritten. */
  | { kind: "conflict"; version?: string }
  /** The account may only read mail so far: Google's gmail.modify permission is needed first. */
  | { kind: "scope_required" }
  | { kind: "failed"; problem: RequestProblem };

export type AutosaveStatus =
  | { state: "idle" }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "saved" }
  | { state: "conflict" }
  | { state: "scope_required" }
  | { state: "failed" };

export type Clock = {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export type AutosaveOptions<C> = {
  intervalMs: number;
  /** `draft` is null for the first save (create), the last saved draft afterwards (update with its version). */
  save: (content: C, draft: SavedDraft | null) => Promise<SaveOutcome>;
  onStatus: (status: AutosaveStatus) => void;
  clock: Clock;
  /** A draft already in Gmail (reopened from the Drafts view or after Undo send). */
  draft?: SavedDraft | null;
};

export class Autosave<C> {
  private latest: C | null = null;
  private dirty = false;
  private inFlight: Promise<SaveOutcome> | null = null;
  private lastStart = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  /** Saving stops after a conflict or a missing permission until the person decides what to do. */
  private halted = false;
  /** What halted it: a flush answers with it (a send must not go as if all were saved). */
  private haltedBy: SaveOutcome | null = null;
  private savedDraft: SavedDraft | null;

  constructor(private readonly options: AutosaveOptions<C>) {
    this.savedDraft = options.draft ?? null;
  }

  get draft(): SavedDraft | null {
    return this.savedDraft;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** The content changed: saved now if the interval allows, else once it does. */
  change(content: C): void {
    this.latest = content;
    this.dirty = true;
    if (this.halted) return;
    this.options.onStatus({ state: "pending" });
    this.schedule();
  }

  /** Saves what is unsaved now (closing, sending), after any save in flight; the last outcome, or null if nothing was due. */
  async flush(): Promise<SaveOutcome | null> {
    this.cancelTimer();
    let outcome: SaveOutcome | null = null;
    if (this.inFlight) outcome = await this.inFlight;
    if (this.halted) return this.haltedBy;
    if (this.dirty) outcome = await this.start();
    return outcome;
  }

  /**
   * After a conflict, the person keeps their text: the next save overwrites the draft, whose current
   * version the caller read again. After a granted permission: saving resumes as it was.
   */
  resume(draft?: SavedDraft): void {
    if (draft) this.savedDraft = draft;
    this.halted = false;
    this.haltedBy = null;
    if (this.dirty) this.schedule();
  }

  /**
   * The draft is thrown away: nothing more is saved. Resolves once a save in flight has landed, with the
   * draft Gmail has then (so the one that save created is the one deleted).
   */
  async stopForGood(): Promise<SavedDraft | null> {
    this.cancelTimer();
    this.halted = true;
    this.dirty = false;
    if (this.inFlight) await this.inFlight;
    return this.savedDraft;
  }

  /** Stops the timer (the composer is gone); a save in flight still completes. */
  dispose(): void {
    this.cancelTimer();
  }

  private schedule(): void {
    if (this.inFlight || this.timer !== null) return;
    const wait = this.lastStart + this.options.intervalMs - this.options.clock.now();
    if (wait <= 0) {
      void this.start();
      return;
    }
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      if (this.dirty && !this.halted && !this.inFlight) void this.start();
    }, wait);
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private async start(): Promise<SaveOutcome> {
    const content = this.latest as C;
    this.dirty = false;
    this.lastStart = this.options.clock.now();
    this.options.onStatus({ state: "saving" });
    const running = this.options
      .save(content, this.savedDraft)
      .catch((): SaveOutcome => ({ kind: "failed", problem: localProblem("draft_not_saved") }));
    this.inFlight = running;
    const outcome = await running;
    this.inFlight = null;
    this.settle(outcome);
    return outcome;
  }

  private settle(outcome: SaveOutcome): void {
    switch (outcome.kind) {
      case "saved":
        this.savedDraft = outcome.draft;
        this.options.onStatus(this.dirty ? { state: "pending" } : { state: "saved" });
        if (this.dirty) this.schedule();
        return;
      case "conflict":
        this.dirty = true;
        this.halted = true;
        this.haltedBy = outcome;
        this.options.onStatus({ state: "conflict" });
        return;
      case "scope_required":
        this.dirty = true;
        this.halted = true;
        this.haltedBy = outcome;
        this.options.onStatus({ state: "scope_required" });
        return;
      case "failed":
        // Tried again after the interval (the connection may be back); the text stays in the browser meanwhile.
        this.dirty = true;
        this.options.onStatus({ state: "failed" });
        this.schedule();
        return;
    }
  }
}
