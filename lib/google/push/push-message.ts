// The body of a Pub/Sub push: an envelope whose `message.data` is base64 of Gmail's
// `{"emailAddress","historyId"}`. Gmail's guide says base64url, Pub/Sub's says base64 with padding: both
// alphabets are accepted, padded or not. Pure, so the decoding is tested alone.
import { z } from "zod";
import { HISTORY_ID } from "../../sync/stream-events";

export const MAX_PUSH_BODY = 64 * 1024;

const envelopeSchema = z.object({
  message: z.object({
    data: z.string().max(4096),
    messageId: z.string().min(1).max(256).optional(),
    message_id: z.string().min(1).max(256).optional(),
  }),
  subscription: z.string().max(1024).optional(),
});

const notificationSchema = z.object({
  emailAddress: z.email().max(320),
  historyId: z.union([z.string().regex(HISTORY_ID), z.number().int().nonnegative().transform(String)]),
});

export type PushNotification = { messageId: string | null; email: string; historyId: string };

/** Standard or URL-safe base64, with or without padding; null when it is neither. */
export function decodeBase64Loose(value: string): Buffer | null {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(trimmed)) return null;
  const unpadded = trimmed.replace(/=+$/, "");
  if (unpadded.length % 4 === 1) return null;
  return Buffer.from(unpadded.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

/** The notification a push body carries, or null when it is not a Gmail push. */
export function parsePushBody(text: string): PushNotification | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return null;
  const data = decodeBase64Loose(envelope.data.message.data);
  if (!data) return null;
  let inner: unknown;
  try {
    inner = JSON.parse(data.toString("utf8"));
  } catch {
    return null;
  }
  const notification = notificationSchema.safeParse(inner);
  if (!notification.success) return null;
  return {
    messageId: envelope.data.message.messageId ?? envelope.data.message.message_id ?? null,
    email: notification.data.emailAddress.toLowerCase(),
    historyId: notification.data.historyId,
  };
}
