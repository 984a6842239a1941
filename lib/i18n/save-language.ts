import "server-only";
import { getDb } from "../db";
import type { Locale } from "./locales";

/** Remembers a signed-in person's language, so their next browser opens in it too. */
export async function saveLanguage({ userId, language }: { userId: string; language: Locale }): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { language } });
}
