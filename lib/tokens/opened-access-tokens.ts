import "server-only";
// Every Gmail request opens the account's stored access token (AES-256-GCM). The same stored value always opens
// to the same token, and it is replaced (a new value) when the token is refreshed, so each process remembers
// the tokens it opened recently instead of decrypting them on every request. Only access tokens, which live an
// hour; refresh tokens are opened rarely and stay decrypted only while used.
//
// The memory is keyed by where the value is stored (account and field) as well as by the value: a ciphertext
// copied into another account's row is opened, and refused, by the vault as before, never served from here.
import type { Account } from "@/generated/prisma/client";
import { openToken } from "./token-store";

const MAX_REMEMBERED = 1000;
const opened = new Map<string, string>();

/** The plaintext of `account`'s stored access token; throws as openToken does when it cannot be opened. */
export function openAccessToken(account: Pick<Account, "providerAccountId">, stored: string): string {
  const key = `${account.providerAccountId}\n${stored}`;
  const known = opened.get(key);
  if (known !== undefined) return known;
  const token = openToken(account, "access_token", stored);
  if (opened.size >= MAX_REMEMBERED) opened.delete(opened.keys().next().value!);
  opened.set(key, token);
  return token;
}
