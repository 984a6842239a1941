import "server-only";
// The one runner of a server process, started by instrumentation.ts once it registered the app's job kinds. On
// shutdown it stops claiming at once; a job still running when the process exits is resumed by another (or
// the next) instance once its lease lapses, and its handler is told so (see runner.ts).
import { onServerStopping } from "../server-stopping";
import { createJobRunner } from "./runner";

const SHARED = Symbol.for("mailroom.jobRunner");
type Shared = { [SHARED]?: ReturnType<typeof createJobRunner> };

export function startJobRunner(): void {
  const shared = globalThis as Shared;
  if (shared[SHARED]) return;
  const runner = createJobRunner();
  shared[SHARED] = runner;
  runner.start();
  onServerStopping(() => void runner.stop());
}
