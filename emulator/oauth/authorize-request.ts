import type { EmuResponse } from "../http/types";
import { allowsRedirectUri, type ClientRegistry, type OAuthClient } from "./clients";
import { errorPage } from "./pages";
import { isKnownScope, parseScopeParam } from "./scopes";

/** A validated request to the authorization endpoint. */
export interface AuthRequest {
  client: OAuthClient;
  redirectUri: string;
  state?: string;
  /** Canonical scopes in request order. */
  scopes: string[];
  shortForms: Set<string>;
  accessType: "online" | "offline";
  prompt: Set<string>;
  loginHint?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
  includeGrantedScopes: boolean;
}

export type AuthRequestResult = { ok: true; request: AuthRequest } | { ok: false; response: EmuResponse };

/**
 * Validates like Google: client and redirect_uri problems are shown as an error page and never redirect
 * (the redirect target is not trusted yet); other malformed requests get an error page too.
 */
export function parseAuthRequest(query: URLSearchParams, clients: ClientRegistry): AuthRequestResult {
  const fail = (status: number, code: string, detail: string): AuthRequestResult => ({
    ok: false,
    response: errorPage(status, code, detail),
  });
  const clientId = query.get("client_id");
  if (!clientId) return fail(400, "invalid_request", "Missing required parameter: client_id");
  const client = clients.get(clientId);
  if (!client) return fail(401, "invalid_client", "The OAuth client was not found.");
  const redirectUri = query.get("redirect_uri");
  if (!redirectUri) return fail(400, "invalid_request", "Missing required parameter: redirect_uri");
  if (!allowsRedirectUri(client, redirectUri)) {
    return fail(
      400,
      "redirect_uri_mismatch",
      `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. If you're the app developer, register the redirect URI in the Google Cloud Console. Request details: redirect_uri=${redirectUri}`,
    );
  }
  const responseType = query.get("response_type");
  if (!responseType) return fail(400, "invalid_request", "Required parameter is missing: response_type");
  if (responseType !== "code")
    return fail(400, "unsupported_response_type", `The emulator supports response_type=code only (got ${responseType}).`);
  const scopeParam = query.get("scope");
  if (!scopeParam || scopeParam.trim() === "") return fail(400, "invalid_request", "Missing required parameter: scope");
  const { canonical, shortForms } = parseScopeParam(scopeParam);
  const unknown = canonical.filter((s) => !isKnownScope(s));
  if (unknown.length > 0) return fail(400, "invalid_scope", `Some requested scopes were invalid. {invalid=[${unknown.join(", ")}]}`);
  if (query.has("approval_prompt") && query.has("prompt"))
    return fail(400, "invalid_request", "Conflict params: approval_prompt and prompt");
  const prompt = new Set((query.get("prompt") ?? "").split(/\s+/).filter((p) => p !== ""));
  if (query.get("approval_prompt") === "force") prompt.add("consent");
  if (prompt.has("none") && prompt.size > 1)
    return fail(400, "invalid_request", "Invalid parameter value for prompt: none cannot be combined with other values");
  const accessType = query.get("access_type") ?? "online";
  if (accessType !== "online" && accessType !== "offline") return fail(400, "invalid_request", `Invalid access_type: ${accessType}`);
  const challenge = query.get("code_challenge") ?? undefined;
  const method = query.get("code_challenge_method") ?? (challenge ? "plain" : undefined);
  if (method !== undefined && method !== "S256" && method !== "plain")
    return fail(400, "invalid_request", `Invalid code_challenge_method: ${method}`);
  if (method !== undefined && !challenge) return fail(400, "invalid_request", "Missing code_challenge");

  const request: AuthRequest = {
    client,
    redirectUri,
    scopes: canonical,
    shortForms,
    accessType,
    prompt,
    includeGrantedScopes: query.get("include_granted_scopes") === "true",
  };
  const optional = { state: query.get("state"), loginHint: query.get("login_hint"), nonce: query.get("nonce") };
  if (optional.state !== null) request.state = optional.state;
  if (optional.loginHint) request.loginHint = optional.loginHint;
  if (optional.nonce) request.nonce = optional.nonce;
  if (challenge && method) {
    request.codeChallenge = challenge;
    request.codeChallengeMethod = method;
  }
  return { ok: true, request };
}
