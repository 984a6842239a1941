import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DeviceName } from "../_components/device-name";
import { LocalTime } from "../_components/local-time";
import { dismissLinkNoticeAction } from "./settings/session-actions";
import { unseenLinkedAccounts } from "@/lib/accounts/linked-account-notice";
import { currentSessionToken } from "@/lib/auth/session-binding";

/** On every mail page of every other session: which Google account was linked, when, and from which browser. */
export async function LinkedAccountNotice({ userId }: { userId: string }) {
  const linked = await unseenLinkedAccounts(userId, await currentSessionToken());
  if (linked.length === 0) return null;
  const t = await getTranslations("common.linkedNotice");
  return (
    <div className="banner" role="status" data-testid="linked-account-notice">
      {linked.map((account) => (
        <p key={account.email ?? account.linkedAt.toISOString()}>
          {t.rich("linked", {
            account: () => <bdi>{account.email ?? t("someAccount")}</bdi>,
            when: () => <LocalTime iso={account.linkedAt.toISOString()} style="full" />,
            device: () => <DeviceName device={account.device} />,
          })}
        </p>
      ))}
      <p>{t.rich("notYou", { settings: (chunks) => <Link href="/settings">{chunks}</Link> })}</p>
      <form action={dismissLinkNoticeAction}>
        <button type="submit" className="button" data-testid="dismiss-linked-account-notice">
          {t("gotIt")}
        </button>
      </form>
    </div>
  );
}
