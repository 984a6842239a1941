// The data directory is owner-only: the development secrets, the SQLite database and the -wal/-shm files
// SQLite creates beside it while the app runs.
import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareDatabase } from "../scripts/lib/database";
import { loadDevelopmentSecrets } from "./dev-secrets";

const modeOf = (file: string) => statSync(file).mode & 0o777;
let root: string;
let umask: number;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "mailroom-modes-"));
  umask = process.umask(0o022); // the usual default, which alone would make everything world-readable
});
afterEach(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

describe("the data directory", () => {
  it("is created 0700 with development secrets 0600", () => {
    const dataDir = path.join(root, ".data");
    loadDevelopmentSecrets(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, "dev-secrets.json"))).toBe(0o600);
  });

  it("is tightened when an older version left it readable", () => {
    const dataDir = path.join(root, ".data");
    loadDevelopmentSecrets(dataDir);
    chmodSync(dataDir, 0o755);
    chmodSync(path.join(dataDir, "dev-secrets.json"), 0o644);
    loadDevelopmentSecrets(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, "dev-secrets.json"))).toBe(0o600);
  });

  it("keeps the SQLite database and its -wal and -shm files 0600", async () => {
    const dataDir = path.join(root, ".data");
    const file = path.join(dataDir, "mailroom.db");
    await prepareDatabase({ ...process.env, DATABASE_URL: `file:${file}`, MAILROOM_DATA_DIR: dataDir });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);

    // What the running app does: open the database and write, which makes SQLite create -wal and -shm.
    const db = new Database(file);
    db.prepare(`INSERT INTO "User" (id, email, updatedAt) VALUES ('u1', 'ada@example.com', 0)`).run();
    expect(modeOf(`${file}-wal`)).toBe(0o600);
    expect(modeOf(`${file}-shm`)).toBe(0o600);
    db.close();
  });

  it("tightens an existing database file", async () => {
    const file = path.join(root, "elsewhere", "mail.db");
    await prepareDatabase({ ...process.env, DATABASE_URL: `file:${file}` });
    chmodSync(file, 0o644);
    await prepareDatabase({ ...process.env, DATABASE_URL: `file:${file}` });
    expect(modeOf(file)).toBe(0o600);
    // A directory that is not the data directory is created private but never re-moded behind the owner's back.
    expect(modeOf(path.dirname(file))).toBe(0o700);
  });
});
