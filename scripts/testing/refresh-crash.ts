// A process killed (or frozen) in the middle of a token refresh, then the first request after it. Shared by the
// access-token test (which asserts that request succeeds with one further refresh grant) and by
// `npm run bench` (which reports how long it took, through refresh-crash-bench.ts).
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { getAccessToken } from "@/lib/tokens/access-token";
import { storedAccount } from "./accounts";
import { control, stats } from "./emulator-client";

export type RefreshAfterCrash = { token: string; refreshGrants: number; recoveryMs: number };

const CHILD = path.resolve("scripts/testing/concurrent-refresh-child.ts");
const HOLD_MS = 30_000; // far longer than the token endpoint's timeout: only the kill ends the child's refresh

/**
 * Starts a refresh of the account's (expired) token in a child process and, while the emulator holds its
 * request to the token endpoint, kills it with SIGKILL ("killed": a crash, its sockets close) or stops it
 * with SIGSTOP ("frozen": alive, sockets open, silent); then asks for a token in this process, timed.
 */
export async function refreshAfterCrash(
  emulatorUrl: string,
  accountId: string,
  holder: "killed" | "frozen" = "killed",
): Promise<RefreshAfterCrash> {
  await control(emulatorUrl, "POST", "faults", { match: { method: "POST", path: "/token" }, latencyMs: HOLD_MS, count: 1 });
  // Node itself with tsx as a loader, not the tsx launcher: the launcher runs the script in a second
  // process, which a signal to the launcher would not reach.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD, accountId, "1"], { stdio: "ignore" });
  const exit = once(child, "exit");
  try {
    await untilTheRefreshReachesGoogle(emulatorUrl, () => child.exitCode !== null);
    child.kill(holder === "killed" ? "SIGKILL" : "SIGSTOP");
    if (holder === "killed") await exit; // reaped: a killed but unreaped process still looks alive to the kernel
    const before = (await stats(emulatorUrl)).grants.refresh_token ?? 0;
    const started = performance.now();
    const token = await getAccessToken(await storedAccount(accountId));
    const recoveryMs = performance.now() - started;
    const after = (await stats(emulatorUrl)).grants.refresh_token ?? 0;
    return { token, refreshGrants: after - before, recoveryMs };
  } finally {
    child.kill("SIGKILL");
    await exit;
  }
}

async function untilTheRefreshReachesGoogle(emulatorUrl: string, childExited: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (childExited()) throw new Error("the refreshing child exited before it reached the token endpoint");
    const { faults } = await control<{ faults: { fired: number }[] }>(emulatorUrl, "GET", "faults");
    if (faults.some((fault) => fault.fired > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the refreshing child never reached the token endpoint");
}
