-- AlterTable
ALTER TABLE "Account" ADD COLUMN "email" TEXT;
ALTER TABLE "Account" ADD COLUMN "lastUsedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "refreshTokenHash" TEXT;
ALTER TABLE "Account" ADD COLUMN "refreshTokenPrefixHash" TEXT;

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "jti" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,
    "accountId" TEXT,
    "userAgent" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("expires", "id", "sessionToken", "userId") SELECT "expires", "id", "sessionToken", "userId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Account_refreshTokenPrefixHash_idx" ON "Account"("refreshTokenPrefixHash");

-- CreateIndex
CREATE INDEX "Account_refreshTokenHash_idx" ON "Account"("refreshTokenHash");


-- Until now each user had exactly one Google account, signed in with its own address: that address is the
-- account's.
UPDATE "Account" SET "email" = (SELECT "email" FROM "User" WHERE "User"."id" = "Account"."userId") WHERE "email" IS NULL;
