// `npm run rotate-token-keys`: re-encrypt every stored token under the first key of TOKEN_ENCRYPTION_KEYS.
import { reencryptAllTokens } from "@/lib/tokens/rotate-keys";

const { accounts, reencrypted } = await reencryptAllTokens();
console.log(`Checked ${accounts} account(s); re-encrypted ${reencrypted} token(s) under the newest key.`);
process.exit(0);
