import { parseArgs } from "node:util";
import { startEmulator } from "./server";

/** CLI: `npm run emulator -- --port 4010 --host 127.0.0.1 --latency 0`. */
function readFlags(): { port: number; host: string; latencyMs: number } {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      latency: { type: "string", default: "0" },
    },
  });
  const port = Number(values.port);
  const latencyMs = Number(values.latency);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`Invalid --port: ${values.port}`);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new RangeError(`Invalid --latency: ${values.latency}`);
  return { port, host: values.host, latencyMs };
}

async function main(): Promise<void> {
  let flags: ReturnType<typeof readFlags>;
  try {
    flags = readFlags();
  } catch (error) {
    // An unknown flag or a bad value: say which, without a stack trace.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const emulator = await startEmulator(flags);
  console.log(`Google emulator listening on ${emulator.url}`);
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("Google emulator failed to start:", error);
  process.exit(1);
});
