// The SQLite migration runner against real files, with other real processes holding the same file open.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SQLITE_MIGRATIONS, migrateSqlite } from "./sqlite-migrate";

const run = promisify(execFile);
let dir: string;
let file: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mailroom-migrate-"));
  file = path.join(dir, "mailroom.db");
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the project's migrations without the last `drop` of them, plus any extra ones. */
function migrationsDir(options: { drop?: number; extra?: Record<string, string> } = {}): string {
  const target = path.join(dir, `migrations-${Math.random().toString(36).slice(2)}`);
  const names = readdirSync(SQLITE_MIGRATIONS)
    .filter((name) => name !== "migration_lock.toml")
    .sort();
  for (const name of names.slice(0, names.length - (options.drop ?? 0))) {
    cpSync(path.join(SQLITE_MIGRATIONS, name), path.join(target, name), { recursive: true });
  }
  for (const [name, sql] of Object.entries(options.extra ?? {})) {
    mkdirSync(path.join(target, name), { recursive: true });
    writeFileSync(path.join(target, name, "migration.sql"), sql);
  }
  return target;
}

function tables(): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (row) => row.name,
    );
  } finally {
    db.close();
  }
}

function appliedNames(): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name').all() as { migration_name: string }[]
    ).map((row) => row.migration_name);
  } finally {
    db.close();
  }
}

/** Another process with the file open, like a running server: optionally inside a write for `writeMs`. */
async function holdOpen(options: { writeMs?: number } = {}): Promise<ChildProcess> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1], { timeout: 10000 });
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    const writeMs = Number(process.argv[2]);
    if (writeMs > 0) {
      db.exec("BEGIN IMMEDIATE");
      setTimeout(() => { db.exec("COMMIT"); }, writeMs);
    }
    console.log("holding");
    process.stdin.resume();
    process.stdin.on("data", () => console.log(db.prepare("SELECT count(*) AS n FROM sqlite_master").get().n));
  `;
  const child = spawn(process.execPath, ["-e", script, file, String(options.writeMs ?? 0)], { stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  const [first] = (await once(child.stdout, "data")) as [Buffer];
  expect(first.toString()).toContain("holding");
  return child;
}

describe("migrateSqlite", () => {
  it("applies every migration to a new file in WAL mode, recorded so that Prisma's own CLI finds nothing pending", async () => {
    const all = readdirSync(SQLITE_MIGRATIONS).filter((name) => name !== "migration_lock.toml");
    expect(migrateSqlite(file)).toEqual(all.sort());
    expect(tables()).toEqual(expect.arrayContaining(["User", "Account", "Session", "_prisma_migrations"]));
    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();

    const status = await run(path.resolve("node_modules", ".bin", "prisma"), ["migrate", "status"], {
      env: { ...process.env, DATABASE_URL: `file:${file}`, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    expect(status.stdout).toContain("Database schema is up to date!");
    expect(migrateSqlite(file)).toEqual([]);
  });

  it("applies a pending migration while another process has the file open and is writing, waiting for its write", async () => {
    migrateSqlite(file, { migrationsDir: migrationsDir({ drop: 1 }) });
    const server = await holdOpen({ writeMs: 1_500 });
    const [last] = readdirSync(SQLITE_MIGRATIONS)
      .filter((name) => name !== "migration_lock.toml")
      .sort()
      .slice(-1);
    expect(migrateSqlite(file)).toEqual([last]);
    expect(appliedNames()).toHaveLength(readdirSync(SQLITE_MIGRATIONS).length - 1);
    // The other process keeps working, and sees the new schema.
    server.stdin!.write("\n");
    const [answer] = (await once(server.stdout!, "data")) as [Buffer];
    expect(Number(answer.toString())).toBeGreaterThan(0);
  });

  it("two processes preparing the same new file at once apply each migration once", async () => {
    const env = { ...process.env, DATABASE_URL: `file:${file}`, MAILROOM_DATA_DIR: dir };
    const prepare = () => run(process.execPath, ["--import", "tsx/esm", "scripts/prepare-db.ts"], { env });
    await Promise.all([prepare(), prepare()]);
    const names = appliedNames();
    expect(names).toEqual([...new Set(names)]);
    expect(names).toHaveLength(readdirSync(SQLITE_MIGRATIONS).length - 1);
  });

  it("a failing migration applies nothing of the run and names itself", () => {
    migrateSqlite(file, { migrationsDir: migrationsDir({ drop: 1 }) });
    const before = tables();
    const broken = migrationsDir({
      extra: { "29991231000000_broken": 'CREATE TABLE "Fine" (id TEXT);\nALTER TABLE "Nope" ADD COLUMN x TEXT;' },
    });
    expect(() => migrateSqlite(file, { migrationsDir: broken })).toThrow(/migration 29991231000000_broken failed: no such table: Nope/);
    expect(tables()).toEqual(before);
  });

  it("refuses a migration that was edited after it was applied", () => {
    const original = migrationsDir({ extra: { "29991231000000_extra": 'CREATE TABLE "Extra" (id TEXT);' } });
    migrateSqlite(file, { migrationsDir: original });
    writeFileSync(path.join(original, "29991231000000_extra", "migration.sql"), 'CREATE TABLE "Extra" (id TEXT, x TEXT);');
    expect(() => migrateSqlite(file, { migrationsDir: original })).toThrow(/29991231000000_extra was changed after it was applied/);
  });

  it("rebuilding a parent table keeps the rows of tables that reference it (no cascading drop)", () => {
    const parentAndChild = {
      "29990101000000_family":
        'CREATE TABLE "Parent" (id TEXT PRIMARY KEY);\nCREATE TABLE "Child" (id TEXT PRIMARY KEY, parentId TEXT NOT NULL REFERENCES "Parent"(id) ON DELETE CASCADE);',
    };
    migrateSqlite(file, { migrationsDir: migrationsDir({ extra: parentAndChild }) });
    const db = new Database(file);
    db.exec(`INSERT INTO "Parent" VALUES ('p'); INSERT INTO "Child" VALUES ('c', 'p');`);
    db.close();
    const rebuild = {
      ...parentAndChild,
      // What Prisma writes to change a column of a table others point at.
      "29990102000000_rebuild_parent": [
        "PRAGMA defer_foreign_keys=ON;",
        "PRAGMA foreign_keys=OFF;",
        'CREATE TABLE "new_Parent" (id TEXT PRIMARY KEY, name TEXT);',
        'INSERT INTO "new_Parent" (id) SELECT id FROM "Parent";',
        'DROP TABLE "Parent";',
        'ALTER TABLE "new_Parent" RENAME TO "Parent";',
        "PRAGMA foreign_keys=ON;",
        "PRAGMA defer_foreign_keys=OFF;",
      ].join("\n"),
    };
    expect(migrateSqlite(file, { migrationsDir: migrationsDir({ extra: rebuild }) })).toEqual(["29990102000000_rebuild_parent"]);
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT id, parentId FROM "Child"').all()).toEqual([{ id: "c", parentId: "p" }]);
    after.close();
  });
});
