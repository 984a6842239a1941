import "server-only";
// The guard around an endpoint that takes a file as its body (not JSON): the same refusal of other sites as
// withUserJsonPost, then the session, then `account=` resolved to one of the user's own accounts.
import { NextResponse } from "next/server";
import type { Account } from "@/generated/prisma/client";
import { resolveAccount } from "../accounts/linked-accounts";
import { type SignedInUser, requireUser } from "../auth/session";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { isSameOriginRequest } from "./json-post";
import { accountQuery } from "./draft-request";
import { searchParamsToObject } from "./query-params";
import { errorResponse } from "./route-handler";

export function withUserFilePost(handler: (context: { user: SignedInUser; account: Account; request: Request }) => Promise<unknown>) {
  return async (request: Request): Promise<NextResponse> => {
    try {
      if (!isSameOriginRequest(request.headers, getConfig().auth.url)) {
        throw new AppError("forbidden", "This request must come from Mailroom's own pages.");
      }
      const user = await requireUser();
      const query = accountQuery.parse(searchParamsToObject(new URL(request.url).searchParams));
      const account = await resolveAccount({ userId: user.id, account: query.account });
      return NextResponse.json(await handler({ user, account, request }), { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
