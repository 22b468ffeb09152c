import { CollectionKind, CollectionSortOrder } from "@shoppable/db/enums";
import { Prisma } from "@shoppable/db/client";
import type { Collection } from "@shoppable/db/client";
import { handleArg } from "../shared/input.ts";
import { builder } from "../builder.ts";
import { limits, listCost } from "../limits.ts";
import type { Context } from "../context.ts";
import { badInput } from "../shared/cursor.ts";
import { decodeId } from "../shared/input.ts";
import { requestLoader } from "../shared/loader.ts";
import { conditions, listProducts, type ProductSortKey } from "./product-list.ts";
import { decodeProductFilter, ProductConnection, productListArgs } from "./product.ts";
import {
  COLLECTION_HOLDS_PRODUCT,
  COLLECTION_RULE_FIELDS,
  COLLECTION_RULE_RELATIONS,
  storedRules,
  type StoredCollectionRule,
} from "./collection-rules.ts";
import { CATALOG_LIMITS } from "./limits.ts";

export const CollectionKindEnum = builder.enumType(CollectionKind, {
  name: "CollectionKind",
  description: "MANUAL: the merchant picks the products; AUTOMATIC: rules pick them, always current.",
});
export const CollectionSortOrderEnum = builder.enumType(CollectionSortOrder, {
  name: "CollectionSortOrder",
  description:
    "A collection's default product order: MANUAL (the merchant's positions; manual collections only), CREATED (newest first), TITLE (A→Z), PRICE_ASC, PRICE_DESC (by the lowest variant price).",
});
export const CollectionRuleFieldEnum = builder.enumType("CollectionRuleField", {
  description:
    "What a rule tests: TAG (EQUALS, NOT_EQUALS; exact), VENDOR (EQUALS, NOT_EQUALS, CONTAINS), PRODUCT_TYPE (EQUALS, NOT_EQUALS), TITLE (CONTAINS), all case-insensitive; PRICE (GREATER_THAN, LESS_THAN: some variant's price); OPTION_VALUE (EQUALS: some variant selects the value, of `optionName` when given).",
  values: COLLECTION_RULE_FIELDS,
});
export const CollectionRuleRelationEnum = builder.enumType("CollectionRuleRelation", {
  values: COLLECTION_RULE_RELATIONS,
});

const CollectionRule = builder.objectRef<StoredCollectionRule>("CollectionRule").implement({
  fields: (t) => ({
    field: t.field({ type: CollectionRuleFieldEnum, resolve: (r) => r.field }),
    relation: t.field({ type: CollectionRuleRelationEnum, resolve: (r) => r.relation }),
    value: t.exposeString("value", {
      description: "PRICE: a decimal amount of the shop's currency.",
    }),
    optionName: t.string({ nullable: true, resolve: (r) => r.optionName ?? null }),
  }),
});

const CollectionRuleSet = builder
  .objectRef<{ appliedDisjunctively: boolean; rules: StoredCollectionRule[] }>("CollectionRuleSet")
  .implement({
    fields: (t) => ({
      appliedDisjunctively: t.exposeBoolean("appliedDisjunctively", {
        description: "true: a product matching any rule belongs; false: it must match all.",
      }),
      rules: t.field({
        type: [CollectionRule],
        complexity: listCost(CATALOG_LIMITS.collectionRules),
        resolve: (s) => s.rules.slice(0, CATALOG_LIMITS.collectionRules),
      }),
    }),
  });

/** The product sort a collection's `sortOrder` stands for (with `reverse` applied on top). */
const SORT_OF: Record<CollectionSortOrder, { sortKey: ProductSortKey; reverse: boolean }> = {
  MANUAL: { sortKey: "MANUAL", reverse: false },
  CREATED: { sortKey: "CREATED_AT", reverse: false },
  TITLE: { sortKey: "TITLE", reverse: false },
  PRICE_ASC: { sortKey: "PRICE", reverse: false },
  PRICE_DESC: { sortKey: "PRICE", reverse: true },
};

/** How many products of each collection the caller can see: one statement per page of collections. */
async function countProducts(ctx: Context, ids: string[]): Promise<Map<string, number>> {
  const where = [...(await conditions(ctx, {})), COLLECTION_HOLDS_PRODUCT];
  const rows = await ctx.db.$queryRaw<{ id: string; count: number }[]>`
    SELECT c."id", (SELECT count(*)::int FROM "Product" p WHERE ${Prisma.join(where, " AND ")}) AS count
    FROM "Collection" c WHERE c."id" = ANY(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.count]));
}

export const CollectionType = builder.prismaNode("Collection", {
  id: { field: "id" },
  nullable: true,
  description: "A group of a shop's products: picked by its merchants (MANUAL) or by rules (AUTOMATIC).",
  fields: (t) => ({
    handle: t.exposeString("handle"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    kind: t.expose("kind", { type: CollectionKindEnum }),
    sortOrder: t.expose("sortOrder", {
      type: CollectionSortOrderEnum,
      description: "The default order of `products`.",
    }),
    ruleSet: t.field({
      type: CollectionRuleSet,
      nullable: true,
      description: "The rules of an automatic collection; null for a manual one.",
      select: { kind: true, rules: true, disjunctive: true },
      resolve: (c) =>
        c.kind === "AUTOMATIC" ? { appliedDisjunctively: c.disjunctive, rules: storedRules(c.rules) } : null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    shop: t.relation("shop"),
    productsCount: t.int({
      description:
        "How many of its products the caller can see (as `products.totalCount`); one statement per page of collections.",
      resolve: (c, _args, ctx) =>
        requestLoader(
          ctx,
          "catalog.collectionProductsCount",
          (ids: string[]) => countProducts(ctx, ids),
          0,
        )(c.id),
    }),
    products: t.field({
      type: ProductConnection,
      description:
        "Its products, in its `sortOrder` unless `sortKey` is given (MANUAL: the merchant's order). Automatic collections' rules are evaluated as they are read.",
      args: { ...t.arg.connectionArgs(), ...productListArgs(t.arg) },
      complexity: (args) => ({ field: 1, multiplier: args.first ?? args.last ?? limits.defaultPageSize }),
      select: { sortOrder: true },
      resolve: (collection, args, ctx, info) => {
        const own = args.sortKey || args.query ? null : SORT_OF[collection.sortOrder];
        return listProducts(
          ctx,
          {
            ...args,
            ...(own ? { sortKey: own.sortKey, reverse: own.reverse !== Boolean(args.reverse) } : {}),
            filter: { ...decodeProductFilter(args.filter as never), collectionId: collection.id },
          },
          info,
        ) as never;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  collection: t.prismaField({
    type: "Collection",
    nullable: true,
    args: { handle: t.arg.string({ required: true, validate: handleArg }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.collection.findUnique({ ...query, where: { handle: args.handle } }),
  }),
  collections: t.prismaConnection({
    type: "Collection",
    cursor: "id",
    description: "Collections, oldest first: a shop's with `shopId`, else all shops'.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    args: { shopId: t.arg.id({ required: false }) },
    totalCount: (_root, args, ctx) => ctx.db.collection.count({ where: shopWhere(args.shopId) }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.collection.findMany({ ...query, where: shopWhere(args.shopId), orderBy: { id: "asc" } }),
  }),
}));

function shopWhere(shopId: string | number | null | undefined): { shopId?: string } {
  if (shopId == null) return {};
  const id = decodeId(String(shopId), "Shop");
  if (!id) throw badInput("`shopId` is not a valid Shop ID.");
  return { shopId: id };
}

/**
 * The collections (manual and automatic) holding each product, by title, at most
 * CATALOG_LIMITS.productCollections each: one statement for a page of products.
 */
async function collectionsOf(ctx: Context, productIds: string[]): Promise<Map<string, Collection[]>> {
  const rows = await ctx.db.$queryRaw<(Collection & { productId: string; n: bigint })[]>`
    SELECT * FROM (
      SELECT c.*, p."id" AS "productId",
             row_number() OVER (PARTITION BY p."id" ORDER BY c."title", c."id") AS n
      FROM "Product" p JOIN "Collection" c ON c."shopId" = p."shopId"
      WHERE p."id" = ANY(${productIds}::uuid[]) AND ${COLLECTION_HOLDS_PRODUCT}) x
    WHERE n <= ${CATALOG_LIMITS.productCollections}
    ORDER BY "productId", n`;
  const byProduct = new Map<string, Collection[]>();
  for (const { productId, n: _rank, ...collection } of rows) {
    const list = byProduct.get(productId) ?? [];
    list.push(collection);
    byProduct.set(productId, list);
  }
  return byProduct;
}

builder.prismaObjectFields("Product", (t) => ({
  collections: t.field({
    type: [CollectionType],
    description: `The collections holding the product, manual and automatic, by title (at most ${CATALOG_LIMITS.productCollections}). One statement per page of products.`,
    complexity: listCost(CATALOG_LIMITS.productCollections),
    resolve: (product, _args, ctx) =>
      requestLoader(
        ctx,
        "catalog.productCollections",
        (ids: string[]) => collectionsOf(ctx, ids),
        [] as Collection[],
      )(product.id),
  }),
}));
