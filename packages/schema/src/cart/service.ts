/**
 * Cart rules and writes. Every change is one transaction that starts by claiming the cart
 * row with a conditional UPDATE (`status = ACTIVE AND expiresAt > now`, pushing `expiresAt`
 * 30 days on): it serialises concurrent changes of one cart, refuses expired, merged,
 * completed or checking-out carts atomically, and keeps the cart alive while it is used.
 */
import { recordTagAddToCart } from "../content/engagement.ts";
import type { Context } from "../context.ts";
import { Prisma as P, type Prisma } from "@shoppable/db/client";
import { addressOf, type MailingAddressShape } from "../delivery/address-rules.ts";
import { cartDeliveryGroupsIn, selectionsOf } from "../delivery/shipping-service.ts";
import {
  assertCartHolder,
  canManageShop,
  visibleLiveSessionWhere,
  visiblePostWhere,
} from "../shared/access.ts";
import { forbidden, isForeignKeyViolation, isUniqueViolation } from "../shared/errors.ts";
import { queueEvent } from "../shared/events.ts";
import { userError } from "../shared/user-error.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { inTransaction, Rollback } from "../shared/transaction.ts";
import { cartExpiry } from "./access.ts";
import { CART_LIMITS } from "./limits.ts";
import { loadPricedCart } from "./load.ts";
import { cartError, type CartUserErrorShape } from "./errors.ts";

type Tx = Prisma.TransactionClient;

export interface AttributionInput {
  postId?: string | null | undefined;
  productTagId?: string | null | undefined;
  affiliateCode?: string | null | undefined;
  affiliateClickId?: string | null | undefined;
  liveSessionId?: string | null | undefined;
}

export interface CartLineInput {
  variantId: string;
  quantity: number;
  attribution?: AttributionInput | null | undefined;
}

/** A validated line to add: ids resolved, attribution checked. */
interface ResolvedLine {
  index: number;
  variantId: string;
  productId: string;
  currencyCode: string;
  inventoryQuantity: number;
  quantity: number;
  postId: string | null;
  productTagId: string | null;
  affiliateLinkId: string | null;
  affiliateClickId: string | null;
  liveSessionId: string | null;
  attributionKey: string;
}

/** The one-string form of a line's attribution, for "same variant, same attribution" merges. */
export function attributionKey(a: {
  postId: string | null;
  productTagId: string | null;
  affiliateLinkId: string | null;
  liveSessionId: string | null;
}): string {
  return [a.postId, a.productTagId, a.affiliateLinkId, a.liveSessionId].map((v) => v ?? "").join("|");
}

interface CartState {
  status: string;
  expiresAt: Date;
}

/** The userError for a cart that does not take changes, or null when it does. */
function stateError(cart: CartState | null, now: Date): CartUserErrorShape | null {
  if (!cart) return cartError("NOT_FOUND", "No cart has this id.", ["cartId"]);
  if (cart.status === "MERGED")
    return cartError(
      "CART_MERGED",
      "The cart's lines moved into its buyer's cart at sign-in; use that cart.",
      ["cartId"],
    );
  if (cart.status === "COMPLETED")
    return cartError("CART_COMPLETED", "The cart was checked out; create a new one.", ["cartId"]);
  if (cart.status === "CHECKING_OUT")
    return cartError("CHECKOUT_IN_PROGRESS", "A checkout of this cart is under way.", ["cartId"]);
  if (cart.expiresAt <= now)
    return cartError("CART_EXPIRED", "The cart expired after 30 days without changes; create a new one.", [
      "cartId",
    ]);
  return null;
}

/**
 * Loads a cart the caller is about to change: NOT_FOUND, CART_* and CHECKOUT_IN_PROGRESS as
 * userErrors, FORBIDDEN (thrown) when it belongs to another user.
 */
async function cartForChange(ctx: Context, cartId: string, now: Date) {
  const cart = await ctx.db.cart.findUnique({
    where: { id: cartId },
    select: {
      id: true,
      userId: true,
      status: true,
      expiresAt: true,
      currencyCode: true,
      email: true,
      countryCode: true,
      discountCodes: true,
      deliveryAddress: true,
      deliverySelections: true,
    },
  });
  if (cart) assertCartHolder(ctx, cart);
  const error = stateError(cart, now);
  return error ? { ok: false as const, error } : { ok: true as const, cart: cart! };
}

/**
 * Claims the cart row for this transaction (see the module comment) and queues its
 * `cartUpdated` event; throws Rollback when it no longer takes changes.
 */
async function claimCart(
  tx: Tx,
  cartId: string,
  now: Date,
  data: Prisma.CartUncheckedUpdateManyInput = {},
): Promise<void> {
  const claimed = await tx.cart.updateMany({
    where: { id: cartId, status: "ACTIVE", expiresAt: { gt: now } },
    data: { ...data, expiresAt: cartExpiry(now) },
  });
  if (claimed.count === 1) {
    queueEvent("cartUpdated", cartId, { cartId });
    return;
  }
  const cart = await tx.cart.findUnique({ where: { id: cartId }, select: { status: true, expiresAt: true } });
  throw new Rollback([
    stateError(cart, now) ??
      cartError("CHECKOUT_IN_PROGRESS", "The cart changed meanwhile; retry.", ["cartId"]),
  ]);
}

/**
 * Validates lines to add: the variant exists and its product is ACTIVE; the attribution's
 * post exists and is visible to the caller, its product tag is on that post and tags the
 * line's product (a tag alone implies its post), its live session exists, its affiliate code
 * names an enabled link of the product's shop, and so does its affiliate click's link (the
 * code's link wins when both are given). Six statements at most, whatever the count.
 */
async function resolveLines(ctx: Context, lines: CartLineInput[], path: (string | number)[]) {
  const errors: CartUserErrorShape[] = [];
  const at = (i: number, ...rest: string[]) => [...path, i, ...rest];
  const ids = <K extends keyof AttributionInput>(key: K) => [
    ...new Set(lines.map((l) => l.attribution?.[key]).filter((v): v is string => !!v)),
  ];

  // No lines (an empty cartCreate): no statement.
  const variants = new Map(
    (lines.length
      ? await ctx.db.productVariant.findMany({
          where: { id: { in: [...new Set(lines.map((l) => l.variantId))] } },
          select: {
            id: true,
            productId: true,
            inventoryQuantity: true,
            product: { select: { status: true, hiddenAt: true, shopId: true, currencyCode: true } },
          },
        })
      : []
    ).map((v) => [v.id, v]),
  );
  const tagIds = ids("productTagId");
  const tags = new Map(
    tagIds.length
      ? (
          await ctx.db.productTag.findMany({
            where: { id: { in: tagIds } },
            select: { id: true, postId: true, productId: true },
          })
        ).map((t) => [t.id, t])
      : [],
  );
  const postIds = [...new Set([...ids("postId"), ...[...tags.values()].map((t) => t.postId)])];
  const posts = new Set(
    postIds.length
      ? (
          await ctx.db.post.findMany({
            where: { AND: [{ id: { in: postIds } }, visiblePostWhere(ctx)] },
            select: { id: true },
          })
        ).map((p) => p.id)
      : [],
  );
  const sessionIds = ids("liveSessionId");
  const sessions = new Set(
    sessionIds.length
      ? (
          await ctx.db.liveSession.findMany({
            where: { id: { in: sessionIds }, AND: [visibleLiveSessionWhere(ctx)] },
            select: { id: true },
          })
        ).map((s) => s.id)
      : [],
  );
  const codes = ids("affiliateCode");
  const links = new Map(
    codes.length
      ? (
          await ctx.db.affiliateLink.findMany({
            where: { code: { in: codes } },
            select: { id: true, code: true, shopId: true, disabledAt: true },
          })
        ).map((l) => [l.code, l])
      : [],
  );
  const clickIds = ids("affiliateClickId");
  const clicks = new Map(
    clickIds.length
      ? (
          await ctx.db.affiliateClick.findMany({
            where: { id: { in: clickIds } },
            select: { id: true, link: { select: { id: true, shopId: true, disabledAt: true } } },
          })
        ).map((c) => [c.id, c.link])
      : [],
  );

  const resolved: ResolvedLine[] = [];
  for (const [i, line] of lines.entries()) {
    const variant = variants.get(line.variantId);
    if (!variant) {
      errors.push(cartError("NOT_FOUND", "No product variant has this id.", at(i, "variantId")));
      continue;
    }
    if (variant.product.status !== "ACTIVE" || variant.product.hiddenAt !== null) {
      errors.push(cartError("PRODUCT_UNAVAILABLE", "The product is not for sale.", at(i, "variantId")));
      continue;
    }
    const a = line.attribution ?? {};
    let postId = a.postId ?? null;
    const before = errors.length;
    if (a.productTagId) {
      const tag = tags.get(a.productTagId);
      if (!tag)
        errors.push(
          cartError("NOT_FOUND", "No product tag has this id.", at(i, "attribution", "productTagId")),
        );
      else if (postId !== null && tag.postId !== postId) {
        errors.push(
          cartError(
            "ATTRIBUTION_MISMATCH",
            "The product tag is not on this post.",
            at(i, "attribution", "productTagId"),
          ),
        );
      } else if (tag.productId !== variant.productId) {
        errors.push(
          cartError(
            "ATTRIBUTION_MISMATCH",
            "The product tag tags another product.",
            at(i, "attribution", "productTagId"),
          ),
        );
      } else postId = tag.postId;
    }
    if (postId !== null && errors.length === before && !posts.has(postId)) {
      errors.push(
        cartError(
          "NOT_FOUND",
          "No post you can see has this id.",
          at(i, "attribution", a.postId ? "postId" : "productTagId"),
        ),
      );
    }
    if (a.liveSessionId && !sessions.has(a.liveSessionId)) {
      errors.push(
        cartError("NOT_FOUND", "No live session has this id.", at(i, "attribution", "liveSessionId")),
      );
    }
    let affiliateLinkId: string | null = null;
    if (a.affiliateCode) {
      const link = links.get(a.affiliateCode);
      if (!link)
        errors.push(
          cartError("NOT_FOUND", "No affiliate link has this code.", at(i, "attribution", "affiliateCode")),
        );
      else if (link.disabledAt)
        errors.push(
          cartError(
            "AFFILIATE_LINK_INACTIVE",
            "The affiliate link is disabled.",
            at(i, "attribution", "affiliateCode"),
          ),
        );
      else if (link.shopId !== variant.product.shopId) {
        errors.push(
          cartError(
            "ATTRIBUTION_MISMATCH",
            "The affiliate link is for another shop.",
            at(i, "attribution", "affiliateCode"),
          ),
        );
      } else affiliateLinkId = link.id;
    }
    let affiliateClickId: string | null = null;
    if (a.affiliateClickId) {
      const link = clicks.get(a.affiliateClickId);
      if (!link)
        errors.push(
          cartError("NOT_FOUND", "No affiliate click has this id.", at(i, "attribution", "affiliateClickId")),
        );
      else if (link.disabledAt)
        errors.push(
          cartError(
            "AFFILIATE_LINK_INACTIVE",
            "The affiliate click's link is disabled.",
            at(i, "attribution", "affiliateClickId"),
          ),
        );
      else if (link.shopId !== variant.product.shopId) {
        errors.push(
          cartError(
            "ATTRIBUTION_MISMATCH",
            "The affiliate click's link is for another shop.",
            at(i, "attribution", "affiliateClickId"),
          ),
        );
      } else {
        affiliateClickId = a.affiliateClickId;
        affiliateLinkId ??= link.id;
      }
    }
    if (errors.length > before) continue;
    const attribution = {
      postId,
      productTagId: a.productTagId ?? null,
      affiliateLinkId,
      liveSessionId: a.liveSessionId ?? null,
    };
    resolved.push({
      index: i,
      variantId: variant.id,
      productId: variant.productId,
      currencyCode: variant.product.currencyCode,
      inventoryQuantity: variant.inventoryQuantity,
      quantity: line.quantity,
      ...attribution,
      affiliateClickId,
      attributionKey: attributionKey(attribution),
    });
  }
  return { errors, resolved };
}

/** CURRENCY_MISMATCH for lines priced in another currency than `currency` (or than the first line). */
function currencyErrors(lines: ResolvedLine[], currency: string | null, path: (string | number)[]) {
  const expected = currency ?? lines[0]?.currencyCode ?? null;
  const errors = lines
    .filter((l) => l.currencyCode !== expected)
    .map((l) =>
      cartError(
        "CURRENCY_MISMATCH",
        `The product is priced in ${l.currencyCode}; the cart is in ${expected}.`,
        [...path, l.index, "variantId"],
      ),
    );
  return { currency: expected, errors };
}

/**
 * Adds resolved lines to a claimed cart: the same variant with the same attribution adds to
 * the existing line. Then checks, for the variants touched, the cart's quantity against stock
 * (OUT_OF_STOCK with quantityAvailable), the per-line maximum and the line count, and counts
 * add-to-carts through product tags.
 */
async function addResolvedLines(
  tx: Tx,
  cartId: string,
  lines: ResolvedLine[],
  path: (string | number)[],
): Promise<void> {
  const errors: CartUserErrorShape[] = [];
  for (const line of lines) {
    const saved = await tx.cartLine.upsert({
      where: {
        cartId_variantId_attributionKey: {
          cartId,
          variantId: line.variantId,
          attributionKey: line.attributionKey,
        },
      },
      create: {
        cartId,
        variantId: line.variantId,
        quantity: line.quantity,
        postId: line.postId,
        productTagId: line.productTagId,
        affiliateLinkId: line.affiliateLinkId,
        affiliateClickId: line.affiliateClickId,
        liveSessionId: line.liveSessionId,
        attributionKey: line.attributionKey,
      },
      update: { quantity: { increment: line.quantity } },
      select: { quantity: true },
    });
    if (saved.quantity > CART_LIMITS.quantity) {
      errors.push(
        cartError("GREATER_THAN_MAXIMUM", `A line holds at most ${CART_LIMITS.quantity} units.`, [
          ...path,
          line.index,
          "quantity",
        ]),
      );
    }
    if (line.productTagId) await recordTagAddToCart(tx, line.productTagId);
  }
  // One read of the cart's lines answers both checks: the units of each variant against its
  // stock, and the number of lines (at most CART_LIMITS.lines plus the ones just added).
  const held = await tx.cartLine.findMany({ where: { cartId }, select: { variantId: true, quantity: true } });
  const units = new Map<string, number>();
  for (const row of held) units.set(row.variantId, (units.get(row.variantId) ?? 0) + row.quantity);
  const checked = new Set<string>();
  for (const line of lines) {
    if (checked.has(line.variantId)) continue;
    checked.add(line.variantId);
    const wanted = units.get(line.variantId) ?? 0;
    if (wanted > line.inventoryQuantity) {
      const available = Math.max(0, line.inventoryQuantity);
      errors.push(
        cartError(
          "OUT_OF_STOCK",
          `Only ${available} of this variant can be bought; the cart would hold ${wanted}.`,
          [...path, line.index, "quantity"],
          {
            quantityAvailable: available,
          },
        ),
      );
    }
  }
  if (held.length > CART_LIMITS.lines)
    errors.push(cartError("TOO_MANY_LINES", `A cart holds at most ${CART_LIMITS.lines} lines.`, [...path]));
  if (errors.length) throw new Rollback(errors);
}

export interface CartCreateInput {
  lines: CartLineInput[];
  email?: string | null | undefined;
  countryCode?: string | null | undefined;
  discountCodes: string[];
}

/** Creates a cart, owned by the caller's user when a user token is sent, else anonymous. */
export async function createCart(ctx: Context, input: CartCreateInput): Promise<PayloadShape> {
  const now = new Date();
  const { errors, resolved } = await resolveLines(ctx, input.lines, ["lines"]);
  const currency = currencyErrors(resolved, null, ["lines"]);
  if (errors.length || currency.errors.length) return failed([...errors, ...currency.errors]);
  return variantsGoneMeanwhile(ctx, input.lines, () =>
    inTransaction(ctx, async (tx) => {
      const cart = await tx.cart.create({
        data: {
          userId: ctx.user?.id ?? null,
          email: input.email ?? null,
          countryCode: input.countryCode ?? null,
          discountCodes: input.discountCodes,
          currencyCode: currency.currency,
          expiresAt: cartExpiry(now),
        },
        select: { id: true },
      });
      if (resolved.length) await addResolvedLines(tx, cart.id, resolved, ["lines"]);
      return succeeded(cart.id);
    }),
  );
}

/** Adds lines to a cart; see `addResolvedLines` for merging and the checks. */
export async function addLines(
  ctx: Context,
  input: { cartId: string; lines: CartLineInput[] },
): Promise<PayloadShape> {
  const now = new Date();
  const found = await cartForChange(ctx, input.cartId, now);
  if (!found.ok) return failed([found.error]);
  const { errors, resolved } = await resolveLines(ctx, input.lines, ["lines"]);
  const currency = currencyErrors(resolved, found.cart.currencyCode, ["lines"]);
  if (errors.length || currency.errors.length) return failed([...errors, ...currency.errors]);
  return variantsGoneMeanwhile(ctx, input.lines, () =>
    inTransaction(ctx, async (tx) => {
      await claimCart(
        tx,
        input.cartId,
        now,
        found.cart.currencyCode === null ? { currencyCode: currency.currency } : {},
      );
      await addResolvedLines(tx, input.cartId, resolved, ["lines"]);
      return succeeded(input.cartId);
    }),
  );
}

/**
 * Runs an add of `lines`; when a variant was deleted by its merchant after the lines were
 * checked (productVariantsDelete: the new line's foreign key fails, and the transaction rolled
 * back), answers NOT_FOUND on that line, as when it was gone before.
 */
async function variantsGoneMeanwhile(
  ctx: Context,
  lines: CartLineInput[],
  add: () => Promise<PayloadShape>,
): Promise<PayloadShape> {
  try {
    return await add();
  } catch (error) {
    if (!isForeignKeyViolation(error, "variantId")) throw error;
    const { errors } = await resolveLines(ctx, lines, ["lines"]);
    return failed(
      errors.length ? errors : [cartError("NOT_FOUND", "No product variant has this id.", ["lines"])],
    );
  }
}

/** Forgets the cart's currency once its last line is gone, so any shop's products may be added again. */
async function clearCurrencyWhenEmpty(tx: Tx, cartId: string): Promise<void> {
  if ((await tx.cartLine.count({ where: { cartId } })) === 0)
    await tx.cart.update({ where: { id: cartId }, data: { currencyCode: null }, select: { id: true } });
}

/**
 * Sets line quantities (0 removes the line). A quantity raised above the variant's stock,
 * counting the cart's other lines of it, fails with OUT_OF_STOCK; lowering always works.
 */
export async function updateLines(
  ctx: Context,
  input: { cartId: string; lines: { id: string; quantity: number }[] },
): Promise<PayloadShape> {
  const now = new Date();
  const found = await cartForChange(ctx, input.cartId, now);
  if (!found.ok) return failed([found.error]);
  return inTransaction(ctx, async (tx) => {
    await claimCart(tx, input.cartId, now);
    const existing = new Map(
      (
        await tx.cartLine.findMany({
          where: { cartId: input.cartId },
          select: {
            id: true,
            variantId: true,
            quantity: true,
            variant: { select: { inventoryQuantity: true } },
          },
        })
      ).map((l) => [l.id, l]),
    );
    const errors: CartUserErrorShape[] = [];
    for (const [i, change] of input.lines.entries()) {
      if (!existing.has(change.id))
        errors.push(cartError("NOT_FOUND", "The cart has no line with this id.", ["lines", i, "id"]));
    }
    if (errors.length) throw new Rollback(errors);
    const after = new Map([...existing].map(([id, l]) => [id, l.quantity]));
    for (const change of input.lines) after.set(change.id, change.quantity);
    for (const [i, change] of input.lines.entries()) {
      const line = existing.get(change.id)!;
      if (change.quantity <= line.quantity) continue;
      const wanted = [...existing.values()]
        .filter((l) => l.variantId === line.variantId)
        .reduce((sum, l) => sum + after.get(l.id)!, 0);
      if (wanted > line.variant.inventoryQuantity) {
        const available = Math.max(0, line.variant.inventoryQuantity);
        errors.push(
          cartError(
            "OUT_OF_STOCK",
            `Only ${available} of this variant can be bought; the cart would hold ${wanted}.`,
            ["lines", i, "quantity"],
            {
              quantityAvailable: available,
            },
          ),
        );
      }
    }
    if (errors.length) throw new Rollback(errors);
    const removed = input.lines.filter((c) => c.quantity === 0).map((c) => c.id);
    if (removed.length)
      await tx.cartLine.deleteMany({ where: { id: { in: removed }, cartId: input.cartId } });
    for (const change of input.lines) {
      // updateMany: a line its variant's deletion removed meanwhile (productVariantsDelete) stays gone.
      if (change.quantity > 0)
        await tx.cartLine.updateMany({
          where: { id: change.id, cartId: input.cartId },
          data: { quantity: change.quantity },
        });
    }
    if (removed.length) await clearCurrencyWhenEmpty(tx, input.cartId);
    return succeeded(input.cartId);
  });
}

/** Removes lines; NOT_FOUND (nothing removed) when one is not the cart's. */
export async function removeLines(
  ctx: Context,
  input: { cartId: string; lineIds: string[] },
): Promise<PayloadShape> {
  const now = new Date();
  const found = await cartForChange(ctx, input.cartId, now);
  if (!found.ok) return failed([found.error]);
  return inTransaction(ctx, async (tx) => {
    await claimCart(tx, input.cartId, now);
    const own = new Set(
      (
        await tx.cartLine.findMany({
          where: { cartId: input.cartId, id: { in: input.lineIds } },
          select: { id: true },
        })
      ).map((l) => l.id),
    );
    const errors = input.lineIds.flatMap((id, i) =>
      own.has(id) ? [] : [cartError("NOT_FOUND", "The cart has no line with this id.", ["lineIds", i])],
    );
    if (errors.length) throw new Rollback(errors);
    await tx.cartLine.deleteMany({ where: { cartId: input.cartId, id: { in: input.lineIds } } });
    await clearCurrencyWhenEmpty(tx, input.cartId);
    return succeeded(input.cartId);
  });
}

/**
 * Replaces the cart's discount codes (upper case, deduplicated). Codes are not refused here:
 * `Cart.discountCodes` tells which apply and why others do not; checkout refuses a code that
 * matches a shop in the cart but no longer applies.
 */
export async function updateDiscountCodes(
  ctx: Context,
  input: { cartId: string; discountCodes: string[] },
): Promise<PayloadShape> {
  const now = new Date();
  const found = await cartForChange(ctx, input.cartId, now);
  if (!found.ok) return failed([found.error]);
  return inTransaction(ctx, async (tx) => {
    await claimCart(tx, input.cartId, now, { discountCodes: input.discountCodes });
    return succeeded(input.cartId);
  });
}

export interface BuyerIdentityInput {
  cartId: string;
  /** undefined keeps, null clears. */
  email?: string | null | undefined;
  countryCode?: string | null | undefined;
}

/**
 * Sets the buyer's email and country. Called with a user token on an anonymous cart, it is
 * the sign-in: the cart's lines merge into the user's most recently changed active cart (same
 * variant and attribution add up, capped at the line maximum; discount codes are united; the
 * anonymous cart becomes MERGED and unreadable) and the payload returns that cart. When the
 * user has no active cart, it is in another currency, or the two together would hold more than
 * the line maximum, the anonymous cart becomes theirs.
 */
export async function updateBuyerIdentity(ctx: Context, input: BuyerIdentityInput): Promise<PayloadShape> {
  const now = new Date();
  const found = await cartForChange(ctx, input.cartId, now);
  if (!found.ok) return failed([found.error]);
  const cart = found.cart;
  const identity: Prisma.CartUncheckedUpdateManyInput = {
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.countryCode !== undefined ? { countryCode: input.countryCode } : {}),
  };
  const user = ctx.user;
  if (!user || cart.userId !== null) {
    return inTransaction(ctx, async (tx) => {
      await claimCart(tx, cart.id, now, identity);
      return succeeded(cart.id);
    });
  }
  const target = await ctx.db.cart.findFirst({
    where: { userId: user.id, status: "ACTIVE", expiresAt: { gt: now }, id: { not: cart.id } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      currencyCode: true,
      email: true,
      countryCode: true,
      discountCodes: true,
      deliveryAddress: true,
      deliverySelections: true,
    },
  });
  const mergeable =
    target &&
    (target.currencyCode === null || cart.currencyCode === null || target.currencyCode === cart.currencyCode);
  if (!target || !mergeable) {
    return inTransaction(ctx, async (tx) => {
      await claimCart(tx, cart.id, now, { ...identity, userId: user.id });
      return succeeded(cart.id);
    });
  }
  return inTransaction(ctx, async (tx) => {
    // Lock both carts in id order so two merges never wait on each other in a cycle.
    for (const id of [cart.id, target.id].sort()) await claimCart(tx, id, now);
    const moving = await tx.cartLine.findMany({
      where: { cartId: cart.id },
      select: { id: true, variantId: true, attributionKey: true, quantity: true },
    });
    const staying = new Map(
      (
        await tx.cartLine.findMany({
          where: { cartId: target.id, variantId: { in: moving.map((l) => l.variantId) } },
          select: { id: true, variantId: true, attributionKey: true, quantity: true },
        })
      ).map((l) => [`${l.variantId}/${l.attributionKey}`, l]),
    );
    // Together over the line maximum: the anonymous cart becomes the user's instead, and the
    // user's other cart stays as it was (nothing is dropped, no cart exceeds the maximum).
    const added = moving.filter((l) => !staying.has(`${l.variantId}/${l.attributionKey}`)).length;
    if ((await tx.cartLine.count({ where: { cartId: target.id } })) + added > CART_LIMITS.lines) {
      await tx.cart.update({
        where: { id: cart.id },
        data: { ...identity, userId: user.id },
        select: { id: true },
      });
      return succeeded(cart.id);
    }
    // updateMany and deleteMany: a line whose variant was deleted meanwhile (productVariantsDelete) stays gone.
    for (const line of moving) {
      const same = staying.get(`${line.variantId}/${line.attributionKey}`);
      if (same) {
        await tx.cartLine.updateMany({
          where: { id: same.id },
          data: { quantity: Math.min(CART_LIMITS.quantity, same.quantity + line.quantity) },
        });
        await tx.cartLine.deleteMany({ where: { id: line.id } });
      } else {
        await tx.cartLine.updateMany({ where: { id: line.id }, data: { cartId: target.id } });
      }
    }
    await tx.cart.update({
      where: { id: target.id },
      data: {
        currencyCode: target.currencyCode ?? cart.currencyCode,
        discountCodes: [...new Set([...target.discountCodes, ...cart.discountCodes])].slice(
          0,
          CART_LIMITS.discountCodes,
        ),
        email: input.email !== undefined ? input.email : (target.email ?? cart.email),
        countryCode:
          input.countryCode !== undefined ? input.countryCode : (target.countryCode ?? cart.countryCode),
        // The address entered before signing in is the newest choice; else the user's cart keeps its own.
        deliveryAddress: (cart.deliveryAddress ??
          target.deliveryAddress ??
          P.DbNull) as Prisma.InputJsonValue,
        // Per shop, likewise: the anonymous cart's delivery options over the user's cart's.
        deliverySelections: {
          ...selectionsOf(target.deliverySelections),
          ...selectionsOf(cart.deliverySelections),
        },
      },
      select: { id: true },
    });
    await tx.cart.update({
      where: { id: cart.id },
      data: { status: "MERGED", userId: user.id },
      select: { id: true },
    });
    return succeeded(target.id);
  });
}

// ───────────── delivery address ─────────────

export interface DeliveryAddressInput {
  cartId: string;
  /** A validated address given inline. */
  address: MailingAddressShape | null;
  /** Or one of the caller's saved addresses (copied: later edits to it do not move the cart). */
  addressId: string | null;
}

/**
 * Sets where the cart's goods go (and the cart's country to the address's), or clears it when
 * neither `address` nor `addressId` is given. A saved address must be the caller's (NOT_FOUND).
 */
export async function updateDeliveryAddress(
  ctx: Context,
  input: DeliveryAddressInput,
): Promise<PayloadShape> {
  const now = new Date();
  const found = await cartForChange(ctx, input.cartId, now);
  if (!found.ok) return failed([found.error]);
  let address = input.address;
  if (input.addressId !== null) {
    const saved = ctx.user
      ? await ctx.db.buyerAddress.findFirst({ where: { id: input.addressId, userId: ctx.user.id } })
      : null;
    if (!saved)
      return failed([cartError("NOT_FOUND", "No saved address of the viewer has this ID.", ["addressId"])]);
    address = addressOf(saved);
  }
  return inTransaction(ctx, async (tx) => {
    await claimCart(
      tx,
      input.cartId,
      now,
      address
        ? { deliveryAddress: { ...address }, countryCode: address.countryCode }
        : { deliveryAddress: P.DbNull },
    );
    return succeeded(input.cartId);
  });
}

// ───────────── delivery options ─────────────

export interface DeliveryOptionSelection {
  shopId: string;
  handle: string;
}

/**
 * Selects a delivery option per shop (kept for the shops not named). Checked against what each
 * shop's delivery group offers at the cart's address now, inside the transaction that claimed
 * the cart: NOT_FOUND on `selections.i.shopId` for a shop with no lines in the cart,
 * DELIVERY_OPTION_UNAVAILABLE on `selections.i.handle` for a handle not offered; then nothing
 * changes.
 */
export async function updateSelectedDeliveryOptions(
  ctx: Context,
  input: { cartId: string; selections: DeliveryOptionSelection[] },
): Promise<PayloadShape> {
  const now = new Date();
  const found = await cartForChange(ctx, input.cartId, now);
  if (!found.ok) return failed([found.error]);
  return inTransaction(ctx, async (tx) => {
    await claimCart(tx, input.cartId, now);
    const cart = await loadPricedCart(tx, input.cartId, { now });
    if (!cart) throw new Rollback([cartError("NOT_FOUND", "No cart has this id.", ["cartId"])]);
    const groups = await cartDeliveryGroupsIn(tx, cart);
    const errors: CartUserErrorShape[] = [];
    // Only the shops in the cart keep a selection, so the column stays as small as the cart.
    const previous = selectionsOf(cart.deliverySelections);
    const chosen: Record<string, string> = Object.fromEntries(
      groups.flatMap((g) => {
        const handle = previous[g.shopId];
        return handle === undefined ? [] : [[g.shopId, handle]];
      }),
    );
    for (const [i, selection] of input.selections.entries()) {
      const group = groups.find((g) => g.shopId === selection.shopId);
      if (!group) {
        errors.push(
          cartError("NOT_FOUND", "The cart holds nothing of this shop.", ["selections", i, "shopId"]),
        );
      } else if (!group.quote.options.some((o) => o.handle === selection.handle)) {
        errors.push(
          cartError(
            "DELIVERY_OPTION_UNAVAILABLE",
            `The shop does not offer "${selection.handle}" for these items at the delivery address.`,
            ["selections", i, "handle"],
          ),
        );
      } else {
        chosen[selection.shopId] = selection.handle;
      }
    }
    if (errors.length) throw new Rollback(errors);
    await tx.cart.update({
      where: { id: input.cartId },
      data: { deliverySelections: chosen },
      select: { id: true },
    });
    return succeeded(input.cartId);
  });
}

// ───────────── discount codes ─────────────

export interface DiscountCodeCreateInput {
  shopId: string;
  /** Upper case. */
  code: string;
  kind: "PERCENTAGE" | "FIXED_AMOUNT";
  /** Basis points for PERCENTAGE, minor units of the shop's currency for FIXED_AMOUNT. */
  value: number;
  minSubtotal: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  perBuyerLimit: number | null;
}

/** Creates a shop's discount code (merchants of the shop and the platform; others FORBIDDEN). TAKEN when the shop has the code. */
export async function createDiscountCode(
  ctx: Context,
  input: DiscountCodeCreateInput,
): Promise<PayloadShape> {
  if (!(await canManageShop(ctx, input.shopId))) throw forbidden("You do not manage this shop.");
  try {
    const created = await ctx.db.discountCode.create({ data: input, select: { id: true } });
    return succeeded(created.id);
  } catch (error) {
    if (isUniqueViolation(error))
      return failed([userError("TAKEN", "The shop already has this code.", ["code"])]);
    throw error;
  }
}
