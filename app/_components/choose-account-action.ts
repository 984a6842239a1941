"use server";
// The account switcher's choice, posted (a server action: same-origin POST only): the chosen account becomes
// the default. Pages and APIs that read `account=` never write, so a link cannot change the default.
import { chooseDefaultAccount } from "@/lib/accounts/linked-accounts";
import { requireUser } from "@/lib/auth/session";
import { accountEmail } from "@/lib/http/mail-query";

export async function chooseAccount(email: string): Promise<void> {
  const user = await requireUser();
  await chooseDefaultAccount({ userId: user.id, account: accountEmail.parse(email) });
}
