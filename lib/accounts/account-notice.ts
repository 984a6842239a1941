// Why an add or a reconnect was refused, shown to the signed-in user on /settings. It names Google accounts,
// so it travels signed and bound to the user: a crafted link cannot put words of its choosing on our page.
import { z } from "zod";
import type { SignInRefusal } from "./sign-in-decision";
import { signPayload, verifyPayload } from "../signed-payload";

const PURPOSE = "account-notice";
const NOTICE_TTL_SECONDS = 10 * 60;

const noticeSchema = z.object({
  refusal: z.enum(["WrongAccount", "LinkedToAnotherUser", "NotLinked", "Disconnected", "NotAllowed"]),
  userId: z.string(),
  chosen: z.string(),
  expected: z.string().optional(),
  exp: z.number(),
});

export type AccountNotice = { refusal: SignInRefusal | "NotAllowed"; chosen: string; expected?: string };

export function encodeAccountNotice(secret: string, userId: string, notice: AccountNotice, nowMs = Date.now()): string {
  return signPayload(secret, PURPOSE, { ...notice, userId, exp: Math.floor(nowMs / 1000) + NOTICE_TTL_SECONDS });
}

export function decodeAccountNotice(secret: string, value: unknown, userId: string, nowMs = Date.now()): AccountNotice | null {
  if (typeof value !== "string") return null;
  const parsed = noticeSchema.safeParse(verifyPayload(secret, PURPOSE, value));
  if (!parsed.success || parsed.data.userId !== userId || parsed.data.exp * 1000 <= nowMs) return null;
  const { refusal, chosen, expected } = parsed.data;
  return expected === undefined ? { refusal, chosen } : { refusal, chosen, expected };
}
