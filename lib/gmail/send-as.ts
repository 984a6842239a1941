import "server-only";
// The addresses an account may send as (users.settings.sendAs.list): its primary address and the aliases
// Gmail has verified. Gmail silently swaps any other From for the default address, so Mailroom offers and
// accepts only these. A missing verificationStatus (the primary, same-domain Workspace aliases) is usable.
import type { gmail_v1 } from "@googleapis/gmail";
import { gmailApiFor } from "./gmail-client";

export type SendAsAddress = { email: string; name: string; isDefault: boolean };

export function usableSendAs(entries: readonly gmail_v1.Schema$SendAs[]): SendAsAddress[] {
  return entries.flatMap((entry) => {
    const email = entry.sendAsEmail?.trim();
    if (!email) return [];
    const usable = entry.isPrimary === true || !entry.verificationStatus || entry.verificationStatus === "accepted";
    return usable ? [{ email, name: entry.displayName ?? "", isDefault: entry.isDefault === true }] : [];
  });
}

export async function listSendAs(accessToken: string): Promise<SendAsAddress[]> {
  const { users, auth } = gmailApiFor(accessToken);
  const { data } = await users.settings.sendAs.list({ userId: "me", auth });
  return usableSendAs(data.sendAs ?? []);
}
