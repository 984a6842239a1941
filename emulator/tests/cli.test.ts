import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/free-port";

const ROOT = new URL("../..", import.meta.url).pathname;
const children: ChildProcess[] = [];

afterEach(() => {
  // Only the processes this file started, by their own process group id.
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
});

function start(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}

async function waitForHealth(url: string, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/__emulator/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

describe("emulator CLI", () => {
  // How fast it starts is measured by `npm run bench` (emulator/bench.ts measureEmulatorStart), not here.
  it("`npm run emulator -- --port N` answers /__emulator/health on port N", async () => {
    const port = await findFreePort();
    start("npm", ["run", "-s", "emulator", "--", "--port", String(port)]);
    expect(await waitForHealth(`http://127.0.0.1:${port}`, Date.now() + 25_000)).toBe(true);
  });

  it("prints one line with its URL and exits cleanly on SIGTERM and SIGINT", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const child = start("node", ["node_modules/.bin/tsx", "emulator/main.ts", "--port", "0"]);
      let output = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      const deadline = Date.now() + 10_000;
      while (!output.includes("\n") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(output).toMatch(/^Google emulator listening on http:\/\/127\.0\.0\.1:\d+\n$/);
      const url = output.trim().split(" ").at(-1) ?? "";
      // The line is printed once the server listens: it answers at the first try.
      expect((await fetch(`${url}/__emulator/health`)).ok).toBe(true);
      child.kill(signal);
      expect(await exited(child)).toBe(0);
    }
  });
});
