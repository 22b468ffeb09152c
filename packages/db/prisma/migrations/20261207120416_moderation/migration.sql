-- CreateEnum
CREATE TYPE "ModerationTargetKind" AS ENUM ('POST', 'COMMENT', 'REVIEW', 'LIVE_SESSION', 'PRODUCT');

-- CreateEnum
CREATE TYPE "ContentReportReason" AS ENUM ('SPAM', 'SCAM', 'COUNTERFEIT', 'HARASSMENT', 'HATE', 'NUDITY', 'VIOLENCE', 'MISINFORMATION', 'OTHER');

-- CreateEnum
CREATE TYPE "ModerationCaseStatus" AS ENUM ('OPEN', 'HIDDEN', 'DISMISSED', 'RESTORED');

-- AlterEnum
ALTER TYPE "WebhookTopic" ADD VALUE 'CONTENT_MODERATED';

-- AlterTable
ALTER TABLE "LiveSession" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PostComment" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ProductReview" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ModerationCase" (
    "id" UUID NOT NULL,
    "targetKind" "ModerationTargetKind" NOT NULL,
    "targetId" UUID NOT NULL,
    "status" "ModerationCaseStatus" NOT NULL DEFAULT 'OPEN',
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "lastReportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModerationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentReport" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "reporterId" UUID NOT NULL,
    "reason" "ContentReportReason" NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModerationCase_status_lastReportedAt_id_idx" ON "ModerationCase"("status", "lastReportedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ModerationCase_targetKind_targetId_key" ON "ModerationCase"("targetKind", "targetId");

-- CreateIndex
CREATE INDEX "ContentReport_reporterId_idx" ON "ContentReport"("reporterId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentReport_caseId_reporterId_key" ON "ContentReport"("caseId", "reporterId");

-- AddForeignKey
ALTER TABLE "ModerationCase" ADD CONSTRAINT "ModerationCase_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentReport" ADD CONSTRAINT "ContentReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ModerationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentReport" ADD CONSTRAINT "ContentReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Nothing new is written for an erased user (see refuse_erased_user).
CREATE TRIGGER "ContentReport_refuse_erased_user" BEFORE INSERT OR UPDATE OF "reporterId" ON "ContentReport"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('reporterId');
