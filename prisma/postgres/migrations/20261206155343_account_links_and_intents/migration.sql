-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "disconnectedAt" TIMESTAMP(3),
ADD COLUMN     "linkedFromUserAgent" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "linkNoticeSeenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SignInIntent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInIntent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInIntent_userId_idx" ON "SignInIntent"("userId");

-- AddForeignKey
ALTER TABLE "SignInIntent" ADD CONSTRAINT "SignInIntent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

