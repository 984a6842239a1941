import "server-only";
import { ConfigError, getConfig } from "./config";

/** Stops the process with a readable message (no stack trace) when the configuration is invalid. */
export function assertValidConfiguration(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
