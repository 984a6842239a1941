import type { EmuRequest, EmuResponse } from "../http/types";
import type { ClientRegistry, OAuthClient } from "./clients";
import { oauthError } from "./oauth-errors";

/**
 * Client authentication at the token endpoint: HTTP Basic (form-urlencoded id and secret, as openid-client
 * sends it) or client_id + client_secret parameters (google-auth-library), never both.
 */
export function authenticateClient(req: EmuRequest, params: Map<string, string>, clients: ClientRegistry): OAuthClient | EmuResponse {
  const basic = parseBasic(req.headers.authorization);
  const postedSecret = params.get("client_secret");
  if (basic && postedSecret !== undefined) {
    return oauthError(
      400,
      "invalid_request",
      "Multiple client authentication methods were used. Use either HTTP Basic or client_secret in the body.",
    );
  }
  const clientId = basic?.id ?? params.get("client_id");
  if (!clientId) return oauthError(400, "invalid_request", "Could not determine client ID from request.");
  if (basic && params.has("client_id") && params.get("client_id") !== basic.id) {
    return oauthError(400, "invalid_request", "client_id in the body does not match the Authorization header.");
  }
  const client = clients.get(clientId);
  if (!client) return oauthError(401, "invalid_client", "The OAuth client was not found.");
  const secret = basic?.secret ?? postedSecret;
  if (secret === undefined) return oauthError(400, "invalid_request", "client_secret is missing.");
  if (secret !== client.clientSecret) return oauthError(401, "invalid_client", "Unauthorized");
  return client;
}

function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return undefined;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
      return s;
    }
  };
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}
