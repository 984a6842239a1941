import { describe, expect, it } from "vitest";

import { BatchFormatError, MAX_BATCH_PARTS, decodeBatchResponse, encodeBatchRequest, type BatchRequestPart } from "./batch-multipart";

function boundaryOf(contentType: string): string {
  const match = /^multipart\/mixed; boundary=(\S+)$/.exec(contentType);
  if (!match?.[1]) throw new Error(`unexpected content type ${contentType}`);
  return match[1];
}

describe("encodeBatchRequest", () => {
  const parts: BatchRequestPart[] = [
    { id: "item1", method: "GET", path: "/gmail/v1/users/me/messages/18c1b58689824c92?format=metadata&metadataHeaders=Subject" },
    { id: "item2", method: "POST", path: "/gmail/v1/users/me/messages/18c1b5868982aaaa/modify", body: { removeLabelIds: ["UNREAD"] } },
  ];

  it("produces the wire format of the spec, with CRLF line endings", () => {
    const { contentType, body } = encodeBatchRequest(parts);
    const b = boundaryOf(contentType);
    expect(body).toBe(
      [
        `--${b}`,
        "Content-Type: application/http",
        "Content-ID: <item1>",
        "",
        "GET /gmail/v1/users/me/messages/18c1b58689824c92?format=metadata&metadataHeaders=Subject",
        "",
        `--${b}`,
        "Content-Type: application/http",
        "Content-ID: <item2>",
        "",
        "POST /gmail/v1/users/me/messages/18c1b5868982aaaa/modify",
        "Content-Type: application/json; charset=UTF-8",
        "",
        '{"removeLabelIds":["UNREAD"]}',
        `--${b}--`,
        "",
      ].join("\r\n"),
    );
    expect(body.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("picks a fresh random boundary for each request", () => {
    const a = boundaryOf(encodeBatchRequest(parts).contentType);
    const b = boundaryOf(encodeBatchRequest(parts).contentType);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_]{20,70}$/);
  });

  it("rejects parts that would corrupt the message or be unmatchable", () => {
    expect(() => encodeBatchRequest([])).toThrow(TypeError);
    expect(() => encodeBatchRequest([{ id: "a>b", method: "GET", path: "/x" }])).toThrow(/id/);
    expect(() => encodeBatchRequest([{ id: "a\r\nX-Evil: 1", method: "GET", path: "/x" }])).toThrow(/id/);
    expect(() => encodeBatchRequest([{ id: "", method: "GET", path: "/x" }])).toThrow(/id/);
    expect(() =>
      encodeBatchRequest([
        { id: "same", method: "GET", path: "/x" },
        { id: "same", method: "GET", path: "/y" },
      ]),
    ).toThrow(/Duplicate/);
    expect(() => encodeBatchRequest([{ id: "a", method: "GET", path: "/x HTTP/1.1\r\nHost: evil" }])).toThrow(/path/);
    expect(() => encodeBatchRequest([{ id: "a", method: "GET", path: "https://example.com/x" }])).toThrow(/path/);
    const tooMany = Array.from({ length: MAX_BATCH_PARTS + 1 }, (_, i) => ({ id: `m${i}`, method: "GET" as const, path: "/x" }));
    expect(() => encodeBatchRequest(tooMany)).toThrow(/at most 50 parts, got 51/);
    expect(() => encodeBatchRequest(tooMany.slice(0, MAX_BATCH_PARTS))).not.toThrow();
  });

  it("round-trips through the decoder when a server echoes the parts back", () => {
    const { contentType, body } = encodeBatchRequest(parts);
    const echoed = body
      .replace(/Content-ID: <(\w+)>/g, "Content-ID: <response-$1>")
      .replace(/(GET|POST) \S+\r\n/g, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}\r\n");
    const decoded = decodeBatchResponse(contentType, echoed);
    expect(decoded.map((p) => [p.contentId, p.status])).toEqual([
      ["item1", 200],
      ["item2", 200],
    ]);
  });
});

const googleResponse = [
  "--batch_7Xp52oGIwpA_AAEAc7ERnGU",
  "Content-Type: application/http",
  "Content-ID: <response-item1>",
  "",
  "HTTP/1.1 200 OK",
  "Content-Type: application/json; charset=UTF-8",
  "Vary: Origin, X-Origin, Referer",
  "",
  '{"id":"18c1b58689824c92","threadId":"18c1b58689824c92","labelIds":["INBOX"]}',
  "--batch_7Xp52oGIwpA_AAEAc7ERnGU",
  "Content-Type: application/http",
  "Content-ID: <response-item2>",
  "",
  "HTTP/1.1 404 Not Found",
  "Content-Type: application/json; charset=UTF-8",
  "",
  '{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND"}}',
  "--batch_7Xp52oGIwpA_AAEAc7ERnGU--",
  "",
].join("\r\n");

describe("decodeBatchResponse", () => {
  const contentType = "multipart/mixed; boundary=batch_7Xp52oGIwpA_AAEAc7ERnGU";

  it("reads each part's id, status, headers and JSON body", () => {
    expect(decodeBatchResponse(contentType, googleResponse)).toEqual([
      {
        contentId: "item1",
        status: 200,
        headers: { "content-type": "application/json; charset=UTF-8", vary: "Origin, X-Origin, Referer" },
        body: { id: "18c1b58689824c92", threadId: "18c1b58689824c92", labelIds: ["INBOX"] },
      },
      {
        contentId: "item2",
        status: 404,
        headers: { "content-type": "application/json; charset=UTF-8" },
        body: { error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" } },
      },
    ]);
  });

  it("accepts LF-only line endings", () => {
    const decoded = decodeBatchResponse(contentType, googleResponse.replace(/\r\n/g, "\n"));
    expect(decoded.map((p) => [p.contentId, p.status, p.body !== null])).toEqual([
      ["item1", 200, true],
      ["item2", 404, true],
    ]);
  });

  it("accepts a quoted boundary, parameter case and extra parameters", () => {
    const decoded = decodeBatchResponse('Multipart/Mixed; charset=utf-8; BOUNDARY="batch_7Xp52oGIwpA_AAEAc7ERnGU"', googleResponse);
    expect(decoded).toHaveLength(2);
  });

  it("handles boundaries with regex metacharacters", () => {
    const b = "a+b.c(d)?";
    const body = `--${b}\r\nContent-ID: <response-x>\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n\r\n--${b}--`;
    expect(decodeBatchResponse(`multipart/mixed; boundary="${b}"`, body)).toEqual([
      { contentId: "x", status: 204, headers: {}, body: null },
    ]);
  });

  it("ignores preamble and epilogue", () => {
    const body = `This is a preamble.\r\n--B\r\nContent-ID: <response-1>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{"a":1}\r\n--B--\r\nepilogue --B\r\n--B\r\nnot a part`;
    expect(decodeBatchResponse("multipart/mixed; boundary=B", body)).toEqual([
      { contentId: "1", status: 200, headers: {}, body: { a: 1 } },
    ]);
  });

  it("does not mistake a longer token that starts with the boundary for a delimiter", () => {
    const body = `--B\r\nContent-ID: <response-1>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n--BX\r\n--B--`;
    const [part] = decodeBatchResponse("multipart/mixed; boundary=B", body);
    expect(part?.status).toBe(200);
    expect(part?.body).toBeNull();
  });

  it("returns an empty id for a part without Content-ID, and keeps ids without the response- prefix", () => {
    const body = [
      "--B",
      "Content-Type: application/http",
      "",
      "HTTP/1.1 200 OK",
      "",
      "{}",
      "--B",
      "Content-ID: item-7",
      "",
      "HTTP/1.1 200 OK",
      "",
      "{}",
      "--B--",
    ].join("\r\n");
    expect(decodeBatchResponse("multipart/mixed; boundary=B", body).map((p) => p.contentId)).toEqual(["", "item-7"]);
  });

  it("gives a null body for non-JSON or empty bodies, keeping the status", () => {
    const body = [
      "--B",
      "Content-ID: <response-a>",
      "",
      "HTTP/1.1 503 Service Unavailable",
      "Content-Type: text/html",
      "Retry-After: 7",
      "",
      "<html><body>Service Unavailable</body></html>",
      "--B",
      "Content-ID: <response-b>",
      "",
      "HTTP/1.1 200 OK",
      "--B--",
    ].join("\r\n");
    expect(decodeBatchResponse("multipart/mixed; boundary=B", body)).toEqual([
      { contentId: "a", status: 503, headers: { "content-type": "text/html", "retry-after": "7" }, body: null },
      { contentId: "b", status: 200, headers: {}, body: null },
    ]);
  });

  it("reports status 0 for a part without a readable status line", () => {
    const body = "--B\r\nContent-ID: <response-a>\r\n\r\ngarbage\r\n--B--";
    expect(decodeBatchResponse("multipart/mixed; boundary=B", body)).toEqual([{ contentId: "a", status: 0, headers: {}, body: null }]);
  });

  it("keeps the last part of a truncated response", () => {
    const body =
      '--B\r\nContent-ID: <response-a>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{"id":"a"}\r\n--B\r\nContent-ID: <response-b>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{"id":';
    expect(decodeBatchResponse("multipart/mixed; boundary=B", body)).toEqual([
      { contentId: "a", status: 200, headers: {}, body: { id: "a" } },
      { contentId: "b", status: 200, headers: {}, body: null },
    ]);
  });

  it("joins folded and repeated inner headers", () => {
    const body = "--B\r\nContent-ID: <response-a>\r\n\r\nHTTP/1.1 200 OK\r\nX-Long: one\r\n two\r\nVary: a\r\nVary: b\r\n\r\n{}\r\n--B--";
    expect(decodeBatchResponse("multipart/mixed; boundary=B", body)[0]?.headers).toEqual({ "x-long": "one two", vary: "a, b" });
  });

  it("returns no parts for a multipart body without any delimiter", () => {
    expect(decodeBatchResponse("multipart/mixed; boundary=B", "")).toEqual([]);
    expect(decodeBatchResponse("multipart/mixed; boundary=B", "just text")).toEqual([]);
  });

  it("throws a typed error for a non-multipart response", () => {
    const attempt = () => decodeBatchResponse("application/json; charset=UTF-8", '{"error":{"code":401}}');
    expect(attempt).toThrow(BatchFormatError);
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(BatchFormatError);
      expect((error as BatchFormatError).reason).toBe("not_multipart");
    }
    expect(() => decodeBatchResponse("", "")).toThrow(BatchFormatError);
  });

  it("throws a typed error when the boundary is missing or empty", () => {
    for (const contentType of ["multipart/mixed", "multipart/mixed; charset=utf-8", 'multipart/mixed; boundary=""']) {
      try {
        decodeBatchResponse(contentType, googleResponse);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(BatchFormatError);
        expect((error as BatchFormatError).reason).toBe("missing_boundary");
      }
    }
  });
});
