/**
 * `Product.socialProof`: units bought in the last 24 hours, public posts tagging the product
 * and likes across them. One SQL statement per list page (request-scoped batching), using the
 * (productId, postId) tag index and the OrderLine productId index.
 */
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { requestLoader } from "../shared/loader.ts";
import { utc } from "../shared/sql.ts";

export interface SocialProof {
  purchasesLast24h: number;
  postCount: number;
  likeCount: number;
}

const NONE: SocialProof = { purchasesLast24h: 0, postCount: 0, likeCount: 0 };

/**
 * Social proof of several products at once. Purchases are units of paid orders (PAID,
 * FULFILLED, PARTIALLY_REFUNDED) paid in the 24 hours before `now`, less refunded units.
 * Posts are the non-deleted PUBLIC posts tagging the product (a post tagging it twice counts
 * once); likes are those posts' likeCount summed.
 */
export async function loadSocialProof(
  db: Context["db"],
  productIds: string[],
  now = new Date(),
): Promise<Map<string, SocialProof>> {
  const since = new Date(now.getTime() - 24 * 3600 * 1000);
  const rows = await db.$queryRaw<({ productId: string } & SocialProof)[]>`
    SELECT ids."id" AS "productId",
           coalesce(posts.post_count, 0)::int AS "postCount",
           coalesce(posts.like_count, 0)::int AS "likeCount",
           coalesce(sales.units, 0)::int AS "purchasesLast24h"
    FROM unnest(${productIds}::uuid[]) AS ids("id")
    LEFT JOIN LATERAL (
      SELECT count(*) AS post_count, sum(p."likeCount") AS like_count
      FROM "Post" p
      WHERE p."id" IN (SELECT t."postId" FROM "ProductTag" t WHERE t."productId" = ids."id")
        AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL AND p."visibility" = 'PUBLIC'
    ) posts ON true
    LEFT JOIN LATERAL (
      SELECT sum(l."quantity" - l."refundedQuantity") AS units
      FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
      WHERE l."productId" = ids."id"
        AND o."status" IN ('PAID', 'FULFILLED', 'PARTIALLY_REFUNDED')
        AND o."paidAt" >= ${utc(since)}
    ) sales ON true`;
  return new Map(rows.map(({ productId, ...proof }) => [productId, proof]));
}

const SocialProofType = builder.objectRef<SocialProof>("ProductSocialProof").implement({
  description: "What shoppers see as proof that others like a product.",
  fields: (t) => ({
    purchasesLast24h: t.exposeInt("purchasesLast24h", {
      description: "Units bought in paid orders in the last 24 hours, refunds deducted.",
    }),
    postCount: t.exposeInt("postCount", { description: "Public posts tagging the product." }),
    likeCount: t.exposeInt("likeCount", { description: "Likes across those posts." }),
  }),
});

builder.prismaObjectFields("Product", (t) => ({
  socialProof: t.field({
    type: SocialProofType,
    description:
      "Purchases in the last 24 hours, posts tagging the product and their likes. One statement per page of products.",
    resolve: (product, _args, ctx) =>
      requestLoader(
        ctx,
        "content.socialProof",
        (ids: string[]) => loadSocialProof(ctx.db, ids),
        NONE,
      )(product.id),
  }),
}));
