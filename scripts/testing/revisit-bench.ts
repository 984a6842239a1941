// `npm run bench`: what revisiting a page of conversations costs with the page cache (lib/sync/page-cache-list.ts),
// against a cold page: Gmail requests and sequential round trips for the first visit, a revisit of an
// unchanged page, and a revisit after one change (new mail; a conversation archived in another client);
// p50/p95 of the library call at 0 and 50 ms of emulator latency; and the memory of a full cache (its own
// byte count, and the process's heap and RSS before and after filling it to the default cap).
//
// It runs in a child process of its own (`--conditions=react-server` for lib code, `--expose-gc` so memory is
// read after a collection) with a fresh emulator (in that process: its memory is the same before and after
// the fill, so the difference is the cache's) and database; run directly, this file is that child and prints
// its result.
import { runAsBenchChild, runBenchChild } from "./bench-child";

type Cost = { gmailRequests: number; roundTrips: number; calls: string[] };
type Timing = { p50: number; p95: number };

export type RevisitBench = {
  pageSize: number;
  firstVisit: Cost;
  unchangedRevisit: Cost;
  revisitAfterNewMail: Cost;
  revisitAfterArchive: Cost;
  /** `cold@0ms`, `revisit@0ms`, `cold@50ms`, `revisit@50ms`: the library call, in process, in ms. */
  latencyMs: Record<string, Timing>;
  memory: {
    capMb: number;
    entries: number;
    /** What the cache charged itself (serialized size plus overhead). */
    accountedMb: number;
    evictions: number;
    heapUsedMb: { empty: number; full: number };
    rssMb: { empty: number; full: number };
  };
};

/** Asynchronous, so the bench's own connections (kept alive to its emulator and app) stay serviced meanwhile. */
export async function measureRevisits(env: NodeJS.ProcessEnv = process.env): Promise<{ result: RevisitBench; rows: [string, string][] }> {
  // On the embedded database only: what is measured here is Gmail traffic and memory, not the database.
  const childEnv: NodeJS.ProcessEnv = { ...env };
  delete childEnv.PAGE_CACHE_MB;
  const result = await runBenchChild<RevisitBench>("scripts/testing/revisit-bench.ts", childEnv, ["--expose-gc"]);
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const cost = (c: Cost) => `${plural(c.gmailRequests, "request")}, ${plural(c.roundTrips, "round trip")} (${c.calls.join(", ")})`;
  const timing = (name: string) => `${result.latencyMs[name]!.p50} / ${result.latencyMs[name]!.p95} ms`;
  const { memory } = result;
  return {
    result,
    rows: [
      [`Threads page (${result.pageSize}), first visit: Gmail`, cost(result.firstVisit)],
      ["Threads page, revisit, unchanged: Gmail", cost(result.unchangedRevisit)],
      ["Threads page, revisit after new mail: Gmail", cost(result.revisitAfterNewMail)],
      ["Threads page, revisit after an archive elsewhere: Gmail", cost(result.revisitAfterArchive)],
      ["Threads page @ 0 ms: cold p50 / p95 (library, in process)", timing("cold@0ms")],
      ["Threads page @ 0 ms: unchanged revisit p50 / p95", timing("revisit@0ms")],
      ["Threads page @ 50 ms: cold p50 / p95", timing("cold@50ms")],
      ["Threads page @ 50 ms: unchanged revisit p50 / p95", timing("revisit@50ms")],
      [
        `Page cache full (cap ${memory.capMb} MB): entries, accounted`,
        `${memory.entries} pages, ${memory.accountedMb} MB (${memory.evictions} evicted while filling)`,
      ],
      [
        "Page cache: heap used / RSS, empty → full",
        `${memory.heapUsedMb.empty} → ${memory.heapUsedMb.full} MB / ${memory.rssMb.empty} → ${memory.rssMb.full} MB`,
      ],
    ],
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const mb = (bytes: number) => round1(bytes / 2 ** 20);

async function main(): Promise<void> {
  const { startIntegrationEnvironment } = await import("./integration-env");
  const { createLinkedAccount } = await import("./accounts");
  const { control } = await import("./emulator-client");
  const { sequentialRoundTrips } = await import("./round-trips");
  const { percentile } = await import("../lib/percentile");
  const { GMAIL_MODIFY, obtainTokens } = await import("../../emulator/testing/control-client");
  const { DEFAULT_PAGE_SIZE } = await import("@/lib/http/mail-query");
  const { listThreads } = await import("@/lib/mail/list-threads");
  const { PageCache, DEFAULT_PAGE_CACHE_BYTES, pageCacheKey } = await import("@/lib/sync/page-cache");
  const { listThreadsCached } = await import("@/lib/sync/page-cache-list");
  const { resolveAccount } = await import("@/lib/accounts/linked-accounts");
  const environment = await startIntegrationEnvironment();
  try {
    const email = "ada@example.com";
    const ada = await createLinkedAccount(environment.emulatorUrl, email);
    const modifyToken = (await obtainTokens(environment.emulatorUrl, { email, scope: `openid email ${GMAIL_MODIFY}` })).access_token;
    await control(environment.emulatorUrl, "POST", "consent", { autoApprove: false });
    const options = { account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageSize: DEFAULT_PAGE_SIZE };
    const cache = new PageCache();

    const traffic = async (): Promise<Cost> => {
      const log = await control<{ requests: { t: number; ms: number; method: string; path: string }[] }>(
        environment.emulatorUrl,
        "GET",
        "requests",
      );
      await control(environment.emulatorUrl, "DELETE", "requests");
      const gmail = log.requests.filter((request) => /^\/(gmail|batch)\//.test(request.path));
      return {
        gmailRequests: gmail.length,
        roundTrips: sequentialRoundTrips(gmail),
        calls: gmail.map((request) => `${request.method} ${request.path.split("?")[0]!.replace("/gmail/v1/users/me/", "")}`),
      };
    };
    const measured = async (work: () => Promise<unknown>): Promise<Cost> => {
      await control(environment.emulatorUrl, "DELETE", "requests");
      await work();
      return traffic();
    };
    const gmailAs = async (method: string, pathAndQuery: string, body?: unknown) => {
      const response = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/${pathAndQuery}`, {
        method,
        headers: { authorization: `Bearer ${modifyToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${pathAndQuery}: ${response.status}`);
      return response.json() as Promise<{ messages?: { id: string }[] }>;
    };

    await control(environment.emulatorUrl, "POST", "latency", { ms: 20 });
    const firstVisit = await measured(() => listThreadsCached(options, cache));
    const unchangedRevisit = await measured(() => listThreadsCached(options, cache));
    await control(environment.emulatorUrl, "POST", "messages", {
      email,
      raw: "From: Grace <grace@example.com>\r\nSubject: Bench news\r\n\r\nHello",
    });
    const revisitAfterNewMail = await measured(() => listThreadsCached(options, cache));
    const onPage = await listThreadsCached(options, cache);
    const archived = await gmailAs("GET", `threads/${onPage.threads[2]!.id}?format=minimal`);
    for (const message of archived.messages ?? []) await gmailAs("POST", `messages/${message.id}/modify`, { removeLabelIds: ["INBOX"] });
    const revisitAfterArchive = await measured(() => listThreadsCached(options, cache));

    const latencyMs: Record<string, Timing> = {};
    for (const ms of [0, 50]) {
      await control(environment.emulatorUrl, "POST", "latency", { ms });
      for (const [name, call] of [
        ["cold", () => listThreads(options)],
        ["revisit", () => listThreadsCached(options, cache)],
      ] as const) {
        await call();
        const samples: number[] = [];
        for (let sample = 0; sample < 30; sample += 1) {
          const started = performance.now();
          await call();
          samples.push(performance.now() - started);
        }
        latencyMs[`${name}@${ms}ms`] = { p50: round1(percentile(samples, 50)), p95: round1(percentile(samples, 95)) };
      }
    }
    await control(environment.emulatorUrl, "POST", "latency", { ms: 0 });

    // Memory: real pages of the mailbox (every inbox page, at two page sizes), copied under distinct keys
    // until the default cap is reached and the cache evicts. Copies are parsed afresh, so no string is shared.
    const full = new PageCache(DEFAULT_PAGE_CACHE_BYTES);
    const samples: string[] = [];
    for (const pageSize of [25, 50]) {
      let pageToken: string | undefined;
      do {
        const page = await listThreads({ ...options, pageSize, pageToken });
        samples.push(JSON.stringify(page));
        pageToken = page.nextPageToken;
      } while (pageToken);
    }
    const settle = () => {
      for (let round = 0; round < 3; round += 1) globalThis.gc?.();
      return process.memoryUsage();
    };
    const empty = settle();
    for (let copy = 0; full.stats().evictions < 100; copy += 1) {
      const page = JSON.parse(samples[copy % samples.length]!) as Awaited<ReturnType<typeof listThreads>>;
      const order = new Map(
        page.threads.map((thread, index) => [thread.id, { matching: 1_700_000_000_000 - index, newest: 1_700_000_000_000 - index }]),
      );
      const key = pageCacheKey(ada.userId, ada.accountId, { label: "INBOX", pageSize: 25, pageToken: `copy-${copy}` });
      full.set(key, { userId: ada.userId, accountId: ada.accountId, page, order, historyId: String(100_000 + copy) });
    }
    const filled = settle();
    const stats = full.stats();

    const result: RevisitBench = {
      pageSize: DEFAULT_PAGE_SIZE,
      firstVisit,
      unchangedRevisit,
      revisitAfterNewMail,
      revisitAfterArchive,
      latencyMs,
      memory: {
        capMb: mb(stats.maxBytes),
        entries: stats.entries,
        accountedMb: mb(stats.bytes),
        evictions: stats.evictions,
        heapUsedMb: { empty: mb(empty.heapUsed), full: mb(filled.heapUsed) },
        rssMb: { empty: mb(empty.rss), full: mb(filled.rss) },
      },
    };
    process.stdout.write(JSON.stringify(result));
  } finally {
    await environment.close();
  }
}

await runAsBenchChild(import.meta.url, main);
