import { describe, expect, it } from "vitest";
import { Autosave, type AutosaveStatus, type Clock, type SaveOutcome, type SavedDraft } from "./autosave";
import { UNREACHABLE } from "@/app/_components/request-failure";

/** A clock the test moves by hand: timers run when `advance` passes them. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.id !== handle);
    },
  };
  return {
    clock,
    advance: async (ms: number) => {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = due.at;
        due.run();
        await settle();
      }
      now = until;
      await settle();
    },
  };
}

async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

type Call = { content: string; draft: SavedDraft | null };

function recorder(
  outcomes: (call: Call, index: number) => SaveOutcome = (_, i) => ({ kind: "saved", draft: { id: "d1", version: `v${i + 1}` } }),
) {
  const calls: Call[] = [];
  const statuses: AutosaveStatus["state"][] = [];
  return {
    calls,
    statuses,
    save: (content: string, draft: SavedDraft | null) => {
      const call = { content, draft };
      calls.push(call);
      return Promise.resolve(outcomes(call, calls.length - 1));
    },
    onStatus: (status: AutosaveStatus) => statuses.push(status.state),
  };
}

describe("Autosave", () => {
  it("creates the draft at the first change, then updates it with the last version at most once per interval", async () => {
    const { clock, advance } = manualClock();
    const saves = recorder();
    const autosave = new Autosave<string>({ intervalMs: 3000, clock, save: saves.save, onStatus: saves.onStatus });
    autosave.change("H");
    await settle();
    expect(saves.calls).toEqual([{ content: "H", draft: null }]);
    // A minute of typing, a key every 100 ms: one save per 3 s, each with the version the previous one returned.
    for (let i = 0; i < 600; i++) {
      autosave.change(`H${i}`);
      await advance(100);
    }
    expect(saves.calls.length).toBeGreaterThanOrEqual(20);
    expect(saves.calls.length).toBeLessThanOrEqual(21);
    expect(saves.calls[1]?.draft).toEqual({ id: "d1", version: "v1" });
    expect(saves.calls[2]?.draft).toEqual({ id: "d1", version: "v2" });
    await advance(3000);
    expect(saves.calls.at(-1)?.content).toBe("H599");
    expect(saves.statuses.at(-1)).toBe("saved");
  });

  it("flush saves what is unsaved at once, after the save in flight, and nothing when all is saved", async () => {
    const { clock, advance } = manualClock();
    const saves = recorder();
    const autosave = new Autosave<string>({ intervalMs: 3000, clock, save: saves.save, onStatus: saves.onStatus });
    autosave.change("a");
    await settle();
    autosave.change("ab");
    await advance(500);
    expect(saves.calls).toHaveLength(1);
    const outcome = await autosave.flush();
    expect(outcome).toEqual({ kind: "saved", draft: { id: "d1", version: "v2" } });
    expect(saves.calls.map((call) => call.content)).toEqual(["a", "ab"]);
    expect(await autosave.flush()).toBeNull();
    await advance(10_000);
    expect(saves.calls).toHaveLength(2);
  });

  it("stops at a conflict, keeps the text unsaved, and overwrites with the new version once told to", async () => {
    const { clock, advance } = manualClock();
    const saves = recorder((call, i) =>
      call.draft?.version === "v1" ? { kind: "conflict" } : { kind: "saved", draft: { id: "d1", version: `v${i + 1}` } },
    );
    const autosave = new Autosave<string>({ intervalMs: 3000, clock, save: saves.save, onStatus: saves.onStatus });
    autosave.change("mine");
    await settle();
    autosave.change("mine, longer");
    await advance(3000);
    expect(saves.statuses.at(-1)).toBe("conflict");
    expect(autosave.hasUnsavedChanges).toBe(true);
    autosave.change("mine, longer still");
    await advance(10_000);
    expect(saves.calls).toHaveLength(2);
    autosave.resume({ id: "d1", version: "other-tab" });
    await advance(3000);
    expect(saves.calls.at(-1)).toEqual({ content: "mine, longer still", draft: { id: "d1", version: "other-tab" } });
    expect(saves.statuses.at(-1)).toBe("saved");
  });

  it("asks for permission once and tries again after a failure", async () => {
    const { clock, advance } = manualClock();
    let fail = true;
    const saves = recorder(() => (fail ? { kind: "failed", problem: UNREACHABLE } : { kind: "saved", draft: { id: "d9", version: "1" } }));
    const autosave = new Autosave<string>({ intervalMs: 3000, clock, save: saves.save, onStatus: saves.onStatus });
    autosave.change("x");
    await settle();
    expect(saves.statuses.at(-1)).toBe("failed");
    fail = false;
    await advance(3000);
    expect(saves.calls).toHaveLength(2);
    expect(autosave.draft).toEqual({ id: "d9", version: "1" });

    const denied = recorder(() => ({ kind: "scope_required" }));
    const readOnly = new Autosave<string>({ intervalMs: 3000, clock, save: denied.save, onStatus: denied.onStatus });
    readOnly.change("y");
    await advance(30_000);
    expect(denied.calls).toHaveLength(1);
    expect(denied.statuses.at(-1)).toBe("scope_required");
    // A send's flush hears why nothing was saved, rather than nothing at all.
    expect(await readOnly.flush()).toEqual({ kind: "scope_required" });
  });
});
