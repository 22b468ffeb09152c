/**
 * Comments on posts: a signed-in user comments on a post they can see (`createComment`), at
 * most COMMUNITY_LIMITS.commentsPerMinute a minute; its author, the post's author, the post's
 * shop's merchants and the platform delete it (`deleteComment`).
 *
 * The post's `commentCount` changes in the statement that inserts or deletes the comment, so it
 * stays exact under concurrency (as engagement.ts's counters); each change is published as a
 * `postEngagement` event. The per-user rate is checked under a lock of the user's row, so
 * concurrent comments of one user are counted one after another.
 */
import type { Context } from "../context.ts";
import { canManageShop, isPlatform, visiblePostWhere } from "../shared/access.ts";
import { forbidden, rateLimited, unauthenticated } from "../shared/errors.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { inTransaction, Rollback } from "../shared/transaction.ts";
import { publishEngagement } from "../content/engagement.ts";
import { uuidv7 } from "../shared/uuid.ts";
import { COMMUNITY_LIMITS, communityError, type CommunityUserErrorShape } from "./errors.ts";

export interface CommentCreateInput {
  postId: string;
  body: string;
  productIds: string[];
}

/** The mentioned products that are not active (or do not exist), as userErrors by position. */
async function unavailableProducts(ctx: Context, productIds: string[]): Promise<CommunityUserErrorShape[]> {
  if (productIds.length === 0) return [];
  const active = new Set(
    (
      await ctx.db.product.findMany({
        where: { id: { in: productIds }, status: "ACTIVE", hiddenAt: null },
        select: { id: true },
      })
    ).map((p) => p.id),
  );
  return productIds.flatMap((id, i) =>
    active.has(id)
      ? []
      : [communityError("PRODUCT_NOT_AVAILABLE", "No active product has this id.", ["productIds", i])],
  );
}

/**
 * Writes the caller's comment on a post they can see. Errors, nothing written: NOT_FOUND (no
 * post the caller can see), POST_DELETED, PRODUCT_NOT_AVAILABLE (a mention of a product that is
 * not active). Throws RATE_LIMITED when the user wrote COMMUNITY_LIMITS.commentsPerMinute
 * comments in the last minute.
 */
export async function createComment(ctx: Context, input: CommentCreateInput): Promise<PayloadShape> {
  const user = ctx.user;
  if (!user) throw unauthenticated("Sign in to comment.");
  const post = await ctx.db.post.findFirst({
    where: { id: input.postId, ...visiblePostWhere(ctx, { includeDeleted: true }) },
    select: { id: true, deletedAt: true },
  });
  if (!post) return failed([communityError("NOT_FOUND", "No post you can see has this id.", ["postId"])]);
  if (post.deletedAt) return failed([communityError("POST_DELETED", "The post was deleted.", ["postId"])]);
  const productErrors = await unavailableProducts(ctx, input.productIds);
  if (productErrors.length) return failed(productErrors);
  const since = new Date(Date.now() - 60_000);
  const result = await inTransaction(ctx, async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${user.id}::uuid FOR UPDATE`;
    const recent = await tx.postComment.findMany({
      where: { authorId: user.id, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
      take: COMMUNITY_LIMITS.commentsPerMinute,
    });
    if (recent.length >= COMMUNITY_LIMITS.commentsPerMinute) {
      const oldest = recent[0]?.createdAt ?? since;
      throw rateLimited(
        `You may write ${COMMUNITY_LIMITS.commentsPerMinute} comments a minute; wait before the next.`,
        (oldest.getTime() + 60_000 - Date.now()) / 1000,
      );
    }
    // Inserted only while the post is not deleted, counted in the same statement.
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      WITH post AS (
        SELECT "id" FROM "Post" WHERE "id" = ${post.id}::uuid AND "deletedAt" IS NULL FOR NO KEY UPDATE
      ), comment AS (
        INSERT INTO "PostComment" ("id", "postId", "authorId", "body", "productIds")
        SELECT ${uuidv7()}::uuid, post."id", ${user.id}::uuid, ${input.body}, ${input.productIds}::uuid[] FROM post
        RETURNING "id", "postId"
      ), counted AS (
        UPDATE "Post" SET "commentCount" = "commentCount" + 1 WHERE "id" IN (SELECT "postId" FROM comment) RETURNING 1
      )
      SELECT "id"::text FROM comment`;
    if (!row) throw new Rollback([communityError("POST_DELETED", "The post was deleted.", ["postId"])]);
    return succeeded(row.id);
  });
  if (result.id) publishEngagement(ctx, post.id);
  return result;
}

export interface CommentDeleteResult {
  /** The deleted comment's id, or null when nothing was deleted. */
  id: string | null;
  /** The post the comment was on. */
  postId: string | null;
  userErrors: CommunityUserErrorShape[];
}

/**
 * Deletes a comment for good. Its author, the post's author, the post's shop's merchants and
 * the platform may: FORBIDDEN for others. NOT_FOUND when there is no comment with this id on a
 * post the caller can see. The payload names the deleted comment's id.
 */
export async function deleteComment(ctx: Context, commentId: string): Promise<CommentDeleteResult> {
  const user = ctx.user;
  if (!user && !isPlatform(ctx)) throw unauthenticated("Sign in to delete comments.");
  const comment = await ctx.db.postComment.findFirst({
    where: { id: commentId, post: visiblePostWhere(ctx, { includeDeleted: true }) },
    select: { id: true, authorId: true, post: { select: { id: true, authorId: true, shopId: true } } },
  });
  if (!comment)
    return {
      id: null,
      postId: null,
      userErrors: [communityError("NOT_FOUND", "No comment you can see has this id.", ["id"])],
    };
  const allowed =
    isPlatform(ctx) ||
    comment.authorId === user?.id ||
    comment.post.authorId === user?.id ||
    (comment.post.shopId !== null && (await canManageShop(ctx, comment.post.shopId)));
  if (!allowed) throw forbidden("Only the comment's author, the post's author or a moderator deletes it.");
  const [row] = await ctx.db.$queryRaw<{ postId: string }[]>`
    WITH gone AS (DELETE FROM "PostComment" WHERE "id" = ${comment.id}::uuid RETURNING "postId")
    UPDATE "Post" p SET "commentCount" = p."commentCount" - 1 FROM gone WHERE p."id" = gone."postId"
    RETURNING p."id"::text AS "postId"`;
  if (row) publishEngagement(ctx, row.postId);
  return { id: comment.id, postId: comment.post.id, userErrors: [] };
}
