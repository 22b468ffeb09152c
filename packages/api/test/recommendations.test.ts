import { randomUUID } from "node:crypto";
import type { Context } from "@shoppable/schema";
import {
  likePost,
  recordPurchaseThroughPost,
  recordTagAddToCart,
  tapProductTag,
} from "@shoppable/schema/content/engagement.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, type Product } from "./commerce.ts";
import { person, type Person } from "./content-world.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

let api: TestApi;
let c: Commerce;
let shop: { id: string; dbId: string };
let anchor: Product,
  boughtTwice: Product,
  boughtOnce: Product,
  unrelated: Product,
  drafted: Product,
  declined: Product,
  coEngaged: Product,
  unconsented: Product;
let consenting: Person, refusing: Person, viewer: Person;
let anchorPost: { postId: string; postDbId: string; tagDbId: string };
let coPost: { postDbId: string; tagDbId: string };

const RECOMMENDED = `query($productId: ID, $forViewer: Boolean, $first: Int) {
  recommendedProducts(productId: $productId, forViewer: $forViewer, first: $first) { personalized basis products { id title status } }
}`;
const TRENDING = `query($window: TrendingWindow, $first: Int, $after: String) {
  trendingProducts(window: $window, first: $first, after: $after) {
    window rankedAt edges { cursor node { id title } } pageInfo { hasNextPage endCursor }
  }
}`;
const CONSENT = `mutation($input: ViewerConsentUpdateInput!) { viewerConsentUpdate(input: $input) { userErrors { code } } }`;

function ctxFor(user: Person | null): Context {
  return {
    db: api.db.prisma,
    key: { id: "test", kind: "PUBLISHABLE" },
    user: user && { id: user.id, handle: "x", roles: ["BUYER"] },
    requestId: "test",
    events: api.server.events,
  };
}

const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000);

/** One order of one unit of each product, paid with `token`, by a new buyer. */
async function buy(products: Product[], token = "tok_success") {
  const buyer = await api.token(`rec-buyer-${randomUUID()}`);
  const cartId = await c.cart(
    products.map((p) => ({ variantId: p.variants[0]!.id, quantity: 1 })),
    { user: buyer },
  );
  ok(
    await api.gql(
      CHECKOUT,
      { input: { cartId, idempotencyKey: randomUUID(), payment: { token } } },
      { user: buyer },
    ),
  );
  return buyer;
}

async function recommended(vars: Record<string, unknown>, as: CallAs = {}) {
  return ok(await api.gql(RECOMMENDED, vars, as)).recommendedProducts;
}

beforeAll(async () => {
  api = await startTestApi();
  c = await Commerce.start(api);
  shop = await c.shop();
  const made = await Promise.all(
    [
      "anchor",
      "bought twice",
      "bought once",
      "unrelated",
      "drafted",
      "declined",
      "co-engaged",
      "unconsented",
    ].map((t) => c.product(shop.id, ["10.00"], 50, t)),
  );
  [anchor, boughtTwice, boughtOnce, unrelated, drafted, declined, coEngaged, unconsented] = made as [
    Product,
    Product,
    Product,
    Product,
    Product,
    Product,
    Product,
    Product,
  ];
  // Bought together with the anchor: boughtTwice in two paid orders, boughtOnce in one,
  // drafted in one (then unpublished), declined only in an order whose payment failed.
  await buy([anchor, boughtTwice]);
  await buy([anchor, boughtTwice, boughtOnce]);
  await buy([anchor, drafted]);
  await buy([anchor, declined], "tok_declined");
  await buy([unrelated, boughtOnce]);
  await api.db.prisma.product.update({ where: { id: drafted.dbId }, data: { status: "DRAFT" } });

  // Co-engaged: a user who consented to personalisation liked posts tagging the anchor and
  // coEngaged; one who did not liked posts tagging the anchor and unconsented.
  [consenting, refusing, viewer] = await Promise.all([
    person(api, "rec-consenting", ["BUYER"]),
    person(api, "rec-refusing", ["BUYER"]),
    person(api, "rec-viewer", ["BUYER"]),
  ]);
  ok(await api.gql(CONSENT, { input: { personalization: true } }, { user: consenting.token }));
  anchorPost = await c.postWithTag(anchor.dbId);
  coPost = await c.postWithTag(coEngaged.dbId);
  const refusedPost = await c.postWithTag(unconsented.dbId);
  for (const postId of [anchorPost.postDbId, coPost.postDbId]) await likePost(ctxFor(consenting), postId);
  for (const postId of [anchorPost.postDbId, refusedPost.postDbId]) await likePost(ctxFor(refusing), postId);
});
afterAll(() => api?.close());

describe("recommendedProducts(productId)", () => {
  it("ranks products bought together (3 per paid order) and co-engaged (1 per consenting user), ACTIVE only, never the product itself", async () => {
    const r = await recommended({ productId: anchor.id });
    expect(r).toMatchObject({ personalized: false, basis: "PRODUCT" });
    expect(r.products.map((p: any) => p.title)).toEqual(["bought twice", "bought once", "co-engaged"]);
    expect(r.products.every((p: any) => p.status === "ACTIVE")).toBe(true);
  });

  it("takes `first`, and gives nothing for a product the caller cannot see", async () => {
    expect((await recommended({ productId: anchor.id, first: 1 })).products.map((p: any) => p.title)).toEqual(
      ["bought twice"],
    );
    expect((await recommended({ productId: drafted.id })).products).toEqual([]);
  });

  it("recommends the other way round too: the anchor for a product bought with it", async () => {
    const r = await recommended({ productId: boughtOnce.id });
    // One order each (3 points): ties, broken by id, descending.
    const expected = [anchor, boughtTwice, unrelated]
      .sort((a, b) => (a.dbId < b.dbId ? 1 : -1))
      .map((p) => p.id);
    expect(r.products.map((p: any) => p.id)).toEqual(expected);
    expect(r.products.map((p: any) => p.title)).not.toContain("bought once");
  });
});

describe("recommendedProducts(forViewer)", () => {
  it("is not personalised without a user or without consent: the week's trending products", async () => {
    for (const as of [{}, { user: viewer.token }]) {
      const r = await recommended({ forViewer: true }, as);
      expect(r).toMatchObject({ personalized: false, basis: "TRENDING" });
    }
  });

  it("with consent, recommends the co-products of what the viewer engaged with, not those products themselves", async () => {
    await likePost(ctxFor(viewer), coPost.postDbId);
    // Without consent the like changes nothing.
    expect(await recommended({ forViewer: true }, { user: viewer.token })).toMatchObject({
      personalized: false,
      basis: "TRENDING",
    });
    ok(await api.gql(CONSENT, { input: { personalization: true } }, { user: viewer.token }));
    const r = await recommended({ forViewer: true }, { user: viewer.token });
    expect(r).toMatchObject({ personalized: true, basis: "VIEWER" });
    // coEngaged's co-product is the anchor (the consenting user liked both).
    expect(r.products.map((p: any) => p.title)).toEqual(["anchor"]);

    ok(await api.gql(CONSENT, { input: { personalization: false } }, { user: viewer.token }));
    expect(await recommended({ forViewer: true }, { user: viewer.token })).toMatchObject({
      personalized: false,
      basis: "TRENDING",
    });
  });
});

describe("trendingProducts", () => {
  beforeAll(async () => {
    const tagPost = await c.postWithTag(boughtOnce.dbId);
    // boughtTwice: 2 units through a post 2 hours ago (20). boughtOnce: 3 taps an hour ago (3)
    // and an add-to-cart 30 hours ago (4). unrelated: a tap now (the current hour: not yet).
    // drafted: 100 units (not ACTIVE).
    await recordPurchaseThroughPost(
      api.db.prisma,
      { postId: anchorPost.postDbId, quantity: 2, productId: boughtTwice.dbId },
      hoursAgo(2),
    );
    for (let i = 0; i < 3; i++) await tapProductTag(ctxFor(null), tagPost.tagDbId, hoursAgo(1));
    await recordTagAddToCart(api.db.prisma, tagPost.tagDbId, hoursAgo(30));
    const now = await c.postWithTag(unrelated.dbId);
    await tapProductTag(ctxFor(null), now.tagDbId);
    await recordPurchaseThroughPost(
      api.db.prisma,
      { postId: anchorPost.postDbId, quantity: 100, productId: drafted.dbId },
      hoursAgo(1),
    );
  });

  it("ranks ACTIVE products by taps, add-to-carts and purchases in the window's completed hours", async () => {
    const titles = async (window?: string) => {
      const res = ok(
        await api.gql(TRENDING, window ? { window, first: 10 } : { first: 10 }),
      ).trendingProducts;
      return [res.window, res.edges.map((e: any) => e.node.title)];
    };
    expect(await titles("HOUR")).toEqual(["HOUR", ["bought once"]]);
    expect(await titles("DAY")).toEqual(["DAY", ["bought twice", "bought once"]]);
    expect(await titles()).toEqual(["DAY", ["bought twice", "bought once"]]);
    expect(await titles("WEEK")).toEqual(["WEEK", ["bought twice", "bought once"]]);
    // The fallback of unpersonalised recommendations.
    expect((await recommended({ forViewer: true })).products.map((p: any) => p.title)).toEqual([
      "bought twice",
      "bought once",
    ]);
  });

  it("keeps its cursor stable when engagement arrives between pages, and refuses a cursor of another window", async () => {
    const page1 = ok(await api.gql(TRENDING, { window: "WEEK", first: 1 })).trendingProducts;
    await recordPurchaseThroughPost(api.db.prisma, {
      postId: anchorPost.postDbId,
      quantity: 50,
      productId: boughtOnce.dbId,
    });
    const page2 = ok(
      await api.gql(TRENDING, { window: "WEEK", first: 1, after: page1.pageInfo.endCursor }),
    ).trendingProducts;
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.title)).toEqual([
      "bought twice",
      "bought once",
    ]);
    expect(page2.rankedAt).toBe(page1.rankedAt);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const other = await api.gql(TRENDING, { window: "DAY", first: 1, after: page1.pageInfo.endCursor });
    expect(other.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("bad input", () => {
  it("answers BAD_USER_INPUT for both or neither of productId and forViewer, a bad id, too many products and bad cursors", async () => {
    const cases: [string, Record<string, unknown>][] = [
      [RECOMMENDED, { productId: anchor.id, forViewer: true }],
      [RECOMMENDED, {}],
      [RECOMMENDED, { forViewer: false }],
      [RECOMMENDED, { productId: "nope" }],
      [RECOMMENDED, { productId: anchorPost.postId }],
      [RECOMMENDED, { productId: anchor.id, first: 51 }],
      [TRENDING, { first: 101 }],
      [TRENDING, { after: "garbage" }],
    ];
    for (const [query, vars] of cases) {
      const res = await api.gql(query, vars);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe("BAD_USER_INPUT");
    }
  });
});
