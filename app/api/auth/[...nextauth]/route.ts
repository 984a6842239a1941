import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { withSignInContext } from "@/lib/auth/session-binding";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 reads `params.nextauth` synchronously; Next 16 passes params as a promise.
async function handler(request: Request, context: RouteContext): Promise<Response> {
  const params = await context.params;
  return withSignInContext(request, () =>
    (NextAuth(getAuthOptions()) as (request: Request, context: { params: { nextauth: string[] } }) => Promise<Response>)(request, {
      params,
    }),
  );
}

export { handler as GET, handler as POST };
