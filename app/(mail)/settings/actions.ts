"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { disconnectGoogle } from "@/lib/account/disconnect-google";
import { removeAccount } from "@/lib/account/remove-account";
import { sessionAccountEmail } from "@/lib/accounts/sessions";
import { currentSessionToken } from "@/lib/auth/session-binding";
import { requireUser } from "@/lib/auth/session";
import { accountEmail } from "@/lib/http/mail-query";

/** Disconnects one of the signed-in user's accounts (the form names it); the others keep working. */
export async function disconnectGmail(form: FormData): Promise<void> {
  const user = await requireUser();
  const email = accountEmail.parse(form.get("account"));
  // Resolved against this user's own accounts: another user's address is refused, nothing is revoked.
  await disconnectGoogle({ userId: user.id, account: email });
  revalidatePath("/settings");
}

/**
 * "Remove account": unlinks one of the signed-in user's accounts (its sessions end, its watch stops, its grant
 * is revoked). When this browser signed in with it, or it was the last account, this browser is signed out
 * and goes to the sign-in page.
 */
export async function removeGmail(form: FormData): Promise<void> {
  const user = await requireUser();
  const email = accountEmail.parse(form.get("account"));
  const signedInWith = await sessionAccountEmail(await currentSessionToken());
  const outcome = await removeAccount({ userId: user.id, account: email });
  revalidatePath("/", "layout");
  if (outcome === "user-deleted" || signedInWith === email.toLowerCase()) redirect("/");
}
