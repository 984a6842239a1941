import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { leaseHolderIsGone, newLeaseId } from "./lease-holder";

/** A lease id in this process's format, with some of its parts replaced. */
function leaseOf(parts: { host?: string; pid?: number; instance?: string }): string {
  const [host, pid, instance, claim] = newLeaseId().split("/");
  return [parts.host ?? host, parts.pid ?? pid, parts.instance ?? instance, claim].join("/");
}

describe("leaseHolderIsGone", () => {
  it("sees a lease held by this very process as alive", () => {
    expect(leaseHolderIsGone(newLeaseId())).toBe(false);
  });

  it("sees a lease left by an earlier process with this pid (a restarted container's pid 1) as gone", () => {
    expect(leaseHolderIsGone(leaseOf({ instance: randomUUID() }))).toBe(true);
  });

  it("sees a lease whose holder exited as gone, and one whose holder runs as alive", async () => {
    const running = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const exited = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await once(exited, "exit");
    try {
      expect(leaseHolderIsGone(leaseOf({ pid: exited.pid!, instance: randomUUID() }))).toBe(true);
      expect(leaseHolderIsGone(leaseOf({ pid: running.pid!, instance: randomUUID() }))).toBe(false);
    } finally {
      running.kill("SIGKILL");
    }
  });

  it("never judges a holder on another host, or a lease id it cannot read, and lets such a lease run out", () => {
    expect(leaseHolderIsGone(leaseOf({ host: "another-host", pid: 999_999_999, instance: randomUUID() }))).toBe(false);
    expect(leaseHolderIsGone(randomUUID())).toBe(false);
    expect(leaseHolderIsGone(leaseOf({ pid: -1 }))).toBe(false);
  });
});
