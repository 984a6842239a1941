import "server-only";
// Where uploaded files live: one owner-only file per upload under the data directory, named by the upload's
// id. Written to `<id>.part` first and renamed once complete, so a file that exists under its id is whole.
import { createWriteStream } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getConfig } from "../config";
import { ensurePrivateDir } from "../private-files";
import { attachmentTooLarge } from "./upload-limits";

export function uploadsDirectory(): string {
  const directory = path.join(getConfig().dataDir, "uploads");
  ensurePrivateDir(directory, { tightenExisting: false });
  return directory;
}

export const uploadPath = (id: string) => path.join(uploadsDirectory(), id);

/** Counts bytes as they pass and fails the stream the moment `limit` is passed, before more is written. */
function byteCounter(limit: number, counted: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counted.bytes += chunk.byteLength;
      if (counted.bytes > limit) callback(attachmentTooLarge(counted.bytes));
      else callback(null, chunk);
    },
  });
}

/** Streams `source` into the upload's file; its size, or 413 (nothing kept) past `limit`. */
export async function writeUploadFile(id: string, source: Readable, limit: number): Promise<number> {
  const final = uploadPath(id);
  const partial = `${final}.part`;
  const counted = { bytes: 0 };
  try {
    await pipeline(source, byteCounter(limit, counted), createWriteStream(partial, { mode: 0o600, flags: "wx" }));
    await rename(partial, final);
    return counted.bytes;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export async function deleteUploadFile(id: string): Promise<void> {
  await rm(uploadPath(id), { force: true });
}

/** Files (complete or partial) older than `before` whose id `isKnown` does not recognise: left by a crash. */
export async function deleteOrphanFiles(before: Date, isKnown: (ids: string[]) => Promise<Set<string>>): Promise<void> {
  const directory = uploadsDirectory();
  const names = await readdir(directory);
  const known = await isKnown(names.map((name) => name.replace(/\.part$/, "")));
  for (const name of names) {
    const where = path.join(directory, name);
    const info = await stat(where).catch(() => null);
    if (info && info.mtime < before && (name.endsWith(".part") || !known.has(name))) await rm(where, { force: true });
  }
}
