// What must happen when our server stops (scripts/serve.ts, on SIGTERM/SIGINT) before it closes: long-lived
// responses such as event streams end at once, so the server can close and their clients reconnect to an
// instance that is up. The server and Next's bundles load their own copies of this module: the hooks live
// on globalThis so they are one list.
const SHARED = Symbol.for("mailroom.serverStoppingHooks");
type Shared = { [SHARED]?: Set<() => void> };

function hooks(): Set<() => void> {
  return ((globalThis as Shared)[SHARED] ??= new Set());
}

export function onServerStopping(hook: () => void): void {
  hooks().add(hook);
}

/** Runs every hook once; a failing hook does not keep the others from running. */
export function runServerStoppingHooks(): void {
  for (const hook of hooks()) {
    try {
      hook();
    } catch {
      // stopping anyway
    }
  }
  hooks().clear();
}
