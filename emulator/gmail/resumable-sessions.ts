import { randomBytes } from "node:crypto";
import type { EmuResponse } from "../http/types";
import type { GmailCaller } from "./access";
import type { WriteBody } from "./write-body";

/** Which write method an upload belongs to. */
export type UploadKind = "send" | "draftCreate" | "draftUpdate" | "draftSend";

/** One resumable upload: who started it, for which method, its metadata and the bytes received so far. */
export interface UploadSession {
  id: string;
  caller: GmailCaller;
  kind: UploadKind;
  /** drafts.update: the draft id of the path. */
  draftId?: string;
  body: WriteBody;
  declaredLength?: number;
  chunks: Buffer[];
  received: number;
  /** The method's answer once the last byte arrived (a later probe gets it again). */
  result?: EmuResponse;
}

/**
 * Resumable upload sessions (Google's generic protocol): the session URI's `upload_id` is the only credential a
 * chunk needs. Held in memory until the emulator resets.
 */
export class ResumableSessions {
  private readonly sessions = new Map<string, UploadSession>();

  create(session: Omit<UploadSession, "id" | "chunks" | "received">): UploadSession {
    const id = `AHVAwd${randomBytes(36).toString("base64url")}`;
    const created: UploadSession = { ...session, id, chunks: [], received: 0 };
    this.sessions.set(id, created);
    return created;
  }

  get(id: string): UploadSession | undefined {
    return this.sessions.get(id);
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}
