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
ALTER TABLE "Post" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "suggestVector" tsvector;

-- CreateTable
CREATE TABLE "Hashtag" (
    "tag" TEXT NOT NULL,
    "postCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Hashtag_pkey" PRIMARY KEY ("tag")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("term")
);

-- CreateIndex
CREATE INDEX "Hashtag_tag_idx" ON "Hashtag" USING GIST ("tag" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "SearchTerm_term_idx" ON "SearchTerm" USING GIST ("term" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Product_suggestVector_idx" ON "Product" USING GIN ("suggestVector");

-- CreateIndex
CREATE INDEX "Shop_name_idx" ON "Shop" USING GIST ("name" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "User_handle_idx" ON "User" USING GIST ("handle" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "User_displayName_idx" ON "User" USING GIST ("displayName" gist_trgm_ops);

-- Written by hand from here.

-- "searchText": title, vendor, product type and tags, lower case, and "suggestVector", its
-- full-text vector, kept by the full-text trigger (same columns, so it fires on the same
-- updates), then filled in for existing products.
CREATE OR REPLACE FUNCTION "Product_searchVector_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(array_to_string(NEW."tags", ' '), '') || ' ' || coalesce(NEW."vendor", '') || ' ' || coalesce(NEW."productType", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."description", '')), 'C');
  NEW."searchText" := lower(concat_ws(' ', NEW."title", nullif(NEW."vendor", ''), nullif(NEW."productType", ''), nullif(array_to_string(NEW."tags", ' '), '')));
  NEW."suggestVector" := to_tsvector('english', NEW."searchText");
  RETURN NEW;
END
$$;

UPDATE "Product" SET "searchText" = lower(concat_ws(' ', "title", nullif("vendor", ''), nullif("productType", ''), nullif(array_to_string("tags", ' '), '')));
UPDATE "Product" SET "suggestVector" = to_tsvector('english', "searchText");

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

-- Posts' full-text vector: caption and hashtags (a hashtag is searchable as a word).
CREATE FUNCTION "Post_searchVector_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('english', coalesce(NEW."caption", '') || ' ' || coalesce(array_to_string(NEW."hashtags", ' '), ''));
  RETURN NEW;
END
$$;

CREATE TRIGGER "Post_searchVector_update"
BEFORE INSERT OR UPDATE OF "caption", "hashtags" ON "Post"
FOR EACH ROW EXECUTE FUNCTION "Post_searchVector_update"();

UPDATE "Post" SET "searchVector" = to_tsvector('english', coalesce("caption", '') || ' ' || coalesce(array_to_string("hashtags", ' '), ''));

-- The search dictionary: the words (2 to 40 characters, lower case) of products' search text and
-- of posts' captions and hashtags. Inserted in sorted order, so two transactions adding the same
-- new words wait for each other in the same order (no deadlock); existing words cost one index probe.
CREATE FUNCTION "search_terms_add"(source text) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "SearchTerm" ("term")
  SELECT DISTINCT w FROM regexp_split_to_table(lower(source), '[^[:alnum:]]+') AS w
  WHERE length(w) BETWEEN 2 AND 40 ORDER BY w
  ON CONFLICT ("term") DO NOTHING;
$$;

CREATE FUNCTION "Product_search_terms"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "search_terms_add"(NEW."searchText");
  RETURN NULL;
END
$$;

CREATE TRIGGER "Product_search_terms"
AFTER INSERT OR UPDATE OF "title", "vendor", "productType", "tags" ON "Product"
FOR EACH ROW EXECUTE FUNCTION "Product_search_terms"();

CREATE FUNCTION "Post_search_terms"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "search_terms_add"(coalesce(NEW."caption", '') || ' ' || coalesce(array_to_string(NEW."hashtags", ' '), ''));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Post_search_terms"
AFTER INSERT OR UPDATE OF "caption", "hashtags" ON "Post"
FOR EACH ROW EXECUTE FUNCTION "Post_search_terms"();

INSERT INTO "SearchTerm" ("term")
SELECT DISTINCT w FROM (
  SELECT regexp_split_to_table("searchText", '[^[:alnum:]]+') AS w FROM "Product"
  UNION ALL
  SELECT regexp_split_to_table(lower(coalesce("caption", '') || ' ' || coalesce(array_to_string("hashtags", ' '), '')), '[^[:alnum:]]+') FROM "Post"
) words
WHERE length(w) BETWEEN 2 AND 40
ON CONFLICT ("term") DO NOTHING;

-- The full-text query of a search's words (shared/search.ts): each word, or when it is not in the
-- dictionary its `alternatives` nearest words by trigram similarity, ANDed; the word at
-- `prefix_at` (1-based; 0: none) also widened to its `completions` shortest dictionary words
-- that start with it ("hoo": hood, hook, hoodie…). Completions are whole words, not a prefix
-- query: GIN answers "day:*" by a partial match that costs twice "day" (5 ms for 17,000 posts).
-- PL/pgSQL so that each connection plans its queries once.
CREATE FUNCTION "search_tsquery"(words text[], prefix_at int, alternatives int, completions int) RETURNS tsquery
LANGUAGE plpgsql STABLE
AS $$
DECLARE
  result tsquery;
BEGIN
  SELECT to_tsquery('english', string_agg(widened.alts, ' & ' ORDER BY widened.i)) INTO result FROM (
    SELECT w.i, '(' || string_agg(DISTINCT x.alt, ' | ') || ')' AS alts
    FROM unnest(words) WITH ORDINALITY AS w(word, i)
    CROSS JOIN LATERAL (
      SELECT w.word AS alt
      UNION ALL
      (SELECT t."term" FROM "SearchTerm" t
       WHERE length(w.word) > 1 AND w.word <% t."term"
         AND NOT EXISTS (SELECT 1 FROM "SearchTerm" e WHERE e."term" = w.word)
       ORDER BY w.word <<-> t."term", t."term" LIMIT alternatives)
      UNION ALL
      (SELECT t."term" FROM "SearchTerm" t
       WHERE w.i = prefix_at AND t."term" LIKE w.word || '%' AND t."term" <> w.word
       ORDER BY length(t."term"), t."term" LIMIT completions)
    ) x
    GROUP BY w.i
  ) widened;
  RETURN result;
END
$$;

-- Predictive search's candidates: the first n public products (by their suggestVector) or posts
-- matching a full-text query, read through the GIN index only. With a LIMIT PostgreSQL prefers
-- a scan that stops at the n-th match when it expects many; a word of middling frequency whose
-- matches it overestimates threefold then reads 30,000 rows (30 ms) where the index reads 500
-- (1 ms). The functions' settings leave bitmap scans as the only way, whatever the estimate;
-- PL/pgSQL keeps their plans per connection. The visibility rules are the public ones of
-- shared/access.ts (isPublicProduct; a public post not hidden or deleted).
CREATE FUNCTION "predictive_products"(q tsquery, n int) RETURNS TABLE ("id" uuid, "rank" real)
LANGUAGE plpgsql STABLE
SET enable_seqscan = off SET enable_indexscan = off
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c."id", ts_rank(c."suggestVector", q) FROM (
    SELECT p."id", p."suggestVector" FROM "Product" p
    WHERE p."suggestVector" @@ q AND p."status" = 'ACTIVE' AND p."hiddenAt" IS NULL
    LIMIT n
  ) c;
END
$$;

CREATE FUNCTION "predictive_posts"(q tsquery, n int) RETURNS TABLE ("id" uuid, "createdAt" timestamp(3))
LANGUAGE plpgsql STABLE
SET enable_seqscan = off SET enable_indexscan = off
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT p."id", p."createdAt" FROM "Post" p
  WHERE p."searchVector" @@ q AND p."visibility" = 'PUBLIC' AND p."hiddenAt" IS NULL AND p."deletedAt" IS NULL
  LIMIT n;
END
$$;
