import { readBearerToken } from "../http/params";
import type { EmuRequest, EmuResponse } from "../http/types";
import { GMAIL_SCOPES } from "../oauth/scopes";
import type { EmulatorState } from "../state";
import type { Account } from "../users";
import { forbidden, insufficientScope, invalidCredentials, missingCredentials } from "./errors";
import type { Mailbox } from "./mailbox";

/**
 * What a method needs: reading (any Gmail read scope), labels (read or gmail.labels), modifying, deleting
 * for good (only https://mail.google.com/), and the scope sets of the drafts, send, settings and label-writing
 * methods as Gmail's discovery document lists them.
 */
export type AccessLevel =
  "read" | "labels" | "profile" | "modify" | "full" | "draftsRead" | "compose" | "send" | "settingsRead" | "labelsWrite";

const READ_SCOPES = [GMAIL_SCOPES.readonly, GMAIL_SCOPES.modify, GMAIL_SCOPES.full, GMAIL_SCOPES.metadata];
const ALLOWED: Record<AccessLevel, readonly string[]> = {
  read: READ_SCOPES,
  labels: [...READ_SCOPES, GMAIL_SCOPES.labels],
  // getProfile also answers a gmail.compose token (a compose-only client learns its own address).
  profile: [...READ_SCOPES, GMAIL_SCOPES.labels, GMAIL_SCOPES.compose],
  modify: [GMAIL_SCOPES.modify, GMAIL_SCOPES.full],
  full: [GMAIL_SCOPES.full],
  // Writing mail: gmail.compose reads and writes drafts but reads no other mail; gmail.send only sends.
  draftsRead: [GMAIL_SCOPES.readonly, GMAIL_SCOPES.modify, GMAIL_SCOPES.compose, GMAIL_SCOPES.full],
  compose: [GMAIL_SCOPES.modify, GMAIL_SCOPES.compose, GMAIL_SCOPES.full],
  send: [GMAIL_SCOPES.modify, GMAIL_SCOPES.compose, GMAIL_SCOPES.send, GMAIL_SCOPES.full],
  settingsRead: [GMAIL_SCOPES.readonly, GMAIL_SCOPES.modify, GMAIL_SCOPES.settingsBasic, GMAIL_SCOPES.full],
  labelsWrite: [GMAIL_SCOPES.modify, GMAIL_SCOPES.labels, GMAIL_SCOPES.full],
};

export interface GmailCaller {
  account: Account;
  mailbox: Mailbox;
  /** The OAuth client the token was issued to (its project owns the push topics `users.watch` may name). */
  clientId: string;
  /** Only gmail.metadata was granted: no `q`, no bodies (Gmail answers 403). */
  metadataOnly: boolean;
}

/**
 * Gmail's checks, in Gmail's order: credentials (401), scope (403 insufficient scopes), then the userId
 * (403 "Delegation denied"). `operation` names the method in the 403's ErrorInfo.
 */
export function authorizeGmail(
  state: EmulatorState,
  req: EmuRequest,
  userId: string,
  level: AccessLevel,
  operation: string,
): GmailCaller | EmuResponse {
  const token = readBearerToken(req);
  if (token === undefined) return missingCredentials();
  const record = token === "" ? undefined : state.tokens.validAccessToken(token);
  const account = record ? state.users.find(record.email) : undefined;
  const mailbox = account ? state.users.mailbox(account.email) : undefined;
  if (!record || !account || !mailbox) return invalidCredentials();
  if (!record.scopes.some((s) => ALLOWED[level].includes(s))) return insufficientScope(operation);
  if (userId !== "me" && userId.toLowerCase() !== account.email.toLowerCase()) return forbidden(`Delegation denied for ${userId}`);
  const full = [GMAIL_SCOPES.readonly, GMAIL_SCOPES.modify, GMAIL_SCOPES.full];
  return {
    account,
    mailbox,
    clientId: record.clientId,
    metadataOnly: !record.scopes.some((s) => full.includes(s as (typeof full)[number])),
  };
}

export function isResponse(value: GmailCaller | EmuResponse): value is EmuResponse {
  return "status" in value;
}
