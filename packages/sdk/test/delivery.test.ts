/**
 * Delivery, tax, fulfilment and returns through the SDK's named operations against the real API
 * over HTTP, as one story: the platform and a US-style merchant set tax rates and shipping zones,
 * a buyer keeps an address book and ships a cart of physical goods to a saved address with a
 * chosen option, and the merchant fulfils it in two parcels with tracking and answers returns.
 * Expected failures come back as typed userErrors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShoppableClient } from "../src/index.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
let platform: ShoppableClient;
let merchant: ShoppableClient;
let buyer: ShoppableClient;
let anonymous: ShoppableClient;
let shop: { id: string; handle: string };
let variantId: string;

const NEW_YORK = {
  firstName: "Ada",
  lastName: "Lovelace",
  address1: "350 5th Ave",
  address2: "Floor 86",
  city: "New York",
  provinceCode: "NY",
  zip: "10118",
  countryCode: "US",
};

beforeAll(async () => {
  live = await startLiveApi();
  platform = live.client({ key: "secret" });
  merchant = live.client({ key: "secret", userToken: await live.api.token("dlv-merchant", ["MERCHANT"]) });
  buyer = live.client({ userToken: await live.api.token("dlv-buyer", ["BUYER"]) });
  anonymous = live.client();
  const created = await merchant.shopCreate({
    handle: "dlv-shop",
    name: "Delivery",
    currencyCode: "USD",
    refundShippingOnReturn: true,
  });
  expect(created.shop).toMatchObject({
    pricesIncludeTax: false,
    returnWindowDays: 30,
    refundShippingOnReturn: true,
  });
  shop = { id: created.shop?.id ?? "", handle: created.shop?.handle ?? "" };
  const product = await merchant.productCreate({
    shopId: shop.id,
    title: "Mug",
    handle: "dlv-mug",
    status: "ACTIVE",
    variants: [{ price: "20.00", sku: "MUG-1", inventoryQuantity: 10, weightGrams: 400 }],
  });
  expect(product.product?.variants[0]).toMatchObject({ weightGrams: 400, requiresShipping: true });
  variantId = product.product?.variants[0]?.id ?? "";
});
afterAll(() => live.close());

describe("shipping zones and tax rates", () => {
  it("shippingZoneCreate, shippingZoneUpdate and shippingZoneDelete; Shop.shippingZones lists them", async () => {
    const created = await merchant.shippingZoneCreate({
      shopId: shop.id,
      name: "United States",
      countryCodes: ["US"],
      rates: [
        {
          handle: "ground",
          title: "Ground",
          price: "7.99",
          weightRange: { maxGrams: 4_999 },
          freeAbove: "100.00",
          minDays: 3,
          maxDays: 7,
        },
        { handle: "express", title: "Express", price: "24.00", minDays: 1, maxDays: 2 },
      ],
    });
    expect(created.userErrors).toEqual([]);
    expect(created.shippingZone?.rates[0]).toEqual({
      handle: "ground",
      title: "Ground",
      condition: "WEIGHT",
      price: { amount: "7.99", currencyCode: "USD" },
      weightRange: { minGrams: 0, maxGrams: 4_999 },
      orderValueRange: null,
      freeAbove: { amount: "100.00", currencyCode: "USD" },
      estimatedDays: { min: 3, max: 7 },
    });

    // Typed failures, nothing written: a province outside the zone's countries, a handle taken.
    const wrong = await merchant.shippingZoneCreate({
      shopId: shop.id,
      name: "Ontario",
      countryCodes: ["CA"],
      provinceCodes: ["US-NY"],
      rates: [{ handle: "ground", title: "Ground", price: "9.00", minDays: 3, maxDays: 9 }],
    });
    expect(wrong).toMatchObject({
      shippingZone: null,
      userErrors: [{ code: "INVALID_PROVINCE", field: ["provinceCodes", "0"] }],
    });
    const taken = await merchant.shippingZoneCreate({
      shopId: shop.id,
      name: "Canada",
      countryCodes: ["CA"],
      rates: [{ handle: "ground", title: "Ground", price: "9.00", minDays: 3, maxDays: 9 }],
    });
    expect(taken.userErrors.map((e) => e.code)).toEqual(["TAKEN"]);

    const canada = await merchant.shippingZoneCreate({
      shopId: shop.id,
      name: "Canada",
      countryCodes: ["CA"],
      rates: [{ handle: "canada", title: "Canada", price: "15.00", minDays: 5, maxDays: 10 }],
    });
    const zoneId = canada.shippingZone?.id ?? "";
    const updated = await merchant.shippingZoneUpdate({
      id: zoneId,
      name: "Canada, Ontario",
      provinceCodes: ["CA-ON"],
    });
    expect(updated.shippingZone).toMatchObject({ name: "Canada, Ontario", provinceCodes: ["CA-ON"] });
    const listed = await anonymous.shop({ handle: shop.handle });
    expect(listed?.shippingZones.map((z) => z.name)).toEqual(["United States", "Canada, Ontario"]);

    expect(await merchant.shippingZoneDelete({ id: zoneId })).toEqual({
      deletedShippingZoneId: zoneId,
      userErrors: [],
    });
    expect((await anonymous.shop({ handle: shop.handle }))?.shippingZones).toHaveLength(1);
    // Only the shop's merchants change its zones.
    await expect(buyer.shippingZoneDelete({ id: created.shippingZone?.id ?? "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("taxRateSet and taxRateDelete for the platform and a shop; platformTaxRates and Shop.taxRates list them", async () => {
    const ny = await platform.taxRateSet({
      countryCode: "US",
      provinceCode: "NY",
      name: "Sales tax",
      percentage: "8.875",
    });
    expect(ny.userErrors).toEqual([]);
    expect(ny.taxRate).toMatchObject({
      countryCode: "US",
      provinceCode: "NY",
      name: "Sales tax",
      percentage: "8.875",
      shippingTaxable: true,
      shop: null,
    });
    expect(
      (await anonymous.platformTaxRates()).map((r) => `${r.countryCode}-${r.provinceCode} ${r.percentage}`),
    ).toEqual(["US-NY 8.875"]);
    // A merchant may not set the platform's rates; bad percentages are typed.
    await expect(
      merchant.taxRateSet({ countryCode: "US", name: "Sales tax", percentage: "5" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const tooHigh = await merchant.taxRateSet({
      shopId: shop.id,
      countryCode: "US",
      name: "Tax",
      percentage: "101",
    });
    expect(tooHigh).toMatchObject({
      taxRate: null,
      userErrors: [{ code: "INVALID_RATE", field: ["percentage"] }],
    });

    const texas = await merchant.taxRateSet({
      shopId: shop.id,
      countryCode: "US",
      provinceCode: "TX",
      name: "Texas sales tax",
      percentage: "6.25",
      shippingTaxable: false,
    });
    expect(texas.taxRate).toMatchObject({
      percentage: "6.25",
      shippingTaxable: false,
      shop: { id: shop.id },
    });
    expect((await anonymous.shop({ handle: shop.handle }))?.taxRates.map((r) => r.name)).toEqual([
      "Texas sales tax",
    ]);
    const id = texas.taxRate?.id ?? "";
    expect(await merchant.taxRateDelete({ id })).toEqual({ deletedTaxRateId: id, userErrors: [] });
    expect((await anonymous.shop({ handle: shop.handle }))?.taxRates).toEqual([]);
  });
});

describe("the buyer's address book", () => {
  it("viewerAddressCreate, viewerAddressUpdate and viewerAddressDelete; viewer.addresses lists them, the default first", async () => {
    const first = await buyer.viewerAddressCreate({ address: NEW_YORK });
    expect(first.userErrors).toEqual([]);
    expect(first.address).toMatchObject({ isDefault: true, address: { ...NEW_YORK, company: null } });
    expect(first.address?.address.formatted).toContain("New York");
    const office = await buyer.viewerAddressCreate({
      address: { ...NEW_YORK, address1: "1 Main St", address2: null, city: "Buffalo", zip: "14202" },
    });
    expect(office.address?.isDefault).toBe(false);

    // Validated per country: typed errors on the field, nothing saved.
    const badZip = await buyer.viewerAddressCreate({ address: { ...NEW_YORK, zip: "ABC" } });
    expect(badZip).toMatchObject({
      address: null,
      userErrors: [{ code: "INVALID_ZIP", field: ["address", "zip"] }],
    });

    const officeId = office.address?.id ?? "";
    const defaulted = await buyer.viewerAddressUpdate({ id: officeId, isDefault: true });
    expect(defaulted.address).toMatchObject({ isDefault: true, address: { city: "Buffalo" } });
    expect((await buyer.viewer()).addresses.map((a) => [a.address.city, a.isDefault])).toEqual([
      ["Buffalo", true],
      ["New York", false],
    ]);
    expect(await buyer.viewerAddressDelete({ id: officeId })).toEqual({
      deletedAddressId: officeId,
      userErrors: [],
    });
    expect((await buyer.viewer()).addresses.map((a) => [a.address.city, a.isDefault])).toEqual([
      ["New York", true],
    ]);
    // Anonymous callers have no address book.
    expect((await anonymous.viewer()).addresses).toEqual([]);
  });
});

describe("a cart shipped to an address, fulfilled and returned", () => {
  let orderId: string;
  let lineId: string;

  it("cartDeliveryAddressUpdate and cartSelectedDeliveryOptionsUpdate: groups, options, shipping and tax in the cost; checkoutComplete keeps them", async () => {
    const cart = (await buyer.cartCreate({ lines: [{ variantId, quantity: 2 }] })).cart;
    const cartId = cart?.id ?? "";
    expect(cart?.deliveryGroups).toEqual([
      {
        shop: { id: shop.id, name: "Delivery" },
        requiresShipping: true,
        deliveryUnavailableReason: "NO_ADDRESS",
        deliveryOptions: [],
        selectedDeliveryOption: null,
      },
    ]);
    const idempotencyKey = crypto.randomUUID();
    const refused = await buyer.checkoutComplete({
      cartId,
      idempotencyKey,
      payment: { token: "tok_success" },
    });
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ code: "DELIVERY_ADDRESS_REQUIRED", shopId: shop.id }),
    ]);

    const addressId = (await buyer.viewer()).addresses[0]?.id;
    const addressed = await buyer.cartDeliveryAddressUpdate({ cartId, addressId });
    expect(addressed.userErrors).toEqual([]);
    expect(addressed.cart?.deliveryAddress).toMatchObject({ city: "New York", provinceCode: "NY" });
    const options = addressed.cart?.deliveryGroups[0]?.deliveryOptions;
    expect(options?.map((o) => [o.handle, o.cost.amount, o.estimatedDays])).toEqual([
      ["ground", "7.99", { min: 3, max: 7 }],
      ["express", "24.00", { min: 1, max: 2 }],
    ]);

    const unknown = await buyer.cartSelectedDeliveryOptionsUpdate({
      cartId,
      selections: [{ shopId: shop.id, handle: "teleport" }],
    });
    expect(unknown.userErrors).toEqual([
      expect.objectContaining({ code: "DELIVERY_OPTION_UNAVAILABLE", field: ["selections", "0", "handle"] }),
    ]);
    const selected = await buyer.cartSelectedDeliveryOptionsUpdate({
      cartId,
      selections: [{ shopId: shop.id, handle: "ground" }],
    });
    expect(selected.cart?.deliveryGroups[0]?.selectedDeliveryOption?.handle).toBe("ground");
    // 2 × 20.00; NY 8.875% added: 40.00 → 3.55, shipping 7.99 → 0.71 (half to even per line).
    expect(selected.cart?.cost).toEqual({
      subtotal: { amount: "40.00", currencyCode: "USD" },
      discount: { amount: "0.00", currencyCode: "USD" },
      shipping: { amount: "7.99", currencyCode: "USD" },
      tax: { amount: "4.26", currencyCode: "USD" },
      includedTax: { amount: "0.00", currencyCode: "USD" },
      total: { amount: "52.25", currencyCode: "USD" },
    });
    expect(selected.cart?.lines[0]?.cost).toMatchObject({ tax: { amount: "3.55" }, taxIncluded: false });

    const done = await buyer.checkoutComplete({
      cartId,
      idempotencyKey: crypto.randomUUID(),
      payment: { token: "tok_success" },
    });
    expect(done.userErrors).toEqual([]);
    expect(done.order).toMatchObject({
      status: "PAID",
      fulfillmentStatus: "UNFULFILLED",
      total: { amount: "52.25" },
      shippingTotal: { amount: "7.99" },
      taxTotal: { amount: "4.26" },
      taxesIncluded: false,
      shippingAddress: { ...NEW_YORK, company: null, phone: null },
      shippingLine: { handle: "ground", title: "Ground", price: { amount: "7.99" }, tax: { amount: "0.71" } },
      taxLines: [{ name: "Sales tax", percentage: "8.875", amount: { amount: "4.26" } }],
      lines: [expect.objectContaining({ quantity: 2, tax: { amount: "3.55", currencyCode: "USD" } })],
    });
    orderId = done.order?.id ?? "";
    lineId = done.order?.lines[0]?.id ?? "";
  });

  it("orderFulfill ships some units with tracking, then the rest; Order.fulfillments and fulfillmentStatus follow", async () => {
    const tooMany = await merchant.orderFulfill({ id: orderId, lines: [{ lineId, quantity: 5 }] });
    expect(tooMany.userErrors).toEqual([
      expect.objectContaining({ code: "FULFILL_QUANTITY_EXCEEDED", quantityFulfillable: 2 }),
    ]);
    const first = await merchant.orderFulfill({
      id: orderId,
      lines: [{ lineId, quantity: 1 }],
      tracking: {
        carrier: "UPS",
        number: "1Z999AA10123456784",
        url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      },
    });
    expect(first.userErrors).toEqual([]);
    expect(first.fulfillment).toMatchObject({
      tracking: { carrier: "UPS", number: "1Z999AA10123456784" },
      lines: [{ quantity: 1, line: { id: lineId } }],
    });
    expect(first.order).toMatchObject({
      fulfillmentStatus: "PARTIALLY_FULFILLED",
      lines: [{ fulfilledQuantity: 1 }],
    });

    const rest = await merchant.orderFulfill({
      id: orderId,
      tracking: { carrier: "UPS", number: "1Z999AA10123456785" },
    });
    expect(rest.order).toMatchObject({ status: "FULFILLED", fulfillmentStatus: "FULFILLED" });
    const order = await buyer.order({ id: orderId });
    expect(order?.fulfillments.map((f) => [f.tracking?.number, f.lines[0]?.quantity])).toEqual([
      ["1Z999AA10123456784", 1],
      ["1Z999AA10123456785", 1],
    ]);
  });

  it("returnRequest by the buyer; returnApprove refunds, returnDecline does not; Order.returns lists both", async () => {
    const tooMany = await buyer.returnRequest({
      orderId,
      lines: [{ lineId, quantity: 3 }],
      reason: "Too many",
    });
    expect(tooMany.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_RETURNABLE", quantityReturnable: 2 }),
    ]);

    const requested = await buyer.returnRequest({
      orderId,
      lines: [{ lineId, quantity: 1 }],
      reason: "Chipped",
    });
    expect(requested.userErrors).toEqual([]);
    expect(requested.return).toMatchObject({
      status: "REQUESTED",
      reason: "Chipped",
      lines: [{ quantity: 1 }],
    });
    const approved = await merchant.returnApprove({ id: requested.return?.id ?? "", restock: true });
    expect(approved.userErrors).toEqual([]);
    expect(approved.return).toMatchObject({
      status: "APPROVED",
      restock: true,
      refund: { status: "SUCCEEDED" },
    });
    // The unit's share of price and tax, and (the shop's policy) of shipping: more than its price alone.
    expect(Number(approved.return?.refund?.amount.amount)).toBeGreaterThan(20);

    const second = await buyer.returnRequest({
      orderId,
      lines: [{ lineId, quantity: 1 }],
      reason: "Changed my mind",
    });
    const declined = await merchant.returnDecline({ id: second.return?.id ?? "", reason: "Used" });
    expect(declined.return).toMatchObject({ status: "DECLINED", declineReason: "Used", refund: null });
    const again = await merchant.returnDecline({ id: second.return?.id ?? "" });
    expect(again.userErrors.map((e) => e.code)).toEqual(["RETURN_NOT_REQUESTED"]);

    const order = await buyer.order({ id: orderId });
    expect(order?.returns.map((r) => r.status)).toEqual(["APPROVED", "DECLINED"]);
    expect(order?.lines[0]).toMatchObject({ returnedQuantity: 1, refundedQuantity: 1 });
    expect(order?.refundedTotal).toEqual(approved.return?.refund?.amount);
  });
});
