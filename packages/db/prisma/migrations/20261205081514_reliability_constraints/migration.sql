-- DropIndex
DROP INDEX "Order_cartId_idx";

-- AlterTable
ALTER TABLE "IdempotencyRecord" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "checkoutKey" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "token" TEXT;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "jobId" UUID;

-- CreateIndex
CREATE INDEX "IdempotencyRecord_completedAt_updatedAt_idx" ON "IdempotencyRecord"("completedAt", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_cartId_shopId_checkoutKey_key" ON "Order"("cartId", "shopId", "checkoutKey");

-- The database itself refuses what must never happen: stock below zero, negative amounts, a
-- refund above what was paid. Added NOT VALID and then validated, so existing rows are checked
-- without holding a write lock on the tables while they are.
ALTER TABLE "ProductVariant"
  ADD CONSTRAINT "ProductVariant_inventoryQuantity_check" CHECK ("inventoryQuantity" >= 0) NOT VALID,
  ADD CONSTRAINT "ProductVariant_price_check" CHECK ("price" >= 0) NOT VALID,
  ADD CONSTRAINT "ProductVariant_compareAtPrice_check" CHECK ("compareAtPrice" >= 0) NOT VALID;
ALTER TABLE "Product"
  ADD CONSTRAINT "Product_totalInventory_check" CHECK ("totalInventory" >= 0) NOT VALID,
  ADD CONSTRAINT "Product_price_range_check" CHECK ("minPrice" >= 0 AND "maxPrice" >= 0) NOT VALID;
ALTER TABLE "CartLine"
  ADD CONSTRAINT "CartLine_quantity_check" CHECK ("quantity" > 0) NOT VALID;
ALTER TABLE "DiscountCode"
  ADD CONSTRAINT "DiscountCode_value_check" CHECK ("value" >= 0) NOT VALID,
  ADD CONSTRAINT "DiscountCode_minSubtotal_check" CHECK ("minSubtotal" >= 0) NOT VALID,
  ADD CONSTRAINT "DiscountCode_usage_check" CHECK ("usageCount" >= 0 AND "usageLimit" >= 0 AND "perBuyerLimit" >= 0) NOT VALID;
ALTER TABLE "Order"
  ADD CONSTRAINT "Order_amounts_check" CHECK ("subtotal" >= 0 AND "discountTotal" >= 0 AND "total" >= 0) NOT VALID,
  ADD CONSTRAINT "Order_refundedTotal_check" CHECK ("refundedTotal" >= 0 AND "refundedTotal" <= "total") NOT VALID;
ALTER TABLE "OrderLine"
  ADD CONSTRAINT "OrderLine_amounts_check" CHECK ("unitPrice" >= 0 AND "discountAmount" >= 0 AND "total" >= 0) NOT VALID,
  ADD CONSTRAINT "OrderLine_quantity_check" CHECK ("quantity" > 0 AND "refundedQuantity" >= 0 AND "refundedQuantity" <= "quantity") NOT VALID;
ALTER TABLE "Payment"
  ADD CONSTRAINT "Payment_amount_check" CHECK ("amount" >= 0 AND "refundedAmount" >= 0 AND "refundedAmount" <= "amount") NOT VALID;
ALTER TABLE "Refund"
  ADD CONSTRAINT "Refund_amount_check" CHECK ("amount" >= 0) NOT VALID;
ALTER TABLE "LivePinnedProduct"
  ADD CONSTRAINT "LivePinnedProduct_amounts_check" CHECK ("livePrice" >= 0 AND "quantityCap" >= 0 AND "quantitySold" >= 0) NOT VALID;
ALTER TABLE "Payout"
  ADD CONSTRAINT "Payout_amount_check" CHECK ("amount" >= 0) NOT VALID;

ALTER TABLE "ProductVariant" VALIDATE CONSTRAINT "ProductVariant_inventoryQuantity_check";
ALTER TABLE "ProductVariant" VALIDATE CONSTRAINT "ProductVariant_price_check";
ALTER TABLE "ProductVariant" VALIDATE CONSTRAINT "ProductVariant_compareAtPrice_check";
ALTER TABLE "Product" VALIDATE CONSTRAINT "Product_totalInventory_check";
ALTER TABLE "Product" VALIDATE CONSTRAINT "Product_price_range_check";
ALTER TABLE "CartLine" VALIDATE CONSTRAINT "CartLine_quantity_check";
ALTER TABLE "DiscountCode" VALIDATE CONSTRAINT "DiscountCode_value_check";
ALTER TABLE "DiscountCode" VALIDATE CONSTRAINT "DiscountCode_minSubtotal_check";
ALTER TABLE "DiscountCode" VALIDATE CONSTRAINT "DiscountCode_usage_check";
ALTER TABLE "Order" VALIDATE CONSTRAINT "Order_amounts_check";
ALTER TABLE "Order" VALIDATE CONSTRAINT "Order_refundedTotal_check";
ALTER TABLE "OrderLine" VALIDATE CONSTRAINT "OrderLine_amounts_check";
ALTER TABLE "OrderLine" VALIDATE CONSTRAINT "OrderLine_quantity_check";
ALTER TABLE "Payment" VALIDATE CONSTRAINT "Payment_amount_check";
ALTER TABLE "Refund" VALIDATE CONSTRAINT "Refund_amount_check";
ALTER TABLE "LivePinnedProduct" VALIDATE CONSTRAINT "LivePinnedProduct_amounts_check";
ALTER TABLE "Payout" VALIDATE CONSTRAINT "Payout_amount_check";
