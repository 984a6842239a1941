import type { EmuRequest, EmuResponse } from "../http/types";
import { googleError } from "./errors";
import { headerValue, parseContentType, parseHeaders, splitHeaderBody } from "./mime-headers";
import { splitMultipart } from "./mime-parser";
import { badRequest } from "./write-body";

/** An upload's two halves: the JSON metadata (a Draft or a Message without `raw`) and the message bytes. */
export interface UploadParts {
  metadata: unknown;
  media: Buffer;
}

/** Gmail's upload methods accept `message/*` only (the discovery document's `accept`). */
export function isMessageType(contentType: string | undefined): boolean {
  return parseContentType(contentType, "").mimeType.startsWith("message/");
}

export function unsupportedMediaType(contentType: string | undefined): EmuResponse {
  const type = parseContentType(contentType, "application/octet-stream").mimeType;
  return badRequest(`Media type '${type}' is not supported. Valid media types: [message/*]`);
}

export function uploadTooLarge(limit: number): EmuResponse {
  const message = `Media larger than the maximum size of ${limit} bytes.`;
  return googleError({
    status: 413,
    message,
    errors: [{ message, domain: "global", reason: "uploadTooLarge" }],
    statusName: "FAILED_PRECONDITION",
  });
}

/** `uploadType=media`: the body is the message itself, with no metadata (so no threadId and no draft id). */
export function readMediaUpload(req: EmuRequest): UploadParts | EmuResponse {
  if (!isMessageType(req.headers["content-type"])) return unsupportedMediaType(req.headers["content-type"]);
  return { metadata: {}, media: req.body };
}

/**
 * `uploadType=multipart`: multipart/related with the JSON metadata first and the message second, as the
 * official clients send it. The other order is refused, as Google refuses it.
 */
export function readMultipartUpload(req: EmuRequest): UploadParts | EmuResponse {
  const type = parseContentType(req.headers["content-type"], "");
  const boundary = type.params.get("boundary");
  if (!type.mimeType.startsWith("multipart/") || !boundary)
    return badRequest("Multipart upload requires a multipart/related body with a boundary.");
  const parts = splitMultipart(req.body.toString("latin1"), boundary).map((part) => {
    const { headerBlock, body } = splitHeaderBody(part);
    return { contentType: headerValue(parseHeaders(headerBlock), "Content-Type"), body };
  });
  const [first, second] = parts;
  if (!first) return badRequest("Multipart upload has no parts.");
  const firstType = parseContentType(first.contentType, "").mimeType;
  if (firstType !== "application/json") {
    if (second && parseContentType(second.contentType, "").mimeType === "application/json") {
      return badRequest("application/json can't be used as media type");
    }
    return badRequest("The first part of a multipart upload must be application/json metadata.");
  }
  let metadata: unknown;
  try {
    metadata = first.body.trim() === "" ? {} : (JSON.parse(Buffer.from(first.body, "latin1").toString("utf8")) as unknown);
  } catch {
    return badRequest("Invalid JSON payload received.");
  }
  if (!second) return { metadata, media: Buffer.alloc(0) };
  if (!isMessageType(second.contentType)) return unsupportedMediaType(second.contentType);
  return { metadata, media: Buffer.from(second.body, "latin1") };
}
