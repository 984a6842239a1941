import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import Link from "next/link";
import { Suspense } from "react";
import { ErrorState } from "../../_components/error-state";
import { NotYourAccount } from "../../_components/not-your-account";
import { AllAccountsList } from "./all-accounts-list";
import { DENSITY_COOKIE, densityOf } from "./density";
import { DensityToggle } from "./density-toggle";
import { LabelTabs } from "./label-tabs";
import { MessageList, MessageListSkeleton } from "./message-list";
import { SearchForm } from "./search-form";
import { type InboxLocation, inboxHref } from "./inbox-url";
import { viewNameOf } from "./view-names";
import { type Account, resolveAccount } from "@/lib/accounts/linked-accounts";
import { requireUserPage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ALL_MAIL, isUserLabelId } from "@/lib/gmail/labels";
import { inboxPageQuerySchema } from "@/lib/http/mail-query";
import { parametersAtFault } from "@/lib/http/query-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("list");
  return { title: t("page.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUserPage();
  const t = await getTranslations("list");
  const parsed = inboxPageQuerySchema.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <main className="page">
        <h1 className="visually-hidden">{t("page.title")}</h1>
        <ErrorState
          title={t("page.invalidAddress")}
          message={t("page.invalidParameters", { names: parametersAtFault(parsed.error).join(", ") })}
        >
          <Link href="/inbox" className="button">
            {t("page.goToInbox")}
          </Link>
        </ErrorState>
      </main>
    );
  }
  const { account, q } = parsed.data;
  const here: InboxLocation = {
    account,
    // As in Gmail, a search looks in all mail, whichever tab it was typed in.
    label: q ? ALL_MAIL : (parsed.data.label ?? "INBOX"),
    q,
    pageSize: parsed.data.pageSize,
    pageToken: parsed.data.pageToken,
    prev: parsed.data.prev,
  };
  const density = densityOf((await cookies()).get(DENSITY_COOKIE)?.value);
  let resolved: Account | "all" = "all";
  if (account !== "all") {
    try {
      // Resolved once, here, and handed down. An address that is not one of this user's accounts stops here,
      // before anything is read at Google.
      resolved = await resolveAccount({ userId: user.id, account });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return <NotYourAccount href="/inbox" label={t("page.goToInbox")} />;
    }
  }
  // A user label's name is known once its list has streamed; the document title names it then.
  const heading = q
    ? t("page.searchHeading", { q })
    : isUserLabelId(here.label)
      ? t("page.labelledHeading")
      : viewNameOf(t, here.label, undefined, []);
  return (
    <main className="page inbox" data-density={density}>
      <h1 className="visually-hidden" dir="auto">
        {heading}
      </h1>
      <div className="inbox-tools">
        <SearchForm account={here.account} q={here.q ?? ""} pageSize={here.pageSize} />
        <DensityToggle initial={density} />
      </div>
      {/* User labels belong to one account each: the merged view offers the system labels. */}
      <Suspense fallback={<nav className="tabs" aria-label={t("page.labels")} />}>
        <LabelTabs account={resolved} current={q ? null : here.label} pageSize={here.pageSize} />
      </Suspense>
      {q && (
        <p className="search-scope" data-testid="search-scope">
          {t.rich("page.searchScope", { q, query: (chunks) => <q dir="auto">{chunks}</q> })}{" "}
          <Link href={inboxHref({ account: here.account, label: "INBOX", pageSize: here.pageSize, prev: [] })}>
            {t("page.clearSearch")}
          </Link>
        </p>
      )}
      {/* The skip link's target. Keyed by the location, so a new page shows the skeleton instead of the previous page's rows. */}
      <div id="conversations" tabIndex={-1} className="content">
        <Suspense key={JSON.stringify(here)} fallback={<MessageListSkeleton />}>
          {resolved === "all" ? (
            <AllAccountsList userId={user.id} email={user.email} here={here} />
          ) : (
            <MessageList account={resolved} here={here} />
          )}
        </Suspense>
      </div>
    </main>
  );
}
