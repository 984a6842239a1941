// `npm run rotate-token-keys [-- --forget-undecryptable]`: re-encrypt every stored token under the first key of
// TOKEN_ENCRYPTION_KEYS. Exits 0 only when no token is left under any other key, so that dropping the old keys
// afterwards is safe; otherwise lists each token left behind (account id and field, never a value) and exits 1.
// --forget-undecryptable also forgets tokens that no key can decrypt (their users are asked to reconnect).
import { parseArgs } from "node:util";
import { getConfig } from "@/lib/config";
import { forgetUndecryptable, reencryptAllTokens } from "@/lib/tokens/rotate-keys";

const { values } = parseArgs({ options: { "forget-undecryptable": { type: "boolean", default: false } }, strict: true });

const newestKeyId = getConfig().tokenKeys[0]!.id;
let report = await reencryptAllTokens();
console.log(`Checked ${report.accounts} account(s); re-encrypted ${report.reencrypted} token(s) under the newest key "${newestKeyId}".`);
if (values["forget-undecryptable"] && report.leftBehind.length > 0) {
  const forgotten = await forgetUndecryptable(report.leftBehind);
  console.log(`Forgot ${forgotten} token(s) that no key could decrypt.`);
  report = await reencryptAllTokens();
}
if (report.leftBehind.length > 0) {
  console.error(`${report.leftBehind.length} token(s) are still under an old key: keep the old key(s) until this reports none.`);
  for (const token of report.leftBehind) {
    console.error(`  account ${token.accountId} ${token.field} (key ${token.keyId ?? "unknown"}): ${token.reason}`);
  }
  process.exit(1);
}
console.log(`No token is left under another key: keys other than "${newestKeyId}" may be dropped.`);
process.exit(0);
