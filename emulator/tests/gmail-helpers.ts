import { gmail, type gmail_v1 } from "@googleapis/gmail";
import { OAuth2Client } from "google-auth-library";
import { type AuthorizeOptions, control, obtainTokens } from "../testing/control-client";

/** The official Gmail client pointed at the emulator, with an access token from the consent automation. */
export async function gmailClient(baseUrl: string, options: AuthorizeOptions = {}): Promise<gmail_v1.Gmail> {
  const tokens = await obtainTokens(baseUrl, options);
  await control(baseUrl, "POST", "consent", { autoApprove: false });
  return gmailWithToken(baseUrl, tokens.access_token);
}

export function gmailWithToken(baseUrl: string, accessToken: string): gmail_v1.Gmail {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: accessToken });
  return gmail({ version: "v1", auth, rootUrl: `${baseUrl}/` });
}

/** Every message id a list query returns, following nextPageToken to the end. */
export async function listAll(client: gmail_v1.Gmail, params: gmail_v1.Params$Resource$Users$Messages$List = {}): Promise<string[]> {
  const ids: string[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await client.users.messages.list({ userId: "me", maxResults: 500, ...params, ...(pageToken ? { pageToken } : {}) });
    ids.push(...(data.messages ?? []).map((m) => m.id ?? ""));
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return ids;
}

export function header(message: gmail_v1.Schema$Message, name: string): string | undefined {
  return message.payload?.headers?.find((h) => h.name?.toLowerCase() === name.toLowerCase())?.value ?? undefined;
}

export function decodeBase64Url(data: string | null | undefined): Buffer {
  return Buffer.from(data ?? "", "base64url");
}

/** Depth-first list of a payload's parts, the root included. */
export function allParts(part: gmail_v1.Schema$MessagePart | undefined): gmail_v1.Schema$MessagePart[] {
  if (!part) return [];
  return [part, ...(part.parts ?? []).flatMap(allParts)];
}
