-- CreateTable
CREATE TABLE "TrustedSender" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrustedSender_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrustedSender_accountId_address_key" ON "TrustedSender"("accountId", "address");

-- AddForeignKey
ALTER TABLE "TrustedSender" ADD CONSTRAINT "TrustedSender_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

