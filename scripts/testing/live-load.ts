// The live inbox under load, measured from outside: `streams` open event streams spread over the instances,
// new mail arriving at "Google" (the emulator's POST messages, which also feeds history and push) at
// `mailPerSecond`, for `seconds`, while whatever else the caller runs goes on. Reports whether every stream got
// every message and how long each took, and each instance's memory as it went: RSS, and V8's heap by space
// (read from the instance's own /api/metrics, so the numbers are the live process's, not estimates).
// Used by the soak (scripts/soak.ts) and the bench's live-heap row.
import type { AppServer } from "../lib/app-server";
import { percentile } from "../lib/percentile";
import { residentMemoryMb } from "../lib/process-memory";
import { control } from "./emulator-client";
import { readEventStream } from "./sse-reader";

export type LiveLoadOptions = {
  emulatorUrl: string;
  instances: readonly AppServer[];
  /** A signed-in session of `email`, valid on every instance. */
  cookie: string;
  email: string;
  /** Each instance's METRICS_TOKEN, for its heap statistics. */
  metricsToken: string;
  streams: number;
  mailPerSecond: number;
  seconds: number;
  /** Memory samples taken in this first part are reported as "first", those in the last as "last". */
  windowSeconds?: number;
};

export type HeapSample = { rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number; spacesMb: Record<string, number> };

export type InstanceMemory = {
  url: string;
  first: HeapSample;
  last: HeapSample;
  peakRssMb: number;
  peakHeapUsedMb: number;
};

export type LiveLoadResult = {
  streams: number;
  messagesSent: number;
  /** Messages some stream never got (each stream × message pair counted once). */
  missed: number;
  deliveries: number;
  latencyMs: { p50: number; p95: number; max: number };
  memory: InstanceMemory[];
};

const MB = 1024 * 1024;
const round = (value: number) => Math.round(value);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** After the last message, how long stragglers (a retry after an injected Gmail failure) may take. */
const GRACE_MS = 20_000;

/** V8's heap and the process's memory as the instance's Prometheus endpoint reports them. */
export async function heapSample(app: AppServer, metricsToken: string): Promise<HeapSample | null> {
  const rssMb = residentMemoryMb(app.process.pid!);
  try {
    const response = await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    if (!response.ok) return null;
    const text = await response.text();
    const value = (name: string) => Number(new RegExp(`^${name} ([\\d.e+-]+)`, "m").exec(text)?.[1] ?? NaN) / MB;
    const spacesMb: Record<string, number> = {};
    for (const [, space, bytes] of text.matchAll(/^nodejs_heap_space_size_used_bytes\{space="([^"]+)"\} ([\d.e+-]+)/gm))
      spacesMb[space!] = round(Number(bytes) / MB);
    return {
      rssMb,
      heapUsedMb: round(value("nodejs_heap_size_used_bytes")),
      heapTotalMb: round(value("nodejs_heap_size_total_bytes")),
      externalMb: round(value("nodejs_external_memory_bytes")),
      spacesMb,
    };
  } catch {
    return null;
  }
}

function averageSample(samples: readonly HeapSample[]): HeapSample {
  const mean = (pick: (sample: HeapSample) => number) =>
    round(samples.reduce((sum, sample) => sum + pick(sample), 0) / Math.max(1, samples.length));
  const spaces = [...new Set(samples.flatMap((sample) => Object.keys(sample.spacesMb)))];
  return {
    rssMb: mean((sample) => sample.rssMb),
    heapUsedMb: mean((sample) => sample.heapUsedMb),
    heapTotalMb: mean((sample) => sample.heapTotalMb),
    externalMb: mean((sample) => sample.externalMb),
    spacesMb: Object.fromEntries(spaces.map((space) => [space, mean((sample) => sample.spacesMb[space] ?? 0)])),
  };
}

export async function runLiveLoad(options: LiveLoadOptions): Promise<LiveLoadResult> {
  const { emulatorUrl, instances, cookie, email } = options;
  const windowMs = (options.windowSeconds ?? 10) * 1000;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const seenBy: Set<string>[] = [];
  const streams = await Promise.all(
    Array.from({ length: options.streams }, async (_, index) => {
      const app = instances[index % instances.length]!;
      const stream = await readEventStream(`${app.url}/api/events?label=INBOX`, { cookie });
      if (stream.status !== 200) throw new Error(`a stream on ${app.url} answered ${stream.status}`);
      await stream.next((event) => event.type === "ready", 30_000);
      return stream;
    }),
  );
  const total = options.seconds * 1000 + GRACE_MS;
  const listening = streams.map((stream, index) => {
    const seen = new Set<string>();
    seenBy[index] = seen;
    // A matcher that records and never matches: it sees each event the moment it arrives.
    return stream
      .next((event) => {
        if (event.type !== "change") return false;
        for (const row of (event.data as { upserts: { id: string }[] }).upserts) {
          const sent = sentAt.get(row.id);
          if (sent === undefined || seen.has(row.id)) continue;
          seen.add(row.id);
          latencies.push(performance.now() - sent);
        }
        return false;
      }, total)
      .catch(() => undefined);
  });

  const samples = new Map<AppServer, { at: number; sample: HeapSample }[]>(instances.map((app) => [app, []]));
  const started = performance.now();
  const sampler = setInterval(() => {
    for (const app of instances)
      void heapSample(app, options.metricsToken).then(
        (sample) => sample && samples.get(app)!.push({ at: performance.now() - started, sample }),
      );
  }, 2_000);

  let sent = 0;
  const interval = 1000 / options.mailPerSecond;
  while (performance.now() - started < options.seconds * 1000) {
    const due = started + sent * interval;
    await pause(Math.max(0, due - performance.now()));
    sent += 1;
    const raw = ["From: Soak <soak@example.com>", `To: ${email}`, `Subject: Live load ${sent}`, "", `Message ${sent}.`].join("\r\n");
    const before = performance.now();
    void control<{ threadId: string }>(emulatorUrl, "POST", "messages", { email, raw, labelIds: ["INBOX", "UNREAD"] }).then(
      ({ threadId }) => sentAt.set(threadId, before),
      () => undefined,
    );
  }
  const everyone = () => seenBy.every((seen) => [...sentAt.keys()].every((id) => seen.has(id)));
  const graceEnds = performance.now() + GRACE_MS;
  while (!everyone() && performance.now() < graceEnds) await pause(250);
  clearInterval(sampler);
  for (const stream of streams) stream.close();
  await Promise.all(listening);

  const elapsed = performance.now() - started;
  const missed = seenBy.reduce((sum, seen) => sum + [...sentAt.keys()].filter((id) => !seen.has(id)).length, 0);
  return {
    streams: streams.length,
    messagesSent: sentAt.size,
    missed,
    deliveries: latencies.length,
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(Math.max(0, ...latencies)) },
    memory: instances.map((app) => {
      const all = samples.get(app)!;
      const window = (from: number, to: number) => all.filter(({ at }) => at >= from && at < to).map(({ sample }) => sample);
      const lastEnd = Math.min(elapsed, options.seconds * 1000);
      return {
        url: app.url,
        first: averageSample(window(0, windowMs)),
        last: averageSample(window(lastEnd - windowMs, lastEnd + 1)),
        peakRssMb: Math.max(0, ...all.map(({ sample }) => sample.rssMb)),
        peakHeapUsedMb: Math.max(0, ...all.map(({ sample }) => sample.heapUsedMb)),
      };
    }),
  };
}
