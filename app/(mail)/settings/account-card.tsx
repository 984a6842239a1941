import { LocalTime } from "../../_components/local-time";
import { ReauthBanner } from "../../_components/reauth-banner";
import { disconnectGmail, removeGmail } from "./actions";
import type { AccountStatus } from "@/lib/account/get-account-status";
import { describeScopes } from "@/lib/google-scopes";

type Props = { status: AccountStatus; index: number; onlyAccount: boolean; signedInWithIt: boolean };

/** What removing this account does, said before the button. */
function removalWarning({ onlyAccount, signedInWithIt }: Pick<Props, "onlyAccount" | "signedInWithIt">): string {
  if (onlyAccount)
    return "This is your only account: removing it deletes your Mailroom user and signs you out everywhere. Your mail stays at Google.";
  const base =
    "Removing unlinks it: it can no longer sign in as you, its browsers are signed out and Mailroom's access at Google is revoked.";
  return signedInWithIt ? `${base} This browser signed in with it, so you will be signed out here.` : base;
}

/** One linked Google account: its state, what Mailroom may do with it, when it was linked, Disconnect and Remove. */
export function AccountCard({ status, index, onlyAccount, signedInWithIt }: Props) {
  const headingId = `account-heading-${index}`;
  return (
    <section aria-labelledby={headingId} className="card" data-testid="account-card" data-account={status.email ?? undefined}>
      {status.reauth && <ReauthBanner message={status.reauth.message} reason={status.reauth.reason} email={status.email} />}
      <h2 id={headingId}>{status.email ?? "Google account"}</h2>
      <p>
        State: <span data-testid="connection-state">{status.connected ? "connected" : "not connected"}</span>
      </p>
      <p data-testid="account-linked">
        Linked <LocalTime iso={status.linkedAt} style="full" />
        {status.linkedFrom && <> from {status.linkedFrom}</>}
      </p>
      <h3>What Mailroom may do</h3>
      {status.scopes.length > 0 ? (
        <ul data-testid="granted-scopes">
          {describeScopes(status.scopes).map((words) => (
            <li key={words}>{words}</li>
          ))}
        </ul>
      ) : (
        <p>Nothing: Mailroom holds no Google permission for this account.</p>
      )}
      {status.connected && status.email && (
        <form action={disconnectGmail}>
          <input type="hidden" name="account" value={status.email} />
          <p>
            Disconnecting revokes Mailroom&apos;s access to this account at Google; until you reconnect it here, it cannot sign in. Your
            other accounts keep working.
          </p>
          <button type="submit" className="button">
            Disconnect Gmail
          </button>
        </form>
      )}
      {status.email && (
        <form action={removeGmail}>
          <input type="hidden" name="account" value={status.email} />
          <p>{removalWarning({ onlyAccount, signedInWithIt })}</p>
          <button type="submit" className="button" data-testid="remove-account">
            Remove account
          </button>
        </form>
      )}
    </section>
  );
}
