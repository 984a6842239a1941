import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a downloaded browser. The background-networking flags keep it from flooding the
// closed network with connection attempts.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Spec files run side by side, each worker with its own app, emulator and database (e2e/suite-stack.ts);
  // the tests of one file run in order in one worker. Two suit a 2-core machine: most of a browser test is
  // waiting. MAILROOM_E2E_WORKERS=1 runs them one at a time.
  fullyParallel: false,
  workers: Number(process.env.MAILROOM_E2E_WORKERS ?? 2),
  forbidOnly: true,
  // In CI, a test that fails is run once more in a fresh worker (its own app, emulator and database) and, if it
  // then passes, reported as flaky, not hidden: on two shared cores a socket closed under a request or a probe
  // that takes longer than its timeout now and then fails a browser test that passes alone.
  retries: process.env.CI ? 1 : 0,
  // Room for two workers sharing two cores: these catch a hang, they do not measure speed.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
    trace: "off",
    screenshot: "only-on-failure",
  },
});
