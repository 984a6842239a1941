import { jsonResponse } from "../http/responses";
import type { Router } from "../http/router";
import type { EmulatorState } from "../state";
import { PUSH_DELIVERY_METHOD } from "./event-types";

/**
 * `/.well-known/risc-configuration`. The issuer is the emulator's own URL with a trailing slash (Google's SETs
 * carry `https://accounts.google.com/`), so a receiver that hard-codes Google's issuer instead of comparing with
 * the discovered one fails against the emulator. SETs are signed with the id_token key, and `jwks_uri` is the
 * same JWKS, as Google's configuration points at `…/oauth2/v3/certs`. The subject endpoints are named, not served.
 */
export function registerRiscDiscoveryRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", "/.well-known/risc-configuration", (req) =>
    jsonResponse(
      200,
      {
        issuer: state.risc.issuer,
        jwks_uri: `${req.origin}/oauth2/v3/certs`,
        delivery_methods_supported: [PUSH_DELIVERY_METHOD],
        add_subject_endpoint: `${req.origin}/v1beta/subjects:add`,
        remove_subject_endpoint: `${req.origin}/v1beta/subjects:remove`,
      },
      { "cache-control": "public, max-age=3600" },
    ),
  );
}
