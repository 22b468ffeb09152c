import { z } from "zod";
import { handleArg } from "../shared/input.ts";
import { builder } from "../builder.ts";
import { MediaKind, ProductStatus } from "@shoppable/db/enums";
import { limits, listCost } from "../limits.ts";
import { CurrencyCode } from "../shared/scalars.ts";
import { Money, money, type MoneyShape } from "../shared/money.ts";
import type { ArgBuilder } from "@pothos/core";
import type { SchemaTypesOf } from "../builder.ts";
import { badInput } from "../shared/cursor.ts";
import { decodeId } from "../shared/input.ts";
import { canManageShop, canSeeProduct, isPublicProduct, visibleProductWhere } from "../shared/access.ts";
import { listProducts, PRODUCT_SORT_KEYS, type ProductFilter, type ProductListArgs } from "./product-list.ts";
import {
  FACET_OPTIONS,
  FACET_VALUES,
  PRICE_EDGES,
  type FacetValueShape,
  productFacets,
  type ProductFacetsShape,
} from "./facets.ts";
import { CATALOG_LIMITS } from "./limits.ts";
import { mediaUrl } from "../shared/media-url.ts";

export const ProductStatusEnum = builder.enumType(ProductStatus, { name: "ProductStatus" });
export const MediaKindEnum = builder.enumType(MediaKind, { name: "MediaKind" });

export const ProductSortKeyEnum = builder.enumType("ProductSortKey", {
  description:
    "Product orderings. Natural directions: RELEVANCE best first (needs `query`), TITLE A→Z, PRICE lowest first, CREATED_AT and UPDATED_AT newest first, ID ascending, MANUAL a manual collection's order (needs a collection: `Collection.products` or `filter.collectionId`). `reverse` flips them.",
  values: PRODUCT_SORT_KEYS,
});

const MoneyRange = builder.objectRef<{ min: MoneyShape; max: MoneyShape }>("MoneyRange").implement({
  fields: (t) => ({
    min: t.field({ type: Money, resolve: (r) => r.min }),
    max: t.field({ type: Money, resolve: (r) => r.max }),
  }),
});

const SelectedOption = builder.objectRef<{ name: string; value: string }>("SelectedOption").implement({
  fields: (t) => ({ name: t.exposeString("name"), value: t.exposeString("value") }),
});

export const ProductOptionType = builder.prismaNode("ProductOption", {
  id: { field: "id" },
  nullable: true,
  findUnique: async (id, ctx) => ({ id, product: await visibleProductWhere(ctx) }),
  fields: (t) => ({
    name: t.exposeString("name"),
    position: t.exposeInt("position"),
    values: t.exposeStringList("values"),
  }),
});

export const ProductMediaType = builder.prismaNode("ProductMedia", {
  name: "Media",
  id: { field: "id" },
  nullable: true,
  findUnique: async (id, ctx) => ({ id, product: await visibleProductWhere(ctx) }),
  fields: (t) => ({
    kind: t.expose("kind", { type: MediaKindEnum }),
    url: t.string({ resolve: (m, _, ctx) => mediaUrl(ctx, m.url) }),
    alt: t.exposeString("alt"),
    width: t.exposeInt("width", { nullable: true }),
    height: t.exposeInt("height", { nullable: true }),
    durationMs: t.exposeInt("durationMs", { nullable: true, description: "Video length in milliseconds." }),
    posterUrl: t.string({ nullable: true, resolve: (m, _, ctx) => mediaUrl(ctx, m.posterUrl) }),
    position: t.exposeInt("position"),
  }),
});

const productCurrency = {
  product: { select: { currencyCode: true, status: true, shopId: true, hiddenAt: true } },
} as const;

export const ProductVariantType = builder.prismaNode("ProductVariant", {
  id: { field: "id" },
  nullable: true,
  select: { id: true, product: { select: { status: true, shopId: true, hiddenAt: true } } },
  findUnique: async (id, ctx) => ({ id, product: await visibleProductWhere(ctx) }),
  // Synchronous for active products (nearly all): no promise per object on list pages.
  authScopes: (variant, ctx) => isPublicProduct(variant.product) || canSeeProduct(ctx, variant.product),
  fields: (t) => ({
    title: t.exposeString("title"),
    sku: t.exposeString("sku", { nullable: true }),
    position: t.exposeInt("position"),
    price: t.field({
      type: Money,
      select: { price: true, ...productCurrency },
      resolve: (v) => money(v.price, v.product.currencyCode),
    }),
    compareAtPrice: t.field({
      type: Money,
      nullable: true,
      description: "The price before a markdown; shown struck through when higher than `price`.",
      select: { compareAtPrice: true, ...productCurrency },
      resolve: (v) => (v.compareAtPrice === null ? null : money(v.compareAtPrice, v.product.currencyCode)),
    }),
    selectedOptions: t.field({
      type: [SelectedOption],
      complexity: listCost(CATALOG_LIMITS.options),
      select: { selectedOptions: true },
      resolve: (v) =>
        (v.selectedOptions as { name: string; value: string }[]).slice(0, CATALOG_LIMITS.options),
    }),
    weightGrams: t.exposeInt("weightGrams", { description: "Grams per unit." }),
    requiresShipping: t.exposeBoolean("requiresShipping", {
      description: "False for digital goods and services: their cart lines need no delivery.",
    }),
    quantityAvailable: t.int({
      description: "Units that can be bought now.",
      select: { inventoryQuantity: true },
      resolve: (v) => Math.max(0, v.inventoryQuantity),
    }),
    availableForSale: t.boolean({
      select: { inventoryQuantity: true, ...productCurrency },
      resolve: (v) => v.inventoryQuantity > 0 && isPublicProduct(v.product),
    }),
    product: t.relation("product"),
  }),
});

export const ProductType = builder.prismaNode("Product", {
  id: { field: "id" },
  nullable: true,
  select: { id: true, shopId: true, status: true, hiddenAt: true },
  findUnique: async (id, ctx) => ({ id, AND: [await visibleProductWhere(ctx)] }),
  authScopes: (product, ctx) => isPublicProduct(product) || canSeeProduct(ctx, product),
  fields: (t) => ({
    handle: t.exposeString("handle"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    vendor: t.exposeString("vendor"),
    productType: t.exposeString("productType"),
    tags: t.exposeStringList("tags"),
    status: t.expose("status", { type: ProductStatusEnum }),
    currencyCode: t.expose("currencyCode", { type: CurrencyCode }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    shop: t.relation("shop"),
    options: t.relation("options", {
      query: { orderBy: { position: "asc" }, take: CATALOG_LIMITS.options },
      complexity: listCost(CATALOG_LIMITS.options),
    }),
    variants: t.relation("variants", {
      description: `All variants (at most ${CATALOG_LIMITS.variants}), in position order.`,
      query: { orderBy: { position: "asc" }, take: CATALOG_LIMITS.variants },
      complexity: listCost(CATALOG_LIMITS.variants),
    }),
    media: t.relation("media", {
      description: `Images and videos (at most ${CATALOG_LIMITS.media}), in position order.`,
      query: { orderBy: { position: "asc" }, take: CATALOG_LIMITS.media },
      complexity: listCost(CATALOG_LIMITS.media),
    }),
    priceRange: t.field({
      type: MoneyRange,
      description: "The lowest and highest variant price.",
      select: { minPrice: true, maxPrice: true, currencyCode: true },
      resolve: (p) => ({ min: money(p.minPrice, p.currencyCode), max: money(p.maxPrice, p.currencyCode) }),
    }),
    availableForSale: t.boolean({
      description:
        "Whether any variant is in stock and the product is active (and not hidden by moderation).",
      select: { totalInventory: true, hiddenAt: true },
      resolve: (p) => isPublicProduct(p) && p.totalInventory > 0,
    }),
    totalInventory: t.int({
      nullable: true,
      description: "Units in stock across variants; visible to those who manage the shop, null for others.",
      select: { totalInventory: true },
      resolve: async (p, _a, ctx) => ((await canManageShop(ctx, p.shopId)) ? p.totalInventory : null),
    }),
  }),
});

const PriceFilter = builder.inputType("ProductPriceFilter", {
  description: "Products with a variant priced within [min, max], in one currency.",
  fields: (t) => ({
    currencyCode: t.field({ type: CurrencyCode, required: true }),
    min: t.field({ type: "Decimal", required: false }),
    max: t.field({ type: "Decimal", required: false }),
  }),
});

const ProductOptionFilter = builder.inputType("ProductOptionFilter", {
  description: "An option value, as `ProductFacets.options` lists it.",
  fields: (t) => ({ name: t.string({ required: true }), value: t.string({ required: true }) }),
});

export const ProductFilterInput = builder.inputType("ProductFilter", {
  fields: (t) => ({
    shopId: t.id({ required: false }),
    collectionId: t.id({ required: false }),
    available: t.boolean({ required: false, description: "true: in stock; false: sold out." }),
    tags: t.stringList({ required: false, description: "Products with any of these tags." }),
    productType: t.string({ required: false }),
    vendor: t.string({ required: false }),
    affiliateLinkable: t.boolean({
      required: false,
      description:
        "true: only products the caller may make an affiliate link for (their shop's program is open, or by invitation and the caller accepted one).",
    }),
    vendors: t.stringList({
      required: false,
      description: "Products of any of these vendors (facet values).",
    }),
    productTypes: t.stringList({
      required: false,
      description: "Products of any of these types (facet values).",
    }),
    options: t.field({
      type: [ProductOptionFilter],
      required: false,
      description:
        "Products with a variant having these option values: any of the values given for one option, and every option named (Color Red or Blue, and Size M).",
    }),
    price: t.field({ type: PriceFilter, required: false }),
    status: t.field({
      type: [ProductStatusEnum],
      required: false,
      description:
        "For shop managers: which statuses to list (default ACTIVE). Others always get ACTIVE products only.",
    }),
  }),
});

/** Connection arguments shared by every products list. */
export function productListArgs(t: ArgBuilder<SchemaTypesOf>) {
  return {
    query: t.string({
      required: false,
      validate: z.string().max(limits.maxSearchLength),
      description: `Full-text search over title, tags, vendor, type and description (websearch syntax, at most ${limits.maxSearchLength} characters).`,
    }),
    filter: t({ type: ProductFilterInput, required: false }),
    sortKey: t({
      type: ProductSortKeyEnum,
      required: false,
      description: "Default: RELEVANCE with a query, else CREATED_AT.",
    }),
    reverse: t.boolean({ required: false, defaultValue: false }),
  };
}

/** Decodes the global ids in a ProductFilter to database ids; a malformed id is BAD_USER_INPUT. */
export function decodeProductFilter(filter: ProductFilter | null | undefined): ProductListArgs["filter"] {
  if (!filter) return null;
  const decode = (value: string | null | undefined, typename: string, name: string) => {
    if (value == null) return null;
    const id = decodeId(value, typename);
    if (!id) throw badInput(`filter.${name} is not a valid ${typename} ID.`);
    return id;
  };
  for (const [name, list] of [
    ["tags", filter.tags],
    ["vendors", filter.vendors],
    ["productTypes", filter.productTypes],
    ["options", filter.options],
  ] as const) {
    if (list && list.length > FILTER_VALUES)
      throw badInput(`filter.${name} takes at most ${FILTER_VALUES} values.`);
  }
  return {
    ...filter,
    shopId: decode(filter.shopId, "Shop", "shopId"),
    collectionId: decode(filter.collectionId, "Collection", "collectionId"),
  };
}

/** The arguments a products connection was listed with (product-list.ts keeps them on it). */
function listArgsOf(connection: object): ProductListArgs {
  if (!("listArgs" in connection)) throw new Error("A products connection without its list arguments.");
  return connection.listArgs as ProductListArgs;
}

/** Most values one list of a ProductFilter takes. */
const FILTER_VALUES = 50;

const FacetValue = builder.objectRef<FacetValueShape>("FacetValue").implement({
  description: "A value of a facet and how many of the listed products it would give.",
  fields: (t) => ({ value: t.exposeString("value"), count: t.exposeInt("count") }),
});

const OptionFacet = builder.objectRef<ProductFacetsShape["options"][number]>("OptionFacet").implement({
  description: "An option's values (filter with `ProductFilter.options`).",
  fields: (t) => ({
    name: t.exposeString("name"),
    values: t.field({ type: [FacetValue], complexity: listCost(FACET_VALUES), resolve: (f) => f.values }),
  }),
});

const PriceRangeFacet = builder
  .objectRef<ProductFacetsShape["priceRanges"][number]>("PriceRangeFacet")
  .implement({
    description:
      "A price range and how many listed products have a price in it (pass min and max to `ProductFilter.price`).",
    fields: (t) => ({
      min: t.field({ type: Money, resolve: (r) => money(r.min, r.currencyCode) }),
      max: t.field({
        type: Money,
        nullable: true,
        description: "null: no upper end.",
        resolve: (r) => (r.max === null ? null : money(r.max, r.currencyCode)),
      }),
      count: t.exposeInt("count"),
    }),
  });

const AvailabilityFacet = builder
  .objectRef<ProductFacetsShape["availability"]>("AvailabilityFacet")
  .implement({
    fields: (t) => ({ inStock: t.exposeInt("inStock"), outOfStock: t.exposeInt("outOfStock") }),
  });

const ProductFacets = builder.objectRef<ProductFacetsShape>("ProductFacets").implement({
  description:
    "Counts for a filter panel: each facet counts the listed products with every other facet filter applied and its own left out.",
  fields: (t) => ({
    vendors: t.field({ type: [FacetValue], complexity: listCost(FACET_VALUES), resolve: (f) => f.vendors }),
    productTypes: t.field({
      type: [FacetValue],
      complexity: listCost(FACET_VALUES),
      resolve: (f) => f.productTypes,
    }),
    options: t.field({ type: [OptionFacet], complexity: listCost(FACET_OPTIONS), resolve: (f) => f.options }),
    priceRanges: t.field({
      type: [PriceRangeFacet],
      complexity: listCost(FACET_VALUES),
      description: `Up to ${PRICE_EDGES.length} ranges per currency, edges at ${PRICE_EDGES.slice(1).join(", ")} units of a 2-decimal currency (hundreds of minor units of a 0-decimal one).`,
      resolve: (f) => f.priceRanges,
    }),
    availability: t.field({ type: AvailabilityFacet, resolve: (f) => f.availability }),
  }),
});

export const ProductConnection = builder.connectionObject({
  type: ProductType,
  name: "ProductConnection",
  fields: (t) => ({
    facets: t.field({
      type: ProductFacets,
      description: `Vendors, product types, option values, price ranges and availability of the listed products, with counts (one extra SQL statement; at most ${FACET_VALUES} values per facet).`,
      resolve: (connection, _args, ctx) => productFacets(ctx, listArgsOf(connection)),
    }),
    totalCount: t.int({
      description: "How many products match (one extra SQL statement).",
      resolve: (connection) => (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
    }),
  }),
});

builder.queryFields((t) => ({
  products: t.field({
    type: ProductConnection,
    description: "Products across all shops: search, filter, sort and page.",
    args: { ...t.arg.connectionArgs(), ...productListArgs(t.arg) },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? args.last ?? limits.defaultPageSize }),
    resolve: (_root, args, ctx, info) =>
      listProducts(
        ctx,
        { ...args, filter: decodeProductFilter(args.filter as ProductFilter | null) },
        info,
      ) as never,
  }),
  product: t.prismaField({
    type: "Product",
    nullable: true,
    description: "A product by id or handle; null when absent or not visible to the caller.",
    args: {
      id: t.arg.id({ required: false }),
      handle: t.arg.string({ required: false, validate: handleArg }),
    },
    resolve: async (query, _root, args, ctx) => {
      if ((args.id == null) === (args.handle == null))
        throw badInput("Pass exactly one of `id` or `handle`.");
      const where = args.id != null ? { id: decodeId(String(args.id), "Product") } : { handle: args.handle! };
      if (where.id === null) throw badInput("`id` is not a valid Product ID.");
      const product = await ctx.db.product.findUnique({ ...query, where: where as { id: string } });
      return product && (await canSeeProduct(ctx, product)) ? product : null;
    },
  }),
}));
