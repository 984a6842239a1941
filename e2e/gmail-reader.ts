// What Gmail (the emulator) holds, read over HTTP the way any Gmail client reads it: through an OAuth client
// of its own, so the app's grant, tokens and consent are never touched by the test's reading.
import type { Emulator } from "./fixtures";

const READER = {
  client_id: "e2e-gmail-reader.apps.googleusercontent.com",
  client_secret: "e2e-gmail-reader-secret",
  redirect_uri: "http://127.0.0.1/e2e-reader-callback",
};

/** Registers the reader's client and gets a gmail.readonly token for `email` (the emulator's consent automation, then off). */
export async function readOnlyToken(emulator: Emulator, email: string): Promise<string> {
  await emulator.control("POST", "clients", {
    client_id: READER.client_id,
    client_secret: READER.client_secret,
    redirect_uris: [READER.redirect_uri],
  });
  await emulator.control("POST", "consent", { email });
  try {
    const authorize = new URL("/o/oauth2/v2/auth", emulator.url);
    authorize.search = new URLSearchParams({
      client_id: READER.client_id,
      redirect_uri: READER.redirect_uri,
      response_type: "code",
      scope: "https://www.googleapis.com/auth/gmail.readonly",
      login_hint: email,
      state: "reader",
    }).toString();
    const redirect = await fetch(authorize, { redirect: "manual" });
    const code = new URL(redirect.headers.get("location") ?? "http://invalid/").searchParams.get("code");
    if (!code) throw new Error(`the reader got no code (HTTP ${redirect.status})`);
    const token = await fetch(new URL("/token", emulator.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, ...READER }),
    });
    if (!token.ok) throw new Error(`the reader's code exchange answered ${token.status}`);
    return ((await token.json()) as { access_token: string }).access_token;
  } finally {
    await emulator.control("POST", "consent", { autoApprove: false });
  }
}

type ThreadResource = { id: string; messages?: { id: string; labelIds?: string[] }[] };

export class GmailReader {
  private constructor(
    private readonly emulator: Emulator,
    private readonly accessToken: string,
  ) {}

  /** A reader of `email`'s mailbox (see readOnlyToken). */
  static async forAccount(emulator: Emulator, email: string): Promise<GmailReader> {
    return new GmailReader(emulator, await readOnlyToken(emulator, email));
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(new URL(path, this.emulator.url), { headers: { authorization: `Bearer ${this.accessToken}` } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as T;
  }

  /** Each message of the conversation with its labels, oldest first. */
  async threadMessages(threadId: string): Promise<{ id: string; labelIds: string[] }[]> {
    const thread = await this.get<ThreadResource>(`/gmail/v1/users/me/threads/${threadId}?format=minimal`);
    return (thread.messages ?? []).map((message) => ({ id: message.id, labelIds: message.labelIds ?? [] }));
  }

  /** The conversation's labels: the union of its messages' (Gmail's own rule). */
  async threadLabels(threadId: string): Promise<string[]> {
    return [...new Set((await this.threadMessages(threadId)).flatMap((message) => message.labelIds))].sort();
  }
}
