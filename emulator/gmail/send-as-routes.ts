import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { Account } from "../users";
import type { EmulatorState } from "../state";
import { authorizeGmail, isResponse } from "./access";
import { notFound } from "./errors";
import type { Mailbox } from "./mailbox";
import { gmailOk } from "./respond";

const BASE = "/gmail/v1/users/:userId/settings/sendAs";

/**
 * users.settings.sendAs.list and get (gmail.readonly, gmail.modify, gmail.settings.basic or mail.google.com;
 * not gmail.compose or gmail.send). The primary address comes first and has no verificationStatus; aliases
 * (seeded through the control API) are `accepted` or `pending`. An address that is neither → 404.
 */
export function registerSendAsRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", BASE, (req, p) =>
    answer(state, req, p, "ListSendAs", (account, mailbox) => ({ sendAs: sendAsList(account, mailbox) })),
  );
  router.add("GET", `${BASE}/:email`, (req, p) =>
    answer(state, req, p, "GetSendAs", (account, mailbox) => {
      const wanted = (p.email ?? "").toLowerCase();
      return sendAsList(account, mailbox).find((s) => String(s.sendAsEmail).toLowerCase() === wanted);
    }),
  );
}

function answer(
  state: EmulatorState,
  req: EmuRequest,
  p: Params,
  operation: string,
  build: (account: Account, mailbox: Mailbox) => unknown,
): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "settingsRead", operation);
  if (isResponse(caller)) return caller;
  const value = build(caller.account, caller.mailbox);
  return value === undefined ? notFound() : gmailOk(value, req.query);
}

function sendAsList(account: Account, mailbox: Mailbox): Record<string, unknown>[] {
  const primaryIsDefault = mailbox.sendAs.defaultAlias() === undefined;
  const primary = {
    sendAsEmail: account.email,
    displayName: account.name,
    replyToAddress: "",
    signature: "",
    isPrimary: true,
    isDefault: primaryIsDefault,
  };
  const aliases = mailbox.sendAs.list().map((alias) => ({
    sendAsEmail: alias.sendAsEmail,
    displayName: alias.displayName,
    replyToAddress: alias.replyToAddress,
    signature: alias.signature,
    isPrimary: false,
    isDefault: alias.isDefault && alias.verificationStatus === "accepted",
    treatAsAlias: true,
    verificationStatus: alias.verificationStatus,
  }));
  return [primary, ...aliases];
}
