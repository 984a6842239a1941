// A job scheduled in this process may be due before the runner's next look at the database: scheduling tells
// the runners of this process, so one due in 10 s starts on time. (Jobs scheduled by another instance are
// found by the runner's regular poll, which also sets its timer to the earliest due time it saw.) The list
// lives on globalThis: route handlers and the runner may load separate copies of this module.
const SHARED = Symbol.for("mailroom.jobWakers");
type Shared = { [SHARED]?: Set<(runAt: Date) => void> };

function wakers(): Set<(runAt: Date) => void> {
  return ((globalThis as Shared)[SHARED] ??= new Set());
}

/** Called by a runner while it runs; returns the way to stop listening. */
export function onJobScheduled(waker: (runAt: Date) => void): () => void {
  wakers().add(waker);
  return () => wakers().delete(waker);
}

export function noteJobScheduled(runAt: Date): void {
  for (const waker of wakers()) waker(runAt);
}
