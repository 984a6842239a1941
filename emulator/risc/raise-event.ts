import { DEV_CLIENT_ID } from "../oauth/clients";
import { signJwt } from "../oauth/jwt";
import type { TokenStore } from "../oauth/token-store";
import type { EmulatorState } from "../state";
import type { Account } from "../users";
import { deliverSet, type DeliveryOutcome } from "./delivery";
import { EVENT_TYPES, type EventName } from "./event-types";
import { forgeSet, SET_CONTENT_TYPE, type ForgeKind, type SetBody } from "./forgeries";
import type { DeliveryRecord, RiscState, StreamConfig } from "./risc-state";
import { buildSetClaims, type TokenIdentifierAlg } from "./set-claims";

/** The body of `POST /__emulator/risc/events`, as validated by the control schema. */
export interface RiscEventInput {
  email?: string;
  type?: EventName;
  reason?: string;
  state?: string;
  token?: string;
  tokenIdentifierAlg: TokenIdentifierAlg;
  aud?: string | string[];
  forge?: ForgeKind;
  /** false: deliver the SET but leave the emulator's own tokens alone. */
  apply: boolean;
}

export type RaiseResult = { ok: true; answer: Record<string, unknown> } | { ok: false; status: number; message: string };

const fail = (status: number, message: string): RaiseResult => ({ ok: false, status, message });

/**
 * Raises one security event: applies its meaning to the emulator's tokens where Google would, signs the SET and
 * pushes it to the stream. Forgeries are built from the same claims, change nothing and are sent once (an
 * attacker does not retry); `replay` re-sends the last genuine SET byte for byte.
 */
export async function raiseSecurityEvent(state: EmulatorState, input: RiscEventInput): Promise<RaiseResult> {
  const risc = state.risc;
  const stream = risc.stream;
  if (!stream) return fail(409, "No RISC stream configured: POST /__emulator/risc/stream {url} first");
  if (input.forge === "replay") return replay(risc, stream);
  const event = input.type;
  if (event === undefined) return fail(400, "type: required");
  const invalid = attributeProblem(event, input);
  if (invalid !== undefined) return fail(400, invalid);

  let account: Account | undefined;
  if (event !== "verification") {
    if (input.email === undefined) return fail(400, `email: required for ${event}`);
    account = state.users.find(input.email);
    if (!account) return fail(404, `No such user: ${input.email}`);
  }
  const audience = input.aud ?? DEV_CLIENT_ID;
  const clients = Array.isArray(audience) ? audience : [audience];
  let token: { value: string; alg: TokenIdentifierAlg } | undefined;
  if (event === "token-revoked" && account) {
    const value = input.token ?? state.tokens.latestRefreshToken(account.email, clients[0] ?? DEV_CLIENT_ID)?.token;
    if (value === undefined) return fail(409, `${account.email} has no live refresh token for ${clients[0] ?? DEV_CLIENT_ID}; pass token`);
    token = { value, alg: input.tokenIdentifierAlg };
  }

  const claims = buildSetClaims({
    issuer: risc.issuer,
    audience,
    event,
    ...(account ? { sub: account.sub } : {}),
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
    ...(input.state !== undefined ? { state: input.state } : {}),
    ...(token ? { token } : {}),
  });
  const keys = await state.keys;
  const base = { t: Date.now(), type: EVENT_TYPES[event], ...(account ? { email: account.email } : {}) };
  const record = risc.recorder();

  if (input.forge) {
    const forged = await forgeSet(input.forge, claims, keys);
    const outcome = await deliverSet(stream, forged, 0);
    return answer(record, { ...base, jti: jtiOf(forged.body), forge: input.forge }, outcome);
  }

  const revoked = input.apply && account ? applyEvent(state.tokens, event, account.email, clients) : 0;
  const jti = claims.jti as string;
  const set: SetBody = { body: signJwt(keys, claims), contentType: SET_CONTENT_TYPE };
  const extra = { revoked };
  // Google sends only what the stream asked for, and a disabled stream loses events instead of buffering them.
  if (stream.status === "disabled") return answer(record, { ...base, jti, dropped: "stream-disabled" }, undefined, extra);
  if (!stream.eventsRequested.includes(event)) return answer(record, { ...base, jti, dropped: "not-requested" }, undefined, extra);
  risc.lastSet = { ...set, jti, type: base.type, ...(account ? { email: account.email } : {}) };
  return answer(record, { ...base, jti }, await deliverSet(stream, set), extra);
}

async function replay(risc: RiscState, stream: StreamConfig): Promise<RaiseResult> {
  const last = risc.lastSet;
  if (!last) return fail(409, "Nothing to replay: no SET has been sent since the last reset");
  const record = risc.recorder();
  const outcome = await deliverSet(stream, last, 0);
  const { jti, type } = last;
  return answer(record, { t: Date.now(), jti, type, ...(last.email !== undefined ? { email: last.email } : {}), forge: "replay" }, outcome);
}

/** Google attaches `reason` only to account-disabled and `state` only to verification. */
function attributeProblem(event: EventName, input: RiscEventInput): string | undefined {
  if (input.reason !== undefined && event !== "account-disabled") return "reason: only account-disabled carries a reason";
  if (input.state !== undefined && event !== "verification") return "state: only verification carries a state";
  if (input.token !== undefined && event !== "token-revoked") return "token: only token-revoked names a token";
  return undefined;
}

/**
 * What the event means for Google's own tokens. tokens-revoked and token-revoked end the user's grant to the
 * audience client(s), exactly as `POST /__emulator/revoke` and Google's revoke endpoint do (revoking one token
 * ends the whole grant). A disabled account's tokens stop working everywhere, so account-disabled ends every
 * grant of the user; re-enabling does not bring them back. The other events change nothing on Google's side.
 */
function applyEvent(tokens: TokenStore, event: EventName, email: string, clients: readonly string[]): number {
  if (event === "tokens-revoked" || event === "token-revoked")
    return clients.reduce((n, client) => n + tokens.revokeGrant(email, client), 0);
  if (event === "account-disabled") return tokens.revokeGrant(email);
  return 0;
}

function answer(
  record: (entry: DeliveryRecord) => void,
  entry: Omit<DeliveryRecord, "status" | "attempts" | "delivered">,
  outcome: DeliveryOutcome | undefined,
  extra: Record<string, unknown> = {},
): RaiseResult {
  const result = outcome ?? { status: null, attempts: 0, delivered: false };
  const full: DeliveryRecord = {
    ...entry,
    ...result,
    ...(outcome && !outcome.delivered && !entry.forge ? { dropped: "retries-exhausted" as const } : {}),
  };
  record(full);
  const { jti, forge, status, attempts, delivered, dropped, error } = full;
  return { ok: true, answer: { ok: true, status, jti, attempts, delivered, ...{ forge, dropped, error }, ...extra } };
}

/** The jti inside a (possibly forged) compact JWT, or null when the body is not one. */
function jtiOf(body: string): string | null {
  const payload = body.split(".")[1];
  if (payload === undefined) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { jti?: unknown };
    return typeof claims.jti === "string" ? claims.jti : null;
  } catch {
    return null;
  }
}
