// `npm start`: apply pending migrations, then serve the production build with our custom server
// (scripts/serve.ts) on a heap sized for this machine or container (scripts/lib/heap-policy.ts). Configuration
// is validated by the server itself at start-up (instrumentation.ts), so a bad value stops it naming the value.
import { spawn } from "node:child_process";
import { serverCommand } from "./lib/app-server";
import { prepareDatabase } from "./lib/database";

await prepareDatabase(process.env);
const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env, NODE_ENV: "production" };
const { command, args, heap } = serverCommand({ mode: "start", port: Number(process.env.PORT ?? 3000), env });
console.log(`Heap: ${heap.flags.join(" ") || "as NODE_OPTIONS sets it"} (${heap.reason})`);
const child = spawn(command, args, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
