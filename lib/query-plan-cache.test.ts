import { describe, expect, it } from "vitest";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "./db";
import { MAX_REMEMBERED_PLANS, queryPlanCacheStats } from "./query-plan-cache";

useIntegrationEnvironment();

describe("query plan cache", () => {
  it("compiles a repeated read once, and the remembered plan still reads what was written in between", async () => {
    const db = getDb();
    const user = await db.user.create({ data: { email: "plans@example.com", name: "Before" } });
    const read = () => db.user.findUnique({ where: { email: "plans@example.com" } });
    const listed = () => db.session.findMany({ where: { userId: user.id }, orderBy: { expires: "asc" } });

    expect((await read())?.name).toBe("Before");
    expect(await listed()).toEqual([]);
    const afterFirst = queryPlanCacheStats();

    await db.user.update({ where: { id: user.id }, data: { name: "After" } });
    await db.session.create({ data: { sessionToken: "plan-test", userId: user.id, expires: new Date(Date.now() + 60_000) } });
    expect((await read())?.name).toBe("After");
    expect((await listed()).map((session) => session.sessionToken)).toEqual(["plan-test"]);

    const afterSecond = queryPlanCacheStats();
    expect(afterSecond.compiled).toBe(afterFirst.compiled);
    expect(afterSecond.remembered).toBe(afterFirst.remembered + 2);
  });

  it("never remembers writes", async () => {
    const db = getDb();
    const user = await db.user.create({ data: { email: "writes@example.com" } });
    const before = queryPlanCacheStats();
    for (let round = 0; round < 3; round += 1) await db.user.updateMany({ where: { id: user.id }, data: { name: "Same" } });
    expect(queryPlanCacheStats()).toEqual(before);
  });

  it("forgets the least recently used plan once it holds the most it may", async () => {
    const db = getDb();
    const read = (index: number) => db.user.findUnique({ where: { email: `bound-${index}@example.com` } });
    for (let index = 0; index <= MAX_REMEMBERED_PLANS; index += 1) await read(index);
    const before = queryPlanCacheStats();
    await read(MAX_REMEMBERED_PLANS); // still remembered
    await read(0); // the oldest: forgotten, compiled again
    expect(queryPlanCacheStats()).toEqual({ compiled: before.compiled + 1, remembered: before.remembered + 1 });
  });
});
