/**
 * Product reviews: a verified buyer reviews a product once per order line they bought it on
 * (`createReview`), and the shop's merchants reply (`replyToReview`).
 *
 * A line may be reviewed when its order is PAID, FULFILLED or PARTIALLY_REFUNDED and not all
 * of its units were refunded: the buyer paid for the product and kept some of it. The unique
 * key on `ProductReview.orderLineId` makes "once per line" hold under concurrent requests; the
 * product's `ratingSum` and `ratingCount` change in the same transaction, by one atomic UPDATE.
 */
import type { Prisma } from "@shoppable/db/client";
import type { Context } from "../context.ts";
import { canManageShop, canSeeProduct } from "../shared/access.ts";
import { forbidden, isUniqueViolation, unauthenticated } from "../shared/errors.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { inTransaction, Rollback } from "../shared/transaction.ts";
import { communityError } from "./errors.ts";

export interface ReviewCreateInput {
  productId: string;
  orderLineId?: string | undefined;
  rating: number;
  title: string;
  body: string;
  mediaUrls: string[];
}

/** The order statuses whose lines may be reviewed (paid, and not cancelled or wholly refunded). */
export const REVIEWABLE_ORDER_STATUSES = ["PAID", "FULFILLED", "PARTIALLY_REFUNDED"] as const;

/** The caller's order lines of the product they may review, oldest first, with whether each has a review. */
function reviewableLines(tx: Prisma.TransactionClient, userId: string, productId: string) {
  return tx.orderLine.findMany({
    where: {
      productId,
      order: { buyerId: userId, status: { in: [...REVIEWABLE_ORDER_STATUSES] } },
    },
    select: { id: true, quantity: true, refundedQuantity: true, review: { select: { id: true } } },
    orderBy: { id: "asc" },
  });
}

/**
 * Writes the caller's review of a product on one of their order lines: the one given, else the
 * oldest reviewable one without a review. Errors, nothing written: NOT_FOUND (no product the
 * caller can see), NOT_A_BUYER (no reviewable line of the product, or the given line is not
 * one), ALREADY_REVIEWED (the line, or every line, has its review).
 */
export async function createReview(ctx: Context, input: ReviewCreateInput): Promise<PayloadShape> {
  const user = ctx.user;
  if (!user) throw unauthenticated("Sign in to review products you bought.");
  const product = await ctx.db.product.findUnique({
    where: { id: input.productId },
    select: { id: true, status: true, shopId: true, hiddenAt: true },
  });
  if (!product || !(await canSeeProduct(ctx, product)))
    return failed([communityError("NOT_FOUND", "No product you can see has this id.", ["productId"])]);
  try {
    return await inTransaction(ctx, async (tx) => {
      const lines = (await reviewableLines(tx, user.id, product.id)).filter(
        (l) => l.refundedQuantity < l.quantity,
      );
      const line = input.orderLineId
        ? lines.find((l) => l.id === input.orderLineId)
        : lines.find((l) => !l.review);
      if (!line) {
        if (input.orderLineId || lines.length === 0)
          throw new Rollback([
            communityError(
              "NOT_A_BUYER",
              input.orderLineId
                ? "This is not a line of a paid order of yours for this product."
                : "Only buyers of the product (a paid or delivered order) may review it.",
              input.orderLineId ? ["orderLineId"] : ["productId"],
            ),
          ]);
        throw new Rollback([
          communityError("ALREADY_REVIEWED", "You reviewed each of your orders of this product.", [
            "productId",
          ]),
        ]);
      }
      if (line.review)
        throw new Rollback([
          communityError("ALREADY_REVIEWED", "This order line already has your review.", ["orderLineId"]),
        ]);
      const review = await tx.productReview.create({
        data: {
          productId: product.id,
          orderLineId: line.id,
          authorId: user.id,
          rating: input.rating,
          title: input.title,
          body: input.body,
          mediaUrls: input.mediaUrls,
        },
        select: { id: true },
      });
      await tx.$executeRaw`
        UPDATE "Product" SET "ratingSum" = "ratingSum" + ${input.rating}::int, "ratingCount" = "ratingCount" + 1
        WHERE "id" = ${product.id}::uuid`;
      return succeeded(review.id);
    });
  } catch (error) {
    // Two requests for the same line at once: the second finds the first's row by its key.
    if (isUniqueViolation(error, "orderLineId"))
      return failed([
        communityError("ALREADY_REVIEWED", "This order line already has your review.", [
          input.orderLineId ? "orderLineId" : "productId",
        ]),
      ]);
    throw error;
  }
}

/**
 * The shop's reply to a review of one of its products (replying again replaces it). Only the
 * shop's merchants (and the platform): FORBIDDEN for others. NOT_FOUND when there is no
 * review with this id (or its author was erased).
 */
export async function replyToReview(
  ctx: Context,
  input: { reviewId: string; body: string },
): Promise<PayloadShape> {
  const review = await ctx.db.productReview.findFirst({
    where: { id: input.reviewId, authorId: { not: null } },
    select: { id: true, product: { select: { shopId: true } } },
  });
  if (!review) return failed([communityError("NOT_FOUND", "No review has this id.", ["reviewId"])]);
  if (!(await canManageShop(ctx, review.product.shopId)))
    throw forbidden("Only the shop's merchants reply to reviews of its products.");
  await ctx.db.productReview.update({
    where: { id: review.id },
    data: { reply: input.body, repliedAt: new Date() },
    select: { id: true },
  });
  return succeeded(review.id);
}
