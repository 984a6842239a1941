import Link from "next/link";
import { type InboxLocation, inboxHref } from "./inbox-url";

/** Gmail's own operator for "everywhere": all mail, Spam and Trash included. */
const EVERYWHERE = "in:anywhere";

/**
 * What an empty page says. A search already looks in all mail; what it leaves out is Spam and Trash, so an
 * empty search offers those too, as one link.
 */
export function EmptyList({ here, allAccounts }: { here: InboxLocation; allAccounts: boolean }) {
  const newest = here.pageToken ? inboxHref({ ...here, pageToken: undefined, prev: [] }) : undefined;
  const everywhere =
    here.q && !here.q.toLowerCase().includes(EVERYWHERE)
      ? inboxHref({ ...here, q: `${here.q} ${EVERYWHERE}`, pageToken: undefined, prev: [] })
      : undefined;
  return (
    <section className="state" aria-live="polite">
      <h2>{here.q ? "No messages match your search in all mail" : "No messages here"}</h2>
      <p>
        {here.q
          ? "Try fewer words, or look in Spam and Trash as well."
          : `When mail arrives with this label${allAccounts ? " in any of your accounts" : ""}, it will show up here.`}
      </p>
      {everywhere && (
        <Link href={everywhere} className="button" data-testid="search-everywhere">
          Search all mail, Spam and Trash included
        </Link>
      )}
      {newest && (
        <Link href={newest} className="button">
          Back to the newest
        </Link>
      )}
    </section>
  );
}
