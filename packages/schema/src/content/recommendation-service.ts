/**
 * Product rankings from shoppable content: `trendingProducts(window)` and
 * `recommendedProducts(productId | forViewer)`. Only ACTIVE products are ever returned (the
 * products everyone may see), never the product recommendations are asked for.
 */
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { canSeeProduct } from "../shared/access.ts";
import type { Context } from "../context.ts";
import { Prisma } from "@shoppable/db/client";
import { limits } from "../limits.ts";
import { viewerConsent } from "../privacy/service.ts";
import { pageWindow, type PageArgs, type PageInfoShape } from "../shared/cursor.ts";
import { utc } from "../shared/sql.ts";
import { rankedCursor, rankedCursorOf, rankedPage, rankedPageInfo, type RankedRow } from "./ranked-page.ts";
import {
  PRODUCT_POINTS,
  PRODUCT_WINDOW_HOURS,
  rankingHour,
  RECOMMENDATION_WEIGHTS,
  type ProductWindow,
} from "./ranking.ts";

const HOUR_MS = 3_600_000;
/** The most recent orders and engaged viewers each recommendation looks at. */
const SAMPLE = 1000;
/** The most recent likes and views of the viewer that viewer recommendations start from. */
const SIGNAL_LIMIT = 200;
/** The window of the fallback when recommendations cannot be personalised. */
const FALLBACK_WINDOW: ProductWindow = "WEEK";

export interface TrendingProductsShape {
  edges: { cursor: string; node: unknown }[];
  pageInfo: PageInfoShape;
  window: ProductWindow;
  rankedAt: Date;
}

/**
 * SELECT "id", "score": ACTIVE products with a positive trendingProducts score (ranking.ts)
 * over the completed hours of `window` before `asOf`, from ProductEngagementHour (index on
 * hour): tag taps, add-to-carts and units bought through posts.
 */
export function trendingProductsSql(window: ProductWindow, asOf: Date): Prisma.Sql {
  const hour = rankingHour(asOf);
  const from = new Date(hour.getTime() - PRODUCT_WINDOW_HOURS[window] * HOUR_MS);
  const p = PRODUCT_POINTS;
  return Prisma.sql`
    SELECT e."productId" AS "id",
           sum(e."tagTaps"::bigint * ${p.tagTaps}::int + e."addToCarts" * ${p.addToCarts}::int + e."purchases" * ${p.purchases}::int)::bigint AS "score"
    FROM "ProductEngagementHour" e
    JOIN "Product" p ON p."id" = e."productId" AND p."status" = 'ACTIVE' AND p."hiddenAt" IS NULL
    WHERE e."hour" >= ${utc(from)} AND e."hour" < ${utc(hour)}
    GROUP BY e."productId"
    HAVING sum(e."tagTaps"::bigint * ${p.tagTaps}::int + e."addToCarts" * ${p.addToCarts}::int + e."purchases" * ${p.purchases}::int) > 0`;
}

/**
 * A page of trending products for the GraphQL field at `info`: best first, ties by id; the
 * cursor carries the ranking instant like the ranked feeds, so pages are stable.
 * BAD_USER_INPUT for a malformed cursor, one of another window, a page size over 100.
 */
export async function listTrendingProducts(
  ctx: Context,
  args: PageArgs & { window: ProductWindow },
  info: GraphQLResolveInfo,
  now = new Date(),
): Promise<TrendingProductsShape> {
  const { backward, size } = pageWindow(args, {
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
  });
  const ordering = `TRENDING_PRODUCTS:${args.window}`;
  const { asOf, position } = rankedCursor(args, backward, ordering, now);
  const { rows, hasMore } = await rankedPage(
    ctx.db,
    trendingProductsSql(args.window, asOf),
    position,
    backward,
    size,
  );
  const nodes = await loadProducts(
    ctx,
    rows.map((r) => r.id),
    info,
    ["edges", "node"],
  );
  const edges = rows
    .filter((r) => nodes.has(r.id))
    .map((r) => ({ cursor: rankedCursorOf(ordering, asOf, r), node: nodes.get(r.id) }));
  return {
    edges,
    pageInfo: rankedPageInfo(args, backward, hasMore, edges),
    window: args.window,
    rankedAt: asOf,
  };
}

export type RecommendationBasis = "PRODUCT" | "VIEWER" | "TRENDING";

export interface RecommendationsShape {
  products: unknown[];
  personalized: boolean;
  basis: RecommendationBasis;
}

/**
 * Products to show with `productId`: bought together (other products of the paid orders that
 * contain it, the latest 1,000 orders) and co-engaged (products tagged in posts liked or
 * viewed by the users who liked or viewed posts tagging it, the latest 1,000 such users,
 * counting only users who consented to personalisation). Score = 3 · orders bought together
 * + 1 · co-engaged users; ties by id. A product the caller cannot see gives no products.
 */
export async function recommendForProduct(
  ctx: Context,
  productId: string,
  first: number,
  info: GraphQLResolveInfo,
): Promise<RecommendationsShape> {
  const product = await ctx.db.product.findUnique({
    where: { id: productId },
    select: { shopId: true, status: true, hiddenAt: true },
  });
  const ids =
    product && (await canSeeProduct(ctx, product)) ? await coProducts(ctx.db, [productId], first) : [];
  return { products: await ordered(ctx, ids, info), personalized: false, basis: "PRODUCT" };
}

/**
 * Products for the caller's user from their own signals, only with their consent to
 * personalisation: the co-products (as for a product) of the products tagged in the last
 * 200 posts they liked or viewed and of the products they bought, those products themselves
 * excluded. Without a user, without consent or without any signal: the week's trending
 * products, `personalized: false`.
 */
export async function recommendForViewer(
  ctx: Context,
  first: number,
  info: GraphQLResolveInfo,
  now = new Date(),
): Promise<RecommendationsShape> {
  const consent = await viewerConsent(ctx);
  if (ctx.user && consent?.personalization) {
    const userId = ctx.user.id;
    const seeds = await ctx.db.$queryRaw<{ id: string }[]>`
      WITH engaged AS (
        (SELECT l."postId" FROM "PostLike" l WHERE l."userId" = ${userId}::uuid ORDER BY l."createdAt" DESC LIMIT ${SIGNAL_LIMIT})
        UNION
        (SELECT v."postId" FROM "PostView" v WHERE v."viewerKey" = ${`user:${userId}`} ORDER BY v."createdAt" DESC LIMIT ${SIGNAL_LIMIT})
      )
      SELECT t."productId"::text AS "id" FROM "ProductTag" t WHERE t."postId" IN (SELECT "postId" FROM engaged)
      UNION
      SELECT ol."productId"::text FROM "OrderLine" ol JOIN "Order" o ON o."id" = ol."orderId"
      WHERE o."buyerId" = ${userId}::uuid AND o."paidAt" IS NOT NULL AND ol."productId" IS NOT NULL`;
    if (seeds.length > 0) {
      const ids = await coProducts(
        ctx.db,
        seeds.map((s) => s.id),
        first,
      );
      return { products: await ordered(ctx, ids, info), personalized: true, basis: "VIEWER" };
    }
  }
  const { rows } = await rankedPage(ctx.db, trendingProductsSql(FALLBACK_WINDOW, now), null, false, first);
  return {
    products: await ordered(
      ctx,
      rows.map((r: RankedRow) => r.id),
      info,
    ),
    personalized: false,
    basis: "TRENDING",
  };
}

/** The ids of the best co-products of `seeds` (never a seed), best first. One statement. */
async function coProducts(db: Context["db"], seeds: string[], first: number): Promise<string[]> {
  if (first === 0) return [];
  const wt = RECOMMENDATION_WEIGHTS;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH seed_orders AS (
      SELECT o."id" FROM "Order" o
      WHERE o."status" IN ('PAID', 'FULFILLED', 'PARTIALLY_REFUNDED')
        AND o."id" IN (SELECT ol."orderId" FROM "OrderLine" ol WHERE ol."productId" = ANY(${seeds}::uuid[]))
      ORDER BY o."id" DESC LIMIT ${SAMPLE}
    ), bought AS (
      SELECT ol."productId", count(DISTINCT ol."orderId") * ${wt.boughtTogether}::int AS "score"
      FROM "OrderLine" ol WHERE ol."orderId" IN (SELECT "id" FROM seed_orders) AND ol."productId" IS NOT NULL
      GROUP BY ol."productId"
    ), seed_posts AS (
      SELECT t."postId" FROM "ProductTag" t WHERE t."productId" = ANY(${seeds}::uuid[])
    ), engagers AS (
      SELECT u."id" FROM "User" u
      WHERE u."consentPersonalization" AND u."erasedAt" IS NULL AND (
        u."id" IN (SELECT l."userId" FROM "PostLike" l WHERE l."postId" IN (SELECT "postId" FROM seed_posts))
        OR 'user:' || u."id"::text IN (SELECT v."viewerKey" FROM "PostView" v WHERE v."postId" IN (SELECT "postId" FROM seed_posts))
      )
      ORDER BY u."id" DESC LIMIT ${SAMPLE}
    ), engaged AS (
      SELECT l."userId" AS "uid", l."postId" FROM "PostLike" l WHERE l."userId" IN (SELECT "id" FROM engagers)
      UNION
      SELECT substr(v."viewerKey", 6)::uuid, v."postId" FROM "PostView" v WHERE v."viewerKey" IN (SELECT 'user:' || "id"::text FROM engagers)
    ), co AS (
      SELECT t."productId", count(DISTINCT e."uid") * ${wt.coEngaged}::int AS "score"
      FROM engaged e JOIN "ProductTag" t ON t."postId" = e."postId"
      GROUP BY t."productId"
    )
    SELECT s."productId"::text AS "id"
    FROM (SELECT * FROM bought UNION ALL SELECT * FROM co) s
    JOIN "Product" p ON p."id" = s."productId" AND p."status" = 'ACTIVE' AND p."hiddenAt" IS NULL
    WHERE NOT (s."productId" = ANY(${seeds}::uuid[]))
    GROUP BY s."productId"
    ORDER BY sum(s."score") DESC, s."productId" DESC
    LIMIT ${first}`;
  return rows.map((r) => r.id);
}

async function ordered(ctx: Context, ids: string[], info: GraphQLResolveInfo): Promise<unknown[]> {
  const nodes = await loadProducts(ctx, ids, info, ["products"]);
  return ids.filter((id) => nodes.has(id)).map((id) => nodes.get(id));
}

/** Products by id with the GraphQL selection at `path`, ACTIVE only, in one statement. */
async function loadProducts(
  ctx: Context,
  ids: string[],
  info: GraphQLResolveInfo,
  path: string[],
): Promise<Map<string, unknown>> {
  if (ids.length === 0) return new Map();
  const query = queryFromInfo({ context: ctx, info, path }) as { select?: Record<string, unknown> };
  const products = (await ctx.db.product.findMany({
    ...(query as object),
    ...(query.select ? { select: { ...query.select, id: true } } : {}),
    where: { id: { in: ids }, status: "ACTIVE", hiddenAt: null },
  })) as unknown as { id: string }[];
  return new Map(products.map((p) => [p.id, p]));
}
