/** Tiny helpers for driving a running emulator from tests and the bench (plain fetch, no app code). */
import { DEV_CALLBACK_PATH, DEV_CLIENT_ID, DEV_CLIENT_SECRET } from "../dev-client";
import { GMAIL_SCOPES } from "../oauth/scopes";

export async function control<T = unknown>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export const DEV_CLIENT = {
  clientId: DEV_CLIENT_ID,
  clientSecret: DEV_CLIENT_SECRET,
  redirectUri: `http://localhost:3000${DEV_CALLBACK_PATH}`,
};

export const GMAIL_READONLY = GMAIL_SCOPES.readonly;
export const GMAIL_MODIFY = GMAIL_SCOPES.modify;

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
  token_type: string;
  id_token?: string;
}

export interface AuthorizeOptions {
  email?: string;
  scope?: string;
  accessType?: "online" | "offline";
  prompt?: string;
  grantScopes?: string[];
  extra?: Record<string, string>;
}

/** Authorization URL for the dev client. */
export function authorizeUrl(baseUrl: string, options: AuthorizeOptions = {}): string {
  const params = new URLSearchParams({
    client_id: DEV_CLIENT.clientId,
    redirect_uri: DEV_CLIENT.redirectUri,
    response_type: "code",
    scope: options.scope ?? `openid email profile ${GMAIL_READONLY}`,
    state: "test-state",
    ...(options.accessType ? { access_type: options.accessType } : {}),
    ...(options.prompt ? { prompt: options.prompt } : {}),
    ...(options.email ? { login_hint: options.email } : {}),
    ...options.extra,
  });
  return `${baseUrl}/o/oauth2/v2/auth?${params.toString()}`;
}

/**
 * Runs the code flow through the consent automation (no browser) and returns the redirect's parameters.
 * The automation stays on afterwards, answering as `email`.
 */
export async function authorizeWithoutBrowser(baseUrl: string, options: AuthorizeOptions = {}): Promise<URLSearchParams> {
  await control(baseUrl, "POST", "consent", {
    email: options.email ?? "ada@example.com",
    ...(options.grantScopes ? { grantScopes: options.grantScopes } : {}),
  });
  const response = await fetch(authorizeUrl(baseUrl, options), { redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}`);
  return new URL(location).searchParams;
}

export async function exchangeCode(baseUrl: string, code: string): Promise<TokenResponse> {
  const response = await fetch(`${baseUrl}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: DEV_CLIENT.redirectUri,
      client_id: DEV_CLIENT.clientId,
      client_secret: DEV_CLIENT.clientSecret,
    }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** An access token for `email` with the given scopes, obtained through the consent automation. */
export async function obtainTokens(baseUrl: string, options: AuthorizeOptions = {}): Promise<TokenResponse> {
  const params = await authorizeWithoutBrowser(baseUrl, { accessType: "offline", prompt: "consent", ...options });
  const code = params.get("code");
  if (!code) throw new Error(`no code: ${params.toString()}`);
  return exchangeCode(baseUrl, code);
}
