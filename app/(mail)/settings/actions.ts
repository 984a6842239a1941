"use server";

import { revalidatePath } from "next/cache";
import { disconnectGoogle } from "@/lib/account/disconnect-google";
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
