import { startEmulator } from "./server";

/** CLI: `npm run emulator -- --port 4010 --host 127.0.0.1`. */
function readFlag(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  if (index !== -1) return args[index + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portFlag = readFlag(args, "port");
  const port = portFlag === undefined ? 4010 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid --port: ${portFlag ?? ""}`);
    process.exit(2);
  }
  const latencyFlag = readFlag(args, "latency");
  const emulator = await startEmulator({
    port,
    host: readFlag(args, "host") ?? "127.0.0.1",
    latencyMs: latencyFlag === undefined ? 0 : Number(latencyFlag),
  });
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
