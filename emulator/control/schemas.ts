import { z } from "zod";

/** Bodies of the control API (`/__emulator/…`). */
const email = z.string().trim().toLowerCase().pipe(z.email());

const rawMessage = z.object({
  raw: z.string().min(1),
  labelIds: z.array(z.string()).optional(),
  internalDate: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

/** A "send mail as" alias of a user (users.settings.sendAs), besides the primary address. */
export const sendAsAliasSchema = z.object({
  sendAsEmail: email,
  displayName: z.string().default(""),
  replyToAddress: z.string().default(""),
  signature: z.string().default(""),
  isDefault: z.boolean().default(false),
  verificationStatus: z.enum(["accepted", "pending"]).default("accepted"),
});

export const putSendAsSchema = sendAsAliasSchema.extend({ email });

export const insertMessageSchema = rawMessage.extend({ email });

export const addUserSchema = z.object({
  email,
  name: z.string().min(1).optional(),
  /** A count of generated everyday messages, or raw messages to insert. */
  messages: z.union([z.number().int().min(0).max(5000), z.array(rawMessage)]).optional(),
  /** Seed for the generated messages (default: derived from the email). */
  seed: z.number().int().optional(),
  sendAs: z.array(sendAsAliasSchema).optional(),
});

export const addClientSchema = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  redirect_uris: z.array(z.url()).min(1),
  name: z.string().optional(),
  /** The client's Cloud project (Gmail push topics must be in it); default: client_id up to the first `.` or `-`. */
  project_id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional(),
});

export const revokeSchema = z.object({ email });

export const historyExpireSchema = z.object({ email });

export const expireSchema = z.object({ email: email.optional() }).default({});

export const consentSchema = z
  .object({
    email: email.optional(),
    autoApprove: z.boolean().optional(),
    grantScopes: z.array(z.string().min(1)).optional(),
    /** Press Cancel instead of Allow: the redirect carries error=access_denied and no grant changes. */
    deny: z.boolean().optional(),
  })
  .default({});

export const faultSchema = z.object({
  match: z.object({ method: z.string().min(1).optional(), path: z.string().startsWith("/").optional() }).default({}),
  status: z.number().int().min(100).max(599).optional(),
  count: z.number().int().min(1).optional(),
  rate: z.number().min(0).max(1).optional(),
  latencyMs: z.number().min(0).max(120_000).optional(),
  retryAfter: z.number().int().min(0).optional(),
  dropFields: z.array(z.string().min(1)).optional(),
  kind: z.literal("mailSending").optional(),
  skip: z.number().int().min(0).optional(),
});

export const latencySchema = z.object({ ms: z.number().min(0).max(120_000) });

/** Size caps of writing mail (bytes of the RFC 2822 message); left out: unchanged. */
export const limitsSchema = z.object({
  metadataRawBytes: z.number().int().min(1).optional(),
  uploadBytes: z.number().int().min(1).max(36_700_160).optional(),
});

/** Sends a message as a user, as if from their Gmail (another party's reply in an end-to-end test). */
export const sendAsUserSchema = z.object({ email, raw: z.string().min(1), threadId: z.string().optional() });
