import "server-only";
// Snooze's job kinds, registered with the job runner of this process (instrumentation.ts, tests, benches).
import { registerJobHandler } from "../jobs";
import { snoozeCheckJobHandler } from "./check-job";
import { snoozeJobHandler } from "./wake-job";

export function registerSnoozeJobs(): void {
  registerJobHandler(snoozeJobHandler);
  registerJobHandler(snoozeCheckJobHandler);
}
