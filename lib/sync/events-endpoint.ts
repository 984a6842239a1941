import "server-only";
// The live inbox's stream of changes for one account, or for all of a user's accounts at once (GET
// /api/events; the route owns the HTTP). An account that needs re-authorization gets no stream: the route
// answers 401 reauth_required instead; in All accounts it is left out and shows its banner on the page.
import type { Account } from "@/generated/prisma/client";
import { listLinkedAccounts, resolveAccount } from "../accounts/linked-accounts";
import { hashSessionToken } from "../auth/hashed-sessions";
import { currentSessionToken } from "../auth/session-binding";
import { AppError, type ReauthReason, ReauthRequiredError } from "../errors";
import type { StreamStart } from "../http/events-query";
import { limitCatchUp } from "../limits/request-rates";
import { claimStreamSlot } from "../limits/stream-slots";
import { type StreamedMailbox, mailboxEventStream } from "./event-stream";

async function mailboxesFor(userId: string, account: string | undefined, since: StreamStart): Promise<StreamedMailbox[]> {
  if (account !== "all") {
    const chosen = await resolveAccount({ userId, account });
    if (chosen.reauthReason) throw new ReauthRequiredError(chosen.reauthReason as ReauthReason);
    return [{ account: chosen, since: typeof since === "string" ? since : null }];
  }
  const accounts = await listLinkedAccounts(userId);
  if (accounts.length === 0) throw new AppError("unauthenticated", "Your Google account is no longer linked. Please sign in again.");
  // An account that needs re-authorization shows its banner on the page instead; the others are followed.
  const usable = accounts.filter((linked) => !linked.reauthReason);
  if (usable.length === 0) throw new ReauthRequiredError(accounts[0]!.reauthReason as ReauthReason);
  const positions = since instanceof Map ? since : new Map<string, string>();
  return usable.map((linked: Account) => ({ account: linked, since: (linked.email && positions.get(linked.email)) || null }));
}

export async function openEventStream(options: {
  userId: string;
  /** An address of the user's, "all", or undefined for the default account. */
  account: string | undefined;
  label: string | undefined;
  since: StreamStart;
  signal: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const mailboxes = await mailboxesFor(options.userId, options.account, options.since);
  const sessionToken = await currentSessionToken();

  // Costly work a client could repeat without end: a catch-up from an old position, and one more open stream.
  for (const { account, since } of mailboxes) if (since !== null) limitCatchUp(account.id);
  const release = claimStreamSlot(options.userId);
  return mailboxEventStream({
    mailboxes,
    combined: options.account === "all",
    label: options.label,
    sessionHash: sessionToken ? hashSessionToken(sessionToken) : null,
    signal: options.signal,
    onClose: release,
  });
}
