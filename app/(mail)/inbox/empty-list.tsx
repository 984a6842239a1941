import Link from "next/link";
import { useTranslations } from "next-intl";
import { type InboxLocation, inboxHref } from "./inbox-url";

/** Gmail's own operator for "everywhere": all mail, Spam and Trash included. */
const EVERYWHERE = "in:anywhere";

/**
 * What an empty page says. A search already looks in all mail; what it leaves out is Spam and Trash, so an
 * empty search offers those too, as one link.
 */
export function EmptyList({ here, allAccounts }: { here: InboxLocation; allAccounts: boolean }) {
  const t = useTranslations("list");
  const newest = here.pageToken ? inboxHref({ ...here, pageToken: undefined, prev: [] }) : undefined;
  const everywhere =
    here.q && !here.q.toLowerCase().includes(EVERYWHERE)
      ? inboxHref({ ...here, q: `${here.q} ${EVERYWHERE}`, pageToken: undefined, prev: [] })
      : undefined;
  return (
    <section className="state" aria-live="polite">
      <h2>{here.q ? t("empty.searchTitle") : t("empty.title")}</h2>
      <p>{here.q ? t("empty.searchText") : allAccounts ? t("empty.textAllAccounts") : t("empty.text")}</p>
      {everywhere && (
        <Link href={everywhere} className="button" data-testid="search-everywhere">
          {t("empty.searchEverywhere")}
        </Link>
      )}
      {newest && (
        <Link href={newest} className="button">
          {t("empty.backToNewest")}
        </Link>
      )}
    </section>
  );
}
