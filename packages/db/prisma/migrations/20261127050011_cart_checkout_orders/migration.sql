-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterEnum
ALTER TYPE "CartStatus" ADD VALUE 'CHECKING_OUT';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PaymentStatus" ADD VALUE 'PENDING';
ALTER TYPE "PaymentStatus" ADD VALUE 'VOIDED';

-- DropIndex
DROP INDEX "Cart_userId_status_idx";

-- DropIndex
DROP INDEX "CartLine_cartId_idx";

-- DropIndex
DROP INDEX "Order_buyerId_createdAt_idx";

-- DropIndex
DROP INDEX "Order_shopId_createdAt_idx";

-- AlterTable
ALTER TABLE "Cart" ADD COLUMN     "currencyCode" CHAR(3);

-- AlterTable
ALTER TABLE "CartLine" ADD COLUMN     "attributionKey" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "IdempotencyRecord" ADD COLUMN     "lockedUntil" TIMESTAMP(3),
ADD COLUMN     "recoveryPoint" TEXT NOT NULL DEFAULT 'STARTED',
ADD COLUMN     "resourceIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "countryCode" CHAR(2);

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "livePinId" UUID;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "failureMessage" TEXT,
ADD COLUMN     "refundedAmount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "cancelsOrder" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "restock" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL;

-- CreateIndex
CREATE INDEX "Cart_userId_status_updatedAt_idx" ON "Cart"("userId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "CartLine_variantId_idx" ON "CartLine"("variantId");

-- CreateIndex
CREATE UNIQUE INDEX "CartLine_cartId_variantId_attributionKey_key" ON "CartLine"("cartId", "variantId", "attributionKey");

-- CreateIndex
CREATE INDEX "DiscountCode_code_idx" ON "DiscountCode"("code");

-- CreateIndex
CREATE INDEX "DiscountRedemption_orderId_idx" ON "DiscountRedemption"("orderId");

-- CreateIndex
CREATE INDEX "Order_buyerId_id_idx" ON "Order"("buyerId", "id");

-- CreateIndex
CREATE INDEX "Order_shopId_id_idx" ON "Order"("shopId", "id");

-- CreateIndex
CREATE INDEX "Order_cartId_idx" ON "Order"("cartId");

-- CreateIndex
CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId");
