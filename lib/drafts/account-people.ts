import "server-only";
// The composer's helpers around a draft: who the account may send as, and the people it writes to.
import type { Account } from "@/generated/prisma/client";
import { type Contact, suggestContacts } from "../gmail/contacts";
import { withAccount } from "../gmail/mailbox-access";
import type { SendAsAddress } from "../gmail/send-as";
import { ownAddresses, sendAsOf } from "./sender";

/** Read fresh: an alias added in Gmail a minute ago is offered, and its drafts are then accepted (the list is kept). */
export async function listAccountSendAs(account: Account): Promise<SendAsAddress[]> {
  return withAccount(account, "message", (accessToken) => sendAsOf(account, accessToken, Date.now(), true));
}

export async function suggestAccountContacts(account: Account, query: string): Promise<Contact[]> {
  return withAccount(account, "message", async (accessToken) =>
    suggestContacts({
      accountId: account.id,
      accessToken,
      ownAddresses: ownAddresses(account, await sendAsOf(account, accessToken)),
      query,
    }),
  );
}
