import "server-only";
// Development secrets, generated once into the data directory so that a fresh clone runs with no set-up and
// sessions and stored tokens survive restarts. Never used in production (config.ts refuses).
import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ensurePrivateDir, tightenIfExists } from "./private-files";

const devSecretsSchema = z.object({ nextAuthSecret: z.string().min(32), tokenEncryptionKeys: z.string().min(1) });
export type DevelopmentSecrets = z.infer<typeof devSecretsSchema>;

function generate(): DevelopmentSecrets {
  return {
    nextAuthSecret: randomBytes(32).toString("base64url"),
    tokenEncryptionKeys: `dev1:${randomBytes(32).toString("base64")}`,
  };
}

export function loadDevelopmentSecrets(dataDir: string): DevelopmentSecrets {
  const file = path.join(dataDir, "dev-secrets.json");
  ensurePrivateDir(dataDir, { tightenExisting: true });
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, JSON.stringify(generate(), null, 2), { mode: 0o600 });
  try {
    // link() is atomic and fails if the file exists, so concurrent first starts agree on one set of
    // secrets and nobody reads a half-written file.
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  // A file from an older version may have been created readable by everyone.
  tightenIfExists(file);
  const parsed = devSecretsSchema.safeParse(parseJson(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is damaged: delete it to generate new development secrets`);
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
