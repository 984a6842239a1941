// The interface's Hebrew strings, one file per part of the app (a namespace each).
import common from "./common.json";
import list from "./list.json";
import conversation from "./conversation.json";
import compose from "./compose.json";
import settings from "./settings.json";
import auth from "./auth.json";
import snooze from "./snooze.json";
import shortcuts from "./shortcuts.json";
import errors from "./errors.json";
import mail from "./mail.json";

const messages = { common, list, conversation, compose, settings, auth, snooze, shortcuts, errors, mail };
export default messages;
