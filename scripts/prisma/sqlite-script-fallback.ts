// Prisma's shadow database replays each migration file through executeRaw, which better-sqlite3 runs with
// prepare(): one statement only. A migration file has many, so an argument-less statement that fails is
// retried as a script (exec()), which takes any number. Used by the CLI only (prisma.config.ts).
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Connection = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Statement = Parameters<Connection["executeRaw"]>[0];

function withScriptExecution(connection: Connection): Connection {
  return new Proxy(connection, {
    get(target, property, receiver) {
      if (property !== "executeRaw") return Reflect.get(target, property, receiver) as unknown;
      return async (statement: Statement): Promise<number> => {
        try {
          return await target.executeRaw(statement);
        } catch (error) {
          if (statement.args.length > 0) throw error;
          await target.executeScript(statement.sql);
          return 0;
        }
      };
    },
  });
}

export function withScriptFallback(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === "connect") return async () => withScriptExecution(await target.connect());
      if (property === "connectToShadowDb") return async () => withScriptExecution(await target.connectToShadowDb());
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
