import { type FieldSelection, FieldsSyntaxError, parseFields, selectFields } from "../http/partial-response";
import { parseJsonBody } from "../http/responses";
import type { EmuRequest, EmuResponse } from "../http/types";
import { invalidFieldSelection } from "./errors";
import { GMAIL_FIELD_NAMES } from "./field-names";

/**
 * What a Gmail request's `fields` parameter selects (null: everything), or the 400 Google answers for it.
 * Batch parts carry their own query string, so each part is selected on its own.
 */
export function gmailFieldSelection(req: EmuRequest): { selection: FieldSelection | null } | { refusal: EmuResponse } {
  if (!req.path.startsWith("/gmail/v1/")) return { selection: null };
  const fields = req.query.get("fields");
  try {
    return { selection: parseFields(fields, GMAIL_FIELD_NAMES) };
  } catch (error) {
    if (error instanceof FieldsSyntaxError) return { refusal: invalidFieldSelection(fields ?? "") };
    throw error;
  }
}

/** A successful JSON answer cut down to the selection; errors and other bodies pass unchanged. */
export function selectResponseFields(response: EmuResponse, selection: FieldSelection): EmuResponse {
  if (response.status < 200 || response.status >= 300) return response;
  const value = parseJsonBody(response);
  if (value === undefined) return response;
  return { ...response, body: JSON.stringify(selectFields(value, selection)) };
}
