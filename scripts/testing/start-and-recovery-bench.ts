// Two timings `npm run bench` reports (scripts/bench.ts spreads them into its result and its table): how
// long the emulator takes to start, and how long the first token request takes after a process was killed
// in the middle of a refresh, on SQLite and, with MAILROOM_TEST_POSTGRES_URL, on PostgreSQL.
import { measureEmulatorStart } from "../../emulator/bench";
import { measureRefreshAfterCrash } from "./refresh-crash-bench";

export async function benchStartAndRecovery(): Promise<{ result: Record<string, unknown>; rows: [string, string][] }> {
  const emulatorStartToHealthyMs = Math.round(await measureEmulatorStart());
  const refreshAfterCrashMs = measureRefreshAfterCrash();
  const postgres =
    refreshAfterCrashMs.postgresqlMs === null ? "not measured (set MAILROOM_TEST_POSTGRES_URL)" : `${refreshAfterCrashMs.postgresqlMs} ms`;
  return {
    result: { emulatorStartToHealthyMs, refreshAfterCrashMs },
    rows: [
      ["emulator: `npm run emulator` start to healthy", `${emulatorStartToHealthyMs} ms`],
      ["first token request after a crash mid-refresh, SQLite (median of 3)", `${refreshAfterCrashMs.sqliteMs} ms`],
      ["the same on PostgreSQL", postgres],
    ],
  };
}
