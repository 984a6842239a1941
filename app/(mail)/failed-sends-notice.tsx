import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { sendFailureText } from "./scheduled/send-failure-text";
import { failedSends } from "@/lib/send/scheduled-sends";

/**
 * On every mail page while a send has failed for good: how many messages did not go, why the latest did not,
 * and where to fix them (the Scheduled view lists each with its draft, still in Gmail). It stays until each
 * failed send is dismissed there, so a send that failed with no browser open is seen at the next visit.
 */
export async function FailedSendsNotice({ userId }: { userId: string }) {
  const [failed, compose] = await Promise.all([failedSends(userId), getTranslations("compose")]);
  const [latest] = failed;
  if (!latest) return null;
  return (
    <div className="banner" role="alert" data-testid="send-failed-notice">
      <p>
        {compose("failedSends.count", { count: failed.length })}
        {latest.subject ? <> {compose.rich("failedSends.latest", { subject: () => <bdi>{latest.subject}</bdi> })}</> : null}.{" "}
        {sendFailureText(compose, latest)}
      </p>
      <p>
        {compose.rich("failedSends.kept", { count: failed.length, link: (chunks) => <Link href="/scheduled?account=all">{chunks}</Link> })}
      </p>
    </div>
  );
}
