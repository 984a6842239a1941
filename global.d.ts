// next-intl's types: `t("…")` accepts only keys the English catalogue has, with its arguments.
import type { Messages } from "./lib/i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
