"use server";
// Records what a signed-in user is about to do at Google (add an account, reconnect one of theirs, grant one
// of theirs a further permission) as a short-lived signed cookie, read back by the sign-in callback when
// Google returns.
import { cookies } from "next/headers";
import { z } from "zod";
import { resolveAccount } from "@/lib/accounts/linked-accounts";
import {
  SIGN_IN_INTENT_COOKIE,
  SIGN_IN_INTENT_COOKIE_PATH,
  SIGN_IN_INTENT_TTL_SECONDS,
  encodeSignInIntent,
} from "@/lib/accounts/sign-in-intent";
import { createSignInIntent } from "@/lib/accounts/sign-in-intent-store";
import { requireUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { accountEmail } from "@/lib/http/mail-query";

const requestSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("add") }).strict(),
  z.object({ kind: z.literal("reconnect"), email: accountEmail }).strict(),
  z.object({ kind: z.literal("grant"), email: accountEmail }).strict(),
]);

export type SignInIntentInput = z.input<typeof requestSchema>;

export async function prepareSignInIntent(input: SignInIntentInput): Promise<void> {
  const user = await requireUser();
  const request = requestSchema.parse(input);
  const config = getConfig();
  // A reconnect or a grant names one of this user's own accounts; anything else is refused here, before Google.
  const intent =
    request.kind === "add"
      ? { kind: "add" as const }
      : await resolveAccount({ userId: user.id, account: request.email }).then((account) => ({
          kind: request.kind,
          providerAccountId: account.providerAccountId,
          email: account.email ?? request.email,
        }));
  const id = await createSignInIntent(user.id);
  (await cookies()).set(SIGN_IN_INTENT_COOKIE, encodeSignInIntent(config.auth.secret, user.id, id, intent), {
    httpOnly: true,
    // Lax: Google's redirect back to our callback is a top-level GET navigation, which carries it.
    sameSite: "lax",
    secure: config.auth.url.startsWith("https:"),
    path: SIGN_IN_INTENT_COOKIE_PATH,
    maxAge: SIGN_IN_INTENT_TTL_SECONDS,
  });
}
