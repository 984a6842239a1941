import { getTranslations } from "next-intl/server";
import { forgetTrustedSenderAction } from "../inbox/[id]/trusted-sender-actions";
import { listLinkedAccounts } from "@/lib/accounts/linked-accounts";
import { listTrustedSenders } from "@/lib/images/trusted-senders";

/** Settings: the senders whose images each account always shows, each with Forget. */
export async function TrustedSendersSection({ userId }: { userId: string }) {
  const accounts = (await listLinkedAccounts(userId)).flatMap((account) =>
    account.email ? [{ id: account.id, email: account.email }] : [],
  );
  const lists = await Promise.all(accounts.map(async (account) => ({ ...account, senders: await listTrustedSenders(account.id) })));
  const trusting = lists.filter((list) => list.senders.length > 0);
  const t = await getTranslations("settings.trusted");
  return (
    <section aria-labelledby="trusted-senders-heading" className="card" data-testid="trusted-senders">
      <h2 id="trusted-senders-heading">{t("heading")}</h2>
      {trusting.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        trusting.map((list) => (
          <div key={list.id}>
            {accounts.length > 1 && (
              <h3>
                <bdi>{list.email}</bdi>
              </h3>
            )}
            <ul className="session-list">
              {list.senders.map((sender) => (
                <li key={sender} data-testid="trusted-sender" data-account={list.email}>
                  <form action={forgetTrustedSenderAction}>
                    <input type="hidden" name="account" value={list.email} />
                    <input type="hidden" name="address" value={sender} />
                    <bdi>{sender}</bdi>{" "}
                    <button type="submit" className="button" aria-label={t("forgetSender", { sender })}>
                      {t("forget")}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
