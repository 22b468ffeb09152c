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
import { cartExpiry } from "../cart/access.ts";
import { assertCartHolder } from "../shared/access.ts";
import { pricing } from "../cart/load.ts";
import { Rollback, TX_OPTIONS } from "../shared/transaction.ts";
import { isForeignKeyViolation, isRetryableConflict } from "../shared/errors.ts";
import { recordOrderCommissions } from "../affiliate/ledger.ts";
import { queueEvent, transaction } from "../shared/events.ts";
import { publishEngagement, recordPurchaseThroughPost } from "../content/engagement.ts";
import type { Context, ServiceContext } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import { releaseLiveQuantity } from "../live/service.ts";
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
import { cartCostsIn } from "../delivery/cart-costs.ts";
import type { MailingAddressShape } from "../delivery/address-rules.ts";
import { selectionsOf } from "../delivery/shipping-service.ts";
import {
  appliedCodes,
  checkoutBlockers,
  deliveryBlockers,
  draftOrders,
  refusedCodeErrors,
  reservationRows,
} from "./draft-orders.ts";
import { returnStock } from "./inventory.ts";
import { callProvider, defaultPaymentProvider, type PaymentProvider } from "./payment.ts";
import {
  claimCart,
  insertReservation,
  loadCheckoutCart,
  newIdsAt,
  takeDiscountUses,
  takeLiveCaps,
  takeReservedStock,
  type PaymentInsertRow,
} from "./reservation.ts";

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
      // A deadlock, or a variant of the cart deleted by its merchant (productVariantsDelete) after
      // RESERVE read the cart and before its order lines referenced it: RESERVE runs again on
      // the cart as it is now (the variant's lines went with it), so nothing half-done is kept.
      if (attempt < 3 && (isRetryableConflict(error) || isForeignKeyViolation(error))) continue;
      throw error;
    }
  }
}

/**
 * RESERVE, inside its transaction: named steps, the pure ones in draft-orders.ts, the ones that
 * read or write in reservation.ts. Any failure throws Rollback with its userErrors.
 */
async function reserveIn(
  tx: Tx,
  ctx: Context,
  cartId: string,
  ref: IdempotencyRef,
  token: string,
  now: Date,
): Promise<Reservation> {
  await claimCart(tx, cartId, now);
  const { cart, email, buyerKey } = await loadCheckoutCart(tx, cartId, ctx.user?.id ?? null, now);
  // Checks that need no lock, so doomed checkouts fail before touching shared rows.
  const blockers = checkoutBlockers(cart.lines, buyerKey);
  if (blockers.length || !buyerKey) throw new Rollback(blockers);

  // Delivery and tax (zones and rates, two statements; none without address or country): a cart
  // that cannot be delivered fails here, before any lock.
  const address = cart.deliveryAddress as MailingAddressShape | null;
  const selections = selectionsOf(cart.deliverySelections);
  let costs = await cartCostsIn(tx, cart);
  const undeliverable = deliveryBlockers({ address, costs, selections });
  if (undeliverable.length) throw new Rollback(undeliverable);

  const live = await takeLiveCaps(tx, cart.lines);
  const priced = live.repriced ? pricing(live.lines, cart.discountCodes, cart.terms, now) : cart.pricing;
  // A live price lost to its cap changes the subtotals that rates and tax depend on.
  if (live.repriced) costs = await cartCostsIn(tx, { ...cart, lines: live.lines, pricing: priced });
  // A code matching a shop in the cart must apply; each applied one takes a use exactly.
  const refused = refusedCodeErrors(priced);
  const unused = await takeDiscountUses(tx, appliedCodes(priced), cart.terms, buyerKey);
  if (refused.length || unused.length) throw new Rollback([...refused, ...unused]);

  const drafted = draftOrders(live.lines, priced, { address, costs, selections });
  if (!drafted.ok) throw new Rollback(drafted.errors);
  const at = new Date();
  const rows = reservationRows(
    drafted.orders,
    {
      cartId,
      buyerId: ctx.user?.id ?? null,
      email,
      countryCode: address?.countryCode ?? cart.countryCode,
      checkoutKey: checkoutKeyOf(ref),
      buyerKey,
      provider: paymentProviderOf(ctx).name,
      token,
      at,
    },
    newIdsAt(at),
    () => `pay_${randomUUID()}`,
  );
  await insertReservation(tx, rows);
  // Recorded before the stock is taken (same transaction): the hot variant and product rows stay locked for the fewest statements.
  await advanceIdempotencyKey(tx, ref, "RESERVED", rows.orderIds, now);
  await takeReservedStock(tx, rows.stock);
  return {
    orderIds: rows.orderIds,
    payments: rows.payments.map(paymentRowOf).sort((x, y) => (x.id < y.id ? -1 : 1)),
  };
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

/** A payment as RESERVE wrote it, as PAY reads it. */
function paymentRowOf(p: PaymentInsertRow): PaymentRow {
  const { id, idempotencyKey, amount, currencyCode, status, token } = p;
  return { id, idempotencyKey, amount, currencyCode, status, providerRef: null, token };
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
      if (reopened.count) {
        queueEvent("cartUpdated", cartId, { cartId });
        // Its merchant may have deleted every variant it held meanwhile (productVariantsDelete):
        // an empty cart takes any shop's products again, as after cartLinesRemove.
        await tx.$executeRaw`UPDATE "Cart" SET "currencyCode" = NULL WHERE "id" = ${cartId}::uuid AND "currencyCode" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "CartLine" WHERE "cartId" = ${cartId}::uuid)`;
      }
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
