// The browser's calls for writing mail (drafts, send, scheduled sends, contacts), each turned into an
// outcome the composer can show: done, a conflict, a missing permission, or a failure in words a person
// reads (the API's own message when it has one, never its JSON).
import type { SaveOutcome, SavedDraft } from "./autosave";
import type { ReplyMode } from "./quote";

export type DraftBody = {
  account: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  attachments: string[];
  /** A send-as address of the account; the server uses the account's default without it. */
  from?: string;
  inReplyTo?: { messageId: string; mode: ReplyMode };
};

/** What went wrong, for a page in another language to say in its own words: the API's code, the HTTP status (0: unreachable). */
export type Problem = { code: string | null; status: number; invalidRecipients?: string[] | undefined };

export type Failure = {
  kind: "failed" | "scope_required" | "conflict" | "not_found";
  /** In English: the API's own message, or this module's when the API gave none. */
  message: string;
  problem: Problem;
  invalidRecipients?: string[];
  /** With a conflict: the draft's current version, to overwrite it if the person keeps theirs. */
  version?: string;
};

export type Result<T> = { kind: "ok"; value: T } | Failure;

const OFFLINE = "Mailroom could not be reached. Check your connection; your text is kept in this browser.";

function fallbackFor(status: number): string {
  if (status === 429) return "Gmail is getting too many requests right now. Try again in a moment.";
  if (status === 401) return "Your session has ended. Sign in again; your text is kept in this browser.";
  if (status === 413) return "The attachments are larger than Gmail accepts (25 MB in all).";
  if (status >= 500) return "Gmail did not answer properly. Try again in a moment.";
  return `The request was refused (HTTP ${status}).`;
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; invalidRecipients?: unknown; version?: unknown } };

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export async function requestJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      ...(init.body === undefined ? {} : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(init.body) }),
    });
  } catch {
    return { kind: "failed", message: OFFLINE, problem: { code: null, status: 0 } };
  }
  const body = await readJson(response);
  if (response.ok) return { kind: "ok", value: body as T };
  const error = (body as ErrorBody | null)?.error;
  const message = typeof error?.message === "string" && error.message ? error.message : fallbackFor(response.status);
  const invalid = Array.isArray(error?.invalidRecipients)
    ? error.invalidRecipients.filter((item): item is string => typeof item === "string")
    : undefined;
  const problem: Problem = {
    code: typeof error?.code === "string" ? error.code : null,
    status: response.status,
    invalidRecipients: invalid,
  };
  if (response.status === 403 && error?.code === "scope_required") return { kind: "scope_required", message, problem };
  if (response.status === 409 && error?.code === "draft_conflict") {
    return { kind: "conflict", message, problem, ...(typeof error.version === "string" ? { version: error.version } : {}) };
  }
  if (response.status === 404) return { kind: "not_found", message, problem };
  return { kind: "failed", message: invalid?.length ? `${message} (${invalid.join(", ")})` : message, problem, invalidRecipients: invalid };
}

export type DraftAttachment = { uploadId: string; filename: string; size: number; mimeType: string };

type Saved = { id: string; messageId: string; threadId: string; version: string; attachments?: DraftAttachment[] };

export type DraftSaveOutcome = SaveOutcome | { kind: "saved"; draft: SavedDraft; attachments: DraftAttachment[] };

/**
 * Creates the draft (no `draft` yet) or updates it with the version last saved; `final` when the composer
 * closes (the server writes a large draft's held save to Gmail then).
 */
export async function saveDraft(body: DraftBody, draft: SavedDraft | null, final = false): Promise<DraftSaveOutcome> {
  const { inReplyTo, ...rest } = body;
  const result = draft
    ? await requestJson<Saved>(`/api/drafts/${encodeURIComponent(draft.id)}`, {
        method: "PUT",
        body: { ...rest, version: draft.version, ...(final ? { final } : {}) },
      })
    : await requestJson<Saved>("/api/drafts", { method: "POST", body: inReplyTo ? { ...rest, inReplyTo } : rest });
  if (result.kind === "ok") {
    return { kind: "saved", draft: { id: result.value.id, version: result.value.version }, attachments: result.value.attachments ?? [] };
  }
  if (result.kind === "conflict") return { kind: "conflict", ...(result.version ? { version: result.version } : {}) };
  if (result.kind === "scope_required") return { kind: "scope_required", message: result.message };
  return { kind: "failed", message: result.message, problem: result.problem };
}

export type StoredDraft = {
  id: string;
  messageId: string;
  threadId: string;
  account: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  version: string;
  attachments: DraftAttachment[];
  /** The From header as the draft has it ("Name <address>" or an address). */
  from?: string;
};

export function getDraft(id: string, account?: string): Promise<Result<StoredDraft>> {
  return requestJson<StoredDraft>(`/api/drafts/${encodeURIComponent(id)}${account ? `?${new URLSearchParams({ account })}` : ""}`);
}

export type DraftRow = { id: string; messageId: string; threadId: string; to: string[]; subject: string; snippet: string; updated: string };

export function listDrafts(account?: string): Promise<Result<{ drafts: DraftRow[] }>> {
  return requestJson(`/api/drafts${account ? `?${new URLSearchParams({ account })}` : ""}`);
}

export type ScheduledSend = { id: string; draftId: string; sendAt: string; undoUntil: string };

export function sendDraft(account: string, draftId: string, sendAt?: string): Promise<Result<{ scheduled: ScheduledSend }>> {
  return requestJson("/api/send", { method: "POST", body: sendAt ? { account, draftId, sendAt } : { account, draftId } });
}

export function cancelScheduled(id: string): Promise<Result<unknown>> {
  return requestJson(`/api/scheduled/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export type Contact = { name: string | null; email: string };

export async function searchContacts(account: string, q: string, signal?: AbortSignal): Promise<Contact[]> {
  try {
    const response = await fetch(`/api/contacts?${new URLSearchParams({ account, q })}`, { credentials: "same-origin", signal });
    if (!response.ok) return [];
    const body = (await response.json()) as { contacts?: Contact[] };
    return Array.isArray(body.contacts) ? body.contacts : [];
  } catch {
    return [];
  }
}

export type SendAsAddress = { email: string; name: string; isDefault: boolean };

/** The addresses the account may send as; empty when they cannot be read (the server then uses its default). */
export async function listSendAs(account: string): Promise<SendAsAddress[]> {
  const result = await requestJson<{ sendAs?: SendAsAddress[] }>(`/api/drafts/send-as?${new URLSearchParams({ account })}`);
  return result.kind === "ok" && Array.isArray(result.value.sendAs) ? result.value.sendAs : [];
}

export function deleteDraft(id: string, account: string): Promise<Result<unknown>> {
  return requestJson(`/api/drafts/${encodeURIComponent(id)}?${new URLSearchParams({ account })}`, { method: "DELETE" });
}
