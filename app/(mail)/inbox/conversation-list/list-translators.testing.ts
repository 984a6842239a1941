// The "list" catalogue's translators in both interface languages, as the page gets them, for the unit tests
// of the modules that put sentences together.
import { createTranslator } from "next-intl";
import { messagesFor } from "@/lib/i18n/messages";

export const english = createTranslator({ locale: "en-US", messages: messagesFor("en"), namespace: "list" });
export const hebrew = createTranslator({ locale: "he-IL", messages: messagesFor("he"), namespace: "list" });
