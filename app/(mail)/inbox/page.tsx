import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ErrorState } from "../../_components/error-state";
import { NotYourAccount } from "../../_components/not-your-account";
import { AllAccountsList } from "./all-accounts-list";
import { LabelTabs } from "./label-tabs";
import { MessageList, MessageListSkeleton } from "./message-list";
import { SearchForm } from "./search-form";
import type { InboxLocation } from "./inbox-url";
import { type Account, resolveAccount } from "@/lib/accounts/linked-accounts";
import { requireUserPage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { inboxPageQuerySchema } from "@/lib/http/mail-query";
import { describeZodError } from "@/lib/http/query-params";

export const metadata: Metadata = { title: "Inbox" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUserPage();
  const parsed = inboxPageQuerySchema.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <main className="page">
        <ErrorState title="That inbox address is not valid" message={describeZodError(parsed.error)}>
          <Link href="/inbox" className="button">
            Go to the inbox
          </Link>
        </ErrorState>
      </main>
    );
  }
  const { account } = parsed.data;
  const here: InboxLocation = {
    account,
    label: parsed.data.label ?? "INBOX",
    q: parsed.data.q,
    pageSize: parsed.data.pageSize,
    pageToken: parsed.data.pageToken,
    prev: parsed.data.prev,
  };
  if (account === "all") {
    return (
      <main className="page inbox">
        <div className="inbox-tools">
          <SearchForm account={here.account} label={here.label} q={here.q ?? ""} pageSize={here.pageSize} />
        </div>
        {/* User labels belong to one account each: the merged view offers the system labels. */}
        <LabelTabs account="all" current={here.label} q={here.q} pageSize={here.pageSize} />
        <Suspense key={JSON.stringify(here)} fallback={<MessageListSkeleton />}>
          <AllAccountsList userId={user.id} email={user.email} here={here} />
        </Suspense>
      </main>
    );
  }
  let resolved: Account;
  try {
    // Resolved once, here, and handed down. An address that is not one of this user's accounts stops here,
    // before anything is read at Google.
    resolved = await resolveAccount({ userId: user.id, account });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return <NotYourAccount message={error.message} href="/inbox" label="Go to the inbox" />;
  }
  return (
    <main className="page inbox">
      <div className="inbox-tools">
        <SearchForm account={here.account} label={here.label} q={here.q ?? ""} pageSize={here.pageSize} />
      </div>
      <Suspense fallback={<nav className="tabs" aria-label="Labels" />}>
        <LabelTabs account={resolved} current={here.label} q={here.q} pageSize={here.pageSize} />
      </Suspense>
      {/* Keyed by the location, so a new page shows the skeleton instead of the previous page's rows. */}
      <Suspense key={JSON.stringify(here)} fallback={<MessageListSkeleton />}>
        <MessageList account={resolved} here={here} />
      </Suspense>
    </main>
  );
}
