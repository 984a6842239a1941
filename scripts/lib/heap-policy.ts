// How big a production instance's V8 heap may grow. V8 sizes its old space from the machine's total memory and
// does not see a container's limit, so on a large host an idle-ish server grows to ~500 MB RSS before it
// collects. We cap it from the memory the process may really use: the cgroup limit (v2 `memory.max`, v1
// `memory.limit_in_bytes`), else the machine's total. An operator's own --max-old-space-size always wins.
import { readFileSync } from "node:fs";
import { totalmem } from "node:os";

const MB = 1024 * 1024;
/** The share of the memory limit the old space may take; the rest is for code, buffers, native memory. */
const OLD_SPACE_SHARE = 0.25;
/** Below this the server spends its time collecting; a limit this small gets what it can. */
const OLD_SPACE_FLOOR_MB = 64;
/**
 * Room for the app's live heap at its busiest, from a heap snapshot taken under the soak's load (two
 * instances, 20 open event streams, 2 new messages a second, constant page loads): 127 MB live after a full
 * collection, most of it loaded code (module source kept as strings, 82 MB of strings, among them bundled
 * chunks loaded more than once and the Prisma engine's wasm as base64), with the streams, feeds and requests
 * a few MB; the page cache adds up to its 32 MB. 192 MB leaves a fifth above that for a burst's garbage.
 * (128 MB ran out of memory once the live inbox came; 256 MB let each instance's RSS drift past 300 MB.)
 */
const OLD_SPACE_CEILING_MB = 192;
/**
 * Young generation per semi-space. V8's 16 MB default costs RSS for no throughput we could measure; 2 MB made
 * scavenges so frequent that throughput fell by half.
 */
const SEMI_SPACE_MB = 8;

export type HeapPolicy = {
  /** Node flags to add; empty when the operator already chose the heap size. */
  flags: string[];
  /** Why these flags, for the start-up line and the bench report. */
  reason: string;
};

const setsFlag = (nodeOptions: string, name: string) => new RegExp(`(^|\\s)--${name.replace(/-/g, "[-_]")}(=|\\s|$)`).test(nodeOptions);

/** Pure: the heap flags for a memory limit (bytes) and the NODE_OPTIONS the process would inherit. */
export function heapPolicy(memoryLimitBytes: number, nodeOptions = ""): HeapPolicy {
  if (setsFlag(nodeOptions, "max-old-space-size")) {
    return { flags: [], reason: "NODE_OPTIONS sets --max-old-space-size" };
  }
  const limitMb = Math.floor(memoryLimitBytes / MB);
  const oldSpaceMb = Math.max(OLD_SPACE_FLOOR_MB, Math.min(OLD_SPACE_CEILING_MB, Math.floor(limitMb * OLD_SPACE_SHARE)));
  const flags = [`--max-old-space-size=${oldSpaceMb}`];
  if (!setsFlag(nodeOptions, "max-semi-space-size")) flags.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  return { flags, reason: `memory limit ${limitMb} MB` };
}

function readLimit(file: string): number | undefined {
  try {
    const text = readFileSync(file, "utf8").trim();
    // cgroup v2 writes "max" for no limit; v1 writes a number close to 2^63.
    return /^\d+$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The memory this process may use: the tightest of the cgroup limit (v2, then v1) and the machine's total. */
export function memoryLimitBytes(): number {
  const machine = totalmem();
  const cgroup = readLimit("/sys/fs/cgroup/memory.max") ?? readLimit("/sys/fs/cgroup/memory/memory.limit_in_bytes");
  return cgroup !== undefined && cgroup > 0 ? Math.min(cgroup, machine) : machine;
}
