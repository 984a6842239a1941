// The action a user asked for when Mailroom had to go to Google for the gmail.modify permission first. It
// waits in sessionStorage (this tab only, gone when the tab closes) and is replayed once on the page it
// was asked on, whatever Google answered: granted, it completes; declined, Gmail refuses it again and the
// page says Mailroom stays read-only.
import { z } from "@/lib/browser-zod";
import { MAIL_ACTIONS, MAX_ACTION_IDS } from "@/lib/mail/mail-actions";

export const PENDING_ACTION_KEY = "mailroom.pending-action";

/** A consent screen left open longer than this is not the action the user still means. */
const MAX_AGE_MS = 15 * 60_000;

const pendingActionSchema = z.object({
  account: z.string().min(1).max(320),
  returnTo: z.string().startsWith("/").max(8000),
  action: z.enum(MAIL_ACTIONS),
  threadIds: z
    .array(z.string().regex(/^[0-9a-f]{1,32}$/))
    .min(1)
    .max(MAX_ACTION_IDS),
  labelId: z.string().max(100).optional(),
  savedAt: z.number(),
});

export type PendingAction = z.infer<typeof pendingActionSchema>;

type SessionStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function savePendingAction(store: SessionStore, pending: PendingAction): void {
  store.setItem(PENDING_ACTION_KEY, JSON.stringify(pending));
}

export function clearPendingAction(store: SessionStore): void {
  store.removeItem(PENDING_ACTION_KEY);
}

/** Query parameters an OAuth round trip may add on the way back; they do not make it another page. */
const TRANSIENT_PARAMS = new Set(["grant", "error", "scope", "code", "state"]);

/** Path and query, the latter sorted and without transient parameters. */
function normalizedLocation(location: string): string {
  const url = new URL(location, "http://mailroom.invalid");
  const params = [...url.searchParams].filter(([key]) => !TRANSIENT_PARAMS.has(key)).sort(([a], [b]) => a.localeCompare(b));
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
}

/**
 * The pending action for this page and account, removed from storage so it runs at most once; null when
 * there is none for here. A malformed or stale entry is dropped.
 */
export function takePendingAction(
  store: SessionStore,
  here: { location: string; accounts: readonly string[] },
  now = Date.now(),
): PendingAction | null {
  const stored = store.getItem(PENDING_ACTION_KEY);
  if (stored === null) return null;
  let parsed: ReturnType<typeof pendingActionSchema.safeParse>;
  try {
    parsed = pendingActionSchema.safeParse(JSON.parse(stored));
  } catch {
    parsed = pendingActionSchema.safeParse(null);
  }
  if (!parsed.success || now - parsed.data.savedAt > MAX_AGE_MS || parsed.data.savedAt > now + 60_000) {
    store.removeItem(PENDING_ACTION_KEY);
    return null;
  }
  const pending = parsed.data;
  if (normalizedLocation(pending.returnTo) !== normalizedLocation(here.location)) return null;
  if (!here.accounts.some((account) => account.toLowerCase() === pending.account.toLowerCase())) return null;
  store.removeItem(PENDING_ACTION_KEY);
  return pending;
}
