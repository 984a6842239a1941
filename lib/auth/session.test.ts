// Pages get the same single guard as API routes: one session read per request, however many server
// components (layout, page, banner) ask who is signed in. React's `cache` scopes memoisation to one render;
// under Vitest there is no render, so the mock below stands in for one request's cache.
import { beforeEach, describe, expect, it, vi } from "vitest";

const requestCache = new Map<unknown, Promise<unknown>>();
vi.mock("react", () => ({
  cache:
    <T>(fn: () => Promise<T>) =>
    () => {
      if (!requestCache.has(fn)) requestCache.set(fn, fn());
      return requestCache.get(fn) as Promise<T>;
    },
}));
const getServerSession = vi.fn(() => Promise.resolve({ user: { id: "u1", name: "Ada", email: "ada@example.com", image: null } }));
vi.mock("next-auth", () => ({ getServerSession }));
vi.mock("./options", () => ({ getAuthOptions: () => ({}) }));
vi.mock("next/navigation", () => ({ redirect: vi.fn() }));

const { getSignedInUser, requireUser, requireUserPage } = await import("./session");

beforeEach(() => {
  requestCache.clear();
  getServerSession.mockClear();
});

describe("the session guard", () => {
  it("reads the session once per request, however many components ask", async () => {
    // What /inbox does: the layout, the page and the re-authorize banner each ask.
    const [layout, page, banner] = await Promise.all([requireUserPage(), requireUserPage(), getSignedInUser()]);
    expect(layout).toEqual({ id: "u1", name: "Ada", email: "ada@example.com", image: null });
    expect(page).toEqual(layout);
    expect(banner).toEqual(layout);
    expect(getServerSession).toHaveBeenCalledTimes(1);

    // The next request reads it again: nothing outlives a request.
    requestCache.clear();
    await requireUser();
    expect(getServerSession).toHaveBeenCalledTimes(2);
  });
});
