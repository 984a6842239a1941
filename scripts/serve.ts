// The app's one HTTP server, in production (`npm start`) and development (`npm run dev`), and in every test
// and benchmark that starts the app (scripts/lib/app-server.ts): Next's documented custom server, so our edge
// (request id, access log, refusal of targets Next cannot decode; see lib/edge.ts) runs before Next's router
// everywhere. Launch it through scripts/lib/app-server.ts, which also sizes the heap in production.
//   node --import tsx/esm scripts/serve.ts --mode start|dev --port 3000 [--hostname 127.0.0.1]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { logInfo } from "../lib/log";
import { runServerStoppingHooks } from "../lib/server-stopping";
import { edgeHandler } from "./lib/edge";

const { values } = parseArgs({
  options: { mode: { type: "string", default: "start" }, port: { type: "string", default: "3000" }, hostname: { type: "string" } },
});
if (values.mode !== "start" && values.mode !== "dev") throw new Error(`--mode must be start or dev, not ${values.mode}`);
const dev = values.mode === "dev";
const port = Number(values.port);

const server = createServer();
// Node closes a keep-alive socket after 5 s idle. A client that reuses its pooled socket at that moment (a
// browser, a test's request context, a proxy in front) gets ECONNRESET on a request the server never saw. Idle
// sockets are cheap; keep them past the idle timeouts clients and load balancers use (60 s), so the client, not
// the server, is the one that closes. Headers must still arrive within the keep-alive window.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// quiet: in production Next would print each request error with its stack and unredacted text; instrumentation.ts's
// onRequestError logs it instead, redacted and with the request id. Development keeps Next's own output.
const app = next({ dev, dir: process.cwd(), hostname: values.hostname ?? "localhost", port, httpServer: server, quiet: !dev });
// Runs instrumentation.ts's register(): an invalid configuration stops the process here, before it listens.
await app.prepare();
const handle = edgeHandler(app.getRequestHandler());
server.on("request", (request, response) => void handle(request, response));
server.listen(port, values.hostname, () => {
  logInfo("server.ready", { mode: values.mode, port, hostname: values.hostname ?? "all interfaces" });
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Open event streams would hold close() forever: they end now (their clients resume elsewhere); anything
  // else in flight gets a moment, then the process goes.
  runServerStoppingHooks();
  setTimeout(() => process.exit(0), 3_000).unref();
  server.close();
  server.closeIdleConnections();
  await app.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
