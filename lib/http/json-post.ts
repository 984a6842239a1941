import "server-only";
// The guard around API handlers that change something: POST with a JSON body, from Mailroom's own pages only.
// A cookie-authenticated endpoint that changes mail must refuse other sites (cross-site request forgery): the
// browser's Origin must be ours (NEXTAUTH_URL), or the browser must vouch with `Sec-Fetch-Site: same-origin`
// (pages cannot forge either header). A request with neither is refused too: no browser of ours sends one.
// Order: another site is refused before anything else is read, then the session, then the body.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { type SignedInUser, requireUser } from "../auth/session";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { errorResponse } from "./route-handler";

/** 1000 ids of 16 hex digits with their quotes and commas are ~19 KB; anything far beyond is not ours. */
const MAX_BODY_BYTES = 64 * 1024;
const NO_STORE = { "Cache-Control": "private, no-store" };

/** Whether the request comes from a page of this site (see above). */
export function isSameOriginRequest(headers: Headers, appUrl: string): boolean {
  const site = headers.get("sec-fetch-site");
  // The browser says another site (or a typed URL, "none") sent it: nothing else can outweigh that.
  if (site !== null && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin !== null && origin === new URL(appUrl).origin) return true;
  return site === "same-origin";
}

function assertJsonContentType(headers: Headers): void {
  const mediaType = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new AppError("unsupported_media_type", "Send the request as JSON (Content-Type: application/json).");
  }
}

const tooLarge = () => new AppError("bad_request", "The request is too large.", { status: 413 });

/** The body as text, read no further than MAX_BODY_BYTES whatever Content-Length claims (or omits). */
async function readCappedText(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readCappedText(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "Invalid request: the body is not valid JSON.");
  }
}

export function withUserJsonPost<BS extends z.ZodType>(
  schema: BS,
  handler: (context: { user: SignedInUser; body: z.output<BS>; request: Request }) => Promise<unknown>,
) {
  return async (request: Request): Promise<NextResponse> => {
    try {
      if (!isSameOriginRequest(request.headers, getConfig().auth.url)) {
        throw new AppError("forbidden", "This request must come from Mailroom's own pages.");
      }
      const user = await requireUser();
      assertJsonContentType(request.headers);
      const body = schema.parse(await readJsonBody(request));
      return NextResponse.json(await handler({ user, body, request }), { headers: NO_STORE });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
