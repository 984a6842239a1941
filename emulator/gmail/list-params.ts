import type { EmuResponse } from "../http/types";
import { invalidArgument } from "./errors";
import { decodePageToken } from "./ids";
import type { Mailbox } from "./mailbox";
import { parseSearchQuery, type SearchNode } from "./search-parser";

export interface ListParams {
  labelIds: string[];
  query?: SearchNode;
  includeSpamTrash: boolean;
  max: number;
  before?: string;
}

/** Parses the shared list parameters of messages.list and threads.list, answering 400 as Gmail does. */
export function parseListParams(query: URLSearchParams, mailbox: Mailbox, kind: "messages" | "threads"): ListParams | EmuResponse {
  const labelIds = query
    .getAll("labelIds")
    .flatMap((v) => v.split(","))
    .filter((v) => v !== "");
  for (const label of labelIds) if (!mailbox.hasLabel(label)) return invalidArgument(`Invalid label: ${label}`);
  const maxParam = query.get("maxResults");
  let max = 100;
  if (maxParam !== null) {
    if (!/^\d+$/.test(maxParam)) return invalidArgument(`Invalid value for "maxResults": ${maxParam}`);
    max = Math.min(500, Math.max(1, Number(maxParam)));
  }
  const params: ListParams = { labelIds, includeSpamTrash: query.get("includeSpamTrash") === "true", max };
  const q = query.get("q");
  if (q !== null && q.trim() !== "") params.query = parseSearchQuery(q);
  const token = query.get("pageToken");
  if (token !== null && token !== "") {
    const position = decodePageToken(`${mailbox.email}:${kind}`, token);
    if (position === undefined) return invalidArgument("Invalid pageToken");
    params.before = position.toString(16).padStart(16, "0");
  }
  return params;
}
