-- AlterTable
ALTER TABLE "LiveSession" ADD COLUMN     "playbackUrl" TEXT;
