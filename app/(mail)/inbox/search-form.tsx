import { useTranslations } from "next-intl";

/**
 * A plain GET form: the search lands in the URL, so results are shareable and work without JavaScript. As in
 * Gmail, a search looks in all mail whichever tab it is typed in, so the tab is not sent with it.
 */
export function SearchForm({ account, q, pageSize }: { account?: string; q: string; pageSize?: number }) {
  const t = useTranslations("list");
  return (
    <form action="/inbox" method="get" role="search" className="search-form">
      {account && <input type="hidden" name="account" value={account} />}
      {pageSize && <input type="hidden" name="pageSize" value={pageSize} />}
      <label htmlFor="search" className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        id="search"
        data-testid="search"
        type="search"
        name="q"
        defaultValue={q}
        maxLength={500}
        placeholder={t("search.label")}
        autoComplete="off"
        dir="auto"
      />
      <button type="submit" className="button">
        {t("search.button")}
      </button>
    </form>
  );
}
