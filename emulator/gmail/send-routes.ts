import type { Router } from "../http/router";
import type { EmulatorState } from "../state";
import { authorizeGmail, isResponse } from "./access";
import { readWriteBody, writtenFromJson } from "./write-body";
import { MailWriter } from "./write-mail";

/** users.messages.send on the metadata URI: gmail.send, gmail.compose, gmail.modify or mail.google.com. */
export function registerSendRoutes(router: Router, state: EmulatorState): void {
  router.add("POST", "/gmail/v1/users/:userId/messages/send", (req, p) => {
    const caller = authorizeGmail(state, req, p.userId ?? "", "send", "SendMessage");
    if (isResponse(caller)) return caller;
    const body = readWriteBody(req, "message");
    if ("status" in body) return body;
    const input = writtenFromJson(state, body);
    return "status" in input ? input : new MailWriter(state, caller, req.query).sendMessage(input);
  });
}
