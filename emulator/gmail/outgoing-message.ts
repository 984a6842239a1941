import { randomBytes } from "node:crypto";
import type { EmuResponse } from "../http/types";
import type { Account } from "../users";
import { type Address, parseAddressList } from "./addresses";
import { invalidArgument } from "./errors";
import type { Mailbox } from "./mailbox";
import { type RawHeaders, rawValues, withField, withFieldFirst } from "./raw-headers";

const RECIPIENT_HEADERS = ["To", "Cc", "Bcc"] as const;

/**
 * Gmail has no envelope: the recipients are whatever To, Cc and Bcc say. A header that does not parse as an
 * address list is refused ("Invalid To header"), on drafts as on sends.
 */
export function readRecipients(message: RawHeaders): Address[] | EmuResponse {
  const all: Address[] = [];
  for (const name of RECIPIENT_HEADERS) {
    for (const value of rawValues(message, name)) {
      const parsed = parseAddressList(value);
      if (!parsed) return invalidArgument(`Invalid ${name} header`);
      all.push(...parsed);
    }
  }
  return all;
}

/** The addresses a user sends as: the primary one and every accepted alias. */
export function ownAddresses(account: Account, mailbox: Mailbox): Set<string> {
  const own = new Set([account.email.toLowerCase()]);
  for (const alias of mailbox.sendAs.list()) if (alias.verificationStatus === "accepted") own.add(alias.sendAsEmail.toLowerCase());
  return own;
}

/**
 * What Gmail does to a message it sends: a Message-ID of its own (`<CA…@mail.gmail.com>`, the client's is
 * discarded), a Received line naming its API front end, a Date when there is none, and a From that is the
 * primary address or an accepted alias, else silently the default address (the display name is kept, none added).
 */
export function prepareSentCopy(message: RawHeaders, account: Account, mailbox: Mailbox, projectNumber: string, now: Date): RawHeaders {
  let out = withField(message, "Message-ID", `<CA${randomBytes(33).toString("base64url")}@mail.gmail.com>`);
  if (rawValues(out, "Date").length === 0) out = withField(out, "Date", rfc2822Date(now));
  out = withField(out, "From", fromValue(rawValues(message, "From")[0], account, mailbox));
  return withFieldFirst(out, "Received", `from ${projectNumber} named unknown by gmailapi.google.com with HTTPREST; ${rfc2822Date(now)}`);
}

function fromValue(raw: string | undefined, account: Account, mailbox: Mailbox): string {
  const defaultAddress = mailbox.sendAs.defaultAlias()?.sendAsEmail ?? account.email;
  if (raw === undefined || raw.trim() === "") return defaultAddress;
  const parsed = parseAddressList(raw);
  const from = parsed?.length === 1 ? parsed[0] : undefined;
  if (from && ownAddresses(account, mailbox).has(from.email)) return raw;
  const phrase = /^(.*)<[^<>]*>\s*$/.exec(raw)?.[1]?.trim() ?? "";
  return phrase === "" ? defaultAddress : `${phrase} <${defaultAddress}>`;
}

export function rfc2822Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}
