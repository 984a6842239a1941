"use client";
// The header's account switcher: a native <select>, so it is keyboard-accessible as browsers make it.
// Choosing an account goes to its inbox with the label and search kept (from the message's "back" link when
// a message is open: that message belongs to the account being left). The choice is posted first, so the
// account stays the default; "All accounts" is a view, not a default.
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { chooseAccount } from "./choose-account-action";

export const ALL_ACCOUNTS = "all";

function targetFor(pathname: string, params: URLSearchParams, account: string): string {
  const source = pathname.startsWith("/inbox/") ? new URLSearchParams((params.get("back") ?? "").split("?")[1] ?? "") : params;
  const next = new URLSearchParams({ account });
  if (pathname.startsWith("/inbox")) {
    for (const key of ["label", "q"]) {
      const value = source.get(key);
      if (value) next.set(key, value);
    }
  }
  return `/inbox?${next}`;
}

export function AccountSwitcher({ accounts, defaultAccount }: { accounts: string[]; defaultAccount: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const router = useRouter();
  const t = useTranslations("common.accountSwitcher");
  // Without account= a page shows the default account (the last one used).
  const current = params.get("account")?.toLowerCase() ?? defaultAccount;
  return (
    <>
      <label htmlFor="account-switcher" className="visually-hidden">
        {t("label")}
      </label>
      <select
        id="account-switcher"
        data-testid="account-switcher"
        className="account-switcher"
        value={current}
        onChange={(event) => {
          const account = event.target.value;
          const target = targetFor(pathname, new URLSearchParams(params.toString()), account);
          // Navigating matters more than remembering: a failed post still shows the chosen account.
          void (account === ALL_ACCOUNTS ? Promise.resolve() : chooseAccount(account).catch(() => undefined)).then(() =>
            router.push(target),
          );
        }}
      >
        {accounts.map((email) => (
          <option key={email} value={email}>
            {email}
          </option>
        ))}
        {accounts.length > 1 && <option value={ALL_ACCOUNTS}>{t("all")}</option>}
      </select>
    </>
  );
}
