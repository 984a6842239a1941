import "server-only";
// Mailroom's server-side clock: durable jobs (a send after its undo window, a send at a chosen time, and
// later snooze), on SQLite and PostgreSQL alike. A job survives a restart, one instance at a time runs it
// (claims are conditional updates on its state and lease), a crashed attempt is resumed elsewhere with
// `interrupted: true` so its handler checks before acting again, failures retry with backoff honouring
// Retry-After, and one that cannot succeed keeps its reason for its user.
//
// Why not a queue library: the well-kept ones built on the database (pg-boss, graphile-worker) need
// PostgreSQL (SKIP LOCKED, LISTEN/NOTIFY, their own schemas), while Mailroom's embedded default is a SQLite
// file. One small runner on Prisma serves both; this module is its whole contract, so what runs underneath
// can change without the rest of the code noticing.
export type { JobHandler, JobRecord, JobResult, JobRunContext, JobState } from "./types";
export { registerJobHandler } from "./handlers";
export {
  type CancelOutcome,
  type ListJobsOptions,
  type ScheduleJobOptions,
  cancelJob,
  dismissFailedJob,
  findJobByKey,
  getJob,
  listJobs,
  moveJob,
  scheduleJob,
} from "./store";
