// Starts the app's server (scripts/serve.ts, Next's custom server) as a child process, in production or
// development mode, and waits until /api/health answers. Used by `npm start`, the dev launcher, the e2e set-up,
// the benchmark and multi-instance tests, so every one of them runs exactly what production runs.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { type HeapPolicy, heapPolicy, memoryLimitBytes } from "./heap-policy";

export type AppMode = "start" | "dev";

export type AppServer = {
  url: string;
  port: number;
  process: ChildProcess;
  /** The heap flags the instance was started with (production only), and why. */
  heap: HeapPolicy;
  output: () => string;
  close: () => Promise<void>;
};

const serveScript = path.resolve("scripts", "serve.ts");

/**
 * The command that runs the server. Production gets a heap sized for the machine or container (heap-policy.ts);
 * development keeps V8's defaults, since Turbopack's compiler shares the process.
 */
export function serverCommand(options: { mode: AppMode; port: number; hostname?: string; env: NodeJS.ProcessEnv }): {
  command: string;
  args: string[];
  heap: HeapPolicy;
} {
  const heap: HeapPolicy =
    options.mode === "start" ? heapPolicy(memoryLimitBytes(), options.env.NODE_OPTIONS) : { flags: [], reason: "development: V8 defaults" };
  const args = [...heap.flags, "--import", "tsx/esm", serveScript, "--mode", options.mode, "--port", String(options.port)];
  if (options.hostname) args.push("--hostname", options.hostname);
  return { command: process.execPath, args, heap };
}

export async function startAppServer(options: {
  port: number;
  mode: AppMode;
  env: NodeJS.ProcessEnv;
  /** Pass the server's output through to this process (dev) instead of only collecting it. */
  inheritOutput?: boolean;
  timeoutMs?: number;
}): Promise<AppServer> {
  const url = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    NEXTAUTH_URL: url,
    ...options.env,
    NODE_ENV: options.mode === "start" ? "production" : "development",
    PORT: String(options.port),
  };
  const { command, args, heap } = serverCommand({ mode: options.mode, port: options.port, hostname: "127.0.0.1", env });
  const child = spawn(command, args, {
    env,
    stdio: ["ignore", options.inheritOutput ? "inherit" : "pipe", options.inheritOutput ? "inherit" : "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await once(child, "exit");
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`next ${options.mode} exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return { url, port: options.port, process: child, heap, output: () => output, close };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await close();
  throw new Error(`next ${options.mode} did not become healthy within the time limit:\n${output}`);
}

/** The environment of a production instance that talks to the emulator, with freshly generated secrets. */
export function productionEnv(options: { databaseUrl: string; dataDir: string; emulatorUrl: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    MAILROOM_DATA_DIR: options.dataDir,
    GOOGLE_EMULATOR_URL: options.emulatorUrl,
    ALLOW_GOOGLE_EMULATOR: "true",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
    // The emulator has no quota, and the browser suite, benchmark and soak drive one account far harder than a
    // person would: they measure Mailroom, not Gmail's pacing (lib/limits/gmail-quota.test.ts covers that).
    GMAIL_USER_QUOTA_PER_MINUTE: "0",
  };
}
