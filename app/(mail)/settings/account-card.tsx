import { getTranslations } from "next-intl/server";
import { DeviceName } from "../../_components/device-name";
import { LocalTime } from "../../_components/local-time";
import { ReauthBanner } from "../../_components/reauth-banner";
import { disconnectGmail, removeGmail } from "./actions";
import type { AccountStatus } from "@/lib/account/get-account-status";
import { describeScopes } from "@/lib/google-scopes";

type Props = { status: AccountStatus; index: number; onlyAccount: boolean; signedInWithIt: boolean };

/** What removing this account does, said before the button. */
function removalWarning({ onlyAccount, signedInWithIt }: Pick<Props, "onlyAccount" | "signedInWithIt">) {
  if (onlyAccount) return "removeOnly";
  return signedInWithIt ? "removeSignsOutHere" : "removeUnlinks";
}

/** One linked Google account: its state, what Mailroom may do with it, when it was linked, Disconnect and Remove. */
export async function AccountCard({ status, index, onlyAccount, signedInWithIt }: Props) {
  const t = await getTranslations("settings");
  const headingId = `account-heading-${index}`;
  const when = () => <LocalTime iso={status.linkedAt} style="full" />;
  return (
    <section aria-labelledby={headingId} className="card" data-testid="account-card" data-account={status.email ?? undefined}>
      {status.reauth && <ReauthBanner message={status.reauth.message} reason={status.reauth.reason} email={status.email} />}
      <h2 id={headingId}>{status.email ? <bdi>{status.email}</bdi> : t("account.fallbackName")}</h2>
      <p>
        {t.rich("account.state", {
          state: () => <span data-testid="connection-state">{status.connected ? t("account.connected") : t("account.notConnected")}</span>,
        })}
      </p>
      <p data-testid="account-linked">
        {status.linkedFrom
          ? t.rich("account.linkedFrom", { when, device: () => <DeviceName device={status.linkedFrom} /> })
          : t.rich("account.linked", { when })}
      </p>
      <h3>{t("account.mayDo")}</h3>
      {status.scopes.length > 0 ? (
        <ul data-testid="granted-scopes">
          {describeScopes(status.scopes).map((permission) => (
            <li key={permission}>{t(`scopes.${permission}`)}</li>
          ))}
        </ul>
      ) : (
        <p>{t("account.nothing")}</p>
      )}
      {status.connected && status.email && (
        <form action={disconnectGmail}>
          <input type="hidden" name="account" value={status.email} />
          <p>{t("account.disconnectExplained")}</p>
          <button type="submit" className="button">
            {t("account.disconnect")}
          </button>
        </form>
      )}
      {status.email && (
        <form action={removeGmail}>
          <input type="hidden" name="account" value={status.email} />
          <p>{t(`account.${removalWarning({ onlyAccount, signedInWithIt })}`)}</p>
          <button type="submit" className="button" data-testid="remove-account">
            {t("account.remove")}
          </button>
        </form>
      )}
    </section>
  );
}
