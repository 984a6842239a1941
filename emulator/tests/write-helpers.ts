import type { gmail_v1 } from "@googleapis/gmail";
import { GMAIL_MODIFY } from "../testing/control-client";
import { gmailClient } from "./gmail-helpers";

export const MODIFY_SCOPE = `openid email ${GMAIL_MODIFY}`;

/** The official client for `email` with gmail.modify (or the given scope). */
export function clientFor(baseUrl: string, email: string, scope = MODIFY_SCOPE): Promise<gmail_v1.Gmail> {
  return gmailClient(baseUrl, { email, scope });
}

export interface RawParts {
  from?: string;
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  headers?: Record<string, string>;
  eol?: "\r\n" | "\n";
}

/** A plain RFC 2822 message as a client would build it (address headers first). */
export function rawMessage(parts: RawParts): string {
  const eol = parts.eol ?? "\r\n";
  const lines: string[] = [];
  if (parts.from !== undefined) lines.push(`From: ${parts.from}`);
  if (parts.to !== undefined) lines.push(`To: ${parts.to}`);
  if (parts.cc !== undefined) lines.push(`Cc: ${parts.cc}`);
  if (parts.bcc !== undefined) lines.push(`Bcc: ${parts.bcc}`);
  lines.push(`Subject: ${parts.subject ?? "Hello"}`);
  for (const [name, value] of Object.entries(parts.headers ?? {})) lines.push(`${name}: ${value}`);
  lines.push("MIME-Version: 1.0", 'Content-Type: text/plain; charset="UTF-8"');
  return `${lines.join(eol)}${eol}${eol}${parts.body ?? "Body."}${eol}`;
}

export function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** The raw bytes of a stored message, as messages.get(format=raw) gives them. */
export async function rawOf(client: gmail_v1.Gmail, id: string): Promise<string> {
  const { data } = await client.users.messages.get({ userId: "me", id, format: "raw" });
  return Buffer.from(data.raw ?? "", "base64url").toString("utf8");
}

/** The value of a header in raw message text (first occurrence, unfolded). */
export function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** Gmail's error envelope as a gaxios error carries it. */
export async function gmailError(promise: Promise<unknown>): Promise<{ status: number; message: string; reason?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as {
      status?: number;
      response?: { status: number; data: { error?: { message: string; errors?: { reason: string }[] } } };
    };
    const data = e.response?.data.error;
    return {
      status: e.response?.status ?? e.status ?? 0,
      message: data?.message ?? "",
      ...(data?.errors?.[0] ? { reason: data.errors[0].reason } : {}),
    };
  }
  throw new Error("expected the call to fail");
}
