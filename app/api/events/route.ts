// The live inbox's Server-Sent Events stream. Checked like every other API before anything streams: signed in
// (401), valid parameters (400), one of the user's own accounts (400), usable (401 reauth_required); errors
// before the stream starts get the API's JSON envelope. Then 200 and text/event-stream.
import { z } from "zod";
import { eventsQuerySchema, streamStartOf } from "@/lib/http/events-query";
import { withUser } from "@/lib/http/route-handler";
import { openEventStream } from "@/lib/sync/events-endpoint";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: eventsQuerySchema, params: z.unknown() }, async ({ user, query, request }) => {
  const since = streamStartOf(query.account === "all", request.headers.get("last-event-id"), query.since);
  const stream = await openEventStream({ userId: user.id, account: query.account, label: query.label, since, signal: request.signal });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until a buffer fills.
      "Cache-Control": "private, no-cache, no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
