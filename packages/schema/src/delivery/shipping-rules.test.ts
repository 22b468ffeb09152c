import { describe, expect, it } from "vitest";
import {
  deliveryQuote,
  provinceCodeProblem,
  rateApplies,
  rateCost,
  type DeliveryLine,
  type ShippingRateRule,
  type ShippingZoneRule,
} from "./shipping-rules.ts";

const rate = (over: Partial<ShippingRateRule> = {}): ShippingRateRule => ({
  handle: "standard",
  title: "Standard",
  price: 490,
  condition: "NONE",
  conditionMin: 0,
  conditionMax: null,
  freeAbove: null,
  minDays: 2,
  maxDays: 4,
  ...over,
});
const zone = (over: Partial<ShippingZoneRule> = {}): ShippingZoneRule => ({
  countryCodes: ["DE"],
  provinceCodes: [],
  rates: [rate()],
  ...over,
});
const line = (over: Partial<DeliveryLine> = {}): DeliveryLine => ({
  quantity: 1,
  weightGrams: 500,
  requiresShipping: true,
  total: 2000,
  ...over,
});
const berlin = { countryCode: "DE", provinceCode: "BE" };

describe("deliveryQuote", () => {
  it("offers the covering zone's rates with their price and estimate", () => {
    expect(deliveryQuote([zone()], berlin, [line()])).toEqual({
      requiresShipping: true,
      options: [{ handle: "standard", title: "Standard", minDays: 2, maxDays: 4, cost: 490 }],
      unavailableReason: null,
    });
  });

  it("makes a rate free at exactly its freeAbove threshold, not one unit below", () => {
    const free = zone({ rates: [rate({ freeAbove: 5000 })] });
    expect(deliveryQuote([free], berlin, [line({ total: 5000 })]).options[0]?.cost).toBe(0);
    expect(deliveryQuote([free], berlin, [line({ total: 4999 })]).options[0]?.cost).toBe(490);
  });

  it("sums the shipped lines' totals after discounts for freeAbove, ignoring digital lines", () => {
    const free = zone({ rates: [rate({ freeAbove: 5000 })] });
    const lines = [line({ total: 3000 }), line({ total: 3000, requiresShipping: false })];
    expect(deliveryQuote([free], berlin, lines).options[0]?.cost).toBe(490);
    expect(
      deliveryQuote([free], berlin, [line({ total: 2500 }), line({ total: 2500 })]).options[0]?.cost,
    ).toBe(0);
  });

  it("offers weight rates whose inclusive range holds the group's weight × quantity", () => {
    const light = rate({ handle: "light", condition: "WEIGHT", conditionMin: 0, conditionMax: 1000 });
    const heavy = rate({ handle: "heavy", condition: "WEIGHT", conditionMin: 1001, conditionMax: null });
    const z = zone({ rates: [light, heavy] });
    const handles = (lines: DeliveryLine[]) => deliveryQuote([z], berlin, lines).options.map((o) => o.handle);
    expect(handles([line({ weightGrams: 500, quantity: 2 })])).toEqual(["light"]);
    expect(handles([line({ weightGrams: 1001 })])).toEqual(["heavy"]);
    expect(handles([line({ weightGrams: 0 })])).toEqual(["light"]);
  });

  it("checks the bounds of weight and order value ranges inclusively", () => {
    const byWeight = rate({ condition: "WEIGHT", conditionMin: 100, conditionMax: 200 });
    expect([99, 100, 200, 201].map((g) => rateApplies(byWeight, g, 0))).toEqual([false, true, true, false]);
    const byValue = rate({ condition: "ORDER_VALUE", conditionMin: 1000, conditionMax: 2000 });
    expect([999, 1000, 2000, 2001].map((v) => rateApplies(byValue, 0, v))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(rateCost(rate({ freeAbove: 0 }), 0)).toBe(0);
  });

  it("prefers a zone naming the address's province over one covering its whole country", () => {
    const country = zone({ rates: [rate({ handle: "de" })] });
    const province = zone({ provinceCodes: ["DE-BE"], rates: [rate({ handle: "berlin" })] });
    expect(deliveryQuote([country, province], berlin, [line()]).options.map((o) => o.handle)).toEqual([
      "berlin",
    ]);
    const munich = { countryCode: "DE", provinceCode: "BY" };
    expect(deliveryQuote([country, province], munich, [line()]).options.map((o) => o.handle)).toEqual(["de"]);
  });

  it("does not cover other provinces of a country a zone names provinces of", () => {
    const province = zone({ provinceCodes: ["DE-BE"] });
    expect(deliveryQuote([province], { countryCode: "DE", provinceCode: "BY" }, [line()])).toEqual({
      requiresShipping: true,
      options: [],
      unavailableReason: "NOT_COVERED",
    });
    expect(
      deliveryQuote([province], { countryCode: "DE", provinceCode: null }, [line()]).unavailableReason,
    ).toBe("NOT_COVERED");
  });

  it("covers whole countries of a zone that names provinces of another country only", () => {
    const mixed = zone({ countryCodes: ["DE", "US"], provinceCodes: ["US-CA"] });
    expect(deliveryQuote([mixed], berlin, [line()]).options).toHaveLength(1);
    expect(deliveryQuote([mixed], { countryCode: "US", provinceCode: "CA" }, [line()]).options).toHaveLength(
      1,
    );
    expect(deliveryQuote([mixed], { countryCode: "US", provinceCode: "NY" }, [line()]).options).toHaveLength(
      0,
    );
  });

  it("says NOT_COVERED when no zone covers the address and NO_ADDRESS without one", () => {
    expect(
      deliveryQuote([zone()], { countryCode: "FR", provinceCode: null }, [line()]).unavailableReason,
    ).toBe("NOT_COVERED");
    expect(deliveryQuote([], berlin, [line()]).unavailableReason).toBe("NOT_COVERED");
    expect(deliveryQuote([zone()], null, [line()]).unavailableReason).toBe("NO_ADDRESS");
  });

  it("says NO_RATE_APPLIES when the zone covers the address but no rate's condition holds", () => {
    const z = zone({ rates: [rate({ condition: "WEIGHT", conditionMin: 0, conditionMax: 100 })] });
    expect(deliveryQuote([z], berlin, [line({ weightGrams: 101 })])).toEqual({
      requiresShipping: true,
      options: [],
      unavailableReason: "NO_RATE_APPLIES",
    });
  });

  it("needs no delivery for a digital-only group, with or without an address or zones", () => {
    const digital = [line({ requiresShipping: false }), line({ requiresShipping: false })];
    const none = { requiresShipping: false, options: [], unavailableReason: null };
    expect(deliveryQuote([zone()], berlin, digital)).toEqual(none);
    expect(deliveryQuote([], null, digital)).toEqual(none);
  });
});

describe("provinceCodeProblem", () => {
  it("accepts a subdivision of one of the zone's countries", () => {
    expect(provinceCodeProblem("US-CA", ["US"])).toBeNull();
    expect(provinceCodeProblem("DE-BE", ["DE", "AT"])).toBeNull();
  });

  it("refuses malformed codes, other countries' and unknown subdivisions", () => {
    expect(provinceCodeProblem("CA", ["US"])?.code).toBe("INVALID");
    expect(provinceCodeProblem("US-CA", ["DE"])?.code).toBe("INVALID_PROVINCE");
    expect(provinceCodeProblem("US-ZZ", ["US"])?.code).toBe("INVALID_PROVINCE");
  });
});
