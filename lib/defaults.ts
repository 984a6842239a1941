// Defaults shared by the app (lib/config.ts), the Prisma CLI (prisma.config.ts) and the scripts, which cannot
// import the server-only config module.
export const DEFAULT_DATABASE_URL = "file:./.data/mailroom.db";
