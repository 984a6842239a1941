import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrorState } from "./error-state";
import { ReauthBanner } from "./reauth-banner";
import { AppError, ReauthRequiredError } from "@/lib/errors";

type Props = {
  error: unknown;
  /** The signed-in user's address, for the reconnect's login_hint. */
  email: string | null;
  /** What could not be shown, for the heading: "Those messages", "This message". */
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
export function MailboxError({ error, email, subject, retryHref, backHref, backLabel, missingIsNotFound = false }: Props) {
  if (error instanceof ReauthRequiredError) return <ReauthBanner message={error.message} reason={error.reason} email={email} />;
  if (!(error instanceof AppError)) throw error;
  if (missingIsNotFound && error.code === "not_found") notFound();
  // Too many requests heals by waiting, like Google failing: the fix is this same page again (label, search and
  // page kept), not a trip back to the inbox.
  if (error.status === 429 || error.status >= 500) {
    return (
      <ErrorState title={error.status === 429 ? "Gmail asks Mailroom to slow down" : "Gmail is not answering"} message={error.message}>
        <Link href={retryHref} className="button button-primary">
          Try again
        </Link>{" "}
        <Link href={backHref} className="button">
          {backLabel}
        </Link>
      </ErrorState>
    );
  }
  return (
    <ErrorState title={`${subject} could not be shown`} message={error.message}>
      <Link href={backHref} className="button">
        {backLabel}
      </Link>
    </ErrorState>
  );
}
