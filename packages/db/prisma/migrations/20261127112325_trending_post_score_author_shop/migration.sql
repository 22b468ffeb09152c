-- AlterTable: the post's author and shop beside its score, so FOR_YOU finds the posts of
-- followed creators and shops within a snapshot by reading the snapshot alone.
ALTER TABLE "TrendingPostScore" ADD COLUMN     "authorId" UUID,
ADD COLUMN     "shopId" UUID;

-- Backfill the snapshots already computed; rows of posts gone since are dropped (readers
-- join Post and would drop them anyway).
DELETE FROM "TrendingPostScore" s WHERE NOT EXISTS (SELECT 1 FROM "Post" p WHERE p."id" = s."postId");
UPDATE "TrendingPostScore" s SET "authorId" = p."authorId", "shopId" = p."shopId" FROM "Post" p WHERE p."id" = s."postId";

ALTER TABLE "TrendingPostScore" ALTER COLUMN "authorId" SET NOT NULL;
