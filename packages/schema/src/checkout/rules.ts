/**
 * Order rules: which changes each status allows, the status an order's facts give, and how
 * much a refund of some units gives back.
 *
 *   PENDING ──checkout paid──▶ PAID ──orderFulfill──▶ FULFILLED
 *   PAID ──orderCancel──▶ CANCELLED (refunds what is left, restocks it)
 *   PAID, FULFILLED ──orderRefund──▶ PARTIALLY_REFUNDED ──orderRefund──▶ REFUNDED
 *
 * A PENDING order (payment under way) changes only through its checkout. A partially refunded
 * order may still be fulfilled or cancelled while it was not fulfilled.
 */
import type { OrderStatus } from "@shoppable/db/enums";

export type OrderAction = "fulfil" | "cancel" | "refund";

export const ORDER_ACTIONS: Record<OrderAction, { from: readonly OrderStatus[]; unfulfilledOnly: boolean }> =
  {
    fulfil: { from: ["PAID", "PARTIALLY_REFUNDED"], unfulfilledOnly: true },
    cancel: { from: ["PAID", "PARTIALLY_REFUNDED"], unfulfilledOnly: true },
    refund: { from: ["PAID", "FULFILLED", "PARTIALLY_REFUNDED"], unfulfilledOnly: false },
  };

export function canDo(
  action: OrderAction,
  order: { status: OrderStatus; fulfilledAt: Date | null },
): boolean {
  const rule = ORDER_ACTIONS[action];
  return rule.from.includes(order.status) && !(rule.unfulfilledOnly && order.fulfilledAt !== null);
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

/**
 * What refunding `quantity` more units of a line gives back: the line total (after discount)
 * shared per unit so that refunding every unit, in any steps, gives back exactly the total.
 */
export function refundAmount(
  line: { quantity: number; refundedQuantity: number; total: number },
  quantity: number,
): number {
  const share = (units: number) => Math.floor((line.total * units) / line.quantity);
  return share(line.refundedQuantity + quantity) - share(line.refundedQuantity);
}
