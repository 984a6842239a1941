import "server-only";
// Open live event streams on this instance, counted per user and in all (STREAM_LIMITS in limits.ts). Each
// stream holds a connection and a share of its account's feed; past either cap a new one is refused with 429
// before it opens, and a slot is given back whichever way its stream ends.
import { RateLimitedError } from "../errors";
import { STREAM_LIMITS } from "./limits";

/** How long a refused client should wait: streams last minutes, so not less than this. */
const RETRY_AFTER_MS = 30_000;

type Slots = { total: number; byUser: Map<string, number> };

// On globalThis: every route bundle of this process must count the same streams.
const SHARED = Symbol.for("mailroom.streamSlots");
type Shared = { [SHARED]?: Slots };

function slots(): Slots {
  const shared = globalThis as Shared;
  shared[SHARED] ??= { total: 0, byUser: new Map() };
  return shared[SHARED];
}

/** Takes a stream slot for this user, or throws 429. Returns its release (safe to call more than once). */
export function claimStreamSlot(userId: string, limits: { perUser: number; perInstance: number } = STREAM_LIMITS): () => void {
  const state = slots();
  const mine = state.byUser.get(userId) ?? 0;
  if (mine >= limits.perUser) {
    throw new RateLimitedError(`You have ${mine} live update streams open already; close a tab or window first.`, RETRY_AFTER_MS);
  }
  if (state.total >= limits.perInstance) {
    throw new RateLimitedError("This server is carrying as many live update streams as it can; try again shortly.", RETRY_AFTER_MS);
  }
  state.byUser.set(userId, mine + 1);
  state.total += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    state.total -= 1;
    const left = (state.byUser.get(userId) ?? 1) - 1;
    if (left > 0) state.byUser.set(userId, left);
    else state.byUser.delete(userId);
  };
}
