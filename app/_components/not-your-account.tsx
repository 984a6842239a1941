import Link from "next/link";
import { ErrorState } from "./error-state";

/** The page for an `account=` that is not one of the signed-in user's: the reason, and a way on. */
export function NotYourAccount({
  message,
  href = "/settings",
  label = "Go to settings",
}: {
  message: string;
  href?: string;
  label?: string;
}) {
  return (
    <main className="page">
      <ErrorState title="That account is not one of yours" message={message}>
        <Link href={href} className="button">
          {label}
        </Link>
      </ErrorState>
    </main>
  );
}
