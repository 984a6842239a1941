"use server";

import { revalidatePath } from "next/cache";
import { markLinkNoticeSeen } from "@/lib/accounts/linked-account-notice";
import { signOutOtherSessions } from "@/lib/accounts/sessions";
import { currentSessionToken } from "@/lib/auth/session-binding";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** "Sign out everywhere else": the signed-in user's other sessions end; this one stays. */
export async function signOutOtherSessionsAction(): Promise<void> {
  const user = await requireUser();
  const token = await currentSessionToken();
  if (!token) throw new AppError("unauthenticated", "Sign in to continue.");
  await signOutOtherSessions(user.id, token);
  revalidatePath("/settings");
}

/** "Got it" on the linked-account notice: this session has seen every link made until now. */
export async function dismissLinkNoticeAction(): Promise<void> {
  await requireUser();
  await markLinkNoticeSeen(await currentSessionToken());
  revalidatePath("/", "layout");
}
