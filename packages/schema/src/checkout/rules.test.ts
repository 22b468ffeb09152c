import { describe, expect, it } from "vitest";
import {
  canDo,
  chargedAmount,
  refundAmount,
  returnableUnits,
  returnShippingShare,
  returnWindowOpen,
  shippingCharged,
  statusOf,
} from "./rules.ts";

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
  /** What refunding a line in these steps gives back, step by step. */
  const inSteps = (
    line: { quantity: number; total: number; taxAmount: number },
    steps: number[],
    taxesIncluded: boolean,
  ) => {
    let refunded = 0;
    return steps.map((q) => {
      const amount = refundAmount({ ...line, refundedQuantity: refunded }, q, { taxesIncluded });
      refunded += q;
      return amount;
    });
  };
  const STEPS = [[1, 1, 1], [2, 1], [1, 2], [3]];
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

  it("shares a line total per unit so that refunding every unit, in any steps, gives back exactly the total", () => {
    const line = { quantity: 3, refundedQuantity: 0, total: 1000, taxAmount: 0 };
    const untaxed = { taxesIncluded: false };
    expect(refundAmount(line, 1, untaxed)).toBe(333);
    expect(refundAmount({ ...line, refundedQuantity: 1 }, 1, untaxed)).toBe(333);
    expect(refundAmount({ ...line, refundedQuantity: 2 }, 1, untaxed)).toBe(334);
    expect(refundAmount(line, 3, untaxed)).toBe(1000);
    for (const steps of STEPS) expect(sum(inSteps(line, steps, false))).toBe(1000);
  });

  it("gives back the tax added on top with the units, exactly what was charged over every unit", () => {
    // 3 × 3.33 with 19% added: 9.99 + 1.90 tax = 11.89 charged.
    const line = { quantity: 3, total: 999, taxAmount: 190 };
    expect(chargedAmount(line, false)).toBe(1189);
    expect(inSteps(line, [1, 1, 1], false)).toEqual([396, 396, 397]);
    for (const steps of STEPS) expect(sum(inSteps(line, steps, false))).toBe(1189);
  });

  it("gives back no more than the total when the tax was inside the prices", () => {
    // 3 × 3.33 with 19% included: 9.99 charged, of which 1.60 tax.
    const line = { quantity: 3, total: 999, taxAmount: 160 };
    expect(chargedAmount(line, true)).toBe(999);
    expect(inSteps(line, [1, 1, 1], true)).toEqual([333, 333, 333]);
    for (const steps of STEPS) expect(sum(inSteps(line, steps, true))).toBe(999);
  });
});

describe("returnShippingShare", () => {
  it("adds the shipping's tax to the charge only when the tax was added on top", () => {
    expect(shippingCharged({ shippingTotal: 490, shippingTax: 93, taxesIncluded: false })).toBe(583);
    expect(shippingCharged({ shippingTotal: 490, shippingTax: 78, taxesIncluded: true })).toBe(490);
  });

  it("gives back the returned goods' share of the shipping paid, rounded half to even", () => {
    const share = (returnedValue: number, shipping = 500, goods = 4000) =>
      returnShippingShare({
        shippingCharged: shipping,
        shippingRefunded: 0,
        returnedValue,
        goodsCharged: goods,
        last: false,
      });
    expect(share(1000)).toBe(125);
    expect(share(0)).toBe(0);
    // 5 × 1/2 = 2.5 → 2; 3 × 1/2 = 1.5 → 2; 7 × 1/2 = 3.5 → 4; 5 × 1/3 = 1.67 → 2; 5 × 1/4 = 1.25 → 1.
    expect(share(1, 5, 2)).toBe(2);
    expect(share(1, 3, 2)).toBe(2);
    expect(share(1, 7, 2)).toBe(4);
    expect(share(1, 5, 3)).toBe(2);
    expect(share(1, 5, 4)).toBe(1);
    // No goods value (everything free): nothing until the last return.
    expect(share(0, 500, 0)).toBe(0);
    // Exact with amounts whose product passes 2^53.
    expect(share(1_999_999_999, 1_999_999_999, 2_000_000_000)).toBe(1_999_999_998);
  });

  it("gives the rest to the return that leaves no unit unrefunded, and never more than the rest", () => {
    const base = { shippingCharged: 500, returnedValue: 1000, goodsCharged: 3000 };
    // Thirds of 5.00: 1.67, 1.67, then the rest 1.66.
    const first = returnShippingShare({ ...base, shippingRefunded: 0, last: false });
    const second = returnShippingShare({ ...base, shippingRefunded: first, last: false });
    const last = returnShippingShare({ ...base, shippingRefunded: first + second, last: true });
    expect([first, second, last]).toEqual([167, 167, 166]);
    expect(first + second + last).toBe(500);
    expect(returnShippingShare({ ...base, shippingRefunded: 450, last: false })).toBe(50);
    expect(returnShippingShare({ ...base, shippingRefunded: 500, last: false })).toBe(0);
    expect(returnShippingShare({ ...base, shippingRefunded: 500, last: true })).toBe(0);
  });
});

describe("returns", () => {
  const line = {
    quantity: 5,
    refundedQuantity: 0,
    fulfilledQuantity: 3,
    returnedQuantity: 0,
    returnRequestedQuantity: 0,
  };

  it("lets the buyer return delivered units not refunded, less those in returns awaiting a decision", () => {
    expect(returnableUnits(line)).toBe(3);
    expect(returnableUnits({ ...line, fulfilledQuantity: 0 })).toBe(0);
    expect(returnableUnits({ ...line, returnRequestedQuantity: 2 })).toBe(1);
    // Returned units were delivered and refunded: not again.
    expect(returnableUnits({ ...line, refundedQuantity: 1, returnedQuantity: 1 })).toBe(2);
    // Refunded without a return (orderRefund): 4 units left unrefunded, 3 delivered.
    expect(returnableUnits({ ...line, refundedQuantity: 3 })).toBe(2);
    expect(returnableUnits({ ...line, refundedQuantity: 5 })).toBe(0);
    expect(
      returnableUnits({ ...line, fulfilledQuantity: 5, refundedQuantity: 4, returnRequestedQuantity: 1 }),
    ).toBe(0);
  });

  it("keeps the window open for its days after delivery, to the millisecond; a window of 0 takes no returns", () => {
    const delivered = new Date("2026-06-01T12:00:00Z");
    const after = (days: number, ms = 0) => new Date(delivered.getTime() + days * 86_400_000 + ms);
    expect(returnWindowOpen(delivered, 30, after(0))).toBe(true);
    expect(returnWindowOpen(delivered, 30, after(30))).toBe(true);
    expect(returnWindowOpen(delivered, 30, after(30, 1))).toBe(false);
    expect(returnWindowOpen(delivered, 0, after(0))).toBe(false);
  });
});
