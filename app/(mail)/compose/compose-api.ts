// The browser's calls for writing mail (drafts, send, scheduled sends, contacts), each turned into an
// outcome the composer can show: done, a conflict, a missing permission, or a failure (request-failure.ts; the
// page says it in the person's words with useFailureText("compose"), never the API's JSON).
import { type RequestProblem, UNREACHABLE, problemOf, readJsonBody } from "@/app/_components/request-failure";
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

export type Failure = {
  kind: "failed" | "scope_required" | "conflict" | "not_found";
  problem: RequestProblem;
  /** With a conflict: the draft's current version, to overwrite it if the person keeps theirs. */
  version?: string;
};

export type Result<T> = { kind: "ok"; value: T } | Failure;

type ConflictBody = { error?: { version?: unknown } };

export async function requestJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      ...(init.body === undefined ? {} : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(init.body) }),
    });
  } catch {
    return { kind: "failed", problem: UNREACHABLE };
  }
  const body = await readJsonBody(response);
  if (response.ok) return { kind: "ok", value: body as T };
  const problem = problemOf(response.status, body);
  if (response.status === 403 && problem.code === "scope_required") return { kind: "scope_required", problem };
  if (response.status === 409 && problem.code === "draft_conflict") {
    const version = (body as ConflictBody).error?.version;
    return { kind: "conflict", problem, ...(typeof version === "string" ? { version } : {}) };
  }
  if (response.status === 404) return { kind: "not_found", problem };
  return { kind: "failed", problem };
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
  if (result.kind === "scope_required") return { kind: "scope_required" };
  return { kind: "failed", problem: result.problem };
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
