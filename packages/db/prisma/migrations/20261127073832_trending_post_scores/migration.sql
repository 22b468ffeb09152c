-- CreateTable
CREATE TABLE "TrendingPostScore" (
    "hour" TIMESTAMP(3) NOT NULL,
    "postId" UUID NOT NULL,
    "score" BIGINT NOT NULL,

    CONSTRAINT "TrendingPostScore_pkey" PRIMARY KEY ("hour","postId")
);

-- CreateTable
CREATE TABLE "TrendingSnapshot" (
    "hour" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrendingSnapshot_pkey" PRIMARY KEY ("hour")
);

-- CreateIndex
CREATE INDEX "TrendingPostScore_hour_score_postId_idx" ON "TrendingPostScore"("hour", "score" DESC, "postId" DESC);
