// One production server of the app, one emulator and one fresh database for the whole browser suite.
// The app is started exactly as `npm start` would run it: `next start` on the production build.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { productionEnv, startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { startEmulatorProcess } from "../scripts/lib/emulator-process";
import { findFreePort } from "../scripts/lib/free-port";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-e2e-"));
  const emulator = await startEmulatorProcess(await findFreePort());
  const env = productionEnv({ databaseUrl: `file:${path.join(dataDir, "mailroom.db")}`, dataDir, emulatorUrl: emulator.url });
  await prepareDatabase(env);
  const app = await startAppServer({ port: await findFreePort(), mode: "start", env });

  // Workers inherit these: specs reach the app, the emulator's control API and the database through them.
  process.env.MAILROOM_E2E_APP_URL = app.url;
  process.env.MAILROOM_E2E_EMULATOR_URL = emulator.url;
  process.env.MAILROOM_E2E_DATABASE_URL = env.DATABASE_URL;

  return async () => {
    await app.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
