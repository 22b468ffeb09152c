// The demo world is written by @shoppable/db without importing any domain: these tests hold what
// it writes to the domains' own rules (hashtags, engagement hours, money, shipping and tax), and
// check that a buyer can check the demo world's physical goods out to an address.
import { randomUUID } from "node:crypto";
import { SEED_MINOR_DIGITS, seedWorld, type SeedSummary } from "@shoppable/db/seed";
import { openTestDatabase, type TestDatabase } from "@shoppable/db/testing";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captionHashtags, engagementHour, normaliseHashtag } from "../src/content/rules.ts";
import type { Context } from "../src/context.ts";
import { isCountryCode, provinceCodes } from "../src/delivery/address-rules.ts";
import { deliveryQuote, provinceCodeProblem, SHIPPING_LIMITS } from "../src/delivery/shipping-rules.ts";
import { percentageOf } from "../src/delivery/tax-rules.ts";
import { ratePpmOf, TAX_LIMITS } from "../src/delivery/tax-service.ts";
import { minorDigits } from "../src/money.ts";
import { schema } from "../src/schema.ts";
import type { EventBus } from "../src/shared/events.ts";
import { handle } from "../src/shared/input.ts";

let db: TestDatabase;
let summary: SeedSummary;

beforeAll(async () => {
  db = await openTestDatabase();
  summary = await seedWorld(db.prisma, { seed: 11, scale: { products: 300 } });
}, 120_000);
afterAll(() => db?.close());

describe("the seeded world follows the domain rules", () => {
  it("every seeded currency has the money module's minor-unit digits", async () => {
    for (const [code, digits] of Object.entries(SEED_MINOR_DIGITS))
      expect(minorDigits(code), code).toBe(digits);
    const shops = await db.prisma.shop.findMany({
      select: { currencyCode: true },
      distinct: ["currencyCode"],
    });
    expect(shops.length).toBeGreaterThan(1);
    for (const { currencyCode } of shops) expect(SEED_MINOR_DIGITS[currencyCode], currencyCode).toBeDefined();
  });

  it("a post's hashtags are normalised and include every hashtag of its caption", async () => {
    const posts = await db.prisma.post.findMany({ select: { caption: true, hashtags: true } });
    expect(posts.length).toBeGreaterThan(50);
    let withCaptionTags = 0;
    for (const post of posts) {
      for (const tag of post.hashtags) expect(normaliseHashtag(tag)).toBe(tag);
      expect(new Set(post.hashtags).size).toBe(post.hashtags.length);
      const inCaption = captionHashtags(post.caption ?? "");
      if (inCaption.length > 0) withCaptionTags++;
      expect(post.hashtags).toEqual(expect.arrayContaining(inCaption));
    }
    expect(withCaptionTags).toBeGreaterThan(0);
  });

  it("engagement rows sit on the hour buckets the content domain counts in", async () => {
    const hours = await db.prisma.postEngagementHour.findMany({ select: { hour: true }, take: 2_000 });
    expect(hours.length).toBeGreaterThan(0);
    for (const { hour } of hours) expect(engagementHour(hour).getTime()).toBe(hour.getTime());
  });

  it("every shipping zone and rate is one shippingZoneCreate would accept", async () => {
    const shops = await db.prisma.shop.findMany({
      select: {
        id: true,
        shippingZones: { include: { rates: { orderBy: { position: "asc" } } } },
      },
    });
    expect(shops.length).toBe(summary.counts.shops);
    let rates = 0;
    for (const shop of shops) {
      expect(shop.shippingZones.length, shop.id).toBeGreaterThanOrEqual(1);
      expect(shop.shippingZones.length).toBeLessThanOrEqual(SHIPPING_LIMITS.zonesPerShop);
      const handles: string[] = [];
      for (const zone of shop.shippingZones) {
        expect(zone.name.length).toBeGreaterThan(0);
        expect(zone.name.length).toBeLessThanOrEqual(SHIPPING_LIMITS.name);
        expect(zone.countryCodes.length).toBeGreaterThanOrEqual(1);
        expect(new Set(zone.countryCodes).size).toBe(zone.countryCodes.length);
        for (const country of zone.countryCodes) expect(isCountryCode(country), country).toBe(true);
        for (const code of zone.provinceCodes)
          expect(provinceCodeProblem(code, zone.countryCodes), code).toBeNull();
        expect(zone.rates.length).toBeGreaterThanOrEqual(1);
        expect(zone.rates.length).toBeLessThanOrEqual(SHIPPING_LIMITS.ratesPerZone);
        expect(zone.rates.map((r) => r.position)).toEqual(zone.rates.map((_, i) => i));
        for (const rate of zone.rates) {
          rates++;
          handles.push(rate.handle);
          expect(handle.safeParse(rate.handle).success, rate.handle).toBe(true);
          expect(rate.title.trim().length).toBeGreaterThan(0);
          expect(rate.title.length).toBeLessThanOrEqual(SHIPPING_LIMITS.title);
          expect(rate.price).toBeGreaterThanOrEqual(0);
          expect(rate.minDays).toBeGreaterThanOrEqual(0);
          expect(rate.minDays).toBeLessThanOrEqual(rate.maxDays);
          expect(rate.maxDays).toBeLessThanOrEqual(SHIPPING_LIMITS.days);
          expect(rate.conditionMin).toBeGreaterThanOrEqual(0);
          if (rate.conditionMax !== null) expect(rate.conditionMin).toBeLessThanOrEqual(rate.conditionMax);
          if (rate.condition === "NONE") expect([rate.conditionMin, rate.conditionMax]).toEqual([0, null]);
          if (rate.condition === "WEIGHT" && rate.conditionMax !== null)
            expect(rate.conditionMax).toBeLessThanOrEqual(SHIPPING_LIMITS.maxRangeGrams);
          if (rate.freeAbove !== null) expect(rate.freeAbove).toBeGreaterThan(0);
        }
      }
      // Handles are unique in the shop (what TAKEN guards), not only per zone.
      expect(new Set(handles).size, shop.id).toBe(handles.length);
    }
    expect(rates).toBe(summary.counts.shippingRates);
  });

  it("every shop delivers parcels of any weight to every address its zones cover", async () => {
    const zones = await db.prisma.shippingZone.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { rates: { orderBy: { position: "asc" } } },
    });
    const byShop = new Map<string, typeof zones>();
    for (const zone of zones) byShop.set(zone.shopId, [...(byShop.get(zone.shopId) ?? []), zone]);
    for (const [shopId, shopZones] of byShop) {
      for (const zone of shopZones) {
        const destinations = zone.provinceCodes.length
          ? zone.provinceCodes.map((code) => ({ countryCode: code.slice(0, 2), provinceCode: code.slice(3) }))
          : zone.countryCodes.map((countryCode) => ({ countryCode, provinceCode: null }));
        for (const to of destinations)
          for (const grams of [0, 150, 999, 1_000, 4_999, 5_000, 60_000]) {
            const quote = deliveryQuote(shopZones, to, [
              { quantity: 1, weightGrams: grams, requiresShipping: true, total: 2_500 },
            ]);
            expect(quote.unavailableReason, `${shopId} to ${JSON.stringify(to)}, ${grams} g`).toBeNull();
            expect(quote.options.length).toBeGreaterThan(0);
          }
        // Weight tiers leave no gap: from 0 g up, each starting a gram after the last, the last open.
        const tiers = zone.rates
          .filter((rate) => rate.condition === "WEIGHT")
          .sort((a, b) => a.conditionMin - b.conditionMin);
        if (tiers.length === 0) continue;
        const starts = tiers.map((tier) => tier.conditionMin);
        const nextStarts = tiers.map((tier) => (tier.conditionMax === null ? null : tier.conditionMax + 1));
        expect(starts, `${shopId} ${zone.name}`).toEqual([0, ...nextStarts.slice(0, -1)]);
        expect(nextStarts.at(-1), `${shopId} ${zone.name}`).toBeNull();
      }
    }
  });

  it("every platform tax rate is one taxRateSet would accept, one per country and province", async () => {
    const rates = await db.prisma.taxRate.findMany();
    expect(rates.length).toBe(summary.counts.taxRates);
    expect(rates.length).toBeGreaterThan(10);
    const scopes = new Set<string>();
    for (const rate of rates) {
      expect(rate.shopId).toBeNull();
      expect(isCountryCode(rate.countryCode), rate.countryCode).toBe(true);
      if (rate.provinceCode !== null)
        expect(provinceCodes(rate.countryCode).has(rate.provinceCode), rate.provinceCode).toBe(true);
      expect(rate.ratePpm).toBeGreaterThanOrEqual(0);
      expect(rate.ratePpm).toBeLessThanOrEqual(TAX_LIMITS.maxRatePpm);
      // Expressible as the percentage taxRateSet takes, exactly.
      expect(ratePpmOf(percentageOf(rate.ratePpm))).toBe(rate.ratePpm);
      expect(rate.name.trim().length).toBeGreaterThan(0);
      expect(rate.name.length).toBeLessThanOrEqual(TAX_LIMITS.name);
      scopes.add(`${rate.countryCode}-${rate.provinceCode ?? ""}`);
    }
    expect(scopes.size).toBe(rates.length);
    // Every country a zone covers has a rate (the US by state).
    const covered = new Set(
      (await db.prisma.shippingZone.findMany({ select: { countryCodes: true } })).flatMap(
        (z) => z.countryCodes,
      ),
    );
    const taxed = new Set(rates.map((r) => r.countryCode));
    for (const country of covered) expect(taxed.has(country), country).toBe(true);
  });

  it("physical variants have weights within the variant limit and digital ones need no delivery", async () => {
    const [row] = await db.prisma.$queryRaw<
      { physical: number; weightless: number; heavy: number; digital: number; weighed_digital: number }[]
    >`
      SELECT count(*) FILTER (WHERE "requiresShipping")::int AS physical,
             count(*) FILTER (WHERE "requiresShipping" AND "weightGrams" <= 0)::int AS weightless,
             count(*) FILTER (WHERE "weightGrams" > ${SHIPPING_LIMITS.maxVariantGrams})::int AS heavy,
             count(*) FILTER (WHERE NOT "requiresShipping")::int AS digital,
             count(*) FILTER (WHERE NOT "requiresShipping" AND "weightGrams" <> 0)::int AS weighed_digital
      FROM "ProductVariant"`;
    const { physical = 0, digital = 0, ...wrong } = row ?? {};
    expect(wrong).toEqual({ weightless: 0, heavy: 0, weighed_digital: 0 });
    expect(physical).toBeGreaterThan(digital);
    expect(digital).toBeGreaterThan(0);
  });
});

// ───────────── the demo world checks out ─────────────

/** Checkout publishes after commit; nothing here subscribes. */
const events: EventBus = {
  publish() {},
  publishCoalesced() {},
  subscribe() {
    throw new Error("no subscriptions in the seed tests");
  },
  live() {
    throw new Error("no subscriptions in the seed tests");
  },
};

function asBuyer(): Context {
  const { buyer } = summary.users;
  return {
    db: db.prisma,
    key: { id: "seed-rules-key", kind: "PUBLISHABLE" },
    user: { id: buyer.id, handle: buyer.handle, roles: ["BUYER"] },
    requestId: randomUUID(),
    events,
  };
}

async function run<T = any>(source: string, variables: Record<string, unknown>): Promise<T> {
  const result = await graphql({ schema, source, variableValues: variables, contextValue: asBuyer() });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const USER_ERRORS = "userErrors { code field message }";
const MONEY = "amount currencyCode";
const CART = `id
  cost { subtotal { ${MONEY} } discount { amount } shipping { amount } tax { amount } includedTax { amount } total { ${MONEY} } }
  deliveryGroups {
    shop { id } requiresShipping deliveryUnavailableReason
    deliveryOptions { handle title cost { amount } }
    selectedDeliveryOption { handle cost { amount } }
  }`;
const CART_CREATE = `mutation($input: CartCreateInput) { cartCreate(input: $input) { cart { ${CART} } ${USER_ERRORS} } }`;
const ADDRESS = `mutation($input: CartDeliveryAddressUpdateInput!) {
  cartDeliveryAddressUpdate(input: $input) { cart { ${CART} } ${USER_ERRORS} }
}`;
const SELECT = `mutation($input: CartSelectedDeliveryOptionsUpdateInput!) {
  cartSelectedDeliveryOptionsUpdate(input: $input) { cart { ${CART} } ${USER_ERRORS} }
}`;
const CHECKOUT = `mutation($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) {
    orders {
      status total { ${MONEY} } shippingTotal { amount } taxTotal { amount } taxesIncluded
      shippingAddress { lastName city provinceCode zip countryCode }
      shippingLine { handle price { amount } }
      taxLines { name percentage amount { amount } }
    }
    userErrors { code field message shopId }
  }
}`;

/** An address in each country the seeded shops are based in. */
const ADDRESSES: Record<
  string,
  {
    lastName: string;
    address1: string;
    city: string;
    provinceCode?: string;
    zip: string;
    countryCode: string;
  }
> = {
  US: {
    lastName: "Lovelace",
    address1: "350 5th Ave",
    city: "New York",
    provinceCode: "NY",
    zip: "10118",
    countryCode: "US",
  },
  DE: {
    lastName: "Vogel",
    address1: "Torstraße 1",
    city: "Berlin",
    provinceCode: "BE",
    zip: "10115",
    countryCode: "DE",
  },
  FR: { lastName: "Martin", address1: "1 Rue de Rivoli", city: "Paris", zip: "75001", countryCode: "FR" },
  NL: { lastName: "de Vries", address1: "Damrak 1", city: "Amsterdam", zip: "1012 LG", countryCode: "NL" },
  AT: { lastName: "Huber", address1: "Graben 1", city: "Wien", zip: "1010", countryCode: "AT" },
};

/** Two in-stock physical variants of different ACTIVE products of the first shop of `currencyCode`. */
async function physicalGoods(currencyCode: string) {
  const shop = await db.prisma.shop.findFirstOrThrow({
    where: { currencyCode },
    orderBy: { createdAt: "asc" },
    select: { id: true, pricesIncludeTax: true, shippingZones: { select: { countryCodes: true } } },
  });
  const variants = await db.prisma.productVariant.findMany({
    where: {
      requiresShipping: true,
      inventoryQuantity: { gte: 2 },
      product: { shopId: shop.id, status: "ACTIVE" },
    },
    orderBy: { id: "asc" },
    distinct: ["productId"],
    take: 2,
    select: { id: true },
  });
  expect(variants.length).toBe(2);
  return { shop, variantIds: variants.map((v) => encodeGlobalID("ProductVariant", v.id)) };
}

describe("the demo world checks physical goods out to an address", () => {
  it.each([
    ["USD", "US"],
    ["EUR", null],
  ])(
    "a cart of a %s shop's goods: refused without an address, then delivered and taxed",
    async (currencyCode, home) => {
      const { shop, variantIds } = await physicalGoods(currencyCode);
      const shopId = encodeGlobalID("Shop", shop.id);
      const country = home ?? shop.shippingZones[0]?.countryCodes[0] ?? "";
      const address = ADDRESSES[country];
      if (!address) throw new Error(`no test address in ${country}`);
      const created = (
        await run(CART_CREATE, {
          input: {
            lines: variantIds.map((variantId) => ({ variantId, quantity: 1 })),
            buyerIdentity: { email: "demo-buyer@example.com" },
          },
        })
      ).cartCreate;
      expect(created.userErrors).toEqual([]);
      const cartId = created.cart.id;
      expect(created.cart.deliveryGroups).toEqual([
        expect.objectContaining({ requiresShipping: true, deliveryUnavailableReason: "NO_ADDRESS" }),
      ]);

      // Physical goods need an address first: checkout refuses, naming the shop.
      const refused = (
        await run(CHECKOUT, {
          input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
        })
      ).checkoutComplete;
      expect(refused.orders).toEqual([]);
      expect(refused.userErrors).toEqual([
        expect.objectContaining({ code: "DELIVERY_ADDRESS_REQUIRED", shopId }),
      ]);

      const addressed = (await run(ADDRESS, { input: { cartId, address } })).cartDeliveryAddressUpdate;
      expect(addressed.userErrors).toEqual([]);
      const [group] = addressed.cart.deliveryGroups;
      expect(group.deliveryUnavailableReason).toBeNull();
      expect(group.deliveryOptions.length).toBeGreaterThan(0);
      const option = group.deliveryOptions[0];
      const selected = (
        await run(SELECT, { input: { cartId, selections: [{ shopId, handle: option.handle }] } })
      ).cartSelectedDeliveryOptionsUpdate;
      expect(selected.userErrors).toEqual([]);
      const cost = selected.cart.cost;
      expect(cost.shipping.amount).toBe(option.cost.amount);
      // The platform's rate for the destination applies: added in the US, included in the EU.
      const rate = await db.prisma.taxRate.findFirstOrThrow({
        where: {
          shopId: null,
          countryCode: country,
          provinceCode: country === "US" ? address.provinceCode : null,
        },
      });
      expect(Number(cost.tax.amount)).toBeGreaterThan(0);
      expect(cost.includedTax.amount).toBe(shop.pricesIncludeTax ? cost.tax.amount : "0.00");

      const done = (
        await run(CHECKOUT, {
          input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
        })
      ).checkoutComplete;
      expect(done.userErrors).toEqual([]);
      expect(done.orders).toEqual([
        {
          status: "PAID",
          total: cost.total,
          shippingTotal: { amount: cost.shipping.amount },
          taxTotal: { amount: cost.tax.amount },
          taxesIncluded: shop.pricesIncludeTax,
          shippingAddress: {
            lastName: address.lastName,
            city: address.city,
            provinceCode: address.provinceCode ?? null,
            zip: address.zip,
            countryCode: country,
          },
          shippingLine: { handle: option.handle, price: { amount: option.cost.amount } },
          taxLines: [
            { name: rate.name, percentage: percentageOf(rate.ratePpm), amount: { amount: cost.tax.amount } },
          ],
        },
      ]);
      expect(shop.pricesIncludeTax).toBe(currencyCode === "EUR");
    },
  );

  it("a cart of digital goods only checks out without an address", async () => {
    const digital = await db.prisma.productVariant.findFirstOrThrow({
      where: { requiresShipping: false, inventoryQuantity: { gte: 1 }, product: { status: "ACTIVE" } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const created = (
      await run(CART_CREATE, {
        input: { lines: [{ variantId: encodeGlobalID("ProductVariant", digital.id), quantity: 1 }] },
      })
    ).cartCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.cart.deliveryGroups).toEqual([
      expect.objectContaining({
        requiresShipping: false,
        deliveryOptions: [],
        deliveryUnavailableReason: null,
      }),
    ]);
    const done = (
      await run(CHECKOUT, {
        input: { cartId: created.cart.id, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
      })
    ).checkoutComplete;
    expect(done.userErrors).toEqual([]);
    expect(done.orders).toEqual([
      expect.objectContaining({
        status: "PAID",
        shippingAddress: null,
        shippingLine: null,
        shippingTotal: { amount: "0.00" },
      }),
    ]);
  });
});
