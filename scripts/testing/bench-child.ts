// A bench module that measures the server's own code (not an app over HTTP) runs itself in a child process: the
// code needs the react-server condition, and the bench's numbers must not share a heap or an event loop with
// the other modules'. The child prints its result as JSON on stdout; what it logs goes to stderr.
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

/**
 * Runs `script` (a path from the repository root) in a child Node on the embedded database: these modules
 * count Gmail traffic and time jobs, which the database's kind does not change. `env` is what the child sees
 * beyond that; `nodeFlags` go before the script (e.g. `--expose-gc`).
 */
export async function runBenchChild<Result>(script: string, env: NodeJS.ProcessEnv, nodeFlags: string[] = []): Promise<Result> {
  const sqlite: NodeJS.ProcessEnv = { ...env };
  delete sqlite.MAILROOM_TEST_POSTGRES_URL;
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ["--conditions=react-server", ...nodeFlags, "--import", "tsx", path.resolve(script)],
    { env: sqlite, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  if (stderr) process.stderr.write(stderr);
  return JSON.parse(stdout) as Result;
}

/** In the child: runs `main` when the module is the script Node was started with, prints nothing else, exits. */
export async function runAsBenchChild(moduleUrl: string, main: () => Promise<void>): Promise<void> {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  await main();
  process.exit(0);
}
