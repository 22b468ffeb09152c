-- CreateEnum
CREATE TYPE "ShippingRateCondition" AS ENUM ('NONE', 'WEIGHT', 'ORDER_VALUE');

-- AlterTable
ALTER TABLE "Cart" ADD COLUMN     "deliverySelections" JSONB;

-- AlterTable
ALTER TABLE "ProductVariant" ADD COLUMN     "requiresShipping" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "weightGrams" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ShippingZone" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "countryCodes" TEXT[],
    "provinceCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingZone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingRate" (
    "id" UUID NOT NULL,
    "zoneId" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "handle" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "condition" "ShippingRateCondition" NOT NULL DEFAULT 'NONE',
    "conditionMin" INTEGER NOT NULL DEFAULT 0,
    "conditionMax" INTEGER,
    "freeAbove" INTEGER,
    "minDays" INTEGER NOT NULL,
    "maxDays" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ShippingRate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShippingZone_shopId_idx" ON "ShippingZone"("shopId");

-- CreateIndex
CREATE INDEX "ShippingRate_zoneId_position_idx" ON "ShippingRate"("zoneId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingRate_shopId_handle_key" ON "ShippingRate"("shopId", "handle");

-- AddForeignKey
ALTER TABLE "ShippingZone" ADD CONSTRAINT "ShippingZone_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingRate" ADD CONSTRAINT "ShippingRate_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "ShippingZone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks the services rely on (shipping rules read these columns without re-validating them).
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_weightGrams_check" CHECK ("weightGrams" BETWEEN 0 AND 1000000);
ALTER TABLE "ShippingZone" ADD CONSTRAINT "ShippingZone_countryCodes_check" CHECK (cardinality("countryCodes") >= 1);
ALTER TABLE "ShippingRate" ADD CONSTRAINT "ShippingRate_price_check" CHECK ("price" >= 0);
ALTER TABLE "ShippingRate" ADD CONSTRAINT "ShippingRate_freeAbove_check" CHECK ("freeAbove" IS NULL OR "freeAbove" >= 0);
ALTER TABLE "ShippingRate" ADD CONSTRAINT "ShippingRate_days_check" CHECK ("minDays" >= 0 AND "minDays" <= "maxDays");
ALTER TABLE "ShippingRate" ADD CONSTRAINT "ShippingRate_condition_range_check" CHECK ("conditionMin" >= 0 AND ("conditionMax" IS NULL OR "conditionMin" <= "conditionMax"));
