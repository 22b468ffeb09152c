/**
 * Catalog rules and writes. Every write runs in one transaction; derived product columns
 * (minPrice, maxPrice, totalInventory) are recomputed inside it.
 */
import { emitLowStock } from "../webhooks/service.ts";
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import type { MediaKind, ProductStatus } from "@shoppable/db/enums";
import { callerOf, canManageShop, forgetMemberships } from "../shared/access.ts";
import { forbidden, isUniqueViolation } from "../shared/errors.ts";
import { queueEvent, transaction } from "../shared/events.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { Rollback } from "../shared/transaction.ts";
import { userError } from "../shared/user-error.ts";
import type { CatalogErrorCode } from "./errors.ts";

type Tx = Prisma.TransactionClient;

async function assertCanManageShop(ctx: Context, shopId: string): Promise<void> {
  if (!(await canManageShop(ctx, shopId))) throw forbidden("You do not manage this shop.");
}

function catalogError(code: CatalogErrorCode, message: string, field?: (string | number)[]) {
  return userError(code, message, field ?? null);
}

const handleTaken = () => failed([catalogError("TAKEN", "The handle is taken: choose another.", ["handle"])]);

// ───────────── shops ─────────────

export interface ShopCreateInput {
  handle: string;
  name: string;
  description?: string | undefined;
  currencyCode: string;
  logoUrl?: string | null | undefined;
  lowStockThreshold?: number | undefined;
  pricesIncludeTax?: boolean | undefined;
  returnWindowDays?: number | undefined;
  refundShippingOnReturn?: boolean | undefined;
}

/** Creates a shop; a merchant creating it becomes its OWNER. Fails with TAKEN on a used handle. */
export async function createShop(ctx: Context, input: ShopCreateInput): Promise<PayloadShape> {
  const caller = callerOf(ctx);
  if (caller.key !== "SECRET") throw forbidden("Creating shops needs a secret key.");
  if (caller.userId !== null && !caller.merchant && !caller.admin) {
    throw forbidden("Only merchants and admins create shops.");
  }
  try {
    const shop = await ctx.db.$transaction(async (tx) => {
      const created = await tx.shop.create({
        data: {
          handle: input.handle,
          name: input.name,
          description: input.description ?? "",
          currencyCode: input.currencyCode,
          logoUrl: input.logoUrl ?? null,
          ...(input.lowStockThreshold !== undefined ? { lowStockThreshold: input.lowStockThreshold } : {}),
          // Undefined (left out): the schema's defaults (false, 30, false).
          pricesIncludeTax: input.pricesIncludeTax,
          returnWindowDays: input.returnWindowDays,
          refundShippingOnReturn: input.refundShippingOnReturn,
        },
        select: { id: true },
      });
      if (caller.merchant && caller.userId !== null) {
        await tx.shopMember.create({ data: { shopId: created.id, userId: caller.userId, role: "OWNER" } });
      }
      return created;
    });
    // The merchant is a member now: the request's cached memberships (shared/access.ts) are stale.
    if (caller.merchant) forgetMemberships(ctx);
    return succeeded(shop.id);
  } catch (error) {
    if (isUniqueViolation(error, "handle")) return handleTaken();
    throw error;
  }
}

export interface ShopUpdateInput {
  id: string;
  handle?: string | undefined;
  name?: string | undefined;
  description?: string | undefined;
  currencyCode?: string | undefined;
  logoUrl?: string | null | undefined;
  lowStockThreshold?: number | undefined;
  pricesIncludeTax?: boolean | undefined;
  returnWindowDays?: number | undefined;
  refundShippingOnReturn?: boolean | undefined;
}

export async function updateShop(ctx: Context, input: ShopUpdateInput): Promise<PayloadShape> {
  const shop = await ctx.db.shop.findUnique({
    where: { id: input.id },
    select: { id: true, currencyCode: true },
  });
  if (!shop) return failed([catalogError("NOT_FOUND", "No shop has this id.", ["id"])]);
  await assertCanManageShop(ctx, shop.id);
  try {
    return await ctx.db.$transaction(async (tx) => {
      if (input.currencyCode && input.currencyCode !== shop.currencyCode) {
        const products = await tx.product.count({ where: { shopId: shop.id } });
        if (products > 0) {
          return failed([
            catalogError(
              "CURRENCY_LOCKED",
              "A shop with products keeps its currency: its prices are in it.",
              ["currencyCode"],
            ),
          ]);
        }
      }
      const { id, ...data } = input;
      await tx.shop.update({ where: { id }, data, select: { id: true } });
      return succeeded(id);
    });
  } catch (error) {
    if (isUniqueViolation(error, "handle")) return handleTaken();
    throw error;
  }
}

// ───────────── products ─────────────

export interface OptionInput {
  name: string;
  values: string[];
}

export interface VariantInput {
  price: number;
  compareAtPrice?: number | null | undefined;
  sku?: string | null | undefined;
  selectedOptions: { name: string; value: string }[];
  inventoryQuantity: number;
  /** Grams per unit (default 0). */
  weightGrams?: number | undefined;
  /** False for digital goods (default true). */
  requiresShipping?: boolean | undefined;
}

export interface MediaInput {
  kind: MediaKind;
  url: string;
  alt?: string | undefined;
  width?: number | null | undefined;
  height?: number | null | undefined;
  durationMs?: number | null | undefined;
  posterUrl?: string | null | undefined;
}

export interface ProductCreateInput {
  shopId: string;
  title: string;
  handle?: string | undefined;
  description?: string | undefined;
  vendor?: string | undefined;
  productType?: string | undefined;
  tags: string[];
  status: ProductStatus;
  options: OptionInput[];
  /** Prices are in minor units of the shop's currency (already parsed). */
  variants: VariantInput[];
  media: MediaInput[];
}

/** Checks that variants match the options exactly and are distinct; returns userErrors. */
export function checkVariantOptions(
  options: OptionInput[],
  variants: Pick<VariantInput, "selectedOptions">[],
) {
  const errors = [];
  for (const [i, option] of options.entries()) {
    if (new Set(option.values).size !== option.values.length) {
      errors.push(
        catalogError("DUPLICATE_OPTION_VALUE", `Option "${option.name}" lists a value twice.`, [
          "options",
          i,
          "values",
        ]),
      );
    }
  }
  if (new Set(options.map((o) => o.name)).size !== options.length) {
    errors.push(catalogError("DUPLICATE_OPTION_VALUE", "Two options have the same name.", ["options"]));
  }
  if (options.length === 0 && variants.length > 1) {
    errors.push(
      catalogError("INVALID_VARIANT_OPTIONS", "A product without options has exactly one variant.", [
        "variants",
      ]),
    );
  }
  const seen = new Set<string>();
  for (const [i, variant] of variants.entries()) {
    const selected = variant.selectedOptions;
    const matches =
      selected.length === options.length &&
      options.every((o, k) => selected[k]?.name === o.name && o.values.includes(selected[k]!.value));
    if (!matches) {
      errors.push(
        catalogError(
          "INVALID_VARIANT_OPTIONS",
          `Variant ${i} must select one value of each option, in option order (${options.map((o) => o.name).join(", ") || "none"}).`,
          ["variants", i, "selectedOptions"],
        ),
      );
      continue;
    }
    const key = JSON.stringify(selected.map((s) => s.value));
    if (seen.has(key))
      errors.push(
        catalogError("DUPLICATE_VARIANT", `Variant ${i} repeats another variant's options.`, [
          "variants",
          i,
          "selectedOptions",
        ]),
      );
    seen.add(key);
  }
  return errors;
}

export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "product"
  );
}

/**
 * Creates what `create` writes under a handle: the given one (TAKEN when in use), or one made from
 * the title, suffixed at random when taken (5 tries). Returns the created id as the payload.
 */
export async function createWithHandle(
  title: string,
  given: string | undefined,
  create: (handle: string) => Promise<string>,
): Promise<PayloadShape> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const handle =
      given ??
      (attempt === 0 ? slugify(title) : `${slugify(title)}-${Math.random().toString(36).slice(2, 8)}`);
    try {
      return succeeded(await create(handle));
    } catch (error) {
      if (!isUniqueViolation(error, "handle")) throw error;
      if (given !== undefined) return handleTaken();
    }
  }
  return failed([catalogError("TAKEN", "Could not find a free handle; pass one.", ["handle"])]);
}

/** Logs new variants' stock as their first inventory adjustment ("initial stock"): every variant's quantity is the sum of its adjustments. */
export async function logInitialStock(
  tx: Tx,
  ctx: Context,
  variants: { id: string; inventoryQuantity: number }[],
): Promise<void> {
  const stocked = variants.filter((v) => v.inventoryQuantity !== 0);
  if (stocked.length === 0) return;
  await tx.inventoryAdjustment.createMany({
    data: stocked.map((v) => ({
      variantId: v.id,
      delta: v.inventoryQuantity,
      quantityAfter: v.inventoryQuantity,
      reason: "initial stock",
      actorId: ctx.user?.id ?? null,
    })),
  });
}

export function variantTitle(selected: { value: string }[]): string {
  return selected.length ? selected.map((s) => s.value).join(" / ") : "Default";
}

/** A new variant's row (productCreate, productVariantsCreate): its title from its options, schema defaults where not given. */
export function variantRow(v: VariantInput, position: number) {
  return {
    title: variantTitle(v.selectedOptions),
    sku: v.sku ?? null,
    position,
    price: v.price,
    compareAtPrice: v.compareAtPrice ?? null,
    selectedOptions: v.selectedOptions,
    inventoryQuantity: v.inventoryQuantity,
    ...(v.weightGrams !== undefined ? { weightGrams: v.weightGrams } : {}),
    ...(v.requiresShipping !== undefined ? { requiresShipping: v.requiresShipping } : {}),
  };
}

export async function refreshDerived(tx: Tx, productId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Product" p SET "minPrice" = d.min, "maxPrice" = d.max, "totalInventory" = d.total
    FROM (SELECT min(price) AS min, max(price) AS max, coalesce(sum(greatest("inventoryQuantity", 0)), 0)::int AS total
          FROM "ProductVariant" WHERE "productId" = ${productId}::uuid) d
    WHERE p."id" = ${productId}::uuid`;
}

/**
 * Creates a product with its options, variants and media. With no handle, one is made from the
 * title (suffixed when taken); a given handle that is taken fails with TAKEN.
 */
export async function createProduct(ctx: Context, input: ProductCreateInput): Promise<PayloadShape> {
  const shop = await ctx.db.shop.findUnique({
    where: { id: input.shopId },
    select: { id: true, currencyCode: true },
  });
  if (!shop) return failed([catalogError("NOT_FOUND", "No shop has this id.", ["shopId"])]);
  await assertCanManageShop(ctx, shop.id);
  const errors = checkVariantOptions(input.options, input.variants);
  if (errors.length) return failed(errors);

  return createWithHandle(input.title, input.handle, (handle) =>
    ctx.db.$transaction(async (tx) => {
      const product = await tx.product.create({
        data: {
          shopId: shop.id,
          currencyCode: shop.currencyCode,
          handle,
          title: input.title,
          description: input.description ?? "",
          vendor: input.vendor ?? "",
          productType: input.productType ?? "",
          tags: input.tags,
          status: input.status,
          publishedAt: input.status === "ACTIVE" ? new Date() : null,
          options: {
            create: input.options.map((o, position) => ({ name: o.name, values: o.values, position })),
          },
          variants: {
            create: input.variants.map((v, position) => variantRow(v, position)),
          },
          media: { create: input.media.map((m, position) => ({ ...m, alt: m.alt ?? "", position })) },
        },
        select: { id: true, variants: { select: { id: true, inventoryQuantity: true } } },
      });
      await logInitialStock(tx, ctx, product.variants);
      await refreshDerived(tx, product.id);
      return product.id;
    }),
  );
}

export interface ProductUpdateInput {
  id: string;
  title?: string | undefined;
  handle?: string | undefined;
  description?: string | undefined;
  vendor?: string | undefined;
  productType?: string | undefined;
  tags?: string[] | undefined;
  status?: ProductStatus | undefined;
  /** Replaces all media when given. */
  media?: MediaInput[] | undefined;
  /** Updates listed variants by id (prices in minor units). */
  variants?:
    | {
        id: string;
        price?: number | undefined;
        compareAtPrice?: number | null | undefined;
        sku?: string | null | undefined;
        weightGrams?: number | undefined;
        requiresShipping?: boolean | undefined;
      }[]
    | undefined;
}

/** Updates a product's fields, media and variant prices. Archived products may only be restored. */
export async function updateProduct(ctx: Context, input: ProductUpdateInput): Promise<PayloadShape> {
  const product = await ctx.db.product.findUnique({
    where: { id: input.id },
    select: { id: true, shopId: true, status: true, publishedAt: true, variants: { select: { id: true } } },
  });
  if (!product) return failed([catalogError("NOT_FOUND", "No product has this id.", ["id"])]);
  await assertCanManageShop(ctx, product.shopId);
  const { id, media, variants, ...fields } = input;
  if (product.status === "ARCHIVED" && (input.status === undefined || input.status === "ARCHIVED")) {
    return failed([
      catalogError(
        "PRODUCT_ARCHIVED",
        "An archived product changes only by setting its status back to DRAFT or ACTIVE.",
        ["status"],
      ),
    ]);
  }
  const own = new Set(product.variants.map((v) => v.id));
  const strangers = (variants ?? []).flatMap((v, i) => (own.has(v.id) ? [] : [i]));
  if (strangers.length) {
    return failed(
      strangers.map((i) =>
        catalogError("NOT_FOUND", "This variant is not one of the product's.", ["variants", i, "id"]),
      ),
    );
  }
  try {
    await ctx.db.$transaction(async (tx) => {
      // Variants first, in id order, then the product: the order checkout locks them in
      // (checkout/inventory.ts), so the two never wait on each other in a cycle.
      const changing = (variants ?? []).map((variant, index) => ({ variant, index }));
      for (const { variant, index } of changing.sort((a, b) => (a.variant.id < b.variant.id ? -1 : 1))) {
        const { id: variantId, ...changes } = variant;
        if (Object.keys(changes).length === 0) continue;
        const changed = await tx.productVariant.updateMany({
          where: { id: variantId, productId: id },
          data: changes,
        });
        // Deleted meanwhile (productVariantsDelete): nothing is written.
        if (changed.count === 0) {
          throw new Rollback([
            catalogError("NOT_FOUND", "This variant is not one of the product's.", ["variants", index, "id"]),
          ]);
        }
      }
      await tx.product.update({
        where: { id },
        data: {
          ...fields,
          ...(fields.status === "ACTIVE" && !product.publishedAt ? { publishedAt: new Date() } : {}),
          ...(media
            ? {
                media: {
                  deleteMany: {},
                  create: media.map((m, position) => ({ ...m, alt: m.alt ?? "", position })),
                },
              }
            : {}),
        },
        select: { id: true },
      });
      if (variants?.length) await refreshDerived(tx, id);
    });
    return succeeded(id);
  } catch (error) {
    if (error instanceof Rollback) return failed(error.errors as ReturnType<typeof catalogError>[]);
    if (isUniqueViolation(error, "handle")) return handleTaken();
    throw error;
  }
}

/** Archives a product: it leaves storefront lists and cannot be bought; it stays on orders. */
export async function archiveProduct(ctx: Context, productId: string): Promise<PayloadShape> {
  const product = await ctx.db.product.findUnique({
    where: { id: productId },
    select: { id: true, shopId: true },
  });
  if (!product) return failed([catalogError("NOT_FOUND", "No product has this id.", ["id"])]);
  await assertCanManageShop(ctx, product.shopId);
  await ctx.db.product.update({
    where: { id: productId },
    data: { status: "ARCHIVED" },
    select: { id: true },
  });
  return succeeded(productId);
}

// ───────────── inventory ─────────────

export interface InventoryAdjustInput {
  variantId: string;
  delta: number;
  /** Compare-and-set: apply only if the current quantity is exactly this. */
  expectedQuantity?: number | null | undefined;
  reason: string;
}

/**
 * Changes a variant's available stock by `delta` in one conditional UPDATE, so concurrent
 * adjustments never lose an update or go below zero. With `expectedQuantity` it is a
 * compare-and-set: INVENTORY_MISMATCH (with the current quantity in the message) when another
 * change came first.
 */
export async function adjustInventory(ctx: Context, input: InventoryAdjustInput): Promise<PayloadShape> {
  const variant = await ctx.db.productVariant.findUnique({
    where: { id: input.variantId },
    select: {
      id: true,
      productId: true,
      product: { select: { shopId: true, shop: { select: { lowStockThreshold: true } } } },
    },
  });
  if (!variant) return failed([catalogError("NOT_FOUND", "No variant has this id.", ["variantId"])]);
  await assertCanManageShop(ctx, variant.product.shopId);
  return transaction(ctx, async (tx) => {
    const updated = await tx.productVariant.updateMany({
      where: {
        id: variant.id,
        inventoryQuantity: {
          gte: Math.max(0, -input.delta),
          ...(input.expectedQuantity != null ? { equals: input.expectedQuantity } : {}),
        },
      },
      data: { inventoryQuantity: { increment: input.delta } },
    });
    if (updated.count === 0) {
      const current = await tx.productVariant.findUnique({
        where: { id: variant.id },
        select: { inventoryQuantity: true },
      });
      // Deleted meanwhile (productVariantsDelete).
      if (!current) return failed([catalogError("NOT_FOUND", "No variant has this id.", ["variantId"])]);
      if (input.expectedQuantity != null && current.inventoryQuantity !== input.expectedQuantity) {
        return failed([
          catalogError(
            "INVENTORY_MISMATCH",
            `The quantity is ${current.inventoryQuantity}, not ${input.expectedQuantity}: re-read it and retry.`,
            ["expectedQuantity"],
          ),
        ]);
      }
      return failed([
        catalogError(
          "INSUFFICIENT_INVENTORY",
          `Only ${current.inventoryQuantity} available; the adjustment would go below zero.`,
          ["delta"],
        ),
      ]);
    }
    const after = await tx.productVariant.findUniqueOrThrow({
      where: { id: variant.id },
      select: { inventoryQuantity: true },
    });
    await tx.inventoryAdjustment.create({
      data: {
        variantId: variant.id,
        delta: input.delta,
        quantityAfter: after.inventoryQuantity,
        reason: input.reason,
        actorId: ctx.user?.id ?? null,
      },
    });
    // An increment, not a recount: concurrent adjustments of sibling variants stay exact.
    await tx.product.update({
      where: { id: variant.productId },
      data: { totalInventory: { increment: input.delta } },
      select: { id: true },
    });
    queueEvent("inventoryChanged", variant.productId, { productId: variant.productId });
    const { shopId, shop } = variant.product;
    const move = {
      variantId: variant.id,
      productId: variant.productId,
      shopId,
      before: after.inventoryQuantity - input.delta,
      after: after.inventoryQuantity,
      threshold: shop.lowStockThreshold,
    };
    await emitLowStock(tx, [move]);
    return succeeded(variant.id);
  });
}
