// The edge's body cap on a real Node HTTP server, with a stand-in for Next that reads whatever body it is
// handed: what a client sees (413 in the envelope, or its request served intact) and how much the server read.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { type AddressInfo, type Socket, connect } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BODY_LIMITS } from "../../lib/limits/limits";
import { bodyLimitFor } from "./body-limit";
import { edgeHandler } from "./edge";

let server: Server;
let base: string;
let port: number;
/** What the stand-in for Next received: one entry per request it saw. */
let reachedNext: { url: string; bytes: number }[] = [];
/** Bytes each connection's socket took in from the client, by the client's port, recorded when it closes. */
const socketBytes = new Map<number, number>();

async function standInForNext(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let bytes = 0;
  for await (const chunk of request) bytes += (chunk as Buffer).length;
  reachedNext.push({ url: request.url ?? "", bytes });
  response.writeHead(200, { "Content-Type": "application/json" });
  response.end(JSON.stringify({ bytes }));
}

beforeAll(async () => {
  server = createServer();
  const handle = edgeHandler(standInForNext);
  server.on("request", (request: IncomingMessage, response: ServerResponse) => void handle(request, response));
  server.on("connection", (socket: Socket) => {
    const clientPort = socket.remotePort ?? 0;
    socket.once("close", () => socketBytes.set(clientPort, socket.bytesRead));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  reachedNext = [];
});

const CAPPED_ROUTES = [
  ["/api/google/risc", BODY_LIMITS.securityEventReceiver],
  ["/api/google/push", BODY_LIMITS.pushReceiver],
  ["/api/auth/signin/google", BODY_LIMITS.authRoutes],
  ["/api/auth/callback/google?code=x", BODY_LIMITS.authRoutes],
  ["/api/actions", BODY_LIMITS.actions],
  ["/inbox", BODY_LIMITS.default],
  ["/api/messages", BODY_LIMITS.default],
] as const;

async function expectTooLarge(response: Response): Promise<void> {
  expect(response.status).toBe(413);
  expect(response.headers.get("content-type")).toBe("application/json");
  const body = (await response.json()) as unknown;
  expect(body).toEqual({
    error: { code: "payload_too_large", message: expect.stringMatching(/larger than this address accepts/) as unknown },
  });
}

/** A body stream of `total` zero bytes in 64 KB chunks, counting what the client managed to hand over. */
function zeros(total: number): { stream: ReadableStream<Uint8Array>; sent: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent: () => sent };
}

describe("bodyLimitFor", () => {
  it("gives the receivers and the auth routes their small caps, and everything else the default", () => {
    for (const [target, limit] of CAPPED_ROUTES) expect(bodyLimitFor(target), target).toBe(limit);
    expect(bodyLimitFor("/api/google/riscx")).toBe(BODY_LIMITS.default);
    expect(bodyLimitFor("/api/authors")).toBe(BODY_LIMITS.default);
  });
});

describe("the edge's body cap", () => {
  for (const [target, limit] of CAPPED_ROUTES) {
    it(`refuses a Content-Length over the cap of ${target} without reading the body`, async () => {
      const response = await fetch(`${base}${target}`, { method: "POST", body: new Uint8Array(limit + 1) });
      await expectTooLarge(response);
      expect(reachedNext).toEqual([]);
    });

    it(`refuses a chunked body that grows past the cap of ${target}`, async () => {
      const { stream } = zeros(limit * 4);
      const response = await fetch(`${base}${target}`, { method: "POST", body: stream, duplex: "half" } as RequestInit);
      await expectTooLarge(response);
      expect(reachedNext).toEqual([]);
    });

    it(`hands a body of exactly the cap of ${target} to the app intact`, async () => {
      const { stream } = zeros(limit);
      const response = await fetch(`${base}${target}`, { method: "POST", body: stream, duplex: "half" } as RequestInit);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ bytes: Math.ceil(limit / 65536) * 65536 });
      expect(reachedNext).toEqual([{ url: target, bytes: Math.ceil(limit / 65536) * 65536 }]);
    });
  }

  it("streams an upload's body to the route as it arrives (the route counts it), refusing only an announced size past its cap", async () => {
    const { stream } = zeros(3 * 1024 * 1024);
    const response = await fetch(`${base}/api/uploads?account=ada@example.com`, {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bytes: 3 * 1024 * 1024 });
    const refused = await fetch(`${base}/api/uploads`, { method: "POST", body: new Uint8Array(BODY_LIMITS.uploads + 1) });
    await expectTooLarge(refused);
  });

  it("lets requests without a body through untouched", async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(reachedNext).toEqual([{ url: "/api/health", bytes: 0 }]);
  });

  it("stops reading a 300 MB chunked body soon after the cap: the server takes in a small fraction of it", async () => {
    const limit = BODY_LIMITS.securityEventReceiver;
    const total = 300 * 1024 * 1024;
    const socket = connect(port, "127.0.0.1");
    const clientPort = await new Promise<number>((resolve) => socket.once("connect", () => resolve(socket.localPort!)));
    let answer = "";
    let written = 0;
    let open = true;
    socket.on("data", (data: Buffer) => (answer += data.toString("latin1")));
    socket.on("error", () => {}); // the server closes while we still write: EPIPE or ECONNRESET
    const closed = new Promise<void>((resolve) => socket.once("close", () => ((open = false), resolve())));
    socket.write("POST /api/google/risc HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
    const chunk = Buffer.concat([Buffer.from("10000\r\n"), Buffer.alloc(0x10000), Buffer.from("\r\n")]);
    while (open && written < total) {
      if (!socket.write(chunk)) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), closed]);
      written += 0x10000;
    }
    await closed;

    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    expect(answer).toContain('"code":"payload_too_large"');
    expect(reachedNext).toEqual([]);
    // The server's socket took in the cap and at most a couple of the parser's reads more, never the rest.
    await expect.poll(() => socketBytes.has(clientPort), { timeout: 10_000 }).toBe(true);
    expect(socketBytes.get(clientPort)).toBeLessThan(limit + 256 * 1024);
    // The client could hand over no more than what fits in the connection's buffers before it was closed.
    expect(written).toBeLessThan(32 * 1024 * 1024);
  });
});
