-- The affiliate program (issue 5). Commission gains NOT NULL columns without defaults: no
-- release wrote commissions before this migration, so the table is empty.

-- DropIndex
DROP INDEX "Commission_creatorId_status_idx";

-- DropIndex
DROP INDEX "Commission_linkId_idx";

-- AlterTable
ALTER TABLE "AffiliateLink" DROP COLUMN "clickCount";

-- AlterTable
ALTER TABLE "CartLine" ADD COLUMN     "affiliateClickId" UUID;

-- AlterTable
ALTER TABLE "Commission" ADD COLUMN     "refundId" UUID,
ADD COLUMN     "revenue" INTEGER NOT NULL,
ADD COLUMN     "shopId" UUID NOT NULL;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "affiliateClickId" UUID;

-- CreateTable
CREATE TABLE "AffiliateVisit" (
    "linkId" UUID NOT NULL,
    "visitorId" TEXT NOT NULL,
    "countedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AffiliateVisit_pkey" PRIMARY KEY ("linkId","visitorId")
);

-- CreateTable
CREATE TABLE "AffiliateClickHour" (
    "linkId" UUID NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "countedClicks" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AffiliateClickHour_pkey" PRIMARY KEY ("linkId","hour")
);

-- CreateIndex
CREATE INDEX "AffiliateLink_shopId_idx" ON "AffiliateLink"("shopId");

-- CreateIndex
CREATE INDEX "AffiliateLink_postId_idx" ON "AffiliateLink"("postId");

-- CreateIndex
CREATE INDEX "Commission_creatorId_status_currencyCode_idx" ON "Commission"("creatorId", "status", "currencyCode");

-- CreateIndex
CREATE INDEX "Commission_linkId_createdAt_idx" ON "Commission"("linkId", "createdAt");

-- CreateIndex
CREATE INDEX "Commission_shopId_createdAt_idx" ON "Commission"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "Commission_status_payableAt_idx" ON "Commission"("status", "payableAt");

-- CreateIndex
CREATE UNIQUE INDEX "Commission_orderLineId_refundId_key" ON "Commission"("orderLineId", "refundId");

-- AddForeignKey
ALTER TABLE "AffiliateVisit" ADD CONSTRAINT "AffiliateVisit_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "AffiliateLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffiliateClickHour" ADD CONSTRAINT "AffiliateClickHour_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "AffiliateLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Commission_creatorId_createdAt_idx" ON "Commission"("creatorId", "createdAt");
