// CPU time the app server spends per request under load: the process's user + system time (Linux /proc, the
// process and its descendants) before and after a load, divided by the requests it answered meanwhile.
// Requests per second hide where the time goes on a shared machine; CPU milliseconds per request do not
// depend on what else runs beside the server, so a change to the request path shows in it directly.
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";

/** Linux's USER_HZ: /proc reports CPU times in these ticks, 100 a second on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process and its live descendants have used so far, in ms; NaN off Linux. */
export function processCpuMs(pid: number): number {
  let ticks = 0;
  let seen = false;
  const visit = (id: number) => {
    try {
      const stat = readFileSync(`/proc/${id}/stat`, "utf8");
      // The command name (field 2) may hold spaces and parentheses: fields are counted after its closing ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
      ticks += Number(fields[11]) + Number(fields[12]);
      seen = true;
      for (const task of readdirSync(`/proc/${id}/task`)) {
        for (const child of readFileSync(`/proc/${id}/task/${task}/children`, "utf8").split(" ").filter(Boolean)) visit(Number(child));
      }
    } catch {
      // not Linux, or the process ended meanwhile
    }
  };
  visit(pid);
  return seen ? (ticks * 1000) / TICKS_PER_SECOND : NaN;
}

export type LoadResult = {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  /** Requests the server answered during the load (2xx or not). */
  requests: number;
  /** The server's CPU time over the load divided by the requests it answered. */
  cpuMsPerRequest: number;
};

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Loads `url` with autocannon and measures the server process `pid`'s CPU time per answered request. */
export async function loadWithCpu(options: {
  pid: number;
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const cpuBefore = processCpuMs(options.pid);
  const load = await autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    duration: options.seconds,
  });
  const cpuMs = processCpuMs(options.pid) - cpuBefore;
  const requests = load.requests.total;
  return {
    requestsPerSecond: round1(load.requests.average),
    latencyP50Ms: load.latency.p50,
    latencyP99Ms: load.latency.p99,
    non2xx: load.non2xx,
    errors: load.errors,
    requests,
    cpuMsPerRequest: requests > 0 ? round2(cpuMs / requests) : NaN,
  };
}
