-- DropIndex
DROP INDEX "LiveSession_status_scheduledAt_idx";

-- CreateTable
CREATE TABLE "LiveSessionViewer" (
    "liveSessionId" UUID NOT NULL,
    "viewerKey" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveSessionViewer_pkey" PRIMARY KEY ("liveSessionId","viewerKey")
);

-- CreateIndex
CREATE INDEX "LiveSession_status_scheduledAt_id_idx" ON "LiveSession"("status", "scheduledAt", "id");

-- CreateIndex
CREATE INDEX "LiveSession_status_viewerCount_id_idx" ON "LiveSession"("status", "viewerCount", "id");

-- CreateIndex
CREATE INDEX "LiveSession_status_endedAt_id_idx" ON "LiveSession"("status", "endedAt", "id");

-- CreateIndex
CREATE INDEX "LiveSession_hostId_status_idx" ON "LiveSession"("hostId", "status");

-- CreateIndex
CREATE INDEX "LiveSession_shopId_status_idx" ON "LiveSession"("shopId", "status");

-- AddForeignKey
ALTER TABLE "LiveSessionViewer" ADD CONSTRAINT "LiveSessionViewer_liveSessionId_fkey" FOREIGN KEY ("liveSessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
