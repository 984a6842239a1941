// A failed send's reason in the page's language: by its code from the "compose" catalogue; a send that failed
// before reasons were codes has only the API's English sentence.
import type { SendFailure } from "@/lib/send/send-failure";

type Translate = (key: `sendFailures.${SendFailure}`) => string;

export function sendFailureText(t: Translate, failed: { reason?: string | null; reasonCode?: SendFailure | null }): string {
  if (failed.reasonCode) return t(`sendFailures.${failed.reasonCode}`);
  return failed.reason ?? t("sendFailures.refused");
}
