import "server-only";
// Who holds a refresh lease on SQLite, and whether that holder is certainly dead. A SQLite database is a
// local file, so every process that can hold a lease runs on this machine and can be asked, through the
// kernel, whether it still exists: a crashed holder is taken over at once instead of when its lease runs out.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

// Tells this process apart from an earlier one that had the same pid (a container restarted as pid 1).
// Kept on globalThis: Next can evaluate this module more than once in one process (bundle layers, dev
// reloads), and every copy must recognise the others' leases as this living process's.
const processGlobals = globalThis as unknown as { mailroomProcessInstance?: string };
processGlobals.mailroomProcessInstance ??= randomUUID();
const PROCESS_INSTANCE = processGlobals.mailroomProcessInstance;
const SEPARATOR = "/"; // cannot occur in a host name, a pid or a UUID

/** A fresh lease id that names its holder: host, pid and process instance, then a unique claim. */
export function newLeaseId(): string {
  return [hostname(), process.pid, PROCESS_INSTANCE, randomUUID()].join(SEPARATOR);
}

/**
 * True only when the lease's holder is certainly gone. Anything uncertain counts as alive and the lease
 * simply runs out: a holder on another host or in another container (the host name differs, and its pids
 * mean nothing here), a lease id in another format, a pid reused by an unrelated process, or a holder
 * killed but not yet reaped by its parent.
 */
export function leaseHolderIsGone(leaseId: string): boolean {
  const [host, pidText, instance, claim] = leaseId.split(SEPARATOR);
  if (host !== hostname() || !instance || !claim) return false;
  const pid = Number(pidText);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return instance !== PROCESS_INSTANCE;
  try {
    process.kill(pid, 0); // signal 0: only checks that the process exists
    return false;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
