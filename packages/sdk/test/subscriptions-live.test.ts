/**
 * The generated subscription functions against the real API's WebSocket (graphql-ws on
 * /graphql): events after committed mutations, typed as their documents select, and refused
 * credentials or access as the SDK's error classes.
 */
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscribed } from "../../api/test/realtime.ts";
import {
  ShoppableAuthError,
  ShoppableError,
  createShoppableClient,
  type ShoppableClient,
} from "../src/index.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
let merchant: ShoppableClient;
let storefront: ShoppableClient;
let variantId: string;
let productId: string;

beforeAll(async () => {
  live = await startLiveApi();
  merchant = live.client({
    key: "secret",
    userToken: await live.api.token("subs-merchant", ["MERCHANT"]),
    webSocketImpl: WebSocket,
  });
  storefront = live.client({ webSocketImpl: WebSocket });
  const shopId = (await merchant.shopCreate({ handle: "subs-shop", name: "Subs", currencyCode: "EUR" })).shop!
    .id;
  const product = (
    await merchant.productCreate({
      shopId,
      title: "Cap",
      handle: "cap",
      status: "ACTIVE",
      // Checks out without an address (delivery: delivery.test.ts).
      variants: [{ price: "20.00", inventoryQuantity: 10, requiresShipping: false }],
    })
  ).product!;
  productId = product.id;
  variantId = product.variants[0]!.id;
});
afterAll(async () => {
  await storefront?.close();
  await merchant?.close();
  await live.close();
});

describe("subscribe, then mutate: `ready`", () => {
  it("never misses the first change on a cold socket (ten fresh clients in a row)", async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      // A new client each time: its WebSocket opens with this subscription.
      const shopper = live.client({ webSocketImpl: WebSocket });
      const { cart } = await shopper.cartCreate({ lines: [{ variantId, quantity: 1 }] });
      if (!cart) throw new Error("no cart");
      const updates = shopper.cartUpdated({ cartId: cart.id });
      await updates.ready;
      await shopper.cartLinesAdd({ cartId: cart.id, lines: [{ variantId, quantity: 1 }] });
      const step = await updates.next();
      if (step.done) throw new Error("The subscription ended without an event");
      // The first value is the change: the state event that made `ready` resolve is not yielded.
      expect(step.value).toMatchObject({ refetch: false, cart: { id: cart.id, totalQuantity: 2 } });
      await shopper.close();
    }
  });

  it("yields the state now first when asked with withCurrentState: true", async () => {
    const { cart } = await storefront.cartCreate({ lines: [{ variantId, quantity: 1 }] });
    if (!cart) throw new Error("no cart");
    const updates = storefront.cartUpdated({ cartId: cart.id, withCurrentState: true });
    const step = await updates.next();
    if (step.done) throw new Error("The subscription ended without an event");
    expect(step.value).toMatchObject({ refetch: true, cart: { id: cart.id, totalQuantity: 1 } });
    await updates.ready;
    updates.dispose();
  });

  it("rejects `ready` when the subscription is refused", async () => {
    const other = live.client({ webSocketImpl: WebSocket });
    const refused = other.orderStatusChanged({ orderId: productId });
    await expect(refused.ready).rejects.toBeInstanceOf(ShoppableError);
    await other.close();
  });
});

describe("subscriptions over the real API's WebSocket", () => {
  it("client.cartUpdated yields the cart, with the cart fragment, after cartLinesAdd commits", async () => {
    const cart = (await storefront.cartCreate({ lines: [{ variantId, quantity: 1 }] })).cart!;
    const updates = storefront.cartUpdated({ cartId: cart.id });
    await subscribed(live.api.server.events, "cartUpdated", cart.id);
    const added = await storefront.cartLinesAdd({ cartId: cart.id, lines: [{ variantId, quantity: 2 }] });
    expect(added.userErrors).toEqual([]);

    const step = await updates.next();
    if (step.done) throw new Error("The subscription ended without an event");
    const event = step.value;
    expect(event).toMatchObject({
      refetch: false,
      cart: { id: cart.id, totalQuantity: 3, cost: { total: { amount: "60.00", currencyCode: "EUR" } } },
    });
    expect(event.cart?.lines.map((line) => [line.variant?.product.title, line.quantity])).toEqual([
      ["Cap", 3],
    ]);
    updates.dispose();
    expect(await updates.next()).toEqual({ done: true, value: undefined });
    await subscribed(live.api.server.events, "cartUpdated", cart.id, 0);
  });

  it("client.inventoryChanged yields the product's stock after inventoryAdjust", async () => {
    const changes = storefront.inventoryChanged({ productId });
    await subscribed(live.api.server.events, "inventoryChanged", productId);
    expect((await merchant.inventoryAdjust({ variantId, delta: 5 })).userErrors).toEqual([]);
    const step = await changes.next();
    if (step.done) throw new Error("The subscription ended without an event");
    expect(step.value.product?.variants).toEqual([
      { id: variantId, availableForSale: true, quantityAvailable: 15 },
    ]);
    changes.dispose();
  });

  it("client.orderStatusChanged, liveSessionEvents and postEngagement yield their events after the mutations", async () => {
    const buyer = live.client({
      userToken: await live.api.token("subs-buyer", ["BUYER"]),
      webSocketImpl: WebSocket,
    });
    const creator = live.client({
      userToken: await live.api.token("subs-creator", ["BUYER", "CREATOR"]),
      webSocketImpl: WebSocket,
    });
    try {
      const cart = (await buyer.cartCreate({ lines: [{ variantId, quantity: 1 }] })).cart!;
      const order = (
        await buyer.checkoutComplete({
          cartId: cart.id,
          idempotencyKey: "subs-1",
          payment: { token: "tok_success" },
        })
      ).order!;
      const statuses = buyer.orderStatusChanged({ orderId: order.id });
      await subscribed(live.api.server.events, "orderStatusChanged", order.id);
      await merchant.orderFulfill({ id: order.id });
      const status = await statuses.next();
      expect(status.done ? null : { status: status.value.status, order: status.value.order?.status }).toEqual(
        { status: "FULFILLED", order: "FULFILLED" },
      );
      statuses.dispose();

      const session = (
        await creator.liveSessionSchedule({
          title: "Caps live",
          scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
        })
      ).liveSession!;
      const events = storefront.liveSessionEvents({ liveSessionId: session.id });
      await subscribed(live.api.server.events, "liveSessionEvents", session.id);
      await creator.liveSessionStart({ id: session.id });
      const started = await events.next();
      expect(started.value).toMatchObject({
        kind: "STARTED",
        status: "LIVE",
        liveSessionId: session.id,
        refetch: false,
      });
      events.dispose();

      const post = (
        await creator.postCreate({
          caption: "Cap",
          media: { kind: "IMAGE", url: "https://cdn.example/c.jpg", width: 1, height: 1 },
        })
      ).post!;
      const engagement = storefront.postEngagement({ postId: post.id });
      await subscribed(live.api.server.events, "postEngagement", post.id);
      await buyer.postLike({ postId: post.id });
      expect((await engagement.next()).value).toMatchObject({ likeCount: 1, refetch: false });
      engagement.dispose();
    } finally {
      await Promise.all([buyer.close(), creator.close()]);
    }
  });

  it("an unknown API key ends the subscription with ShoppableAuthError UNAUTHENTICATED, without retrying", async () => {
    const client = createShoppableClient({
      url: live.url,
      apiKey: "shp_pk_unknown",
      webSocketImpl: WebSocket,
    });
    const cart = (await storefront.cartCreate()).cart!;
    const error = await client
      .cartUpdated({ cartId: cart.id })
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableAuthError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED" });
    await client.close();
  });

  it("another buyer's cart is ShoppableAuthError FORBIDDEN", async () => {
    const owner = live.client({ userToken: await live.api.token("subs-owner", ["BUYER"]) });
    const owned = (await owner.cartCreate({ lines: [{ variantId, quantity: 1 }] })).cart!;
    const error = await storefront
      .cartUpdated({ cartId: owned.id })
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableAuthError);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
  });
});
