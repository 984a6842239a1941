import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Handler } from "../http/types";
import { invalidArgument, notFound } from "./errors";
import { parseBatchRequest, serializeBatchResponse } from "./batch-wire";

export const MAX_BATCH_PARTS = 100;

/** Runs one inner request through the same pipeline as a top-level one (faults, stats, handlers). */
export type PartDispatcher = (req: EmuRequest) => Promise<EmuResponse>;

/**
 * POST /batch/gmail/v1, and POST /batch: the `batchPath` of Gmail's discovery document, which clients built
 * from it (Google's Python client) use. The outer request is always 200; every part has its own status.
 * Outer headers other than Content-* (Authorization in practice) apply to each part unless the part
 * overrides them.
 */
export function registerBatchRoute(router: Router, dispatchPart: PartDispatcher): void {
  const handler: Handler = async (req) => {
    const parts = parseBatchRequest(req.headers["content-type"], req.body);
    if (typeof parts === "string") return invalidArgument(parts);
    if (parts.length === 0) return invalidArgument("A batch request must contain at least one part.");
    if (parts.length > MAX_BATCH_PARTS)
      return invalidArgument(`Too many requests in batch: ${parts.length}. A batch may contain at most ${MAX_BATCH_PARTS}.`);
    const inherited: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) if (!name.startsWith("content-")) inherited[name] = value;
    // Dispatch starts every part synchronously, in order, so fault rolls are reproducible.
    const responses = await Promise.all(
      parts.map((part) => {
        const url = new URL(part.target, "http://batch.invalid");
        if (!url.pathname.startsWith("/gmail/v1/")) return Promise.resolve(notFound());
        return dispatchPart({
          method: part.method,
          path: url.pathname,
          pathWithQuery: `${url.pathname}${url.search}`,
          query: url.searchParams,
          headers: { ...inherited, ...part.headers },
          body: part.body,
          origin: req.origin,
        });
      }),
    );
    const { boundary, body } = serializeBatchResponse(
      parts.map((part, i) => ({ contentId: part.contentId, response: responses[i] ?? notFound() })),
    );
    return {
      status: 200,
      headers: { "content-type": `multipart/mixed; boundary=${boundary}`, vary: "Origin, X-Origin, Referer" },
      body,
      parts: parts.map((part, i) => ({ method: part.method, path: part.target, status: responses[i]?.status ?? 404 })),
    };
  };
  router.add("POST", "/batch/gmail/v1", handler);
  router.add("POST", "/batch", handler);
}
