/** OAuth clients known to the emulator: the seeded Mailroom dev client plus any registered through control. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Exact redirect URIs; the seeded client uses `devCallback` instead. */
  redirectUris: readonly string[];
  devCallback: boolean;
  /** The Cloud project the client belongs to: Gmail push topics must be in it. */
  projectId: string;
}

import { DEV_CALLBACK_PATH, DEV_CLIENT_ID, DEV_CLIENT_SECRET, DEV_PROJECT_ID } from "../dev-client";

export { DEV_CALLBACK_PATH, DEV_CLIENT_ID, DEV_CLIENT_SECRET } from "../dev-client";

function devClient(): OAuthClient {
  return {
    clientId: DEV_CLIENT_ID,
    clientSecret: DEV_CLIENT_SECRET,
    name: "Mailroom",
    redirectUris: [],
    devCallback: true,
    projectId: DEV_PROJECT_ID,
  };
}

export class ClientRegistry {
  private readonly clients = new Map<string, OAuthClient>();

  constructor(initial: OAuthClient[] = [devClient()]) {
    for (const client of initial) this.clients.set(client.clientId, client);
  }

  get(clientId: string): OAuthClient | undefined {
    return this.clients.get(clientId);
  }

  register(client: OAuthClient): void {
    this.clients.set(client.clientId, client);
  }
}

/**
 * Google compares redirect URIs exactly. The dev client is registered for the app's callback on localhost
 * and 127.0.0.1 at any port, so tests can run the app on free ports.
 */
export function allowsRedirectUri(client: OAuthClient, uri: string): boolean {
  if (client.redirectUris.includes(uri)) return true;
  if (!client.devCallback) return false;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return (
    (url.protocol === "http:" || url.protocol === "https:") &&
    (url.hostname === "localhost" || url.hostname === "127.0.0.1") &&
    url.pathname === DEV_CALLBACK_PATH &&
    url.search === "" &&
    url.hash === "" &&
    url.username === "" &&
    uri.startsWith(`${url.protocol}//${url.host}${DEV_CALLBACK_PATH}`)
  );
}
