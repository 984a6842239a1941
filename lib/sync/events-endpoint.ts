import "server-only";
// The live inbox's stream of changes for one account (GET /api/events; the route owns the HTTP). An account
// that needs re-authorization gets no stream: the route answers 401 reauth_required instead.
import type { Account } from "@/generated/prisma/client";
import { hashSessionToken } from "../auth/hashed-sessions";
import { currentSessionToken } from "../auth/session-binding";
import { type ReauthReason, ReauthRequiredError } from "../errors";
import { limitCatchUp } from "../limits/request-rates";
import { claimStreamSlot } from "../limits/stream-slots";
import { mailboxEventStream } from "./event-stream";

export async function openEventStream(options: {
  account: Account;
  label: string | undefined;
  /** The history id to resume after, or null to start from the mailbox as it is now. */
  since: string | null;
  signal: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const { account } = options;
  if (account.reauthReason) throw new ReauthRequiredError(account.reauthReason as ReauthReason);
  const sessionToken = await currentSessionToken();

  // Costly work a client could repeat without end: a catch-up from an old position, and one more open stream.
  if (options.since !== null) limitCatchUp(account.id);
  const release = claimStreamSlot(account.userId);
  return mailboxEventStream({
    account,
    label: options.label,
    since: options.since,
    sessionHash: sessionToken ? hashSessionToken(sessionToken) : null,
    signal: options.signal,
    onClose: release,
  });
}
