import { getTranslations } from "next-intl/server";
import type { AccountNotice } from "@/lib/accounts/account-notice";

/** Why an add or a reconnect was refused, in the viewer's language; the refusal's code stays in lib. */
export async function AccountNoticeBanner({ notice }: { notice: AccountNotice }) {
  const t = await getTranslations("settings.notice");
  // Each address keeps its own direction inside a sentence of either language.
  const chosen = () => <bdi>{notice.chosen}</bdi>;
  const expected = notice.expected;
  const message =
    notice.refusal === "WrongAccount"
      ? expected === undefined
        ? t.rich("WrongAccountUnknown", { chosen })
        : t.rich("WrongAccount", { chosen, expected: () => <bdi>{expected}</bdi> })
      : t.rich(notice.refusal, { chosen });
  return (
    <p className="banner" role="alert" data-testid="account-notice" data-refusal={notice.refusal}>
      {message}
    </p>
  );
}
