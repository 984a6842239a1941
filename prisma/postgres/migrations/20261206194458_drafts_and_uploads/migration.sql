-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftRecord" (
    "id" TEXT NOT NULL,
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
    "writtenAt" TIMESTAMP(3),
    "pendingSave" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DraftRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Upload_accountId_lastUsedAt_idx" ON "Upload"("accountId", "lastUsedAt");

-- CreateIndex
CREATE INDEX "Upload_lastUsedAt_idx" ON "Upload"("lastUsedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DraftRecord_accountId_draftId_key" ON "DraftRecord"("accountId", "draftId");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftRecord" ADD CONSTRAINT "DraftRecord_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

