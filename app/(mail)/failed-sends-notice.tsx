import Link from "next/link";
import { failedSends } from "@/lib/send/scheduled-sends";

/**
 * On every mail page while a send has failed for good: how many messages did not go, why the latest did not,
 * and where to fix them (the Scheduled view lists each with its draft, still in Gmail). It stays until each
 * failed send is dismissed there, so a send that failed with no browser open is seen at the next visit.
 */
export async function FailedSendsNotice({ userId }: { userId: string }) {
  const failed = await failedSends(userId);
  const [latest] = failed;
  if (!latest) return null;
  const count = failed.length === 1 ? "A message" : `${failed.length} messages`;
  return (
    <div className="banner" role="alert" data-testid="send-failed-notice">
      <p>
        {count} could not be sent
        {latest.subject ? (
          <>
            {" "}
            (latest: “<bdi>{latest.subject}</bdi>”)
          </>
        ) : null}
        . {latest.reason}
      </p>
      <p>
        The {failed.length === 1 ? "draft is" : "drafts are"} kept: <Link href="/scheduled?account=all">review what was not sent</Link>.
      </p>
    </div>
  );
}
