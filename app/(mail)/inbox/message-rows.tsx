import Link from "next/link";
import { useTranslations } from "next-intl";
import { type InboxLocation, newerHref, olderHref } from "./inbox-url";

// The paging links both inboxes share (one account's, and All accounts'), with the test ids the browser
// tests and tools rely on. The rows themselves are conversation-list/conversation-row.tsx.

export function Pagination({ here, nextPageToken }: { here: InboxLocation; nextPageToken?: string }) {
  const t = useTranslations("list");
  const newer = newerHref(here);
  return (
    <nav className="pagination" aria-label={t("pager.label")}>
      {newer ? (
        <Link href={newer} className="button" data-testid="prev-page" rel="prev">
          ‹<span className="action-text"> {t("pager.newer")}</span>
        </Link>
      ) : (
        <span className="button" aria-disabled="true" data-testid="prev-page">
          ‹<span className="action-text"> {t("pager.newer")}</span>
        </span>
      )}
      {nextPageToken ? (
        <Link href={olderHref(here, nextPageToken)} className="button" data-testid="next-page" rel="next">
          <span className="action-text">{t("pager.older")} </span>›
        </Link>
      ) : (
        <span className="button" aria-disabled="true" data-testid="next-page">
          <span className="action-text">{t("pager.older")} </span>›
        </span>
      )}
    </nav>
  );
}
