import "server-only";
// Who a draft is from: the account itself, or one of its accepted send-as addresses (Gmail would silently
// swap any other for the default). The send-as list changes rarely, so each instance keeps it a few minutes
// per account: an autosave every 3 s must not cost a Gmail call each time for it.
import type { Account } from "@/generated/prisma/client";
import type { Recipient } from "../compose/addresses";
import { addressKey, parseRecipient } from "../compose/addresses";
import { AppError } from "../errors";
import { isUnauthorized, statusOf } from "../gmail/gmail-errors";
import { logWarn } from "../log";
import { type SendAsAddress, listSendAs } from "../gmail/send-as";

const TTL_MS = 5 * 60 * 1000;
/** A failed list is asked for again sooner, but not at every autosave either. */
const FAILED_TTL_MS = 60 * 1000;
const MAX_ACCOUNTS = 500;
const cache = new Map<string, { at: number; list: SendAsAddress[]; failed: boolean }>();

/** `fresh`: read from Gmail even when a recent list is kept (the composer's From picker, once per composer). */
export async function sendAsOf(account: Account, accessToken: string, now = Date.now(), fresh = false): Promise<SendAsAddress[]> {
  const cached = cache.get(account.id);
  if (cached && !fresh && now - cached.at < (cached.failed ? FAILED_TTL_MS : TTL_MS)) return cached.list;
  // Without the list (Gmail refused or failed it), the account's own address is still a correct From; it is
  // asked for again after FAILED_TTL_MS.
  const list = await listSendAs(accessToken).catch((error: unknown) => {
    // A rejected token is for withAccount to refresh, not a reason to guess.
    if (isUnauthorized(error)) throw error;
    logWarn("drafts.send_as_unavailable", { status: statusOf(error) });
    return null;
  });
  cache.delete(account.id);
  cache.set(account.id, { at: now, list: list ?? [], failed: list === null });
  while (cache.size > MAX_ACCOUNTS) cache.delete(cache.keys().next().value!);
  return list ?? [];
}

/** Every address that is the account's own: its address and all its send-as addresses. */
export function ownAddresses(account: Account, sendAs: readonly SendAsAddress[]): string[] {
  return [...(account.email ? [account.email] : []), ...sendAs.map((entry) => entry.email)];
}

/** The From of a draft: `from` if it is one of the account's own addresses (else 400), else the default. */
export function chooseSender(account: Account, sendAs: readonly SendAsAddress[], from: string | undefined): Recipient {
  const fallback = sendAs.find((entry) => entry.isDefault) ?? sendAs[0];
  if (from === undefined || from.trim() === "") {
    if (fallback) return { name: fallback.name, address: fallback.email };
    return { name: "", address: account.email ?? "" };
  }
  const wanted = parseRecipient(from);
  const match = wanted && sendAs.find((entry) => addressKey(entry.email) === addressKey(wanted.address));
  const isAccount = wanted && account.email && addressKey(account.email) === addressKey(wanted.address);
  if (match) return { name: wanted.name || match.name, address: match.email };
  if (isAccount) return { name: wanted.name, address: account.email! };
  throw new AppError("bad_request", `Invalid request: ${from} is not an address this account can send as.`);
}
