// `npm run bench`: how long the first request takes after a process was killed in the middle of a token
// refresh, on SQLite and (when MAILROOM_TEST_POSTGRES_URL names a server, as for the test suites) on
// PostgreSQL. Each measurement runs in a child process of its own (`--conditions=react-server`, for lib
// code) with a fresh emulator and database; run directly, this file is that child and prints its result.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROUNDS = 3;

export type RefreshAfterCrashTimes = { sqliteMs: number; postgresqlMs: number | null };

/** The median of a few rounds on each database, in milliseconds. */
export function measureRefreshAfterCrash(env: NodeJS.ProcessEnv = process.env): RefreshAfterCrashTimes {
  const measure = (childEnv: NodeJS.ProcessEnv) => {
    const output = execFileSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/testing/refresh-crash-bench.ts")],
      {
        env: childEnv,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    return (JSON.parse(output) as { medianMs: number }).medianMs;
  };
  const { MAILROOM_TEST_POSTGRES_URL: postgres, ...sqlite } = env;
  return { sqliteMs: measure(sqlite), postgresqlMs: postgres ? measure(env) : null };
}

async function main(): Promise<void> {
  const { startIntegrationEnvironment } = await import("./integration-env");
  const { createLinkedAccount, setStoredExpiry } = await import("./accounts");
  const { refreshAfterCrash } = await import("./refresh-crash");
  const { control } = await import("./emulator-client");
  const environment = await startIntegrationEnvironment();
  try {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await control(environment.emulatorUrl, "POST", "reset");
      const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
      await setStoredExpiry(account.accountId, -10);
      const result = await refreshAfterCrash(environment.emulatorUrl, account.accountId);
      if (result.refreshGrants !== 1) throw new Error(`expected one refresh grant after the crash, saw ${result.refreshGrants}`);
      times.push(result.recoveryMs);
    }
    const sorted = times.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify({ medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10, samplesMs: sorted }));
  } finally {
    await environment.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
  process.exit(0); // the emulator still holds the killed children's requests; nothing else is left to wait for
}
