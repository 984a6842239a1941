-- AlterTable
ALTER TABLE "Account" ADD COLUMN "disconnectedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "linkedFromUserAgent" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "linkNoticeSeenAt" DATETIME;

-- CreateTable
CREATE TABLE "SignInIntent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SignInIntent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SignInIntent_userId_idx" ON "SignInIntent"("userId");

