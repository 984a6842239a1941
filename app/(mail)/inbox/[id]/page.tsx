import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "../../../_components/local-time";
import { MailboxError } from "../../../_components/mailbox-error";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { requireUserPage } from "@/lib/auth/session";
import { type MessageDetail, getMessage } from "@/lib/gmail/get-message";
import type { Mailbox } from "@/lib/gmail/message-headers";
import { messageId } from "@/lib/gmail/message-params";
import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { emailFrameDocument } from "@/lib/gmail/sanitize-email-html";

export const metadata: Metadata = { title: "Message" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function formatMailbox({ name, email }: Mailbox): string {
  if (name && email) return `${name} <${email}>`;
  return name ?? email ?? "(unknown)";
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Where "Back" goes: an inbox URL of ours (with its label, search and page), never anywhere else. */
function backHref(value: unknown): string {
  const path = safeCallbackPath(value);
  return /^\/inbox(\?|$)/.test(path) ? path : "/inbox";
}

function MessageBody({
  message,
  allowRemoteImages,
  imagesHref,
}: {
  message: MessageDetail;
  allowRemoteImages: boolean;
  imagesHref: string;
}) {
  if (message.html !== null) {
    return (
      <>
        {message.blockedRemoteImages > 0 && !allowRemoteImages && (
          <p className="images-notice">
            Remote images are hidden to protect your privacy.{" "}
            <Link href={imagesHref} className="button">
              Show images
            </Link>
          </p>
        )}
        {/* No allow-scripts, no allow-forms, no allow-same-origin: the mail runs nothing and reaches nothing of ours. */}
        <iframe
          title="Message body"
          data-testid="message-body"
          className="message-frame"
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          srcDoc={emailFrameDocument(message.html, { allowRemoteImages })}
        />
      </>
    );
  }
  return (
    <pre className="message-text" data-testid="message-body" dir="auto">
      {message.text ?? "(This message has no text.)"}
    </pre>
  );
}

export default async function MessagePage({ params, searchParams }: Props) {
  const user = await requireUserPage();
  const id = messageId.safeParse((await params).id);
  if (!id.success) notFound();
  const query = await searchParams;
  const allowRemoteImages = query.images === "1";
  const back = backHref(query.back);
  // Compared with the user's own accounts only; anything else (given twice, a stranger's) is refused below.
  const requested = query.account === undefined ? undefined : typeof query.account === "string" ? query.account : "";
  const accountParams: Record<string, string> = requested ? { account: requested } : {};

  let message: MessageDetail;
  let email: string | null = null;
  try {
    email = (await resolveAccount({ userId: user.id, account: requested })).email;
    message = await getMessage({ userId: user.id, account: email ?? undefined, id: id.data, allowRemoteImages });
  } catch (error) {
    return (
      <main className="page">
        <MailboxError
          error={error}
          email={email}
          subject="This message"
          retryHref={`/inbox/${id.data}?${new URLSearchParams({ ...accountParams, back })}`}
          backHref={back}
          backLabel="Back to the inbox"
          missingIsNotFound
        />
      </main>
    );
  }

  const imagesHref = `/inbox/${message.id}?${new URLSearchParams({ ...accountParams, images: "1", back })}`;
  return (
    <main className="page message">
      <Link href={back} className="back-link">
        ‹ Back to the inbox
      </Link>
      <article aria-labelledby="message-subject">
        <h1 id="message-subject" dir="auto">
          {message.subject || "(no subject)"}
        </h1>
        <dl className="message-headers">
          <dt>From</dt>
          <dd dir="auto">{formatMailbox(message.from)}</dd>
          {message.to.length > 0 && (
            <>
              <dt>To</dt>
              <dd dir="auto">{message.to.map(formatMailbox).join(", ")}</dd>
            </>
          )}
          {message.cc.length > 0 && (
            <>
              <dt>Cc</dt>
              <dd dir="auto">{message.cc.map(formatMailbox).join(", ")}</dd>
            </>
          )}
          <dt>Date</dt>
          <dd>
            <LocalTime iso={message.date} style="full" />
          </dd>
        </dl>
        <MessageBody message={message} allowRemoteImages={allowRemoteImages} imagesHref={imagesHref} />
        {message.attachments.length > 0 && (
          <section aria-labelledby="attachments-heading" className="attachments">
            <h2 id="attachments-heading">Attachments ({message.attachments.length})</h2>
            <ul>
              {message.attachments.map((attachment, index) => (
                <li key={index} dir="auto">
                  📎 {attachment.filename}{" "}
                  <span className="muted">
                    ({formatSize(attachment.size)}, {attachment.mimeType})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </main>
  );
}
