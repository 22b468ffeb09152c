/**
 * The product listing behind `products`, `Shop.products` and `Collection.products`.
 *
 * One SQL statement finds the page's ids with keyset pagination over (sort value, id), using
 * the full-text index for `query`; one Prisma `findMany` loads those products with everything
 * the GraphQL selection asks for (relation joins, so one statement); `totalCount` costs one
 * more statement and only when selected.
 */
import { createHash } from "node:crypto";
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.ts";
import { Prisma } from "@shoppable/db/client";
import type { ProductStatus } from "@shoppable/db/enums";
import { limits } from "../limits.ts";
import { parseDecimalAmount } from "../money.ts";
import {
  badInput,
  decodeCursor,
  encodeCursor,
  keysetPage,
  keysetPageInfo,
  pageWindow,
  type ConnectionShape,
  type PageArgs,
} from "../shared/cursor.ts";
import { manageableShopIds } from "../shared/access.ts";
import { productSearch, variantOptionCondition } from "./product-search.ts";
import { collectionCondition, manualPosition } from "./collection-rules.ts";

export const PRODUCT_SORT_KEYS = [
  "RELEVANCE",
  "TITLE",
  "PRICE",
  "CREATED_AT",
  "UPDATED_AT",
  "ID",
  "MANUAL",
] as const;
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];

export interface ProductFilter {
  shopId?: string | null;
  collectionId?: string | null;
  available?: boolean | null;
  tags?: string[] | null;
  productType?: string | null;
  vendor?: string | null;
  /** Products of any of these vendors (facet values). */
  vendors?: string[] | null;
  /** Products of any of these types (facet values). */
  productTypes?: string[] | null;
  /**
   * true: products the caller may make an affiliate link for (their shop's program is open, or
   * by invitation and the caller accepted one), as affiliateLinkCreate checks.
   */
  affiliateLinkable?: boolean | null;
  /** Products with a variant having these option values: any value of one option, every option named. */
  options?: { name: string; value: string }[] | null;
  price?: { currencyCode: string; min?: string | null; max?: string | null } | null;
  /** Only honoured for callers who manage the shop; others always see ACTIVE products. */
  status?: ProductStatus[] | null;
}

export interface ProductListArgs extends PageArgs {
  query?: string | null;
  filter?: ProductFilter | null;
  sortKey?: ProductSortKey | null;
  reverse?: boolean | null;
}

const SORT: Record<
  ProductSortKey,
  { column: Prisma.Sql; descending: boolean; kind: "text" | "int" | "time" | "real" | "uuid" }
> = {
  RELEVANCE: { column: Prisma.sql`rank`, descending: true, kind: "real" },
  TITLE: { column: Prisma.sql`p."title"`, descending: false, kind: "text" },
  PRICE: { column: Prisma.sql`p."minPrice"`, descending: false, kind: "int" },
  CREATED_AT: { column: Prisma.sql`p."createdAt"`, descending: true, kind: "time" },
  UPDATED_AT: { column: Prisma.sql`p."updatedAt"`, descending: true, kind: "time" },
  ID: { column: Prisma.sql`p."id"`, descending: false, kind: "uuid" },
  // A manual collection's positions: the column is the collection's (`manualPosition`).
  MANUAL: { column: Prisma.sql`0`, descending: false, kind: "int" },
};

const CAST: Record<(typeof SORT)[ProductSortKey]["kind"], Prisma.Sql> = {
  text: Prisma.sql`::text`,
  int: Prisma.sql`::int`,
  time: Prisma.sql`::timestamp(3)`,
  real: Prisma.sql`::real`,
  uuid: Prisma.sql`::uuid`,
};

/** The filters a facet's counts leave out (its own), so other values of it keep their counts. */
export type FacetFilter = "vendor" | "productType" | "price" | "available" | "options";

/** The WHERE conditions for the caller, the collection, the shop, tags and the search: what every facet keeps. */
export async function baseConditions(ctx: Context, args: ProductListArgs): Promise<Prisma.Sql[]> {
  const where: Prisma.Sql[] = [];
  const filter = args.filter ?? {};
  const managed = await manageableShopIds(ctx);
  const statuses = filter.status?.length ? filter.status : null;
  if (managed === "all") {
    if (statuses) where.push(Prisma.sql`p."status"::text = ANY(${statuses}::text[])`);
  } else if (managed.length > 0) {
    const wanted = statuses ?? ["ACTIVE"];
    where.push(
      Prisma.sql`(p."status" = 'ACTIVE' AND p."hiddenAt" IS NULL AND 'ACTIVE' = ANY(${wanted}::text[]) OR (p."shopId" = ANY(${managed}::uuid[]) AND p."status"::text = ANY(${wanted}::text[])))`,
    );
  } else {
    where.push(Prisma.sql`p."status" = 'ACTIVE' AND p."hiddenAt" IS NULL`);
  }
  if (filter.shopId) where.push(Prisma.sql`p."shopId" = ${filter.shopId}::uuid`);
  if (filter.collectionId) where.push(collectionCondition(filter.collectionId));
  if (filter.tags?.length) where.push(Prisma.sql`p."tags" && ${filter.tags}::text[]`);
  if (filter.affiliateLinkable) where.push(affiliateLinkable(ctx.user?.id ?? null));
  const query = args.query?.trim();
  if (query) where.push(productSearch(query).condition);
  return where;
}

/** Products whose shop's affiliate program takes links from `userId`: open, or an accepted invitation. */
function affiliateLinkable(userId: string | null): Prisma.Sql {
  const invited = userId
    ? Prisma.sql`OR (ap."access" = 'INVITE_ONLY' AND EXISTS (SELECT 1 FROM "AffiliateInvitation" ai
        WHERE ai."programId" = ap."id" AND ai."creatorId" = ${userId}::uuid AND ai."status" = 'ACCEPTED'))`
    : Prisma.empty;
  return Prisma.sql`EXISTS (SELECT 1 FROM "AffiliateProgram" ap WHERE ap."shopId" = p."shopId"
    AND (ap."access" = 'OPEN' ${invited}))`;
}

/** The conditions of the filters that facets count by, each under its facet's name (absent: not filtered). */
export function facetConditions(args: ProductListArgs): Record<FacetFilter, Prisma.Sql | null> {
  const filter = args.filter ?? {};
  const all = (list: Prisma.Sql[]) => (list.length ? Prisma.join(list, " AND ") : null);
  const vendor: Prisma.Sql[] = [];
  if (filter.vendor) vendor.push(Prisma.sql`p."vendor" = ${filter.vendor}`);
  if (filter.vendors?.length) vendor.push(Prisma.sql`p."vendor" = ANY(${filter.vendors}::text[])`);
  const productType: Prisma.Sql[] = [];
  if (filter.productType) productType.push(Prisma.sql`p."productType" = ${filter.productType}`);
  if (filter.productTypes?.length)
    productType.push(Prisma.sql`p."productType" = ANY(${filter.productTypes}::text[])`);
  const price: Prisma.Sql[] = [];
  if (filter.price) {
    const { currencyCode, min, max } = filter.price;
    price.push(Prisma.sql`p."currencyCode" = ${currencyCode}`);
    for (const [bound, value] of [
      ["min", min],
      ["max", max],
    ] as const) {
      if (value == null) continue;
      const parsed = parseDecimalAmount(value, currencyCode);
      if (!parsed.ok)
        throw badInput(`filter.price.${bound} is not a valid ${currencyCode} amount (${parsed.error}).`);
      price.push(
        bound === "min"
          ? Prisma.sql`p."maxPrice" >= ${parsed.amount}`
          : Prisma.sql`p."minPrice" <= ${parsed.amount}`,
      );
    }
  }
  const available =
    filter.available == null
      ? null
      : filter.available
        ? Prisma.sql`p."totalInventory" > 0`
        : Prisma.sql`p."totalInventory" <= 0`;
  return {
    vendor: all(vendor),
    productType: all(productType),
    price: all(price),
    available,
    options: filter.options?.length ? variantOptionCondition(filter.options) : null,
  };
}

/** The WHERE conditions for the caller, the filter and the search. */
export async function conditions(ctx: Context, args: ProductListArgs): Promise<Prisma.Sql[]> {
  const where = await baseConditions(ctx, args);
  for (const condition of Object.values(facetConditions(args))) if (condition) where.push(condition);
  return where;
}

export type ProductConnection = ConnectionShape & {
  /** The list's arguments, for `facets` (catalog/facets.ts), computed only when selected. */
  listArgs: ProductListArgs;
};

/** Resolves a products connection for the GraphQL field at `info`. */
export async function listProducts(
  ctx: Context,
  args: ProductListArgs,
  info: GraphQLResolveInfo,
): Promise<ProductConnection> {
  const query = args.query?.trim() || null;
  const sortKey: ProductSortKey = args.sortKey ?? (query ? "RELEVANCE" : "CREATED_AT");
  if (sortKey === "RELEVANCE" && !query) throw badInput("Sort key RELEVANCE needs a `query`.");
  const collectionId = args.filter?.collectionId;
  if (sortKey === "MANUAL" && !collectionId) throw badInput("Sort key MANUAL needs a collection.");
  const { backward, size } = pageWindow(args, {
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
  });
  const sort = SORT[sortKey];
  const ordering =
    sortKey === "RELEVANCE"
      ? `${sortKey}:${digest(query ?? "")}`
      : sortKey === "MANUAL"
        ? `${sortKey}:${collectionId}`
        : sortKey;
  const where = await conditions(ctx, args);

  // Scan direction: the sort's own direction, flipped by `reverse`, flipped again to page backwards.
  const descending = (sort.descending !== Boolean(args.reverse)) !== backward;
  const cmp = descending ? Prisma.sql`<` : Prisma.sql`>`;
  const dir = descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const cursor = backward ? args.before : args.after;
  const pageWhere = [...where];
  const rank = query ? productSearch(query).rank : Prisma.sql`0`;
  const sortExpr =
    sortKey === "RELEVANCE"
      ? rank
      : sortKey === "MANUAL" && collectionId
        ? manualPosition(collectionId)
        : sort.column;
  if (cursor) {
    const c = decodeCursor(cursor, ordering);
    pageWhere.push(Prisma.sql`(${sortExpr}, p."id") ${cmp} (${c.v}${CAST[sort.kind]}, ${c.id}::uuid)`);
  }
  const whereSql = (list: Prisma.Sql[]) =>
    list.length ? Prisma.sql`WHERE ${Prisma.join(list, " AND ")}` : Prisma.empty;

  const rows =
    size === 0
      ? []
      : await ctx.db.$queryRaw<{ id: string; v: string | number | Date }[]>`
          SELECT p."id", ${sortExpr} AS v FROM "Product" p ${whereSql(pageWhere)}
          ORDER BY v ${dir}, p."id" ${dir} LIMIT ${size + 1}`;
  const { page, hasMore } = keysetPage(rows, { backward, size });

  const ids = page.map((r) => r.id);
  const loaded = ids.length
    ? await ctx.db.product.findMany({
        ...(queryFromInfo({ context: ctx, info, path: ["edges", "node"] }) as object),
        where: { id: { in: ids } },
      })
    : [];
  const byId = new Map(loaded.map((p) => [p.id, p]));
  const edges = page
    .filter((r) => byId.has(r.id))
    .map((r) => ({
      cursor: encodeCursor({ o: ordering, v: r.v instanceof Date ? r.v.toISOString() : r.v, id: r.id }),
      node: byId.get(r.id),
    }));

  return {
    edges,
    pageInfo: keysetPageInfo(edges, hasMore, backward, args),
    listArgs: args,
    totalCount: async () => {
      const [row] = await ctx.db.$queryRaw<
        { count: number }[]
      >`SELECT count(*)::int AS count FROM "Product" p ${whereSql(where)}`;
      return row?.count ?? 0;
    },
  };
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 12);
}
