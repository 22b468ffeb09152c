-- DropIndex
DROP INDEX "ProductTag_postId_idx";

-- DropIndex
DROP INDEX "ProductTag_productId_idx";

-- AlterTable
ALTER TABLE "ProductTag" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PostEngagementHour" (
    "postId" UUID NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "tagTaps" INTEGER NOT NULL DEFAULT 0,
    "addToCarts" INTEGER NOT NULL DEFAULT 0,
    "purchases" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PostEngagementHour_pkey" PRIMARY KEY ("postId","hour")
);

-- CreateTable
CREATE TABLE "ProductEngagementHour" (
    "productId" UUID NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "tagTaps" INTEGER NOT NULL DEFAULT 0,
    "addToCarts" INTEGER NOT NULL DEFAULT 0,
    "purchases" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProductEngagementHour_pkey" PRIMARY KEY ("productId","hour")
);

-- CreateIndex
CREATE INDEX "PostEngagementHour_hour_postId_idx" ON "PostEngagementHour"("hour", "postId");

-- CreateIndex
CREATE INDEX "ProductEngagementHour_hour_productId_idx" ON "ProductEngagementHour"("hour", "productId");

-- CreateIndex
CREATE INDEX "ProductTag_postId_position_idx" ON "ProductTag"("postId", "position");

-- CreateIndex
CREATE INDEX "ProductTag_productId_postId_idx" ON "ProductTag"("productId", "postId");

-- AddForeignKey
ALTER TABLE "PostEngagementHour" ADD CONSTRAINT "PostEngagementHour_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductEngagementHour" ADD CONSTRAINT "ProductEngagementHour_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
