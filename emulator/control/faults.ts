import { seededRandom } from "./prng";

export interface FaultSpec {
  match: { method?: string; path?: string };
  status?: number;
  count?: number;
  rate?: number;
  latencyMs?: number;
  retryAfter?: number;
  dropFields?: string[];
  /**
   * `mailSending`: Gmail's sending limit: 429 "User-rate limit exceeded.  Retry after <ISO> (Mail sending)" with
   * Retry-After (default 60 s), on send methods only (messages.send, drafts.send, their upload URIs).
   */
  kind?: "mailSending";
  /** Lets this many matching requests through first (a lockout that starts after a few accepted sends). */
  skip?: number;
}

const SEND_PATH = /\/(messages|drafts)\/send$/;

interface ActiveFault {
  id: string;
  spec: FaultSpec;
  /** Times it may still fire; undefined = unlimited. */
  remaining: number | undefined;
  fired: number;
  random: () => number;
  skipped: number;
}

/** The combined effect of every fault that fired on one request (or one batch part). */
export interface FiredFaults {
  latencyMs: number;
  status?: number;
  retryAfter?: number;
  dropFields: string[];
  ids: string[];
  mailSending?: boolean;
}

const FAULT_SEED = 0x5eed;

/**
 * Injected failures. Every matching fault rolls its own PRNG, seeded from its position since the last
 * reset, so a given sequence of requests fails the same way on every run. All faults that fire combine:
 * latencies add up, the first fault with a status decides the response, dropFields accumulate.
 */
export class FaultSet {
  private faults: ActiveFault[] = [];
  private created = 0;

  add(spec: FaultSpec): string {
    this.created += 1;
    const id = `fault_${this.created}`;
    this.faults.push({ id, spec, remaining: spec.count, fired: 0, random: seededRandom(FAULT_SEED + this.created * 7919), skipped: 0 });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  /** Clears faults and restarts the PRNG sequence (POST reset). */
  reset(): void {
    this.faults = [];
    this.created = 0;
  }

  list(): { id: string; fired: number; remaining: number | null; spec: FaultSpec }[] {
    return this.faults.map((f) => ({ id: f.id, fired: f.fired, remaining: f.remaining ?? null, spec: f.spec }));
  }

  /** Synchronous, so batch parts roll in request order and the outcome is reproducible. */
  roll(method: string, path: string): FiredFaults | undefined {
    let fired: FiredFaults | undefined;
    for (const fault of this.faults) {
      const { match, rate = 1 } = fault.spec;
      if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) continue;
      if (match.path !== undefined && !path.startsWith(match.path)) continue;
      if (fault.spec.kind === "mailSending" && !SEND_PATH.test(path)) continue;
      if (fault.remaining !== undefined && fault.remaining <= 0) continue;
      if (fault.skipped < (fault.spec.skip ?? 0)) {
        fault.skipped += 1;
        continue;
      }
      if (rate < 1 && fault.random() >= rate) continue;
      if (fault.remaining !== undefined) fault.remaining -= 1;
      fault.fired += 1;
      fired ??= { latencyMs: 0, dropFields: [], ids: [] };
      fired.ids.push(fault.id);
      fired.latencyMs += fault.spec.latencyMs ?? 0;
      fired.dropFields.push(...(fault.spec.dropFields ?? []));
      if (fired.status === undefined && fault.spec.kind === "mailSending") {
        fired.status = 429;
        fired.mailSending = true;
        fired.retryAfter = fault.spec.retryAfter ?? 60;
      } else if (fired.status === undefined && fault.spec.status !== undefined) {
        fired.status = fault.spec.status;
        if (fault.spec.retryAfter !== undefined) fired.retryAfter = fault.spec.retryAfter;
      } else if (fired.retryAfter === undefined && fault.spec.status === undefined && fault.spec.retryAfter !== undefined) {
        fired.retryAfter = fault.spec.retryAfter;
      }
    }
    return fired;
  }
}
