/** A minimal Gmail batch client (the Node googleapis client has none), as an app would hand-roll it. */
export interface BatchRequestPart {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponsePart {
  contentId: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export async function sendBatch(
  baseUrl: string,
  accessToken: string,
  parts: readonly BatchRequestPart[],
  /** Gmail's documented batch path, or `/batch`, the `batchPath` of its discovery document. */
  batchPath = "/batch/gmail/v1",
): Promise<{ status: number; parts: BatchResponsePart[] }> {
  const boundary = `batch_test_${Math.random().toString(36).slice(2)}`;
  const chunks = parts.map((part, i) => {
    const lines = [`--${boundary}`, "Content-Type: application/http", `Content-ID: <item${i + 1}>`, "", `${part.method} ${part.path}`];
    for (const [name, value] of Object.entries(part.headers ?? {})) lines.push(`${name}: ${value}`);
    if (part.body !== undefined) lines.push("Content-Type: application/json", "", JSON.stringify(part.body));
    else lines.push("");
    return lines.join("\r\n");
  });
  const response = await fetch(`${baseUrl}${batchPath}`, {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": `multipart/mixed; boundary=${boundary}` },
    body: `${chunks.join("\r\n")}\r\n--${boundary}--\r\n`,
  });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  const responseBoundary = /boundary=([^;]+)/.exec(type)?.[1];
  if (!responseBoundary) return { status: response.status, parts: [] };
  return { status: response.status, parts: parseBatchResponse(text, responseBoundary) };
}

function parseBatchResponse(text: string, boundary: string): BatchResponsePart[] {
  return text
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith("--"))
    .map((chunk) => {
      const [outerHead = "", rest = ""] = splitOnce(chunk.replace(/^\r\n/, ""), "\r\n\r\n");
      const [innerHead = "", body = ""] = splitOnce(rest, "\r\n\r\n");
      const [statusLine = "", ...headerLines] = innerHead.split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const contentId = /Content-ID:\s*(\S+)/i.exec(outerHead)?.[1] ?? "";
      const trimmed = body.replace(/\r\n$/, "");
      return { contentId, status: Number(statusLine.split(" ")[1]), headers, body: trimmed ? (JSON.parse(trimmed) as unknown) : undefined };
    });
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}
