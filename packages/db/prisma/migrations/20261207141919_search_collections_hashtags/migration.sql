-- Trigram matching (written by hand): typo-tolerant and predictive search. Trusted since
-- PostgreSQL 13, so no superuser is needed; PGlite loads it as an extension (src/index.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "CollectionKind" AS ENUM ('MANUAL', 'AUTOMATIC');

-- CreateEnum
CREATE TYPE "CollectionSortOrder" AS ENUM ('MANUAL', 'CREATED', 'TITLE', 'PRICE_ASC', 'PRICE_DESC');

-- AlterTable
ALTER TABLE "Collection" ADD COLUMN     "disjunctive" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "kind" "CollectionKind" NOT NULL DEFAULT 'MANUAL',
ADD COLUMN     "rules" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "sortOrder" "CollectionSortOrder" NOT NULL DEFAULT 'MANUAL';

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Hashtag" (
    "tag" TEXT NOT NULL,
    "postCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Hashtag_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "Hashtag_tag_idx" ON "Hashtag" USING GIST ("tag" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Post_caption_idx" ON "Post" USING GIST ("caption" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Product_searchText_idx" ON "Product" USING GIST ("searchText" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Shop_name_idx" ON "Shop" USING GIST ("name" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "User_handle_idx" ON "User" USING GIST ("handle" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "User_displayName_idx" ON "User" USING GIST ("displayName" gist_trgm_ops);

-- Written by hand from here.

-- "searchText": title, vendor, product type and tags, lower case, kept by the full-text trigger
-- (same columns, so it fires on the same updates), then filled in for existing products.
CREATE OR REPLACE FUNCTION "Product_searchVector_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(array_to_string(NEW."tags", ' '), '') || ' ' || coalesce(NEW."vendor", '') || ' ' || coalesce(NEW."productType", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."description", '')), 'C');
  NEW."searchText" := lower(concat_ws(' ', NEW."title", nullif(NEW."vendor", ''), nullif(NEW."productType", ''), nullif(array_to_string(NEW."tags", ' '), '')));
  RETURN NEW;
END
$$;

UPDATE "Product" SET "searchText" = lower(concat_ws(' ', "title", nullif("vendor", ''), nullif("productType", ''), nullif(array_to_string("tags", ' '), '')));

-- "Hashtag": one row per tag of a public, visible, undeleted post, with the number of such
-- posts. The trigger takes the old row's contribution off and adds the new row's, tags in sorted
-- order so concurrent posts lock the same rows in the same order (no deadlock).
CREATE FUNCTION "Post_hashtag_counts"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_tags text[] := '{}';
  new_tags text[] := '{}';
  change record;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."visibility" = 'PUBLIC' AND OLD."hiddenAt" IS NULL AND OLD."deletedAt" IS NULL THEN
    old_tags := OLD."hashtags";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."visibility" = 'PUBLIC' AND NEW."hiddenAt" IS NULL AND NEW."deletedAt" IS NULL THEN
    new_tags := NEW."hashtags";
  END IF;
  FOR change IN
    SELECT tag, sum(delta)::int AS delta FROM (
      SELECT DISTINCT unnest(new_tags) AS tag, 1 AS delta
      UNION ALL
      SELECT DISTINCT unnest(old_tags), -1
    ) d GROUP BY tag HAVING sum(delta) <> 0 ORDER BY tag
  LOOP
    IF change.delta > 0 THEN
      INSERT INTO "Hashtag" ("tag", "postCount") VALUES (change.tag, change.delta)
      ON CONFLICT ("tag") DO UPDATE SET "postCount" = "Hashtag"."postCount" + EXCLUDED."postCount";
    ELSE
      UPDATE "Hashtag" SET "postCount" = greatest("postCount" + change.delta, 0) WHERE "tag" = change.tag;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Post_hashtag_counts"
AFTER INSERT OR DELETE OR UPDATE OF "hashtags", "visibility", "hiddenAt", "deletedAt" ON "Post"
FOR EACH ROW EXECUTE FUNCTION "Post_hashtag_counts"();

INSERT INTO "Hashtag" ("tag", "postCount")
SELECT tag, count(DISTINCT id)::int FROM (
  SELECT p."id", unnest(p."hashtags") AS tag FROM "Post" p
  WHERE p."visibility" = 'PUBLIC' AND p."hiddenAt" IS NULL AND p."deletedAt" IS NULL
) t GROUP BY tag
ON CONFLICT ("tag") DO NOTHING;
