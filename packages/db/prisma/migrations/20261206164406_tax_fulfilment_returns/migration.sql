-- CreateEnum
CREATE TYPE "ReturnStatus" AS ENUM ('REQUESTED', 'APPROVED', 'DECLINED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "WebhookTopic" ADD VALUE 'ORDER_FULFILLED';
ALTER TYPE "WebhookTopic" ADD VALUE 'RETURN_REQUESTED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "shippingAddress" JSONB,
ADD COLUMN     "shippingLine" JSONB,
ADD COLUMN     "shippingRefunded" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shippingTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "taxLines" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "taxTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "taxesIncluded" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "fulfilledQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "returnRequestedQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "returnedQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "taxAmount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "returnId" UUID,
ADD COLUMN     "shippingAmount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "pricesIncludeTax" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "refundShippingOnReturn" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "returnWindowDays" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "TaxRate" (
    "id" UUID NOT NULL,
    "shopId" UUID,
    "countryCode" CHAR(2) NOT NULL,
    "provinceCode" TEXT,
    "name" TEXT NOT NULL,
    "ratePpm" INTEGER NOT NULL,
    "shippingTaxable" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaxRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fulfillment" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "lines" JSONB NOT NULL,
    "carrier" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fulfillment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Return" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "status" "ReturnStatus" NOT NULL DEFAULT 'REQUESTED',
    "reason" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    "restock" BOOLEAN NOT NULL DEFAULT true,
    "refundId" UUID,
    "declineReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Return_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaxRate_countryCode_shopId_idx" ON "TaxRate"("countryCode", "shopId");

-- CreateIndex
CREATE INDEX "Fulfillment_orderId_createdAt_idx" ON "Fulfillment"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "Return_orderId_createdAt_idx" ON "Return"("orderId", "createdAt");

-- AddForeignKey
ALTER TABLE "TaxRate" ADD CONSTRAINT "TaxRate_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fulfillment" ADD CONSTRAINT "Fulfillment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invariants the services keep, held by the database too.
ALTER TABLE "TaxRate"
  ADD CONSTRAINT "TaxRate_ratePpm_check" CHECK ("ratePpm" >= 0 AND "ratePpm" <= 1000000);
ALTER TABLE "OrderLine"
  ADD CONSTRAINT "OrderLine_fulfilledQuantity_check" CHECK ("fulfilledQuantity" >= 0 AND "fulfilledQuantity" <= "quantity"),
  ADD CONSTRAINT "OrderLine_returnRequestedQuantity_check" CHECK ("returnRequestedQuantity" >= 0 AND "returnRequestedQuantity" <= "quantity"),
  ADD CONSTRAINT "OrderLine_returnedQuantity_check" CHECK ("returnedQuantity" >= 0 AND "returnedQuantity" <= "refundedQuantity"),
  ADD CONSTRAINT "OrderLine_taxAmount_check" CHECK ("taxAmount" >= 0);
ALTER TABLE "Order"
  ADD CONSTRAINT "Order_shippingTotal_check" CHECK ("shippingTotal" >= 0),
  ADD CONSTRAINT "Order_taxTotal_check" CHECK ("taxTotal" >= 0),
  ADD CONSTRAINT "Order_shippingRefunded_check" CHECK ("shippingRefunded" >= 0);
ALTER TABLE "Shop"
  ADD CONSTRAINT "Shop_returnWindowDays_check" CHECK ("returnWindowDays" >= 0 AND "returnWindowDays" <= 365);
-- One platform or shop rate per country and province (NULLs count as equal: the whole country, the platform).
CREATE UNIQUE INDEX "TaxRate_scope_key" ON "TaxRate" (COALESCE("shopId", '00000000-0000-0000-0000-000000000000'::uuid), "countryCode", COALESCE("provinceCode", ''));

-- Orders fulfilled before fulfilment by lines shipped every unit not refunded.
UPDATE "OrderLine" ol SET "fulfilledQuantity" = ol."quantity" - ol."refundedQuantity"
FROM "Order" o WHERE o."id" = ol."orderId" AND o."fulfilledAt" IS NOT NULL;
