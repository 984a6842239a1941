-- CreateTable
CREATE TABLE "MailboxWatch" (
    "accountId" TEXT NOT NULL,
    "topic" TEXT,
    "historyId" TEXT,
    "expiresAt" TIMESTAMP(3),
    "renewedAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),

    CONSTRAINT "MailboxWatch_pkey" PRIMARY KEY ("accountId")
);

-- AddForeignKey
ALTER TABLE "MailboxWatch" ADD CONSTRAINT "MailboxWatch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

