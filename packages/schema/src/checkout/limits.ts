/**
 * What an order may hold. Each bound is enforced where the rows are written (cart lines,
 * RESERVE, orderRefund) and by the reads (a `take`), so the cost model can price each list by it.
 */
import { CART_LIMITS } from "../cart/limits.ts";

/** Refunds that succeeded or are pending; the last may always refund everything left. */
const REFUNDS = 10;
/** Fulfilments (shipments); the last may always fulfil everything left. */
const FULFILLMENTS = 50;

export const ORDER_LIMITS = {
  /** An order's lines come from one cart's lines. */
  lines: CART_LIMITS.lines,
  /** RESERVE writes one payment per order. */
  payments: 1,
  refunds: REFUNDS,
  fulfillments: FULFILLMENTS,
  /** Orders of one checkout: one per shop, so at most one per line. */
  ordersPerCheckout: CART_LIMITS.lines,
  /** Commission entries: one earned per line, one reversal per line and refund. */
  commissions: CART_LIMITS.lines * (1 + REFUNDS),
} as const;
