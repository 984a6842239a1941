// The job kinds this process knows how to run. The custom server and Next's bundles may load their own copies
// of this module; the table lives on globalThis so a handler registered by any copy is seen by the runner.
import type { JobHandler } from "./types";

const SHARED = Symbol.for("mailroom.jobHandlers");
type Shared = { [SHARED]?: Map<string, JobHandler<unknown>> };

function table(): Map<string, JobHandler<unknown>> {
  return ((globalThis as Shared)[SHARED] ??= new Map<string, JobHandler<unknown>>());
}

/** Registers (or replaces) the handler of one job kind. */
export function registerJobHandler<P>(handler: JobHandler<P>): void {
  table().set(handler.kind, handler);
}

export function jobHandlerFor(kind: string): JobHandler<unknown> | undefined {
  return table().get(kind);
}

/** The kinds a runner in this process may claim: a job of a kind it cannot run is left for one that can. */
export function registeredJobKinds(): string[] {
  return [...table().keys()];
}
