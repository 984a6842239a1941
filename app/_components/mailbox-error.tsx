import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrorState } from "./error-state";
import { ReauthBanner } from "./reauth-banner";
import { AppError, ReauthRequiredError } from "@/lib/errors";
import { interfaceLocaleOf } from "@/lib/i18n/locales";

/** The sentence for a failure's code in another language than English (the server writes its messages in English). */
const TRANSLATED_CODES = {
  rate_limited: "rateLimited",
  upstream_unavailable: "unavailable",
  not_found: "notFound",
  bad_request: "invalid",
  forbidden: "forbidden",
} as const;

function isTranslatedCode(code: string): code is keyof typeof TRANSLATED_CODES {
  return Object.hasOwn(TRANSLATED_CODES, code);
}

type Props = {
  error: unknown;
  /** The signed-in user's address, for the reconnect's login_hint. */
  email: string | null;
  /** What could not be shown, for the heading, in the viewer's language: "Those messages", "This message". */
  subject: string;
  /** Where "Try again" goes after Google failed or asked to slow down: this same page. */
  retryHref: string;
  /** Where to go after a request we could not serve (bad input). */
  backHref: string;
  backLabel: string;
  /** A missing item (a message id that is not there) is the route's 404 page rather than a message. */
  missingIsNotFound?: boolean;
};

/**
 * The one mapping from a failed mailbox read to what a page shows: the re-authorize banner, "not found", a
 * readable error with a way on, or (for anything unexpected) the route's error boundary. Pages never branch on
 * error text; AppError messages are written to be shown.
 */
export async function MailboxError({ error, email, subject, retryHref, backHref, backLabel, missingIsNotFound = false }: Props) {
  if (error instanceof ReauthRequiredError) return <ReauthBanner message={error.message} reason={error.reason} email={email} />;
  if (!(error instanceof AppError)) throw error;
  if (missingIsNotFound && error.code === "not_found") notFound();
  const t = await getTranslations("errors.mailbox");
  const english = interfaceLocaleOf([await getLocale()]) === "en";
  const message = english || !isTranslatedCode(error.code) ? error.message : t(TRANSLATED_CODES[error.code]);
  // Too many requests heals by waiting, like Google failing: the fix is this same page again (label, search and
  // page kept), not a trip back to the inbox.
  if (error.status === 429 || error.status >= 500) {
    return (
      <ErrorState title={error.status === 429 ? t("slowDown") : t("notAnswering")} message={message}>
        <Link href={retryHref} className="button button-primary">
          {t("tryAgain")}
        </Link>{" "}
        <Link href={backHref} className="button">
          {backLabel}
        </Link>
      </ErrorState>
    );
  }
  return (
    <ErrorState title={t("couldNotShow", { subject })} message={message}>
      <Link href={backHref} className="button">
        {backLabel}
      </Link>
    </ErrorState>
  );
}
