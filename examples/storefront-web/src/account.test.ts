import { describe, expect, it } from "vitest";
import { addBusinessDays, discountReasonText, orderTimeline, returnableQuantity } from "./account.ts";

describe("orderTimeline", () => {
  const paid = {
    createdAt: "2026-03-02T10:00:00Z",
    paidAt: "2026-03-02T10:00:05Z",
    fulfillmentStatus: "UNFULFILLED",
    fulfilledAt: null,
    fulfillments: [],
    shippingLine: { estimatedDays: { max: 4 } },
  };

  it("a paid order waits for shipping", () => {
    expect(orderTimeline(paid).map((entry) => [entry.step, entry.done])).toEqual([
      ["ordered", true],
      ["paid", true],
      ["shipped", false],
      ["delivered", false],
    ]);
  });

  it("shipped: arriving by the estimate's last business day, delivered once it has passed", () => {
    const shipped = {
      ...paid,
      fulfillmentStatus: "FULFILLED",
      fulfilledAt: "2026-03-06T09:00:00Z", // a Friday
      fulfillments: [{ createdAt: "2026-03-06T09:00:00Z" }],
    };
    const before = orderTimeline(shipped, Date.parse("2026-03-10T00:00:00Z"));
    expect(before[2]).toMatchObject({ label: "Shipped", done: true, at: "2026-03-06T09:00:00Z" });
    expect(before[3]).toMatchObject({ label: "Arriving", done: false, at: "2026-03-12T09:00:00.000Z" });
    expect(orderTimeline(shipped, Date.parse("2026-03-13T00:00:00Z"))[3]).toMatchObject({
      label: "Delivered",
      done: true,
    });
  });

  it("some units shipped: partly shipped, not yet arriving", () => {
    const partly = {
      ...paid,
      fulfillmentStatus: "PARTIALLY_FULFILLED",
      fulfillments: [{ createdAt: "2026-03-03T09:00:00Z" }],
    };
    const steps = orderTimeline(partly);
    expect(steps[2]).toMatchObject({ label: "Partly shipped", done: true });
    expect(steps[3]).toMatchObject({ done: false, at: null });
  });
});

describe("addBusinessDays", () => {
  it("skips the weekend", () => {
    expect(addBusinessDays(new Date("2026-03-06T12:00:00Z"), 1).toISOString()).toBe(
      "2026-03-09T12:00:00.000Z",
    );
    expect(addBusinessDays(new Date("2026-03-02T12:00:00Z"), 0).toISOString()).toBe(
      "2026-03-02T12:00:00.000Z",
    );
  });
});

describe("returnableQuantity", () => {
  const line = { id: "L1", fulfilledQuantity: 3, refundedQuantity: 1 };
  it("shipped units less those refunded and those in requested returns", () => {
    expect(returnableQuantity(line, [])).toBe(2);
    expect(
      returnableQuantity(line, [
        { status: "REQUESTED", lines: [{ quantity: 1, line: { id: "L1" } }] },
        { status: "DECLINED", lines: [{ quantity: 2, line: { id: "L1" } }] },
        { status: "REQUESTED", lines: [{ quantity: 1, line: { id: "L2" } }] },
      ]),
    ).toBe(1);
  });
  it("nothing before shipping", () => {
    expect(returnableQuantity({ id: "L1", fulfilledQuantity: 0, refundedQuantity: 0 }, [])).toBe(0);
  });
});

describe("discountReasonText", () => {
  it("says why a code does not apply", () => {
    expect(discountReasonText("UNKNOWN_CODE")).toBe("This code does not exist.");
    expect(discountReasonText("MINIMUM_SUBTOTAL_NOT_MET")).toMatch(/minimum/);
    expect(discountReasonText("SOMETHING_NEW")).toBe("This code does not apply.");
  });
});
