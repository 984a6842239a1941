-- CreateTable
CREATE TABLE "MailboxWatch" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT,
    "historyId" TEXT,
    "expiresAt" DATETIME,
    "renewedAt" DATETIME,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    CONSTRAINT "MailboxWatch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

