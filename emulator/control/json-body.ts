import type { z } from "zod";
import { readJsonBody } from "../http/params";
import { jsonResponse } from "../http/responses";
import type { EmuRequest, EmuResponse } from "../http/types";

export function controlProblem(status: number, message: string): EmuResponse {
  return jsonResponse(status, { error: message });
}

/**
 * Wraps a control handler: the JSON body is validated with a schema from a lazily loaded module (zod stays off
 * the start-up path); an empty body counts as `{}` so optional-only bodies may be omitted.
 */
export function jsonBodyHandler<M, S extends z.ZodType>(
  load: () => Promise<M>,
  pick: (m: M) => S,
  handler: (body: z.output<S>, req: EmuRequest) => EmuResponse | Promise<EmuResponse>,
): (req: EmuRequest) => Promise<EmuResponse> {
  return async (req) => {
    const raw = req.body.length === 0 ? {} : readJsonBody(req);
    if (raw === undefined) return controlProblem(400, "Body must be JSON");
    const parsed = pick(await load()).safeParse(raw);
    if (!parsed.success)
      return controlProblem(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
    return handler(parsed.data, req);
  };
}
