// Shipping zones and rates (merchants), Cart.deliveryGroups and cartSelectedDeliveryOptionsUpdate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Commerce, dbId, gid, USER_ERRORS } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

let api: TestApi;
let commerce: Commerce;
beforeAll(async () => {
  api = await startTestApi();
  commerce = await Commerce.start(api);
});
afterAll(() => api?.close());

const RATE_FIELDS = `handle title price { amount currencyCode } condition weightRange { minGrams maxGrams }
  orderValueRange { min { amount } max { amount } } freeAbove { amount } estimatedDays { min max }`;
const ZONE_FIELDS = `id name countryCodes provinceCodes rates { ${RATE_FIELDS} }`;
const ZONE_CREATE = `mutation($input: ShippingZoneCreateInput!) {
  shippingZoneCreate(input: $input) { shippingZone { ${ZONE_FIELDS} } ${USER_ERRORS} }
}`;
const ZONE_UPDATE = `mutation($input: ShippingZoneUpdateInput!) {
  shippingZoneUpdate(input: $input) { shippingZone { ${ZONE_FIELDS} } ${USER_ERRORS} }
}`;
const ZONE_DELETE = `mutation($input: ShippingZoneDeleteInput!) {
  shippingZoneDelete(input: $input) { deletedShippingZoneId ${USER_ERRORS} }
}`;
const SHOP_ZONES = `query($id: ID!) { node(id: $id) { ... on Shop { shippingZones { ${ZONE_FIELDS} } } } }`;

const OPTION = `handle title estimatedDays { min max } cost { amount currencyCode }`;
const GROUPS = `deliveryGroups {
  shop { id } lines { id quantity } requiresShipping
  deliveryOptions { ${OPTION} } selectedDeliveryOption { ${OPTION} } deliveryUnavailableReason
}`;
const CART_GROUPS = `query($id: ID!) { cart(id: $id) { id ${GROUPS} } }`;
const SELECT = `mutation($input: CartSelectedDeliveryOptionsUpdateInput!) {
  cartSelectedDeliveryOptionsUpdate(input: $input) { cart { id ${GROUPS} } ${USER_ERRORS} }
}`;
const ADDRESS = `mutation($input: CartDeliveryAddressUpdateInput!) {
  cartDeliveryAddressUpdate(input: $input) { cart { id } ${USER_ERRORS} }
}`;

const berlin = {
  lastName: "Vogel",
  address1: "Torstraße 1",
  city: "Berlin",
  zip: "10115",
  countryCode: "DE",
  provinceCode: "BE",
};
const munich = {
  lastName: "Huber",
  address1: "Marienplatz 1",
  city: "München",
  zip: "80331",
  countryCode: "DE",
  provinceCode: "BY",
};
const paris = {
  lastName: "Martin",
  address1: "1 Rue de Rivoli",
  city: "Paris",
  zip: "75001",
  countryCode: "FR",
};

const flat = (handle: string, price: string, extra: Record<string, unknown> = {}) => ({
  handle,
  title: handle[0]?.toUpperCase() + handle.slice(1),
  price,
  minDays: 2,
  maxDays: 4,
  ...extra,
});

async function createZone(input: Record<string, unknown>, as: CallAs = commerce.asMerchant) {
  return api.gql(ZONE_CREATE, { input }, as);
}

async function zoneOk(input: Record<string, unknown>) {
  const res = ok(await createZone(input)).shippingZoneCreate;
  expect(res.userErrors).toEqual([]);
  return res.shippingZone;
}

/** An ACTIVE one-variant product with a weight and requiresShipping; returns the variant's global id. */
async function product(shopId: string, price: string, weightGrams: number, requiresShipping = true) {
  const res = ok(
    await api.gql(
      `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { variants { id weightGrams requiresShipping } } ${USER_ERRORS} } }`,
      {
        input: {
          shopId,
          title: `Parcel ${weightGrams} g`,
          status: "ACTIVE",
          variants: [{ price, inventoryQuantity: 100, weightGrams, requiresShipping }],
        },
      },
      commerce.asMerchant,
    ),
  ).productCreate;
  expect(res.userErrors).toEqual([]);
  expect(res.product.variants[0]).toMatchObject({ weightGrams, requiresShipping });
  return res.product.variants[0].id as string;
}

interface Option {
  handle: string;
  title: string;
  estimatedDays: { min: number; max: number };
  cost: { amount: string; currencyCode: string };
}
interface Group {
  shop: { id: string };
  lines: { id: string; quantity: number }[];
  requiresShipping: boolean;
  deliveryOptions: Option[];
  selectedDeliveryOption: Option | null;
  deliveryUnavailableReason: string | null;
}
/** [handle, cost] of each option. */
const costs = (g: Group | undefined) => g?.deliveryOptions.map((o) => [o.handle, o.cost.amount]);

async function groupsOf(cartId: string) {
  return ok(await api.gql<{ cart: { deliveryGroups: Group[] } }>(CART_GROUPS, { id: cartId })).cart
    .deliveryGroups;
}

/** The cart's two delivery groups (failing the test unless there are exactly two). */
async function twoGroups(cartId: string): Promise<[Group, Group]> {
  const groups = await groupsOf(cartId);
  const [a, b] = groups;
  if (groups.length !== 2 || !a || !b) throw new Error(`expected 2 delivery groups, got ${groups.length}`);
  return [a, b];
}

async function setAddress(cartId: string, address: Record<string, unknown> | null) {
  const res = ok(
    await api.gql(ADDRESS, { input: { cartId, ...(address ? { address } : {}) } }),
  ).cartDeliveryAddressUpdate;
  expect(res.userErrors).toEqual([]);
}

describe("shipping zones (merchants)", () => {
  it("shippingZoneCreate saves a zone with flat, weight and order-value rates; Shop.shippingZones shows them to anyone", async () => {
    const shop = await commerce.shop("EUR");
    const zone = await zoneOk({
      shopId: shop.id,
      name: "Germany",
      countryCodes: ["de", "AT"],
      rates: [
        flat("standard", "4.90", { freeAbove: "50.00" }),
        flat("heavy", "12.00", { weightRange: { minGrams: 2001 }, minDays: 3, maxDays: 6 }),
        flat("small-order", "2.50", { orderValueRange: { min: "0", max: "19.99" } }),
      ],
    });
    expect(zone).toMatchObject({ name: "Germany", countryCodes: ["DE", "AT"], provinceCodes: [] });
    const rates = ok(await api.gql(SHOP_ZONES, { id: shop.id }, { key: "publishable" })).node.shippingZones[0]
      .rates;
    expect(rates).toEqual([
      {
        handle: "standard",
        title: "Standard",
        price: { amount: "4.90", currencyCode: "EUR" },
        condition: "NONE",
        weightRange: null,
        orderValueRange: null,
        freeAbove: { amount: "50.00" },
        estimatedDays: { min: 2, max: 4 },
      },
      expect.objectContaining({
        handle: "heavy",
        condition: "WEIGHT",
        weightRange: { minGrams: 2001, maxGrams: null },
        estimatedDays: { min: 3, max: 6 },
      }),
      expect.objectContaining({
        handle: "small-order",
        condition: "ORDER_VALUE",
        orderValueRange: { min: { amount: "0.00" }, max: { amount: "19.99" } },
      }),
    ]);
  });

  it("is FORBIDDEN to merchants of other shops and to publishable keys, and changes nothing", async () => {
    const shop = await commerce.shop("EUR");
    const zone = await zoneOk({
      shopId: shop.id,
      name: "DE",
      countryCodes: ["DE"],
      rates: [flat("std", "1.00")],
    });
    const stranger: CallAs = { key: "secret", user: await api.token("merchant-stranger", ["MERCHANT"]) };
    for (const as of [stranger, { key: "publishable", user: commerce.merchant }]) {
      const created = await createZone(
        { shopId: shop.id, name: "X", countryCodes: ["FR"], rates: [flat("x", "1.00")] },
        as,
      );
      expect(created.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const updated = await api.gql(ZONE_UPDATE, { input: { id: zone.id, name: "Mine" } }, as);
      expect(updated.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const deleted = await api.gql(ZONE_DELETE, { input: { id: zone.id } }, as);
      expect(deleted.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const zones = await api.db.prisma.shippingZone.findMany({ where: { shopId: shop.dbId } });
    expect(zones.map((z) => z.name)).toEqual(["DE"]);
  });

  it("answers bad input with typed userErrors on the field and saves nothing", async () => {
    const shop = await commerce.shop("EUR");
    await zoneOk({ shopId: shop.id, name: "DE", countryCodes: ["DE"], rates: [flat("standard", "4.90")] });
    const base = { shopId: shop.id, name: "Zone", countryCodes: ["US"], rates: [flat("other", "1.00")] };
    const cases: [Record<string, unknown>, { code: string; field: string[] }][] = [
      [{ countryCodes: ["US", "XX"] }, { code: "UNKNOWN_COUNTRY", field: ["countryCodes", "1"] }],
      [{ provinceCodes: ["DE-BE"] }, { code: "INVALID_PROVINCE", field: ["provinceCodes", "0"] }],
      [{ provinceCodes: ["US-ZZ"] }, { code: "INVALID_PROVINCE", field: ["provinceCodes", "0"] }],
      [{ provinceCodes: ["CA"] }, { code: "INVALID", field: ["provinceCodes", "0"] }],
      [{ rates: [flat("a", "1.00"), flat("a", "2.00")] }, { code: "TAKEN", field: ["rates", "1", "handle"] }],
      [{ rates: [flat("standard", "1.00")] }, { code: "TAKEN", field: ["rates", "0", "handle"] }],
      [
        { rates: [flat("a", "1.00", { minDays: 5, maxDays: 2 })] },
        { code: "INVALID_RANGE", field: ["rates", "0", "maxDays"] },
      ],
      [
        { rates: [flat("a", "1.00", { weightRange: { minGrams: 500, maxGrams: 100 } })] },
        { code: "INVALID_RANGE", field: ["rates", "0", "weightRange", "maxGrams"] },
      ],
      [
        { rates: [flat("a", "1.00", { orderValueRange: { min: "10.00", max: "5.00" } })] },
        { code: "INVALID_RANGE", field: ["rates", "0", "orderValueRange", "max"] },
      ],
      [{ rates: [flat("a", "-1.00")] }, { code: "LESS_THAN_MINIMUM", field: ["rates", "0", "price"] }],
      [{ rates: [flat("a", "1.001")] }, { code: "INVALID", field: ["rates", "0", "price"] }],
      [
        { rates: [flat("a", "1.00", { weightRange: { minGrams: -1 } })] },
        { code: "LESS_THAN_MINIMUM", field: ["rates", "0", "weightRange", "minGrams"] },
      ],
      [
        { rates: Array.from({ length: 21 }, (_, i) => flat(`r${i}`, "1.00")) },
        { code: "TOO_LONG", field: ["rates"] },
      ],
      [{ rates: [] }, { code: "TOO_SHORT", field: ["rates"] }],
      [{ countryCodes: [] }, { code: "TOO_SHORT", field: ["countryCodes"] }],
    ];
    for (const [change, error] of cases) {
      const res = ok(await createZone({ ...base, ...change })).shippingZoneCreate;
      expect(res.shippingZone, JSON.stringify(change)).toBeNull();
      expect(res.userErrors, JSON.stringify(change)).toContainEqual(expect.objectContaining(error));
    }
    expect(await api.db.prisma.shippingZone.count({ where: { shopId: shop.dbId } })).toBe(1);
  });

  it("refuses a 51st zone of a shop with TOO_MANY_ZONES", async () => {
    const shop = await commerce.shop("EUR");
    await api.db.prisma.shippingZone.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        shopId: shop.dbId,
        name: `Z${i}`,
        countryCodes: ["DE"],
      })),
    });
    const res = ok(
      await createZone({
        shopId: shop.id,
        name: "One more",
        countryCodes: ["DE"],
        rates: [flat("a", "1.00")],
      }),
    ).shippingZoneCreate;
    expect(res.userErrors).toEqual([expect.objectContaining({ code: "TOO_MANY_ZONES", field: ["shopId"] })]);
  });

  it("shippingZoneUpdate replaces the rates and checks provinces against the zone's countries; shippingZoneDelete removes it", async () => {
    const shop = await commerce.shop("EUR");
    const zone = await zoneOk({
      shopId: shop.id,
      name: "US west",
      countryCodes: ["US"],
      provinceCodes: ["us-ca"],
      rates: [flat("ground", "5.00"), flat("air", "15.00")],
    });
    expect(zone.provinceCodes).toEqual(["US-CA"]);
    const badCountry = ok(
      await api.gql(ZONE_UPDATE, { input: { id: zone.id, countryCodes: ["CA"] } }, commerce.asMerchant),
    ).shippingZoneUpdate;
    expect(badCountry.userErrors).toEqual([
      expect.objectContaining({ code: "INVALID_PROVINCE", field: ["provinceCodes", "0"] }),
    ]);
    const updated = ok(
      await api.gql(
        ZONE_UPDATE,
        {
          input: {
            id: zone.id,
            name: "US",
            provinceCodes: ["US-CA", "US-OR"],
            rates: [flat("air", "12.00")],
          },
        },
        commerce.asMerchant,
      ),
    ).shippingZoneUpdate;
    expect(updated.userErrors).toEqual([]);
    expect(updated.shippingZone).toMatchObject({
      name: "US",
      countryCodes: ["US"],
      provinceCodes: ["US-CA", "US-OR"],
    });
    expect(
      updated.shippingZone.rates.map((r: { handle: string; price: { amount: string } }) => [
        r.handle,
        r.price.amount,
      ]),
    ).toEqual([["air", "12.00"]]);
    const ratesOnly = ok(
      await api.gql(
        ZONE_UPDATE,
        { input: { id: zone.id, rates: [flat("sea", "2.00")] } },
        commerce.asMerchant,
      ),
    ).shippingZoneUpdate;
    expect(ratesOnly.userErrors).toEqual([]);
    expect(ratesOnly.shippingZone).toMatchObject({
      name: "US",
      rates: [expect.objectContaining({ handle: "sea" })],
    });
    const deleted = ok(
      await api.gql(ZONE_DELETE, { input: { id: zone.id } }, commerce.asMerchant),
    ).shippingZoneDelete;
    expect(deleted).toEqual({ deletedShippingZoneId: zone.id, userErrors: [] });
    expect(await api.db.prisma.shippingRate.count({ where: { zoneId: dbId(zone.id) } })).toBe(0);
    const again = ok(
      await api.gql(ZONE_DELETE, { input: { id: zone.id } }, commerce.asMerchant),
    ).shippingZoneDelete;
    expect(again.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["id"] })]);
  });

  it("validates variant weights (0 to 1,000,000 g) on productCreate and changes them on productUpdate", async () => {
    const shop = await commerce.shop("EUR");
    for (const [weightGrams, code] of [
      [-1, "LESS_THAN_MINIMUM"],
      [1_000_001, "GREATER_THAN_MAXIMUM"],
    ] as const) {
      const res = ok(
        await api.gql(
          `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } ${USER_ERRORS} } }`,
          { input: { shopId: shop.id, title: "Bad", variants: [{ price: "1.00", weightGrams }] } },
          commerce.asMerchant,
        ),
      ).productCreate;
      expect(res.userErrors).toEqual([
        expect.objectContaining({ code, field: ["variants", "0", "weightGrams"] }),
      ]);
    }
    const variantId = await product(shop.id, "1.00", 250);
    const productId = (
      await api.db.prisma.productVariant.findUniqueOrThrow({ where: { id: dbId(variantId) } })
    ).productId;
    const res = ok(
      await api.gql(
        `mutation($input: ProductUpdateInput!) { productUpdate(input: $input) { product { variants { weightGrams requiresShipping } } ${USER_ERRORS} } }`,
        {
          input: {
            id: gid("Product", productId),
            variants: [{ id: variantId, weightGrams: 900, requiresShipping: false }],
          },
        },
        commerce.asMerchant,
      ),
    ).productUpdate;
    expect(res.userErrors).toEqual([]);
    expect(res.product.variants).toEqual([{ weightGrams: 900, requiresShipping: false }]);
  });
});

describe("cart delivery groups", () => {
  /** Two EUR shops shipping to Germany: A flat rates (standard free from 50.00), B by weight with a Berlin courier. */
  async function world() {
    const shopA = await commerce.shop("EUR");
    const shopB = await commerce.shop("EUR");
    await zoneOk({
      shopId: shopA.id,
      name: "Germany",
      countryCodes: ["DE"],
      rates: [
        flat("standard", "4.90", { freeAbove: "50.00" }),
        flat("express", "9.90", { minDays: 1, maxDays: 1 }),
      ],
    });
    await zoneOk({
      shopId: shopB.id,
      name: "Germany",
      countryCodes: ["DE"],
      rates: [
        flat("parcel-light", "3.00", { weightRange: { minGrams: 0, maxGrams: 1000 } }),
        flat("parcel-heavy", "8.00", { weightRange: { minGrams: 1001 }, minDays: 3, maxDays: 5 }),
      ],
    });
    await zoneOk({
      shopId: shopB.id,
      name: "Berlin",
      countryCodes: ["DE"],
      provinceCodes: ["DE-BE"],
      rates: [flat("courier", "6.00", { minDays: 0, maxDays: 1 })],
    });
    const shirt = await product(shopA.id, "30.00", 200);
    const ebook = await product(shopA.id, "5.00", 0, false);
    const kettle = await product(shopB.id, "25.00", 600);
    return { shopA, shopB, shirt, ebook, kettle };
  }

  it("shows one group per shop with the options of the zone that covers the address and their costs", async () => {
    const { shopA, shopB, shirt, kettle } = await world();
    const cartId = await commerce.cart([
      { variantId: shirt, quantity: 2 },
      { variantId: kettle, quantity: 2 },
    ]);
    await setAddress(cartId, munich);
    const [a, b] = await twoGroups(cartId);
    expect(a.shop.id).toBe(shopA.id);
    expect(a.lines).toEqual([expect.objectContaining({ quantity: 2 })]);
    expect(a.requiresShipping).toBe(true);
    expect(a.deliveryUnavailableReason).toBeNull();
    // 60.00 reaches the free-above threshold of 50.00.
    expect(a.deliveryOptions).toEqual([
      {
        handle: "standard",
        title: "Standard",
        estimatedDays: { min: 2, max: 4 },
        cost: { amount: "0.00", currencyCode: "EUR" },
      },
      {
        handle: "express",
        title: "Express",
        estimatedDays: { min: 1, max: 1 },
        cost: { amount: "9.90", currencyCode: "EUR" },
      },
    ]);
    expect(a.selectedDeliveryOption).toBeNull();
    // 2 × 600 g = 1200 g: only the heavy parcel rate.
    expect(b.shop.id).toBe(shopB.id);
    expect(b.deliveryOptions).toEqual([
      expect.objectContaining({
        handle: "parcel-heavy",
        estimatedDays: { min: 3, max: 5 },
        cost: { amount: "8.00", currencyCode: "EUR" },
      }),
    ]);
    // In Berlin the province zone of shop B wins over its Germany zone.
    await setAddress(cartId, berlin);
    const [, inBerlin] = await groupsOf(cartId);
    expect(costs(inBerlin)).toEqual([["courier", "6.00"]]);
  });

  it("charges the flat price below the free-above threshold and the light parcel for a light group", async () => {
    const { shirt, kettle } = await world();
    const cartId = await commerce.cart([
      { variantId: shirt, quantity: 1 },
      { variantId: kettle, quantity: 1 },
    ]);
    await setAddress(cartId, munich);
    const [a, b] = await twoGroups(cartId);
    expect(costs(a)).toEqual([
      ["standard", "4.90"],
      ["express", "9.90"],
    ]);
    expect(costs(b)).toEqual([["parcel-light", "3.00"]]);
  });

  it("cartSelectedDeliveryOptionsUpdate selects an offered option per shop; an unoffered handle or a shop not in the cart changes nothing", async () => {
    const { shopA, shopB, shirt, kettle } = await world();
    const other = await commerce.shop("EUR");
    const cartId = await commerce.cart([
      { variantId: shirt, quantity: 1 },
      { variantId: kettle, quantity: 1 },
    ]);
    await setAddress(cartId, munich);
    const select = async (selections: Record<string, unknown>[]) =>
      ok(await api.gql(SELECT, { input: { cartId, selections } })).cartSelectedDeliveryOptionsUpdate;
    const done = await select([
      { shopId: shopA.id, handle: "express" },
      { shopId: shopB.id, handle: "parcel-light" },
    ]);
    expect(done.userErrors).toEqual([]);
    expect(done.cart.deliveryGroups.map((g: Group) => g.selectedDeliveryOption?.handle)).toEqual([
      "express",
      "parcel-light",
    ]);
    expect(done.cart.deliveryGroups[0].selectedDeliveryOption.cost).toEqual({
      amount: "9.90",
      currencyCode: "EUR",
    });

    const refused = await select([
      { shopId: shopA.id, handle: "standard" },
      { shopId: shopB.id, handle: "parcel-heavy" },
    ]);
    expect(refused.cart).toBeNull();
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ code: "DELIVERY_OPTION_UNAVAILABLE", field: ["selections", "1", "handle"] }),
    ]);
    const notInCart = await select([{ shopId: other.id, handle: "standard" }]);
    expect(notInCart.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_FOUND", field: ["selections", "0", "shopId"] }),
    ]);
    const twice = await select([
      { shopId: shopA.id, handle: "standard" },
      { shopId: shopA.id, handle: "express" },
    ]);
    expect(twice.userErrors).toEqual([
      expect.objectContaining({ code: "INVALID", field: ["selections", "1", "shopId"] }),
    ]);

    const after = await groupsOf(cartId);
    expect(after.map((g) => g.selectedDeliveryOption?.handle)).toEqual(["express", "parcel-light"]);
    // A selection the group no longer offers (the address moved to Berlin) shows as none.
    await setAddress(cartId, berlin);
    const moved = await groupsOf(cartId);
    expect(moved.map((g) => g.selectedDeliveryOption?.handle ?? null)).toEqual(["express", null]);
  });

  it("keeps the anonymous cart's delivery options when it merges into the buyer's cart at sign-in", async () => {
    const { shopA, shirt } = await world();
    const buyer = await api.token("buyer-shipping-merge", ["BUYER"]);
    const own = await commerce.cart([{ variantId: shirt, quantity: 1 }], { user: buyer });
    const anonymous = await commerce.cart([{ variantId: shirt, quantity: 1 }]);
    await setAddress(anonymous, munich);
    const selected = ok(
      await api.gql(SELECT, {
        input: { cartId: anonymous, selections: [{ shopId: shopA.id, handle: "express" }] },
      }),
    ).cartSelectedDeliveryOptionsUpdate;
    expect(selected.userErrors).toEqual([]);
    const merged = ok(
      await api.gql(
        `mutation($input: CartBuyerIdentityUpdateInput!) { cartBuyerIdentityUpdate(input: $input) { cart { id } ${USER_ERRORS} } }`,
        { input: { cartId: anonymous, buyerIdentity: {} } },
        { user: buyer },
      ),
    ).cartBuyerIdentityUpdate;
    expect(merged.cart.id).toBe(own);
    const [group] = ok(await api.gql(CART_GROUPS, { id: own }, { user: buyer })).cart.deliveryGroups;
    expect(group.selectedDeliveryOption?.handle).toBe("express");
  });

  it("reports per group why there are no options: no address, an address no zone covers", async () => {
    const { shirt, kettle } = await world();
    const cartId = await commerce.cart([
      { variantId: shirt, quantity: 1 },
      { variantId: kettle, quantity: 1 },
    ]);
    const none = await groupsOf(cartId);
    expect(none.map((g) => [g.deliveryUnavailableReason, g.deliveryOptions])).toEqual([
      ["NO_ADDRESS", []],
      ["NO_ADDRESS", []],
    ]);
    await setAddress(cartId, paris);
    const france = await groupsOf(cartId);
    expect(france.map((g) => [g.requiresShipping, g.deliveryUnavailableReason, g.deliveryOptions])).toEqual([
      [true, "NOT_COVERED", []],
      [true, "NOT_COVERED", []],
    ]);
  });

  it("needs no delivery for a group of digital products only", async () => {
    const { shopA, ebook, kettle } = await world();
    const cartId = await commerce.cart([
      { variantId: ebook, quantity: 1 },
      { variantId: kettle, quantity: 1 },
    ]);
    await setAddress(cartId, paris);
    const [digital, parcel] = await twoGroups(cartId);
    expect(digital).toMatchObject({
      shop: { id: shopA.id },
      requiresShipping: false,
      deliveryOptions: [],
      deliveryUnavailableReason: null,
    });
    expect(parcel.deliveryUnavailableReason).toBe("NOT_COVERED");
    const refused = ok(
      await api.gql(SELECT, { input: { cartId, selections: [{ shopId: shopA.id, handle: "standard" }] } }),
    ).cartSelectedDeliveryOptionsUpdate;
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: "DELIVERY_OPTION_UNAVAILABLE" })]);
  });

  it("loads the delivery groups of a cart in as many statements for one shop and line as for two shops and four lines", async () => {
    const { shirt, ebook, kettle } = await world();
    const { shirt: shirt2, kettle: kettle2 } = await world();
    const small = await commerce.cart([{ variantId: shirt, quantity: 1 }]);
    const large = await commerce.cart([
      { variantId: shirt, quantity: 1 },
      { variantId: ebook, quantity: 1 },
      { variantId: kettle, quantity: 1 },
      { variantId: shirt2, quantity: 1 },
      { variantId: kettle2, quantity: 3 },
    ]);
    for (const cartId of [small, large]) await setAddress(cartId, munich);
    await groupsOf(small); // warm the API key cache
    const counts: number[] = [];
    for (const cartId of [small, large]) {
      const { result, statements } = await api.db.statementsDuring(() =>
        api.gql(CART_GROUPS, { id: cartId }),
      );
      expect(ok(result).cart.deliveryGroups.length).toBe(cartId === small ? 1 : 4);
      counts.push(statements.length);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(6);
  });
});
