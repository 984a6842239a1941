import "server-only";
// The guard around API handlers that DELETE something: like withUserJsonPost (lib/http/json-post.ts) but with
// no body to read. Another site is refused before anything else (the same same-origin rule), then the session,
// then the route's parameters.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { type SignedInUser, requireUser } from "../auth/session";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { isSameOriginRequest } from "./json-post";
import { errorResponse } from "./route-handler";

export function withUserDelete<PS extends z.ZodType>(
  paramsSchema: PS,
  handler: (context: { user: SignedInUser; params: z.output<PS>; request: Request }) => Promise<unknown>,
) {
  return async (request: Request, route: { params: Promise<unknown> }): Promise<NextResponse> => {
    try {
      if (!isSameOriginRequest(request.headers, getConfig().auth.url)) {
        throw new AppError("forbidden", "This request must come from Mailroom's own pages.");
      }
      const user = await requireUser();
      const params = paramsSchema.parse(await route.params);
      return NextResponse.json(await handler({ user, params, request }), { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
