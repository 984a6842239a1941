// What our server does to every request before Next sees it: give it a request id (response header
// `x-request-id`, and the request header route handlers read for the 500 envelope's "Reference:"), refuse
// targets that Next cannot decode, and write one access log line when the response ends.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logInfo, loggablePath } from "../../lib/log";
import { observeHttpRequest } from "../../lib/metrics/http-requests";
import { admitBody } from "./body-limit";

const REQUEST_ID_HEADER = "x-request-id";

/**
 * True when the path holds a percent-escape that does not decode (`%`, `%ZZ`, a truncated UTF-8 sequence).
 * Next answers those with a 500 before any of our code runs (vercel/next.js#92527), so they stop here.
 */
export function hasMalformedPath(target: string): boolean {
  const queryStart = target.indexOf("?");
  const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

const MALFORMED_MESSAGE = "The address contains a malformed percent-encoding.";

const HTML_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bad address · Mailroom</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#202124}a{color:#1f6feb}</style>
</head><body><h1>This address is not valid</h1><p>${MALFORMED_MESSAGE} Check the link, or go to <a href="/inbox">your inbox</a>.</p></body></html>
`;

/** A 400 for a target Next cannot decode: the API's JSON envelope under /api/, a readable page elsewhere. */
function answerMalformed(request: IncomingMessage, response: ServerResponse): void {
  const api = (request.url ?? "").startsWith("/api/");
  const body = api ? JSON.stringify({ error: { code: "bad_request", message: MALFORMED_MESSAGE } }) : HTML_PAGE;
  response.writeHead(400, {
    "Content-Type": api ? "application/json" : "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    // The page needs nothing but its own inline style; nothing may frame it.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** Wraps Next's request handler with the request id, the malformed-target guard, the body cap and the access log. */
export function edgeHandler(next: Handler): Handler {
  return async (request, response) => {
    const started = performance.now();
    // Always our own id: an incoming one could be forged to collide with another request's reference.
    const requestId = randomUUID();
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    response.once("close", () => {
      observeHttpRequest(request.method, request.url ?? "", response.statusCode, (performance.now() - started) / 1000);
      logInfo("http.request", {
        requestId,
        method: request.method,
        path: loggablePath(request.url ?? ""),
        status: response.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(response.writableFinished ? {} : { aborted: true }),
      });
    });
    if (hasMalformedPath(request.url ?? "")) return answerMalformed(request, response);
    // A body over its route's cap is answered 413 here and never reaches Next (body-limit.ts).
    if (!(await admitBody(request, response))) return;
    await next(request, response);
  };
}
