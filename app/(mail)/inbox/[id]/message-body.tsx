import { emailFrameDocument } from "@/lib/gmail/sanitize-email-html";
import type { MessageDetail } from "@/lib/mail/get-message";

/** One message's body: sanitised HTML in its own sandboxed frame, or the plain text. */
export function MessageBody({ message, allowRemoteImages }: { message: MessageDetail; allowRemoteImages: boolean }) {
  if (message.html !== null) {
    return (
      // No allow-scripts, no allow-forms, no allow-same-origin: the mail runs nothing and reaches nothing of ours.
      <iframe
        title={`Message body: ${message.subject || "(no subject)"}`}
        data-testid="message-body"
        className="message-frame"
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={emailFrameDocument(message.html, { allowRemoteImages })}
      />
    );
  }
  return (
    <pre className="message-text" data-testid="message-body" dir="auto">
      {message.text ?? "(This message has no text.)"}
    </pre>
  );
}
