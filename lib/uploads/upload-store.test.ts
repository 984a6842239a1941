import { readdirSync, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import type { AppError } from "../errors";
import { uploadsDirectory } from "./upload-files";
import { MAX_ATTACHMENT_BYTES } from "./upload-limits";
import { saveUpload, sweepStaleUploads, useUploads } from "./upload-store";

useIntegrationEnvironment();

type Owner = { userId: string; accountId: string };

async function owner(email: string): Promise<Owner> {
  const user = await getDb().user.create({ data: { email } });
  const account = await getDb().account.create({
    data: { userId: user.id, type: "oauth", provider: "google", providerAccountId: email, email },
  });
  return { userId: user.id, accountId: account.id };
}

/** `size` bytes in 1 MiB chunks, never whole in memory. */
function bytes(size: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024, 7);
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const part = chunk.subarray(0, Math.min(left, chunk.length));
      left -= part.length;
      this.push(part);
    },
  });
}

const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((error: unknown) => error as AppError);

let ada: Owner;
let grace: Owner;

beforeEach(async () => {
  ada = await owner(`ada-${Math.random()}@example.com`);
  grace = await owner(`grace-${Math.random()}@example.com`);
});

describe("the upload store", () => {
  it("keeps a file with its name, type and size, readable back byte for byte", async () => {
    const upload = await saveUpload(ada, {
      filename: "חשבונית.pdf",
      mimeType: "application/pdf",
      body: Readable.from([Buffer.from("%PDF-1 hello")]),
    });
    expect(upload.uploadId).toMatch(/^[0-9a-f]{24}$/);
    expect(upload).toEqual({
      uploadId: upload.uploadId,
      filename: "חשבונית.pdf",
      size: 12,
      mimeType: "application/pdf",
    });
    const [stored] = await useUploads(ada, [upload.uploadId]);
    expect(readFileSync(stored!.path, "utf8")).toBe("%PDF-1 hello");
  });

  it("refuses a file announced past Gmail's limit before reading it, with 413 attachment_too_large", async () => {
    const error = await failure(
      saveUpload(ada, {
        filename: "big.bin",
        mimeType: "application/octet-stream",
        body: bytes(10),
        declaredSize: MAX_ATTACHMENT_BYTES + 1,
      }),
    );
    expect(error).toMatchObject({ code: "attachment_too_large", status: 413 });
    expect(error?.message).toMatch(/at most 25 MB/);
  });

  it("refuses a file whose bytes pass the limit, keeping neither row nor file", async () => {
    const before = readdirSync(uploadsDirectory()).length;
    const error = await failure(
      saveUpload(ada, { filename: "big.bin", mimeType: "application/octet-stream", body: bytes(MAX_ATTACHMENT_BYTES + 1) }),
    );
    expect(error).toMatchObject({ code: "attachment_too_large", status: 413 });
    expect(await getDb().upload.count({ where: { userId: ada.userId } })).toBe(0);
    expect(readdirSync(uploadsDirectory())).toHaveLength(before);
  });

  it("lets nobody but its owner's account use an upload", async () => {
    const upload = await saveUpload(ada, { filename: "a.txt", mimeType: "text/plain", body: Readable.from([Buffer.from("a")]) });
    const error = await failure(useUploads(grace, [upload.uploadId]));
    expect(error).toMatchObject({ code: "bad_request", status: 400, details: { unknownAttachments: [upload.uploadId] } });
    const otherAccount = await getDb().account.create({
      data: { userId: ada.userId, type: "oauth", provider: "google", providerAccountId: `x${Math.random()}`, email: "second@example.com" },
    });
    expect(await failure(useUploads({ userId: ada.userId, accountId: otherAccount.id }, [upload.uploadId]))).toMatchObject({
      code: "bad_request",
    });
  });

  it("refuses files that together pass the limit", async () => {
    const half = MAX_ATTACHMENT_BYTES / 2 + 1;
    const first = await saveUpload(ada, { filename: "1.bin", mimeType: "application/octet-stream", body: bytes(half) });
    const second = await saveUpload(ada, { filename: "2.bin", mimeType: "application/octet-stream", body: bytes(half) });
    expect(await failure(useUploads(ada, [first.uploadId, second.uploadId]))).toMatchObject({ code: "attachment_too_large", status: 413 });
  });

  it("deletes uploads unused for a week, with their files", async () => {
    const upload = await saveUpload(ada, { filename: "old.txt", mimeType: "text/plain", body: Readable.from([Buffer.from("old")]) });
    await sweepStaleUploads(Date.now() + 8 * 24 * 3600 * 1000, true);
    expect(await getDb().upload.findUnique({ where: { id: upload.uploadId } })).toBeNull();
    expect(readdirSync(uploadsDirectory())).not.toContain(upload.uploadId);
  });
});
