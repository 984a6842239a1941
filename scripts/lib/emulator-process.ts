// Runs the Google emulator as its own process (as in production it would be Google, elsewhere).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";

export type EmulatorProcess = { url: string; process: ChildProcess; close: () => Promise<void> };

export async function startEmulatorProcess(port: number, options: { inheritOutput?: boolean } = {}): Promise<EmulatorProcess> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["emulator/main.ts", "--port", String(port)], {
    stdio: ["ignore", options.inheritOutput ? "inherit" : "ignore", "inherit"],
  });
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await once(child, "exit");
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the emulator exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/__emulator/health`)).ok) return { url, process: child, close };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await close();
  throw new Error("the emulator did not answer /__emulator/health in time");
}
