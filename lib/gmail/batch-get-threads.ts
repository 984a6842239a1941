import "server-only";
// Many conversations in one round trip (see batch-get for the batching, retries and what a failed part means).
import type { gmail_v1 } from "@googleapis/gmail";
import { type BatchGetOptions, type BatchGetResult, batchGet } from "./batch-get";

function threadPath(id: string, options: BatchGetOptions): string {
  const query = new URLSearchParams({ format: options.format });
  for (const header of options.metadataHeaders ?? []) query.append("metadataHeaders", header);
  return `/gmail/v1/users/me/threads/${encodeURIComponent(id)}?${query}`;
}

/** The threads in the order of `ids`, without those deleted since they were listed (reported as missing). */
export function batchGetThreads(
  accessToken: string,
  ids: readonly string[],
  options: BatchGetOptions,
): Promise<BatchGetResult<gmail_v1.Schema$Thread>> {
  return batchGet<gmail_v1.Schema$Thread>(
    accessToken,
    ids.map((id) => ({ id, path: threadPath(id, options) })),
  );
}
