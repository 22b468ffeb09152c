/**
 * checkoutComplete: a cart becomes one order per shop, paid through the payment provider,
 * without ever overselling and without ever charging twice.
 *
 * No transaction is open while the provider is called. The work runs in phases, each phase
 * committed before the next, and the request's idempotency record remembers the last one
 * (its `recoveryPoint`), so a retry with the same key resumes where a crash stopped:
 *
 * 1. RESERVE, one short transaction: claim the cart (ACTIVE → CHECKING_OUT), price it now
 *    (live prices, consuming their caps; discount codes, taking a use by conditional UPDATE
 *    and counting the buyer's uses under that row lock), write the PENDING orders in one
 *    statement (price snapshots, payments PENDING with their own provider idempotency keys,
 *    redemptions), record RESERVED, then take stock by one conditional UPDATE per variant in
 *    id order (the hot rows last). Any shortfall rolls everything back and answers
 *    OUT_OF_STOCK with quantityAvailable.
 * 2. PAY, no transaction: authorise every payment, then capture them, each write of a result
 *    a single UPDATE. The provider's idempotency keys are fixed in phase 1, so asking again
 *    after a timeout or a crash returns the first answer and moves no money twice.
 * 3. COMMIT, one transaction: orders PAID, cart COMPLETED, purchases through posts counted,
 *    affiliate commissions written (affiliate/ledger.ts), the response stored for replays.
 *    Or RELEASE, one transaction, when the payment was declined or kept failing: stock, live
 *    caps and discount uses given back, the PENDING orders deleted, the cart ACTIVE again.
 *
 * A payment whose outcome is unknown (the provider timed out) keeps its reservation and
 * answers PAYMENT_PENDING; the retry with the same key settles it.
 */
import { randomUUID } from "node:crypto";
import { buyerKeyOf, assertCartHolder, cartExpiry } from "../cart/access.ts";
import { loadPricedCart, pricing } from "../cart/load.ts";
import { DISCOUNT_REASONS } from "../cart/pricing.ts";
import { Rollback, TX_OPTIONS } from "../shared/transaction.ts";
import { recordOrderCommissions } from "../affiliate/ledger.ts";
import { queueEvent, transaction } from "../shared/events.ts";
import { uuidv7 } from "../shared/uuid.ts";
import { publishEngagement, recordPurchaseThroughPost } from "../content/engagement.ts";
import type { Context, ServiceContext } from "../context.ts";
import { Prisma } from "@shoppable/db/client";
import { consumeLiveQuantity, releaseLiveQuantity } from "../live/service.ts";
import { MAX_MINOR_UNITS } from "../money.ts";
import { checkoutError, type CheckoutUserErrorShape } from "./errors.ts";
import {
  advanceIdempotencyKey,
  checkoutKeyOf,
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  requestHash,
  unlockIdempotencyKey,
  type IdempotencyRef,
} from "./idempotency.ts";
import { emitOrderEventsFor, ORDER_WEBHOOK_SELECT } from "../webhooks/service.ts";
import { returnStock, takeStock, type StockItem } from "./inventory.ts";
import { callProvider, defaultPaymentProvider, type PaymentProvider } from "./payment.ts";
import { utc } from "../shared/sql.ts";

type Tx = Prisma.TransactionClient;

export interface CheckoutInput {
  cartId: string;
  /** The client's idempotency key: the same key with the same input never checks out twice. */
  idempotencyKey: string;
  payment: { token: string };
}

export interface CheckoutResult {
  /** Database ids of the orders, one per shop, in shop id order. */
  orderIds: string[];
  userErrors: CheckoutUserErrorShape[];
}

/** The provider checkout charges through: the context's, else the built-in test provider. */
export function paymentProviderOf(ctx: Pick<Context, "payments">): PaymentProvider {
  return ctx.payments ?? defaultPaymentProvider;
}

const failure = (...userErrors: CheckoutUserErrorShape[]): CheckoutResult => ({ orderIds: [], userErrors });

/**
 * Checks a cart out (see the module comment). FORBIDDEN (thrown) for another user's cart;
 * every expected failure is a userError; replays return the first request's result.
 */
export async function completeCheckout(ctx: Context, input: CheckoutInput): Promise<CheckoutResult> {
  const cart = await ctx.db.cart.findUnique({
    where: { id: input.cartId },
    select: { id: true, userId: true },
  });
  if (!cart) return failure(checkoutError("NOT_FOUND", "No cart has this id.", ["cartId"]));
  assertCartHolder(ctx, cart);
  const ref: IdempotencyRef = {
    scope: `checkout:${ctx.key.id}:${ctx.user?.id ?? "anonymous"}`,
    key: input.idempotencyKey,
  };
  const claim = await claimIdempotencyKey(
    ctx.db,
    ref,
    requestHash(["checkoutComplete", input.cartId, input.payment.token]),
  );
  if (claim.kind === "mismatch") {
    return failure(
      checkoutError(
        "IDEMPOTENCY_KEY_REUSED",
        "This idempotency key was used with different input; use a new key.",
        ["idempotencyKey"],
      ),
    );
  }
  if (claim.kind === "busy") {
    return failure(
      checkoutError(
        "CHECKOUT_IN_PROGRESS",
        "The first request with this idempotency key is still running; retry shortly.",
        ["idempotencyKey"],
      ),
    );
  }
  if (claim.kind === "replay") return claim.response as CheckoutResult;
  try {
    return await runCheckout(ctx, input, ref, claim.recoveryPoint === "STARTED" ? null : claim.resourceIds);
  } catch (error) {
    // This request stopped without finishing: let a retry resume at once instead of waiting for the lease.
    await unlockIdempotencyKey(ctx.db, ref).catch(() => undefined);
    throw error;
  }
}

async function runCheckout(
  ctx: Context,
  input: CheckoutInput,
  ref: IdempotencyRef,
  reservedOrderIds: string[] | null,
): Promise<CheckoutResult> {
  let orderIds = reservedOrderIds;
  // A resumed request reads its payments as the last attempt left them; a fresh one knows them from RESERVE.
  let payments: PaymentRow[] | null = null;
  if (orderIds === null) {
    const reserved = await reserve(ctx, input.cartId, ref, input.payment.token);
    if (!reserved.ok) {
      // A concurrent checkout of the cart is a conflict, not an outcome: the key may run again.
      if (reserved.errors.some((e) => e.code === "CHECKOUT_IN_PROGRESS"))
        await releaseIdempotencyKey(ctx.db, ref);
      else await completeIdempotencyKey(ctx.db, ref, { orderIds: [], userErrors: reserved.errors } as never);
      return failure(...reserved.errors);
    }
    orderIds = reserved.orderIds;
    payments = reserved.payments;
  }
  const outcome = await pay(ctx, orderIds, input.payment.token, payments);
  switch (outcome.kind) {
    case "PAID":
      await commit(ctx, input.cartId, orderIds, ref);
      return { orderIds, userErrors: [] };
    case "DECLINED": {
      const result = failure(
        checkoutError(
          "PAYMENT_DECLINED",
          `The payment was declined (${outcome.reason}); nothing was charged.`,
          ["payment"],
        ),
      );
      await release(ctx, input.cartId, orderIds, (tx) => completeIdempotencyKey(tx, ref, result as never));
      return result;
    }
    case "FAILED":
      await release(ctx, input.cartId, orderIds, (tx) => releaseIdempotencyKey(tx, ref));
      return failure(
        checkoutError(
          "PAYMENT_FAILED",
          "The payment provider is unavailable; nothing was charged. Retry later.",
          ["payment"],
        ),
      );
    case "PENDING":
      await unlockIdempotencyKey(ctx.db, ref);
      return {
        orderIds,
        userErrors: [
          checkoutError(
            "PAYMENT_PENDING",
            "The payment provider did not answer; retry with the same idempotency key to settle the payment.",
            ["payment"],
          ),
        ],
      };
  }
}

// ───────────── 1. reserve ─────────────

function isRetryableConflict(error: unknown): boolean {
  const e = error as {
    code?: string;
    message?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  const sqlState = e?.meta?.driverAdapterError?.cause?.originalCode;
  return (
    e?.code === "P2034" ||
    sqlState === "40P01" ||
    sqlState === "40001" ||
    /deadlock detected|could not serialize/i.test(e?.message ?? "")
  );
}

/** What RESERVE committed: the orders, in shop id order, and their PENDING payments, in id order. */
interface Reservation {
  orderIds: string[];
  payments: PaymentRow[];
}

async function reserve(
  ctx: Context,
  cartId: string,
  ref: IdempotencyRef,
  token: string,
): Promise<({ ok: true } & Reservation) | { ok: false; errors: CheckoutUserErrorShape[] }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reservation = await transaction(
        ctx,
        (tx) => reserveIn(tx, ctx, cartId, ref, token, new Date()),
        TX_OPTIONS,
      );
      return { ok: true, ...reservation };
    } catch (error) {
      if (error instanceof Rollback) return { ok: false, errors: error.errors as CheckoutUserErrorShape[] };
      if (attempt < 3 && isRetryableConflict(error)) continue;
      throw error;
    }
  }
}

function cartStateError(cart: { status: string; expiresAt: Date } | null, now: Date): CheckoutUserErrorShape {
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

async function reserveIn(
  tx: Tx,
  ctx: Context,
  cartId: string,
  ref: IdempotencyRef,
  token: string,
  now: Date,
): Promise<Reservation> {
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
  const user = ctx.user;
  const cart = (await loadPricedCart(tx, cartId, { now, ...(user ? { buyerKey: `user:${user.id}` } : {}) }))!;
  const email =
    cart.email ??
    (user ? (await tx.user.findUnique({ where: { id: user.id }, select: { email: true } }))?.email : null) ??
    null;
  const buyerKey = buyerKeyOf({ userId: user?.id ?? null, email });

  // Checks that need no lock, so doomed checkouts fail before touching shared rows.
  const errors: CheckoutUserErrorShape[] = [];
  if (cart.lines.length === 0)
    throw new Rollback([checkoutError("EMPTY_CART", "The cart has no lines.", ["cartId"])]);
  if (!buyerKey)
    errors.push(
      checkoutError(
        "EMAIL_REQUIRED",
        "Set the buyer's email (cartBuyerIdentityUpdate) or send a user token.",
        ["cartId"],
      ),
    );
  const wanted = new Map<string, { quantity: number; available: number }>();
  for (const line of cart.lines) {
    if (line.variant.product.status !== "ACTIVE") {
      errors.push(
        checkoutError(
          "PRODUCT_UNAVAILABLE",
          `"${line.variant.product.title}" is no longer for sale.`,
          ["cartId"],
          { variantId: line.variantId },
        ),
      );
    }
    const w = wanted.get(line.variantId) ?? { quantity: 0, available: line.variant.inventoryQuantity };
    w.quantity += line.quantity;
    wanted.set(line.variantId, w);
  }
  for (const [variantId, w] of wanted)
    if (w.quantity > w.available) errors.push(outOfStock(variantId, Math.max(0, w.available), w.quantity));
  if (errors.length) throw new Rollback(errors);

  // Live prices hold only while their cap takes the units: a line whose cap ran out pays the regular price.
  let repriced = false;
  for (const line of cart.lines
    .filter((l) => l.livePinId !== null)
    .sort((a, b) => (a.livePinId! < b.livePinId! ? -1 : 1))) {
    if (!(await consumeLiveQuantity(tx, { pinId: line.livePinId!, quantity: line.quantity }))) {
      line.unitPrice = line.variant.price;
      line.livePinId = null;
      repriced = true;
    }
  }
  const priced = repriced ? pricing(cart.lines, cart.discountCodes, cart.terms, now) : cart.pricing;

  // Discount codes: a code matching a shop in the cart must apply; each applied one takes a use exactly.
  for (const code of priced.codes) {
    for (const refused of code.refused) {
      errors.push(
        checkoutError("DISCOUNT_CODE_NOT_APPLICABLE", `${code.code}: ${DISCOUNT_REASONS[refused.reason]}`, [
          "cartId",
        ]),
      );
    }
  }
  const applied = priced.codes
    .flatMap((c) => c.applied.map((a) => ({ ...a, code: c.code })))
    .sort((a, b) => (a.discountCodeId < b.discountCodeId ? -1 : 1));
  for (const a of applied) {
    const taken = await tx.$executeRaw`
      UPDATE "DiscountCode" SET "usageCount" = "usageCount" + 1
      WHERE "id" = ${a.discountCodeId}::uuid AND ("usageLimit" IS NULL OR "usageCount" < "usageLimit")`;
    if (taken === 0) {
      errors.push(
        checkoutError("DISCOUNT_CODE_NOT_APPLICABLE", `${a.code}: ${DISCOUNT_REASONS.USAGE_LIMIT_REACHED}`, [
          "cartId",
        ]),
      );
      continue;
    }
    const limit = cart.terms.find((t) => t.id === a.discountCodeId)?.perBuyerLimit ?? null;
    // Counted after the UPDATE above locked the code's row: concurrent checkouts of one buyer count one after the other.
    if (
      limit !== null &&
      (await tx.discountRedemption.count({
        where: { discountCodeId: a.discountCodeId, buyerKey: buyerKey! },
      })) >= limit
    ) {
      errors.push(
        checkoutError("DISCOUNT_CODE_NOT_APPLICABLE", `${a.code}: ${DISCOUNT_REASONS.BUYER_LIMIT_REACHED}`, [
          "cartId",
        ]),
      );
    }
  }
  if (errors.length) throw new Rollback(errors);

  // One PENDING order per shop, with its price snapshot, payment and redemption: one statement for all shops.
  const provider = paymentProviderOf(ctx);
  const shops = [...new Set(cart.lines.map((l) => l.variant.product.shopId))].sort();
  const drafts = shops.map((shopId) => {
    const lines = cart.lines.filter((l) => l.variant.product.shopId === shopId);
    const amounts = lines.map((l) => priced.lines.find((p) => p.id === l.id)!);
    const subtotal = amounts.reduce((s, a) => s + a.subtotal, 0);
    const discountTotal = amounts.reduce((s, a) => s + a.discount, 0);
    if (subtotal > MAX_MINOR_UNITS)
      throw new Rollback([
        checkoutError("AMOUNT_TOO_LARGE", "An order of this cart would be too large; split it.", ["cartId"]),
      ]);
    return {
      shopId,
      lines,
      amounts,
      subtotal,
      discountTotal,
      total: subtotal - discountTotal,
      currencyCode: lines[0]!.variant.product.currencyCode,
    };
  });
  // Ids made here (UUIDv7, ascending in shop and line order, as Prisma's would be) so that one
  // statement writes all of it: Prisma plans every createMany afresh, and a nested create reads
  // its row back.
  const at = new Date();
  const ids = (n: number) => Array.from({ length: n }, () => uuidv7(at.getTime())).sort();
  const orderIds = ids(drafts.length);
  const orderIdOf = new Map(drafts.map((d, i) => [d.shopId, orderIds[i]!]));
  const orders = drafts.map((d, i) => ({
    id: orderIds[i]!,
    shopId: d.shopId,
    buyerId: user?.id ?? null,
    cartId,
    email,
    countryCode: cart.countryCode,
    currencyCode: d.currencyCode,
    subtotal: d.subtotal,
    discountTotal: d.discountTotal,
    total: d.total,
    checkoutKey: checkoutKeyOf(ref),
  }));
  const lineIds = ids(drafts.reduce((n, d) => n + d.lines.length, 0));
  const lineRows = drafts.flatMap((d) =>
    d.lines.map((l, i) => ({
      id: lineIds.shift()!,
      orderId: orderIdOf.get(d.shopId)!,
      productId: l.variant.productId,
      variantId: l.variantId,
      productTitle: l.variant.product.title,
      variantTitle: l.variant.title,
      sku: l.variant.sku,
      unitPrice: d.amounts[i]!.unitPrice,
      quantity: l.quantity,
      discountAmount: d.amounts[i]!.discount,
      total: d.amounts[i]!.total,
      postId: l.postId,
      productTagId: l.productTagId,
      affiliateLinkId: l.affiliateLinkId,
      affiliateClickId: l.affiliateClickId,
      liveSessionId: l.liveSessionId,
      livePinId: l.livePinId,
    })),
  );
  const charged = drafts.filter((d) => d.total > 0);
  const paymentIds = ids(charged.length);
  const payments: PaymentRow[] = charged.map((d, i) => ({
    id: paymentIds[i]!,
    orderId: orderIdOf.get(d.shopId)!,
    idempotencyKey: `pay_${randomUUID()}`,
    amount: d.total,
    currencyCode: d.currencyCode,
    status: "PENDING",
    providerRef: null,
    token,
  }));
  const redemptionIds = ids(drafts.length);
  const redemptions = drafts.flatMap((d, i) => {
    const redemption = applied.find((a) => a.shopId === d.shopId);
    return redemption
      ? [
          {
            id: redemptionIds[i]!,
            discountCodeId: redemption.discountCodeId,
            orderId: orderIdOf.get(d.shopId)!,
            buyerKey: buyerKey!,
          },
        ]
      : [];
  });
  const stamp = utc(at);
  // Foreign keys are checked at the end of the statement, when the orders are there.
  await tx.$executeRaw`
    WITH orders AS (
      INSERT INTO "Order" ("id", "shopId", "buyerId", "cartId", "email", "countryCode", "status", "currencyCode", "subtotal", "discountTotal", "total", "checkoutKey", "createdAt", "updatedAt")
      SELECT x."id", x."shopId", x."buyerId", x."cartId", x."email", x."countryCode", 'PENDING'::"OrderStatus", x."currencyCode", x."subtotal", x."discountTotal", x."total", x."checkoutKey", ${stamp}, ${stamp}
      FROM jsonb_to_recordset(${JSON.stringify(orders)}::jsonb) AS x("id" uuid, "shopId" uuid, "buyerId" uuid, "cartId" uuid, "email" text, "countryCode" text,
        "currencyCode" text, "subtotal" int, "discountTotal" int, "total" int, "checkoutKey" text)
      RETURNING 1
    ), lines AS (
      INSERT INTO "OrderLine" ("id", "orderId", "productId", "variantId", "productTitle", "variantTitle", "sku", "unitPrice", "quantity", "discountAmount", "total",
        "postId", "productTagId", "affiliateLinkId", "affiliateClickId", "liveSessionId", "livePinId")
      SELECT x."id", x."orderId", x."productId", x."variantId", x."productTitle", x."variantTitle", x."sku", x."unitPrice", x."quantity", x."discountAmount", x."total",
        x."postId", x."productTagId", x."affiliateLinkId", x."affiliateClickId", x."liveSessionId", x."livePinId"
      FROM jsonb_to_recordset(${JSON.stringify(lineRows)}::jsonb) AS x("id" uuid, "orderId" uuid, "productId" uuid, "variantId" uuid,
        "productTitle" text, "variantTitle" text, "sku" text, "unitPrice" int, "quantity" int, "discountAmount" int, "total" int, "postId" uuid, "productTagId" uuid,
        "affiliateLinkId" uuid, "affiliateClickId" uuid, "liveSessionId" uuid, "livePinId" uuid)
      RETURNING 1
    ), payments AS (
      INSERT INTO "Payment" ("id", "orderId", "provider", "idempotencyKey", "token", "amount", "currencyCode", "status", "createdAt", "updatedAt")
      SELECT x."id", x."orderId", ${provider.name}, x."idempotencyKey", ${token}, x."amount", x."currencyCode", 'PENDING'::"PaymentStatus", ${stamp}, ${stamp}
      FROM jsonb_to_recordset(${JSON.stringify(payments)}::jsonb) AS x("id" uuid, "orderId" uuid, "idempotencyKey" text, "amount" int, "currencyCode" text)
      RETURNING 1
    ), redemptions AS (
      INSERT INTO "DiscountRedemption" ("id", "discountCodeId", "orderId", "buyerKey", "createdAt")
      SELECT x."id", x."discountCodeId", x."orderId", x."buyerKey", ${stamp}
      FROM jsonb_to_recordset(${JSON.stringify(redemptions)}::jsonb) AS x("id" uuid, "discountCodeId" uuid, "orderId" uuid, "buyerKey" text)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM lines) + (SELECT count(*) FROM payments) + (SELECT count(*) FROM redemptions)`;
  // Recorded before the stock is taken (same transaction): the hot variant and product rows stay locked for the fewest statements.
  await advanceIdempotencyKey(tx, ref, "RESERVED", orderIds, now);

  // Stock last: the hot rows stay locked only for the end of the transaction.
  const stock: StockItem[] = drafts.flatMap((d) =>
    d.lines.map((l) => ({
      variantId: l.variantId,
      productId: l.variant.productId,
      quantity: l.quantity,
      orderId: orderIdOf.get(d.shopId)!,
    })),
  );
  const short = await takeStock(tx, stock, "checkout");
  if (short.length) throw new Rollback(short.map((s) => outOfStock(s.variantId, s.available, s.wanted)));
  return { orderIds, payments: payments.sort((x, y) => (x.id < y.id ? -1 : 1)) };
}

function outOfStock(variantId: string, available: number, wanted: number): CheckoutUserErrorShape {
  return checkoutError(
    "OUT_OF_STOCK",
    `Only ${available} of this variant can be bought; the cart asks for ${wanted}.`,
    ["cartId"],
    {
      quantityAvailable: available,
      variantId,
    },
  );
}

// ───────────── 2. pay ─────────────

export type PayOutcome =
  | { kind: "PAID" }
  | { kind: "DECLINED"; reason: string }
  | { kind: "FAILED" }
  | { kind: "PENDING" };

export interface PaymentRow {
  id: string;
  idempotencyKey: string;
  amount: number;
  currencyCode: string;
  status: string;
  providerRef: string | null;
  /** The buyer's payment token, as the checkout sent it. */
  token: string | null;
}

export const PAYMENT_ROW_SELECT = {
  id: true,
  idempotencyKey: true,
  amount: true,
  currencyCode: true,
  status: true,
  providerRef: true,
  token: true,
} as const;

/** Records a payment's new state (one UPDATE) and mirrors it on `payment`. */
export async function setPayment(
  ctx: ServiceContext,
  payment: PaymentRow,
  data: Prisma.PaymentUpdateInput,
): Promise<void> {
  await ctx.db.payment.update({ where: { id: payment.id }, data, select: { id: true } });
  if (typeof data.status === "string") payment.status = data.status;
  if (typeof data.providerRef === "string") payment.providerRef = data.providerRef;
}

/**
 * Authorises every PENDING payment of the orders, then captures every AUTHORIZED one. A
 * decline or lasting failure unwinds the payments already authorised or captured. `known`:
 * the payments as RESERVE just wrote them (in id order), else they are read.
 */
export async function pay(
  ctx: ServiceContext,
  orderIds: string[],
  token: string,
  known: PaymentRow[] | null,
): Promise<PayOutcome> {
  const provider = paymentProviderOf(ctx);
  const payments: PaymentRow[] =
    known ??
    (await ctx.db.payment.findMany({
      where: { orderId: { in: orderIds } },
      orderBy: { id: "asc" },
      select: PAYMENT_ROW_SELECT,
    }));
  for (const p of payments) {
    if (p.status !== "PENDING") continue;
    const result = await callProvider(provider, () =>
      provider.authorise({
        amount: p.amount,
        currencyCode: p.currencyCode,
        token,
        idempotencyKey: p.idempotencyKey,
      }),
    );
    if (!result.ok) {
      if (result.error === "TIMEOUT") return { kind: "PENDING" };
      await setPayment(ctx, p, { status: "FAILED", failureMessage: "provider unavailable" });
      await unwind(ctx, provider, payments);
      return { kind: "FAILED" };
    }
    if (result.value.status === "DECLINED") {
      await setPayment(ctx, p, { status: "DECLINED", failureMessage: result.value.reason });
      await unwind(ctx, provider, payments);
      return { kind: "DECLINED", reason: result.value.reason };
    }
    await setPayment(ctx, p, { status: "AUTHORIZED", providerRef: result.value.reference });
  }
  for (const p of payments) {
    if (p.status !== "AUTHORIZED") continue;
    const result = await callProvider(provider, () =>
      provider.capture({
        reference: p.providerRef!,
        amount: p.amount,
        idempotencyKey: `${p.idempotencyKey}:capture`,
      }),
    );
    if (!result.ok) return { kind: "PENDING" };
    if (result.value.status === "FAILED") {
      await setPayment(ctx, p, { status: "FAILED", failureMessage: result.value.reason });
      await unwind(ctx, provider, payments);
      return { kind: "DECLINED", reason: result.value.reason };
    }
    await setPayment(ctx, p, { status: "CAPTURED" });
  }
  return { kind: "PAID" };
}

/** Gives back what other payments of a failed checkout took: voids authorisations, refunds captures (best effort). */
export async function unwind(
  ctx: ServiceContext,
  provider: PaymentProvider,
  payments: PaymentRow[],
): Promise<void> {
  for (const p of payments) {
    if (p.status === "AUTHORIZED") {
      const voided = await callProvider(provider, () =>
        provider.void({ reference: p.providerRef!, idempotencyKey: `${p.idempotencyKey}:void` }),
      );
      if (voided.ok) await setPayment(ctx, p, { status: "VOIDED" });
    } else if (p.status === "CAPTURED") {
      const refunded = await callProvider(provider, () =>
        provider.refund({
          reference: p.providerRef!,
          amount: p.amount,
          idempotencyKey: `${p.idempotencyKey}:unwind`,
        }),
      );
      if (refunded.ok && refunded.value.status === "REFUNDED")
        await setPayment(ctx, p, { status: "REFUNDED", refundedAmount: p.amount });
    }
  }
}

// ───────────── 3. commit or release ─────────────

/** What the COMMIT phase reads of its orders, once: for the commissions, the purchases through posts and ORDER_PAID. */
const PAID_ORDER_SELECT = {
  ...ORDER_WEBHOOK_SELECT,
  buyerId: true,
  createdAt: true,
  lines: {
    select: {
      ...ORDER_WEBHOOK_SELECT.lines.select,
      postId: true,
      affiliateLinkId: true,
      affiliateClickId: true,
    },
    orderBy: { id: "asc" },
  },
} as const;

/** COMMIT: the orders PAID, the cart COMPLETED, commissions, purchases through posts, ORDER_PAID, and the response stored for replays. */
export async function commit(
  ctx: ServiceContext,
  cartId: string,
  orderIds: string[],
  ref: IdempotencyRef,
): Promise<void> {
  const posts = await transaction(
    ctx,
    async (tx) => {
      const paidAt = new Date();
      const paid = await tx.order.updateManyAndReturn({
        where: { id: { in: orderIds }, status: "PENDING" },
        data: { status: "PAID", paidAt },
        select: { id: true },
      });
      for (const order of paid)
        queueEvent("orderStatusChanged", order.id, { orderId: order.id, status: "PAID" });
      // One read of the orders and their lines serves the ledger, the post counters and the webhook payloads.
      const orders = await tx.order.findMany({
        where: { id: { in: orderIds } },
        select: PAID_ORDER_SELECT,
        orderBy: { id: "asc" },
      });
      const lines = orders.flatMap((o) => o.lines.map((l) => ({ ...l, orderId: o.id, order: o })));
      await recordOrderCommissions(
        tx,
        paid.map((o) => o.id),
        paidAt,
        lines,
      );
      const completed = await tx.cart.updateMany({
        where: { id: cartId, status: "CHECKING_OUT" },
        data: { status: "COMPLETED" },
      });
      if (completed.count) queueEvent("cartUpdated", cartId, { cartId });
      for (const row of purchasesThroughPosts(lines)) await recordPurchaseThroughPost(tx, row);
      await emitOrderEventsFor(tx, "ORDER_PAID", orders);
      await completeIdempotencyKey(tx, ref, { orderIds, userErrors: [] });
      return [...new Set(lines.flatMap((l) => (l.postId ? [l.postId] : [])))];
    },
    TX_OPTIONS,
  );
  for (const postId of posts) publishEngagement(ctx, postId);
}

/** Units bought through each (post, product), in (post, product) order: the order the post rows are locked in. */
function purchasesThroughPosts(
  lines: { postId: string | null; productId: string | null; quantity: number }[],
): { postId: string; productId: string | null; quantity: number }[] {
  const sums = new Map<string, { postId: string; productId: string | null; quantity: number }>();
  for (const l of lines) {
    if (l.postId === null) continue;
    const key = `${l.postId}|${l.productId ?? ""}`;
    const seen = sums.get(key);
    if (seen) seen.quantity += l.quantity;
    else sums.set(key, { postId: l.postId, productId: l.productId, quantity: l.quantity });
  }
  // Nulls last, as PostgreSQL sorts them.
  const byId = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
  return [...sums.values()]
    .filter((r) => r.quantity > 0)
    .sort((a, b) => byId(a.postId, b.postId) || byId(a.productId, b.productId));
}

/**
 * Undoes a reservation: live caps, discount uses and stock back, the cart ACTIVE again, and the
 * PENDING orders deleted — or, with `cancelReason`, kept as CANCELLED with the reason (a
 * released abandoned checkout, whose payments the provider saw). `finish` settles the
 * idempotency record in the same transaction.
 */
export async function release(
  ctx: ServiceContext,
  cartId: string,
  orderIds: string[],
  finish: (tx: Tx) => Promise<void>,
  cancelReason?: string,
): Promise<void> {
  await transaction(
    ctx,
    async (tx) => {
      const reopened = await tx.cart.updateMany({
        where: { id: cartId, status: "CHECKING_OUT" },
        data: { status: "ACTIVE", expiresAt: cartExpiry() },
      });
      if (reopened.count) queueEvent("cartUpdated", cartId, { cartId });
      const lines = await tx.orderLine.findMany({
        where: { orderId: { in: orderIds }, order: { status: "PENDING" } },
        select: { orderId: true, variantId: true, productId: true, quantity: true, livePinId: true },
      });
      for (const line of lines
        .filter((l) => l.livePinId !== null)
        .sort((a, b) => (a.livePinId! < b.livePinId! ? -1 : 1))) {
        await releaseLiveQuantity(tx, { pinId: line.livePinId!, quantity: line.quantity });
      }
      const redemptions = await tx.discountRedemption.findMany({
        where: { orderId: { in: orderIds }, order: { status: "PENDING" } },
        select: { discountCodeId: true },
        orderBy: { discountCodeId: "asc" },
      });
      for (const r of redemptions) {
        await tx.$executeRaw`UPDATE "DiscountCode" SET "usageCount" = "usageCount" - 1 WHERE "id" = ${r.discountCodeId}::uuid AND "usageCount" > 0`;
      }
      await returnStock(
        tx,
        lines
          .filter((l) => l.variantId && l.productId)
          .map((l) => ({
            variantId: l.variantId!,
            productId: l.productId!,
            quantity: l.quantity,
            orderId: l.orderId,
          })),
        "checkout released",
      );
      if (cancelReason) {
        // The redemptions go (a released checkout used no code), the orders stay as a record of what the provider saw.
        await tx.discountRedemption.deleteMany({
          where: { orderId: { in: orderIds }, order: { status: "PENDING" } },
        });
        const cancelled = await tx.order.updateManyAndReturn({
          where: { id: { in: orderIds }, status: "PENDING" },
          data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason },
          select: { id: true },
        });
        for (const order of cancelled)
          queueEvent("orderStatusChanged", order.id, { orderId: order.id, status: "CANCELLED" });
      } else {
        await tx.order.deleteMany({ where: { id: { in: orderIds }, status: "PENDING" } });
      }
      await finish(tx);
    },
    TX_OPTIONS,
  );
}
