import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "../errors";
import { REQUESTED_PAGE_HEADER, signInPageFor } from "./callback-path";
import { getAuthOptions } from "./options";

export type SignedInUser = { id: string; name: string | null; email: string | null; image: string | null };

/**
 * The signed-in user, or null. A tampered or unknown session cookie is simply no session. React's `cache`
 * makes it one session read per request: the layout, the page and anything else in one render share it.
 */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const user: Partial<SignedInUser> | undefined = session?.user;
  return user?.id ? { id: user.id, name: user.name ?? null, email: user.email ?? null, image: user.image ?? null } : null;
});

/** For pages: the signed-in user, or a redirect to the sign-in page, which comes back to this page after. */
export async function requireUserPage(): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) redirect(signInPageFor((await headers()).get(REQUESTED_PAGE_HEADER)));
  return user;
}

/** For API routes: the signed-in user, or a typed 401. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  return user;
}
