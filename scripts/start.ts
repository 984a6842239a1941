// `npm start`: apply pending migrations, then serve the production build. Configuration is validated by the
// server itself at start-up (instrumentation.ts), so a bad value stops it with a message naming it.
import { spawn } from "node:child_process";
import path from "node:path";
import { prepareDatabase } from "./lib/database";

await prepareDatabase(process.env);
const child = spawn(path.resolve("node_modules", ".bin", "next"), ["start", "--port", process.env.PORT ?? "3000"], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
