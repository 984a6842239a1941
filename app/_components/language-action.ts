"use server";
// The language setting: this browser's cookie (so the very next page, even before sign-in, is in it) and,
// when someone is signed in, their account (so their other browsers follow).
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { getSignedInUser } from "@/lib/auth/session";
import { LANGUAGE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { saveLanguage } from "@/lib/i18n/save-language";

const languageSchema = z.enum(LOCALES);

export async function chooseLanguage(form: FormData): Promise<void> {
  const parsed = languageSchema.safeParse(form.get("language"));
  // A forged value changes nothing.
  if (!parsed.success) return;
  const language = parsed.data;
  const user = await getSignedInUser();
  if (user) await saveLanguage({ userId: user.id, language });
  (await cookies()).set(LANGUAGE_COOKIE, language, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: false });
  revalidatePath("/", "layout");
}
