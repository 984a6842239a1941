/** A plain GET form: the search lands in the URL, so results are shareable and work without JavaScript. */
export function SearchForm({ account, label, q, pageSize }: { account?: string; label: string; q: string; pageSize?: number }) {
  return (
    <form action="/inbox" method="get" role="search" className="search-form">
      {account && <input type="hidden" name="account" value={account} />}
      {label !== "INBOX" && <input type="hidden" name="label" value={label} />}
      {pageSize && <input type="hidden" name="pageSize" value={pageSize} />}
      <label htmlFor="search" className="visually-hidden">
        Search mail
      </label>
      <input
        id="search"
        data-testid="search"
        type="search"
        name="q"
        defaultValue={q}
        maxLength={500}
        placeholder='Search mail (from:, is:unread, "a phrase"…)'
        autoComplete="off"
        dir="auto"
      />
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
