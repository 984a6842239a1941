-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "email" TEXT,
ADD COLUMN     "lastUsedAt" TIMESTAMP(3),
ADD COLUMN     "refreshTokenHash" TEXT,
ADD COLUMN     "refreshTokenPrefixHash" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "accountId" TEXT,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "userAgent" TEXT;

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "jti" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("jti")
);

-- CreateIndex
CREATE INDEX "Account_refreshTokenPrefixHash_idx" ON "Account"("refreshTokenPrefixHash");

-- CreateIndex
CREATE INDEX "Account_refreshTokenHash_idx" ON "Account"("refreshTokenHash");

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Until now each user had exactly one Google account, signed in with its own address: that address is the
-- account's.
UPDATE "Account" SET "email" = (SELECT "email" FROM "User" WHERE "User"."id" = "Account"."userId") WHERE "email" IS NULL;
