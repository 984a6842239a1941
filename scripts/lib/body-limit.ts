// Request bodies are capped here, before Next sees the request: Next (and next-auth) would read a body of any
// size into memory first. A Content-Length over the route's cap is refused at once, without reading the body;
// a body without one (chunked), or longer than it claimed, is counted as it arrives and refused the moment it
// passes the cap. Refused means 413 in the API's envelope, the connection closed, and the rest never read.
//
// How: the body is held here until it is complete (intercepting the IncomingMessage's push, which Node's HTTP
// parser calls with each chunk), then handed to Next intact. Holding is why every cap is small
// (lib/limits/limits.ts): a route that must take large bodies would stream them itself instead.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BODY_LIMITS } from "../../lib/limits/limits";

/** The most bytes a request to `target` (path and query) may carry in its body. */
export function bodyLimitFor(target: string): number {
  const pathname = target.split("?", 1)[0]!;
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  if (under("/api/google/risc")) return BODY_LIMITS.securityEventReceiver;
  if (under("/api/google/push")) return BODY_LIMITS.pushReceiver;
  if (under("/api/auth")) return BODY_LIMITS.authRoutes;
  if (under("/api/actions")) return BODY_LIMITS.actions;
  if (under("/api/uploads")) return BODY_LIMITS.uploads;
  return BODY_LIMITS.default;
}

/** Routes that read their (large) body as a stream with their own running count: POST /api/uploads. */
function streamsItsOwnBody(target: string): boolean {
  return target.split("?", 1)[0] === "/api/uploads";
}

/** Whether the request announces a body at all (HTTP/1.1: a Content-Length or a Transfer-Encoding). */
function announcesBody(request: IncomingMessage): boolean {
  if (request.headers["transfer-encoding"] !== undefined) return true;
  const length = request.headers["content-length"];
  return length !== undefined && length !== "0";
}

/**
 * How long a refused connection stays half-open (our answer sent and our side closed, the client's bytes left
 * unread) before it is dropped: closing at once with the client's bytes unread would reset the connection,
 * and a client still sending could lose our 413 to that reset before reading it.
 */
const LINGER_MS = 2_000;

function lingerThenClose(request: IncomingMessage, response: ServerResponse): void {
  const socket = response.socket;
  if (!socket) return;
  // Node resumes an unread request once its response is sent, to discard the rest of its body and keep the
  // connection: that would read everything the client still sends. This request reads nothing more.
  request._read = () => {};
  // Node ends a `Connection: close` response's socket with destroySoon(); end it instead, and destroy later.
  socket.destroySoon = () => {
    socket.end();
    // Nothing more is read: what the client still sends waits in the kernel's buffers, and then stops.
    socket.pause();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

function answerTooLarge(request: IncomingMessage, response: ServerResponse, limit: number): void {
  if (response.headersSent) return;
  lingerThenClose(request, response);
  const message = `The request body is larger than this address accepts (${Math.floor(limit / 1024)} KB).`;
  const body = JSON.stringify({ error: { code: "payload_too_large", message } });
  response.writeHead(413, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    // The rest of the body is never read, so this connection cannot carry another request.
    Connection: "close",
  });
  response.end(body);
}

type Push = IncomingMessage["push"];

/**
 * Resolves true once the request's whole body (if any) has arrived within its cap: hand it to Next. Resolves
 * false when it did not: a 413 has been sent (or the client went away), and Next must not see the request.
 * Call it synchronously in the server's request listener, before anything else reads the request.
 */
export function admitBody(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (!announcesBody(request)) return Promise.resolve(true);
  const limit = bodyLimitFor(request.url ?? "");
  const declared = Number(request.headers["content-length"]);
  if (declared > limit) {
    answerTooLarge(request, response, limit);
    return Promise.resolve(false);
  }
  // The upload route streams its body to disk and counts it itself: holding 25 MB here is what it avoids.
  if (streamsItsOwnBody(request.url ?? "")) return Promise.resolve(true);
  // Whatever the parser already pushed before this listener ran still counts.
  const held: [chunk: unknown, encoding?: BufferEncoding][] = [];
  let size = request.readableLength;
  if (request.complete) return Promise.resolve(size <= limit || (answerTooLarge(request, response, limit), false));

  return new Promise<boolean>((resolve) => {
    const push: Push = request.push.bind(request);
    const settle = (admitted: boolean) => {
      request.off("close", gone);
      resolve(admitted);
    };
    const gone = () => {
      held.length = 0;
      settle(false);
    };
    request.once("close", gone);
    let refused = false;
    request.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
      if (refused) return false;
      if (chunk === null) {
        // Complete and within the cap: Next reads exactly what was sent.
        request.push = push;
        for (const [heldChunk, heldEncoding] of held) push(heldChunk, heldEncoding);
        held.length = 0;
        push(null);
        settle(true);
        return false;
      }
      size += (chunk as { length: number }).length;
      if (size > limit) {
        // Returning false makes the parser stop reading the socket: nothing more is received.
        refused = true;
        held.length = 0;
        answerTooLarge(request, response, limit);
        settle(false);
        return false;
      }
      held.push([chunk, encoding]);
      return true;
    };
  });
}
