// A sign-in intent: what a signed-in user asked for before going to Google ("add another account",
// "reconnect account X", or "grant X the permission to change mail"). It survives the round trip as a
// short-lived signed cookie bound to the user and naming the intent's row (sign-in-intent-store.ts), which
// the sign-in callback consumes before it decides whether the Google account that comes back may be linked.
import { z } from "zod";
import { signPayload, verifyPayload } from "../signed-payload";

export const SIGN_IN_INTENT_COOKIE = "mailroom.sign-in-intent";
/** Long enough for a consent screen, short enough that a forgotten tab's intent does not linger. */
export const SIGN_IN_INTENT_TTL_SECONDS = 10 * 60;
/** Sent only to next-auth's routes, where the callback reads it; deleting it must name the same path. */
export const SIGN_IN_INTENT_COOKIE_PATH = "/api/auth";
const PURPOSE = "sign-in-intent";

const intentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("add"), id: z.string().min(1), userId: z.string().min(1), exp: z.number() }),
  z.object({
    /** reconnect: renew the grant; grant: add a scope to it (incremental authorization, e.g. gmail.modify). */
    kind: z.enum(["reconnect", "grant"]),
    id: z.string().min(1),
    userId: z.string().min(1),
    exp: z.number(),
    /** The Google account (its `sub`) being reconnected or granted more, and its address for the messages. */
    providerAccountId: z.string().min(1),
    email: z.string(),
  }),
]);

export type SignInIntent = z.infer<typeof intentSchema>;
export type SignInIntentRequest = { kind: "add" } | { kind: "reconnect" | "grant"; providerAccountId: string; email: string };

/** `id`: the intent's row, which makes it single-use (the signature alone cannot stop a copy being replayed). */
export function encodeSignInIntent(secret: string, userId: string, id: string, request: SignInIntentRequest, nowMs = Date.now()): string {
  return signPayload(secret, PURPOSE, { ...request, id, userId, exp: Math.floor(nowMs / 1000) + SIGN_IN_INTENT_TTL_SECONDS });
}

/**
 * The intent, only if we signed it, it has not expired and it belongs to the user signed in now. Anything
 * else is no intent at all: a tampered or stale cookie, or one left by another user on a shared browser.
 * Whether it was used before is the store's question (consumeSignInIntent).
 */
export function decodeSignInIntent(
  secret: string,
  value: string | undefined,
  currentUserId: string | null,
  nowMs = Date.now(),
): SignInIntent | null {
  if (!currentUserId) return null;
  const parsed = intentSchema.safeParse(verifyPayload(secret, PURPOSE, value));
  if (!parsed.success) return null;
  if (parsed.data.exp * 1000 <= nowMs) return null;
  return parsed.data.userId === currentUserId ? parsed.data : null;
}
