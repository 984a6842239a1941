// `npm run bench`: conversations and actions, over HTTP against the production app like a browser's fetches.
// - The conversation list (/api/threads), cold and revisited unchanged (the page cache), and one conversation
//   (/api/threads/{id}): Gmail requests and sequential round trips (at 20 ms of emulator latency, like the
//   inbox rows), and p50 at 0 and 50 ms. Every cold sample asks for a page size not asked before, so the page
//   cache has never seen it.
// - An action (archive, then its Undo) on 1 and on 50 conversations: Gmail requests per action and p50.
import { percentile } from "../lib/percentile";
import { control } from "./emulator-client";
import { sequentialRoundTrips } from "./round-trips";

type LoggedRequest = { t: number; method: string; path: string; ms: number };
type Measured = { gmailRequests: number; roundTrips: number; p50At0ms: number; p50At50ms: number };
export type ConversationBench = {
  threadsPage: Measured;
  threadsPageRevisit: Measured;
  conversation: Measured & { messages: number };
  actions: { items: number; gmailRequests: number; p50Ms: number; undoP50Ms: number }[];
};

const SAMPLES = 20;
const round1 = (value: number) => Math.round(value * 10) / 10;

async function gmailTraffic(emulatorUrl: string, run: () => Promise<unknown>): Promise<{ gmailRequests: number; roundTrips: number }> {
  await control(emulatorUrl, "POST", "latency", { ms: 20 });
  await control(emulatorUrl, "DELETE", "requests");
  await run();
  const logged = (await control<{ requests: LoggedRequest[] }>(emulatorUrl, "GET", "requests")).requests.filter((request) =>
    /^\/(gmail|batch)\//.test(request.path),
  );
  return { gmailRequests: logged.length, roundTrips: sequentialRoundTrips(logged) };
}

/** `run` gets a number never passed before (0, 1, 2…), for requests that must not repeat. */
type Run = (fresh: number) => Promise<unknown>;

async function p50(run: Run, first: number): Promise<number> {
  await run(first);
  const times: number[] = [];
  for (let sample = 1; sample <= SAMPLES; sample += 1) {
    const started = performance.now();
    await run(first + sample);
    times.push(performance.now() - started);
  }
  return round1(percentile(times, 50));
}

async function measure(emulatorUrl: string, run: Run): Promise<Measured> {
  const traffic = await gmailTraffic(emulatorUrl, () => run(0));
  const latencies: number[] = [];
  for (const [index, ms] of [0, 50].entries()) {
    await control(emulatorUrl, "POST", "latency", { ms });
    latencies.push(await p50(run, 1 + index * (SAMPLES + 1)));
  }
  await control(emulatorUrl, "POST", "latency", { ms: 0 });
  return { ...traffic, p50At0ms: latencies[0]!, p50At50ms: latencies[1]! };
}

export async function measureConversations(options: {
  appUrl: string;
  emulatorUrl: string;
  /** A session whose account granted gmail.modify. */
  cookie: string;
}): Promise<{ result: ConversationBench; rows: [string, string][] }> {
  const { appUrl, emulatorUrl, cookie } = options;
  const getJson = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${appUrl}${path}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  type Page = { threads: { id: string; messageCount: number }[] };
  // Page sizes 20 to 62, each once: cold pages. Then one page size again and again: unchanged revisits.
  const threadsPage = await measure(emulatorUrl, (fresh) => getJson<Page>(`/api/threads?pageSize=${20 + fresh}`));
  await getJson<Page>("/api/threads");
  const threadsPageRevisit = await measure(emulatorUrl, () => getJson<Page>("/api/threads"));
  const fullPage = await getJson<Page>("/api/threads?pageSize=50");
  const longest = [...fullPage.threads].sort((a, b) => b.messageCount - a.messageCount)[0];
  if (!longest) throw new Error("the bench mailbox has no conversations");
  const conversation = await measure(emulatorUrl, () => getJson(`/api/threads/${longest.id}`));

  // One action, as a well-behaved client sends it: a 429 (the per-user action rate limit, which this loop
  // reaches) is retried after its Retry-After. Answers how long the accepted request took.
  const act = async (action: string, threadIds: string[]): Promise<number> => {
    for (;;) {
      const started = performance.now();
      const response = await fetch(`${appUrl}/api/actions`, {
        method: "POST",
        headers: { cookie, "Content-Type": "application/json", Origin: appUrl },
        body: JSON.stringify({ action, threadIds }),
      });
      const body = (await response.json()) as { applied?: number };
      const took = performance.now() - started;
      if (response.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? 1) * 1000));
        continue;
      }
      if (response.status !== 200 || body.applied !== threadIds.length) throw new Error(`${action} answered ${response.status}`);
      return took;
    }
  };
  const actions: ConversationBench["actions"] = [];
  for (const items of [1, 50]) {
    const ids = fullPage.threads.slice(0, items).map((thread) => thread.id);
    const traffic = await gmailTraffic(emulatorUrl, () => act("archive", ids));
    await act("unarchive", ids);
    const archiveTimes: number[] = [];
    const undoTimes: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      archiveTimes.push(await act("archive", ids));
      undoTimes.push(await act("unarchive", ids));
    }
    actions.push({
      items,
      gmailRequests: traffic.gmailRequests,
      p50Ms: round1(percentile(archiveTimes, 50)),
      undoP50Ms: round1(percentile(undoTimes, 50)),
    });
  }
  await control(emulatorUrl, "POST", "latency", { ms: 0 });

  const result: ConversationBench = {
    threadsPage,
    threadsPageRevisit,
    conversation: { ...conversation, messages: longest.messageCount },
    actions,
  };
  const describe = (name: string, m: Measured): [string, string][] => [
    [`${name}: Gmail requests / sequential round trips`, `${m.gmailRequests} / ${m.roundTrips}`],
    [`${name}: p50 @ 0 ms / @ 50 ms`, `${m.p50At0ms} / ${m.p50At50ms} ms`],
  ];
  return {
    result,
    rows: [
      ...describe("conversation list (/api/threads), cold", threadsPage),
      ...describe("conversation list, unchanged revisit", threadsPageRevisit),
      ...describe(`one conversation of ${longest.messageCount} messages`, conversation),
      ...actions.map(({ items, gmailRequests, p50Ms, undoP50Ms }): [string, string] => [
        `archive ${items} conversation${items === 1 ? "" : "s"}: Gmail requests, p50 (undo p50) @ 0 ms`,
        `${gmailRequests}, ${p50Ms} ms (${undoP50Ms} ms)`,
      ]),
    ],
  };
}
