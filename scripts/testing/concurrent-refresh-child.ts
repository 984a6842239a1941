// A separate Node process for the cross-process single-flight test: asks for the same account's access
// token N times at once and prints what it got. Run with `tsx --conditions=react-server`.
import { getAccessToken } from "@/lib/tokens/access-token";
import { storedAccount } from "./accounts";

const [accountId, count] = [process.argv[2], Number(process.argv[3] ?? 20)];
if (!accountId) throw new Error("usage: concurrent-refresh-child <accountId> [count]");
// Start together with the sibling process: both wait for the same wall-clock moment.
const startAt = Number(process.env.START_AT ?? 0);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
const tokens = await Promise.all(Array.from({ length: count }, async () => getAccessToken(await storedAccount(accountId))));
process.stdout.write(JSON.stringify({ tokens: [...new Set(tokens)] }));
process.exit(0);
