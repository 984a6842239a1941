// The live inbox's event stream (lib/sync/events-endpoint.ts). Errors before the stream starts get the
// API's JSON envelope.
import { errorResponse } from "@/lib/http/route-handler";
import { openEventStream } from "@/lib/sync/events-endpoint";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    return await openEventStream(request);
  } catch (error) {
    return errorResponse(error, request);
  }
}
