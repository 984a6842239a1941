import { jsonResponse } from "../http/responses";
import type { Router } from "../http/router";
import type { EmulatorState } from "../state";
import { ISSUER } from "./id-token";

/**
 * OIDC discovery with the emulator's own URLs. `issuer` stays Google's (openid-client 5 compares it with the
 * id_token's `iss`, not with the URL it fetched), and `authorization_response_iss_parameter_supported` is
 * deliberately absent: next-auth v4 would then demand `iss` on the redirect.
 */
export function registerDiscoveryRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", "/.well-known/openid-configuration", (req) =>
    jsonResponse(
      200,
      {
        issuer: ISSUER,
        authorization_endpoint: `${req.origin}/o/oauth2/v2/auth`,
        token_endpoint: `${req.origin}/token`,
        userinfo_endpoint: `${req.origin}/v1/userinfo`,
        revocation_endpoint: `${req.origin}/revoke`,
        jwks_uri: `${req.origin}/oauth2/v3/certs`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: ["openid", "email", "profile"],
        token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
        claims_supported: ["aud", "email", "email_verified", "exp", "family_name", "given_name", "iat", "iss", "name", "picture", "sub"],
        code_challenge_methods_supported: ["plain", "S256"],
        grant_types_supported: ["authorization_code", "refresh_token"],
      },
      { "cache-control": "public, max-age=3600" },
    ),
  );

  const certHeaders = { "cache-control": "public, max-age=21600, must-revalidate, no-transform" };
  router.add("GET", "/oauth2/v3/certs", async () => jsonResponse(200, { keys: [(await state.keys).jwk] }, certHeaders));
  router.add("GET", "/oauth2/v1/certs", async () => jsonResponse(200, (await state.keys).pemCertificates, certHeaders));
}
