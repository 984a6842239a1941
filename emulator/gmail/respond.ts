import type { EmuResponse } from "../http/types";
import { gmailJson } from "./format-message";

/** A successful Gmail JSON answer with Gmail's headers. */
export function gmailOk(value: unknown, query: URLSearchParams): EmuResponse {
  return {
    status: 200,
    headers: { "content-type": "application/json; charset=UTF-8", vary: "Origin, X-Origin, Referer" },
    body: gmailJson(value, query),
  };
}

/** Gmail's 204 (batchModify, delete, stop): no body, no content type. */
export function gmailNoContent(): EmuResponse {
  return { status: 204, headers: { vary: "Origin, X-Origin, Referer" }, body: "" };
}
