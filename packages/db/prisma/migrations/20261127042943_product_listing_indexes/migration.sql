-- DropIndex
DROP INDEX "Product_shopId_status_idx";

-- DropIndex
DROP INDEX "Product_status_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "Product_shopId_status_createdAt_id_idx" ON "Product"("shopId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Product_status_createdAt_id_idx" ON "Product"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Product_status_updatedAt_id_idx" ON "Product"("status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Product_status_title_id_idx" ON "Product"("status", "title", "id");
