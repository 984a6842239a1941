// `npm test`: the whole suite, cheapest checks first, stopping at the first failure.
import { spawnSync } from "node:child_process";

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
// The integration tests pick PostgreSQL whenever MAILROOM_TEST_POSTGRES_URL is set: the main Vitest run goes
// without it (SQLite, the default), and only the database suites run again on PostgreSQL.
const { MAILROOM_TEST_POSTGRES_URL: postgresUrl, ...sqliteEnv } = env;

const steps: [string, string[], NodeJS.ProcessEnv?][] = [
  ["prisma clients", ["npm", "run", "postinstall", "--silent"]],
  ["types", ["npx", "tsc", "--noEmit", "-p", "."]],
  ["lint", ["npx", "eslint", "--max-warnings=0", "."]],
  ["format (prettier)", ["npx", "prettier", "--check", "."]],
  ["schema drift", ["npx", "tsx", "scripts/prisma/check-drift.ts"]],
  ["unit and integration (vitest, SQLite)", ["npx", "vitest", "run"], sqliteEnv],
  // The database, token-lifecycle, job and draft suites once more on PostgreSQL, when a server is given (.ci/run does).
  ...(postgresUrl
    ? ([
        [
          "database and token suites on PostgreSQL",
          [
            "npx",
            "vitest",
            "run",
            "lib/tokens",
            "lib/mail/list-messages.test.ts",
            "lib/sync",
            "lib/jobs",
            "lib/send",
            "lib/snooze",
            "lib/drafts",
            "lib/uploads",
          ],
        ],
      ] as [string, string[]][])
    : []),
  ["production build", ["npx", "next", "build"]],
  ["browser e2e (playwright)", ["npx", "playwright", "test"]],
];

const started = Date.now();
for (const [name, [command, ...args], stepEnv = env] of steps) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(" ")}`);
  const stepStarted = Date.now();
  const result = spawnSync(command!, args, { stdio: "inherit", env: stepEnv });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds}s (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  console.log(`✓ ${name} (${seconds}s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
