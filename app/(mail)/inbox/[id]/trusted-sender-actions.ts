"use server";
// "Always show images from …" on a conversation, and "Forget" in Settings: the account's trusted senders.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { accountEmail } from "@/lib/http/mail-query";
import { forgetTrustedSender, senderKey, trustSender } from "@/lib/images/trusted-senders";

const senderForm = z.object({
  account: accountEmail,
  address: z
    .string()
    .max(320)
    .refine((value) => senderKey(value) !== null),
  returnTo: z.string().max(2000).optional(),
});

async function readForm(form: FormData) {
  const parsed = senderForm.safeParse({
    account: form.get("account"),
    address: form.get("address"),
    returnTo: form.get("returnTo") ?? undefined,
  });
  if (!parsed.success) throw new AppError("bad_request", "Invalid request: an account and a sender's address are needed.");
  const user = await requireUser();
  const account = await resolveAccount({ userId: user.id, account: parsed.data.account });
  return { account, address: parsed.data.address, returnTo: parsed.data.returnTo };
}

/** Shows this sender's images in this account from now on, and comes back to the conversation with them shown. */
export async function trustSenderAction(form: FormData): Promise<void> {
  const { account, address, returnTo } = await readForm(form);
  await trustSender(account.id, address);
  redirect(safeCallbackPath(returnTo));
}

/** Settings' "Forget": this sender's images are hidden again until shown. */
export async function forgetTrustedSenderAction(form: FormData): Promise<void> {
  const { account, address } = await readForm(form);
  await forgetTrustedSender(account.id, address);
  revalidatePath("/settings");
}
