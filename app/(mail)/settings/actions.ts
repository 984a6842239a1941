"use server";

import { revalidatePath } from "next/cache";
import { disconnectGoogle } from "@/lib/account/disconnect-google";
import { requireUser } from "@/lib/auth/session";

export async function disconnectGmail(): Promise<void> {
  const user = await requireUser();
  await disconnectGoogle(user.id);
  revalidatePath("/settings");
}
