// `npm run bench`: the "All accounts" page's Gmail traffic with two linked accounts (ada and grace), at 20 ms
// of emulator latency like the single-account rows: Gmail requests and sequential round trips per page,
// over every page of both inboxes, and whether the walk showed each message exactly once. It runs in a child
// process of its own (`--conditions=react-server`, for lib code) with a fresh emulator and database; run
// directly, this file is that child and prints its result.
import { runAsBenchChild, runBenchChild } from "./bench-child";

export type AllAccountsBench = {
  pages: number;
  pageSize: number;
  gmailRequestsFirstPage: number;
  roundTripsFirstPage: number;
  roundTripsMax: number;
  pageMsP50: number;
  messagesShown: number;
  messagesExpected: number;
  duplicates: number;
};

/** Asynchronous, so the bench's own connections (kept alive to its emulator and app) stay serviced meanwhile. */
export async function measureAllAccountsPage(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ result: AllAccountsBench; rows: [string, string][] }> {
  // On the embedded database only: what is measured here is Gmail traffic, which the database does not change.
  const result = await runBenchChild<AllAccountsBench>("scripts/testing/all-accounts-bench.ts", env);
  return {
    result,
    rows: [
      ["All accounts (2 accounts): Gmail requests per page", String(result.gmailRequestsFirstPage)],
      ["All accounts: sequential Gmail round trips, first page / worst page", `${result.roundTripsFirstPage} / ${result.roundTripsMax}`],
      ["All accounts @ 20 ms: page p50 (library, in process)", `${result.pageMsP50} ms`],
      [
        `All accounts: walk of ${result.pages} pages of ${result.pageSize}`,
        `${result.messagesShown}/${result.messagesExpected} messages, ${result.duplicates} duplicates`,
      ],
    ],
  };
}

async function main(): Promise<void> {
  const { startIntegrationEnvironment } = await import("./integration-env");
  const { createUserWithAccounts } = await import("./multi-account");
  const { control } = await import("./emulator-client");
  const { sequentialRoundTrips } = await import("./round-trips");
  const { SEED_FIXTURES } = await import("../../emulator/seed");
  const { listAllAccountsMessages } = await import("@/lib/mail/list-all-accounts");
  const { DEFAULT_PAGE_SIZE } = await import("@/lib/http/mail-query");
  const environment = await startIntegrationEnvironment();
  try {
    const emails = [SEED_FIXTURES.accounts.ada.email, SEED_FIXTURES.accounts.grace.email];
    const { userId, accounts } = await createUserWithAccounts(environment.emulatorUrl, emails);
    let messagesExpected = 0;
    for (const account of accounts) {
      const response = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/messages?labelIds=INBOX&maxResults=500`, {
        headers: { authorization: `Bearer ${account.tokens.access_token}` },
      });
      messagesExpected += ((await response.json()) as { messages?: unknown[] }).messages?.length ?? 0;
    }
    await control(environment.emulatorUrl, "POST", "latency", { ms: 20 });

    const perPage: { requests: number; trips: number; ms: number }[] = [];
    const shown: string[] = [];
    let pageToken: string | undefined;
    do {
      await control(environment.emulatorUrl, "DELETE", "requests");
      const started = performance.now();
      const page = await listAllAccountsMessages({ userId, label: "INBOX", pageToken, pageSize: DEFAULT_PAGE_SIZE });
      const ms = performance.now() - started;
      const log = await control<{ requests: { t: number; ms: number; path: string }[] }>(environment.emulatorUrl, "GET", "requests");
      const gmail = log.requests.filter((request) => /^\/(gmail|batch)\//.test(request.path));
      perPage.push({ requests: gmail.length, trips: sequentialRoundTrips(gmail), ms });
      shown.push(...page.messages.map((message) => `${message.account}/${message.id}`));
      pageToken = page.nextPageToken;
    } while (pageToken);

    const times = perPage.map((page) => page.ms).sort((a, b) => a - b);
    const result: AllAccountsBench = {
      pages: perPage.length,
      pageSize: DEFAULT_PAGE_SIZE,
      gmailRequestsFirstPage: perPage[0]!.requests,
      roundTripsFirstPage: perPage[0]!.trips,
      roundTripsMax: Math.max(...perPage.map((page) => page.trips)),
      pageMsP50: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10,
      messagesShown: new Set(shown).size,
      messagesExpected,
      duplicates: shown.length - new Set(shown).size,
    };
    process.stdout.write(JSON.stringify(result));
  } finally {
    await environment.close();
  }
}

await runAsBenchChild(import.meta.url, main);
