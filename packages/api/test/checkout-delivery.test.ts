// Checkout with delivery and tax: Cart.cost shows shipping and tax, checkout refuses carts that
// cannot be delivered and charges subtotal − discount + shipping + tax, orders keep the address,
// the shipping line and the tax lines as they were, and the statement budget holds.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, firstVariant, USER_ERRORS } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
let commerce: Commerce;
beforeAll(async () => {
  api = await startTestApi();
  commerce = await Commerce.start(api);
});
afterAll(() => api?.close());

const NEW_YORK = {
  firstName: "Ada",
  lastName: "Lovelace",
  address1: "350 5th Ave",
  city: "New York",
  provinceCode: "NY",
  zip: "10118",
  countryCode: "US",
};
const BERLIN = {
  lastName: "Vogel",
  address1: "Torstraße 1",
  city: "Berlin",
  provinceCode: "BE",
  zip: "10115",
  countryCode: "DE",
};

const MONEY = "amount currencyCode";
const COST = `cost {
  subtotal { ${MONEY} } discount { amount } shipping { amount } tax { amount } includedTax { amount } total { amount }
}
lines { id cost { total { amount } tax { amount } taxIncluded } }`;
const CART = `query($id: ID!) { cart(id: $id) { id ${COST} } }`;
const ADDRESS = `mutation($input: CartDeliveryAddressUpdateInput!) {
  cartDeliveryAddressUpdate(input: $input) { cart { id } ${USER_ERRORS} }
}`;
const SELECT = `mutation($input: CartSelectedDeliveryOptionsUpdateInput!) {
  cartSelectedDeliveryOptionsUpdate(input: $input) { cart { id } ${USER_ERRORS} }
}`;
const ZONE = `mutation($input: ShippingZoneCreateInput!) {
  shippingZoneCreate(input: $input) { shippingZone { id } ${USER_ERRORS} }
}`;
const ORDER_FIELDS = `id status shop { id }
  subtotal { amount } discountTotal { amount } shippingTotal { amount } taxTotal { amount } total { ${MONEY} }
  taxesIncluded
  shippingAddress { lastName address1 city provinceCode zip countryCode }
  shippingLine { handle title estimatedDays { min max } price { amount } tax { amount } }
  taxLines { name percentage amount { amount } }
  lines { quantity total { amount } tax { amount } }`;
const CHECKOUT_FULL = `mutation($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) {
    orders { ${ORDER_FIELDS} }
    userErrors { code field message shopId }
  }
}`;

async function shipsTo(shopId: string, countryCodes: string[], rates: Record<string, unknown>[]) {
  const res = ok(
    await api.gql(
      ZONE,
      { input: { shopId, name: countryCodes.join(" "), countryCodes, rates } },
      commerce.asMerchant,
    ),
  ).shippingZoneCreate;
  expect(res.userErrors).toEqual([]);
}

const rate = (handle: string, price: string, extra: Record<string, unknown> = {}) => ({
  handle,
  title: handle,
  price,
  minDays: 2,
  maxDays: 5,
  ...extra,
});

/** A tax rate row (the rate mutations have their own tests: tax-rates.test.ts). */
async function taxRate(
  shopDbId: string | null,
  countryCode: string,
  provinceCode: string | null,
  ratePpm: number,
  name: string,
) {
  await api.db.prisma.taxRate.create({
    data: { shopId: shopDbId, countryCode, provinceCode, ratePpm, name },
  });
}

async function cartTo(
  cartId: string,
  address: Record<string, unknown>,
  selections: { shopId: string; handle: string }[],
) {
  const set = ok(await api.gql(ADDRESS, { input: { cartId, address } })).cartDeliveryAddressUpdate;
  expect(set.userErrors).toEqual([]);
  if (selections.length === 0) return;
  const chosen = ok(
    await api.gql(SELECT, { input: { cartId, selections } }),
  ).cartSelectedDeliveryOptionsUpdate;
  expect(chosen.userErrors).toEqual([]);
}

async function checkout(cartId: string, idempotencyKey = randomUUID()) {
  return ok(
    await api.gql(CHECKOUT_FULL, { input: { cartId, idempotencyKey, payment: { token: "tok_success" } } }),
  ).checkoutComplete;
}

const email = { buyerIdentity: { email: "buyer@example.test" } };

describe("a US-style shop (tax added) shipping to New York", () => {
  it("shows shipping and tax in Cart.cost and charges exactly that: per-line tax on discounted totals, tax on shipping", async () => {
    const shop = await commerce.shop("USD");
    await shipsTo(
      shop.id,
      ["US"],
      [rate("ground", "7.99"), rate("overnight", "24.00", { minDays: 1, maxDays: 1 })],
    );
    await taxRate(shop.dbId, "US", "NY", 88_750, "NY sales tax");
    await taxRate(null, "US", null, 50_000, "Platform US");
    await commerce.discountCode(shop.id, { code: "TENOFF", kind: "PERCENTAGE", value: "10" });
    const tee = await commerce.product(shop.id, ["19.99"], 20, "Tee", {
      requiresShipping: true,
      weightGrams: 200,
    });
    const mug = await commerce.product(shop.id, ["12.49"], 20, "Mug", {
      requiresShipping: true,
      weightGrams: 400,
    });
    const cartId = await commerce.cart(
      [
        { variantId: firstVariant(tee).id, quantity: 3 },
        { variantId: firstVariant(mug).id, quantity: 1 },
      ],
      {},
      { ...email, discountCodes: ["TENOFF"] },
    );
    // Before an address: no shipping, no tax (no destination yet).
    const before = ok(await api.gql(CART, { id: cartId })).cart.cost;
    expect(before).toMatchObject({
      shipping: { amount: "0.00" },
      tax: { amount: "0.00" },
      total: { amount: "65.21" },
    });

    await cartTo(cartId, NEW_YORK, [{ shopId: shop.id, handle: "ground" }]);
    const cart = ok(await api.gql(CART, { id: cartId })).cart;
    // 3 × 19.99 = 59.97, 12.49; 10% of 72.46 = 7.246 → 7.25, spread 6.00 / 1.25 by largest remainder.
    // Lines after discount: 53.97 and 11.24. NY 8.875%, half to even: 4.7898… → 4.79 and 0.99755 → 1.00;
    // ground 7.99 × 8.875% = 0.7091… → 0.71. Tax 6.50; total 65.21 + 7.99 + 6.50 = 79.70.
    expect(cart.cost).toEqual({
      subtotal: { amount: "72.46", currencyCode: "USD" },
      discount: { amount: "7.25" },
      shipping: { amount: "7.99" },
      tax: { amount: "6.50" },
      includedTax: { amount: "0.00" },
      total: { amount: "79.70" },
    });
    expect(cart.lines.map((l: { cost: unknown }) => l.cost)).toEqual([
      { total: { amount: "53.97" }, tax: { amount: "4.79" }, taxIncluded: false },
      { total: { amount: "11.24" }, tax: { amount: "1.00" }, taxIncluded: false },
    ]);

    const res = await checkout(cartId);
    expect(res.userErrors).toEqual([]);
    const [order] = res.orders;
    expect(order).toMatchObject({
      status: "PAID",
      subtotal: { amount: "72.46" },
      discountTotal: { amount: "7.25" },
      shippingTotal: { amount: "7.99" },
      taxTotal: { amount: "6.50" },
      total: { amount: "79.70", currencyCode: "USD" },
      taxesIncluded: false,
      shippingAddress: {
        lastName: "Lovelace",
        city: "New York",
        provinceCode: "NY",
        zip: "10118",
        countryCode: "US",
      },
      shippingLine: {
        handle: "ground",
        title: "ground",
        estimatedDays: { min: 2, max: 5 },
        price: { amount: "7.99" },
        tax: { amount: "0.71" },
      },
      taxLines: [{ name: "NY sales tax", percentage: "8.875", amount: { amount: "6.50" } }],
      lines: [
        { quantity: 3, total: { amount: "53.97" }, tax: { amount: "4.79" } },
        { quantity: 1, total: { amount: "11.24" }, tax: { amount: "1.00" } },
      ],
    });
    // The provider was charged the order's total, to the cent.
    const payments = await api.db.prisma.payment.findMany({ where: { order: { cartId: dbId(cartId) } } });
    expect(payments.map((p) => [p.amount, p.status])).toEqual([[7970, "CAPTURED"]]);

    // Later rate changes never alter the placed order.
    await api.db.prisma.taxRate.updateMany({
      where: { shopId: shop.dbId },
      data: { ratePpm: 100_000, name: "Changed" },
    });
    await api.db.prisma.shippingRate.updateMany({
      where: { shopId: shop.dbId },
      data: { price: 1, title: "Changed" },
    });
    const again = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on Order { ${ORDER_FIELDS} } } }`,
        { id: order.id },
        { key: "secret" },
      ),
    ).node;
    expect(again).toEqual(order);
  });
});

describe("an EU-style shop (VAT inside the prices)", () => {
  it("finds the VAT inside prices and shipping and does not add it", async () => {
    const shop = await commerce.shop("EUR");
    await api.db.prisma.shop.update({ where: { id: shop.dbId }, data: { pricesIncludeTax: true } });
    await shipsTo(shop.id, ["DE"], [rate("dhl", "4.90")]);
    await taxRate(null, "DE", null, 190_000, "USt");
    const jacket = await commerce.product(shop.id, ["119.00"], 5, "Jacket", {
      requiresShipping: true,
      weightGrams: 900,
    });
    const ebook = await commerce.product(shop.id, ["9.99"], 5, "E-book");
    const cartId = await commerce.cart(
      [
        { variantId: firstVariant(jacket).id, quantity: 1 },
        { variantId: firstVariant(ebook).id, quantity: 1 },
      ],
      {},
      email,
    );
    await cartTo(cartId, BERLIN, [{ shopId: shop.id, handle: "dhl" }]);
    const cart = ok(await api.gql(CART, { id: cartId })).cart;
    // 19% inside 119.00 = 19.00; inside 9.99 = 1.595… → 1.60; inside 4.90 = 0.7823… → 0.78.
    expect(cart.cost).toEqual({
      subtotal: { amount: "128.99", currencyCode: "EUR" },
      discount: { amount: "0.00" },
      shipping: { amount: "4.90" },
      tax: { amount: "21.38" },
      includedTax: { amount: "21.38" },
      total: { amount: "133.89" },
    });
    const res = await checkout(cartId);
    expect(res.userErrors).toEqual([]);
    expect(res.orders[0]).toMatchObject({
      total: { amount: "133.89", currencyCode: "EUR" },
      taxTotal: { amount: "21.38" },
      taxesIncluded: true,
      shippingLine: { handle: "dhl", price: { amount: "4.90" }, tax: { amount: "0.78" } },
      taxLines: [{ name: "USt", percentage: "19", amount: { amount: "21.38" } }],
      lines: [{ tax: { amount: "19.00" } }, { tax: { amount: "1.60" } }],
    });
  });

  it("taxes the live price the buyer pays, not the regular one", async () => {
    const shop = await commerce.shop("EUR");
    await api.db.prisma.shop.update({ where: { id: shop.dbId }, data: { pricesIncludeTax: true } });
    await taxRate(shop.dbId, "AT", null, 200_000, "MwSt");
    const cap = await commerce.product(shop.id, ["30.00"], 5, "Cap");
    const live = await commerce.liveSession(cap.dbId, 2400);
    const cartId = await commerce.cart(
      [{ variantId: firstVariant(cap).id, quantity: 1, attribution: { liveSessionId: live.id } }],
      {},
      { buyerIdentity: { email: "b@example.test", countryCode: "AT" } },
    );
    const cart = ok(await api.gql(CART, { id: cartId })).cart;
    // 20% inside 24.00 = 4.00.
    expect(cart.cost).toMatchObject({
      subtotal: { amount: "24.00" },
      tax: { amount: "4.00" },
      total: { amount: "24.00" },
    });
    const res = await checkout(cartId);
    expect(res.userErrors).toEqual([]);
    expect(res.orders[0]).toMatchObject({
      total: { amount: "24.00" },
      taxTotal: { amount: "4.00" },
      shippingLine: null,
    });
  });
});

describe("checkout refuses a cart it cannot deliver, with typed errors, and takes nothing", () => {
  it("no address, no option, an address no zone covers, an option no longer offered", async () => {
    const shop = await commerce.shop("EUR");
    await shipsTo(shop.id, ["DE"], [rate("std", "5.00", { orderValueRange: { min: "0", max: "100.00" } })]);
    const boots = await commerce.product(shop.id, ["80.00"], 3, "Boots", {
      requiresShipping: true,
      weightGrams: 1200,
    });
    const cartId = await commerce.cart([{ variantId: firstVariant(boots).id, quantity: 1 }], {}, email);
    const codes = async () => {
      const res = await checkout(cartId);
      expect(res.orders).toEqual([]);
      return res.userErrors.map((e: { code: string; shopId: string }) => [e.code, e.shopId]);
    };
    expect(await codes()).toEqual([["DELIVERY_ADDRESS_REQUIRED", shop.id]]);
    await cartTo(
      cartId,
      { ...BERLIN, countryCode: "FR", provinceCode: null, zip: "75001", city: "Paris" },
      [],
    );
    expect(await codes()).toEqual([["DELIVERY_UNAVAILABLE", shop.id]]);
    await cartTo(cartId, BERLIN, []);
    expect(await codes()).toEqual([["DELIVERY_OPTION_REQUIRED", shop.id]]);
    await cartTo(cartId, BERLIN, [{ shopId: shop.id, handle: "std" }]);
    // The cart grows past the rate's order-value range: the chosen option is no longer offered.
    await api.db.prisma.cartLine.updateMany({ where: { cartId: dbId(cartId) }, data: { quantity: 2 } });
    expect(await codes()).toEqual([["DELIVERY_UNAVAILABLE", shop.id]]);
    await api.db.prisma.shippingRate.updateMany({
      where: { shopId: shop.dbId },
      data: { conditionMax: null },
    });
    await api.db.prisma.shippingRate.updateMany({
      where: { shopId: shop.dbId },
      data: { handle: "renamed" },
    });
    expect(await codes()).toEqual([["DELIVERY_OPTION_UNAVAILABLE", shop.id]]);
    // Nothing was taken: the stock is whole, no order exists, the cart is ACTIVE again.
    expect(await commerce.stock(firstVariant(boots).dbId)).toBe(3);
    expect(await api.db.prisma.order.count({ where: { cartId: dbId(cartId) } })).toBe(0);
    expect((await api.db.prisma.cart.findUniqueOrThrow({ where: { id: dbId(cartId) } })).status).toBe(
      "ACTIVE",
    );
  });
});

describe("SQL statements", () => {
  it("a delivered, taxed checkout adds two statements (zones and tax rates) to the budget", async () => {
    const shop = await commerce.shop("USD");
    await shipsTo(shop.id, ["US"], [rate("ground", "5.00")]);
    await taxRate(shop.dbId, "US", null, 60_000, "Sales tax");
    const count = async (requiresShipping: boolean) => {
      const p = await commerce.product(shop.id, ["10.00"], 10, "P", { requiresShipping, weightGrams: 100 });
      const cartId = await commerce.cart([{ variantId: firstVariant(p).id }], {}, email);
      if (requiresShipping) await cartTo(cartId, NEW_YORK, [{ shopId: shop.id, handle: "ground" }]);
      const { result, statements } = await api.db.statementsDuring(async () =>
        ok(
          await api.gql(CHECKOUT, {
            input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
          }),
        ),
      );
      expect(result.checkoutComplete.userErrors).toEqual([]);
      return statements.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(s));
    };
    const digital = await count(false);
    const shipped = await count(true);
    expect(shipped.length - digital.length).toBe(2);
    expect(shipped.some((s) => /FROM "public"."ShippingZone"/.test(s))).toBe(true);
    expect(shipped.some((s) => /FROM "public"."TaxRate"/.test(s))).toBe(true);
  });
});

describe("who sees an order's delivery address", () => {
  it("its buyer and the shop's merchants; never another shop's merchant or a creator", async () => {
    const shop = await commerce.shop("EUR");
    await shipsTo(shop.id, ["DE"], [rate("std", "3.00")]);
    const scarf = await commerce.product(shop.id, ["15.00"], 5, "Scarf", {
      requiresShipping: true,
      weightGrams: 80,
    });
    const buyer = await api.token("address-owner", ["BUYER"]);
    const cartId = await commerce.cart([{ variantId: firstVariant(scarf).id }], { user: buyer }, email);
    const set = ok(await api.gql(ADDRESS, { input: { cartId, address: BERLIN } }, { user: buyer }));
    expect(set.cartDeliveryAddressUpdate.userErrors).toEqual([]);
    const chosen = ok(
      await api.gql(
        SELECT,
        { input: { cartId, selections: [{ shopId: shop.id, handle: "std" }] } },
        { user: buyer },
      ),
    );
    expect(chosen.cartSelectedDeliveryOptionsUpdate.userErrors).toEqual([]);
    const done = ok(
      await api.gql(
        CHECKOUT_FULL,
        { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        { user: buyer },
      ),
    ).checkoutComplete;
    expect(done.userErrors).toEqual([]);
    const orderId = done.orders[0].id;
    const read = async (as: Parameters<TestApi["gql"]>[2]) =>
      ok(
        await api.gql(
          `query($id: ID!) { node(id: $id) { ... on Order { shippingAddress { address1 } } } }`,
          { id: orderId },
          as,
        ),
      ).node;
    expect(await read({ user: buyer })).toEqual({ shippingAddress: { address1: BERLIN.address1 } });
    expect(await read(commerce.asMerchant)).toEqual({ shippingAddress: { address1: BERLIN.address1 } });
    const otherMerchant = await api.token("merchant-elsewhere", ["MERCHANT"]);
    expect(await read({ key: "secret", user: otherMerchant })).toBeNull();
    const creator = await api.token("creator-elsewhere", ["CREATOR"]);
    expect(await read({ user: creator })).toBeNull();
    expect(await read({})).toBeNull();
  });
});
