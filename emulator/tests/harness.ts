import { afterAll, beforeAll, beforeEach } from "vitest";
import { type RunningEmulator, startEmulator } from "../server";
import { control } from "../testing/control-client";

/**
 * Starts one emulator on a free port for the test file, resets it before each test unless told not to
 * (fresh seed, no tokens or faults) and closes it afterwards. `emulator.url` is valid inside tests and hooks.
 */
export function useEmulator(options: { resetBeforeEach?: boolean } = {}): { readonly url: string } {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    if (running && options.resetBeforeEach !== false) await control(running.url, "POST", "reset");
  });
  return {
    get url() {
      if (!running) throw new Error("emulator not started");
      return running.url;
    },
  };
}

/** Follows nothing: returns the status and Location of one request. */
export async function fetchManual(url: string, init: RequestInit = {}): Promise<{ status: number; location: string | null; text: string }> {
  const response = await fetch(url, { redirect: "manual", ...init });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}
