/**
 * Predictive search: what a search box suggests while the shopper types, across products,
 * shops, creators, hashtags and posts, public content only (the same answer for every caller).
 *
 * One SQL statement finds the ids of every kind asked for; then one statement per kind loads
 * them with what the GraphQL selection asks (hashtags need none), in parallel. So a search of
 * all five kinds costs at most 5 statements.
 *
 * - Products and posts: the typed words through the search dictionary (shared/search.ts), the
 *   last word also as a prefix ("hoo" → hoodie), in the full-text indexes. Products rank by
 *   full-text rank (title words weigh most), posts come newest first.
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
  const branches: Prisma.Sql[] = [];
  if (types.has("PRODUCT"))
    branches.push(
      ranked(
        "PRODUCT",
        Prisma.sql`SELECT p."id"::text AS id, NULL::int AS count, ts_rank(p."searchVector", q.tsq) AS rank
          FROM "Product" p, q WHERE p."status" = 'ACTIVE' AND p."hiddenAt" IS NULL AND p."searchVector" @@ q.tsq`,
        Prisma.sql`rank DESC, id`,
      ),
    );
  if (types.has("POST"))
    branches.push(
      ranked(
        "POST",
        Prisma.sql`SELECT p."id"::text AS id, NULL::int AS count, p."createdAt" AS at
          FROM "Post" p, q WHERE p."visibility" = 'PUBLIC' AND p."hiddenAt" IS NULL AND p."deletedAt" IS NULL
            AND p."searchVector" @@ q.tsq`,
        Prisma.sql`at DESC, id DESC`,
      ),
    );
  if (types.has("SHOP"))
    branches.push(
      ranked(
        "SHOP",
        Prisma.sql`SELECT s."id"::text AS id, NULL::int AS count, ${text} <<-> s."name" AS distance
          FROM "Shop" s WHERE ${text} <% s."name"`,
        Prisma.sql`distance, id`,
      ),
    );
  if (types.has("CREATOR"))
    branches.push(
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
    branches.push(
      ranked(
        "HASHTAG",
        Prisma.sql`SELECT h."tag" AS id, h."postCount" AS count, ${tag} <<-> h."tag" AS distance
          FROM "Hashtag" h WHERE h."postCount" > 0 AND ${tag} <% h."tag"`,
        Prisma.sql`distance, count DESC, id`,
      ),
    );
  const needsWords = types.has("PRODUCT") || types.has("POST");
  const rows = await ctx.db.$queryRaw<HitRow[]>`
    ${needsWords ? Prisma.sql`WITH q AS MATERIALIZED (SELECT ${fuzzyTsQuery(words, { prefixLast: true })} AS tsq)` : Prisma.empty}
    ${Prisma.join(branches, " UNION ALL ")}`;
  rows.sort((a, b) => a.n - b.n);
  for (const row of rows) {
    if (row.kind === "HASHTAG") hits.HASHTAG.push({ tag: row.id, postCount: row.count ?? 0 });
    else hits[row.kind].push(row.id);
  }
  return hits;
}
