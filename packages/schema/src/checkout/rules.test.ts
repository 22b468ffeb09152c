import { describe, expect, it } from "vitest";
import { canDo, refundAmount, statusOf } from "./rules.ts";

const at = new Date("2026-06-01T00:00:00Z");

describe("order moves", () => {
  it("fulfils and cancels paid orders not yet fulfilled, refunds paid or fulfilled ones, and nothing moves a pending, cancelled or refunded order", () => {
    expect(canDo("fulfil", { status: "PAID", fulfilledAt: null })).toBe(true);
    expect(canDo("fulfil", { status: "PARTIALLY_REFUNDED", fulfilledAt: at })).toBe(false);
    expect(canDo("cancel", { status: "PARTIALLY_REFUNDED", fulfilledAt: null })).toBe(true);
    expect(canDo("cancel", { status: "FULFILLED", fulfilledAt: at })).toBe(false);
    expect(canDo("refund", { status: "FULFILLED", fulfilledAt: at })).toBe(true);
    for (const status of ["PENDING", "CANCELLED", "REFUNDED"] as const) {
      for (const action of ["fulfil", "cancel", "refund"] as const)
        expect(canDo(action, { status, fulfilledAt: null })).toBe(false);
    }
  });

  it("derives the status from the order's facts", () => {
    const lines = [
      { quantity: 2, refundedQuantity: 0 },
      { quantity: 1, refundedQuantity: 0 },
    ];
    const paid = { paidAt: at, fulfilledAt: null, cancelledAt: null, lines };
    expect(statusOf({ ...paid, paidAt: null })).toBe("PENDING");
    expect(statusOf(paid)).toBe("PAID");
    expect(statusOf({ ...paid, fulfilledAt: at })).toBe("FULFILLED");
    expect(
      statusOf({ ...paid, fulfilledAt: at, lines: [{ quantity: 2, refundedQuantity: 1 }, lines[1]!] }),
    ).toBe("PARTIALLY_REFUNDED");
    expect(
      statusOf({
        ...paid,
        lines: [
          { quantity: 2, refundedQuantity: 2 },
          { quantity: 1, refundedQuantity: 1 },
        ],
      }),
    ).toBe("REFUNDED");
    expect(
      statusOf({
        ...paid,
        cancelledAt: at,
        lines: [
          { quantity: 2, refundedQuantity: 2 },
          { quantity: 1, refundedQuantity: 1 },
        ],
      }),
    ).toBe("CANCELLED");
  });
});

describe("refundAmount", () => {
  it("shares a line total per unit so that refunding every unit, in any steps, gives back exactly the total", () => {
    const line = { quantity: 3, refundedQuantity: 0, total: 1000 };
    expect(refundAmount(line, 1)).toBe(333);
    expect(refundAmount({ ...line, refundedQuantity: 1 }, 1)).toBe(333);
    expect(refundAmount({ ...line, refundedQuantity: 2 }, 1)).toBe(334);
    expect(refundAmount(line, 3)).toBe(1000);
    for (const steps of [[1, 1, 1], [2, 1], [1, 2], [3]]) {
      let refunded = 0;
      let sum = 0;
      for (const q of steps) {
        sum += refundAmount({ ...line, refundedQuantity: refunded }, q);
        refunded += q;
      }
      expect(sum).toBe(1000);
    }
  });
});
