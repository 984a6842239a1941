import "server-only";
// The one guard around every API route handler: loads the signed-in user, parses input with zod, and maps
// errors to the contract's envelope. Handlers stay a few lines. Unknown errors become a generic 500 with the
// request's id (the one our server put on the request and sends as `x-request-id`, so a user's "Reference:"
// finds the access log line and the error line); their text is logged (redacted), never sent.
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { reauthorizeUrl } from "../auth/callback-path";
import { type SignedInUser, requireUser } from "../auth/session";
import { AppError, RateLimitedError, ReauthRequiredError } from "../errors";
import { describeZodError, searchParamsToObject } from "../gmail/message-params";
import { logError } from "../log";

type Context<Q, P> = { user: SignedInUser; query: Q; params: P; request: Request };

const NO_STORE = { "Cache-Control": "private, no-store" };

// Outside our server (a test calling a handler directly) there is no id yet: make one.
const requestIdOf = (request: Request) => request.headers.get("x-request-id") ?? randomUUID();

export function errorResponse(error: unknown, request: Request): NextResponse {
  if (error instanceof z.ZodError) {
    return NextResponse.json({ error: { code: "bad_request", message: describeZodError(error) } }, { status: 400, headers: NO_STORE });
  }
  if (error instanceof AppError) {
    // Details are what the client needs to act (a reason, where to grant a scope); never upstream text.
    const body: Record<string, unknown> = { code: error.code, ...error.details, message: error.message };
    if (error instanceof ReauthRequiredError) {
      body.reason = error.reason;
      const account = new URL(request.url).searchParams.get("account");
      body.reauthorizeUrl = reauthorizeUrl("/inbox", account === "all" ? null : account);
    }
    if (error.status >= 500)
      logError("api.upstream_failure", error, { requestId: requestIdOf(request), path: new URL(request.url).pathname });
    const headers: Record<string, string> = { ...NO_STORE };
    if (error instanceof RateLimitedError) headers["Retry-After"] = String(error.retryAfterSeconds);
    return NextResponse.json({ error: body }, { status: error.status, headers });
  }
  const requestId = requestIdOf(request);
  logError("api.unexpected", error, { requestId, path: new URL(request.url).pathname });
  return NextResponse.json(
    { error: { code: "internal", message: `Something went wrong on our side. Reference: ${requestId}` } },
    { status: 500, headers: NO_STORE },
  );
}

export function withUser<QS extends z.ZodType, PS extends z.ZodType>(
  schemas: { query: QS; params: PS },
  handler: (context: Context<z.output<QS>, z.output<PS>>) => Promise<unknown>,
) {
  return async (request: Request, route: { params: Promise<unknown> }): Promise<Response> => {
    try {
      const user = await requireUser();
      const query = schemas.query.parse(searchParamsToObject(new URL(request.url).searchParams));
      const params = schemas.params.parse(await route.params);
      const result = await handler({ user, query, params, request });
      // A handler that answers with something other than JSON (a download) builds its own response.
      if (result instanceof Response) return result;
      return NextResponse.json(result, { headers: NO_STORE });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
