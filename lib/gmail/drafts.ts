import "server-only";
// Gmail's drafts on the wire, through the official client: the message goes as `message/rfc822` media
// (a multipart upload, never base64 `raw` in JSON, which Gmail refuses past a few MB), and a large message by
// resumable upload from its built file (upload-message.ts). Each call runs inside withAccount, so it is
// charged to the account's Gmail quota and counted like every other call.
import type { Readable } from "node:stream";
import type { gmail_v1 } from "@googleapis/gmail";
import { getConfig } from "../config";
import { gmailApiFor } from "./gmail-client";
import { uploadResumable } from "./upload-message";

/** The built message: a stream (small) or a file on disk with its exact size (large, resumable). */
export type MessageBody = { kind: "stream"; stream: Readable } | { kind: "file"; path: string; size: number };

/** What identifies a draft now: its id (stable), its current message id (changes on every update), its thread. */
export type DraftHandle = { id: string; messageId: string; threadId: string };

function handleOf(draft: gmail_v1.Schema$Draft): DraftHandle {
  return { id: draft.id ?? "", messageId: draft.message?.id ?? "", threadId: draft.message?.threadId ?? "" };
}

// The client builds an upload's URL from the call's own rootUrl (not the client's), so it is passed per call.
const uploadOptions = () => ({ rootUrl: getConfig().google.endpoints.gmailRoot });

const metadataOf = (threadId: string | null, draftId?: string) => ({
  ...(draftId ? { id: draftId } : {}),
  message: threadId ? { threadId } : {},
});

export async function createDraft(accessToken: string, threadId: string | null, body: MessageBody): Promise<DraftHandle> {
  if (body.kind === "file") {
    return handleOf(
      await uploadResumable(accessToken, { method: "POST", path: "drafts", metadata: metadataOf(threadId) }, body.path, body.size),
    );
  }
  const { users, auth } = gmailApiFor(accessToken);
  const { data } = await users.drafts.create(
    {
      userId: "me",
      auth,
      requestBody: metadataOf(threadId),
      media: { mimeType: "message/rfc822", body: body.stream },
    },
    uploadOptions(),
  );
  return handleOf(data);
}

export async function updateDraft(accessToken: string, draftId: string, threadId: string | null, body: MessageBody): Promise<DraftHandle> {
  const metadata = metadataOf(threadId, draftId);
  if (body.kind === "file") {
    const path = `drafts/${encodeURIComponent(draftId)}`;
    return handleOf(await uploadResumable(accessToken, { method: "PUT", path, metadata }, body.path, body.size));
  }
  const { users, auth } = gmailApiFor(accessToken);
  const { data } = await users.drafts.update(
    {
      userId: "me",
      id: draftId,
      auth,
      requestBody: metadata,
      media: { mimeType: "message/rfc822", body: body.stream },
    },
    uploadOptions(),
  );
  return handleOf(data);
}

/** The draft with its whole message (format=full). */
export async function getDraft(accessToken: string, draftId: string): Promise<gmail_v1.Schema$Draft> {
  const { users, auth } = gmailApiFor(accessToken);
  return (await users.drafts.get({ userId: "me", id: draftId, format: "full", auth })).data;
}

/** One page of drafts: ids and current message ids only (what drafts.list gives). */
export async function listDrafts(accessToken: string, maxResults = 100): Promise<DraftHandle[]> {
  const { users, auth } = gmailApiFor(accessToken);
  const { data } = await users.drafts.list({ userId: "me", maxResults, auth });
  return (data.drafts ?? []).map(handleOf);
}

export async function deleteDraft(accessToken: string, draftId: string): Promise<void> {
  const { users, auth } = gmailApiFor(accessToken);
  await users.drafts.delete({ userId: "me", id: draftId, auth });
}
