/**
 * Reviews as the API shows them: `ProductReview` (a node), `Product.reviews` (newest first),
 * `Product.rating` and `OrderLine.review`. A review shows wherever its product does; one whose
 * author was erased is left out (its rating stays in `Product.rating`). review.service.ts
 * writes them.
 */
import type { Prisma } from "@shoppable/db/client";
import { z } from "zod";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { limits, listCost } from "../limits.ts";
import { badInput } from "../shared/cursor.ts";
import { decodeId } from "../shared/input.ts";
import { visibleProductWhere } from "../shared/access.ts";
import { hiddenOnlyToAuthor, moderationStatusField } from "./moderation.ts";
import { mediaUrl } from "../shared/media-url.ts";
import { COMMUNITY_LIMITS } from "./errors.ts";

/** The reviews the caller may see: of products they can see, by authors not erased, not hidden unless their own. */
export async function visibleReviewWhere(ctx: Context): Promise<Prisma.ProductReviewWhereInput> {
  return { authorId: { not: null }, product: await visibleProductWhere(ctx), ...hiddenOnlyToAuthor(ctx) };
}

const ReviewReply = builder.objectRef<{ body: string; createdAt: Date }>("ProductReviewReply").implement({
  description: "The shop's public answer to a review.",
  fields: (t) => ({
    body: t.exposeString("body"),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was last written." }),
  }),
});

const ReviewMedia = builder.objectRef<{ url: string }>("ProductReviewMedia").implement({
  description: "An image the reviewer attached.",
  fields: (t) => ({ url: t.exposeString("url") }),
});

export const ProductReviewType = builder.prismaNode("ProductReview", {
  id: { field: "id" },
  nullable: true,
  description:
    "A verified buyer's review of a product: written on an order line of a paid or delivered order, one per line.",
  findUnique: async (id, ctx) => ({ id, AND: [await visibleReviewWhere(ctx)] }),
  fields: (t) => ({
    product: t.relation("product"),
    author: t.relation("author", {
      nullable: true,
      description: "Who wrote it (a buyer of the product). Null only while its author is being erased.",
    }),
    rating: t.exposeInt("rating", { description: "1 to 5 stars." }),
    title: t.exposeString("title", { description: "Empty when the reviewer gave none." }),
    body: t.exposeString("body", { description: "The text; empty when the reviewer only rated." }),
    media: t.field({
      type: [ReviewMedia],
      complexity: listCost(COMMUNITY_LIMITS.reviewMedia),
      select: { mediaUrls: true },
      resolve: (r, _args, ctx) => r.mediaUrls.map((url) => ({ url: mediaUrl(ctx, url) })),
    }),
    variantTitle: t.string({
      description: 'The variant the reviewer bought, such as "M / Blue".',
      select: { orderLine: { select: { variantTitle: true } } },
      resolve: (r) => r.orderLine.variantTitle,
    }),
    reply: t.field({
      type: ReviewReply,
      nullable: true,
      description: "The shop's reply; null until it replies.",
      select: { reply: true, repliedAt: true },
      resolve: (r) => (r.reply !== null && r.repliedAt ? { body: r.reply, createdAt: r.repliedAt } : null),
    }),
    moderationStatus: t.field(moderationStatusField("its author")),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const ProductRating = builder.objectRef<{ sum: number; count: number }>("ProductRating").implement({
  description: "A product's rating from its reviews.",
  fields: (t) => ({
    average: t.float({
      nullable: true,
      description: "The mean rating, 1 to 5, to two decimals; null before the first review.",
      resolve: (r) => (r.count === 0 ? null : Math.round((r.sum / r.count) * 100) / 100),
    }),
    count: t.exposeInt("count", {
      description:
        "How many ratings (reviews) it has, including those of erased authors, whose reviews no longer list.",
    }),
  }),
});

/** The reviews a list shows: not of erased authors, not hidden unless the caller wrote them, optionally one rating. */
const listedReviewWhere = (
  ctx: Context,
  rating: number | null | undefined,
): Prisma.ProductReviewWhereInput => ({
  authorId: { not: null },
  ...hiddenOnlyToAuthor(ctx),
  ...(rating == null ? {} : { rating }),
});

builder.prismaObjectFields("Product", (t) => ({
  rating: t.field({
    type: ProductRating,
    select: { ratingSum: true, ratingCount: true },
    resolve: (p) => ({ sum: p.ratingSum, count: p.ratingCount }),
  }),
  reviews: t.relatedConnection("reviews", {
    cursor: "id",
    description: "Its reviews, newest first; `rating` keeps those with that many stars.",
    args: { rating: t.arg.int({ required: false, validate: z.number().int().min(1).max(5) }) },
    totalCount: true,
    query: (args, ctx) => ({
      where: listedReviewWhere(ctx, args.rating),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  }),
}));

builder.queryField("productReviews", (t) =>
  t.prismaConnection({
    type: "ProductReview",
    cursor: "id",
    nullable: true,
    description:
      "A product's reviews, newest first (as `Product.reviews`); `rating` keeps those with that many stars. Null when the product is not visible to the caller.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    args: {
      productId: t.arg.id({ required: true }),
      rating: t.arg.int({ required: false, validate: z.number().int().min(1).max(5) }),
    },
    totalCount: async (_root, args, ctx) => {
      const productId = decodeId(String(args.productId), "Product");
      return productId === null
        ? 0
        : ctx.db.productReview.count({ where: { productId, ...listedReviewWhere(ctx, args.rating) } });
    },
    resolve: async (query, _root, args, ctx) => {
      const productId = decodeId(String(args.productId), "Product");
      if (productId === null) throw badInput("`productId` is not a valid Product ID.");
      const product = await ctx.db.product.findFirst({
        where: { id: productId, AND: [await visibleProductWhere(ctx)] },
        select: { id: true },
      });
      if (!product) return null;
      return ctx.db.productReview.findMany({
        ...query,
        where: { productId, ...listedReviewWhere(ctx, args.rating) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
    },
  }),
);

builder.prismaObjectField("OrderLine", "review", (t) =>
  t.relation("review", {
    nullable: true,
    description: "The buyer's review written on this line; null until they write one.",
  }),
);
