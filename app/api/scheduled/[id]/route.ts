import { z } from "zod";
import { scheduledId } from "@/lib/http/send-request";
import { withUserDelete } from "@/lib/http/user-delete";
import { cancelScheduledSend } from "@/lib/send/scheduled-sends";

export const dynamic = "force-dynamic";

// DELETE /api/scheduled/{id} → { cancelled: { id } }: Undo send, or cancel a send later (the draft stays a
// draft); for a send that failed, dismisses its notice. Already under way or sent: 409 conflict.
export const DELETE = withUserDelete(z.object({ id: scheduledId }), ({ user, params }) =>
  cancelScheduledSend({ id: params.id, userId: user.id }),
);
