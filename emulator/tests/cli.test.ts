import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const children: ChildProcess[] = [];

afterEach(() => {
  // Only the processes this file started, by their own process group id.
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

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
  it("`npm run emulator -- --port N` answers /__emulator/health within 2 seconds of start", async () => {
    const port = await freePort();
    const startedAt = Date.now();
    start("npm", ["run", "-s", "emulator", "--", "--port", String(port)]);
    const healthy = await waitForHealth(`http://127.0.0.1:${port}`, startedAt + 10_000);
    const elapsed = Date.now() - startedAt;
    expect(healthy).toBe(true);
    expect(elapsed).toBeLessThan(2000);
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
      expect(await waitForHealth(url, Date.now() + 2000)).toBe(true);
      child.kill(signal);
      expect(await exited(child)).toBe(0);
    }
  });
});
