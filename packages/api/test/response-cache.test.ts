/**
 * The shared cache of public reads (src/response-cache.ts): what it serves, to whom, what drops
 * its entries, what a cached answer costs; and its Redis store, shared by two instances.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryBucketStore } from "../src/limits/index.ts";
import { MemoryResponseCache, RedisResponseCache } from "../src/response-cache.ts";
import { createLogger } from "../src/logger.ts";
import { CART_QUERY, CHECKOUT, Commerce, firstVariant, gid, type Product } from "./commerce.ts";
import { ok, startTestApi, type GraphQLResponse, type TestApi } from "./harness.ts";
import { redisReachable, redisUrl } from "./redis.ts";

const PRODUCT = `query($id: ID!) { product(id: $id) { id title variants { id quantityAvailable } } }`;
const PAGE = `query($shopId: ID!) { products(first: 50, filter: { shopId: $shopId }) { edges { node { id title } } } }`;
const POST = `query($id: ID!) { post(id: $id) { id likeCount viewerHasLiked } }`;
const LIVE = `query($id: ID!) { liveSession(id: $id) { id title } }`;

let api: TestApi;
let commerce: Commerce;
let shop: { id: string; dbId: string };
let product: Product;

beforeAll(async () => {
  api = await startTestApi({ RESPONSE_CACHE: "true" });
  commerce = await Commerce.start(api);
  shop = await commerce.shop("EUR");
  product = await commerce.product(shop.id, ["10.00"], 10, "Cached tee");
});
afterAll(() => api?.close());

/** A read and the SQL statements it ran (none when it was answered from the cache). */
async function read(query: string, variables: Record<string, unknown>, as = {}) {
  const { result, statements } = await api.db.statementsDuring(() => api.gql(query, variables, as));
  return { data: ok(result), statements: statements.length, cost: result.extensions?.cost };
}

describe("public reads (publishable key, no user)", () => {
  it("answers a repeated read from the cache: no statements, the same data, one point of cost", async () => {
    const first = await read(PRODUCT, { id: product.id });
    expect(first.statements).toBeGreaterThan(0);
    expect(first.cost.requestedQueryCost).toBeGreaterThan(1);
    const second = await read(PRODUCT, { id: product.id });
    expect(second.statements).toBe(0);
    expect(second.data).toEqual(first.data);
    expect(second.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1 });
    // Other variables are another entry.
    const other = await commerce.product(shop.id, ["12.00"], 3, "Other tee");
    expect((await read(PRODUCT, { id: other.id })).statements).toBeGreaterThan(0);
  });

  it("drops cached answers holding a product when a merchant changes it, and lists when one is created", async () => {
    await read(PAGE, { shopId: shop.id });
    expect((await read(PAGE, { shopId: shop.id })).statements).toBe(0);
    const updated = ok(
      await api.gql(
        `mutation($input: ProductUpdateInput!) { productUpdate(input: $input) { product { id } userErrors { code } } }`,
        { input: { id: product.id, title: "Renamed tee" } },
        commerce.asMerchant,
      ),
    );
    expect(updated.productUpdate.userErrors).toEqual([]);
    const titles = (r: Awaited<ReturnType<typeof read>>) =>
      r.data.products.edges.map((e: { node: { title: string } }) => e.node.title);
    const afterUpdate = await read(PAGE, { shopId: shop.id });
    expect(afterUpdate.statements).toBeGreaterThan(0);
    expect(titles(afterUpdate)).toContain("Renamed tee");
    expect((await read(PRODUCT, { id: product.id })).data.product.title).toBe("Renamed tee");

    const created = await commerce.product(shop.id, ["5.00"], 1, "Brand new tee");
    const afterCreate = await read(PAGE, { shopId: shop.id });
    expect(titles(afterCreate)).toContain("Brand new tee");
    expect(afterCreate.data.products.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(
      created.id,
    );
  });

  it("drops cached collection pages when a product edit changes an automatic collection's members, and on collection edits", async () => {
    const gql = async (query: string, input: Record<string, unknown>) => {
      const data = ok(await api.gql(query, { input }, commerce.asMerchant));
      const payload = Object.values(data)[0] as { userErrors: unknown[]; collection?: { id: string } };
      expect(payload.userErrors).toEqual([]);
      return payload;
    };
    const made = await gql(
      `mutation($input: CollectionCreateInput!) { collectionCreate(input: $input) { collection { id } userErrors { code } } }`,
      {
        shopId: shop.id,
        handle: "cached-sale",
        title: "Sale",
        ruleSet: {
          appliedDisjunctively: false,
          rules: [{ field: "TAG", relation: "EQUALS", value: "sale" }],
        },
      },
    );
    const COLLECTION = `query($handle: String!) { collection(handle: $handle) { id title products(first: 10) { edges { node { id } } } } }`;
    const ids = (r: Awaited<ReturnType<typeof read>>) =>
      r.data.collection.products.edges.map((e: { node: { id: string } }) => e.node.id);
    // An empty page: it holds no product the edit could drop it by.
    expect(ids(await read(COLLECTION, { handle: "cached-sale" }))).toEqual([]);
    expect((await read(COLLECTION, { handle: "cached-sale" })).statements).toBe(0);
    await gql(
      `mutation($input: ProductUpdateInput!) { productUpdate(input: $input) { product { id } userErrors { code } } }`,
      { id: product.id, tags: ["sale"] },
    );
    expect(ids(await read(COLLECTION, { handle: "cached-sale" }))).toEqual([product.id]);
    expect((await read(COLLECTION, { handle: "cached-sale" })).statements).toBe(0);
    await gql(
      `mutation($input: CollectionUpdateInput!) { collectionUpdate(input: $input) { collection { id } userErrors { code } } }`,
      {
        id: made.collection?.id,
        title: "Big sale",
        ruleSet: {
          appliedDisjunctively: false,
          rules: [{ field: "TAG", relation: "EQUALS", value: "clearance" }],
        },
      },
    );
    const after = await read(COLLECTION, { handle: "cached-sale" });
    expect(after.data.collection.title).toBe("Big sale");
    expect(ids(after)).toEqual([]);
  });

  it("shows a checkout's stock change at once (the stock event drops the product's answers)", async () => {
    const before = await read(PRODUCT, { id: product.id });
    const units = before.data.product.variants[0].quantityAvailable as number;
    expect((await read(PRODUCT, { id: product.id })).statements).toBe(0);
    const cartId = await commerce.cart(
      [{ variantId: firstVariant(product).id, quantity: 2 }],
      {},
      {
        buyerIdentity: { email: "cache@example.test" },
      },
    );
    const paid = ok(
      await api.gql(CHECKOUT, {
        input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
      }),
    );
    expect(paid.checkoutComplete.userErrors).toEqual([]);
    expect((await read(PRODUCT, { id: product.id })).data.product.variants[0].quantityAvailable).toBe(
      units - 2,
    );
  });

  it("drops a live session's and its pinned product's answers on a live event", async () => {
    const live = await commerce.liveSession(product.dbId, null);
    await read(LIVE, { id: live.id });
    await read(PRODUCT, { id: product.id });
    expect((await read(LIVE, { id: live.id })).statements).toBe(0);
    await api.db.prisma.liveSession.update({ where: { id: live.dbId }, data: { title: "Live now" } });
    api.server.events.publish("liveSessionEvents", live.dbId, {
      kind: "PRODUCT_PINNED",
      liveSessionId: live.dbId,
      occurredAt: new Date().toISOString(),
      viewerCount: null,
      pin: {
        id: live.pinDbId,
        productId: product.dbId,
        variantId: null,
        livePrice: null,
        currencyCode: "EUR",
        quantityCap: null,
        shopId: shop.dbId,
        productStatus: "ACTIVE",
      },
    });
    expect((await read(LIVE, { id: live.id })).data.liveSession.title).toBe("Live now");
    expect((await read(PRODUCT, { id: product.id })).statements).toBeGreaterThan(0);
  });
});

describe("what is never cached", () => {
  it("never gives one viewer's answer to another: a signed-in user neither reads nor fills the cache", async () => {
    const { postId } = await commerce.postWithTag(product.dbId);
    const fan = await api.token("cache-fan", ["BUYER"]);
    const liked = ok(
      await api.gql(
        `mutation($input: PostLikeInput!) { postLike(input: $input) { userErrors { code } } }`,
        { input: { postId } },
        { user: fan },
      ),
    );
    expect(liked.postLike.userErrors).toEqual([]);
    const anonymous = await read(POST, { id: postId });
    expect(anonymous.data.post).toMatchObject({ likeCount: 1, viewerHasLiked: false });
    expect((await read(POST, { id: postId })).statements).toBe(0);
    for (let i = 0; i < 2; i++) {
      const own = await read(POST, { id: postId }, { user: fan });
      expect(own.statements).toBeGreaterThan(0);
      expect(own.data.post.viewerHasLiked).toBe(true);
    }
    expect((await read(POST, { id: postId })).data.post.viewerHasLiked).toBe(false);
    // A secret key (a merchant's server) reads uncached too.
    for (let i = 0; i < 2; i++)
      expect((await read(PRODUCT, { id: product.id }, { key: "secret" })).statements).toBeGreaterThan(0);
  });

  it("never keeps a cart, even read anonymously with a publishable key", async () => {
    const cartId = await commerce.cart([{ variantId: firstVariant(product).id, quantity: 1 }]);
    const first = await read(CART_QUERY, { id: cartId });
    const second = await read(CART_QUERY, { id: cartId });
    expect(second.statements).toBeGreaterThan(0);
    expect(second.data).toEqual(first.data);
    // A public read beside the cart does not make it cacheable.
    const both = `query($id: ID!, $p: ID!) { cart(id: $id) { id totalQuantity } product(id: $p) { id } }`;
    await read(both, { id: cartId, p: product.id });
    expect((await read(both, { id: cartId, p: product.id })).statements).toBeGreaterThan(0);
  });
});

describe("limits and settings", () => {
  it("charges a cached answer one point and refuses it with RATE_LIMITED once the bucket is empty", async () => {
    // Buckets of 200 points whose clock stands still: nothing comes back while the test runs (the
    // merchant's fixtures draw from the secret key's bucket, the reads from the address's).
    const buckets = new MemoryBucketStore({ capacity: 200, restorePerSecond: 1 }, () => 0);
    const limited = await startTestApi({ RESPONSE_CACHE: "true" }, { buckets });
    try {
      const c = await Commerce.start(limited);
      const s = await c.shop("EUR");
      const p = await c.product(s.id, ["3.00"], 1, "Limited tee");
      const query = `query($id: ID!) { product(id: $id) { id title } }`;
      const as = { headers: { "x-forwarded-for": "203.0.113.7" } };
      const first = await limited.gql(query, { id: p.id }, as);
      const spent = first.extensions?.cost.actualQueryCost as number;
      expect(spent).toBeGreaterThan(0);
      const statuses: number[] = [];
      let last = first;
      for (let i = 0; i < 200 - spent + 1; i++) {
        last = await limited.gql(query, { id: p.id }, as);
        statuses.push(last.status);
      }
      expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
      expect(last.status).toBe(429);
      expect(last.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      expect(last.headers.get("retry-after")).toBeTruthy();
      expect(last.data ?? null).toBeNull();
    } finally {
      await limited.close();
    }
  });

  it("RESPONSE_CACHE=false executes every read", async () => {
    const off = await startTestApi({ RESPONSE_CACHE: "false" });
    try {
      const c = await Commerce.start(off);
      const p = await c.product((await c.shop("EUR")).id, ["3.00"], 1, "Uncached tee");
      for (let i = 0; i < 2; i++) {
        const { result, statements } = await off.db.statementsDuring(() => off.gql(PRODUCT, { id: p.id }));
        expect(ok(result).product.title).toBe("Uncached tee");
        expect(statements.length).toBeGreaterThan(0);
      }
    } finally {
      await off.close();
    }
  });
});

describe("the in-process store", () => {
  const answer = (n: number, bytes: number) => ({ data: { n, pad: "x".repeat(bytes) } });
  const product = (id: string) => ({ typename: "Product", id: gid("Product", id) });

  it("keeps answers up to its bytes of JSON, dropping the least recently used, and forgets their indexes", () => {
    const store = new MemoryResponseCache(3_000);
    store.set("a", answer(1, 1_000), [product("1")], 60_000);
    store.set("b", answer(2, 1_000), [product("2")], 60_000);
    expect(store.get("a")).toEqual(answer(1, 1_000)); // "a" is now the most recently used
    store.set("c", answer(3, 1_000), [product("3")], 60_000); // over 3,000 bytes: "b" goes
    expect(store.get("b")).toBeUndefined();
    expect(store.get("a")).toBeDefined();
    expect(store.get("c")).toBeDefined();
    expect(store.stats().entries).toBe(2);
    expect(store.stats().bytes).toBeLessThanOrEqual(3_000);
    // Type and object indexes of the answers kept only.
    expect(store.stats().indexes).toBe(3); // Product, Product:1, Product:3
    store.set("huge", answer(4, 10_000), [product("4")], 60_000);
    expect(store.get("huge")).toBeUndefined(); // larger than the whole store: not kept
    expect(store.get("a")).toBeDefined();
  });

  it("drops answers by object and by type", () => {
    const store = new MemoryResponseCache(1_000_000);
    store.set("a", answer(1, 10), [{ typename: "Product" }, product("1")], 60_000);
    store.set("b", answer(2, 10), [{ typename: "Product" }, product("2")], 60_000);
    store.set("c", answer(3, 10), [{ typename: "Shop" }, { typename: "Shop", id: gid("Shop", "1") }], 60_000);
    store.invalidate([product("1")]);
    expect(store.get("a")).toBeUndefined();
    expect(store.get("b")).toBeDefined();
    store.invalidate([{ typename: "Product" }]);
    expect(store.get("b")).toBeUndefined();
    expect(store.get("c")).toBeDefined();
    expect(store.stats()).toMatchObject({ entries: 1, indexes: 2 });
  });
});

describe.skipIf(!(await redisReachable()))("the Redis store", () => {
  it("keeps entries for their lifetime and drops them by object and by type, without scanning keys", async () => {
    const redis = new Redis(redisUrl.toString());
    const prefix = `shoppable:rc-test:${randomUUID()}:`;
    const store = new RedisResponseCache(redis, prefix);
    try {
      const product1 = { typename: "Product", id: gid("Product", "1") };
      await store.set("a", { data: { n: 1 } }, [product1], 60_000);
      await store.set("b", { data: { n: 2 } }, [{ typename: "Product", id: gid("Product", "2") }], 60_000);
      await store.set("c", { data: { n: 3 } }, [{ typename: "Shop", id: gid("Shop", "1") }], 60_000);
      expect(await store.get("a")).toEqual({ data: { n: 1 } });
      expect(await redis.get(`${prefix}r:a`)).toBe(`{"n":1}`);
      const ttl = await redis.pttl(`${prefix}e:Product:${product1.id}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      await store.invalidate([product1]);
      expect(await store.get("a")).toBeUndefined();
      expect(await store.get("b")).toEqual({ data: { n: 2 } });
      await store.invalidate([{ typename: "Product" }]);
      expect(await store.get("b")).toBeUndefined();
      expect(await store.get("c")).toEqual({ data: { n: 3 } });
    } finally {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it("is shared by two instances: one serves what the other cached, and a change made through either reaches both", async () => {
    const a = await startTestApi({ RESPONSE_CACHE: "true", REDIS_URL: redisUrl.toString() });
    try {
      const c = await Commerce.start(a);
      const s = await c.shop("EUR");
      const p = await c.product(s.id, ["7.00"], 5, "Shared tee");
      // B is a second server on A's database (same keys), with its own process state.
      const b = await startTestApiOn(a);
      try {
        const query = PRODUCT;
        // B knows the publishable key once it has seen it (authentication reads it once).
        ok(await b.fetch(`{ viewer { apiKey { kind } } }`, {}));
        const fromA = await a.db.statementsDuring(() => a.gql(query, { id: p.id }));
        expect(fromA.statements.length).toBeGreaterThan(0);
        const fromB = await a.db.statementsDuring(() => b.fetch(query, { id: p.id }));
        expect(fromB.statements).toHaveLength(0);
        expect(fromB.result.data).toEqual(fromA.result.data);
        ok(
          await b.fetch(
            `mutation($input: ProductUpdateInput!) { productUpdate(input: $input) { userErrors { code } } }`,
            { input: { id: p.id, title: "Changed on B" } },
            { key: a.keys.secret, user: c.asMerchant.user },
          ),
        );
        expect(ok(await a.gql(query, { id: p.id })).product.title).toBe("Changed on B");
      } finally {
        await b.close();
      }
    } finally {
      await a.close();
    }
  });
});

/** A second server on `api`'s database and configuration, called over HTTP. */
async function startTestApiOn(api: TestApi) {
  const { createServer } = await import("../src/server.ts");
  const server = createServer({ db: api.db, config: api.config, logger: createLogger("silent") });
  const { url } = await server.listen(0, "127.0.0.1");
  return {
    async fetch(query: string, variables: Record<string, unknown>, as: { key?: string; user?: string } = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-shoppable-key": as.key ?? api.keys.publishable,
          ...(as.user ? { "x-shoppable-user": as.user } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, "status" | "headers">;
      return { status: response.status, headers: response.headers, ...body };
    },
    close: () => server.close(),
  };
}
