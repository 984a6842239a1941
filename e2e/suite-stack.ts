// One production server of the app, one emulator and one fresh database per Playwright worker, so workers run
// spec files side by side without sharing state (specs reset the emulator and clear the database). The app
// is started exactly as `npm start` runs it: scripts/serve.ts on the production build.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { productionEnv, startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { startEmulatorProcess } from "../scripts/lib/emulator-process";
import { findFreePort } from "../scripts/lib/free-port";

export type SuiteStack = { appUrl: string; emulatorUrl: string; databaseUrl: string; close: () => Promise<void> };

export async function startSuiteStack(): Promise<SuiteStack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-e2e-"));
  const emulator = await startEmulatorProcess(await findFreePort());
  const env = productionEnv({ databaseUrl: `file:${path.join(dataDir, "mailroom.db")}`, dataDir, emulatorUrl: emulator.url });
  await prepareDatabase(env);
  // Generous: two workers may be starting their stacks on a busy machine at the same moment.
  const app = await startAppServer({ port: await findFreePort(), mode: "start", env, timeoutMs: 150_000 }).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });

  // Helpers and specs that read the suite's database or build an environment of their own find the
  // worker's stack here (each worker is its own process).
  process.env.MAILROOM_E2E_APP_URL = app.url;
  process.env.MAILROOM_E2E_EMULATOR_URL = emulator.url;
  process.env.MAILROOM_E2E_DATABASE_URL = env.DATABASE_URL;

  return {
    appUrl: app.url,
    emulatorUrl: emulator.url,
    databaseUrl: env.DATABASE_URL!,
    close: async () => {
      await app.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
