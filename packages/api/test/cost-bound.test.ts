/**
 * The requested cost of an operation is an upper bound of what it returns: for every query the
 * generator makes (cost-queries.ts) over a world filled to the lists' bounds (cost-world.ts),
 * run as several callers, `extensions.cost.requestedQueryCost` is at least the objects that
 * came back, and `actualQueryCost` is exactly them (counted here on their own, so that an
 * actual cost clamped to the requested one hides nothing); the same for the SDK's own
 * operations, whose requested costs stay under the per-operation maximum; and the issue's two
 * attack queries are priced for what they could return.
 *
 * A failure prints the seed (COST_SEED replays it), the query, its variables and both costs,
 * and a smallest query that still fails (fields removed while it did), which names the field
 * priced below what it returns.
 */
import { randomUUID } from "node:crypto";
import { schema } from "@shoppable/schema";
import { Kind, parse, print, validate, visit, type ASTNode, type DocumentNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryBucketStore } from "../src/limits/index.ts";
import { buildCostWorld, type CostWorld } from "./cost-world.ts";
import {
  CALLERS,
  MAX_OPERATION_COST,
  objectsReturned,
  QueryGenerator,
  sdkOperations,
} from "./cost-queries.ts";
import { ok, startTestApi, type CallAs, type GraphQLResponse, type TestApi } from "./harness.ts";

/** Generated queries checked (refusals for cost do not count). */
const QUERIES = Number(process.env.COST_QUERIES ?? 400);
/** Buckets large enough that nothing is throttled. */
const CAPACITY = 100_000_000;
/** Failures shrunk to a smallest failing query, per test (each shrink runs the query again, field by field). */
const SHRINK = 6;
/** The most runs one shrink makes. */
const SHRINK_RUNS = 300;

let api: TestApi;
let world: CostWorld;

beforeAll(async () => {
  // The buckets' clock stands still (no refill): what an operation takes shows exactly in the next answer.
  const buckets = new MemoryBucketStore({ capacity: CAPACITY, restorePerSecond: 1 }, () => 0);
  api = await startTestApi({ RATE_LIMIT_CAPACITY: String(CAPACITY), WEBHOOKS_DISPATCH: "0" }, { buckets });
  const started = Date.now();
  world = await buildCostWorld(api);
  console.log(
    `cost world (COST_SEED=${world.seed}) built in ${Date.now() - started} ms: ${JSON.stringify(world.filled)}`,
  );
});
afterAll(() => api?.close());

interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { currentlyAvailable: number };
}

const costOf = (res: GraphQLResponse): Cost | undefined => res.extensions?.cost;
/** Refused before running for its cost; not for depth or breadth. */
const refusedForCost = (res: GraphQLResponse) =>
  res.errors?.some(
    (e) =>
      e.extensions?.code === "QUERY_TOO_COMPLEX" &&
      ["cost", "complexity"].includes(String(e.extensions.limit)),
  ) ?? false;

/** What is wrong with the cost of this answer: null when requested ≥ returned = actual. */
function costProblem(
  document: DocumentNode,
  variables: Record<string, unknown>,
  res: GraphQLResponse,
): string | null {
  const cost = costOf(res);
  if (!cost) return "no extensions.cost";
  const returned = objectsReturned(schema, document, variables, res.data ?? null);
  if (cost.requestedQueryCost < returned)
    return `requested ${cost.requestedQueryCost} < ${returned} returned (actual ${cost.actualQueryCost})`;
  if (cost.actualQueryCost !== returned)
    return `actual ${cost.actualQueryCost} ≠ ${returned} returned (requested ${cost.requestedQueryCost})`;
  if (returned > 0 && !(cost.actualQueryCost > 0)) return "objects came back at an actual cost of 0";
  return null;
}

/** The document without unused variables and fragments, and without emptied selections; null when nothing is left. */
function tidy(document: DocumentNode): DocumentNode | null {
  let doc = document;
  for (let changed = true; changed; ) {
    changed = false;
    const emptied = new Set<string>();
    doc = visit(doc, {
      leave(node: ASTNode) {
        if (
          (node.kind === Kind.FIELD || node.kind === Kind.INLINE_FRAGMENT) &&
          node.selectionSet &&
          node.selectionSet.selections.length === 0
        )
          return ((changed = true), null);
        if (node.kind === Kind.FRAGMENT_DEFINITION && node.selectionSet.selections.length === 0)
          return (emptied.add(node.name.value), (changed = true), null);
        return undefined;
      },
    });
    const spread = new Set<string>();
    const used = new Set<string>();
    visit(doc, {
      FragmentSpread: (n) => void spread.add(n.name.value),
      Variable: (n) => void used.add(n.name.value),
      VariableDefinition: () => false,
    });
    doc = visit(doc, {
      FragmentSpread: (n) => (emptied.has(n.name.value) ? ((changed = true), null) : undefined),
      FragmentDefinition: (n) => (spread.has(n.name.value) ? undefined : ((changed = true), null)),
      VariableDefinition: (n) => (used.has(n.variable.name.value) ? undefined : ((changed = true), null)),
    });
  }
  const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation && operation.selectionSet.selections.length ? doc : null;
}

/** A smallest query that still has a cost problem: fields removed one at a time while it does. */
async function shrink(query: string, variables: Record<string, unknown>, as: CallAs): Promise<string> {
  let doc = parse(query);
  const fields = (d: DocumentNode) => {
    let n = 0;
    visit(d, { Field: () => void n++ });
    return n;
  };
  let runs = 0;
  for (let changed = true; changed && runs < SHRINK_RUNS; ) {
    changed = false;
    for (let i = 0; i < fields(doc) && runs < SHRINK_RUNS; i++) {
      let k = 0;
      const candidate = tidy(visit(doc, { Field: () => (k++ === i ? null : undefined) }));
      if (!candidate || validate(schema, candidate).length) continue;
      const res = await api.gql(print(candidate), variables, as);
      runs++;
      if (refusedForCost(res) || !costProblem(candidate, variables, res)) continue;
      doc = candidate;
      changed = true;
      i--;
    }
  }
  const res = await api.gql(print(doc), variables, as);
  return `${costProblem(doc, variables, res)}: ${print(doc).replace(/\s+/g, " ")}`;
}

function describeFailure(what: string, query: string, variables: unknown, res: GraphQLResponse) {
  return [
    `${what} (COST_SEED=${world.seed})`,
    `cost: ${JSON.stringify(costOf(res))}`,
    `errors: ${JSON.stringify(res.errors?.map((e) => e.message))}`,
    `variables: ${JSON.stringify(variables)}`,
    query,
  ].join("\n");
}

describe("requested cost bounds actual cost", () => {
  it(`holds for ${QUERIES} generated queries, as every kind of caller`, async () => {
    const generator = new QueryGenerator(schema, world, world.seed);
    const failures: { report: string; query: string; variables: Record<string, unknown>; as: CallAs }[] = [];
    const stats = {
      checked: 0,
      withData: 0,
      withErrors: 0,
      refusedForCost: 0,
      refusedOther: 0,
      maxRequested: 0,
      maxActual: 0,
      byCaller: {} as Record<string, number>,
    };
    const refusals = new Set<string>();
    let index = 0;
    while (stats.checked < QUERIES && index < QUERIES * 2) {
      const caller = CALLERS[index % CALLERS.length]!;
      const q = generator.next(index++, caller);
      const as = world.callers[caller];
      const res = await api.gql(q.query, q.variables, as);
      if (refusedForCost(res)) {
        stats.refusedForCost++;
        continue;
      }
      const cost = costOf(res);
      if (!cost && (res.data ?? null) === null && res.errors?.length) {
        // Refused before running, not for its cost: an argument out of range (the generator asks for one now and then).
        stats.refusedOther++;
        refusals.add(res.errors[0]!.message);
        continue;
      }
      if (!cost) {
        failures.push({
          report: describeFailure(
            `#${q.index} as ${caller}: data without extensions.cost`,
            q.query,
            q.variables,
            res,
          ),
          query: q.query,
          variables: q.variables,
          as,
        });
        continue;
      }
      stats.checked++;
      stats.byCaller[caller] = (stats.byCaller[caller] ?? 0) + 1;
      stats.maxRequested = Math.max(stats.maxRequested, cost.requestedQueryCost);
      stats.maxActual = Math.max(stats.maxActual, cost.actualQueryCost);
      // Errors (a caller who may not read a field, a page too large) may null parts or all of the data: still a check.
      if (objectsReturned(schema, parse(q.query), q.variables, res.data ?? null) > 0) stats.withData++;
      if (res.errors?.length) stats.withErrors++;
      const problem = costProblem(parse(q.query), q.variables, res);
      if (problem)
        failures.push({
          report: describeFailure(`#${q.index} as ${caller}: ${problem}`, q.query, q.variables, res),
          query: q.query,
          variables: q.variables,
          as,
        });
    }
    console.log(
      `cost property (COST_SEED=${world.seed}): ${JSON.stringify({ generated: index, ...stats, refusals: [...refusals] })}`,
    );
    if (failures.length) {
      const smallest = new Set<string>();
      for (const f of failures.slice(0, SHRINK)) smallest.add(await shrink(f.query, f.variables, f.as));
      const message = [
        `${failures.length} of ${stats.checked} queries broke the bound (COST_SEED=${world.seed}); smallest failing queries:`,
        ...smallest,
        "",
        "The first:",
        failures[0]!.report,
      ].join("\n");
      expect.fail(message);
    }
    expect(stats.checked).toBeGreaterThanOrEqual(QUERIES);
    // Not vacuous: most queries returned objects.
    expect(stats.withData / stats.checked).toBeGreaterThanOrEqual(0.6);
  });
});

/** A French address for the SDK walk's delivery calls. */
const SDK_ADDRESS = {
  firstName: "Sami",
  lastName: "Dupont",
  address1: "10 rue de Rivoli",
  city: "Paris",
  zip: "75001",
  countryCode: "FR",
};

describe("the SDK's operations", () => {
  /** What each SDK call needs from those before it. */
  const state: Record<string, any> = {};
  const results: { name: string; requested: number; actual: number }[] = [];

  type Call = [
    name: string,
    variables: () => Record<string, unknown>,
    as: () => CallAs,
    after?: (data: any) => void,
  ];
  const input = (fn: () => Record<string, unknown>) => () => ({ input: fn() });
  const w = () => world;
  const merchant = () => world.callers.merchant;
  const buyer = () => world.callers.buyer;
  const creator = () => world.callers.creator;
  const anonymous = () => world.callers.anonymous;
  const platform = () => world.callers.platform;

  /** Queries with the SDK's default variables, then mutations in an order that makes each succeed. */
  const calls: Call[] = [
    ["products", () => ({ first: 20 }), anonymous],
    ["products", () => ({ first: 20, withFacets: true }), anonymous],
    ["predictiveSearch", () => ({ query: "a" }), anonymous],
    ["product", () => ({ id: w().big.id }), anonymous],
    ["shop", () => ({ handle: w().shops[0]!.handle }), anonymous],
    ["shops", () => ({ first: 10 }), anonymous],
    ["collection", () => ({ handle: w().collections[0]!.handle }), anonymous],
    ["node", () => ({ id: w().big.id }), anonymous],
    ["nodes", () => ({ ids: w().allIds.slice(0, 40) }), merchant],
    ["feed", () => ({ kind: "TRENDING", first: 20 }), buyer],
    ["feed", () => ({ kind: "FOLLOWING", first: 20 }), buyer],
    ["post", () => ({ id: w().posts[0] }), anonymous],
    ["trendingProducts", () => ({ first: 20 }), anonymous],
    ["recommendedProducts", () => ({ productId: w().big.id }), anonymous],
    ["liveSession", () => ({ id: w().liveSessions[0] }), anonymous],
    ["liveSessions", () => ({ status: "LIVE", first: 20 }), anonymous],
    ["cart", () => ({ id: w().cart }), buyer],
    ["order", () => ({ id: w().orders[0] }), merchant],
    ["viewer", () => ({}), buyer],
    ["viewer", () => ({}), merchant],
    ["viewer", () => ({}), creator],
    ["affiliateLink", () => ({ code: w().affiliateLinks[0]!.code }), anonymous],
    ["platformWebhookEndpoints", () => ({}), platform],
    // Catalog.
    [
      "shopCreate",
      input(() => ({ handle: "sdk-shop", name: "SDK shop", currencyCode: "EUR" })),
      merchant,
      (d) => (state.shop = d.shopCreate.shop),
    ],
    ["shopUpdate", input(() => ({ id: state.shop.id, description: "Changed." })), merchant],
    [
      "productCreate",
      input(() => ({
        shopId: state.shop.id,
        title: "SDK product",
        status: "ACTIVE",
        options: [
          { name: "Size", values: ["S", "M", "L"] },
          { name: "Color", values: ["Red", "Blue", "Green"] },
          { name: "Material", values: ["Cotton", "Wool", "Silk"] },
        ],
        variants: ["S", "M", "L"].flatMap((size) =>
          ["Red", "Blue", "Green"].flatMap((color) =>
            ["Cotton", "Wool", "Silk"].map((material) => ({
              price: "20.00",
              inventoryQuantity: 100,
              requiresShipping: false,
              selectedOptions: [
                { name: "Size", value: size },
                { name: "Color", value: color },
                { name: "Material", value: material },
              ],
            })),
          ),
        ),
        media: Array.from({ length: 5 }, (_, i) => ({ url: `https://cdn.example.test/sdk/${i}.jpg` })),
      })),
      merchant,
      (d) => (state.product = d.productCreate.product),
    ],
    [
      "collectionCreate",
      input(() => ({ shopId: state.shop.id, title: "SDK picks", productIds: [state.product.id] })),
      merchant,
      (d) => (state.manualCollection = d.collectionCreate.collection),
    ],
    [
      "collectionProductsAdd",
      input(() => ({ id: state.manualCollection.id, productIds: [state.product.id] })),
      merchant,
    ],
    [
      "collectionProductsReorder",
      input(() => ({
        id: state.manualCollection.id,
        moves: [{ productId: state.product.id, newPosition: 0 }],
      })),
      merchant,
    ],
    [
      "collectionProductsRemove",
      input(() => ({ id: state.manualCollection.id, productIds: [state.product.id] })),
      merchant,
    ],
    [
      "collectionCreate",
      input(() => ({
        shopId: state.shop.id,
        title: "SDK reds",
        ruleSet: {
          appliedDisjunctively: false,
          rules: Array.from({ length: 10 }, () => ({
            field: "OPTION_VALUE",
            relation: "EQUALS",
            value: "Red",
            optionName: "Color",
          })),
        },
      })),
      merchant,
      (d) => (state.automaticCollection = d.collectionCreate.collection),
    ],
    [
      "collectionUpdate",
      input(() => ({ id: state.automaticCollection.id, title: "SDK reds and blues", sortOrder: "TITLE" })),
      merchant,
    ],
    ["collections", () => ({ shopId: state.shop.id, first: 20 }), anonymous],
    ["collectionDelete", input(() => ({ id: state.manualCollection.id })), merchant],
    [
      "productUpdate",
      input(() => ({
        id: state.product.id,
        title: "SDK product 2",
        variants: [{ id: state.product.variants[0].id, price: "19.00" }],
      })),
      merchant,
    ],
    ["inventoryAdjust", input(() => ({ variantId: state.product.variants[0].id, delta: 5 })), merchant],
    // Options and variants after creation: a value renamed, a variant of a new value added and deleted.
    [
      "productOptionUpdate",
      input(() => ({
        productId: state.product.id,
        optionId: state.product.options[0].id,
        values: [{ name: "S", currentName: "S" }, { name: "M" }, { name: "L" }, { name: "XL" }],
      })),
      merchant,
    ],
    [
      "productVariantsCreate",
      input(() => ({
        productId: state.product.id,
        variants: [
          {
            price: "21.00",
            selectedOptions: [
              { name: "Size", value: "XL" },
              { name: "Color", value: "Red" },
              { name: "Material", value: "Cotton" },
            ],
          },
        ],
      })),
      merchant,
      (d) => (state.extraVariant = d.productVariantsCreate.variants[0]),
    ],
    [
      "productVariantsDelete",
      input(() => ({ productId: state.product.id, variantIds: [state.extraVariant.id] })),
      merchant,
    ],
    [
      "productCreate",
      input(() => ({
        shopId: state.shop.id,
        title: "SDK plain product",
        status: "ACTIVE",
        variants: [{ price: "5.00", requiresShipping: false }],
      })),
      merchant,
      (d) => (state.plain = d.productCreate.product),
    ],
    [
      "productOptionsCreate",
      input(() => ({ productId: state.plain.id, options: [{ name: "Color", values: ["Red", "Blue"] }] })),
      merchant,
      (d) => (state.plain = d.productOptionsCreate.product),
    ],
    [
      "productOptionsDelete",
      input(() => ({ productId: state.plain.id, optionIds: [state.plain.options[0].id] })),
      merchant,
    ],
    [
      "discountCodeCreate",
      input(() => ({ shopId: state.shop.id, code: "SDK10", kind: "PERCENTAGE", value: "10" })),
      merchant,
    ],
    // Affiliate.
    [
      "affiliateProgramUpsert",
      input(() => ({
        shopId: state.shop.id,
        defaultRate: 1000,
        productRates: [{ productId: state.product.id, rate: 2000 }],
      })),
      merchant,
    ],
    [
      "affiliateInvite",
      input(() => ({ shopId: state.shop.id, creatorId: w().users.creator2 })),
      merchant,
      (d) => (state.invitation = d.affiliateInvite.invitation),
    ],
    ["affiliateInvitationAccept", input(() => ({ id: state.invitation.id })), () => w().creator2],
    [
      "affiliateInvite",
      input(() => ({ shopId: w().shops[1]!.id, creatorId: w().users.creator2 })),
      merchant,
      (d) => (state.invitation2 = d.affiliateInvite.invitation),
    ],
    ["affiliateInvitationDecline", input(() => ({ id: state.invitation2.id })), () => w().creator2],
    [
      "affiliateLinkCreate",
      input(() => ({ productId: state.product.id })),
      creator,
      (d) => (state.link = d.affiliateLinkCreate.affiliateLink),
    ],
    // Content.
    [
      "postCreate",
      input(() => ({
        caption: "SDK post #sdk",
        media: { kind: "IMAGE", url: "/media/sdk.jpg", width: 1080, height: 1350 },
        productTags: state.product.variants
          .slice(0, 10)
          .map((v: { id: string }) => ({ productId: state.product.id, variantId: v.id, x: 0.5, y: 0.5 })),
      })),
      creator,
      (d) => (state.post = d.postCreate.post),
    ],
    ["postUpdate", input(() => ({ id: state.post.id, caption: "SDK post, edited #sdk" })), creator],
    ["postView", input(() => ({ postId: state.post.id })), buyer],
    ["postLike", input(() => ({ postId: state.post.id })), buyer],
    ["postUnlike", input(() => ({ postId: state.post.id })), buyer],
    ["postShare", input(() => ({ postId: state.post.id, channel: "copy_link" })), buyer],
    ["productTagTap", input(() => ({ productTagId: state.post.productTags[0].id })), buyer],
    ["userFollow", input(() => ({ userId: w().users.creator2 })), buyer],
    ["userUnfollow", input(() => ({ userId: w().users.creator2 })), buyer],
    // Live.
    [
      "liveSessionSchedule",
      input(() => ({
        title: "SDK live",
        shopId: state.shop.id,
        scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      })),
      merchant,
      (d) => (state.live = d.liveSessionSchedule.liveSession),
    ],
    [
      "liveSessionPinProduct",
      input(() => ({
        liveSessionId: state.live.id,
        productId: state.product.id,
        livePrice: "15.00",
        quantityCap: 10,
      })),
      merchant,
      (d) => (state.pin = d.liveSessionPinProduct.liveSession.pinnedProducts[0]),
    ],
    ["liveSessionStart", input(() => ({ id: state.live.id })), merchant],
    ["liveSessionJoin", input(() => ({ liveSessionId: state.live.id })), buyer],
    ["liveSessionLeave", input(() => ({ liveSessionId: state.live.id })), buyer],
    ["liveSessionUnpinProduct", input(() => ({ pinnedProductId: state.pin.id })), merchant],
    ["liveSessionEnd", input(() => ({ id: state.live.id })), merchant],
    [
      "liveSessionSchedule",
      input(() => ({
        title: "SDK live 2",
        shopId: state.shop.id,
        scheduledAt: new Date(Date.now() + 7_200_000).toISOString(),
      })),
      merchant,
      (d) => (state.live2 = d.liveSessionSchedule.liveSession),
    ],
    ["liveSessionCancel", input(() => ({ id: state.live2.id })), merchant],
    // Cart and checkout: a cart of many lines across shops.
    [
      "cartCreate",
      input(() => ({
        lines: state.product.variants.slice(0, 20).map((v: { id: string }) => ({
          variantId: v.id,
          quantity: 1,
          attribution: { affiliateCode: state.link.code },
        })),
      })),
      buyer,
      (d) => (state.cart = d.cartCreate.cart),
    ],
    [
      "cartLinesAdd",
      input(() => ({
        cartId: state.cart.id,
        lines: w()
          .big.variants.slice(0, 40)
          .map((variantId) => ({ variantId, quantity: 1 })),
      })),
      buyer,
      (d) => (state.cart = d.cartLinesAdd.cart),
    ],
    [
      "cartLinesUpdate",
      input(() => ({ cartId: state.cart.id, lines: [{ id: state.cart.lines[0].id, quantity: 3 }] })),
      buyer,
    ],
    ["cartLinesRemove", input(() => ({ cartId: state.cart.id, lineIds: [state.cart.lines[1].id] })), buyer],
    [
      "cartDiscountCodesUpdate",
      input(() => ({ cartId: state.cart.id, discountCodes: ["SDK10", "COST1"] })),
      buyer,
    ],
    [
      "cartBuyerIdentityUpdate",
      input(() => ({
        cartId: state.cart.id,
        buyerIdentity: { email: "sdk@example.test", countryCode: "FR" },
      })),
      buyer,
    ],
    [
      "checkoutComplete",
      input(() => ({
        cartId: state.cart.id,
        idempotencyKey: randomUUID(),
        payment: { token: "tok_success" },
      })),
      buyer,
      (d) => (state.order = d.checkoutComplete.order),
    ],
    ["orderFulfill", input(() => ({ id: state.order.id })), merchant],
    [
      "orderRefund",
      input(() => ({
        id: state.order.id,
        lines: state.order.lines.slice(0, 5).map((l: { id: string }) => ({ lineId: l.id, quantity: 1 })),
        restock: true,
      })),
      merchant,
    ],
    [
      "cartCreate",
      input(() => ({
        lines: state.product.variants
          .slice(0, 3)
          .map((v: { id: string }) => ({ variantId: v.id, quantity: 1 })),
      })),
      buyer,
      (d) => (state.cart2 = d.cartCreate.cart),
    ],
    [
      "checkoutComplete",
      input(() => ({
        cartId: state.cart2.id,
        idempotencyKey: randomUUID(),
        payment: { token: "tok_success" },
      })),
      buyer,
      (d) => (state.order2 = d.checkoutComplete.order),
    ],
    ["orderCancel", input(() => ({ id: state.order2.id, reason: "SDK" })), merchant],
    // Delivery, tax and returns: a zone and a tax rate of the SDK shop, a saved address, a cart of
    // goods that ship checked out to it with an option, fulfilled, one unit returned, one declined.
    [
      "shippingZoneCreate",
      input(() => ({
        shopId: state.shop.id,
        name: "France",
        countryCodes: ["FR"],
        rates: [{ handle: "sdk-std", title: "Standard", price: "4.00", minDays: 1, maxDays: 3 }],
      })),
      merchant,
      (d) => (state.zone = d.shippingZoneCreate.shippingZone),
    ],
    ["shippingZoneUpdate", input(() => ({ id: state.zone.id, name: "France métropolitaine" })), merchant],
    [
      "taxRateSet",
      input(() => ({ shopId: state.shop.id, countryCode: "FR", name: "TVA", percentage: "20" })),
      merchant,
      (d) => (state.taxRate = d.taxRateSet.taxRate),
    ],
    ["platformTaxRates", () => ({}), anonymous],
    [
      "viewerAddressCreate",
      input(() => ({ address: SDK_ADDRESS, isDefault: true })),
      buyer,
      (d) => (state.address = d.viewerAddressCreate.address),
    ],
    [
      "viewerAddressUpdate",
      input(() => ({ id: state.address.id, address: { ...SDK_ADDRESS, address2: "Bâtiment B" } })),
      buyer,
    ],
    [
      "productUpdate",
      input(() => ({
        id: state.product.id,
        variants: [{ id: state.product.variants[0].id, requiresShipping: true, weightGrams: 300 }],
      })),
      merchant,
    ],
    [
      "cartCreate",
      input(() => ({ lines: [{ variantId: state.product.variants[0].id, quantity: 2 }] })),
      buyer,
      (d) => (state.cart3 = d.cartCreate.cart),
    ],
    [
      "cartDeliveryAddressUpdate",
      input(() => ({ cartId: state.cart3.id, addressId: state.address.id })),
      buyer,
    ],
    [
      "cartSelectedDeliveryOptionsUpdate",
      input(() => ({ cartId: state.cart3.id, selections: [{ shopId: state.shop.id, handle: "sdk-std" }] })),
      buyer,
    ],
    [
      "checkoutComplete",
      input(() => ({
        cartId: state.cart3.id,
        idempotencyKey: randomUUID(),
        payment: { token: "tok_success" },
      })),
      buyer,
      (d) => (state.order3 = d.checkoutComplete.order),
    ],
    ["orderFulfill", input(() => ({ id: state.order3.id })), merchant],
    // Community: a review of what was just bought, the shop's reply; a comment on the SDK post.
    [
      "productReviewCreate",
      input(() => ({
        productId: state.order3.lines[0].productId,
        orderLineId: state.order3.lines[0].id,
        rating: 4,
        title: "Fits",
        body: "Good.",
      })),
      buyer,
      (d) => (state.review = d.productReviewCreate.productReview),
    ],
    ["productReviewReply", input(() => ({ reviewId: state.review.id, body: "Thanks!" })), merchant],
    ["productReviews", () => ({ productId: state.order3.lines[0].productId, first: 20 }), anonymous],
    [
      "postCommentCreate",
      input(() => ({ postId: state.post.id, body: "Want", productIds: [state.order3.lines[0].productId] })),
      buyer,
      (d) => (state.comment = d.postCommentCreate.postComment),
    ],
    ["postComments", () => ({ postId: state.post.id, first: 20 }), anonymous],
    ["postCommentDelete", input(() => ({ id: state.comment.id })), buyer],
    ["contentReport", input(() => ({ targetId: state.post.id, reason: "SPAM", details: "SDK walk" })), buyer],
    [
      "moderationQueue",
      () => ({ first: 20 }),
      platform,
      (d) => (state.moderationCase = d.moderationQueue.edges[0].node.id),
    ],
    [
      "moderationResolve",
      input(() => ({ caseId: state.moderationCase, action: "DISMISS", note: "SDK walk" })),
      platform,
    ],
    [
      "returnRequest",
      input(() => ({
        orderId: state.order3.id,
        lines: [{ lineId: state.order3.lines[0].id, quantity: 1 }],
        reason: "Too big",
      })),
      buyer,
      (d) => (state.return1 = d.returnRequest.return),
    ],
    ["returnApprove", input(() => ({ id: state.return1.id })), merchant],
    [
      "returnRequest",
      input(() => ({
        orderId: state.order3.id,
        lines: [{ lineId: state.order3.lines[0].id, quantity: 1 }],
        reason: "Changed my mind",
      })),
      buyer,
      (d) => (state.return2 = d.returnRequest.return),
    ],
    ["returnDecline", input(() => ({ id: state.return2.id, reason: "Worn" })), merchant],
    ["taxRateDelete", input(() => ({ id: state.taxRate.id })), merchant],
    ["shippingZoneDelete", input(() => ({ id: state.zone.id })), merchant],
    ["viewerAddressDelete", input(() => ({ id: state.address.id })), buyer],
    ["affiliatePayout", input(() => ({ creatorId: w().users.creator })), platform],
    // Webhooks.
    [
      "webhookEndpointCreate",
      input(() => ({ shopId: state.shop.id, url: "http://127.0.0.1:9/sdk", topics: ["ORDER_PAID"] })),
      merchant,
      (d) => (state.endpoint = d.webhookEndpointCreate.webhookEndpoint),
    ],
    [
      "webhookEndpointUpdate",
      input(() => ({ id: state.endpoint.id, description: "SDK endpoint" })),
      merchant,
    ],
    ["webhookEndpointDelete", input(() => ({ id: state.endpoint.id })), merchant],
    // Privacy, and what removes things last.
    ["viewerConsentUpdate", input(() => ({ personalization: true })), buyer],
    ["viewerDataExport", () => ({}), buyer],
    ["productArchive", input(() => ({ id: state.product.id })), merchant],
    ["postDelete", input(() => ({ id: state.post.id })), creator],
    ["viewerErase", input(() => ({ confirm: true })), () => state.eraser],
  ];

  /** The SDK's page-size variables at their largest (100; recommendations 50): recorded, and checked for actual <= requested, but not held to the maximum. */
  const largest: Call[] = [
    ["products", () => ({ first: 100, withFacets: true }), anonymous],
    ["predictiveSearch", () => ({ query: "s", limit: 10 }), anonymous],
    ["shop", () => ({ handle: w().shops[0]!.handle, productsFirst: 100 }), anonymous],
    ["collection", () => ({ handle: w().collections[0]!.handle, first: 100 }), anonymous],
    ["feed", () => ({ kind: "TRENDING", first: 100 }), buyer],
    ["trendingProducts", () => ({ first: 100 }), anonymous],
    ["recommendedProducts", () => ({ productId: w().big.id, first: 50 }), anonymous],
    ["liveSessions", () => ({ status: "LIVE", first: 100 }), anonymous],
    ["shops", () => ({ first: 100 }), anonymous],
    ["collections", () => ({ first: 100 }), anonymous],
    ["productReviews", () => ({ productId: state.order3.lines[0].productId, first: 100 }), anonymous],
    ["postComments", () => ({ postId: w().posts[0], first: 100 }), anonymous],
    ["moderationQueue", () => ({ first: 100 }), platform],
    ["viewer", () => ({ ordersFirst: 100, cartsFirst: 100, affiliateLinksFirst: 100 }), buyer],
  ];

  const operations = sdkOperations();

  it("every query and mutation of the SDK asks no less than it uses, and at most the per-operation maximum", async () => {
    state.eraser = { user: await api.token("cost-eraser", ["BUYER"]) };
    const failures: string[] = [];
    const broken: { query: string; variables: Record<string, unknown>; as: CallAs }[] = [];
    const covered = new Set<string>();
    for (const [name, variables, as, after] of calls) {
      const op = operations.get(name);
      if (!op) throw new Error(`no SDK operation ${name}`);
      covered.add(name);
      const vars = variables();
      const res = await api.gql(op.document, vars, as());
      const cost = costOf(res);
      if (!res.data || res.errors?.length) {
        failures.push(describeFailure(`${name}: errors`, op.document, vars, res));
        continue;
      }
      const payload = Object.values(res.data)[0] as { userErrors?: unknown[] } | null;
      if (payload?.userErrors?.length)
        failures.push(
          describeFailure(
            `${name}: userErrors ${JSON.stringify(payload.userErrors)}`,
            op.document,
            vars,
            res,
          ),
        );
      after?.(res.data);
      if (!cost) {
        failures.push(`${name}: no extensions.cost`);
        continue;
      }
      results.push({ name, requested: cost.requestedQueryCost, actual: cost.actualQueryCost });
      const problem = costProblem(parse(op.document), vars, res);
      if (problem) {
        failures.push(describeFailure(`${name}: ${problem}`, op.document, vars, res));
        if (op.kind === "query") broken.push({ query: op.document, variables: vars, as: as() });
      }
      if (!(cost.requestedQueryCost <= MAX_OPERATION_COST))
        failures.push(`${name}: requested ${cost.requestedQueryCost} > ${MAX_OPERATION_COST}`);
    }
    const largestResults: string[] = [];
    for (const [name, variables, as] of largest) {
      const op = operations.get(name)!;
      const vars = variables();
      const res = await api.gql(op.document, vars, as());
      const cost = costOf(res);
      largestResults.push(
        `${name}${JSON.stringify(vars)}: ${cost?.requestedQueryCost}/${cost?.actualQueryCost}${refusedForCost(res) ? " REFUSED" : ""}`,
      );
      const problem = res.data ? costProblem(parse(op.document), vars, res) : null;
      if (problem)
        failures.push(describeFailure(`${name} (largest pages): ${problem}`, op.document, vars, res));
    }
    console.log(
      `SDK operations, requested/actual:\n${results.map((r) => `  ${r.name}: ${r.requested}/${r.actual}`).join("\n")}\nlargest pages:\n  ${largestResults.join("\n  ")}`,
    );
    if (failures.length) {
      // Queries only: a mutation shrunk would run again and change the world.
      const smallest = new Set<string>();
      for (const b of broken.slice(0, SHRINK)) smallest.add(await shrink(b.query, b.variables, b.as));
      expect.fail(
        [`${failures.length} SDK calls failed; smallest failing queries:`, ...smallest, "", ...failures].join(
          "\n\n",
        ),
      );
    }
    const missing = [...operations.values()]
      .filter((o) => o.kind !== "subscription" && !covered.has(o.name))
      .map((o) => o.name);
    expect(missing).toEqual([]);
  });

  it("no subscription of the SDK is refused for its cost (each is charged once, when it starts)", async () => {
    const subscriptions: [string, Record<string, unknown>, () => CallAs][] = [
      ["cartUpdated", { cartId: world.cart }, buyer],
      ["commissionEvents", {}, creator],
      ["inventoryChanged", { productId: world.big.id }, anonymous],
      ["liveSessionEvents", { liveSessionId: world.liveSessions[0] }, anonymous],
      ["orderStatusChanged", { orderId: world.orders[0] }, merchant],
      ["postEngagement", { postId: world.posts[0] }, anonymous],
    ];
    expect(subscriptions.map(([n]) => n).sort()).toEqual(
      [...operations.values()]
        .filter((o) => o.kind === "subscription")
        .map((o) => o.name)
        .sort(),
    );
    const charged: string[] = [];
    for (const [name, variables, as] of subscriptions) {
      const caller = as();
      const headers: Record<string, string> = {
        "content-type": "application/json",
        accept: "text/event-stream",
        "x-shoppable-key": caller.key === "secret" ? api.keys.secret : api.keys.publishable,
      };
      if (caller.user) headers["x-shoppable-user"] = caller.user;
      // The buckets' clock stands still: what the start took is exactly what the bucket lost.
      const before = costOf(await api.gql(`{ viewer { roles } }`, {}, caller))!;
      const response = await api.server.yoga.fetch("http://test/graphql", {
        method: "POST",
        headers,
        body: JSON.stringify({ query: operations.get(name)!.document, variables }),
      });
      expect(response.status, name).toBe(200);
      // The stream starts with a ping; then stop it (the subscription ends).
      const reader = response.body!.getReader();
      await reader.read();
      await reader.cancel();
      const after = costOf(await api.gql(`{ viewer { roles } }`, {}, caller))!;
      const took = before.throttleStatus.currentlyAvailable - after.throttleStatus.currentlyAvailable - 1;
      charged.push(`${name}: ${took}`);
      // Refused, it would have taken nothing; started, it took its requested cost (at least the event object's 1).
      expect(took, `${name} took ${took}: refused?`).toBeGreaterThan(0);
      expect(took).toBeLessThanOrEqual(MAX_OPERATION_COST);
    }
    console.log(
      `SDK subscriptions, requested (what their start took from the bucket): ${charged.join(", ")}`,
    );
  });
});

describe("extensions.cost", () => {
  it("is on every answer, one refused for an argument out of range too (it ran nothing: actual 0)", async () => {
    const res = await api.gql(
      `query($id: ID!) { recommendedProducts(productId: $id, first: 51) { products { id } } }`,
      { id: world.big.id },
    );
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(costOf(res)).toMatchObject({ actualQueryCost: 0 });
  });
});

describe("the actual cost counts what came back", () => {
  /** Runs `query` and checks its actual cost against `expected(data)` and against the oracle. */
  async function expectActual(
    query: string,
    variables: Record<string, unknown>,
    as: CallAs,
    expected: (data: any) => number,
  ) {
    const res = await api.gql(query, variables, as);
    const data = ok(res);
    const cost = costOf(res)!;
    expect(objectsReturned(schema, parse(query), variables, data)).toBe(expected(data));
    expect({
      actual: cost.actualQueryCost,
      requested: cost.requestedQueryCost >= cost.actualQueryCost,
    }).toEqual({ actual: expected(data), requested: true });
  }

  it("through fragments on the Node interface, each object by its own type's fields (Cart.lines and Order.lines under one key)", async () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) {
      ... on Cart { lines { cost { total { amount } } } }
      ... on Order { lines { total { amount } } }
    } }`;
    // The cart: itself, and each line with its cost and total; the order: itself, and each line with its total.
    await expectActual(
      query,
      { ids: [world.cart, world.orders[0]] },
      world.callers.buyer,
      (d) => 1 + 3 * d.nodes[0].lines.length + 1 + 2 * d.nodes[1].lines.length,
    );
  });

  it("through a fragment on the Node interface, by the fragment's type (an order's lines are OrderLines, whose `discount` is an object; a CartLine has none)", async () => {
    await expectActual(
      `query($id: ID!) { node(id: $id) { ... on Order { lines { discount { amount } } } } }`,
      { id: world.orders[0] },
      world.callers.merchant,
      (d) => 1 + 2 * d.node.lines.length,
    );
  });

  it("JSON values are leaves, however many objects they hold", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { deliveries(first: 10) { edges { node { eventType payload } } } } } }`;
    await expectActual(query, { id: world.webhookEndpoints[0] }, world.callers.merchant, (d) => {
      expect(d.node.deliveries.edges.length).toBeGreaterThan(0);
      expect(typeof d.node.deliveries.edges[0].node.payload).toBe("object");
      // The endpoint, its connection and each delivery.
      return 1 + 1 + d.node.deliveries.edges.length;
    });
  });
});

describe("the issue's attack queries", () => {
  it("a page of 100 products with variants, options and media is priced for the objects it could return", async () => {
    const query = `{ products(first: 100) { edges { node { variants { id selectedOptions { name value } } options { name values } media { url } } } } }`;
    const res = await api.gql(query, {}, world.callers.anonymous);
    const cost = costOf(res)!;
    // The connection, then each of 100 products: itself, 100 variants with 3 selected options each, 3 options, 50 media.
    const couldReturn = 1 + 100 * (1 + 100 * (1 + 3) + 3 + 50);
    expect(cost.requestedQueryCost).toBeGreaterThanOrEqual(couldReturn);
    if (!refusedForCost(res)) {
      ok(res);
      expect(cost.actualQueryCost).toBeLessThanOrEqual(cost.requestedQueryCost);
      expect(cost.actualQueryCost).toBeGreaterThan(100 * 4);
    }
  });

  it("a cart of 100 lines nesting each line's product's shop's products with variants is refused before any SQL runs", async () => {
    const query = `query($id: ID!) { cart(id: $id) { lines { variant { product { shop { products(first: 100) { edges { node { variants { id title price { amount } } } } } } } } } } }`;
    // At the default maximum for one operation.
    expect(api.config.limits.maxQueryCost).toBe(MAX_OPERATION_COST);
    const { result, statements } = await api.db.statementsDuring(() =>
      api.gql(query, { id: world.cart }, world.callers.buyer),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(result.data ?? null).toBeNull();
    expect(statements).toEqual([]);
    // 100 lines × (line, variant, product, shop, connection + 100 products × (product + 100 variants × (variant + price))): millions.
    expect(costOf(result)!.requestedQueryCost).toBeGreaterThanOrEqual(1_000_000);
  });
});
