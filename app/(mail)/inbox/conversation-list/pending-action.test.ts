import { describe, expect, it } from "vitest";
import { PENDING_ACTION_KEY, type PendingAction, savePendingAction, takePendingAction } from "./pending-action";

function memoryStore() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const now = 1_700_000_000_000;
const pending: PendingAction = {
  account: "ada@example.com",
  returnTo: "/inbox?label=STARRED&q=hello",
  action: "archive",
  threadIds: ["18c0000000000001", "18c0000000000002"],
  savedAt: now,
};

describe("pending action", () => {
  it("is taken once, on the page it was asked on", () => {
    const store = memoryStore();
    savePendingAction(store, pending);
    expect(takePendingAction(store, { location: "/inbox", accounts: ["ada@example.com"] }, now)).toBeNull();
    expect(store.items.has(PENDING_ACTION_KEY)).toBe(true);
    // The same page, its parameters in another order and with what the OAuth round trip may add.
    const taken = takePendingAction(
      store,
      { location: "/inbox?q=hello&grant=declined&label=STARRED", accounts: ["Ada@example.com"] },
      now + 1000,
    );
    expect(taken).toEqual(pending);
    expect(takePendingAction(store, { location: pending.returnTo, accounts: ["ada@example.com"] }, now + 1000)).toBeNull();
  });

  it("waits for the page of its own account", () => {
    const store = memoryStore();
    savePendingAction(store, pending);
    expect(takePendingAction(store, { location: pending.returnTo, accounts: ["grace@example.com"] }, now)).toBeNull();
    expect(store.items.has(PENDING_ACTION_KEY)).toBe(true);
  });

  it("drops stale and malformed entries", () => {
    const store = memoryStore();
    savePendingAction(store, pending);
    expect(takePendingAction(store, { location: pending.returnTo, accounts: ["ada@example.com"] }, now + 60 * 60_000)).toBeNull();
    expect(store.items.has(PENDING_ACTION_KEY)).toBe(false);
    for (const junk of [
      "{",
      "null",
      JSON.stringify({ ...pending, action: "delete" }),
      JSON.stringify({ ...pending, returnTo: "https://evil.example/" }),
    ]) {
      store.setItem(PENDING_ACTION_KEY, junk);
      expect(takePendingAction(store, { location: pending.returnTo, accounts: ["ada@example.com"] }, now)).toBeNull();
      expect(store.items.has(PENDING_ACTION_KEY)).toBe(false);
    }
  });
});
