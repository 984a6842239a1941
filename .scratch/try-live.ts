import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { productionEnv, startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { startEmulatorProcess } from "../scripts/lib/emulator-process";
import { findFreePort } from "../scripts/lib/free-port";
import { signInOverHttp } from "../scripts/lib/http-session";
import { readEventStream } from "../scripts/testing/sse-reader";

const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-try-"));
const emulator = await startEmulatorProcess(await findFreePort());
const env = { ...productionEnv({ databaseUrl: `file:${path.join(dataDir, "m.db")}`, dataDir, emulatorUrl: emulator.url }), ...(process.env.MODE === "push" ? {} : { MAILBOX_SYNC: "poll" }), MAILBOX_POLL_SECONDS: "1", METRICS_TOKEN: "x".repeat(20), LOG_LEVEL: "debug" };
await prepareDatabase(env);
const app = await startAppServer({ port: await findFreePort(), mode: "start", env });
try {
  const cookie = await signInOverHttp(app.url, emulator.url, "ada@example.com");
  const stream = await readEventStream(`${app.url}/api/events`, { cookie });
  console.log("status", stream.status, stream.headers.get("content-type"));
  console.log(await stream.next());
  const inserted = await fetch(`${emulator.url}/__emulator/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "ada@example.com", raw: "From: Bob <bob@example.com>\r\nSubject: live hello\r\n\r\nhi" }) }).then((r) => r.json());
  console.log("inserted", inserted);
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, 2000));
  console.log(JSON.stringify(await fetch(`${emulator.url}/__emulator/pubsub`).then((r) => r.json())).slice(0, 1500));
  console.log(JSON.stringify(await fetch(`${emulator.url}/__emulator/pubsub/deliveries`).then((r) => r.json())).slice(0, 1500));
  const change = await stream.next((e) => e.type === "change");
  console.log("change after", Date.now() - t0, JSON.stringify(change).slice(0, 600));
  const metrics = await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${"x".repeat(20)}` } }).then((r) => r.text());
  console.log(metrics.split("\n").filter((l) => l.startsWith("mailroom_")).join("\n"));
  stream.close();
} finally {
  console.log(app.output().split("\n").filter((l) => !l.includes('"http.request"')).slice(-30).join("\n"));
  await app.close();
  await emulator.close();
}
