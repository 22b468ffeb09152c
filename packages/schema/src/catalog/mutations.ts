import { z } from "zod";
import { builder, type SchemaTypesOf } from "../builder.ts";
import { MediaKind, ProductStatus } from "@shoppable/db/enums";
import { parseDecimalAmount } from "../money.ts";
import { currencyCode, globalId, handle, httpUrl as httpUrlOf, parseInput, text } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { userError } from "../shared/user-error.ts";
import { CatalogError } from "./errors.ts";
import { MediaKindEnum, ProductStatusEnum } from "./product.ts";
import * as catalog from "./service.ts";
import { CATALOG_LIMITS } from "./limits.ts";
import { SHIPPING_LIMITS } from "../delivery/shipping-rules.ts";

const LIMITS = CATALOG_LIMITS;

const httpUrl = httpUrlOf(LIMITS.url);
const mediaUrl = z.union([
  z
    .string()
    .max(LIMITS.url)
    .regex(/^\/[^\s]*$/, "Must be an http(s) URL or an absolute path."),
  httpUrl,
]);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const undefIfNull = <T>(v: T | null | undefined) => v ?? undefined;

// ───────────── shops ─────────────

/** A shop's tax and return policies, in shopCreate and shopUpdate (left out: the default, or unchanged). */
function shopPolicyFields(t: PothosSchemaTypes.InputFieldBuilder<SchemaTypesOf, "InputObject">) {
  return {
    pricesIncludeTax: t.boolean({
      required: false,
      description:
        "Whether prices (and shipping) include tax, EU style, or tax is added at checkout (default false).",
    }),
    returnWindowDays: t.int({
      required: false,
      description: `Days after fulfilment during which buyers may request a return (0 to ${LIMITS.returnWindowDays}; 0: no returns; default 30).`,
    }),
    refundShippingOnReturn: t.boolean({
      required: false,
      description:
        "Whether an approved return also refunds the returned lines' share of shipping (default false).",
    }),
  };
}

const ShopCreateInput = builder.inputType("ShopCreateInput", {
  fields: (t) => ({
    handle: t.string({ description: "URL-safe, unique: lowercase letters, digits, dashes." }),
    name: t.string(),
    description: t.string({ required: false }),
    currencyCode: t.string({ description: "ISO 4217 code of all the shop's prices, such as EUR." }),
    logoUrl: t.string({ required: false }),
    lowStockThreshold: t.int({
      required: false,
      description: "INVENTORY_LOW webhooks fire when a variant's stock falls below this (default 5).",
    }),
    ...shopPolicyFields(t),
  }),
});

const lowStockThreshold = z
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .nullish()
  .transform((v) => v ?? undefined);

const optionalBoolean = z
  .boolean()
  .nullish()
  .transform((v) => v ?? undefined);

const shopPolicies = {
  pricesIncludeTax: optionalBoolean,
  returnWindowDays: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.returnWindowDays)
    .nullish()
    .transform((v) => v ?? undefined),
  refundShippingOnReturn: optionalBoolean,
};

const shopCreateSchema = z.object({
  handle,
  name: text(120),
  description: optionalText(LIMITS.description)
    .nullish()
    .transform((v) => v ?? undefined),
  currencyCode,
  logoUrl: httpUrl.nullish(),
  lowStockThreshold,
  ...shopPolicies,
});

builder.mutationField("shopCreate", (t) =>
  t.field({
    type: definePayload("ShopCreate", { field: "shop", model: "Shop" }, CatalogError.type),
    description: "Creates a shop. Needs a secret key; a merchant creating it becomes its owner.",
    args: { input: t.arg({ type: ShopCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(shopCreateSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return catalog.createShop(ctx, parsed.data);
    },
  }),
);

const ShopUpdateInput = builder.inputType("ShopUpdateInput", {
  fields: (t) => ({
    id: t.id(),
    handle: t.string({ required: false }),
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    currencyCode: t.string({ required: false, description: "Only while the shop has no products." }),
    logoUrl: t.string({ required: false }),
    lowStockThreshold: t.int({ required: false }),
    ...shopPolicyFields(t),
  }),
});

const shopUpdateSchema = z.object({
  id: globalId("Shop"),
  handle: handle.nullish().transform((v) => v ?? undefined),
  name: text(120)
    .nullish()
    .transform((v) => v ?? undefined),
  description: optionalText(LIMITS.description)
    .nullish()
    .transform((v) => v ?? undefined),
  currencyCode: currencyCode.nullish().transform((v) => v ?? undefined),
  logoUrl: httpUrl.nullish(),
  lowStockThreshold,
  ...shopPolicies,
});

builder.mutationField("shopUpdate", (t) =>
  t.field({
    type: definePayload("ShopUpdate", { field: "shop", model: "Shop" }, CatalogError.type),
    args: { input: t.arg({ type: ShopUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(shopUpdateSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return catalog.updateShop(ctx, parsed.data);
    },
  }),
);

// ───────────── products ─────────────

const SelectedOptionInput = builder.inputType("SelectedOptionInput", {
  fields: (t) => ({ name: t.string(), value: t.string() }),
});

export const ProductOptionInput = builder.inputType("ProductOptionInput", {
  fields: (t) => ({ name: t.string(), values: t.stringList() }),
});

export const ProductVariantCreateInput = builder.inputType("ProductVariantCreateInput", {
  fields: (t) => ({
    price: t.field({ type: "Decimal", description: "In the shop's currency." }),
    compareAtPrice: t.field({ type: "Decimal", required: false }),
    sku: t.string({ required: false }),
    selectedOptions: t.field({
      type: [SelectedOptionInput],
      required: false,
      description: "One per product option, in option order.",
    }),
    inventoryQuantity: t.int({ required: false, description: "Initial stock; default 0." }),
    weightGrams: t.int({
      required: false,
      description: "Grams per unit (0 to 1,000,000; default 0): what weight-based shipping rates add up.",
    }),
    requiresShipping: t.boolean({
      required: false,
      description: "False for digital goods and services: no delivery needed (default true).",
    }),
  }),
});

const MediaInput = builder.inputType("MediaInput", {
  fields: (t) => ({
    kind: t.field({ type: MediaKindEnum, required: false, description: "Default IMAGE." }),
    url: t.string(),
    alt: t.string({ required: false }),
    width: t.int({ required: false }),
    height: t.int({ required: false }),
    durationMs: t.int({ required: false }),
    posterUrl: t.string({ required: false }),
  }),
});

const ProductCreateInput = builder.inputType("ProductCreateInput", {
  fields: (t) => ({
    shopId: t.id(),
    title: t.string(),
    handle: t.string({ required: false, description: "Default: made from the title." }),
    description: t.string({ required: false }),
    vendor: t.string({ required: false }),
    productType: t.string({ required: false }),
    tags: t.stringList({ required: false }),
    status: t.field({ type: ProductStatusEnum, required: false, description: "Default DRAFT." }),
    options: t.field({
      type: [ProductOptionInput],
      required: false,
      description: `At most ${LIMITS.options}.`,
    }),
    variants: t.field({
      type: [ProductVariantCreateInput],
      description: `1 to ${LIMITS.variants}; a product without options has exactly one.`,
    }),
    media: t.field({ type: [MediaInput], required: false }),
  }),
});

const tagsSchema = z
  .array(z.string().trim().min(1).max(LIMITS.tag))
  .max(LIMITS.tags)
  .transform((tags) => [...new Set(tags)]);
const quantity = z.number().int().min(0).max(1_000_000_000);
const mediaSchema = z.object({
  kind: z
    .enum(MediaKind)
    .nullish()
    .transform((v) => v ?? "IMAGE"),
  url: mediaUrl,
  alt: optionalText(500)
    .nullish()
    .transform((v) => v ?? undefined),
  width: z.number().int().min(1).max(100_000).nullish(),
  height: z.number().int().min(1).max(100_000).nullish(),
  durationMs: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600 * 1000)
    .nullish(),
  posterUrl: mediaUrl.nullish(),
});
const decimal = z.string().max(32);
const weightGrams = z
  .number()
  .int()
  .min(0)
  .max(SHIPPING_LIMITS.maxVariantGrams)
  .nullish()
  .transform(undefIfNull);
const requiresShipping = z.boolean().nullish().transform(undefIfNull);

/** An option as productCreate and productOptionsCreate take it. */
export const optionSchema = z.object({
  name: text(64),
  values: z.array(text(64)).min(1).max(LIMITS.optionValues),
});

/**
 * A ProductVariantCreateInput (prices still decimals: `parsePrices`). productVariantsCreate
 * passes `text(64)` as the value: a value it adds to an option is held to an option value's rules.
 */
export function variantCreateSchema(value: z.ZodType<string> = z.string().max(64)) {
  return z.object({
    price: decimal,
    compareAtPrice: decimal.nullish(),
    sku: z.string().trim().min(1).max(LIMITS.sku).nullish(),
    selectedOptions: z
      .array(z.object({ name: z.string().max(64), value }))
      .max(LIMITS.options)
      .nullish()
      .transform((v) => v ?? []),
    inventoryQuantity: quantity.nullish().transform((v) => v ?? 0),
    weightGrams,
    requiresShipping,
  });
}

const productCreateSchema = z.object({
  shopId: globalId("Shop"),
  title: text(LIMITS.title),
  handle: handle.nullish().transform((v) => v ?? undefined),
  description: optionalText(LIMITS.description)
    .nullish()
    .transform((v) => v ?? undefined),
  vendor: optionalText(120)
    .nullish()
    .transform((v) => v ?? undefined),
  productType: optionalText(120)
    .nullish()
    .transform((v) => v ?? undefined),
  tags: tagsSchema.nullish().transform((v) => v ?? []),
  status: z
    .enum(ProductStatus)
    .nullish()
    .transform((v) => v ?? "DRAFT"),
  options: z
    .array(optionSchema)
    .max(LIMITS.options)
    .nullish()
    .transform((v) => v ?? []),
  variants: z.array(variantCreateSchema()).min(1).max(LIMITS.variants),
  media: z
    .array(mediaSchema)
    .max(LIMITS.media)
    .nullish()
    .transform((v) => v ?? []),
});

/** Parses decimal prices in the shop's currency; errors carry the variant's path. */
export function parsePrices<
  V extends { price?: string | null | undefined; compareAtPrice?: string | null | undefined },
>(variants: V[], currency: string) {
  const errors: ReturnType<typeof userError>[] = [];
  const parsed = variants.map((v, i) => {
    const out: { price?: number; compareAtPrice?: number | null } = {};
    for (const key of ["price", "compareAtPrice"] as const) {
      const value = v[key];
      if (value === undefined) continue;
      if (value === null) {
        if (key === "compareAtPrice") out.compareAtPrice = null;
        continue;
      }
      const result = parseDecimalAmount(value, currency);
      if (result.ok) out[key] = result.amount;
      else {
        const code =
          result.error === "NEGATIVE"
            ? "LESS_THAN_MINIMUM"
            : result.error === "TOO_LARGE"
              ? "GREATER_THAN_MAXIMUM"
              : "INVALID";
        const why = {
          NEGATIVE: "must not be negative",
          TOO_LARGE: "is too large",
          TOO_PRECISE: `has more decimals than ${currency} allows`,
          INVALID: 'must be a decimal such as "12.50"',
        }[result.error];
        errors.push(userError(code, `${key} ${why}.`, ["variants", i, key]));
      }
    }
    return out;
  });
  return { parsed, errors };
}

builder.mutationField("productCreate", (t) =>
  t.field({
    type: definePayload("ProductCreate", { field: "product", model: "Product" }, CatalogError.type),
    description: "Creates a product with options, variants and media in a shop the caller manages.",
    args: { input: t.arg({ type: ProductCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = parseInput(productCreateSchema, input);
      if (!result.ok) return failed(result.errors);
      const data = result.data;
      const shop = await ctx.db.shop.findUnique({
        where: { id: data.shopId },
        select: { currencyCode: true },
      });
      if (!shop) return failed([userError("NOT_FOUND", "No shop has this id.", ["shopId"])]);
      const prices = parsePrices(data.variants, shop.currencyCode);
      if (prices.errors.length) return failed(prices.errors);
      return catalog.createProduct(ctx, {
        ...data,
        variants: data.variants.map((v, i) => ({
          ...v,
          compareAtPrice: prices.parsed[i]!.compareAtPrice ?? null,
          price: prices.parsed[i]!.price!,
        })),
      });
    },
  }),
);

const ProductVariantUpdateInput = builder.inputType("ProductVariantUpdateInput", {
  fields: (t) => ({
    id: t.id(),
    price: t.field({ type: "Decimal", required: false }),
    compareAtPrice: t.field({ type: "Decimal", required: false, description: "null removes it." }),
    sku: t.string({ required: false }),
    weightGrams: t.int({ required: false, description: "Grams per unit (0 to 1,000,000)." }),
    requiresShipping: t.boolean({ required: false }),
  }),
});

const ProductUpdateInput = builder.inputType("ProductUpdateInput", {
  fields: (t) => ({
    id: t.id(),
    title: t.string({ required: false }),
    handle: t.string({ required: false }),
    description: t.string({ required: false }),
    vendor: t.string({ required: false }),
    productType: t.string({ required: false }),
    tags: t.stringList({ required: false }),
    status: t.field({ type: ProductStatusEnum, required: false }),
    media: t.field({ type: [MediaInput], required: false, description: "Replaces all media when given." }),
    variants: t.field({
      type: [ProductVariantUpdateInput],
      required: false,
      description:
        "Price, SKU, weight and shipping changes to existing variants. Stock changes go through inventoryAdjust.",
    }),
  }),
});

const productUpdateSchema = z.object({
  id: globalId("Product"),
  title: text(LIMITS.title).nullish().transform(undefIfNull),
  handle: handle.nullish().transform(undefIfNull),
  description: optionalText(LIMITS.description).nullish().transform(undefIfNull),
  vendor: optionalText(120).nullish().transform(undefIfNull),
  productType: optionalText(120).nullish().transform(undefIfNull),
  tags: tagsSchema.nullish().transform(undefIfNull),
  status: z.enum(ProductStatus).nullish().transform(undefIfNull),
  media: z.array(mediaSchema).max(LIMITS.media).nullish().transform(undefIfNull),
  variants: z
    .array(
      z.object({
        id: globalId("ProductVariant"),
        price: decimal.nullish().transform(undefIfNull),
        compareAtPrice: decimal.nullish(),
        sku: z.string().trim().min(1).max(LIMITS.sku).nullish(),
        weightGrams,
        requiresShipping,
      }),
    )
    .max(LIMITS.variants)
    .nullish()
    .transform(undefIfNull),
});

builder.mutationField("productUpdate", (t) =>
  t.field({
    type: definePayload("ProductUpdate", { field: "product", model: "Product" }, CatalogError.type),
    args: { input: t.arg({ type: ProductUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = parseInput(productUpdateSchema, input);
      if (!result.ok) return failed(result.errors);
      const { variants, ...data } = result.data;
      let parsedVariants: catalog.ProductUpdateInput["variants"];
      if (variants) {
        const product = await ctx.db.product.findUnique({
          where: { id: data.id },
          select: { currencyCode: true },
        });
        if (!product) return failed([userError("NOT_FOUND", "No product has this id.", ["id"])]);
        const prices = parsePrices(variants, product.currencyCode);
        if (prices.errors.length) return failed(prices.errors);
        parsedVariants = variants.map((v, i) => ({
          id: v.id,
          ...prices.parsed[i],
          ...(v.sku !== undefined ? { sku: v.sku } : {}),
          ...(v.weightGrams !== undefined ? { weightGrams: v.weightGrams } : {}),
          ...(v.requiresShipping !== undefined ? { requiresShipping: v.requiresShipping } : {}),
        }));
      }
      return catalog.updateProduct(ctx, { ...data, variants: parsedVariants });
    },
  }),
);

const ProductArchiveInput = builder.inputType("ProductArchiveInput", { fields: (t) => ({ id: t.id() }) });

builder.mutationField("productArchive", (t) =>
  t.field({
    type: definePayload("ProductArchive", { field: "product", model: "Product" }, CatalogError.type),
    description:
      "Archives a product: hidden from storefronts, kept on orders; productUpdate with a status restores it.",
    args: { input: t.arg({ type: ProductArchiveInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = parseInput(z.object({ id: globalId("Product") }), input);
      if (!result.ok) return failed(result.errors);
      return catalog.archiveProduct(ctx, result.data.id);
    },
  }),
);

// ───────────── inventory ─────────────

const InventoryAdjustInput = builder.inputType("InventoryAdjustInput", {
  fields: (t) => ({
    variantId: t.id(),
    delta: t.int({ description: "Units to add (positive) or remove (negative)." }),
    expectedQuantity: t.int({
      required: false,
      description: "Compare-and-set: apply only if the current quantity is exactly this.",
    }),
    reason: t.string({ required: false, description: 'Why, for the audit trail; default "correction".' }),
  }),
});

builder.mutationField("inventoryAdjust", (t) =>
  t.field({
    type: definePayload("InventoryAdjust", { field: "variant", model: "ProductVariant" }, CatalogError.type),
    description: "Changes a variant's available stock atomically; never below zero.",
    args: { input: t.arg({ type: InventoryAdjustInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        variantId: globalId("ProductVariant"),
        delta: z
          .number()
          .int()
          .min(-1_000_000_000)
          .max(1_000_000_000)
          .refine((d) => d !== 0, "delta must not be 0."),
        expectedQuantity: quantity.nullish(),
        reason: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .nullish()
          .transform((v) => v ?? "correction"),
      });
      const result = parseInput(schema, input);
      if (!result.ok) return failed(result.errors);
      return catalog.adjustInventory(ctx, result.data);
    },
  }),
);
