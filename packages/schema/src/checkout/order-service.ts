import { encodeGlobalID } from "@pothos/plugin-relay";
/**
 * Order changes after checkout: cancellation and refunds (fulfilment is in
 * fulfillment-service.ts). Only the shop's merchants (secret key) and the platform change an
 * order; every move is checked against `rules.ts`.
 *
 * A refund, like checkout, never holds a transaction while the payment provider is called:
 * 1. one transaction locks the order row, checks the move and the quantities, counts the
 *    refund on the lines, order and payment and writes a PENDING Refund (for a return being
 *    approved, also marks it APPROVED, moves its units from requested to returned and counts
 *    its shipping share);
 * 2. the provider refunds, with the Refund's id as its idempotency key;
 * 3. one transaction marks it SUCCEEDED, reverses the affiliate commissions of the refunded
 *    units (affiliate/ledger.ts) and puts the units back in stock when asked; or, when
 *    the provider refused, reverts step 1 (a return goes back to REQUESTED) and marks it FAILED.
 * A refund left PENDING by a crash or a timeout is settled (asked again with the same key) by
 * the next orderRefund or orderCancel of the order, before anything else.
 */
import { reverseRefundCommissions, scheduleCommissions } from "../affiliate/ledger.ts";
import { inTransaction, Rollback, TX_OPTIONS } from "../shared/transaction.ts";
import { emitOrderEvents } from "../webhooks/service.ts";
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import type { PaymentStatus } from "@shoppable/db/enums";
import { canManageShop } from "../shared/access.ts";
import { releaseLiveQuantity } from "../live/service.ts";
import { formatMinorUnits } from "../money.ts";
import { forbidden } from "../shared/errors.ts";
import { queueEvent, transaction } from "../shared/events.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { userError } from "../shared/user-error.ts";
import { returnError, type OrderErrorCode } from "./errors.ts";
import { returnStock } from "./inventory.ts";
import { callProvider } from "./payment.ts";
import {
  canDo,
  chargedAmount,
  fulfillableUnits,
  ORDER_ACTIONS,
  refundAmount,
  returnShippingShare,
  shippingCharged,
  statusOf,
} from "./rules.ts";
import { paymentProviderOf } from "./service.ts";
import { ORDER_LIMITS } from "./limits.ts";

type Tx = Prisma.TransactionClient;

const orderError = (code: OrderErrorCode, message: string, field: (string | number)[] | null = ["id"]) =>
  userError(code, message, field);

/** The order, or NOT_FOUND; FORBIDDEN (thrown) unless the caller manages its shop. */
export async function orderToChange(ctx: Context, orderId: string) {
  const order = await ctx.db.order.findUnique({ where: { id: orderId }, select: { id: true, shopId: true } });
  if (!order) return null;
  if (!(await canManageShop(ctx, order.shopId)))
    throw forbidden("Only the shop's merchants and the platform change its orders.");
  return order;
}

const notFound = () => failed([orderError("NOT_FOUND", "No order has this id.")]);

function transitionError(status: string, action: string) {
  return orderError("INVALID_STATUS_TRANSITION", `The order is ${status}; it cannot be ${action}.`);
}

export interface RefundInput {
  orderId: string;
  /** Lines and units; null: every unit not refunded yet. */
  lines: { lineId: string; quantity: number }[] | null;
  restock: boolean;
  reason: string | null;
  /** orderCancel: refund what is left and mark the order CANCELLED. */
  cancel: boolean;
  /**
   * returnApprove: the return this refund settles. Its lines, read under the order's lock while
   * it is REQUESTED (else RETURN_NOT_REQUESTED), replace `lines`, and the refund adds their share
   * of the shipping when the shop refunds shipping on returns.
   */
  returnId?: string | null;
}

/** Units of an order line, as Return.lines and Fulfillment.lines list them. */
export interface LineQuantity {
  orderLineId: string;
  quantity: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A `lines` column of a Return or a Fulfillment read back ([{ orderLineId quantity }]). */
export function lineQuantitiesOf(json: Prisma.JsonValue): LineQuantity[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((l) =>
    isRecord(l) && typeof l.orderLineId === "string" && typeof l.quantity === "number"
      ? [{ orderLineId: l.orderLineId, quantity: l.quantity }]
      : [],
  );
}

/** The shipping's tax from an order's `shippingLine` snapshot ({ … price tax }); 0 without one. */
function shippingTaxOf(shippingLine: Prisma.JsonValue): number {
  return isRecord(shippingLine) && typeof shippingLine.tax === "number" ? shippingLine.tax : 0;
}

interface RefundLineRecord {
  orderLineId: string;
  quantity: number;
  amount: number;
}

const paymentStatusAfter = (amount: number, refunded: number): PaymentStatus =>
  refunded <= 0 ? "CAPTURED" : refunded >= amount ? "REFUNDED" : "PARTIALLY_REFUNDED";

/**
 * Locks the order row until the transaction ends (every change of an order's lines, totals or
 * returns takes it first); false when there is no such order.
 */
export async function lockOrderRow(tx: Tx, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Order" WHERE "id" = ${orderId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

async function lockOrder(tx: Tx, orderId: string) {
  await lockOrderRow(tx, orderId);
  return tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      paidAt: true,
      fulfilledAt: true,
      cancelledAt: true,
      taxesIncluded: true,
      shippingTotal: true,
      shippingLine: true,
      shippingRefunded: true,
      shop: { select: { refundShippingOnReturn: true } },
      lines: {
        select: {
          id: true,
          quantity: true,
          refundedQuantity: true,
          returnRequestedQuantity: true,
          taxAmount: true,
          fulfilledQuantity: true,
          returnedQuantity: true,
          total: true,
          variantId: true,
          productId: true,
          livePinId: true,
        },
        orderBy: { id: "asc" },
      },
      payments: {
        where: { status: { in: ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"] } },
        select: { id: true, amount: true, refundedAmount: true, providerRef: true },
      },
    },
  });
}

/** The return being approved, read under the order's lock: NOT_FOUND, or RETURN_NOT_REQUESTED once decided. */
async function requestedReturn(tx: Tx, orderId: string, returnId: string) {
  const found = await tx.return.findFirst({
    where: { id: returnId, orderId },
    select: { id: true, status: true, reason: true, lines: true },
  });
  if (!found) throw new Rollback([returnError("NOT_FOUND", "No return has this id.", ["id"])]);
  if (found.status !== "REQUESTED")
    throw new Rollback([
      returnError("RETURN_NOT_REQUESTED", `The return was already ${found.status.toLowerCase()}.`, ["id"]),
    ]);
  return { id: found.id, reason: found.reason, lines: lineQuantitiesOf(found.lines) };
}

/**
 * Refunds some units (or all that are left) and, with `cancel`, cancels the order; with
 * `returnId`, approves the return (its units and shipping share). See the module comment for the
 * phases. Units in a return awaiting a decision are refunded only through it. Each unit gives
 * back its share of what the line charged (`refundAmount`: the total, and the tax when added).
 * Errors: NOT_FOUND, INVALID_STATUS_TRANSITION, REFUND_QUANTITY_EXCEEDED, NOTHING_TO_REFUND,
 * TOO_MANY_REFUNDS, RETURN_NOT_REQUESTED, REFUND_FAILED (nothing changed), REFUND_PENDING (the
 * provider did not answer; the order shows the refund, settled later).
 */
export async function refundOrder(ctx: Context, input: RefundInput): Promise<PayloadShape> {
  if (!(await orderToChange(ctx, input.orderId))) return notFound();
  if ((await settlePendingRefunds(ctx, input.orderId)) === "PENDING") {
    return {
      id: input.orderId,
      userErrors: [
        orderError(
          "REFUND_PENDING",
          "An earlier refund of this order is still awaiting the payment provider; retry later.",
        ),
      ],
    };
  }
  const now = new Date();
  let refundId = "";
  const reserved = await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    const ret = input.returnId ? await requestedReturn(tx, order.id, input.returnId) : null;
    if (!canDo(input.cancel ? "cancel" : "refund", order)) {
      const rule = ORDER_ACTIONS[input.cancel ? "cancel" : "refund"];
      throw new Rollback([
        transitionError(
          order.fulfilledAt && input.cancel ? "fulfilled" : order.status,
          `${input.cancel ? "cancelled" : "refunded"} (only ${rule.from.join(", ")} orders${rule.unfulfilledOnly ? " not yet fulfilled" : ""} are)`,
        ),
      ]);
    }
    const remaining = (l: { quantity: number; refundedQuantity: number }) => l.quantity - l.refundedQuantity;
    // Units in a return awaiting a decision are the return's to refund.
    const refundable = (l: (typeof order.lines)[number]) => remaining(l) - l.returnRequestedQuantity;
    const awaiting = order.lines.reduce((s, l) => s + l.returnRequestedQuantity, 0);
    const requested = ret
      ? ret.lines.map((r) => ({ lineId: r.orderLineId, quantity: r.quantity }))
      : (input.lines ??
        order.lines.filter((l) => refundable(l) > 0).map((l) => ({ lineId: l.id, quantity: refundable(l) })));
    // A return's units were counted as requested when it was written, under this same lock.
    const errors = ret
      ? []
      : requested.flatMap((r, i) => {
          const line = order.lines.find((l) => l.id === r.lineId);
          if (!line)
            return [orderError("NOT_FOUND", "The order has no line with this id.", ["lines", i, "lineId"])];
          if (r.quantity > refundable(line))
            return [
              orderError(
                "REFUND_QUANTITY_EXCEEDED",
                `Only ${refundable(line)} units of this line can be refunded${line.returnRequestedQuantity > 0 ? ` (${line.returnRequestedQuantity} more are in a return awaiting a decision: approve it to refund them)` : ""}.`,
                ["lines", i, "quantity"],
              ),
            ];
          return [];
        });
    if (errors.length) throw new Rollback(errors);
    if (requested.length === 0)
      throw new Rollback([
        orderError(
          "NOTHING_TO_REFUND",
          awaiting > 0
            ? "Every unit of the order was already refunded or is in a return awaiting a decision."
            : "Every unit of the order was already refunded.",
        ),
      ]);
    // At most ORDER_LIMITS.refunds refunds (declined ones changed nothing and do not count); the
    // last place is kept for the refund that closes the order, so the rest can always be refunded.
    const refunds = await tx.refund.count({ where: { orderId: order.id, status: { not: "FAILED" } } });
    const left =
      order.lines.reduce((s, l) => s + remaining(l), 0) - requested.reduce((s, r) => s + r.quantity, 0);
    if (refunds >= ORDER_LIMITS.refunds || (refunds === ORDER_LIMITS.refunds - 1 && left > 0)) {
      throw new Rollback([
        orderError(
          "TOO_MANY_REFUNDS",
          `An order takes at most ${ORDER_LIMITS.refunds} refunds and has ${refunds}: refund every unit left in one (omit \`lines\`) or cancel the order.`,
        ),
      ]);
    }

    const records: RefundLineRecord[] = requested.map((r) => {
      const line = order.lines.find((l) => l.id === r.lineId)!;
      return { orderLineId: line.id, quantity: r.quantity, amount: refundAmount(line, r.quantity, order) };
    });
    const goods = records.reduce((s, r) => s + r.amount, 0);
    const shipping =
      ret && order.shop.refundShippingOnReturn
        ? returnShippingShare({
            shippingCharged: shippingCharged({
              shippingTotal: order.shippingTotal,
              shippingTax: shippingTaxOf(order.shippingLine),
              taxesIncluded: order.taxesIncluded,
            }),
            shippingRefunded: order.shippingRefunded,
            returnedValue: goods,
            goodsCharged: order.lines.reduce((s, l) => s + chargedAmount(l, order.taxesIncluded), 0),
            last: left === 0,
          })
        : 0;
    const amount = goods + shipping;
    for (const r of records) {
      await tx.orderLine.update({
        where: { id: r.orderLineId },
        data: ret
          ? {
              refundedQuantity: { increment: r.quantity },
              returnedQuantity: { increment: r.quantity },
              returnRequestedQuantity: { decrement: r.quantity },
            }
          : { refundedQuantity: { increment: r.quantity } },
        select: { id: true },
      });
    }
    const lines = order.lines.map((l) => ({
      ...l,
      refundedQuantity: l.refundedQuantity + (records.find((r) => r.orderLineId === l.id)?.quantity ?? 0),
    }));
    const cancelledAt = input.cancel ? now : order.cancelledAt;
    const status = statusOf({ ...order, cancelledAt, lines });
    await tx.order.update({
      where: { id: order.id },
      data: {
        refundedTotal: { increment: amount },
        shippingRefunded: { increment: shipping },
        cancelledAt,
        status,
      },
      select: { id: true },
    });
    if (status !== order.status || ret)
      queueEvent("orderStatusChanged", order.id, { orderId: order.id, status });
    const payment = order.payments[0];
    if (payment && amount > 0) {
      const refunded = payment.refundedAmount + amount;
      await tx.payment.update({
        where: { id: payment.id },
        data: { refundedAmount: refunded, status: paymentStatusAfter(payment.amount, refunded) },
        select: { id: true },
      });
    }
    const refund = await tx.refund.create({
      data: {
        orderId: order.id,
        amount,
        lines: records as never,
        restock: input.restock,
        cancelsOrder: input.cancel,
        reason: input.reason ?? ret?.reason ?? null,
        shippingAmount: shipping,
        returnId: ret?.id ?? null,
        status: "PENDING",
      },
      select: { id: true },
    });
    refundId = refund.id;
    if (ret)
      await tx.return.update({
        where: { id: ret.id },
        data: { status: "APPROVED", refundId, restock: input.restock, decidedAt: now },
        select: { id: true },
      });
    return succeeded(order.id);
  });
  if (reserved.userErrors.length) return reserved;
  const outcome = await sendRefund(ctx, refundId);
  if (outcome === "PENDING") {
    return {
      id: input.orderId,
      userErrors: [
        orderError(
          "REFUND_PENDING",
          "The payment provider did not answer; the refund stays pending and the next orderRefund or orderCancel settles it.",
        ),
      ],
    };
  }
  if (outcome === "FAILED")
    return failed([
      orderError("REFUND_FAILED", "The payment provider refused the refund; the order is unchanged."),
    ]);
  return succeeded(input.orderId);
}

/** Asks the provider (idempotency key: the refund's id) and settles the refund. */
async function sendRefund(ctx: Context, refundId: string): Promise<"SUCCEEDED" | "FAILED" | "PENDING"> {
  const refund = await ctx.db.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: {
      amount: true,
      order: {
        select: {
          payments: {
            where: { status: { in: ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"] } },
            select: { providerRef: true },
          },
        },
      },
    },
  });
  const reference = refund.order.payments[0]?.providerRef;
  if (refund.amount > 0 && reference) {
    const provider = paymentProviderOf(ctx);
    const result = await callProvider(provider, () =>
      provider.refund({ reference, amount: refund.amount, idempotencyKey: `refund_${refundId}` }),
    );
    if (!result.ok && result.error === "TIMEOUT") return "PENDING";
    if (!result.ok || result.value.status === "FAILED") {
      await revertRefund(ctx, refundId);
      return "FAILED";
    }
  }
  await finishRefund(ctx, refundId);
  return "SUCCEEDED";
}

/** Settles refunds of the order left PENDING; "PENDING" when the provider still does not answer. */
async function settlePendingRefunds(ctx: Context, orderId: string): Promise<"SETTLED" | "PENDING"> {
  const pending = await ctx.db.refund.findMany({
    where: { orderId, status: "PENDING" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const refund of pending) if ((await sendRefund(ctx, refund.id)) === "PENDING") return "PENDING";
  return "SETTLED";
}

/** SUCCEEDED, and the units back in stock (and under their live caps) when the refund asked for it. */
async function finishRefund(ctx: Context, refundId: string): Promise<void> {
  await transaction(
    ctx,
    async (tx) => {
      const done = await tx.refund.updateMany({
        where: { id: refundId, status: "PENDING" },
        data: { status: "SUCCEEDED" },
      });
      if (done.count === 0) return;
      await reverseRefundCommissions(tx, refundId);
      const refund = await tx.refund.findUniqueOrThrow({
        where: { id: refundId },
        select: {
          orderId: true,
          restock: true,
          lines: true,
          amount: true,
          shippingAmount: true,
          returnId: true,
          order: { select: { currencyCode: true } },
        },
      });
      await completeShipping(tx, refund.orderId);
      const moneyOf = (minor: number) => ({
        amount: formatMinorUnits(minor, refund.order.currencyCode),
        currencyCode: refund.order.currencyCode,
      });
      await emitOrderEvents(tx, "ORDER_REFUNDED", [refund.orderId], {
        refund: {
          id: encodeGlobalID("Refund", refundId),
          amount: moneyOf(refund.amount),
          shippingAmount: moneyOf(refund.shippingAmount),
          restock: refund.restock,
          returnId: refund.returnId ? encodeGlobalID("Return", refund.returnId) : null,
        },
      });
      if (!refund.restock) return;
      const records = refund.lines as unknown as RefundLineRecord[];
      const lines = await tx.orderLine.findMany({
        where: { id: { in: records.map((r) => r.orderLineId) } },
        select: { id: true, variantId: true, productId: true, livePinId: true },
      });
      const withUnits = lines.map((l) => ({
        ...l,
        quantity: records.find((r) => r.orderLineId === l.id)!.quantity,
      }));
      for (const line of withUnits
        .filter((l) => l.livePinId !== null)
        .sort((a, b) => (a.livePinId! < b.livePinId! ? -1 : 1))) {
        await releaseLiveQuantity(tx, { pinId: line.livePinId!, quantity: line.quantity });
      }
      await returnStock(
        tx,
        withUnits
          .filter((l) => l.variantId && l.productId)
          .map((l) => ({
            variantId: l.variantId!,
            productId: l.productId!,
            quantity: l.quantity,
            orderId: refund.orderId,
          })),
        "refund",
        ctx.user?.id ?? null,
      );
      await tx.refund.update({ where: { id: refundId }, data: { restocked: true }, select: { id: true } });
    },
    TX_OPTIONS,
  );
}

/**
 * After a refund: when it refunded the last units a partly shipped order had left to ship, the
 * order is complete (`fulfilledAt`) and its affiliate commissions start their hold, as
 * orderFulfill does when it ships the last units.
 */
async function completeShipping(tx: Tx, orderId: string): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      fulfilledAt: true,
      cancelledAt: true,
      lines: {
        select: { quantity: true, fulfilledQuantity: true, refundedQuantity: true, returnedQuantity: true },
      },
    },
  });
  if (order.fulfilledAt || order.cancelledAt) return;
  if (!order.lines.some((l) => l.fulfilledQuantity > 0)) return;
  if (order.lines.some((l) => fulfillableUnits(l) > 0)) return;
  const now = new Date();
  await tx.order.update({ where: { id: orderId }, data: { fulfilledAt: now }, select: { id: true } });
  await scheduleCommissions(tx, orderId, now);
}

/**
 * Undoes what a refund the provider refused counted: lines, order totals and status, payment,
 * and for a return its approval (REQUESTED again, units requested again, shipping share); FAILED.
 */
async function revertRefund(ctx: Context, refundId: string): Promise<void> {
  await transaction(
    ctx,
    async (tx) => {
      const refund = await tx.refund.findUniqueOrThrow({
        where: { id: refundId },
        select: {
          orderId: true,
          amount: true,
          lines: true,
          cancelsOrder: true,
          status: true,
          shippingAmount: true,
          returnId: true,
        },
      });
      if (refund.status !== "PENDING") return;
      const order = await lockOrder(tx, refund.orderId);
      const records = refund.lines as unknown as RefundLineRecord[];
      const returned = refund.returnId !== null;
      for (const r of records) {
        await tx.orderLine.update({
          where: { id: r.orderLineId },
          data: returned
            ? {
                refundedQuantity: { decrement: r.quantity },
                returnedQuantity: { decrement: r.quantity },
                returnRequestedQuantity: { increment: r.quantity },
              }
            : { refundedQuantity: { decrement: r.quantity } },
          select: { id: true },
        });
      }
      if (refund.returnId !== null)
        await tx.return.update({
          where: { id: refund.returnId },
          data: { status: "REQUESTED", refundId: null, decidedAt: null },
          select: { id: true },
        });
      const lines = order.lines.map((l) => ({
        ...l,
        refundedQuantity: l.refundedQuantity - (records.find((r) => r.orderLineId === l.id)?.quantity ?? 0),
      }));
      const cancelledAt = refund.cancelsOrder ? null : order.cancelledAt;
      const status = statusOf({ ...order, cancelledAt, lines });
      await tx.order.update({
        where: { id: order.id },
        data: {
          refundedTotal: { decrement: refund.amount },
          shippingRefunded: { decrement: refund.shippingAmount },
          cancelledAt,
          status,
        },
        select: { id: true },
      });
      if (status !== order.status || returned)
        queueEvent("orderStatusChanged", order.id, { orderId: order.id, status });
      const payment = order.payments[0];
      if (payment && refund.amount > 0) {
        const refunded = payment.refundedAmount - refund.amount;
        await tx.payment.update({
          where: { id: payment.id },
          data: { refundedAmount: refunded, status: paymentStatusAfter(payment.amount, refunded) },
          select: { id: true },
        });
      }
      await tx.refund.update({ where: { id: refundId }, data: { status: "FAILED" }, select: { id: true } });
    },
    TX_OPTIONS,
  );
}
