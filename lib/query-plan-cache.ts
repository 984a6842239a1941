import "server-only";
// Prisma 6's client turns every query into a plan with its WebAssembly query compiler, and keeps nothing: the
// same read, asked again, is compiled again. Every API request asks the same reads (its session by token hash,
// then the user's linked accounts), and profiling an instance under load put that compilation at about an
// eighth of its CPU time per inbox request. This remembers, per process, the plans of the most recent reads.
//
// Why this is correct: a read's plan is a pure function of the query text Prisma hands the compiler (the model,
// the action, every argument's value; its SQL and its parameters). Nothing about the data is in it, so a
// remembered plan still reads the current rows. Writes are never remembered: their plans generate ids and
// timestamps and their text rarely repeats. Each use gets its own copy of the plan, so an executor that
// changed a plan while running it could never affect the next request.
//
// How: the compiler is wasm-bindgen's `QueryCompiler` class in the runtime module the generated client loads
// (an external package of the Next build, so one module instance per process); its `compile` is wrapped once.
import { QueryCompiler as PostgresQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
import { QueryCompiler as SqliteQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";

/** Enough for every active session's two reads on a busy instance; each plan is a few kilobytes. */
export const MAX_REMEMBERED_PLANS = 1000;

const READ_QUERY =
  /^\{"modelName":"\w+","action":"(?:findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|count|aggregate|groupBy)"/;

type Compiler = { prototype: { compile: (this: unknown, query: string) => unknown } };
type Stats = { compiled: number; remembered: number };

const SHARED = Symbol.for("mailroom.queryPlanCache");
type Shared = { [SHARED]?: { plans: Map<string, unknown>; stats: Stats } };

function install(compiler: Compiler, cache: { plans: Map<string, unknown>; stats: Stats }): void {
  const compile = compiler.prototype.compile;
  if (typeof compile !== "function") throw new Error("Prisma's query compiler has no compile method: the query plan cache needs updating");
  compiler.prototype.compile = function rememberingCompile(this: unknown, query: string): unknown {
    if (!READ_QUERY.test(query)) return compile.call(this, query);
    const known = cache.plans.get(query);
    if (known !== undefined) {
      // Most recently used last: the first key is the one to forget when full.
      cache.plans.delete(query);
      cache.plans.set(query, known);
      cache.stats.remembered += 1;
      return structuredClone(known);
    }
    const plan = compile.call(this, query);
    cache.stats.compiled += 1;
    if (cache.plans.size >= MAX_REMEMBERED_PLANS) cache.plans.delete(cache.plans.keys().next().value!);
    cache.plans.set(query, structuredClone(plan));
    return plan;
  };
}

/** Wraps both compilers' `compile` once per process (the Next bundles and the custom server may each call it). */
export function installQueryPlanCache(): void {
  const shared = globalThis as Shared;
  if (shared[SHARED]) return;
  const cache = { plans: new Map<string, unknown>(), stats: { compiled: 0, remembered: 0 } };
  install(SqliteQueryCompiler, cache);
  install(PostgresQueryCompiler, cache);
  shared[SHARED] = cache;
}

/** Reads compiled and reads answered from remembered plans in this process so far. */
export function queryPlanCacheStats(): Stats {
  return { ...((globalThis as Shared)[SHARED]?.stats ?? { compiled: 0, remembered: 0 }) };
}
