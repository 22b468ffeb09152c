import { describe, expect, it } from "vitest";
import { divideHalfEven, percentageOf, taxGroup, taxOf, taxRateFor, type TaxRateRule } from "./tax-rules.ts";

const rate = (over: Partial<TaxRateRule>): TaxRateRule => ({
  shopId: null,
  countryCode: "US",
  provinceCode: null,
  name: "Tax",
  ratePpm: 100_000,
  shippingTaxable: true,
  ...over,
});

describe("divideHalfEven", () => {
  it("rounds ties to the even neighbour and everything else to the nearest", () => {
    expect([5n, 15n, 25n, 35n].map((n) => divideHalfEven(n, 10n))).toEqual([0n, 2n, 2n, 4n]);
    expect(divideHalfEven(14n, 10n)).toBe(1n);
    expect(divideHalfEven(16n, 10n)).toBe(2n);
    expect(divideHalfEven(251n, 100n)).toBe(3n);
    expect(divideHalfEven(0n, 7n)).toBe(0n);
  });
});

describe("taxOf", () => {
  it("adds tax exclusive of the price, half to even at exact halves", () => {
    // 10% of 125 = 12.5 → 12 (even); of 135 = 13.5 → 14 (even); of 126 = 12.6 → 13.
    expect(taxOf(125, 100_000, false)).toBe(12);
    expect(taxOf(135, 100_000, false)).toBe(14);
    expect(taxOf(126, 100_000, false)).toBe(13);
    // 8.875% of $19.99 = 177.41… → 177.
    expect(taxOf(1999, 88_750, false)).toBe(177);
  });

  it("finds the tax inside a tax-inclusive price", () => {
    // 19% VAT inside €119.00 is €19.00 exactly; inside €10.00 it is 159.66… → 160.
    expect(taxOf(11_900, 190_000, true)).toBe(1_900);
    expect(taxOf(1_000, 190_000, true)).toBe(160);
    // 25% inside 5 minor units is 1 exactly; ties: 100% inside 5 is 2.5 → 2, inside 7 is 3.5 → 4.
    expect(taxOf(5, 250_000, true)).toBe(1);
    expect(taxOf(5, 1_000_000, true)).toBe(2);
    expect(taxOf(7, 1_000_000, true)).toBe(4);
  });

  it("is zero for nothing, for a zero rate and for negative amounts", () => {
    expect(taxOf(0, 190_000, false)).toBe(0);
    expect(taxOf(1000, 0, true)).toBe(0);
    expect(taxOf(-5, 190_000, false)).toBe(0);
  });

  it("stays exact for the largest amounts accepted", () => {
    expect(taxOf(2_000_000_000, 88_750, false)).toBe(177_500_000);
  });
});

describe("taxRateFor", () => {
  const rates = [
    rate({ countryCode: "US", provinceCode: null, ratePpm: 1 }),
    rate({ countryCode: "US", provinceCode: "CA", ratePpm: 2 }),
    rate({ shopId: "s1", countryCode: "US", provinceCode: null, ratePpm: 3 }),
    rate({ shopId: "s1", countryCode: "US", provinceCode: "NY", ratePpm: 4 }),
    rate({ countryCode: "DE", ratePpm: 190_000 }),
  ];
  const at = (shopId: string, countryCode: string, provinceCode: string | null) =>
    taxRateFor(rates, shopId, { countryCode, provinceCode })?.ratePpm ?? null;

  it("prefers the shop's province, then the shop's country, then the platform's province and country", () => {
    expect(at("s1", "US", "NY")).toBe(4);
    expect(at("s1", "US", "CA")).toBe(3);
    expect(at("s2", "US", "CA")).toBe(2);
    expect(at("s2", "US", "TX")).toBe(1);
    expect(at("s2", "US", null)).toBe(1);
    expect(at("s1", "DE", "BE")).toBe(190_000);
  });

  it("gives no rate where none is set or without a destination", () => {
    expect(at("s1", "FR", null)).toBeNull();
    expect(taxRateFor(rates, "s1", null)).toBeNull();
  });
});

describe("taxGroup", () => {
  it("adds US-style tax per line and on shipping, rounded per line", () => {
    const taxed = taxGroup(
      {
        lines: [
          { id: "a", total: 125 },
          { id: "b", total: 135 },
        ],
        shipping: 500,
        pricesIncludeTax: false,
      },
      rate({ ratePpm: 100_000 }),
    );
    expect(Object.fromEntries(taxed.lineTaxes)).toEqual({ a: 12, b: 14 });
    expect(taxed.shippingTax).toBe(50);
    expect(taxed.tax).toBe(76);
    expect(taxed.total).toBe(125 + 135 + 500 + 76);
    // Per line, not on the sum: 10% of 260 would be 26, the lines give 12 + 14 = 26 here, but
    // 3 × 5 gives 0+0+0 where 15 would give 2.
    const small = taxGroup(
      {
        lines: ["x", "y", "z"].map((id) => ({ id, total: 5 })),
        shipping: 0,
        pricesIncludeTax: false,
      },
      rate({ ratePpm: 100_000 }),
    );
    expect(small.tax).toBe(0);
  });

  it("keeps EU-style tax inside the prices and does not add it", () => {
    const taxed = taxGroup(
      { lines: [{ id: "a", total: 11_900 }], shipping: 595, pricesIncludeTax: true },
      rate({ countryCode: "DE", ratePpm: 190_000 }),
    );
    expect(taxed.lineTaxes.get("a")).toBe(1_900);
    expect(taxed.shippingTax).toBe(95);
    expect(taxed.total).toBe(11_900 + 595);
    expect(taxed.taxIncluded).toBe(true);
  });

  it("leaves shipping untaxed when the rate says so, and taxes nothing without a rate", () => {
    const noShippingTax = taxGroup(
      { lines: [{ id: "a", total: 1000 }], shipping: 500, pricesIncludeTax: false },
      rate({ ratePpm: 100_000, shippingTaxable: false }),
    );
    expect(noShippingTax.shippingTax).toBe(0);
    expect(noShippingTax.tax).toBe(100);
    const none = taxGroup(
      { lines: [{ id: "a", total: 1000 }], shipping: 500, pricesIncludeTax: false },
      null,
    );
    expect(none.tax).toBe(0);
    expect(none.total).toBe(1500);
  });
});

describe("percentageOf", () => {
  it("writes parts per million as an exact percentage", () => {
    expect(percentageOf(190_000)).toBe("19");
    expect(percentageOf(88_750)).toBe("8.875");
    expect(percentageOf(72_500)).toBe("7.25");
    expect(percentageOf(1)).toBe("0.0001");
    expect(percentageOf(0)).toBe("0");
    expect(percentageOf(1_000_000)).toBe("100");
  });
});
