/**
 * Engagement: views, likes, shares, follows, product tag taps, add-to-carts and purchases.
 *
 * Counters stay exact under concurrency because each engagement is ONE SQL statement (so one
 * transaction) built the same way: insert the event row if absent (`ON CONFLICT DO NOTHING`
 * on its key) or delete it, then, only for the rows actually inserted or deleted, change the
 * counter with an atomic `UPDATE … SET n = n + 1` and upsert the hourly aggregate
 * (`INSERT … ON CONFLICT DO UPDATE SET n = n + EXCLUDED.n`). Repeats and races find the event
 * row already there (or gone) and change nothing; a row lock per counter serialises the rest.
 * The hourly rows (PostEngagementHour, ProductEngagementHour) are what ranking reads.
 */
import type { Context } from "../context.ts";
import { Prisma } from "@shoppable/db/client";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { utc } from "../shared/sql.ts";
import { userError, type UserErrorShape } from "../shared/user-error.ts";
import { visiblePostWhere } from "../shared/access.ts";
import { visibleTagWhere } from "./access.ts";
import type { ContentErrorCode } from "./errors.ts";
import { engagementHour, viewBucket } from "./rules.ts";

type ContentUserError = UserErrorShape<ContentErrorCode>;

/** Anything that runs raw SQL: the Prisma client or a transaction of another domain. */
export type SqlRunner = Pick<Prisma.TransactionClient, "$queryRaw">;

/** NOT_FOUND when the caller cannot see the post, POST_DELETED when it was deleted. */
async function checkPost(ctx: Context, postId: string): Promise<ContentUserError | null> {
  const post = await ctx.db.post.findFirst({
    where: { id: postId, ...visiblePostWhere(ctx, { includeDeleted: true }) },
    select: { deletedAt: true },
  });
  if (!post) return userError("NOT_FOUND", "No post you can see has this id.", ["postId"]);
  if (post.deletedAt) return userError("POST_DELETED", "The post was deleted.", ["postId"]);
  return null;
}

/** At most one `postEngagement` event per post per this many ms. */
export const ENGAGEMENT_EVENT_INTERVAL_MS = 1000;

/**
 * Publishes the post's counters after a committed engagement, coalesced: at most one event per
 * post per ENGAGEMENT_EVENT_INTERVAL_MS, the trailing one read when it is sent.
 */
export function publishEngagement(ctx: Pick<Context, "db" | "events">, postId: string): void {
  ctx.events.publishCoalesced("postEngagement", postId, ENGAGEMENT_EVENT_INTERVAL_MS, async () => {
    const post = await ctx.db.post.findUnique({
      where: { id: postId },
      select: { viewCount: true, likeCount: true, shareCount: true, purchaseCount: true, commentCount: true },
    });
    return post && { postId, ...post };
  });
}

const deletedMeanwhile = () => failed([userError("POST_DELETED", "The post was deleted.", ["postId"])]);

type PostCounter = "viewCount" | "likeCount" | "shareCount";
type PostHourColumn = "views" | "likes" | "shares";

/**
 * Runs one engagement statement on a live post: `event` (SQL selecting from the CTE `post`,
 * the post row when not deleted, and returning "postId" for each event row it inserted or
 * deleted), then `counter += delta` and the hourly `column += delta` for those rows only.
 */
async function recordPostEvent(
  db: SqlRunner,
  postId: string,
  event: Prisma.Sql,
  counter: PostCounter,
  column: PostHourColumn,
  delta: 1 | -1,
  at: Date,
): Promise<{ live: boolean; changed: boolean }> {
  const c = Prisma.raw(`"${counter}"`);
  const h = Prisma.raw(`"${column}"`);
  const [row] = await db.$queryRaw<{ live: number; changed: number }[]>`
    WITH post AS (
      SELECT "id" FROM "Post" WHERE "id" = ${postId}::uuid AND "deletedAt" IS NULL
    ), event AS (
      ${event}
    ), counted AS (
      UPDATE "Post" SET ${c} = ${c} + ${delta}::int WHERE "id" IN (SELECT "postId" FROM event) RETURNING "id"
    ), hourly AS (
      INSERT INTO "PostEngagementHour" ("postId", "hour", ${h})
      SELECT "postId", ${utc(engagementHour(at))}, ${delta}::int FROM event
      ON CONFLICT ("postId", "hour") DO UPDATE SET ${h} = "PostEngagementHour".${h} + EXCLUDED.${h}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM post)::int AS live, (SELECT count(*) FROM counted)::int AS changed`;
  return { live: (row?.live ?? 0) > 0, changed: (row?.changed ?? 0) > 0 };
}

export interface PostViewResult extends PayloadShape {
  /** Whether this view counted (the first of this viewer on this post in 30 minutes). */
  counted: boolean;
}

/**
 * Counts a view of a post once per viewer per 30-minute bucket. The viewer is the user of the
 * token, else `sessionId` (anonymous viewers); with neither, VIEWER_REQUIRED.
 */
export async function viewPost(
  ctx: Context,
  input: { postId: string; sessionId?: string | null | undefined },
  at = new Date(),
): Promise<PostViewResult> {
  const viewerKey = ctx.user ? `user:${ctx.user.id}` : input.sessionId ? `session:${input.sessionId}` : null;
  if (viewerKey === null) {
    return {
      ...failed([
        userError("VIEWER_REQUIRED", "Send a user token or a sessionId to count the view by.", ["sessionId"]),
      ]),
      counted: false,
    };
  }
  const problem = await checkPost(ctx, input.postId);
  if (problem) return { ...failed([problem]), counted: false };
  const result = await recordPostEvent(
    ctx.db,
    input.postId,
    Prisma.sql`
      INSERT INTO "PostView" ("postId", "viewerKey", "bucket", "createdAt")
      SELECT "id", ${viewerKey}, ${viewBucket(at)}::int, ${utc(at)} FROM post
      ON CONFLICT DO NOTHING
      RETURNING "postId"`,
    "viewCount",
    "views",
    1,
    at,
  );
  if (!result.live) return { ...deletedMeanwhile(), counted: false };
  if (result.changed) publishEngagement(ctx, input.postId);
  return { ...succeeded(input.postId), counted: result.changed };
}

/** Likes a post for the caller's user; liking again changes nothing. POST_DELETED / NOT_FOUND. */
export async function likePost(ctx: Context, postId: string, at = new Date()): Promise<PayloadShape> {
  const userId = requireUser(ctx);
  const problem = await checkPost(ctx, postId);
  if (problem) return failed([problem]);
  const result = await recordPostEvent(
    ctx.db,
    postId,
    Prisma.sql`
      INSERT INTO "PostLike" ("postId", "userId", "createdAt")
      SELECT "id", ${userId}::uuid, ${utc(at)} FROM post
      ON CONFLICT DO NOTHING
      RETURNING "postId"`,
    "likeCount",
    "likes",
    1,
    at,
  );
  if (result.changed) publishEngagement(ctx, postId);
  return result.live ? succeeded(postId) : deletedMeanwhile();
}

/** Takes back the caller's like; unliking a post not liked changes nothing. */
export async function unlikePost(ctx: Context, postId: string, at = new Date()): Promise<PayloadShape> {
  const userId = requireUser(ctx);
  const problem = await checkPost(ctx, postId);
  if (problem) return failed([problem]);
  const result = await recordPostEvent(
    ctx.db,
    postId,
    Prisma.sql`
      DELETE FROM "PostLike" WHERE "postId" IN (SELECT "id" FROM post) AND "userId" = ${userId}::uuid
      RETURNING "postId"`,
    "likeCount",
    "likes",
    -1,
    at,
  );
  if (result.changed) publishEngagement(ctx, postId);
  return result.live ? succeeded(postId) : deletedMeanwhile();
}

/** Records a share of a post to `channel` (such as "copy_link" or "whatsapp"); every share counts. */
export async function sharePost(
  ctx: Context,
  input: { postId: string; channel: string },
  at = new Date(),
): Promise<PayloadShape> {
  const userId = requireUser(ctx);
  const problem = await checkPost(ctx, input.postId);
  if (problem) return failed([problem]);
  const result = await recordPostEvent(
    ctx.db,
    input.postId,
    Prisma.sql`
      INSERT INTO "PostShare" ("id", "postId", "userId", "channel", "createdAt")
      SELECT gen_random_uuid(), "id", ${userId}::uuid, ${input.channel}, ${utc(at)} FROM post
      RETURNING "postId"`,
    "shareCount",
    "shares",
    1,
    at,
  );
  if (result.changed) publishEngagement(ctx, input.postId);
  return result.live ? succeeded(input.postId) : deletedMeanwhile();
}

function requireUser(ctx: Context): string {
  // The mutations' auth scopes guarantee a user; this guards direct service calls.
  if (!ctx.user) throw new Error("This engagement needs a user.");
  return ctx.user.id;
}

// ───────────── product tags ─────────────

type TagCounter = "tapCount" | "addToCartCount";
type TagHourColumn = "tagTaps" | "addToCarts";

/** Adds 1 to a tag's counter and to the hourly rows of its post and product, in one statement. */
async function recordTagEvent(
  db: SqlRunner,
  tagId: string,
  counter: TagCounter,
  column: TagHourColumn,
  onlyLivePosts: boolean,
  at: Date,
): Promise<boolean> {
  const c = Prisma.raw(`"${counter}"`);
  const h = Prisma.raw(`"${column}"`);
  const hour = utc(engagementHour(at));
  const live = onlyLivePosts
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Post" p WHERE p."id" = t."postId" AND p."deletedAt" IS NULL)`
    : Prisma.empty;
  const [row] = await db.$queryRaw<{ changed: number }[]>`
    WITH tag AS (
      UPDATE "ProductTag" t SET ${c} = t.${c} + 1 WHERE t."id" = ${tagId}::uuid ${live}
      RETURNING t."postId", t."productId"
    ), post_hour AS (
      INSERT INTO "PostEngagementHour" ("postId", "hour", ${h}) SELECT "postId", ${hour}, 1 FROM tag
      ON CONFLICT ("postId", "hour") DO UPDATE SET ${h} = "PostEngagementHour".${h} + EXCLUDED.${h}
      RETURNING 1
    ), product_hour AS (
      INSERT INTO "ProductEngagementHour" ("productId", "hour", ${h}) SELECT "productId", ${hour}, 1 FROM tag
      ON CONFLICT ("productId", "hour") DO UPDATE SET ${h} = "ProductEngagementHour".${h} + EXCLUDED.${h}
      RETURNING 1
    )
    SELECT count(*)::int AS changed FROM tag`;
  return (row?.changed ?? 0) > 0;
}

/**
 * Counts a tap on a product tag (anonymous callers too). NOT_FOUND when the caller cannot see
 * the tag's post or product, POST_DELETED when the post was deleted.
 */
export async function tapProductTag(ctx: Context, tagId: string, at = new Date()): Promise<PayloadShape> {
  const tag = await ctx.db.productTag.findFirst({
    where: {
      AND: [{ id: tagId }, visibleTagWhere(ctx), { post: visiblePostWhere(ctx, { includeDeleted: true }) }],
    },
    select: { post: { select: { deletedAt: true } } },
  });
  if (!tag)
    return failed([userError("NOT_FOUND", "No product tag you can see has this id.", ["productTagId"])]);
  if (tag.post.deletedAt)
    return failed([userError("POST_DELETED", "The tag's post was deleted.", ["productTagId"])]);
  const counted = await recordTagEvent(ctx.db, tagId, "tapCount", "tagTaps", true, at);
  return counted
    ? succeeded(tagId)
    : failed([userError("POST_DELETED", "The tag's post was deleted.", ["productTagId"])]);
}

/**
 * For the cart domain: records a cart addition through a product tag, in the caller's
 * transaction `tx` (tag counter, post and product hourly aggregates). Returns false, changing
 * nothing, when the tag does not exist. Counts even when the post was deleted meanwhile.
 */
export function recordTagAddToCart(tx: SqlRunner, tagId: string, at = new Date()): Promise<boolean> {
  return recordTagEvent(tx, tagId, "addToCartCount", "addToCarts", false, at);
}

/**
 * For checkout: records `quantity` units bought through a post, in the caller's transaction
 * `tx`: the post's purchaseCount, its hourly aggregate and, with `productId`, the product's
 * hourly aggregate. Returns false, changing nothing, when the post does not exist (a deleted
 * post still counts). Throws a RangeError for a quantity that is not a positive integer.
 */
export async function recordPurchaseThroughPost(
  tx: SqlRunner,
  input: { postId: string; quantity: number; productId?: string | null },
  at = new Date(),
): Promise<boolean> {
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1)
    throw new RangeError(`quantity must be a positive integer (got ${input.quantity})`);
  const hour = utc(engagementHour(at));
  const [row] = await tx.$queryRaw<{ changed: number }[]>`
    WITH post AS (
      UPDATE "Post" SET "purchaseCount" = "purchaseCount" + ${input.quantity}::int WHERE "id" = ${input.postId}::uuid RETURNING "id"
    ), post_hour AS (
      INSERT INTO "PostEngagementHour" ("postId", "hour", "purchases") SELECT "id", ${hour}, ${input.quantity}::int FROM post
      ON CONFLICT ("postId", "hour") DO UPDATE SET "purchases" = "PostEngagementHour"."purchases" + EXCLUDED."purchases"
      RETURNING 1
    ), product_hour AS (
      INSERT INTO "ProductEngagementHour" ("productId", "hour", "purchases")
      SELECT p."id", ${hour}, ${input.quantity}::int FROM "Product" p WHERE p."id" = ${input.productId ?? null}::uuid AND EXISTS (SELECT 1 FROM post)
      ON CONFLICT ("productId", "hour") DO UPDATE SET "purchases" = "ProductEngagementHour"."purchases" + EXCLUDED."purchases"
      RETURNING 1
    )
    SELECT count(*)::int AS changed FROM post`;
  return (row?.changed ?? 0) > 0;
}

// ───────────── follows ─────────────

export interface FollowResult {
  userId: string | null;
  shopId: string | null;
  userErrors: UserErrorShape[];
}

export type FollowTarget = { userId: string; shopId?: undefined } | { shopId: string; userId?: undefined };

/**
 * Follows (or, with `follow` false, unfollows) a user or a shop for the caller's user. Repeats
 * change nothing. Counters: the followee's (or shop's) followerCount and the follower's
 * followingCount, both in the same statement as the follow row; the two user rows are locked
 * in id order so crossing follows cannot deadlock. SELF_FOLLOW, NOT_FOUND.
 */
export async function setFollow(
  ctx: Context,
  target: FollowTarget,
  follow: boolean,
  at = new Date(),
): Promise<FollowResult> {
  const followerId = requireUser(ctx);
  const result = (problem: UserErrorShape | null): FollowResult => ({
    userId: target.userId ?? null,
    shopId: target.shopId ?? null,
    userErrors: problem ? [problem] : [],
  });
  const d = follow ? 1 : -1;
  if (target.userId !== undefined) {
    if (target.userId === followerId)
      return result(userError("SELF_FOLLOW", "Users cannot follow themselves.", ["userId"]));
    const change = follow
      ? Prisma.sql`INSERT INTO "UserFollow" ("followerId", "followeeId", "createdAt")
                   SELECT ${followerId}::uuid, "id", ${utc(at)} FROM target ON CONFLICT DO NOTHING RETURNING "followeeId"`
      : Prisma.sql`DELETE FROM "UserFollow" WHERE "followerId" = ${followerId}::uuid AND "followeeId" IN (SELECT "id" FROM target) RETURNING "followeeId"`;
    const [row] = await ctx.db.$queryRaw<{ found: number }[]>`
      WITH target AS (
        SELECT "id" FROM "User" WHERE "id" = ${target.userId}::uuid AND "erasedAt" IS NULL
      ), change AS (
        ${change}
      ), locked AS (
        SELECT "id" FROM "User" WHERE "id" IN (${followerId}::uuid, ${target.userId}::uuid) AND EXISTS (SELECT 1 FROM change)
        ORDER BY "id" FOR NO KEY UPDATE
      ), counted AS (
        UPDATE "User" u SET
          "followerCount" = u."followerCount" + CASE WHEN u."id" = ${target.userId}::uuid THEN ${d}::int ELSE 0 END,
          "followingCount" = u."followingCount" + CASE WHEN u."id" = ${followerId}::uuid THEN ${d}::int ELSE 0 END
        WHERE u."id" IN (SELECT "id" FROM locked)
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM target)::int AS found, (SELECT count(*) FROM counted)::int AS changed`;
    return result(row?.found ? null : userError("NOT_FOUND", "No user has this id.", ["userId"]));
  }
  const change = follow
    ? Prisma.sql`INSERT INTO "ShopFollow" ("followerId", "shopId", "createdAt")
                 SELECT ${followerId}::uuid, "id", ${utc(at)} FROM target ON CONFLICT DO NOTHING RETURNING "shopId"`
    : Prisma.sql`DELETE FROM "ShopFollow" WHERE "followerId" = ${followerId}::uuid AND "shopId" IN (SELECT "id" FROM target) RETURNING "shopId"`;
  const [row] = await ctx.db.$queryRaw<{ found: number }[]>`
    WITH target AS (
      SELECT "id" FROM "Shop" WHERE "id" = ${target.shopId}::uuid
    ), change AS (
      ${change}
    ), shop AS (
      UPDATE "Shop" SET "followerCount" = "followerCount" + ${d}::int WHERE "id" IN (SELECT "shopId" FROM change) RETURNING 1
    ), follower AS (
      UPDATE "User" SET "followingCount" = "followingCount" + ${d}::int WHERE "id" = ${followerId}::uuid AND EXISTS (SELECT 1 FROM change) RETURNING 1
    )
    SELECT (SELECT count(*) FROM target)::int AS found`;
  return result(row?.found ? null : userError("NOT_FOUND", "No shop has this id.", ["shopId"]));
}
