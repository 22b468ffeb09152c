import { randomUUID } from "node:crypto";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CHECKOUT, Commerce, dbId, gid } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";
import { connectRaw, params, sseSubscribe, subscribed, until, wsClient, wsSubscribe } from "./realtime.ts";

let api: TestApi;
let url: string;
let shop: Commerce;
let shopId: { id: string; dbId: string };
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi({ SUBSCRIPTION_QUEUE_LIMIT: "10" });
  url = (await api.server.listen(0, "127.0.0.1")).url;
  shop = await Commerce.start(api);
  shopId = await shop.shop();
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await api?.close();
});

function client(as: { key?: "publishable" | "secret"; user?: string } = {}) {
  const c = wsClient(url, params(api, as));
  clients.push(c);
  return c;
}

const CART_UPDATED = `subscription($id: ID!) { cartUpdated(cartId: $id) { refetch cart { id status totalQuantity discountCodes { code } } } }`;
const INVENTORY_CHANGED = `subscription($id: ID!) { inventoryChanged(productId: $id) { refetch product { id variants { id quantityAvailable } } } }`;
const LIVE_EVENTS = `subscription($id: ID!) { liveSessionEvents(liveSessionId: $id) {
  kind liveSessionId occurredAt status viewerCount refetch
  pinnedProduct { pinnedProductId productId variantId livePrice { amount currencyCode } quantityCap } } }`;
const POST_ENGAGEMENT = `subscription($id: ID!) { postEngagement(postId: $id) { viewCount likeCount shareCount purchaseCount refetch } }`;
const ORDER_STATUS = `subscription($id: ID!) { orderStatusChanged(orderId: $id) { status refetch order { id status } } }`;
const LINES_ADD = `mutation($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { cart { id totalQuantity } userErrors { code } } }`;
const CODES_UPDATE = `mutation($input: CartDiscountCodesUpdateInput!) { cartDiscountCodesUpdate(input: $input) { cart { id } userErrors { code } } }`;

describe("WebSocket connection_init authentication", () => {
  it("acknowledges a connection with a valid publishable key and user token", async () => {
    const token = await api.token("ws-user");
    expect(await connectRaw(url, params(api, { user: token }))).toEqual({ acked: true });
  });

  it("closes with 4401 when connection_init carries no API key", async () => {
    expect(await connectRaw(url, {})).toMatchObject({ acked: false, code: 4401 });
    expect(await connectRaw(url, null)).toMatchObject({ acked: false, code: 4401 });
  });

  it("closes with 4403 when the API key or the user token is refused", async () => {
    expect(await connectRaw(url, { "x-shoppable-key": "pk_test_not_a_real_key_000000000000" })).toMatchObject(
      { acked: false, code: 4403 },
    );
    expect(await connectRaw(url, { ...params(api), "x-shoppable-user": "not.a.token" })).toMatchObject({
      acked: false,
      code: 4403,
    });
  });

  it("accepts the key as `authorization: Bearer <key>` too", async () => {
    expect(await connectRaw(url, { authorization: `Bearer ${api.keys.publishable}` })).toEqual({
      acked: true,
    });
  });
});

describe("cartUpdated", () => {
  let product: Awaited<ReturnType<Commerce["product"]>>;
  beforeAll(async () => {
    product = await shop.product(shopId.id, ["10.00"], 5);
  });

  it("delivers each committed change of an anonymous cart over WebSocket", async () => {
    const cartId = await shop.cart([{ variantId: product.variants[0]!.id, quantity: 1 }]);
    const stream = wsSubscribe(client(), CART_UPDATED, { id: cartId });
    await subscribed(api.server.events, "cartUpdated", cartId);
    ok(
      await api.gql(LINES_ADD, {
        input: { cartId, lines: [{ variantId: product.variants[0]!.id, quantity: 2 }] },
      }),
    );
    expect((await stream.next()).data.cartUpdated).toEqual({
      refetch: false,
      cart: { id: cartId, status: "ACTIVE", totalQuantity: 3, discountCodes: [] },
    });
    ok(await api.gql(CODES_UPDATE, { input: { cartId, discountCodes: ["SPRING"] } }));
    expect((await stream.next()).data.cartUpdated.cart.discountCodes).toEqual([{ code: "SPRING" }]);
    await stream.close();
  });

  it("delivers the same events over SSE", async () => {
    const cartId = await shop.cart([{ variantId: product.variants[0]!.id, quantity: 1 }]);
    const stream = await sseSubscribe(url, { "x-shoppable-key": api.keys.publishable }, CART_UPDATED, {
      id: cartId,
    });
    await subscribed(api.server.events, "cartUpdated", cartId);
    ok(
      await api.gql(LINES_ADD, {
        input: { cartId, lines: [{ variantId: product.variants[0]!.id, quantity: 1 }] },
      }),
    );
    expect((await stream.next()).data.cartUpdated.cart).toMatchObject({ id: cartId, totalQuantity: 2 });
    await stream.close();
    await subscribed(api.server.events, "cartUpdated", cartId, 0);
  });

  it("publishes nothing for a mutation that rolled back", async () => {
    const cartId = await shop.cart([{ variantId: product.variants[0]!.id, quantity: 1 }]);
    const publish = vi.spyOn(api.server.events, "publish");
    try {
      const stream = wsSubscribe(client(), CART_UPDATED, { id: cartId });
      await subscribed(api.server.events, "cartUpdated", cartId);
      // The line is written, then the stock check fails and the transaction rolls back.
      const refused = ok(
        await api.gql(LINES_ADD, {
          input: { cartId, lines: [{ variantId: product.variants[0]!.id, quantity: 50 }] },
        }),
      );
      expect(refused.cartLinesAdd.userErrors).toEqual([{ code: "OUT_OF_STOCK" }]);
      expect(publish.mock.calls.filter(([topic]) => topic === "cartUpdated")).toEqual([]);
      ok(await api.gql(CODES_UPDATE, { input: { cartId, discountCodes: ["AFTER"] } }));
      const first = (await stream.next()).data.cartUpdated.cart;
      expect(first).toMatchObject({ totalQuantity: 1, discountCodes: [{ code: "AFTER" }] });
      expect(publish.mock.calls.filter(([topic]) => topic === "cartUpdated")).toEqual([
        ["cartUpdated", dbId(cartId), { cartId: dbId(cartId) }],
      ]);
      await stream.close();
    } finally {
      publish.mockRestore();
    }
  });

  it("refuses another buyer's cart with FORBIDDEN, over WebSocket and SSE", async () => {
    const owner = await api.token("cart-owner");
    const intruder = await api.token("cart-intruder");
    const cartId = await shop.cart([{ variantId: product.variants[0]!.id, quantity: 1 }], { user: owner });
    const ws = await wsSubscribe(client({ user: intruder }), CART_UPDATED, { id: cartId }).next();
    expect(ws.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await wsSubscribe(client(), CART_UPDATED, { id: cartId }).next();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const sse = await sseSubscribe(
      url,
      { "x-shoppable-key": api.keys.publishable, "x-shoppable-user": intruder },
      CART_UPDATED,
      { id: cartId },
    );
    expect((await sse.next()).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await sse.close();
    const mine = wsSubscribe(client({ user: owner }), CART_UPDATED, { id: cartId });
    await subscribed(api.server.events, "cartUpdated", cartId);
    ok(await api.gql(CODES_UPDATE, { input: { cartId, discountCodes: ["OWNER"] } }, { user: owner }));
    expect((await mine.next()).data.cartUpdated.cart.id).toBe(cartId);
    await mine.close();
  });
});

describe("inventoryChanged and orderStatusChanged", () => {
  it("follow stock and order status through inventoryAdjust, checkout and orderFulfill", async () => {
    const product = await shop.product(shopId.id, ["8.00"], 4);
    const variant = product.variants[0]!;
    const buyer = await api.token("order-buyer");
    const stock = wsSubscribe(client(), INVENTORY_CHANGED, { id: product.id });
    await subscribed(api.server.events, "inventoryChanged", product.id);

    const adjusted = ok(
      await api.gql(
        `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`,
        { input: { variantId: variant.id, delta: 3 } },
        shop.asMerchant,
      ),
    );
    expect(adjusted.inventoryAdjust.userErrors).toEqual([]);
    expect((await stock.next()).data.inventoryChanged).toEqual({
      refetch: false,
      product: { id: product.id, variants: [{ id: variant.id, quantityAvailable: 7 }] },
    });

    const cartId = await shop.cart([{ variantId: variant.id, quantity: 2 }], { user: buyer });
    const done = ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        { user: buyer },
      ),
    ).checkoutComplete;
    expect(done.userErrors).toEqual([]);
    expect((await stock.next()).data.inventoryChanged.product.variants).toEqual([
      { id: variant.id, quantityAvailable: 5 },
    ]);
    await stock.close();

    const orderId = done.orders[0].id;
    const intruder = await wsSubscribe(client({ user: await api.token("order-intruder") }), ORDER_STATUS, {
      id: orderId,
    }).next();
    expect(intruder.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const status = wsSubscribe(client({ user: buyer }), ORDER_STATUS, { id: orderId });
    await subscribed(api.server.events, "orderStatusChanged", orderId);
    const fulfilled = ok(
      await api.gql(
        `mutation($input: OrderFulfillInput!) { orderFulfill(input: $input) { userErrors { code } } }`,
        { input: { id: orderId } },
        shop.asMerchant,
      ),
    );
    expect(fulfilled.orderFulfill.userErrors).toEqual([]);
    expect((await status.next()).data.orderStatusChanged).toEqual({
      status: "FULFILLED",
      refetch: false,
      order: { id: orderId, status: "FULFILLED" },
    });
    await status.close();
  });

  it("refuses a draft product's stock to callers who do not manage its shop", async () => {
    const draft = ok(
      await api.gql(
        `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } } }`,
        {
          input: {
            shopId: shopId.id,
            title: "Secret",
            handle: "secret-draft",
            status: "DRAFT",
            options: [],
            variants: [{ price: "1.00", inventoryQuantity: 1, selectedOptions: [] }],
          },
        },
        shop.asMerchant,
      ),
    ).productCreate.product.id;
    const result = await wsSubscribe(client(), INVENTORY_CHANGED, { id: draft }).next();
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("liveSessionEvents", () => {
  it("delivers started, pinned product, price, viewer count, unpinned and ended", async () => {
    const product = await shop.product(shopId.id, ["30.00"], 10);
    const M = (name: string, input: Record<string, unknown>, as = shop.asMerchant) =>
      api
        .gql(
          `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { liveSession { id pinnedProducts { id } } userErrors { code } } }`,
          { input },
          as,
        )
        .then((r) => {
          const payload = ok(r)[name];
          expect(payload.userErrors).toEqual([]);
          return payload.liveSession;
        });
    const session = await M("liveSessionSchedule", {
      title: "Drop",
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      shopId: shopId.id,
    });
    const stream = wsSubscribe(client(), LIVE_EVENTS, { id: session.id });
    await subscribed(api.server.events, "liveSessionEvents", session.id);
    const next = async () => (await stream.next()).data.liveSessionEvents;

    await M("liveSessionStart", { id: session.id });
    expect(await next()).toMatchObject({
      kind: "STARTED",
      liveSessionId: session.id,
      status: "LIVE",
      refetch: false,
    });

    const pinned = await M("liveSessionPinProduct", {
      liveSessionId: session.id,
      productId: product.id,
      livePrice: "19.99",
      quantityCap: 5,
    });
    const pin = {
      pinnedProductId: pinned.pinnedProducts[0].id,
      productId: product.id,
      variantId: null,
      livePrice: { amount: "19.99", currencyCode: "EUR" },
      quantityCap: 5,
    };
    expect(await next()).toMatchObject({ kind: "PRODUCT_PINNED", pinnedProduct: pin });

    await M("liveSessionPinProduct", {
      liveSessionId: session.id,
      productId: product.id,
      livePrice: "17.50",
      quantityCap: 5,
    });
    expect(await next()).toMatchObject({
      kind: "PRICE_CHANGED",
      pinnedProduct: { ...pin, livePrice: { amount: "17.50", currencyCode: "EUR" } },
    });

    await M("liveSessionJoin", { liveSessionId: session.id, sessionId: "device-1" }, {
      key: "publishable",
    } as never);
    expect(await next()).toMatchObject({ kind: "VIEWER_COUNT", viewerCount: 1 });

    await M("liveSessionUnpinProduct", { pinnedProductId: pin.pinnedProductId });
    expect(await next()).toMatchObject({
      kind: "PRODUCT_UNPINNED",
      pinnedProduct: { pinnedProductId: pin.pinnedProductId },
    });

    await M("liveSessionEnd", { id: session.id });
    expect(await next()).toMatchObject({ kind: "ENDED", status: "ENDED", viewerCount: 0 });
    await stream.close();
  });

  it("refuses an unknown session and a malformed id", async () => {
    const unknown = await wsSubscribe(client(), LIVE_EVENTS, { id: gid("LiveSession", randomUUID()) }).next();
    expect(unknown.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const malformed = await wsSubscribe(client(), LIVE_EVENTS, { id: "nope" }).next();
    expect(malformed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("postEngagement", () => {
  it("sends at most one event per second per post, the trailing one with the latest counters", async () => {
    const product = await shop.product(shopId.id, ["5.00"], 1);
    const { postId } = await shop.postWithTag(product.dbId);
    const publish = vi.spyOn(api.server.events, "publish");
    try {
      const stream = wsSubscribe(client(), POST_ENGAGEMENT, { id: postId });
      await subscribed(api.server.events, "postEngagement", postId);
      const LIKE = `mutation($input: PostLikeInput!) { postLike(input: $input) { userErrors { code } } }`;
      for (let i = 0; i < 5; i++) {
        const fan = await api.token(`fan-${i}`);
        expect(ok(await api.gql(LIKE, { input: { postId } }, { user: fan })).postLike.userErrors).toEqual([]);
      }
      const first = await stream.next();
      expect(first.data.postEngagement.likeCount).toBeGreaterThanOrEqual(1);
      let last = first.data.postEngagement;
      let lastAt = first.at;
      while (last.likeCount < 5) {
        const event = await stream.next();
        // The server spaces deliveries by a second; arrival adds a little jitter.
        expect(event.at - lastAt).toBeGreaterThanOrEqual(950);
        last = event.data.postEngagement;
        lastAt = event.at;
      }
      expect(last).toEqual({ viewCount: 0, likeCount: 5, shareCount: 0, purchaseCount: 0, refetch: false });
      // Five likes inside one window: the leading event and one trailing event at most.
      expect(publish.mock.calls.filter(([topic]) => topic === "postEngagement").length).toBeLessThanOrEqual(
        2,
      );
      await stream.close();
    } finally {
      publish.mockRestore();
    }
  });

  it("refuses a private post to strangers", async () => {
    const product = await shop.product(shopId.id, ["5.00"], 1);
    const { postId } = await shop.postWithTag(product.dbId, "PRIVATE");
    const result = await wsSubscribe(client({ user: await api.token("stranger") }), POST_ENGAGEMENT, {
      id: postId,
    }).next();
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("slow consumers", () => {
  it("drop their backlog past the queue limit and get one refetch instead", async () => {
    const bus = api.server.events;
    const id = randomUUID();
    const sub = bus.subscribe("liveSessionEvents", id);
    const droppedBefore = bus.stats().dropped;
    const event = (n: number) => ({
      kind: "VIEWER_COUNT" as const,
      liveSessionId: id,
      occurredAt: new Date().toISOString(),
      viewerCount: n,
      pin: null,
    });
    for (let n = 1; n <= 25; n++) bus.publish("liveSessionEvents", id, event(n));
    bus.publish("liveSessionEvents", id, event(-1));
    // Nobody reads meanwhile: the queue overflows.
    await until(() => bus.stats().dropped > droppedBefore, "a dropped backlog");
    await new Promise((resolve) => setImmediate(resolve));
    const received: unknown[] = [];
    for (;;) {
      const { value } = await sub.next();
      received.push(
        value.kind === "refetch" ? "refetch" : (value.payload as { viewerCount: number }).viewerCount,
      );
      if (received.at(-1) === -1) break;
    }
    // Limit 10 (SUBSCRIPTION_QUEUE_LIMIT): never more than 10 waiting, a refetch where events were dropped.
    expect(received.length).toBeLessThanOrEqual(10);
    expect(received[0]).toBe("refetch");
    expect(bus.stats().dropped).toBeGreaterThan(droppedBefore);
    await sub.return?.();
  });
});

describe("/ready", () => {
  it("is ready with the in-process event bus", async () => {
    const res = await fetch(url.replace("/graphql", "/ready"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", events: "ok" });
  });
});
