import { describe, expect, it } from "vitest";
import type { CheckoutCartFields, DeliveryGroup } from "./documents.ts";
import {
  checkoutErrorTarget,
  estimateText,
  subtractAmounts,
  summaryRows,
  unavailableText,
} from "./delivery.ts";

const eur = (amount: string) => ({ amount, currencyCode: "EUR" as const });
const group = (overrides: Partial<DeliveryGroup> = {}): DeliveryGroup => ({
  shop: { id: "shop-1", name: "Studio Nord" },
  lines: [{ id: "line-1" }],
  requiresShipping: true,
  deliveryOptions: [],
  selectedDeliveryOption: null,
  deliveryUnavailableReason: null,
  ...overrides,
});
const line = (taxIncluded: boolean) => ({
  id: `line-${taxIncluded}`,
  quantity: 1,
  variant: null,
  cost: { total: eur("10.00"), tax: eur("1.00"), taxIncluded },
});
const address = {
  firstName: null,
  lastName: "Lovelace",
  company: null,
  address1: "Unter den Linden 1",
  address2: null,
  city: "Berlin",
  provinceCode: null,
  zip: "10117",
  countryCode: "DE",
  phone: null,
  formatted: "",
};
const cost = {
  subtotal: eur("100.00"),
  discount: eur("0.00"),
  shipping: eur("4.90"),
  tax: eur("20.75"),
  includedTax: eur("16.75"),
  total: eur("108.90"),
};
type SummaryCart = Pick<CheckoutCartFields, "cost" | "lines" | "deliveryAddress" | "deliveryGroups">;

describe("order summary rows", () => {
  it("shows the tax inside the prices as 'incl. VAT' and not as an added tax", () => {
    const cart: SummaryCart = {
      cost: { ...cost, tax: eur("16.75"), includedTax: eur("16.75"), total: eur("104.90") },
      lines: [line(true)],
      deliveryAddress: address,
      deliveryGroups: [group({ selectedDeliveryOption: { handle: "standard" } })],
    };
    expect(summaryRows(cart).map((row) => [row.label, row.amount?.amount ?? row.note])).toEqual([
      ["Subtotal", "100.00"],
      ["Shipping", "4.90"],
      ["incl. VAT", "16.75"],
      ["Total", "104.90"],
    ]);
  });

  it("adds the tax as 'Tax' for tax-exclusive shops, and shows both when the cart mixes them", () => {
    const exclusive: SummaryCart = {
      cost: { ...cost, includedTax: eur("0.00") },
      lines: [line(false)],
      deliveryAddress: address,
      deliveryGroups: [group({ selectedDeliveryOption: { handle: "standard" } })],
    };
    expect(summaryRows(exclusive).find((row) => row.key === "addedTax")?.amount).toEqual(eur("20.75"));
    expect(summaryRows(exclusive).some((row) => row.key === "includedTax")).toBe(false);

    const mixed = summaryRows({ ...exclusive, cost, lines: [line(true), line(false)] });
    expect(mixed.map((row) => [row.label, row.amount?.amount])).toEqual([
      ["Subtotal", "100.00"],
      ["Shipping", "4.90"],
      ["incl. VAT", "16.75"],
      ["Tax", "4.00"],
      ["Total", "108.90"],
    ]);
    expect(mixed.find((row) => row.key === "includedTax")?.included).toBe(true);
  });

  it("waits for the address before shipping and tax, then for an option in every group that ships", () => {
    const noAddress: SummaryCart = {
      cost: { ...cost, discount: eur("5.00") },
      lines: [line(false)],
      deliveryAddress: null,
      deliveryGroups: [group({ deliveryUnavailableReason: "NO_ADDRESS" })],
    };
    expect(summaryRows(noAddress).map((row) => [row.key, row.amount?.amount ?? row.note])).toEqual([
      ["subtotal", "100.00"],
      ["discount", "5.00"],
      ["shipping", "After your address"],
      ["addedTax", "After your address"],
      ["total", "108.90"],
    ]);
    const oneChosen = summaryRows({
      ...noAddress,
      deliveryAddress: address,
      deliveryGroups: [
        group({ selectedDeliveryOption: { handle: "standard" } }),
        group({ shop: { id: "shop-2", name: "Harbor" } }),
      ],
    });
    expect(oneChosen.find((row) => row.key === "shipping")).toMatchObject({
      amount: null,
      note: "Choose a delivery option",
    });
  });

  it("has no shipping row when nothing ships (digital goods)", () => {
    const rows = summaryRows({
      cost,
      lines: [line(true)],
      deliveryAddress: null,
      deliveryGroups: [group({ requiresShipping: false })],
    });
    expect(rows.map((row) => row.key)).toEqual(["subtotal", "includedTax", "total"]);
    expect(rows.find((row) => row.key === "includedTax")?.amount).toEqual(eur("16.75"));
  });
});

describe("delivery texts and checkout errors", () => {
  it("says why a group cannot be delivered", () => {
    expect(unavailableText(group({ deliveryUnavailableReason: "NO_ADDRESS" }), null)).toMatch(/address/);
    expect(unavailableText(group({ deliveryUnavailableReason: "NOT_COVERED" }), "US")).toBe(
      "Studio Nord does not deliver to the United States.",
    );
    expect(unavailableText(group({ deliveryUnavailableReason: "NO_RATE_APPLIES" }), "DE")).toMatch(
      /no delivery option for these items/,
    );
  });

  it("words delivery estimates in business days", () => {
    expect(estimateText({ min: 3, max: 5 })).toBe("3–5 business days");
    expect(estimateText({ min: 1, max: 1 })).toBe("1 business day");
    expect(estimateText({ min: 0, max: 0 })).toBe("Today");
  });

  it("sends DELIVERY_ errors to the address or to their shop's group, others to the payment form", () => {
    expect(checkoutErrorTarget({ code: "DELIVERY_ADDRESS_REQUIRED", shopId: "shop-1" })).toEqual({
      section: "address",
    });
    for (const code of ["DELIVERY_UNAVAILABLE", "DELIVERY_OPTION_REQUIRED", "DELIVERY_OPTION_UNAVAILABLE"])
      expect(checkoutErrorTarget({ code, shopId: "shop-2" })).toEqual({
        section: "delivery",
        shopId: "shop-2",
      });
    expect(checkoutErrorTarget({ code: "PAYMENT_DECLINED", shopId: null })).toEqual({ section: "payment" });
  });

  it("subtracts decimal amounts exactly", () => {
    expect(subtractAmounts("20.75", "16.75")).toBe("4.00");
    expect(subtractAmounts("0.3", "0.1")).toBe("0.2");
    expect(subtractAmounts("12.5", "2.385")).toBe("10.115");
    expect(subtractAmounts("1.00", "3.50")).toBe("-2.50");
    expect(subtractAmounts("7", "7")).toBe("0");
  });
});
