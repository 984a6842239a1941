import "server-only";
// Guards for changes that are not a JSON POST (withUserJsonPost): a file as the body (POST /api/uploads), and
// JSON sent to a route with an id in its path (PUT/DELETE /api/drafts/{id}). Same rules: another site is
// refused before anything else is read, then the session, then the input.
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { Account } from "@/generated/prisma/client";
import { resolveAccount } from "../accounts/linked-accounts";
import { type SignedInUser, requireUser } from "../auth/session";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { isSameOriginRequest, withUserJsonPost } from "./json-post";
import { accountQuery } from "./draft-request";
import { searchParamsToObject } from "./query-params";
import { errorResponse } from "./route-handler";

const NO_STORE = { "Cache-Control": "private, no-store" };

function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request.headers, getConfig().auth.url)) {
    throw new AppError("forbidden", "This request must come from Mailroom's own pages.");
  }
}

/** POST with a file as the body, for `account=` (one of the user's own accounts). */
export function withUserFilePost(handler: (context: { user: SignedInUser; account: Account; request: Request }) => Promise<unknown>) {
  return async (request: Request): Promise<NextResponse> => {
    try {
      assertSameOrigin(request);
      const user = await requireUser();
      const query = accountQuery.parse(searchParamsToObject(new URL(request.url).searchParams));
      const account = await resolveAccount({ userId: user.id, account: query.account });
      return NextResponse.json(await handler({ user, account, request }), { headers: NO_STORE });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/** A JSON body sent to a path with parameters (PUT /api/drafts/{id}). */
export function withUserJsonChange<BS extends z.ZodType, PS extends z.ZodType>(
  schemas: { body: BS; params: PS },
  handler: (context: { user: SignedInUser; body: z.output<BS>; params: z.output<PS>; request: Request }) => Promise<unknown>,
) {
  return async (request: Request, route: { params: Promise<unknown> }): Promise<NextResponse> => {
    const run = withUserJsonPost(schemas.body, async (context) =>
      handler({ ...context, params: schemas.params.parse(await route.params) }),
    );
    return run(request);
  };
}

/** A change without a body (DELETE /api/drafts/{id}?account=). */
export function withUserBodilessChange<PS extends z.ZodType>(
  params: PS,
  handler: (context: { user: SignedInUser; account: Account; params: z.output<PS>; request: Request }) => Promise<unknown>,
) {
  return async (request: Request, route: { params: Promise<unknown> }): Promise<NextResponse> => {
    try {
      assertSameOrigin(request);
      const user = await requireUser();
      const query = accountQuery.parse(searchParamsToObject(new URL(request.url).searchParams));
      const parsed = params.parse(await route.params);
      const account = await resolveAccount({ userId: user.id, account: query.account });
      return NextResponse.json(await handler({ user, account, params: parsed, request }), { headers: NO_STORE });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
