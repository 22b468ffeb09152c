/**
 * Predictive search: what a search box suggests while the shopper types, across products,
 * shops, creators, hashtags and posts, public content only (the same answer for every caller).
 *
 * Two SQL statements find the ids of every kind asked for: the first matches shops, creators
 * and hashtags and turns the words into a full-text query through the dictionary, the second
 * finds products and posts with that query. Then one statement per kind loads them with what the
 * GraphQL selection asks (hashtags need none), in parallel. So a search of all five kinds costs at
 * most 6 statements.
 *
 * - Products and posts: the typed words through the search dictionary (shared/search.ts), the
 *   last word of 3 letters or more also completed ("hoo" → hoodie, hook), in the full-text indexes.
 *   Among the first 100 matches the index gives, products rank by full-text rank (title words
 *   weigh most), posts newest first.
 * - Shops, creators and hashtags: trigram word similarity of the whole query to the shop's name,
 *   the creator's handle or display name, the hashtag (GiST indexes, nearest first).
 */
import type { Context } from "../context.ts";
import { Prisma } from "@shoppable/db/client";
import { fuzzyTsQuery, queryWords } from "../shared/search.ts";

export const PREDICTIVE_TYPES = ["PRODUCT", "SHOP", "CREATOR", "HASHTAG", "POST"] as const;
export type PredictiveType = (typeof PREDICTIVE_TYPES)[number];

/** Most suggestions of one kind. */
export const PREDICTIVE_MAX_LIMIT = 10;
/** Longest query. */
export const PREDICTIVE_MAX_LENGTH = 100;

export interface PredictiveHits {
  PRODUCT: string[];
  SHOP: string[];
  CREATOR: string[];
  POST: string[];
  HASHTAG: { tag: string; postCount: number }[];
}

interface HitRow {
  kind: PredictiveType;
  id: string;
  count: number | null;
  n: number;
}

/**
 * Products and posts ranked per search: the first this many matches the database finds, so the
 * cost is bounded whether the words match 5 rows or 20,000.
 */
export const CANDIDATES = 100;

/** The ids (and hashtags) of each kind asked for, best first. */
export async function predictiveHits(
  ctx: Context,
  query: string,
  limit: number,
  types: ReadonlySet<PredictiveType>,
): Promise<PredictiveHits> {
  const hits: PredictiveHits = { PRODUCT: [], SHOP: [], CREATOR: [], POST: [], HASHTAG: [] };
  const text = query.trim().toLowerCase();
  const words = queryWords(text);
  if (words.length === 0 || types.size === 0) return hits;
  const tag = words.join("");
  const ranked = (kind: PredictiveType, body: Prisma.Sql, order: Prisma.Sql) =>
    Prisma.sql`(SELECT ${kind}::text AS kind, x.id, x.count, row_number() OVER (ORDER BY ${order})::int AS n
      FROM (${body} ORDER BY ${order} LIMIT ${limit}) x)`;
  const collect = (rows: HitRow[]) => {
    rows.sort((a, b) => a.n - b.n);
    for (const row of rows) {
      if (row.kind === "HASHTAG") hits.HASHTAG.push({ tag: row.id, postCount: row.count ?? 0 });
      else hits[row.kind].push(row.id);
    }
  };

  // 1. Shops, creators and hashtags by similarity, and the words' full-text query from the dictionary.
  const first: Prisma.Sql[] = [];
  const needsWords = types.has("PRODUCT") || types.has("POST");
  if (needsWords)
    first.push(
      Prisma.sql`(SELECT 'TSQUERY' AS kind, ${fuzzyTsQuery(words, { prefixLast: true })}::text AS id, NULL::int AS count, 0 AS n)`,
    );
  if (types.has("SHOP"))
    first.push(
      ranked(
        "SHOP",
        Prisma.sql`SELECT s."id"::text AS id, NULL::int AS count, ${text} <<-> s."name" AS distance
          FROM "Shop" s WHERE ${text} <% s."name"`,
        Prisma.sql`distance, id`,
      ),
    );
  if (types.has("CREATOR"))
    first.push(
      ranked(
        "CREATOR",
        Prisma.sql`SELECT u."id"::text AS id, NULL::int AS count, u."followerCount" AS followers,
            least(${text} <<-> u."handle", coalesce(${text} <<-> u."displayName", 1)) AS distance
          FROM "User" u WHERE 'CREATOR' = ANY(u."roles") AND u."erasedAt" IS NULL
            AND (${text} <% u."handle" OR ${text} <% u."displayName")`,
        Prisma.sql`distance, followers DESC, id`,
      ),
    );
  if (types.has("HASHTAG"))
    first.push(
      ranked(
        "HASHTAG",
        Prisma.sql`SELECT h."tag" AS id, h."postCount" AS count, ${tag} <<-> h."tag" AS distance
          FROM "Hashtag" h WHERE h."postCount" > 0 AND ${tag} <% h."tag"`,
        Prisma.sql`distance, count DESC, id`,
      ),
    );
  if (first.length === 0) return hits;
  const rows = await ctx.db.$queryRaw<HitRow[]>`${Prisma.join(first, " UNION ALL ")}`;
  const tsquery = rows.find((row) => (row.kind as string) === "TSQUERY")?.id ?? "";
  collect(rows.filter((row) => (row.kind as string) !== "TSQUERY"));
  if (!needsWords || tsquery === "") return hits;

  // 2. Products and posts matching that query: the first CANDIDATES matches the full-text index
  // gives (the database functions "predictive_products" and "predictive_posts": see the search
  // migration), ranked. Ranking every match of a two-letter word (15,000 of 100,000 products)
  // cost 65-90 ms.
  const second: Prisma.Sql[] = [];
  const tsq = Prisma.sql`${tsquery}::tsquery`;
  if (types.has("PRODUCT"))
    second.push(
      ranked(
        "PRODUCT",
        Prisma.sql`SELECT c."id"::text AS id, NULL::int AS count, c."rank" FROM "predictive_products"(${tsq}, ${CANDIDATES}) c`,
        Prisma.sql`rank DESC, id`,
      ),
    );
  if (types.has("POST"))
    second.push(
      ranked(
        "POST",
        Prisma.sql`SELECT c."id"::text AS id, NULL::int AS count, c."createdAt" AS at FROM "predictive_posts"(${tsq}, ${CANDIDATES}) c`,
        Prisma.sql`at DESC, id DESC`,
      ),
    );
  if (second.length) collect(await ctx.db.$queryRaw<HitRow[]>`${Prisma.join(second, " UNION ALL ")}`);
  return hits;
}
