import { describe, expect, it } from "vitest";
import { benchEmulator } from "../bench";
import { useEmulator } from "./harness";

const emulator = useEmulator();

describe("emulator performance", () => {
  it("serves a 50-message list plus a 50-part metadata batch in well under 20 ms at zero added latency", async () => {
    const { listPlusBatchMs, serverMs } = await benchEmulator(emulator.url);
    expect(listPlusBatchMs.p50).toBeGreaterThan(0);
    expect(listPlusBatchMs.p50).toBeLessThan(20);
    expect(serverMs.p50).toBeGreaterThan(0);
    expect(serverMs.p95).toBeLessThan(20);
  }, 60_000);
});
