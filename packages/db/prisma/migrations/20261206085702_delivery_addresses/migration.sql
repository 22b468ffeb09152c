-- AlterTable
ALTER TABLE "Cart" ADD COLUMN     "deliveryAddress" JSONB;

-- CreateTable
CREATE TABLE "BuyerAddress" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT NOT NULL,
    "company" TEXT,
    "address1" TEXT NOT NULL,
    "address2" TEXT,
    "city" TEXT NOT NULL,
    "provinceCode" TEXT,
    "zip" TEXT,
    "countryCode" CHAR(2) NOT NULL,
    "phone" TEXT,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BuyerAddress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BuyerAddress_userId_createdAt_idx" ON "BuyerAddress"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "BuyerAddress" ADD CONSTRAINT "BuyerAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One default address per buyer (the service also clears the old default first).
CREATE UNIQUE INDEX "BuyerAddress_one_default_per_user" ON "BuyerAddress"("userId") WHERE "isDefault";

-- Addresses are personal data: nothing is saved for an erased user (see privacy/data.ts).
CREATE TRIGGER "BuyerAddress_refuse_erased_user" BEFORE INSERT OR UPDATE OF "userId" ON "BuyerAddress"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('userId');
