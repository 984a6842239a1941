import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { buildControlRouter, controlNotFound } from "./control/control-routes";
import { registerMailboxReadRoutes } from "./control/mailbox-read-routes";
import { registerPubsubControlRoutes } from "./control/pubsub-routes";
import { registerRiscControlRoutes } from "./control/risc-routes";
import { errorForStatus } from "./gmail/errors";
import { buildGoogleDispatcher } from "./google-routes";
import type { EmuRequest, EmuResponse } from "./http/types";
import { createState } from "./state";

export interface EmulatorOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Added to every Google request (not to control requests). */
  latencyMs?: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

// Gmail's upload cap (35 MiB of message, 36,700,160 bytes) plus room for a multipart upload's framing and
// metadata; the upload handlers enforce the exact cap with Gmail's error.
const MAX_BODY_BYTES = 36_700_160 + 1024 * 1024;

/** Starts one emulator with its own in-memory state; several can run in one process. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const state = createState(options.latencyMs ?? 0);
  const dispatch = buildGoogleDispatcher(state);
  const control = buildControlRouter(state);
  registerRiscControlRoutes(control, state);
  registerPubsubControlRoutes(control, state);
  registerMailboxReadRoutes(control, state);
  let url = "";
  const origin = () => url;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("emulator: request failed", error);
      if (!res.headersSent) writeResponse(res, errorForStatus(500));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if ((req.url ?? "").startsWith("/__emulator/")) {
      const request = await readRequest(req, origin);
      writeResponse(res, request ? await control.handle(request, controlNotFound) : tooLarge());
      return;
    }
    const t = Date.now();
    const startedAt = performance.now();
    let response: EmuResponse = tooLarge();
    let logged = false;
    // Registered before the body is read so an aborted request still leaves the in-flight count.
    const finish = () => {
      if (logged) return;
      logged = true;
      state.log.finished({
        t,
        method: req.method ?? "GET",
        path: req.url ?? "/",
        status: res.headersSent ? res.statusCode : 499,
        ms: Math.round((performance.now() - startedAt) * 100) / 100,
        ...(response.parts ? { parts: response.parts } : {}),
      });
    };
    state.log.started();
    res.once("finish", finish);
    res.once("close", finish);
    const request = await readRequest(req, origin);
    if (request) {
      if (state.latencyMs > 0) await sleep(state.latencyMs);
      response = await dispatch(request);
    }
    writeResponse(res, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // One fixed issuer whatever host name a client uses, since receivers compare it exactly.
  state.risc.issuer = `${url}/`;

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        state.pushQueues.stopAll();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function readRequest(req: IncomingMessage, fallbackOrigin: () => string): Promise<EmuRequest | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  const rawUrl = req.url ?? "/";
  // Concatenated rather than resolved, so a path starting with `//` stays a path and is not read as a host.
  const parsed = rawUrl.startsWith("/") ? new URL(`http://emulator.invalid${rawUrl}`) : new URL(rawUrl, "http://emulator.invalid");
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  // URLs the emulator hands out (discovery, picture) use the host the client reached it by.
  const origin = req.headers.host ? `http://${req.headers.host}` : fallbackOrigin();
  return {
    method: req.method ?? "GET",
    path: parsed.pathname,
    pathWithQuery: rawUrl,
    query: parsed.searchParams,
    headers,
    body: Buffer.concat(chunks),
    origin,
  };
}

function writeResponse(res: ServerResponse, response: EmuResponse): void {
  const body = typeof response.body === "string" ? Buffer.from(response.body, "utf8") : response.body;
  res.writeHead(response.status, { ...response.headers, "content-length": String(body.length) });
  res.end(body);
}

function tooLarge(): EmuResponse {
  return errorForStatus(413);
}
