import { formatMessage } from "../gmail/format-message";
import { listMessages } from "../gmail/mailbox-list";
import { parseSearchQuery } from "../gmail/search-parser";
import { jsonResponse } from "../http/responses";
import type { Router } from "../http/router";
import type { EmulatorState } from "../state";

/**
 * `GET /__emulator/messages?email=&q=&labelIds=` : what a mailbox holds, newest first, with each message's raw
 * bytes (base64url), so a test can check exactly what was delivered or sent without an OAuth token.
 * Spam and trash are included; drafts too (label DRAFT).
 */
export function registerMailboxReadRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", "/__emulator/messages", (req) => {
    const email = req.query.get("email");
    if (!email) return jsonResponse(400, { error: "Missing query parameter: email" });
    const mailbox = state.users.mailbox(email);
    if (!mailbox) return jsonResponse(404, { error: `No such user: ${email}` });
    const labelIds = req.query
      .getAll("labelIds")
      .flatMap((v) => v.split(","))
      .filter((v) => v !== "");
    const q = req.query.get("q") ?? "";
    const result = listMessages(mailbox, {
      labelIds,
      ...(q.trim() !== "" ? { query: parseSearchQuery(q) } : {}),
      includeSpamTrash: true,
      max: Number.MAX_SAFE_INTEGER,
      now: Date.now(),
    });
    return jsonResponse(200, {
      messages: result.items.map((m) => {
        const json = formatMessage(m, "raw");
        return { id: m.id, threadId: m.threadId, labelIds: m.labelIds, internalDate: json.internalDate, raw: json.raw };
      }),
    });
  });
}
