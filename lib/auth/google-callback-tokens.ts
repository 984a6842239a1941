import "server-only";
// next-auth treats Google as OpenID Connect: openid-client's callback() insists on an id_token, and takes the
// profile (the Google account's `sub` and address) from it. Google sends an id_token only when `openid` is among
// the scopes the token covers. An incremental request asks for gmail.modify alone; with
// include_granted_scopes=true the token covers the earlier grant too, `openid` included, so an id_token comes
// and is validated exactly as before. Should Google ever answer without one, the single-use code would already
// be spent when openid-client complained, and the person's consent lost: so a missing id_token is tolerated and
// the profile then comes from the userinfo endpoint, asked with the access token the token endpoint just gave us.
import type { TokenEndpointHandler, UserinfoEndpointHandler } from "next-auth/providers/oauth";

type TokenRequest = NonNullable<TokenEndpointHandler["request"]>;
type UserinfoRequest = NonNullable<UserinfoEndpointHandler["request"]>;
type Validator = (tokenSet: unknown, ...rest: unknown[]) => Promise<unknown>;

function lacksIdToken(tokenSet: unknown): boolean {
  return typeof tokenSet === "object" && tokenSet !== null && !(tokenSet as { id_token?: unknown }).id_token;
}

/** The code exchange next-auth would run (state, PKCE, id_token checks), except that an id_token is optional. */
export const exchangeCodeAllowingNoIdToken: TokenRequest = async ({ client, provider, params, checks }) => {
  // next-auth builds a new client for every callback, so this only changes the one exchange at hand.
  // validateIdToken is openid-client's own (untyped) step; a present id_token still goes through it.
  const target = client as unknown as { validateIdToken: Validator };
  const validate: Validator = target.validateIdToken.bind(client);
  target.validateIdToken = (tokenSet, ...rest) => (lacksIdToken(tokenSet) ? Promise.resolve(tokenSet) : validate(tokenSet, ...rest));
  return { tokens: await client.callback(provider.callbackUrl, params, checks) };
};

/** The profile from the validated id_token when there is one, else from the userinfo endpoint. */
export const profileFromIdTokenOrUserinfo: UserinfoRequest = async ({ client, tokens }) => {
  // At run time `tokens` is openid-client's TokenSet (next-auth types it as its plain parameters).
  const tokenSet = tokens as Parameters<typeof client.userinfo>[0] & { claims(): Record<string, unknown> };
  return tokens.id_token ? tokenSet.claims() : client.userinfo(tokenSet);
};
