// Counts the sequential Gmail round trips one piece of work costs (an inbox page should cost two: the list,
// then one batch). Requests in flight together are one round trip: a wave starts when a request goes out while none
// of the same work is in flight. Scoped with AsyncLocalStorage, so concurrent pages never count each other's.
import { AsyncLocalStorage } from "node:async_hooks";
import { metrics } from "./registry";

type Scope = { inFlight: number; roundTrips: number };

// On globalThis for the same reason as the registry: every copy of this module must see the same scopes.
const SHARED = Symbol.for("mailroom.roundTripScope");
type Shared = { [SHARED]?: AsyncLocalStorage<Scope> };
const storage = ((globalThis as Shared)[SHARED] ??= new AsyncLocalStorage<Scope>());

/**
 * Runs `work` and records how many sequential Gmail round trips it took, under `kind` (page: an inbox page;
 * change: turning a mailbox change into stream events). Inside another count, it adds to that one.
 */
export async function countRoundTrips<T>(kind: "page" | "change", work: () => Promise<T>): Promise<T> {
  if (storage.getStore()) return work();
  const scope: Scope = { inFlight: 0, roundTrips: 0 };
  try {
    return await storage.run(scope, work);
  } finally {
    metrics().pageRoundTrips.observe({ kind }, scope.roundTrips);
  }
}

/** A Gmail request is going out; call the returned function once its answer has been read. */
export function roundTripStarted(): () => void {
  const scope = storage.getStore();
  if (!scope) return () => {};
  if (scope.inFlight === 0) scope.roundTrips += 1;
  scope.inFlight += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    scope.inFlight -= 1;
  };
}
