import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GMAIL_MODIFY_SCOPE } from "../../lib/google-scopes";
import { productionEnv, startAppServer } from "../lib/app-server";
import { prepareDatabase } from "../lib/database";
import { startEmulatorProcess } from "../lib/emulator-process";
import { findFreePort } from "../lib/free-port";
import { signInOverHttp } from "../lib/http-session";
import { measureConversationAct } from "./conversation-act-bench";

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-actbench-"));
  const emulator = await startEmulatorProcess(await findFreePort());
  const env = productionEnv({ databaseUrl: `file:${path.join(dataDir, "m.db")}`, dataDir, emulatorUrl: emulator.url });
  await prepareDatabase(env);
  const app = await startAppServer({ port: await findFreePort(), mode: "start", env });
  try {
    const cookie = await signInOverHttp(app.url, emulator.url, "ada@example.com", { scope: `openid email profile ${GMAIL_MODIFY_SCOPE}` });
    const result = await measureConversationAct({ appUrl: app.url, emulatorUrl: emulator.url, cookie });
    console.log(JSON.stringify(result, null, 1));
  } finally {
    await app.stop?.();
    await emulator.stop?.();
  }
}
void main().then(() => process.exit(0), (error: unknown) => { console.error(error); process.exit(1); });
