import Link from "next/link";
import { LocalTime } from "../_components/local-time";
import { dismissLinkNoticeAction } from "./settings/session-actions";
import { unseenLinkedAccounts } from "@/lib/accounts/linked-account-notice";
import { currentSessionToken } from "@/lib/auth/session-binding";

/** On every mail page of every other session: which Google account was linked, when, and from which browser. */
export async function LinkedAccountNotice({ userId }: { userId: string }) {
  const linked = await unseenLinkedAccounts(userId, await currentSessionToken());
  if (linked.length === 0) return null;
  return (
    <div className="banner" role="status" data-testid="linked-account-notice">
      {linked.map((account) => (
        <p key={account.email}>
          <bdi>{account.email}</bdi> was linked to your Mailroom on <LocalTime iso={account.linkedAt.toISOString()} style="full" /> from{" "}
          {account.device}. It can now sign in as you.
        </p>
      ))}
      <p>
        If this was not you, remove it in <Link href="/settings">Settings</Link> and sign out everywhere else.
      </p>
      <form action={dismissLinkNoticeAction}>
        <button type="submit" className="button" data-testid="dismiss-linked-account-notice">
          Got it
        </button>
      </form>
    </div>
  );
}
