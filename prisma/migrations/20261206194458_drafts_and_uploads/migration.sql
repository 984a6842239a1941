-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Upload_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "threadId" TEXT,
    "replyMode" TEXT,
    "inReplyTo" TEXT,
    "references" TEXT,
    "quoteHtml" TEXT,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "messageId" TEXT,
    "writtenAt" DATETIME,
    "pendingSave" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DraftRecord_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Upload_accountId_lastUsedAt_idx" ON "Upload"("accountId", "lastUsedAt");

-- CreateIndex
CREATE INDEX "Upload_lastUsedAt_idx" ON "Upload"("lastUsedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DraftRecord_accountId_draftId_key" ON "DraftRecord"("accountId", "draftId");

