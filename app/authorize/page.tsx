import type { Metadata } from "next";
import Link from "next/link";
import { NotYourAccount } from "../_components/not-your-account";
import { GrantContinueButton } from "./grant-continue-button";
import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requireUserPage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { grantsGmailModify } from "@/lib/gmail/actions/modify-scope";

// Reads the session cookie: never prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Allow Mailroom to change your mail" };

type SearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? "" : value);

// The `authorizeUrl` of a `scope_required` answer: `/authorize?account=EMAIL&returnTo=/path`. Explains why
// Mailroom asks for more than reading before the person meets Google's consent screen, and offers a way back.
export default async function AuthorizePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUserPage();
  const params = await searchParams;
  const returnTo = safeReturnPath(single(params.returnTo)) ?? "/inbox";
  let account;
  try {
    account = await resolveAccount({ userId: user.id, account: single(params.account) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return <NotYourAccount message={error.message} />;
  }
  const email = account.email ?? "this Google account";

  if (grantsGmailModify(account.scope)) {
    return (
      <main className="sign-in">
        <div className="sign-in-card" data-testid="grant-done">
          <h1>Mailroom can change your mail</h1>
          <p>Google already allows Mailroom to archive, star and organise mail in {email}.</p>
          <Link href={returnTo} className="button button-primary" data-testid="grant-back">
            Go back
          </Link>
        </div>
      </main>
    );
  }

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>Allow Mailroom to change your mail</h1>
        <p>Account: {email}</p>
        <p>
          So far Mailroom can only read this mailbox. To archive, star, mark as read or unread, label and move mail to the trash, Google
          must allow Mailroom to change your mail.
        </p>
        <ul style={{ textAlign: "start", margin: "0 0 1.5rem", paddingInlineStart: "1.2rem" }}>
          <li>Google will ask for this one permission, for this account only.</li>
          <li>Mailroom never deletes mail for good and never sends mail.</li>
          <li>If you decline, nothing changes: Mailroom keeps working read-only.</li>
          <li>You can take the permission back at any time in your Google Account or with Disconnect in settings.</li>
        </ul>
        {account.email ? (
          <GrantContinueButton account={account.email} returnTo={returnTo} />
        ) : (
          <p className="sign-in-error" role="alert">
            Mailroom does not know this account&apos;s address yet. Reconnect it in settings first.
          </p>
        )}
        <p style={{ margin: "1rem 0 0" }}>
          <Link href={returnTo} data-testid="grant-cancel">
            Not now
          </Link>
        </p>
      </div>
    </main>
  );
}
