// The physical-goods journey end to end, through the API only: one cart with an EU shop
// (VAT inside its prices) and a US shop (tax added), to a German and to a US address; a delivery
// option per shop; checkout; a partial fulfilment with tracking; a return with its refund,
// restock and commission reversal. Every amount is checked to the cent at every step.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Commerce, dbId, firstVariant, USER_ERRORS } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

let api: TestApi;
let commerce: Commerce;
const platform: CallAs = { key: "secret" };
let merchant: CallAs;
let buyer: CallAs;

const BERLIN = {
  firstName: "Lena",
  lastName: "Vogel",
  address1: "Torstraße 1",
  city: "Berlin",
  provinceCode: "BE",
  zip: "10115",
  countryCode: "DE",
};
const NEW_YORK = {
  firstName: "Ada",
  lastName: "Lovelace",
  address1: "350 5th Ave",
  city: "New York",
  provinceCode: "NY",
  zip: "10118",
  countryCode: "US",
};

/** Runs a mutation, expects no userErrors, returns its payload. */
async function mutate(
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  fields: string,
  as: CallAs,
) {
  const res = ok(
    await api.gql(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} ${USER_ERRORS} } }`,
      { input },
      as,
    ),
  )[name];
  expect(res.userErrors, name).toEqual([]);
  return res;
}

const MONEY = "amount";
const CART = `query($id: ID!) { cart(id: $id) {
  cost { subtotal { ${MONEY} } discount { ${MONEY} } shipping { ${MONEY} } tax { ${MONEY} } includedTax { ${MONEY} } total { ${MONEY} currencyCode } }
  deliveryGroups { shop { id } deliveryOptions { handle cost { ${MONEY} } } selectedDeliveryOption { handle } }
} }`;
const ORDER = `id status fulfillmentStatus shop { id }
  subtotal { amount } shippingTotal { amount } taxTotal { amount } total { amount } refundedTotal { amount } taxesIncluded
  shippingAddress { city countryCode }
  shippingLine { handle price { amount } tax { amount } }
  taxLines { name percentage amount { amount } }
  lines { id productTitle quantity fulfilledQuantity refundedQuantity total { amount } tax { amount } }`;
const AFTER_CHECKOUT = `fulfillments { lines { line { id } quantity } tracking { carrier number url } }
  returns { id status reason refund { amount { amount } } }`;
const READ_ORDER = `query($id: ID!) { node(id: $id) { ... on Order { ${ORDER} ${AFTER_CHECKOUT} } } }`;

interface Shops {
  eu: { id: string; dbId: string };
  us: { id: string; dbId: string };
  jacket: Awaited<ReturnType<Commerce["product"]>>;
  tee: Awaited<ReturnType<Commerce["product"]>>;
  sneakers: Awaited<ReturnType<Commerce["product"]>>;
}
let world: Shops;

beforeAll(async () => {
  api = await startTestApi();
  commerce = await Commerce.start(api);
  merchant = commerce.asMerchant;
  buyer = { user: await api.token("journey-buyer", ["BUYER"]) };

  // One cart holds one currency: both shops sell in euros on this platform.
  const eu = await commerce.shop("EUR");
  const us = await commerce.shop("EUR");
  const policies = "pricesIncludeTax returnWindowDays refundShippingOnReturn";
  await mutate(
    "shopUpdate",
    "ShopUpdateInput",
    { id: eu.id, pricesIncludeTax: true, returnWindowDays: 30, refundShippingOnReturn: true },
    `shop { ${policies} }`,
    merchant,
  );
  await mutate(
    "shopUpdate",
    "ShopUpdateInput",
    { id: us.id, pricesIncludeTax: false, returnWindowDays: 14, refundShippingOnReturn: false },
    `shop { ${policies} }`,
    merchant,
  );

  // The platform's VAT for Germany; the US shop's own sales tax for New York.
  await mutate(
    "taxRateSet",
    "TaxRateSetInput",
    { countryCode: "DE", name: "USt", percentage: "19" },
    "taxRate { id }",
    platform,
  );
  await mutate(
    "taxRateSet",
    "TaxRateSetInput",
    { shopId: us.id, countryCode: "US", provinceCode: "NY", name: "NY sales tax", percentage: "8.875" },
    "taxRate { percentage }",
    merchant,
  );

  const zone = (shopId: string, name: string, countryCodes: string[], rates: Record<string, unknown>[]) =>
    mutate(
      "shippingZoneCreate",
      "ShippingZoneCreateInput",
      { shopId, name, countryCodes, rates },
      "shippingZone { id }",
      merchant,
    );
  const rate = (handle: string, price: string, extra: Record<string, unknown> = {}) => ({
    handle,
    title: handle,
    price,
    minDays: 2,
    maxDays: 5,
    ...extra,
  });
  await zone(
    eu.id,
    "Germany",
    ["DE"],
    [rate("dhl", "4.90", { freeAbove: "100.00" }), rate("dhl-express", "9.90")],
  );
  await zone(eu.id, "United States", ["US"], [rate("eu-intl", "19.00", { minDays: 5, maxDays: 10 })]);
  await zone(
    us.id,
    "United States",
    ["US"],
    [rate("ground", "6.00"), rate("2day", "14.00", { minDays: 2, maxDays: 2 })],
  );
  await zone(us.id, "Germany", ["DE"], [rate("us-intl", "15.00", { minDays: 6, maxDays: 12 })]);

  const physical = { requiresShipping: true, weightGrams: 700 };
  world = {
    eu,
    us,
    jacket: await commerce.product(eu.id, ["119.00"], 10, "Jacket", physical),
    tee: await commerce.product(eu.id, ["25.00"], 10, "Tee", physical),
    sneakers: await commerce.product(us.id, ["80.00"], 10, "Sneakers", physical),
  };
});
afterAll(() => api?.close());

/** A creator's link to the EU shop (10% commission), clicked by the buyer: the click id to attribute a line to. */
async function creatorClick(code: string): Promise<string> {
  await mutate(
    "affiliateProgramUpsert",
    "AffiliateProgramUpsertInput",
    { shopId: world.eu.id, defaultRate: 1000 },
    "affiliateProgram { id }",
    merchant,
  );
  await commerce.affiliateLink(world.eu.dbId, code);
  const response = await api.server.yoga.fetch(`http://test/r/${code}`, {
    headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0" },
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  const click = new URL(response.headers.get("location") ?? "").searchParams.get("click");
  if (!click) throw new Error("no click id");
  return click;
}

/** A cart to `address` with an option chosen per shop; returns its id after checking the cost. */
async function cartTo(
  lines: Record<string, unknown>[],
  address: Record<string, unknown>,
  selections: { shopId: string; handle: string }[],
) {
  const created = await mutate(
    "cartCreate",
    "CartCreateInput",
    { lines, buyerIdentity: { email: "journey@example.test" } },
    "cart { id }",
    buyer,
  );
  const cartId = created.cart.id as string;
  await mutate(
    "cartDeliveryAddressUpdate",
    "CartDeliveryAddressUpdateInput",
    { cartId, address },
    "cart { id }",
    buyer,
  );
  await mutate(
    "cartSelectedDeliveryOptionsUpdate",
    "CartSelectedDeliveryOptionsUpdateInput",
    { cartId, selections },
    "cart { id }",
    buyer,
  );
  return cartId;
}

async function checkout(cartId: string) {
  const res = await mutate(
    "checkoutComplete",
    "CheckoutCompleteInput",
    { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
    `orders { ${ORDER} }`,
    buyer,
  );
  return res.orders as Order[];
}

interface Order {
  id: string;
  shop: { id: string };
  lines: { id: string; productTitle: string }[];
  [field: string]: unknown;
}

/** The order of a shop among a checkout's orders. */
function orderOf(orders: Order[], shopId: string): Order {
  const order = orders.find((o) => o.shop.id === shopId);
  if (!order) throw new Error(`no order of shop ${shopId}`);
  return order;
}

/** An order's first line. */
function lineOf(order: Order): Order["lines"][number] {
  const [line] = order.lines;
  if (!line) throw new Error(`order ${order.id} has no lines`);
  return line;
}

const readOrder = async (id: string, as: CallAs = buyer) => ok(await api.gql(READ_ORDER, { id }, as)).node;
const captured = async (orderId: string) =>
  (await api.db.prisma.payment.findMany({ where: { orderId: dbId(orderId) } })).map((p) => [
    p.amount,
    p.refundedAmount,
    p.status,
  ]);

describe("two shops in one cart, to a German address", () => {
  it("prices, checks out, fulfils in part with tracking, and returns a line: refund, restock and commission reversal", async () => {
    const click = await creatorClick("LENA10");
    const cartId = await cartTo(
      [
        { variantId: firstVariant(world.jacket).id, quantity: 2, attribution: { affiliateClickId: click } },
        { variantId: firstVariant(world.sneakers).id, quantity: 1 },
      ],
      BERLIN,
      [
        { shopId: world.eu.id, handle: "dhl" },
        { shopId: world.us.id, handle: "us-intl" },
      ],
    );

    // EU shop: 2 × 119.00 with 19% VAT inside (38.00), shipping free above 100.00.
    // US shop: 80.00 + 15.00 shipping, the platform's German VAT added: 15.20 + 2.85 = 18.05.
    const cart = ok(await api.gql(CART, { id: cartId }, buyer)).cart;
    expect(cart.cost).toEqual({
      subtotal: { amount: "318.00" },
      discount: { amount: "0.00" },
      shipping: { amount: "15.00" },
      tax: { amount: "56.05" },
      includedTax: { amount: "38.00" },
      total: { amount: "351.05", currencyCode: "EUR" },
    });
    expect(cart.deliveryGroups.map((g: { deliveryOptions: unknown }) => g.deliveryOptions)).toEqual([
      [
        { handle: "dhl", cost: { amount: "0.00" } },
        { handle: "dhl-express", cost: { amount: "9.90" } },
      ],
      [{ handle: "us-intl", cost: { amount: "15.00" } }],
    ]);

    const orders = await checkout(cartId);
    const eu = orderOf(orders, world.eu.id);
    const us = orderOf(orders, world.us.id);
    expect(eu).toMatchObject({
      status: "PAID",
      fulfillmentStatus: "UNFULFILLED",
      subtotal: { amount: "238.00" },
      shippingTotal: { amount: "0.00" },
      taxTotal: { amount: "38.00" },
      total: { amount: "238.00" },
      taxesIncluded: true,
      shippingAddress: { city: "Berlin", countryCode: "DE" },
      shippingLine: { handle: "dhl", price: { amount: "0.00" }, tax: { amount: "0.00" } },
      taxLines: [{ name: "USt", percentage: "19", amount: { amount: "38.00" } }],
      lines: [{ productTitle: "Jacket", quantity: 2, total: { amount: "238.00" }, tax: { amount: "38.00" } }],
    });
    expect(us).toMatchObject({
      subtotal: { amount: "80.00" },
      shippingTotal: { amount: "15.00" },
      taxTotal: { amount: "18.05" },
      total: { amount: "113.05" },
      taxesIncluded: false,
      shippingLine: { handle: "us-intl", price: { amount: "15.00" }, tax: { amount: "2.85" } },
      taxLines: [{ name: "USt", percentage: "19", amount: { amount: "18.05" } }],
      lines: [
        { productTitle: "Sneakers", quantity: 1, total: { amount: "80.00" }, tax: { amount: "15.20" } },
      ],
    });
    expect(await captured(eu.id)).toEqual([[23_800, 0, "CAPTURED"]]);
    expect(await captured(us.id)).toEqual([[11_305, 0, "CAPTURED"]]);
    const jacketVariant = firstVariant(world.jacket).dbId;
    expect(await commerce.stock(jacketVariant)).toBe(8);
    const earned = await api.db.prisma.commission.aggregate({
      where: { orderId: dbId(eu.id) },
      _sum: { amount: true },
    });
    expect(earned._sum.amount).toBeGreaterThan(0);

    // The EU shop ships one jacket with tracking, then the other.
    const jacketLine = lineOf(eu);
    const tracking = {
      carrier: "DHL",
      number: "JJD000390007",
      url: "https://dhl.example/track/JJD000390007",
    };
    await mutate(
      "orderFulfill",
      "OrderFulfillInput",
      { id: eu.id, lines: [{ lineId: jacketLine.id, quantity: 1 }], tracking },
      "fulfillment { id }",
      merchant,
    );
    expect(await readOrder(eu.id)).toMatchObject({
      status: "PAID",
      fulfillmentStatus: "PARTIALLY_FULFILLED",
      lines: [{ fulfilledQuantity: 1 }],
      fulfillments: [{ lines: [{ line: { id: jacketLine.id }, quantity: 1 }], tracking }],
    });
    await mutate(
      "orderFulfill",
      "OrderFulfillInput",
      { id: eu.id, tracking: { ...tracking, number: "JJD000390008" } },
      "fulfillment { id }",
      merchant,
    );
    expect(await readOrder(eu.id)).toMatchObject({
      status: "FULFILLED",
      fulfillmentStatus: "FULFILLED",
      lines: [{ fulfilledQuantity: 2 }],
    });

    // The buyer returns one jacket; the merchant approves: 119.00 back (VAT inside; no shipping was charged),
    // the jacket back in stock, and the creator's commission on it reversed.
    const requested = await mutate(
      "returnRequest",
      "ReturnRequestInput",
      { orderId: eu.id, lines: [{ lineId: jacketLine.id, quantity: 1 }], reason: "Too small" },
      "return { id status }",
      buyer,
    );
    expect(requested.return.status).toBe("REQUESTED");
    // A second return of the same unit is refused and changes nothing.
    const again = ok(
      await api.gql(
        `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } ${USER_ERRORS} } }`,
        { input: { orderId: eu.id, lines: [{ lineId: jacketLine.id, quantity: 2 }], reason: "Both" } },
        buyer,
      ),
    ).returnRequest;
    expect(again.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_RETURNABLE"]);
    await mutate(
      "returnApprove",
      "ReturnApproveInput",
      { id: requested.return.id },
      "return { id }",
      merchant,
    );
    expect(await readOrder(eu.id)).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      refundedTotal: { amount: "119.00" },
      lines: [{ refundedQuantity: 1 }],
      returns: [{ status: "APPROVED", reason: "Too small", refund: { amount: { amount: "119.00" } } }],
    });
    expect(await captured(eu.id)).toEqual([[23_800, 11_900, "PARTIALLY_REFUNDED"]]);
    expect(await commerce.stock(jacketVariant)).toBe(9);
    const left = await api.db.prisma.commission.aggregate({
      where: { orderId: dbId(eu.id) },
      _sum: { amount: true },
    });
    expect((left._sum.amount ?? 0) * 2).toBe(earned._sum.amount);
  });
});

describe("the same two shops, to a US address", () => {
  it("adds New York sales tax on the US shop's goods and shipping; a returned line refunds its price and tax, not the shipping", async () => {
    const cartId = await cartTo(
      [
        { variantId: firstVariant(world.tee).id, quantity: 1 },
        { variantId: firstVariant(world.sneakers).id, quantity: 1 },
      ],
      NEW_YORK,
      [
        { shopId: world.eu.id, handle: "eu-intl" },
        { shopId: world.us.id, handle: "ground" },
      ],
    );
    // EU shop: no rate for the US, so no tax (its prices include none there); 25.00 + 19.00.
    // US shop: 80.00 × 8.875% = 7.10, 6.00 × 8.875% = 0.5325 → 0.53: 80.00 + 6.00 + 7.63 = 93.63.
    const cart = ok(await api.gql(CART, { id: cartId }, buyer)).cart;
    expect(cart.cost).toEqual({
      subtotal: { amount: "105.00" },
      discount: { amount: "0.00" },
      shipping: { amount: "25.00" },
      tax: { amount: "7.63" },
      includedTax: { amount: "0.00" },
      total: { amount: "137.63", currencyCode: "EUR" },
    });
    const orders = await checkout(cartId);
    const eu = orderOf(orders, world.eu.id);
    const us = orderOf(orders, world.us.id);
    expect(eu).toMatchObject({ total: { amount: "44.00" }, taxTotal: { amount: "0.00" }, taxLines: [] });
    expect(us).toMatchObject({
      subtotal: { amount: "80.00" },
      shippingTotal: { amount: "6.00" },
      taxTotal: { amount: "7.63" },
      total: { amount: "93.63" },
      shippingAddress: { city: "New York", countryCode: "US" },
      taxLines: [{ name: "NY sales tax", percentage: "8.875", amount: { amount: "7.63" } }],
      lines: [{ tax: { amount: "7.10" } }],
    });
    expect(await captured(us.id)).toEqual([[9_363, 0, "CAPTURED"]]);

    // Undelivered goods cannot be returned.
    const early = ok(
      await api.gql(
        `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } ${USER_ERRORS} } }`,
        {
          input: {
            orderId: us.id,
            lines: [{ lineId: lineOf(us).id, quantity: 1 }],
            reason: "Changed my mind",
          },
        },
        buyer,
      ),
    ).returnRequest;
    expect(early.userErrors.map((e: { code: string }) => e.code)).toEqual(["NOT_RETURNABLE"]);

    const sneakersVariant = firstVariant(world.sneakers).dbId;
    const stockBefore = await commerce.stock(sneakersVariant);
    await mutate(
      "orderFulfill",
      "OrderFulfillInput",
      { id: us.id, tracking: { carrier: "UPS", number: "1Z999AA10123456784" } },
      "fulfillment { id }",
      merchant,
    );
    const requested = await mutate(
      "returnRequest",
      "ReturnRequestInput",
      { orderId: us.id, lines: [{ lineId: lineOf(us).id, quantity: 1 }], reason: "Changed my mind" },
      "return { id }",
      buyer,
    );
    await mutate(
      "returnApprove",
      "ReturnApproveInput",
      { id: requested.return.id },
      "return { id }",
      merchant,
    );
    // 80.00 + its 7.10 tax; the shop does not refund shipping on returns.
    expect(await readOrder(us.id)).toMatchObject({
      status: "REFUNDED",
      refundedTotal: { amount: "87.10" },
      returns: [{ status: "APPROVED", refund: { amount: { amount: "87.10" } } }],
    });
    expect(await captured(us.id)).toEqual([[9_363, 8_710, "PARTIALLY_REFUNDED"]]);
    expect(await commerce.stock(sneakersVariant)).toBe(stockBefore + 1);
  });
});
