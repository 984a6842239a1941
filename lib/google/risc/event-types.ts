// Google's Cross-Account Protection event types and the subjects they name.
import { z } from "zod";

const RISC = "https://schemas.openid.net/secevent/risc/event-type/";
const OAUTH = "https://schemas.openid.net/secevent/oauth/event-type/";

export const RISC_EVENT_TYPES = {
  sessionsRevoked: `${RISC}sessions-revoked`,
  tokensRevoked: `${OAUTH}tokens-revoked`,
  tokenRevoked: `${OAUTH}token-revoked`,
  accountDisabled: `${RISC}account-disabled`,
  accountEnabled: `${RISC}account-enabled`,
  credentialChangeRequired: `${RISC}account-credential-change-required`,
  verification: `${RISC}verification`,
} as const;

/** The Google account an event is about: by its `sub`, or by one of its refresh tokens. */
export type EventSubject =
  { kind: "account"; iss: string; sub: string } | { kind: "refresh-token"; alg: "prefix" | "hash_base64_sha512_sha512"; token: string };

const issSubSchema = z.object({ subject_type: z.enum(["iss-sub", "id_token_claims"]), iss: z.string(), sub: z.string().min(1) });
const tokenSchema = z.object({
  token_type: z.literal("refresh_token"),
  token_identifier_alg: z.enum(["prefix", "hash_base64_sha512_sha512"]),
  token: z.string().min(1),
});

/** The event's subject, or null when it names none we can match (a verification event, an unknown form). */
export function parseSubject(event: Record<string, unknown>): EventSubject | null {
  const account = issSubSchema.safeParse(event.subject);
  if (account.success) return { kind: "account", iss: account.data.iss, sub: account.data.sub };
  const token = tokenSchema.safeParse(event.subject);
  if (token.success) return { kind: "refresh-token", alg: token.data.token_identifier_alg, token: token.data.token };
  return null;
}

/** The last path segment of a type URI, for logs and the SecurityEvent row. */
export function shortEventType(uri: string): string {
  return uri.slice(uri.lastIndexOf("/") + 1).slice(0, 64) || "unknown";
}
