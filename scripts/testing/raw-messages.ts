// RFC 5322 messages as a sender's client writes them, for inserting into the emulator (POST
// /__emulator/messages), which parses them the way Gmail parses mail it receives.

type Envelope = { to: string; subject: string; from?: string };

function headerLines({ to, subject, from = "Lin <lin@example.org>" }: Envelope): string[] {
  return [`From: ${from}`, `To: ${to}`, `Subject: ${subject}`];
}

/** A message with a short text part and one attachment, base64 in 76-character lines. */
export function messageWithAttachment(
  envelope: Envelope & { text?: string; attachment: { filename: string; mimeType: string; bytes: Buffer } },
): string {
  const { filename, mimeType, bytes } = envelope.attachment;
  return [
    ...headerLines(envelope),
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain",
    "",
    envelope.text ?? "Attached.",
    "--b1",
    `Content-Type: ${mimeType}`,
    `Content-Disposition: attachment; filename="${filename}"`,
    "Content-Transfer-Encoding: base64",
    "",
    bytes.toString("base64").replace(/.{76}/g, "$&\r\n"),
    "--b1--",
    "",
  ].join("\r\n");
}

/** A message whose only body is `html`. */
export function htmlMessage(envelope: Envelope & { html: string }): string {
  return [...headerLines(envelope), "Content-Type: text/html; charset=utf-8", "", envelope.html].join("\r\n");
}
