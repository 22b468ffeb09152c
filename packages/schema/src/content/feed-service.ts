/**
 * Feeds: `feed(kind, hashtag)`.
 *
 * - FOLLOWING and HASHTAG are newest first (keyset over createdAt, id: content/post-list.ts),
 *   with the full visibility rule, so followers-only posts of followed creators show.
 *   FOLLOWING: creators' own posts of the users the viewer follows and the posts of the shops
 *   they follow; without a user token it is empty. HASHTAG: posts with that (normalised)
 *   hashtag, through the GIN index on `hashtags`.
 * - TRENDING and FOR_YOU are ranked (content/ranking.ts) as of an instant `asOf` (the first
 *   page's time, carried by every cursor of the walk). TRENDING reads the hourly snapshot of
 *   the ranking hour H = asOf truncated to the hour (content/trending-snapshot.ts): PUBLIC,
 *   non-deleted posts created before H, scored from the completed hours before H, by index.
 *   FOR_YOU re-ranks the snapshot's best 1,000 posts and those of followed creators and shops
 *   with the viewer's signals made by asOf (likes, views, follows, paid orders). So posts and
 *   engagement that arrive between pages change nothing; a post shows in the ranked feeds
 *   from the hour after it was made.
 * - FOR_YOU is personalised only when the viewer's user consented to personalisation;
 *   otherwise it is TRENDING, and the connection says so (`kind`, `personalized`). A
 *   personalised cursor is refused once the consent is withdrawn (start again).
 *
 * Each page is at most four statements: the consent (FOR_YOU only), the snapshot (only the
 * first request of an hour in a process), the ranked ids, then one `findMany` with the GraphQL
 * selection (tags, products, variants, authors by relation joins).
 */
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.ts";
import { Prisma } from "@shoppable/db/client";
import { limits } from "../limits.ts";
import { viewerConsent } from "../privacy/service.ts";
import { badInput, decodeCursor, pageWindow, type PageArgs, type PageInfoShape } from "../shared/cursor.ts";
import { visiblePostWhere } from "../shared/access.ts";
import { utc } from "../shared/sql.ts";
import { listPosts } from "./post-list.ts";
import {
  rankedCursor,
  rankedCursorOf,
  rankedPage,
  rankedPageInfo,
  type ForwardWindow,
  type RankedRow,
} from "./ranked-page.ts";
import { AFFINITY, AFFINITY_RANGE, PERSONAL_SCORE_FLOOR, rankingHour } from "./ranking.ts";
import { ensureTrendingSnapshot } from "./trending-snapshot.ts";
import { normaliseHashtag } from "./rules.ts";

export const FEED_KINDS = ["FOR_YOU", "FOLLOWING", "TRENDING", "HASHTAG"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export interface FeedArgs extends PageArgs {
  kind: FeedKind;
  hashtag?: string | null;
}

export interface FeedConnectionShape {
  edges: { cursor: string; node: unknown }[];
  pageInfo: PageInfoShape;
  /** The kind actually served: TRENDING for a FOR_YOU feed that could not be personalised. */
  kind: FeedKind;
  personalized: boolean;
  /** The ranking instant of a ranked feed; null for the newest-first kinds. */
  rankedAt: Date | null;
}

/** The most recent likes and views of the viewer that FOR_YOU looks at. */
const SIGNAL_LIMIT = 200;
/** FOR_YOU re-ranks this many of the best TRENDING posts (plus those of followed creators and shops). */
const FOR_YOU_CANDIDATES = 1000;

/**
 * A page of the feed of `kind` for the caller, for the GraphQL field at `info`.
 * BAD_USER_INPUT for a HASHTAG feed without a valid hashtag, a hashtag with another kind, a
 * malformed cursor or one of another kind (or hashtag, or viewer), a page size over 100.
 */
export async function listFeed(
  ctx: Context,
  args: FeedArgs,
  info: GraphQLResolveInfo,
  now = new Date(),
): Promise<FeedConnectionShape> {
  const { backward, size } = pageWindow(args, {
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
  });
  if (args.kind !== "HASHTAG" && args.hashtag != null)
    throw badInput("`hashtag` is only for the HASHTAG feed.");
  const newest = { personalized: false, rankedAt: null };
  switch (args.kind) {
    case "HASHTAG": {
      if (args.hashtag == null) throw badInput("The HASHTAG feed needs a `hashtag`.");
      const tag = normaliseHashtag(args.hashtag);
      if (tag === null)
        throw badInput("`hashtag` must be letters, digits and _ (at most 64), with or without a leading #.");
      return {
        ...(await listPosts(ctx, args, { hashtags: { has: tag } }, info, `FEED:HASHTAG:${tag}`)),
        kind: "HASHTAG",
        ...newest,
      };
    }
    case "FOLLOWING": {
      const user = ctx.user;
      if (!user) {
        // Nobody to follow anyone: an empty feed (cursors are still checked).
        const cursor = args.after ?? args.before;
        if (cursor != null) decodeCursor(cursor, "FEED:FOLLOWING");
        return {
          edges: [],
          pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
          kind: "FOLLOWING",
          ...newest,
        };
      }
      const where: Prisma.PostWhereInput = {
        OR: [
          { shopId: null, author: { followers: { some: { followerId: user.id } } } },
          { shop: { followers: { some: { followerId: user.id } } } },
        ],
      };
      return { ...(await listPosts(ctx, args, where, info, "FEED:FOLLOWING")), kind: "FOLLOWING", ...newest };
    }
    case "TRENDING":
      return rankedFeed(ctx, args, info, backward, size, null, now);
    case "FOR_YOU": {
      const consent = await viewerConsent(ctx);
      return rankedFeed(ctx, args, info, backward, size, consent?.personalization ? ctx.user!.id : null, now);
    }
  }
}

async function rankedFeed(
  ctx: Context,
  args: FeedArgs,
  info: GraphQLResolveInfo,
  backward: boolean,
  size: number,
  personalFor: string | null,
  now: Date,
): Promise<FeedConnectionShape> {
  const ordering = personalFor ? `FEED:FOR_YOU:${personalFor}` : "FEED:TRENDING";
  if (!personalFor && args.kind === "FOR_YOU" && ctx.user) {
    // A personalised cursor after the consent was withdrawn: say why rather than "another ordering".
    let personalCursor = false;
    try {
      rankedCursor(args, backward, `FEED:FOR_YOU:${ctx.user.id}`, now);
      personalCursor = (backward ? args.before : args.after) != null;
    } catch {
      // Not a personalised cursor of this viewer: checked below as a TRENDING one.
    }
    if (personalCursor)
      throw badInput(
        "This cursor belongs to a personalised FOR_YOU feed, which the viewer's consent no longer allows; start again without it.",
      );
  }
  const { asOf, position } = rankedCursor(args, backward, ordering, now);
  await ensureTrendingSnapshot(ctx.db, asOf);
  const ranked = personalFor
    ? (window: ForwardWindow | null) => forYouSql(personalFor, asOf, window)
    : trendingPageSql(rankingHour(asOf));
  const { rows, hasMore } = await rankedPage(ctx.db, ranked, position, backward, size);
  const nodes = await loadPosts(ctx, rows, info);
  const edges = rows
    .filter((r) => nodes.has(r.id))
    .map((r) => ({ cursor: rankedCursorOf(ordering, asOf, r), node: nodes.get(r.id) }));
  return {
    edges,
    pageInfo: rankedPageInfo(args, backward, hasMore, edges),
    kind: personalFor ? "FOR_YOU" : "TRENDING",
    personalized: personalFor !== null,
    rankedAt: asOf,
  };
}

/** The posts of a ranked page with the GraphQL selection, in one statement, by id. */
async function loadPosts(
  ctx: Context,
  rows: RankedRow[],
  info: GraphQLResolveInfo,
): Promise<Map<string, unknown>> {
  if (rows.length === 0) return new Map();
  const query = queryFromInfo({ context: ctx, info, path: ["edges", "node"] }) as {
    select?: Record<string, unknown>;
  };
  const posts = (await ctx.db.post.findMany({
    ...(query as object),
    ...(query.select ? { select: { ...query.select, id: true } } : {}),
    where: { AND: [{ id: { in: rows.map((r) => r.id) } }, visiblePostWhere(ctx)] },
  })) as unknown as { id: string }[];
  return new Map(posts.map((p) => [p.id, p]));
}

/**
 * SELECT "id", "score": the TRENDING page source: the snapshot of the ranking hour, posts
 * deleted or hidden since dropped. The keyset scan follows the (hour, score, postId) index.
 */
function trendingPageSql(hour: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT s."postId" AS "id", s."score" FROM "TrendingPostScore" s JOIN "Post" p ON p."id" = s."postId"
    WHERE s."hour" = ${utc(hour)} AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL AND p."visibility" = 'PUBLIC'`;
}

/**
 * SELECT "id", "score": the FOR_YOU score (ranking.ts) for the user `userId` as of `asOf`. The
 * candidates are the snapshot's top 1,000 posts and its posts by the creators and shops the
 * user followed by `asOf`, so the work per page is bounded whatever the number of posts. The
 * followed ones are found in the snapshot itself by its copy of the post's author and shop,
 * then checked against the post (a creator's own post, or a followed shop's). The affinity
 * reads the user's signals made by then: the hashtags and tagged products of the last 200
 * posts they liked and viewed, and the products of their paid orders.
 *
 * Given the forward page's `window`, only the candidates that can be on it are scored: with T
 * the least personal score (personalScoreRange) of the `take`-th best candidate by trending
 * score among those certainly ranked after the cursor (greatest personal score below it), at
 * least `take` candidates after the cursor score T or more, so a candidate whose greatest
 * personal score is below T cannot be among the page's `take` rows and is left out. The page
 * is the same as with every candidate scored.
 */
export function forYouSql(userId: string, asOf: Date, window: ForwardWindow | null = null): Prisma.Sql {
  const at = utc(asOf);
  const hour = utc(rankingHour(asOf));
  const a = AFFINITY;
  // personalScoreRange in SQL: the least and the greatest personal score of a trending score.
  const base = (score: Prisma.Sql) => Prisma.sql`(${score} + ${PERSONAL_SCORE_FLOOR}::int)`;
  const least = (score: Prisma.Sql) =>
    Prisma.sql`least(${base(score)} * ${AFFINITY_RANGE.min}::int, ${base(score)} * ${AFFINITY_RANGE.max}::int)`;
  const greatest = (score: Prisma.Sql) =>
    Prisma.sql`greatest(${base(score)} * ${AFFINITY_RANGE.min}::int, ${base(score)} * ${AFFINITY_RANGE.max}::int)`;
  const threshold = window
    ? Prisma.sql`(
        SELECT ${least(Prisma.sql`v."score"`)} FROM visible v
        ${window.after ? Prisma.sql`WHERE ${greatest(Prisma.sql`v."score"`)} < ${window.after.score}::bigint` : Prisma.empty}
        ORDER BY v."score" DESC OFFSET ${window.take - 1} LIMIT 1)`
    : Prisma.sql`NULL::bigint`;
  return Prisma.sql`
    WITH followed_users AS (
      SELECT f."followeeId" FROM "UserFollow" f WHERE f."followerId" = ${userId}::uuid AND f."createdAt" <= ${at}
    ), followed_shops AS (
      SELECT f."shopId" FROM "ShopFollow" f WHERE f."followerId" = ${userId}::uuid AND f."createdAt" <= ${at}
    ), top_edge AS (
      SELECT s."score", s."postId" FROM "TrendingPostScore" s WHERE s."hour" = ${hour}
      ORDER BY s."score" DESC, s."postId" DESC OFFSET ${FOR_YOU_CANDIDATES - 1} LIMIT 1
    ), candidates AS (
      SELECT s."postId", s."score", ((s."score", s."postId") >= (SELECT "score", "postId" FROM top_edge)) IS NOT FALSE AS "top"
      FROM "TrendingPostScore" s
      WHERE s."hour" = ${hour} AND (((s."score", s."postId") >= (SELECT "score", "postId" FROM top_edge)) IS NOT FALSE
        OR s."authorId" IN (SELECT "followeeId" FROM followed_users) OR s."shopId" IN (SELECT "shopId" FROM followed_shops))
    ), visible AS NOT MATERIALIZED (
      -- One primary-key lookup per candidate (OFFSET 0 keeps it so): never a scan of Post.
      SELECT c."postId", c."score", f."followed", p."hashtags"
      FROM candidates c
      CROSS JOIN LATERAL (
        SELECT p."authorId", p."shopId", p."hashtags" FROM "Post" p
        WHERE p."id" = c."postId" AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL AND p."visibility" = 'PUBLIC' OFFSET 0
      ) p
      CROSS JOIN LATERAL (SELECT (p."shopId" IS NULL AND p."authorId" IN (SELECT "followeeId" FROM followed_users))
                                 OR p."shopId" IN (SELECT "shopId" FROM followed_shops) AS "followed") f
      WHERE c."top" OR f."followed"
    ), engaged AS (
      (SELECT l."postId" FROM "PostLike" l WHERE l."userId" = ${userId}::uuid AND l."createdAt" <= ${at} ORDER BY l."createdAt" DESC LIMIT ${SIGNAL_LIMIT})
      UNION
      (SELECT v."postId" FROM "PostView" v WHERE v."viewerKey" = ${`user:${userId}`} AND v."createdAt" <= ${at} ORDER BY v."createdAt" DESC LIMIT ${SIGNAL_LIMIT})
    ), hashtags AS (
      SELECT coalesce(array_agg(DISTINCT t.tag), '{}') AS "list"
      FROM "Post" e, unnest(e."hashtags") AS t(tag) WHERE e."id" IN (SELECT "postId" FROM engaged)
    ), products AS (
      SELECT pt."productId" FROM "ProductTag" pt WHERE pt."postId" IN (SELECT "postId" FROM engaged)
      UNION
      SELECT ol."productId" FROM "OrderLine" ol JOIN "Order" o ON o."id" = ol."orderId"
      WHERE o."buyerId" = ${userId}::uuid AND o."paidAt" <= ${at} AND ol."productId" IS NOT NULL
    )
    SELECT v."postId" AS "id", (${base(Prisma.sql`v."score"`)} * (
      ${a.base}::int
      + CASE WHEN v."followed" THEN ${a.followed}::int ELSE 0 END
      + ${a.perSharedHashtag}::int * least(
          (SELECT count(*) FROM unnest(v."hashtags") AS x(tag) WHERE x.tag = ANY(h."list"))::int, ${a.maxSharedHashtags}::int)
      + CASE WHEN EXISTS (SELECT 1 FROM "ProductTag" pt WHERE pt."postId" = v."postId" AND pt."productId" IN (SELECT "productId" FROM products))
             THEN ${a.engagedProduct}::int ELSE 0 END
    ))::bigint AS "score"
    FROM visible v CROSS JOIN hashtags h
    WHERE (${greatest(Prisma.sql`v."score"`)} >= ${threshold}) IS NOT FALSE`;
}
