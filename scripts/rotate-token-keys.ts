// `npm run rotate-token-keys`: re-encrypt every stored token under the first key of TOKEN_ENCRYPTION_KEYS.
// Exits 0 only when no token is left under any other key, so that dropping the old keys afterwards is safe;
// otherwise lists each token left behind (account id and field, never a value) and exits 1.
import { parseArgs } from "node:util";
import { getConfig } from "@/lib/config";
import { reencryptAllTokens } from "@/lib/tokens/rotate-keys";

parseArgs({ options: {}, strict: true }); // no flags: a typo fails instead of being ignored

const newestKeyId = getConfig().tokenKeys[0]!.id;
const { accounts, reencrypted, leftBehind } = await reencryptAllTokens();
console.log(`Checked ${accounts} account(s); re-encrypted ${reencrypted} token(s) under the newest key "${newestKeyId}".`);
if (leftBehind.length > 0) {
  console.error(`${leftBehind.length} token(s) are still under an old key: keep the old key(s) until this reports none.`);
  for (const token of leftBehind) {
    console.error(`  account ${token.accountId} ${token.field} (key ${token.keyId ?? "unknown"}): ${token.reason}`);
  }
  process.exit(1);
}
console.log(`No token is left under another key: keys other than "${newestKeyId}" may be dropped.`);
process.exit(0);
