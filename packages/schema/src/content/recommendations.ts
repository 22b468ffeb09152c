import { z } from "zod";
import { builder } from "../builder.ts";
import { ProductType } from "../catalog/product.ts";
import { badInput } from "../shared/cursor.ts";
import { decodeId } from "../shared/input.ts";
import { pageComplexity } from "./post.ts";
import { listCost } from "../limits.ts";
import {
  listTrendingProducts,
  recommendForProduct,
  recommendForViewer,
  type RecommendationsShape,
  type TrendingProductsShape,
} from "./recommendation-service.ts";

const MAX_RECOMMENDATIONS = 50;

export const TrendingWindowEnum = builder.enumType("TrendingWindow", {
  description: "The completed hours trendingProducts counts, before the ranking instant.",
  values: {
    HOUR: { description: "The last complete hour." },
    DAY: { description: "The last 24 complete hours." },
    WEEK: { description: "The last 168 complete hours." },
  },
});

export const TrendingProductConnection = builder.connectionObject({
  type: ProductType,
  name: "TrendingProductConnection",
  fields: (t) => ({
    window: t.field({
      type: TrendingWindowEnum,
      resolve: (c) => (c as unknown as TrendingProductsShape).window,
    }),
    rankedAt: t.field({
      type: "DateTime",
      description: "The instant every page of this walk is ranked as of (carried by the cursors).",
      resolve: (c) => (c as unknown as TrendingProductsShape).rankedAt,
    }),
  }),
});

export const RecommendationBasisEnum = builder.enumType("RecommendationBasis", {
  values: {
    PRODUCT: { description: "Bought together with the product and co-engaged with it." },
    VIEWER: { description: "From the viewer's own signals (with their consent to personalisation)." },
    TRENDING: { description: "Not personalised: the week's trending products." },
  },
});

const ProductRecommendations = builder.objectRef<RecommendationsShape>("ProductRecommendations").implement({
  description: "Recommended products, best first: ACTIVE products only, never the product asked about.",
  fields: (t) => ({
    products: t.field({
      type: [ProductType],
      description: `At most the \`first\` asked for (up to ${MAX_RECOMMENDATIONS}).`,
      complexity: listCost(MAX_RECOMMENDATIONS),
      resolve: (r) => (r.products as unknown[]).slice(0, MAX_RECOMMENDATIONS) as never,
    }),
    personalized: t.exposeBoolean("personalized", {
      description: "Whether the viewer's own signals chose these products.",
    }),
    basis: t.field({ type: RecommendationBasisEnum, resolve: (r) => r.basis }),
  }),
});

builder.queryFields((t) => ({
  trendingProducts: t.field({
    type: TrendingProductConnection,
    description:
      "ACTIVE products ranked by shoppable-content engagement in the window's completed hours: tag taps (1), add-to-carts through tags (4), units bought through posts (10); ties by id. Stable cursors.",
    args: {
      ...t.arg.connectionArgs(),
      window: t.arg({ type: TrendingWindowEnum, required: false, defaultValue: "DAY" }),
    },
    complexity: pageComplexity,
    resolve: (_root, args, ctx, info) =>
      listTrendingProducts(ctx, { ...args, window: args.window ?? "DAY" }, info) as never,
  }),
  recommendedProducts: t.field({
    type: ProductRecommendations,
    description:
      "With `productId`: products bought together with it and co-engaged with it. With `forViewer: true`: from the viewer's own signals when they consented to personalisation, else the week's trending products (`personalized: false`).",
    args: {
      productId: t.arg.id({ required: false }),
      forViewer: t.arg.boolean({ required: false }),
      first: t.arg.int({
        required: false,
        defaultValue: 10,
        validate: z.number().int().min(0).max(MAX_RECOMMENDATIONS),
      }),
    },
    resolve: (_root, args, ctx, info) => {
      const first = args.first ?? 10;
      if ((args.productId == null) === !args.forViewer)
        throw badInput("Pass exactly one of `productId` or `forViewer: true`.");
      if (args.productId != null) {
        const id = decodeId(String(args.productId), "Product");
        if (id === null) throw badInput("`productId` is not a valid Product ID.");
        return recommendForProduct(ctx, id, first, info);
      }
      return recommendForViewer(ctx, first, info);
    },
  }),
}));
