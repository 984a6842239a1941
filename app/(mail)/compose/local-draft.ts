// What the person typed, kept in localStorage as they type, so a reload, a crash or a trip to Google's
// consent screen loses nothing beyond the last save interval. One entry per composer; sessionStorage
// remembers which composer this tab had open, so a reload reopens it (and not another tab's).
import { z } from "@/lib/browser-zod";

const PREFIX = "mailroom.composer.";
const OPEN_KEY = "mailroom.composer-open";
/** Text nobody came back for in a month is not worth restoring. */
const MAX_AGE_MS = 30 * 24 * 3600_000;

const attachmentSchema = z.object({ uploadId: z.string(), filename: z.string(), size: z.number(), mimeType: z.string() });

const localDraftSchema = z.object({
  key: z.string().min(1).max(100),
  account: z.string().min(1).max(320),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  subject: z.string(),
  /** The send-as address chosen in From; absent for the account's default. */
  from: z.string().optional(),
  html: z.string(),
  attachments: z.array(attachmentSchema),
  inReplyTo: z.object({ messageId: z.string(), mode: z.enum(["reply", "replyAll", "forward"]) }).optional(),
  draft: z.object({ id: z.string(), version: z.string() }).nullable(),
  /** A reply's or forward's quoted original, shown under the editor; the server appends it to what is sent. */
  quoteHtml: z.string().optional(),
  /** Set while Google's consent screen is open for a send: the send completes on the way back. */
  pendingSend: z.object({ sendAt: z.string().optional() }).optional(),
  /** Set while Google's consent screen is open: back here, a refusal again means the person declined. */
  grantAsked: z.boolean().optional(),
  /** Read back from this browser rather than from Gmail: it may hold text Gmail has not got. */
  restored: z.boolean().optional(),
  savedAt: z.number(),
});

export type LocalDraft = z.infer<typeof localDraftSchema>;
export type LocalAttachment = z.infer<typeof attachmentSchema>;

type Stores = {
  local: Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;
  session: Pick<Storage, "getItem" | "setItem" | "removeItem">;
};

function browserStores(): Stores | null {
  try {
    return typeof window === "undefined" ? null : { local: window.localStorage, session: window.sessionStorage };
  } catch {
    return null;
  }
}

function parse(text: string | null): LocalDraft | null {
  if (text === null) return null;
  try {
    const parsed = localDraftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the composer's content; a full storage only loses the browser copy (Gmail's draft still saves). */
export function keepLocalDraft(draft: LocalDraft, stores = browserStores()): void {
  if (!stores) return;
  try {
    stores.local.setItem(PREFIX + draft.key, JSON.stringify(draft));
    stores.session.setItem(OPEN_KEY, draft.key);
  } catch {
    // Quota exceeded or storage disabled: nothing more to do here.
  }
}

export function forgetLocalDraft(key: string, stores = browserStores()): void {
  if (!stores) return;
  stores.local.removeItem(PREFIX + key);
  if (stores.session.getItem(OPEN_KEY) === key) stores.session.removeItem(OPEN_KEY);
}

/** The composer this tab had open when it was reloaded or left for Google, if its text is still kept. */
export function openLocalDraft(stores = browserStores(), now = Date.now()): LocalDraft | null {
  if (!stores) return null;
  const key = stores.session.getItem(OPEN_KEY);
  if (key === null) return null;
  const draft = parse(stores.local.getItem(PREFIX + key));
  if (!draft || now - draft.savedAt > MAX_AGE_MS) {
    stores.session.removeItem(OPEN_KEY);
    return null;
  }
  return { ...draft, restored: true };
}

/** Text kept for a Gmail draft (typed here but perhaps never saved there), to restore when it is reopened. */
export function localDraftFor(draftId: string, stores = browserStores()): LocalDraft | null {
  if (!stores) return null;
  for (let index = 0; index < stores.local.length; index++) {
    const name = stores.local.key(index);
    if (!name?.startsWith(PREFIX)) continue;
    const draft = parse(stores.local.getItem(name));
    if (draft?.draft?.id === draftId) return { ...draft, restored: true };
  }
  return null;
}

export function newComposerKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}
