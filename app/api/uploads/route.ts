import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";
import { uploadFilename, uploadMimeType } from "@/lib/http/draft-request";
import { withUserFilePost } from "@/lib/http/same-origin-change";
import { saveUpload } from "@/lib/uploads/upload-store";

export const dynamic = "force-dynamic";

// POST /api/uploads?account= with the file as the body (`Content-Type`, `X-Filename` URI-encoded), streamed
// to the upload store → { uploadId, filename, size, mimeType }. Past Gmail's 25 MB: 413 attachment_too_large,
// nothing kept. The upload is then listed by id in a draft's `attachments`.
export const POST = withUserFilePost(async ({ user, account, request }) => {
  const filename = uploadFilename(request.headers.get("x-filename"));
  if (!request.body) throw new AppError("bad_request", "Invalid request: the file is missing (send it as the request body).");
  const declared = request.headers.get("content-length");
  return saveUpload(
    { userId: user.id, accountId: account.id },
    {
      filename,
      mimeType: uploadMimeType(request.headers.get("content-type")),
      body: Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>),
      declaredSize: declared === null ? undefined : Number(declared),
    },
  );
});

function methodNotAllowed(): Response {
  return Response.json(
    { error: { code: "method_not_allowed", message: "Use POST with the file as the body." } },
    { status: 405, headers: { Allow: "POST", "Cache-Control": "private, no-store" } },
  );
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
