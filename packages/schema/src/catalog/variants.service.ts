/**
 * A product's options and variants after it was created, as Shopify's productVariantsBulkCreate,
 * productVariantsBulkDelete, productOptionsCreate, productOptionUpdate and productOptionsDelete
 * manage them.
 *
 * What every write keeps true: each variant selects exactly one value of each option, in option
 * order (`selectedOptions`), and its title is those values joined by " / " ("Default" without
 * options); no two variants select the same values; a product has 1 to CATALOG_LIMITS.variants
 * variants, at most CATALOG_LIMITS.options options and CATALOG_LIMITS.optionValues values per
 * option. A value no variant selects any more (its variants were deleted) stays on its option,
 * shown to buyers as a choice with no variant, until productOptionUpdate leaves it out. A refused
 * write (any userError) writes nothing.
 *
 * Deleting a variant: its cart lines go (CartLine cascades), and every open cart that held one is
 * told (`cartUpdated`; an ACTIVE cart left empty forgets its currency, as after cartLinesRemove);
 * order lines keep their snapshot (title, variant title, SKU, prices) with no variant
 * (OrderLine.variantId SET NULL), so orders, refunds, returns, reviews and commissions stand;
 * product tags and live pins of the variant fall back to the whole product (SET NULL); a pin
 * still on air loses its live price, which was set for the deleted variant and must not spread
 * to the others (its viewers get PRICE_CHANGED); the variant's inventory log goes with it. A
 * checkout that already reserved the variant's stock keeps its order line (snapshot) and its
 * payment; releasing it skips the deleted variant's stock (checkout/inventory.ts).
 *
 * Concurrency. Each write is one transaction that locks the variant rows it changes or deletes
 * (in id order) and then the product row (`FOR NO KEY UPDATE`), and reads the options and
 * variants it checks only under that lock: two merchants' edits of one product run one after the
 * other, each checked against the other's result (two deletes of a product's last two variants:
 * one is LAST_VARIANT). Variants before their product is the order checkout and inventoryAdjust
 * lock them in (checkout/inventory.ts), so an edit and a checkout never wait on each other in a
 * cycle. NO KEY UPDATE rather than UPDATE: cart and order lines written meanwhile lock the
 * product FOR KEY SHARE (their foreign key) and need not wait. A checkout that read the cart
 * before a variant of it was deleted runs RESERVE again on the cart as it is
 * (checkout/service.ts); an add to cart of a deleted variant is NOT_FOUND (cart/service.ts). A
 * deadlock with a rarer writer (a refund restocking the variant being deleted) rolls one side
 * back: these edits run again, twice at most, as RESERVE does.
 */
import type { Prisma } from "@shoppable/db/client";
import type { ProductStatus } from "@shoppable/db/enums";
import type { Context } from "../context.ts";
import { canManageShop } from "../shared/access.ts";
import { forbidden, isRetryableConflict } from "../shared/errors.ts";
import { queueEvent, transaction, type LivePinSnapshot } from "../shared/events.ts";
import { Rollback, TX_OPTIONS } from "../shared/transaction.ts";
import { userError, type UserErrorShape } from "../shared/user-error.ts";
import { liveEvent } from "../live/service.ts";
import type { CatalogErrorCode } from "./errors.ts";
import { CATALOG_LIMITS } from "./limits.ts";
import {
  logInitialStock,
  refreshDerived,
  variantRow,
  variantTitle,
  type OptionInput,
  type VariantInput,
} from "./service.ts";

type Tx = Prisma.TransactionClient;
type Selected = { name: string; value: string }[];
type Path = (string | number)[];

const LIMITS = CATALOG_LIMITS;

function catalogError(code: CatalogErrorCode, message: string, field: Path | null = null) {
  return userError(code, message, field);
}

/** What an edit did: the product's database id (null when refused) and the objects it made or removed. */
export interface CatalogEditResult {
  productId: string | null;
  /** Variants created (productVariantsCreate), in input order. */
  createdIds: string[];
  /** Variants or options deleted, in input order. */
  deletedIds: string[];
  userErrors: UserErrorShape<CatalogErrorCode>[];
}

const refused = (userErrors: UserErrorShape<CatalogErrorCode>[]): CatalogEditResult => ({
  productId: null,
  createdIds: [],
  deletedIds: [],
  userErrors,
});

interface OptionRow {
  id: string;
  name: string;
  position: number;
  values: string[];
}

interface VariantRow {
  id: string;
  position: number;
  title: string;
  selectedOptions: Selected;
}

/** The product as the edit found it under its lock. */
interface ProductState {
  id: string;
  shopId: string;
  status: ProductStatus;
  currencyCode: string;
  hiddenAt: Date | null;
  options: OptionRow[];
  variants: VariantRow[];
}

/** Which variant rows an edit locks before the product: the ones it deletes, or all (it rewrites them). */
type VariantLock = { kind: "none" } | { kind: "all" } | { kind: "delete"; ids: string[] };

const archived = () =>
  catalogError(
    "PRODUCT_ARCHIVED",
    "An archived product changes only by setting its status back to DRAFT or ACTIVE (productUpdate).",
    ["productId"],
  );

/**
 * Runs an edit of a product's options or variants: NOT_FOUND for an unknown product, FORBIDDEN
 * (thrown) to callers who do not manage its shop, PRODUCT_ARCHIVED for an archived one (as
 * productUpdate); then, in one transaction, the locks (see the module comment), the product's
 * state under them, and `fn`, which throws Rollback with userErrors to write nothing.
 */
async function edit(
  ctx: Context,
  productId: string,
  lock: VariantLock,
  fn: (tx: Tx, product: ProductState) => Promise<{ createdIds?: string[]; deletedIds?: string[] }>,
): Promise<CatalogEditResult> {
  const found = await ctx.db.product.findUnique({
    where: { id: productId },
    select: { shopId: true, status: true },
  });
  if (!found) return refused([catalogError("NOT_FOUND", "No product has this id.", ["productId"])]);
  if (!(await canManageShop(ctx, found.shopId))) throw forbidden("You do not manage this shop.");
  if (found.status === "ARCHIVED") return refused([archived()]);
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(
        ctx,
        async (tx) => {
          const product = await lockProduct(tx, productId, lock);
          const done = await fn(tx, product);
          return { productId, createdIds: [], deletedIds: [], userErrors: [], ...done };
        },
        TX_OPTIONS,
      );
    } catch (error) {
      if (error instanceof Rollback) return refused(error.errors as UserErrorShape<CatalogErrorCode>[]);
      if (attempt < 3 && isRetryableConflict(error)) continue;
      throw error;
    }
  }
}

async function lockProduct(tx: Tx, productId: string, lock: VariantLock): Promise<ProductState> {
  if (lock.kind === "all") {
    await tx.$queryRaw`
      SELECT "id" FROM "ProductVariant" WHERE "productId" = ${productId}::uuid ORDER BY "id" FOR NO KEY UPDATE`;
  } else if (lock.kind === "delete" && lock.ids.length) {
    await tx.$queryRaw`
      SELECT "id" FROM "ProductVariant" WHERE "id" = ANY(${lock.ids}::uuid[]) AND "productId" = ${productId}::uuid
      ORDER BY "id" FOR UPDATE`;
  }
  const [row] = await tx.$queryRaw<
    { shopId: string; status: ProductStatus; currencyCode: string; hiddenAt: Date | null }[]
  >`
    SELECT "shopId"::text AS "shopId", "status"::text AS "status", "currencyCode", "hiddenAt"
    FROM "Product" WHERE "id" = ${productId}::uuid FOR NO KEY UPDATE`;
  if (!row) throw new Rollback([catalogError("NOT_FOUND", "No product has this id.", ["productId"])]);
  // Archived since the check before the transaction.
  if (row.status === "ARCHIVED") throw new Rollback([archived()]);
  const [options, variants] = [
    await tx.productOption.findMany({
      where: { productId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, name: true, position: true, values: true },
    }),
    await tx.productVariant.findMany({
      where: { productId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, position: true, title: true, selectedOptions: true },
    }),
  ];
  return {
    id: productId,
    ...row,
    options,
    variants: variants.map((v) => ({ ...v, selectedOptions: v.selectedOptions as Selected })),
  };
}

/** The values a selection picks, as one string: two variants are the same when these are. */
const keyOf = (selected: Selected) => JSON.stringify(selected.map((s) => s.value));

/** Rewrites the variants whose selection changed (and so their titles), in position order. */
async function writeSelections(tx: Tx, variants: VariantRow[], next: Map<string, Selected>): Promise<void> {
  for (const variant of variants) {
    const selected = next.get(variant.id);
    if (!selected) continue;
    const title = variantTitle(selected);
    if (title === variant.title && JSON.stringify(selected) === JSON.stringify(variant.selectedOptions))
      continue;
    await tx.productVariant.update({
      where: { id: variant.id },
      data: { selectedOptions: selected, title },
      select: { id: true },
    });
  }
}

/** The first two variants that select the same values under `next`, or null. */
function duplicateOf(variants: VariantRow[], next: Map<string, Selected>): [VariantRow, VariantRow] | null {
  const seen = new Map<string, VariantRow>();
  for (const variant of variants) {
    const key = keyOf(next.get(variant.id) ?? variant.selectedOptions);
    const other = seen.get(key);
    if (other) return [other, variant];
    seen.set(key, variant);
  }
  return null;
}

/** Product.updatedAt: edits of options and variants change the product as read. */
async function touch(tx: Tx, productId: string): Promise<void> {
  await tx.product.update({
    where: { id: productId },
    data: { updatedAt: new Date() },
    select: { id: true },
  });
}

// ───────────── variants ─────────────

export interface ProductVariantsCreateInput {
  productId: string;
  /** Prices in minor units of the product's currency (already parsed). */
  variants: VariantInput[];
}

/**
 * Adds variants to a product with options. Each selects one value of each option, in option
 * order; a value the option does not list yet is added to it (at its end). INVALID_VARIANT_OPTIONS
 * for a selection that does not name the options, DUPLICATE_VARIANT for one an existing or
 * another new variant has, TOO_LONG past the limits. Initial stock is logged as productCreate logs it.
 */
export function createVariants(ctx: Context, input: ProductVariantsCreateInput): Promise<CatalogEditResult> {
  return edit(ctx, input.productId, { kind: "none" }, async (tx, product) => {
    const { options } = product;
    const errors: UserErrorShape<CatalogErrorCode>[] = [];
    if (options.length === 0) {
      throw new Rollback([
        catalogError(
          "INVALID_VARIANT_OPTIONS",
          "A product without options has exactly one variant: add an option first (productOptionsCreate).",
          ["variants"],
        ),
      ]);
    }
    if (product.variants.length + input.variants.length > LIMITS.variants) {
      throw new Rollback([
        catalogError(
          "TOO_LONG",
          `A product has at most ${LIMITS.variants} variants; this one has ${product.variants.length}.`,
          ["variants"],
        ),
      ]);
    }
    /** Each option with the values it will list. */
    const grown = options.map((o) => ({ option: o, values: [...o.values] }));
    const seen = new Set(product.variants.map((v) => keyOf(v.selectedOptions)));
    for (const [i, variant] of input.variants.entries()) {
      const selected = variant.selectedOptions;
      const path = ["variants", i, "selectedOptions"];
      if (selected.length !== options.length || options.some((o, k) => selected[k]?.name !== o.name)) {
        errors.push(
          catalogError(
            "INVALID_VARIANT_OPTIONS",
            `Variant ${i} must select one value of each option, in option order (${options.map((o) => o.name).join(", ")}).`,
            path,
          ),
        );
        continue;
      }
      for (const [k, { option, values }] of grown.entries()) {
        const value = selected[k]?.value ?? "";
        if (values.includes(value)) continue;
        if (values.length >= LIMITS.optionValues) {
          errors.push(
            catalogError(
              "TOO_LONG",
              `Option "${option.name}" has ${LIMITS.optionValues} values, the most an option may have.`,
              [...path, k, "value"],
            ),
          );
        } else values.push(value);
      }
      const key = keyOf(selected);
      if (seen.has(key)) {
        errors.push(
          catalogError(
            "DUPLICATE_VARIANT",
            `Variant ${i} selects the options of an existing or an earlier new variant.`,
            path,
          ),
        );
      }
      seen.add(key);
    }
    if (errors.length) throw new Rollback(errors);

    for (const { option, values } of grown) {
      if (values.length !== option.values.length)
        await tx.productOption.update({ where: { id: option.id }, data: { values }, select: { id: true } });
    }
    const start = Math.max(-1, ...product.variants.map((v) => v.position)) + 1;
    const created = await tx.productVariant.createManyAndReturn({
      data: input.variants.map((v, i) => ({ productId: product.id, ...variantRow(v, start + i) })),
      select: { id: true, position: true, inventoryQuantity: true },
    });
    created.sort((a, b) => a.position - b.position);
    // The inventory log starts with the initial stock, as productCreate's.
    await logInitialStock(tx, ctx, created);
    await refreshDerived(tx, product.id);
    await touch(tx, product.id);
    queueEvent("inventoryChanged", product.id, { productId: product.id });
    return { createdIds: created.map((v) => v.id) };
  });
}

/**
 * Deletes variants of a product; see the module comment for what happens to carts, orders, tags
 * and pins. NOT_FOUND for an id that is not one of the product's variants, LAST_VARIANT when
 * none would be left.
 */
export async function deleteVariants(
  ctx: Context,
  input: { productId: string; variantIds: string[] },
): Promise<CatalogEditResult> {
  const ids = [...new Set(input.variantIds)];
  let carts: { id: string; emptied: boolean }[] = [];
  const result = await edit(ctx, input.productId, { kind: "delete", ids }, async (tx, product) => {
    const own = new Set(product.variants.map((v) => v.id));
    const strangers = input.variantIds.flatMap((id, i) =>
      own.has(id)
        ? []
        : [catalogError("NOT_FOUND", "This variant is not one of the product's.", ["variantIds", i])],
    );
    if (strangers.length) throw new Rollback(strangers);
    if (product.variants.length - ids.length < 1) {
      throw new Rollback([
        catalogError(
          "LAST_VARIANT",
          "A product keeps at least one variant: create its replacement first, or archive the product.",
          ["variantIds"],
        ),
      ]);
    }
    // The carts that are told: open ones (a completed or merged cart's lines go too, unannounced).
    const held = await tx.cartLine.findMany({
      where: { variantId: { in: ids }, cart: { status: { in: ["ACTIVE", "CHECKING_OUT"] } } },
      select: { cartId: true },
      distinct: ["cartId"],
    });
    // A pin of a deleted variant still on air becomes a pin of the whole product (SET NULL below),
    // without the live price that was set for that variant.
    const pins = await tx.livePinnedProduct.updateManyAndReturn({
      where: {
        variantId: { in: ids },
        unpinnedAt: null,
        liveSession: { status: { in: ["SCHEDULED", "LIVE"] } },
      },
      data: { livePrice: null },
      select: { id: true, liveSessionId: true, quantityCap: true },
    });
    await tx.productVariant.deleteMany({ where: { id: { in: ids }, productId: product.id } });
    await refreshDerived(tx, product.id);
    await touch(tx, product.id);
    queueEvent("inventoryChanged", product.id, { productId: product.id });
    for (const pin of pins) {
      const snapshot: LivePinSnapshot = {
        id: pin.id,
        productId: product.id,
        variantId: null,
        livePrice: null,
        currencyCode: product.currencyCode,
        quantityCap: pin.quantityCap,
        shopId: product.shopId,
        productStatus: product.status,
        productHidden: product.hiddenAt !== null,
      };
      queueEvent(
        "liveSessionEvents",
        pin.liveSessionId,
        liveEvent("PRICE_CHANGED", pin.liveSessionId, { pin: snapshot }),
      );
    }
    const left = new Set(
      held.length
        ? (
            await tx.cartLine.findMany({
              where: { cartId: { in: held.map((c) => c.cartId) } },
              select: { cartId: true },
              distinct: ["cartId"],
            })
          ).map((l) => l.cartId)
        : [],
    );
    carts = held.map((c) => ({ id: c.cartId, emptied: !left.has(c.cartId) }));
    return { deletedIds: ids };
  });
  if (result.productId === null || carts.length === 0) return result;
  try {
    // After the commit, each cart under its own lock as cartLinesRemove does it (the cart row
    // first): an edit holding the variants and the product never waits on a cart.
    for (const cart of carts.filter((c) => c.emptied)) await forgetCurrencyWhenEmpty(ctx, cart.id);
  } finally {
    for (const cart of carts) ctx.events.publish("cartUpdated", cart.id, { cartId: cart.id });
  }
  return result;
}

/** An ACTIVE cart with no lines forgets its currency, so any shop's products may be added again. */
async function forgetCurrencyWhenEmpty(ctx: Context, cartId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const [cart] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "Cart"
      WHERE "id" = ${cartId}::uuid AND "status" = 'ACTIVE' AND "currencyCode" IS NOT NULL FOR UPDATE`;
    if (cart && (await tx.cartLine.count({ where: { cartId } })) === 0)
      await tx.cart.update({ where: { id: cartId }, data: { currencyCode: null }, select: { id: true } });
  });
}

// ───────────── options ─────────────

/** The userErrors of option names and values: blank and long ones are refused by the input's parsing. */
function optionListErrors(
  existing: string[],
  options: OptionInput[],
  path: Path,
): UserErrorShape<CatalogErrorCode>[] {
  const errors: UserErrorShape<CatalogErrorCode>[] = [];
  const names = new Set(existing);
  for (const [i, option] of options.entries()) {
    if (names.has(option.name)) {
      errors.push(
        catalogError("DUPLICATE_OPTION_VALUE", `The product already has an option "${option.name}".`, [
          ...path,
          i,
          "name",
        ]),
      );
    }
    names.add(option.name);
    if (new Set(option.values).size !== option.values.length) {
      errors.push(
        catalogError("DUPLICATE_OPTION_VALUE", `Option "${option.name}" lists a value twice.`, [
          ...path,
          i,
          "values",
        ]),
      );
    }
  }
  return errors;
}

/**
 * Adds options to a product that has variants: every variant selects each new option's first
 * value (Shopify's default), so they stay distinct. DUPLICATE_OPTION_VALUE for a name the product
 * has or a value listed twice, TOO_LONG past CATALOG_LIMITS.options.
 */
export function createOptions(
  ctx: Context,
  input: { productId: string; options: OptionInput[] },
): Promise<CatalogEditResult> {
  return edit(ctx, input.productId, { kind: "all" }, async (tx, product) => {
    const errors = optionListErrors(
      product.options.map((o) => o.name),
      input.options,
      ["options"],
    );
    if (product.options.length + input.options.length > LIMITS.options) {
      errors.push(
        catalogError(
          "TOO_LONG",
          `A product has at most ${LIMITS.options} options; this one has ${product.options.length}.`,
          ["options"],
        ),
      );
    }
    if (errors.length) throw new Rollback(errors);
    const start = product.options.length;
    for (const [i, option] of input.options.entries()) {
      await tx.productOption.create({
        data: { productId: product.id, name: option.name, values: option.values, position: start + i },
        select: { id: true },
      });
    }
    // Positions 0..n-1 for the options that were there (a product created with gaps keeps its order).
    await renumber(tx, product.options);
    const added = input.options.map((o) => ({ name: o.name, value: o.values[0] ?? "" }));
    await writeSelections(
      tx,
      product.variants,
      new Map(product.variants.map((v) => [v.id, [...v.selectedOptions, ...added]])),
    );
    await touch(tx, product.id);
    return {};
  });
}

/** Gives options the positions 0..n-1 in their order, writing only those that move. */
async function renumber(tx: Tx, options: OptionRow[]): Promise<void> {
  for (const [position, option] of options.entries()) {
    if (option.position !== position)
      await tx.productOption.update({ where: { id: option.id }, data: { position }, select: { id: true } });
  }
}

export interface ProductOptionUpdateInput {
  productId: string;
  optionId: string;
  name?: string | undefined;
  /** The option's new place among the product's options, from 0. */
  position?: number | undefined;
  /**
   * The option's values, all of them in their new order: `currentName` renames that value (in
   * every variant's selection and title); without it `name` is a value kept, or a new one. A
   * value left out is removed (OPTION_VALUE_IN_USE while a variant selects it).
   */
  values?: { name: string; currentName?: string | undefined }[] | undefined;
}

/**
 * Renames an option, moves it among the product's options, and renames, reorders, adds or
 * removes its values; variants follow (their selections in the new option order, their values
 * renamed, their titles). NOT_FOUND for an option of another product or a `currentName` the
 * option does not have, DUPLICATE_OPTION_VALUE for a name taken or a value named twice,
 * OPTION_VALUE_IN_USE, GREATER_THAN_MAXIMUM for a position past the last.
 */
export function updateOption(ctx: Context, input: ProductOptionUpdateInput): Promise<CatalogEditResult> {
  return edit(ctx, input.productId, { kind: "all" }, async (tx, product) => {
    const option = product.options.find((o) => o.id === input.optionId);
    if (!option)
      throw new Rollback([
        catalogError("NOT_FOUND", "This option is not one of the product's.", ["optionId"]),
      ]);
    const errors: UserErrorShape<CatalogErrorCode>[] = [];
    const name = input.name ?? option.name;
    if (name !== option.name && product.options.some((o) => o.name === name)) {
      errors.push(
        catalogError("DUPLICATE_OPTION_VALUE", `The product already has an option "${name}".`, ["name"]),
      );
    }
    if (input.position !== undefined && input.position > product.options.length - 1) {
      errors.push(
        catalogError(
          "GREATER_THAN_MAXIMUM",
          `The product has ${product.options.length} options: positions go from 0 to ${product.options.length - 1}.`,
          ["position"],
        ),
      );
    }
    /** Current value → its new name. */
    const renamed = new Map<string, string>();
    let values = option.values;
    if (input.values) {
      const named = new Map<string, number>();
      const next: string[] = [];
      for (const [i, entry] of input.values.entries()) {
        if (entry.currentName !== undefined && !option.values.includes(entry.currentName)) {
          errors.push(
            catalogError("NOT_FOUND", `Option "${option.name}" has no value "${entry.currentName}".`, [
              "values",
              i,
              "currentName",
            ]),
          );
          continue;
        }
        const from = entry.currentName ?? (option.values.includes(entry.name) ? entry.name : null);
        if (from !== null) {
          if (named.has(from)) {
            errors.push(
              catalogError(
                "DUPLICATE_OPTION_VALUE",
                `The value "${from}" is named by entries ${named.get(from)} and ${i}.`,
                ["values", i],
              ),
            );
          }
          named.set(from, i);
          renamed.set(from, entry.name);
        }
        if (next.includes(entry.name)) {
          errors.push(
            catalogError("DUPLICATE_OPTION_VALUE", `The option would list "${entry.name}" twice.`, [
              "values",
              i,
              "name",
            ]),
          );
        }
        next.push(entry.name);
      }
      const k = product.options.indexOf(option);
      for (const value of option.values) {
        if (named.has(value)) continue;
        const users = product.variants.filter((v) => v.selectedOptions[k]?.value === value).length;
        if (users) {
          errors.push(
            catalogError(
              "OPTION_VALUE_IN_USE",
              `${users} variant${users === 1 ? " selects" : "s select"} "${value}": delete ${users === 1 ? "it" : "them"} before removing the value, or rename it.`,
              ["values"],
            ),
          );
        }
      }
      values = next;
    }
    if (errors.length) throw new Rollback(errors);

    // The options in their new order, this one renamed and with its new values.
    const others = product.options.filter((o) => o !== option);
    const updated = { ...option, name, values };
    const order = [...others];
    order.splice(input.position ?? product.options.indexOf(option), 0, updated);
    await tx.productOption.update({
      where: { id: option.id },
      data: { name, values, position: order.indexOf(updated) },
      select: { id: true },
    });
    await renumber(
      tx,
      order.map((o) => (o === updated ? { ...o, position: order.indexOf(o) } : o)),
    );
    const next = new Map<string, Selected>();
    for (const variant of product.variants) {
      const byName = new Map(variant.selectedOptions.map((s) => [s.name, s.value]));
      next.set(
        variant.id,
        order.map((o) => {
          const value = byName.get(o === updated ? option.name : o.name) ?? "";
          return { name: o.name, value: o === updated ? (renamed.get(value) ?? value) : value };
        }),
      );
    }
    await writeSelections(tx, product.variants, next);
    await touch(tx, product.id);
    return {};
  });
}

/**
 * Deletes options: each variant drops its value of them. Refused with DUPLICATE_VARIANT (nothing
 * written) when two variants would then select the same values, NOT_FOUND for an option of
 * another product.
 */
export function deleteOptions(
  ctx: Context,
  input: { productId: string; optionIds: string[] },
): Promise<CatalogEditResult> {
  return edit(ctx, input.productId, { kind: "all" }, async (tx, product) => {
    const own = new Set(product.options.map((o) => o.id));
    const strangers = input.optionIds.flatMap((id, i) =>
      own.has(id)
        ? []
        : [catalogError("NOT_FOUND", "This option is not one of the product's.", ["optionIds", i])],
    );
    if (strangers.length) throw new Rollback(strangers);
    const doomed = new Set(input.optionIds);
    const kept = product.options.filter((o) => !doomed.has(o.id));
    const keptNames = new Set(kept.map((o) => o.name));
    const next = new Map(
      product.variants.map((v) => [v.id, v.selectedOptions.filter((s) => keptNames.has(s.name))]),
    );
    const same = duplicateOf(product.variants, next);
    if (same) {
      const [a, b] = same;
      throw new Rollback([
        catalogError(
          "DUPLICATE_VARIANT",
          `Without ${doomed.size === 1 ? "this option" : "these options"}, variants "${a.title}" and "${b.title}" would be the same: delete one of them first.`,
          ["optionIds"],
        ),
      ]);
    }
    await tx.productOption.deleteMany({ where: { id: { in: [...doomed] }, productId: product.id } });
    await renumber(tx, kept);
    await writeSelections(tx, product.variants, next);
    await touch(tx, product.id);
    return { deletedIds: [...new Set(input.optionIds)] };
  });
}
