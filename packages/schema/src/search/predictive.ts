import { queryFromInfo } from "@pothos/plugin-prisma";
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import { z } from "zod";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { listCost } from "../limits.ts";
import { ProductType } from "../catalog/product.ts";
import { ShopType } from "../catalog/shop.ts";
import { PostType } from "../content/post.ts";
import { UserType } from "../identity/user.ts";
import {
  PREDICTIVE_MAX_LENGTH,
  PREDICTIVE_MAX_LIMIT,
  PREDICTIVE_TYPES,
  type PredictiveHits,
  type PredictiveType,
  predictiveHits,
} from "./predictive.service.ts";

const PredictiveSearchType = builder.enumType("PredictiveSearchType", {
  description: "The kinds of suggestion a predictive search returns.",
  values: PREDICTIVE_TYPES,
});

const HashtagSuggestion = builder
  .objectRef<{ tag: string; postCount: number }>("HashtagSuggestion")
  .implement({
    description: "A hashtag and how many public posts carry it (feed it to `feed(kind: HASHTAG)`).",
    fields: (t) => ({ tag: t.exposeString("tag"), postCount: t.exposeInt("postCount") }),
  });

interface PredictiveResult {
  hits: PredictiveHits;
  info: GraphQLResolveInfo;
}

/** The `PredictiveSearchResult` fields a selection asks for, through fragments too. */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes as FieldNode[]) visit(node.selectionSet);
  return names;
}

/** Loads the ids of one kind with the selection at `field`, in the order found. */
async function load<T extends { id: string }>(
  ids: string[],
  find: (query: object) => Promise<T[]>,
  ctx: Context,
  info: GraphQLResolveInfo,
  field: string,
): Promise<T[]> {
  if (ids.length === 0) return [];
  const rows = await find(queryFromInfo({ context: ctx, info, path: [field] }) as object);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const FIELD_OF: Record<PredictiveType, string> = {
  PRODUCT: "products",
  SHOP: "shops",
  CREATOR: "creators",
  HASHTAG: "hashtags",
  POST: "posts",
};

const PredictiveSearchResult = builder.objectRef<PredictiveResult>("PredictiveSearchResult").implement({
  description: "Suggestions for a search box, best first, each list at most `limit` long.",
  fields: (t) => ({
    products: t.field({
      type: [ProductType],
      complexity: listCost(PREDICTIVE_MAX_LIMIT),
      description: "Active products whose title, vendor, type or tags match.",
      resolve: (r, _a, ctx) =>
        load(
          r.hits.PRODUCT,
          (query) => ctx.db.product.findMany({ ...query, where: { id: { in: r.hits.PRODUCT } } }),
          ctx,
          r.info,
          "products",
        ),
    }),
    shops: t.field({
      type: [ShopType],
      complexity: listCost(PREDICTIVE_MAX_LIMIT),
      description: "Shops whose name matches.",
      resolve: (r, _a, ctx) =>
        load(
          r.hits.SHOP,
          (query) => ctx.db.shop.findMany({ ...query, where: { id: { in: r.hits.SHOP } } }),
          ctx,
          r.info,
          "shops",
        ),
    }),
    creators: t.field({
      type: [UserType],
      complexity: listCost(PREDICTIVE_MAX_LIMIT),
      description: "Creators whose handle or display name matches.",
      resolve: (r, _a, ctx) =>
        load(
          r.hits.CREATOR,
          (query) => ctx.db.user.findMany({ ...query, where: { id: { in: r.hits.CREATOR } } }),
          ctx,
          r.info,
          "creators",
        ),
    }),
    hashtags: t.field({
      type: [HashtagSuggestion],
      complexity: listCost(PREDICTIVE_MAX_LIMIT),
      description: "Hashtags of public posts like the query (spaces and # left out).",
      resolve: (r) => r.hits.HASHTAG,
    }),
    posts: t.field({
      type: [PostType],
      complexity: listCost(PREDICTIVE_MAX_LIMIT),
      description: "Public posts whose caption or hashtags match, newest first.",
      resolve: (r, _a, ctx) =>
        load(
          r.hits.POST,
          (query) => ctx.db.post.findMany({ ...query, where: { id: { in: r.hits.POST } } }),
          ctx,
          r.info,
          "posts",
        ),
    }),
  }),
});

builder.queryField("predictiveSearch", (t) =>
  t.field({
    type: PredictiveSearchResult,
    description:
      'Suggestions while a shopper types: products, shops, creators, hashtags and posts matching `query`, typo tolerant ("snekers" finds sneakers) and with its last word as a prefix ("hoo" finds hoodies). Public content only. At most 6 SQL statements.',
    args: {
      query: t.arg.string({ required: true, validate: z.string().max(PREDICTIVE_MAX_LENGTH) }),
      limit: t.arg.int({
        required: false,
        defaultValue: 5,
        validate: z.number().int().min(1).max(PREDICTIVE_MAX_LIMIT),
        description: `Most suggestions of each kind (1 to ${PREDICTIVE_MAX_LIMIT}, default 5).`,
      }),
      types: t.arg({
        type: [PredictiveSearchType],
        required: false,
        description:
          "The kinds to search (default all); a kind not selected in the answer is not searched either.",
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const selected = selectedFields(info);
      const wanted = new Set((args.types ?? PREDICTIVE_TYPES).filter((type) => selected.has(FIELD_OF[type])));
      const hits = await predictiveHits(ctx, args.query, args.limit ?? 5, wanted);
      return { hits, info };
    },
  }),
);
