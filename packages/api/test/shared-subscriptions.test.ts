/**
 * Shared subscription execution (src/subscription-sharing.ts): one execution per event for
 * subscribers of the same operation, variables and scope; never one viewer's data in another's
 * frame; each subscriber authorised on its own; `withCurrentState` first events; anonymous
 * buyers following their order through their cart.
 */
import { randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { schema } from "@shoppable/schema";
import { parse, subscribe } from "graphql";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, firstVariant } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";
import { params, sseSubscribe, subscribed, until, wsClient, wsSubscribe, type Stream } from "./realtime.ts";

let api: TestApi;
let url: string;
let shop: Commerce;
let shopId: { id: string; dbId: string };
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi();
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

const CART_UPDATED = `subscription($id: ID!, $now: Boolean) { cartUpdated(cartId: $id, withCurrentState: $now) { refetch cart { id totalQuantity lines { quantity variant { id title } } } } }`;
const LINES_ADD = `mutation($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { cart { id totalQuantity } userErrors { code } } }`;
const ORDER_STATUS = `subscription($id: ID!, $cartId: ID, $now: Boolean) { orderStatusChanged(orderId: $id, cartId: $cartId, withCurrentState: $now) { status refetch order { id status } } }`;

async function addOne(cartId: string, variantId: string) {
  const added = ok(await api.gql(LINES_ADD, { input: { cartId, lines: [{ variantId, quantity: 1 }] } }));
  expect(added.cartLinesAdd.userErrors).toEqual([]);
}

describe("one execution per event", () => {
  let product: Awaited<ReturnType<Commerce["product"]>>;
  beforeAll(async () => {
    product = await shop.product(shopId.id, ["10.00"], 1000);
  });

  /** Statements from a cart change until each of `streams` has its event, and the events. */
  async function statementsPerEvent(cartId: string, streams: Stream[]) {
    const { result, statements } = await api.db.statementsDuring(async () => {
      await addOne(cartId, firstVariant(product).id);
      return Promise.all(streams.map((s) => s.next()));
    });
    return { events: result.map((r) => r.data?.cartUpdated), statements: statements.length };
  }

  it("runs the same statements for an event whether one subscriber or twelve follow it, and all get the same data", async () => {
    const cartId = await shop.cart([{ variantId: firstVariant(product).id, quantity: 1 }]);
    const first = wsSubscribe(client(), CART_UPDATED, { id: cartId });
    await subscribed(api.server.events, "cartUpdated", cartId);
    const alone = await statementsPerEvent(cartId, [first]);
    expect(alone.events[0]).toMatchObject({ refetch: false, cart: { id: cartId, totalQuantity: 2 } });

    // Eleven more over WebSocket, and one over SSE: the same operation, variables and key.
    const others = Array.from({ length: 10 }, () => wsSubscribe(client(), CART_UPDATED, { id: cartId }));
    others.push(
      await sseSubscribe(url, { "x-shoppable-key": api.keys.publishable }, CART_UPDATED, { id: cartId }),
    );
    await until(() => api.server.subscriptions.stats().members === 12, "12 subscribers");
    expect(api.server.subscriptions.stats()).toEqual({ groups: 1, members: 12 });
    // One subscription on the bus for all of them.
    expect(api.server.events.subscribers("cartUpdated", dbId(cartId))).toBe(1);

    const many = await statementsPerEvent(cartId, [first, ...others]);
    expect(many.statements).toBe(alone.statements);
    for (const event of many.events)
      expect(event).toEqual({
        refetch: false,
        cart: {
          id: cartId,
          totalQuantity: 3,
          lines: [{ quantity: 3, variant: { id: firstVariant(product).id, title: expect.any(String) } }],
        },
      });
    for (const stream of [first, ...others]) await stream.close();
    await until(() => api.server.subscriptions.stats().groups === 0, "the group to end");
    await subscribed(api.server.events, "cartUpdated", cartId, 0);
  });

  it("authorises each subscriber itself: a cart signed in since the group started refuses a new anonymous subscriber", async () => {
    const cartId = await shop.cart([{ variantId: firstVariant(product).id, quantity: 1 }]);
    const anonymous = wsSubscribe(client(), CART_UPDATED, { id: cartId });
    await subscribed(api.server.events, "cartUpdated", cartId);
    const owner = await api.token("sharing-owner");
    const signedIn = ok(
      await api.gql(
        `mutation($input: CartBuyerIdentityUpdateInput!) { cartBuyerIdentityUpdate(input: $input) { cart { id } userErrors { code } } }`,
        { input: { cartId, buyerIdentity: { email: "owner@example.test" } } },
        { user: owner },
      ),
    );
    expect(signedIn.cartBuyerIdentityUpdate.userErrors).toEqual([]);
    expect((await anonymous.next()).data?.cartUpdated.cart).toBeNull();
    // The same operation, variables and key as the running group: refused, not joined.
    const late = await wsSubscribe(client(), CART_UPDATED, { id: cartId }).next();
    expect(late.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await anonymous.close();
  });
});

describe("viewers of different rights on the same live session", () => {
  it("resolves a viewer-dependent field per scope: the merchant sees the draft pin, the public viewers do not", async () => {
    const merchantToken = await api.token("sharing-merchant", ["MERCHANT"]);
    const merchant = { key: "secret" as const, user: merchantToken };
    const created = ok(
      await api.gql(
        `mutation($input: ShopCreateInput!) { shopCreate(input: $input) { shop { id } userErrors { code } } }`,
        { input: { handle: `sharing-${randomUUID().slice(0, 8)}`, name: "Sharing", currencyCode: "EUR" } },
        merchant,
      ),
    ).shopCreate.shop.id as string;
    const draft = ok(
      await api.gql(
        `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } userErrors { code } } }`,
        { input: { shopId: created, title: "Secret drop", status: "DRAFT", variants: [{ price: "50" }] } },
        merchant,
      ),
    ).productCreate.product.id as string;
    const scheduled = ok(
      await api.gql(
        `mutation($input: LiveSessionScheduleInput!) { liveSessionSchedule(input: $input) { liveSession { id } userErrors { code } } }`,
        {
          input: {
            title: "Drop",
            shopId: created,
            scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
          },
        },
        merchant,
      ),
    ).liveSessionSchedule.liveSession.id as string;
    const LIVE = `subscription($id: ID!) { liveSessionEvents(liveSessionId: $id, withCurrentState: true) { kind refetch pinnedProduct { productId } } }`;
    const streams = {
      merchant: wsSubscribe(client(merchant), LIVE, { id: scheduled }),
      viewer: wsSubscribe(client(), LIVE, { id: scheduled }),
      otherViewer: wsSubscribe(client(), LIVE, { id: scheduled }),
    };
    // Each first event says the subscription is live.
    for (const stream of Object.values(streams))
      expect((await stream.next()).data?.liveSessionEvents).toEqual({
        kind: "REFETCH",
        refetch: true,
        pinnedProduct: null,
      });

    const pinned = ok(
      await api.gql(
        `mutation($input: LiveSessionPinProductInput!) { liveSessionPinProduct(input: $input) { userErrors { code } } }`,
        { input: { liveSessionId: scheduled, productId: draft } },
        merchant,
      ),
    );
    expect(pinned.liveSessionPinProduct.userErrors).toEqual([]);
    expect((await streams.merchant.next()).data?.liveSessionEvents).toEqual({
      kind: "PRODUCT_PINNED",
      refetch: false,
      pinnedProduct: { productId: draft },
    });
    for (const stream of [streams.viewer, streams.otherViewer])
      expect((await stream.next()).data?.liveSessionEvents).toEqual({
        kind: "PRODUCT_PINNED",
        refetch: false,
        pinnedProduct: null,
      });
    // The two public viewers share one execution; the merchant has their own.
    expect(api.server.subscriptions.stats()).toEqual({ groups: 2, members: 3 });
    for (const stream of Object.values(streams)) await stream.close();
  });
});

describe("many viewers subscribing at once", () => {
  it("checks a live session once for all the subscriptions to it under way together", async () => {
    const host = await api.db.prisma.user.create({ data: { externalId: "storm-host", handle: "stormhost" } });
    const session = await api.db.prisma.liveSession.create({
      data: {
        hostId: host.id,
        title: "Storm",
        status: "LIVE",
        scheduledAt: new Date(),
        startedAt: new Date(),
      },
      select: { id: true },
    });
    // The database answers the session's check only when the test says so, and counts the checks.
    let checks = 0;
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    const db = {
      liveSession: {
        findUnique: async (args: Parameters<typeof api.db.prisma.liveSession.findUnique>[0]) => {
          checks++;
          await held;
          return api.db.prisma.liveSession.findUnique(args);
        },
      },
    };
    const document = parse(`subscription($id: ID!) { liveSessionEvents(liveSessionId: $id) { kind } }`);
    const start = () =>
      subscribe({
        schema,
        document,
        variableValues: { id: encodeGlobalID("LiveSession", session.id) },
        contextValue: {
          db,
          key: { id: "storm", kind: "PUBLISHABLE" },
          user: null,
          requestId: "storm",
          events: api.server.events,
        },
      });
    // Five viewers, each in a turn of the event loop of its own, while the first check is under way.
    const started = [];
    for (let i = 0; i < 5; i++) {
      started.push(start());
      await new Promise((resolve) => setImmediate(resolve));
    }
    answer();
    const streams = await Promise.all(started);
    expect(checks).toBe(1);
    for (const stream of streams) {
      if (!(Symbol.asyncIterator in stream)) throw new Error(JSON.stringify(stream));
      await stream.return?.();
    }
  });
});

describe("withCurrentState", () => {
  let product: Awaited<ReturnType<Commerce["product"]>>;
  beforeAll(async () => {
    product = await shop.product(shopId.id, ["4.00"], 1000);
  });

  it("sends the state now first, so a change made right after it is never missed (WebSocket and SSE, founder and joiner)", async () => {
    const cartId = await shop.cart([{ variantId: firstVariant(product).id, quantity: 1 }]);
    const variables = { id: cartId, now: true };
    const founder = wsSubscribe(client(), CART_UPDATED, variables);
    expect((await founder.next()).data?.cartUpdated).toMatchObject({
      refetch: true,
      cart: { id: cartId, totalQuantity: 1 },
    });
    // No wait for the bus: the first event is the sync point.
    await addOne(cartId, firstVariant(product).id);
    expect((await founder.next()).data?.cartUpdated).toMatchObject({
      refetch: false,
      cart: { totalQuantity: 2 },
    });

    const joiner = wsSubscribe(client(), CART_UPDATED, variables);
    expect((await joiner.next()).data?.cartUpdated).toMatchObject({
      refetch: true,
      cart: { totalQuantity: 2 },
    });
    const overSse = await sseSubscribe(
      url,
      { "x-shoppable-key": api.keys.publishable },
      CART_UPDATED,
      variables,
    );
    expect((await overSse.next()).data?.cartUpdated).toMatchObject({
      refetch: true,
      cart: { totalQuantity: 2 },
    });
    expect(api.server.subscriptions.stats()).toMatchObject({ groups: 1, members: 3 });
    await addOne(cartId, firstVariant(product).id);
    for (const stream of [founder, joiner, overSse])
      expect((await stream.next()).data?.cartUpdated).toMatchObject({
        refetch: false,
        cart: { totalQuantity: 3 },
      });
    for (const stream of [founder, joiner, overSse]) await stream.close();
  });

  it("sends no first event unless asked", async () => {
    const cartId = await shop.cart([{ variantId: firstVariant(product).id, quantity: 1 }]);
    const stream = wsSubscribe(client(), CART_UPDATED, { id: cartId });
    await subscribed(api.server.events, "cartUpdated", cartId);
    await addOne(cartId, firstVariant(product).id);
    expect((await stream.next()).data?.cartUpdated).toMatchObject({
      refetch: false,
      cart: { totalQuantity: 2 },
    });
    await stream.close();
  });
});

describe("orderStatusChanged for the holder of the cart", () => {
  it("lets an anonymous buyer follow the order through the cart it came from, and no one through another cart", async () => {
    const product = await shop.product(shopId.id, ["6.00"], 10);
    const cartId = await shop.cart(
      [{ variantId: firstVariant(product).id, quantity: 1 }],
      {},
      {
        buyerIdentity: { email: "guest@example.test" },
      },
    );
    const done = ok(
      await api.gql(CHECKOUT, {
        input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
      }),
    ).checkoutComplete;
    expect(done.userErrors).toEqual([]);
    const orderId = done.orders[0].id as string;

    const withoutCart = await wsSubscribe(client(), ORDER_STATUS, { id: orderId }).next();
    expect(withoutCart.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const otherCart = await shop.cart([{ variantId: firstVariant(product).id, quantity: 1 }]);
    const throughOther = await wsSubscribe(client(), ORDER_STATUS, { id: orderId, cartId: otherCart }).next();
    expect(throughOther.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const notACart = await wsSubscribe(client(), ORDER_STATUS, { id: orderId, cartId: orderId }).next();
    expect(notACart.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const guest = wsSubscribe(client(), ORDER_STATUS, { id: orderId, cartId, now: true });
    expect((await guest.next()).data?.orderStatusChanged).toEqual({
      status: null,
      refetch: true,
      order: { id: orderId, status: "PAID" },
    });
    const fulfilled = ok(
      await api.gql(
        `mutation($input: OrderFulfillInput!) { orderFulfill(input: $input) { userErrors { code } } }`,
        { input: { id: orderId } },
        shop.asMerchant,
      ),
    );
    expect(fulfilled.orderFulfill.userErrors).toEqual([]);
    expect((await guest.next()).data?.orderStatusChanged).toEqual({
      status: "FULFILLED",
      refetch: false,
      order: { id: orderId, status: "FULFILLED" },
    });
    await guest.close();
  });
});
