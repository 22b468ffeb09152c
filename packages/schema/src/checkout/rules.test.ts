import { describe, expect, it } from "vitest";
import {
  canDo,
  chargedAmount,
  fulfillableUnits,
  fulfillmentStatusOf,
  refundAmount,
  returnableUnits,
  returnShippingShare,
  returnWindowOpen,
  shippingCharged,
  statusOf,
  whyNot,
} from "./rules.ts";

const at = new Date("2026-06-01T00:00:00Z");

describe("order moves", () => {
  /** A line of `quantity` units with some shipped, refunded, and refunded through returns. */
  const line = (quantity: number, fulfilledQuantity = 0, refundedQuantity = 0, returnedQuantity = 0) => ({
    quantity,
    fulfilledQuantity,
    refundedQuantity,
    returnedQuantity,
  });

  it("fulfils paid orders while a unit is owed, cancels them only while nothing shipped, refunds paid or fulfilled ones, and nothing moves a pending, cancelled or refunded order", () => {
    const unshipped = [line(2), line(1)];
    const partlyShipped = [line(2, 1), line(1)];
    expect(canDo("fulfil", { status: "PAID", fulfilledAt: null, lines: unshipped })).toBe(true);
    expect(canDo("fulfil", { status: "PAID", fulfilledAt: null, lines: partlyShipped })).toBe(true);
    expect(canDo("fulfil", { status: "PARTIALLY_REFUNDED", fulfilledAt: at, lines: [line(2, 1, 1)] })).toBe(
      false,
    );
    expect(whyNot("fulfil", { status: "FULFILLED", fulfilledAt: at, lines: [line(2, 2)] })).toBe("STATUS");
    // Shipped and refunded before shipping cover every unit; orders fulfilled whole before lines counted.
    expect(
      whyNot("fulfil", { status: "PARTIALLY_REFUNDED", fulfilledAt: null, lines: [line(3, 2, 1)] }),
    ).toBe("NOTHING_FULFILLABLE");
    expect(whyNot("fulfil", { status: "PARTIALLY_REFUNDED", fulfilledAt: at, lines: [line(2, 0, 1)] })).toBe(
      "FULFILLED",
    );
    expect(canDo("cancel", { status: "PAID", fulfilledAt: null, lines: unshipped })).toBe(true);
    expect(canDo("cancel", { status: "PARTIALLY_REFUNDED", fulfilledAt: null, lines: [line(2, 0, 1)] })).toBe(
      true,
    );
    expect(whyNot("cancel", { status: "PAID", fulfilledAt: null, lines: partlyShipped })).toBe("FULFILLED");
    expect(whyNot("cancel", { status: "PARTIALLY_REFUNDED", fulfilledAt: at, lines: [line(2, 0, 1)] })).toBe(
      "FULFILLED",
    );
    expect(canDo("cancel", { status: "FULFILLED", fulfilledAt: at, lines: [line(1, 1)] })).toBe(false);
    expect(canDo("refund", { status: "FULFILLED", fulfilledAt: at, lines: [line(1, 1)] })).toBe(true);
    expect(canDo("refund", { status: "PAID", fulfilledAt: null, lines: partlyShipped })).toBe(true);
    for (const status of ["PENDING", "CANCELLED", "REFUNDED"] as const) {
      for (const action of ["fulfil", "cancel", "refund"] as const)
        expect(canDo(action, { status, fulfilledAt: null, lines: unshipped })).toBe(false);
    }
  });

  it("owes the units neither shipped nor refunded before shipping; units refunded through a return were shipped", () => {
    expect(fulfillableUnits(line(3))).toBe(3);
    expect(fulfillableUnits(line(3, 1))).toBe(2);
    // One refunded before shipping: not owed any more.
    expect(fulfillableUnits(line(3, 1, 1))).toBe(1);
    // Two shipped, one of them returned and refunded: the third is still owed.
    expect(fulfillableUnits(line(3, 2, 1, 1))).toBe(1);
    expect(fulfillableUnits(line(3, 3, 2, 1))).toBe(0);
    expect(fulfillableUnits(line(3, 0, 3))).toBe(0);
    // Never negative, whatever the counts.
    expect(fulfillableUnits(line(3, 2, 3))).toBe(0);
  });

  it("derives the fulfilment status from the lines", () => {
    const of = (lines: ReturnType<typeof line>[], fulfilledAt: Date | null = null) =>
      fulfillmentStatusOf({ fulfilledAt, lines });
    expect(of([line(2), line(1)])).toBe("UNFULFILLED");
    expect(of([line(2, 0, 2)])).toBe("UNFULFILLED");
    expect(of([line(2, 1), line(1)])).toBe("PARTIALLY_FULFILLED");
    expect(of([line(2, 2), line(1)])).toBe("PARTIALLY_FULFILLED");
    expect(of([line(2, 2), line(1, 1)])).toBe("FULFILLED");
    // The rest refunded before shipping: everything owed was shipped.
    expect(of([line(2, 1, 1), line(1, 0, 1)])).toBe("FULFILLED");
    // Returned units stay fulfilled.
    expect(of([line(2, 2, 1, 1)])).toBe("FULFILLED");
    // Fulfilled whole before fulfilment went by lines.
    expect(of([line(2)], at)).toBe("FULFILLED");
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
