import { describe, expect, it } from "vitest";
import { allocate, discountAmount, priceCart, type DiscountCodeTerms } from "./pricing.ts";

const now = new Date("2026-06-01T12:00:00Z");

function terms(overrides: Partial<DiscountCodeTerms> = {}): DiscountCodeTerms {
  return {
    id: "d1",
    shopId: "shop-a",
    code: "SAVE10",
    kind: "PERCENTAGE",
    value: 1000,
    minSubtotal: null,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    usageCount: 0,
    perBuyerLimit: null,
    buyerUsage: null,
    ...overrides,
  };
}

describe("allocate", () => {
  it("splits an amount in proportion and the parts add up exactly", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [500, 300, 200])).toEqual([5, 3, 2]);
    expect(allocate(7, [0, 5])).toEqual([0, 7]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
    const parts = allocate(999_999_999, [123_456_789, 987_654_321, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(999_999_999);
  });
});

describe("discountAmount", () => {
  it("rounds percentages half up and caps fixed amounts at the subtotal", () => {
    expect(discountAmount({ kind: "PERCENTAGE", value: 1000 }, 1995)).toBe(200);
    expect(discountAmount({ kind: "PERCENTAGE", value: 1250 }, 4)).toBe(1);
    expect(discountAmount({ kind: "PERCENTAGE", value: 10_000 }, 4321)).toBe(4321);
    expect(discountAmount({ kind: "FIXED_AMOUNT", value: 500 }, 300)).toBe(300);
    expect(discountAmount({ kind: "FIXED_AMOUNT", value: 500 }, 3000)).toBe(500);
  });
});

describe("priceCart", () => {
  const lines = [
    { id: "l1", shopId: "shop-a", quantity: 2, unitPrice: 1000 },
    { id: "l2", shopId: "shop-a", quantity: 1, unitPrice: 500 },
    { id: "l3", shopId: "shop-b", quantity: 1, unitPrice: 3000 },
  ];

  it("applies a shop's code to that shop's lines only, spread by subtotal", () => {
    const priced = priceCart(lines, ["SAVE10"], [terms()], now);
    expect(priced.subtotal).toBe(5500);
    expect(priced.discount).toBe(250);
    expect(priced.total).toBe(5250);
    expect(priced.lines.map((l) => l.discount)).toEqual([200, 50, 0]);
    expect(priced.codes).toEqual([
      expect.objectContaining({ code: "SAVE10", applicable: true, reason: null, amount: 250 }),
    ]);
  });

  it("applies the larger of two codes of one shop: codes do not stack", () => {
    const priced = priceCart(
      lines,
      ["SAVE10", "FIVE"],
      [terms(), terms({ id: "d2", code: "FIVE", kind: "FIXED_AMOUNT", value: 500 })],
      now,
    );
    expect(priced.discount).toBe(500);
    expect(priced.codes.map((c) => [c.code, c.applicable, c.reason])).toEqual([
      ["SAVE10", false, "NOT_COMBINABLE"],
      ["FIVE", true, null],
    ]);
  });

  it("says why a code does not apply", () => {
    const cases: [Partial<DiscountCodeTerms>, string][] = [
      [{ startsAt: new Date("2026-07-01T00:00:00Z") }, "NOT_STARTED"],
      [{ endsAt: now }, "EXPIRED"],
      [{ minSubtotal: 2501 }, "MINIMUM_SUBTOTAL_NOT_MET"],
      [{ usageLimit: 3, usageCount: 3 }, "USAGE_LIMIT_REACHED"],
      [{ perBuyerLimit: 1, buyerUsage: 1 }, "BUYER_LIMIT_REACHED"],
      [{ shopId: "shop-c" }, "NO_MATCHING_ITEMS"],
    ];
    for (const [overrides, reason] of cases) {
      const priced = priceCart(lines, ["SAVE10"], [terms(overrides)], now);
      expect(priced.discount).toBe(0);
      expect(priced.codes[0]).toMatchObject({ applicable: false, reason });
    }
    expect(priceCart(lines, ["NOPE"], [], now).codes[0]).toMatchObject({
      applicable: false,
      reason: "UNKNOWN_CODE",
    });
  });

  it("lists the terms a checkout must refuse: matched a shop in the cart but do not apply", () => {
    const priced = priceCart(lines, ["SAVE10"], [terms({ usageLimit: 1, usageCount: 1 })], now);
    expect(priced.codes[0]!.refused).toEqual([
      { discountCodeId: "d1", shopId: "shop-a", reason: "USAGE_LIMIT_REACHED" },
    ]);
  });
});
