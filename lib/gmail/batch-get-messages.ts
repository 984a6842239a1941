import "server-only";
// Many messages in one round trip (see batch-get for the batching, retries and what a failed part means).
import type { gmail_v1 } from "@googleapis/gmail";
import { type BatchGetOptions, type BatchGetResult, batchGet } from "./batch-get";

function messagePath(id: string, options: BatchGetOptions): string {
  const query = new URLSearchParams({ format: options.format });
  for (const header of options.metadataHeaders ?? []) query.append("metadataHeaders", header);
  return `/gmail/v1/users/me/messages/${encodeURIComponent(id)}?${query}`;
}

/** The messages in the order of `ids`, without those deleted since they were listed (reported as missing). */
export function batchGetMessages(
  accessToken: string,
  ids: readonly string[],
  options: BatchGetOptions,
): Promise<BatchGetResult<gmail_v1.Schema$Message>> {
  return batchGet<gmail_v1.Schema$Message>(
    accessToken,
    ids.map((id) => ({ id, path: messagePath(id, options) })),
  );
}
