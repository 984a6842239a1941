import "server-only";
// next-auth's `signIn` callback for Google: who is signed in here, what they asked for (the intent cookie),
// and whom the Google account already belongs to decide whether this sign-in may go on. next-auth asks before
// its adapter creates a user, links an account or stores a token, so a refusal leaves nothing behind.
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { getConfig, isEmailAllowed } from "../config";
import { getAuthOptions } from "../auth/options";
import { SIGN_IN_DISCONNECTED, SIGN_IN_NOT_ALLOWED } from "../auth/sign-in-errors";
import { getDb } from "../db";
import { GOOGLE_PROVIDER } from "../tokens/token-store";
import { encodeAccountNotice } from "./account-notice";
import { type SignInFacts, decideSignIn } from "./sign-in-decision";
import { SIGN_IN_INTENT_COOKIE, SIGN_IN_INTENT_COOKIE_PATH, decodeSignInIntent } from "./sign-in-intent";
import { consumeSignInIntent } from "./sign-in-intent-store";

type GoogleProfile = { email?: string | null; email_verified?: boolean } | undefined;

async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(getAuthOptions());
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}

/** Whom the Google account is linked to, and whether it was disconnected (with its user's other ways in). */
async function linkOf(providerAccountId: string): Promise<Pick<SignInFacts, "linkedToUserId" | "disconnected">> {
  const db = getDb();
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: GOOGLE_PROVIDER, providerAccountId } },
    select: { id: true, userId: true, disconnectedAt: true },
  });
  if (!account) return { linkedToUserId: null, disconnected: null };
  if (!account.disconnectedAt) return { linkedToUserId: account.userId, disconnected: null };
  const others = await db.account.count({ where: { userId: account.userId, id: { not: account.id }, disconnectedAt: null } });
  return { linkedToUserId: account.userId, disconnected: { anotherAccountSignsIn: others > 0 } };
}

/** true, or where to send the browser instead (with a message that names the accounts involved). */
export async function gateGoogleSignIn(providerAccountId: string, profile: GoogleProfile): Promise<true | string> {
  const config = getConfig();
  const jar = await cookies();
  const rawIntent = jar.get(SIGN_IN_INTENT_COOKIE)?.value;
  // One intent, one use: whatever happens now, it is spent (the cookie here, its row below).
  if (rawIntent !== undefined) jar.delete({ name: SIGN_IN_INTENT_COOKIE, path: SIGN_IN_INTENT_COOKIE_PATH });

  const userId = await currentUserId();
  const signed = decodeSignInIntent(config.auth.secret, rawIntent, userId);
  // The row decides, not the cookie: a copy of the cookie replayed later, or raced, finds it consumed.
  const intent = signed && userId && (await consumeSignInIntent(signed.id, userId)) ? signed : null;
  const email = (profile?.email ?? "").toLowerCase();
  const refuse = (notice: Parameters<typeof encodeAccountNotice>[2]) =>
    userId
      ? `${config.auth.url}/settings?${new URLSearchParams({ notice: encodeAccountNotice(config.auth.secret, userId, notice) })}`
      : `${config.auth.url}/?error=${notice.refusal === "Disconnected" ? SIGN_IN_DISCONNECTED : SIGN_IN_NOT_ALLOWED}`;

  // ALLOWED_EMAILS holds for every account, the first and every one added later. The profile's address
  // decides, as Google verified it on this sign-in; an address Google has not verified could be anyone's.
  const { allowedEmails } = config.auth;
  if (allowedEmails && (profile?.email_verified === false || !isEmailAllowed(allowedEmails, email))) {
    return refuse({ refusal: "NotAllowed", chosen: email || "That Google account" });
  }

  const decision = decideSignIn({
    currentUserId: userId,
    intent,
    chosen: { providerAccountId, email },
    ...(await linkOf(providerAccountId)),
  });
  if (decision.allow) return true;
  // An account that never granted Mailroom `email` (possible on a grant, which asks for gmail.modify alone)
  // comes back without an address.
  return refuse({
    refusal: decision.refusal,
    chosen: email || "another Google account",
    ...(intent?.kind === "reconnect" || intent?.kind === "grant" ? { expected: intent.email } : {}),
  });
}
