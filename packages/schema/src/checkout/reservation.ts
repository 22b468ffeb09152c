/**
 * The steps of RESERVE (checkout/service.ts, `reserveIn`) that read or write, each one job, in
 * the order RESERVE runs them inside its transaction:
 *
 *   claimCart          the cart ACTIVE → CHECKING_OUT (one conditional UPDATE), or why not
 *   loadCheckoutCart   the cart priced now (cart/load.ts) and its buyer
 *   takeLiveCaps       the live caps, pin by pin; a line whose cap ran out loses its live price
 *   takeDiscountUses   a use of each applied code under its limits, in code id order
 *   insertReservation  the orders, lines, payments and redemptions: one raw statement
 *                      (then RESERVE records RESERVED on its idempotency key)
 *   takeReservedStock  the stock, last (the hot rows stay locked the shortest)
 *
 * The decisions between them are pure and live in draft-orders.ts. The raw INSERT's columns are
 * declared against Prisma's create inputs (raw-insert.ts): a required column added to Order,
 * OrderLine, Payment or DiscountRedemption fails the type check here.
 */
import type { Prisma } from "@shoppable/db/client";
import { buyerKeyOf } from "../cart/access.ts";
import { loadPricedCart, type LoadedCart } from "../cart/load.ts";
import type { DiscountCodeTerms } from "../cart/pricing.ts";
import { consumeLiveQuantity } from "../live/service.ts";
import { queueEvent } from "../shared/events.ts";
import { Rollback } from "../shared/transaction.ts";
import { uuidv7 } from "../shared/uuid.ts";
import {
  discountCodeError,
  livePricedLines,
  outOfStock,
  withoutLivePrices,
  type AppliedCode,
  type CheckoutLine,
  type ReservationRows,
} from "./draft-orders.ts";
import { checkoutError, type CheckoutUserErrorShape } from "./errors.ts";
import { takeStock, type StockItem } from "./inventory.ts";
import { insertRows, type Columns, type RowOf } from "./raw-insert.ts";

type Tx = Prisma.TransactionClient;

// The columns RESERVE's INSERT writes, checked against Prisma's create inputs (raw-insert.ts):
// a column added to one of these models without a default fails the type check here, and its
// rows (draft-orders.ts, `reservationRows`) fail until they carry it.

export const ORDER_INSERT = {
  id: "uuid",
  shopId: "uuid",
  buyerId: "uuid",
  cartId: "uuid",
  email: "text",
  countryCode: "text",
  status: '"OrderStatus"',
  currencyCode: "text",
  subtotal: "int",
  discountTotal: "int",
  shippingTotal: "int",
  taxTotal: "int",
  taxesIncluded: "boolean",
  total: "int",
  shippingAddress: "jsonb",
  shippingLine: "jsonb",
  taxLines: "jsonb",
  checkoutKey: "text",
  createdAt: "timestamp",
  updatedAt: "timestamp",
} as const satisfies Columns<Prisma.OrderCreateManyInput, "updatedAt">;
export type OrderRow = RowOf<Prisma.OrderCreateManyInput, typeof ORDER_INSERT>;

export const LINE_INSERT = {
  id: "uuid",
  orderId: "uuid",
  productId: "uuid",
  variantId: "uuid",
  productTitle: "text",
  variantTitle: "text",
  sku: "text",
  unitPrice: "int",
  quantity: "int",
  discountAmount: "int",
  total: "int",
  taxAmount: "int",
  postId: "uuid",
  productTagId: "uuid",
  affiliateLinkId: "uuid",
  affiliateClickId: "uuid",
  liveSessionId: "uuid",
  livePinId: "uuid",
} as const satisfies Columns<Prisma.OrderLineCreateManyInput>;
export type LineRow = RowOf<Prisma.OrderLineCreateManyInput, typeof LINE_INSERT>;

export const PAYMENT_INSERT = {
  id: "uuid",
  orderId: "uuid",
  provider: "text",
  idempotencyKey: "text",
  token: "text",
  amount: "int",
  currencyCode: "text",
  status: '"PaymentStatus"',
  createdAt: "timestamp",
  updatedAt: "timestamp",
} as const satisfies Columns<Prisma.PaymentCreateManyInput, "updatedAt">;
export type PaymentInsertRow = RowOf<Prisma.PaymentCreateManyInput, typeof PAYMENT_INSERT>;

export const REDEMPTION_INSERT = {
  id: "uuid",
  discountCodeId: "uuid",
  orderId: "uuid",
  buyerKey: "text",
  createdAt: "timestamp",
} as const satisfies Columns<Prisma.DiscountRedemptionCreateManyInput>;
export type RedemptionRow = RowOf<Prisma.DiscountRedemptionCreateManyInput, typeof REDEMPTION_INSERT>;

/** Why a cart could not be claimed for checkout (`cart`: its row now, or null when it is gone). */
export function cartStateError(
  cart: { status: string; expiresAt: Date } | null,
  now: Date,
): CheckoutUserErrorShape {
  if (!cart) return checkoutError("NOT_FOUND", "No cart has this id.", ["cartId"]);
  if (cart.status === "COMPLETED")
    return checkoutError("CART_COMPLETED", "The cart was already checked out.", ["cartId"]);
  if (cart.status === "MERGED")
    return checkoutError("CART_MERGED", "The cart's lines moved into its buyer's cart at sign-in.", [
      "cartId",
    ]);
  if (cart.status === "CHECKING_OUT")
    return checkoutError("CHECKOUT_IN_PROGRESS", "Another checkout of this cart is under way.", ["cartId"]);
  if (cart.expiresAt <= now) return checkoutError("CART_EXPIRED", "The cart expired.", ["cartId"]);
  return checkoutError("CHECKOUT_IN_PROGRESS", "The cart changed meanwhile; retry.", ["cartId"]);
}

/** Claims the cart for this checkout (ACTIVE and unexpired → CHECKING_OUT), or rolls back saying why not. */
export async function claimCart(tx: Tx, cartId: string, now: Date): Promise<void> {
  const claimed = await tx.cart.updateMany({
    where: { id: cartId, status: "ACTIVE", expiresAt: { gt: now } },
    data: { status: "CHECKING_OUT" },
  });
  if (claimed.count === 0) {
    throw new Rollback([
      cartStateError(
        await tx.cart.findUnique({ where: { id: cartId }, select: { status: true, expiresAt: true } }),
        now,
      ),
    ]);
  }
  queueEvent("cartUpdated", cartId, { cartId });
}

export interface CheckoutCart {
  cart: LoadedCart;
  /** The cart's email, else the signed-in buyer's. */
  email: string | null;
  /** Who the checkout's discount uses count against; null when nobody is named. */
  buyerKey: string | null;
}

/** The claimed cart priced at `now` (per-buyer limits counted for the signed-in buyer), and its buyer. */
export async function loadCheckoutCart(
  tx: Tx,
  cartId: string,
  userId: string | null,
  now: Date,
): Promise<CheckoutCart> {
  const cart = await loadPricedCart(tx, cartId, { now, ...(userId ? { buyerKey: `user:${userId}` } : {}) });
  if (!cart) throw new Error(`the claimed cart ${cartId} is gone`);
  const email =
    cart.email ??
    (userId ? (await tx.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email : null) ??
    null;
  return { cart, email, buyerKey: buyerKeyOf({ userId, email }) };
}

/**
 * Takes the units of every live-priced line from its pin's cap (one conditional UPDATE each, in
 * pin id order). A live price holds only while its cap takes the units: a line whose cap ran
 * out pays the regular price (`repriced`: price the lines again).
 */
export async function takeLiveCaps(
  tx: Tx,
  lines: CheckoutLine[],
): Promise<{ lines: CheckoutLine[]; repriced: boolean }> {
  const lost = new Set<string>();
  for (const line of livePricedLines(lines)) {
    if (!(await consumeLiveQuantity(tx, { pinId: line.livePinId, quantity: line.quantity })))
      lost.add(line.id);
  }
  return lost.size ? { lines: withoutLivePrices(lines, lost), repriced: true } : { lines, repriced: false };
}

/**
 * Takes a use of each applied code (`applied`, in id order): a conditional UPDATE under its
 * usage limit, then, under that row lock, the buyer's redemptions counted against its per-buyer
 * limit (so concurrent checkouts of one buyer count one after the other). Returns the codes
 * that could not be used; the caller rolls back.
 */
export async function takeDiscountUses(
  tx: Tx,
  applied: AppliedCode[],
  terms: DiscountCodeTerms[],
  buyerKey: string,
): Promise<CheckoutUserErrorShape[]> {
  const errors: CheckoutUserErrorShape[] = [];
  for (const a of applied) {
    const taken = await tx.$executeRaw`
      UPDATE "DiscountCode" SET "usageCount" = "usageCount" + 1
      WHERE "id" = ${a.discountCodeId}::uuid AND ("usageLimit" IS NULL OR "usageCount" < "usageLimit")`;
    if (taken === 0) {
      errors.push(discountCodeError(a.code, "USAGE_LIMIT_REACHED"));
      continue;
    }
    const limit = terms.find((t) => t.id === a.discountCodeId)?.perBuyerLimit ?? null;
    if (
      limit !== null &&
      (await tx.discountRedemption.count({ where: { discountCodeId: a.discountCodeId, buyerKey } })) >= limit
    )
      errors.push(discountCodeError(a.code, "BUYER_LIMIT_REACHED"));
  }
  return errors;
}

/** `newIds` for `reservationRows`: UUIDv7s of the instant `at`, ascending. */
export function newIdsAt(at: Date): (n: number) => string[] {
  return (n) => Array.from({ length: n }, () => uuidv7(at.getTime())).sort();
}

/**
 * Writes the orders, their lines, payments and redemptions in one statement; foreign keys are
 * checked at its end, when the orders are there. Raw because Prisma plans every createMany
 * afresh, and a nested create reads its row back.
 */
export async function insertReservation(tx: Tx, rows: ReservationRows): Promise<void> {
  await tx.$executeRaw`
    WITH orders AS (
      ${insertRows("Order", ORDER_INSERT, rows.orders)}
      RETURNING 1
    ), lines AS (
      ${insertRows("OrderLine", LINE_INSERT, rows.lines)}
      RETURNING 1
    ), payments AS (
      ${insertRows("Payment", PAYMENT_INSERT, rows.payments)}
      RETURNING 1
    ), redemptions AS (
      ${insertRows("DiscountRedemption", REDEMPTION_INSERT, rows.redemptions)}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM lines) + (SELECT count(*) FROM payments) + (SELECT count(*) FROM redemptions)`;
}

/** Takes the reserved stock (inventory.ts), or rolls back with OUT_OF_STOCK and what each short variant has. */
export async function takeReservedStock(tx: Tx, stock: StockItem[]): Promise<void> {
  const short = await takeStock(tx, stock, "checkout");
  if (short.length) throw new Rollback(short.map((s) => outOfStock(s.variantId, s.available, s.wanted)));
}
