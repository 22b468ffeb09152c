/**
 * Order rules: which changes each status allows, the status an order's facts give, how much a
 * refund of some units gives back, and the shipping share an approved return adds to it.
 *
 *   PENDING ──checkout paid──▶ PAID ──orderFulfill (the last unit)──▶ FULFILLED
 *   PAID ──orderCancel──▶ CANCELLED (refunds what is left, restocks it)
 *   PAID, FULFILLED ──orderRefund──▶ PARTIALLY_REFUNDED ──orderRefund──▶ REFUNDED
 *
 * A PENDING order (payment under way) changes only through its checkout. Fulfilment goes by
 * lines: a PAID or partially refunded order may be fulfilled while some unit is still owed
 * (`fulfillableUnits`), and cancelled only while nothing of it was fulfilled.
 */
import type { OrderStatus } from "@shoppable/db/enums";

export type OrderAction = "fulfil" | "cancel" | "refund";

/**
 * The statuses each action starts from; `unfulfilledOnly`: only while no unit was fulfilled;
 * `fulfillableOnly`: only while some unit is still to be fulfilled.
 */
export const ORDER_ACTIONS: Record<
  OrderAction,
  { from: readonly OrderStatus[]; unfulfilledOnly: boolean; fulfillableOnly: boolean }
> = {
  fulfil: { from: ["PAID", "PARTIALLY_REFUNDED"], unfulfilledOnly: false, fulfillableOnly: true },
  cancel: { from: ["PAID", "PARTIALLY_REFUNDED"], unfulfilledOnly: true, fulfillableOnly: false },
  refund: {
    from: ["PAID", "FULFILLED", "PARTIALLY_REFUNDED"],
    unfulfilledOnly: false,
    fulfillableOnly: false,
  },
};

/** A line's units as fulfilment counts them (`returnedQuantity` is part of `refundedQuantity`). */
export interface LineUnits {
  quantity: number;
  fulfilledQuantity: number;
  refundedQuantity: number;
  returnedQuantity: number;
}

/**
 * Units of a line still to be shipped: bought, not shipped yet, and not refunded before shipping
 * (units refunded through a return were shipped, so they do not lower it).
 */
export function fulfillableUnits(line: LineUnits): number {
  return Math.max(
    0,
    line.quantity - line.fulfilledQuantity - (line.refundedQuantity - line.returnedQuantity),
  );
}

export type FulfillmentStatus = "UNFULFILLED" | "PARTIALLY_FULFILLED" | "FULFILLED";

/**
 * UNFULFILLED while no unit was shipped, FULFILLED once nothing is left to ship (or `fulfilledAt`
 * is set, as on orders fulfilled whole before fulfilment went by lines), else PARTIALLY_FULFILLED.
 */
export function fulfillmentStatusOf(order: {
  fulfilledAt: Date | null;
  lines: LineUnits[];
}): FulfillmentStatus {
  if (order.fulfilledAt) return "FULFILLED";
  if (!order.lines.some((l) => l.fulfilledQuantity > 0)) return "UNFULFILLED";
  return order.lines.some((l) => fulfillableUnits(l) > 0) ? "PARTIALLY_FULFILLED" : "FULFILLED";
}

/**
 * Why `action` may not be done now: STATUS (not from the order's status), FULFILLED (something,
 * or everything, was fulfilled), NOTHING_FULFILLABLE (every unit shipped or refunded); null when
 * it may.
 */
export function whyNot(
  action: OrderAction,
  order: { status: OrderStatus; fulfilledAt: Date | null; lines: LineUnits[] },
): "STATUS" | "FULFILLED" | "NOTHING_FULFILLABLE" | null {
  const rule = ORDER_ACTIONS[action];
  if (!rule.from.includes(order.status)) return "STATUS";
  if (rule.unfulfilledOnly && fulfillmentStatusOf(order) !== "UNFULFILLED") return "FULFILLED";
  if (rule.fulfillableOnly) {
    if (order.fulfilledAt) return "FULFILLED";
    if (!order.lines.some((l) => fulfillableUnits(l) > 0)) return "NOTHING_FULFILLABLE";
  }
  return null;
}

export function canDo(
  action: OrderAction,
  order: { status: OrderStatus; fulfilledAt: Date | null; lines: LineUnits[] },
): boolean {
  return whyNot(action, order) === null;
}

export interface OrderFacts {
  paidAt: Date | null;
  fulfilledAt: Date | null;
  cancelledAt: Date | null;
  lines: { quantity: number; refundedQuantity: number }[];
}

/** The status the facts give: cancelled, else refunded (all or some units), else fulfilled, paid or pending. */
export function statusOf(order: OrderFacts): OrderStatus {
  if (order.cancelledAt) return "CANCELLED";
  const units = order.lines.reduce((s, l) => s + l.quantity, 0);
  const refunded = order.lines.reduce((s, l) => s + l.refundedQuantity, 0);
  if (units > 0 && refunded >= units) return "REFUNDED";
  if (refunded > 0) return "PARTIALLY_REFUNDED";
  if (order.fulfilledAt) return "FULFILLED";
  return order.paidAt ? "PAID" : "PENDING";
}

/** What the buyer paid for a line: its total, plus its tax when the tax was added on top. */
export function chargedAmount(line: { total: number; taxAmount: number }, taxesIncluded: boolean): number {
  return line.total + (taxesIncluded ? 0 : line.taxAmount);
}

/**
 * What refunding `quantity` more units of a line gives back: what was paid for the line (its
 * total after discount, with its tax when added on top: `chargedAmount`) shared per unit so that
 * refunding every unit, in any steps, gives back exactly that.
 */
export function refundAmount(
  line: { quantity: number; refundedQuantity: number; total: number; taxAmount: number },
  quantity: number,
  order: { taxesIncluded: boolean },
): number {
  const charged = chargedAmount(line, order.taxesIncluded);
  const share = (units: number) => Math.floor((charged * units) / line.quantity);
  return share(line.refundedQuantity + quantity) - share(line.refundedQuantity);
}

/** The shipping the buyer paid: the shipping charge, plus its tax when the tax was added on top. */
export function shippingCharged(order: {
  shippingTotal: number;
  shippingTax: number;
  taxesIncluded: boolean;
}): number {
  return order.shippingTotal + (order.taxesIncluded ? 0 : order.shippingTax);
}

/** a / b rounded to the nearest integer, halves to the even one; a ≥ 0, b > 0. */
function divideHalfEven(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  const twice = 2n * (a % b);
  if (twice > b || (twice === b && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/**
 * The shipping an approved return gives back: its goods' share of the shipping paid,
 * `shippingCharged × returnedValue / goodsCharged` rounded half to even, where `returnedValue`
 * is what the return refunds for its goods and `goodsCharged` what was paid for every line. When
 * the return leaves no unit of the order unrefunded (`last`), the rest of the shipping
 * (`shippingCharged − shippingRefunded`), so the returns together give it all back; never more
 * than that rest.
 */
export function returnShippingShare(input: {
  shippingCharged: number;
  shippingRefunded: number;
  returnedValue: number;
  goodsCharged: number;
  last: boolean;
}): number {
  const rest = Math.max(0, input.shippingCharged - input.shippingRefunded);
  if (input.last) return rest;
  if (input.goodsCharged <= 0 || input.returnedValue <= 0) return 0;
  const share = divideHalfEven(
    BigInt(input.shippingCharged) * BigInt(input.returnedValue),
    BigInt(input.goodsCharged),
  );
  return Math.min(rest, Number(share));
}

/**
 * Units of a line its buyer may still return: delivered and not returned, not refunded, less
 * those in returns awaiting a decision.
 */
export function returnableUnits(line: {
  quantity: number;
  refundedQuantity: number;
  fulfilledQuantity: number;
  returnedQuantity: number;
  returnRequestedQuantity: number;
}): number {
  const delivered = line.fulfilledQuantity - line.returnedQuantity;
  const unrefunded = line.quantity - line.refundedQuantity;
  return Math.max(0, Math.min(delivered, unrefunded) - line.returnRequestedQuantity);
}

/** Whether a line delivered at `deliveredAt` may be returned at `now` under a window of `days` (0: no returns). */
export function returnWindowOpen(deliveredAt: Date, days: number, now: Date): boolean {
  return days > 0 && now.getTime() - deliveredAt.getTime() <= days * 86_400_000;
}
