// `npm run dev`: everything a fresh clone needs, then Next's dev server. With no Google client configured it
// starts the Google emulator and points the app at it, so the app works with no Google account and no network.
import { prepareDatabase } from "./lib/database";
import { startEmulatorProcess } from "./lib/emulator-process";
import { findFreePort, isPortFree } from "./lib/free-port";
import { startAppServer } from "./lib/app-server";

const port = Number(process.env.PORT ?? 3000);
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development" };
const stops: (() => Promise<void>)[] = [];

async function shutdown(code: number): Promise<never> {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  await prepareDatabase(env);

  let demo = "";
  if (!env.GOOGLE_CLIENT_ID) {
    const emulatorPort = (await isPortFree(4010)) ? 4010 : await findFreePort();
    const emulator = await startEmulatorProcess(emulatorPort);
    stops.push(emulator.close);
    env.GOOGLE_EMULATOR_URL = emulator.url;
    demo = `\n  Google emulator: ${emulator.url}  (no Google account needed)\n  Demo account:    ada@example.com (240 messages) — pick it on the emulator's account chooser\n`;
  }

  const app = await startAppServer({ port, mode: "dev", env, inheritOutput: true, timeoutMs: 120_000 });
  stops.push(app.close);
  console.log(`\n  Mailroom is running: ${app.url}\n${demo}`);
  app.process.on("exit", (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
