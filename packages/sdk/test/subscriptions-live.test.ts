/**
 * The generated subscription functions against the real API's WebSocket (graphql-ws on
 * /graphql): events after committed mutations, typed as their documents select, and refused
 * credentials or access as the SDK's error classes.
 */
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscribed } from "../../api/test/realtime.ts";
import { ShoppableAuthError, createShoppableClient, type ShoppableClient } from "../src/index.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
let merchant: ShoppableClient;
let storefront: ShoppableClient;
let variantId: string;
let productId: string;

beforeAll(async () => {
  live = await startLiveApi();
  merchant = live.client({ key: "secret", userToken: await live.api.token("subs-merchant", ["MERCHANT"]), webSocketImpl: WebSocket });
  storefront = live.client({ webSocketImpl: WebSocket });
  const shopId = (await merchant.shopCreate({ handle: "subs-shop", name: "Subs", currencyCode: "EUR" })).shop!.id;
  const product = (await merchant.productCreate({ shopId, title: "Cap", handle: "cap", status: "ACTIVE", variants: [{ price: "20.00", inventoryQuantity: 10 }] })).product!;
  productId = product.id;
  variantId = product.variants[0]!.id;
});
afterAll(async () => {
  await storefront?.close();
  await merchant?.close();
  await live.close();
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
    expect(event).toMatchObject({ refetch: false, cart: { id: cart.id, totalQuantity: 3, cost: { total: { amount: "60.00", currencyCode: "EUR" } } } });
    expect(event.cart?.lines.map((line) => [line.variant?.product.title, line.quantity])).toEqual([["Cap", 3]]);
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
    expect(step.value.product?.variants).toEqual([{ id: variantId, availableForSale: true, quantityAvailable: 15 }]);
    changes.dispose();
  });

  it("an unknown API key ends the subscription with ShoppableAuthError UNAUTHENTICATED, without retrying", async () => {
    const client = createShoppableClient({ url: live.url, apiKey: "shp_pk_unknown", webSocketImpl: WebSocket });
    const cart = (await storefront.cartCreate()).cart!;
    const error = await client.cartUpdated({ cartId: cart.id }).next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableAuthError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED" });
    await client.close();
  });

  it("another buyer's cart is ShoppableAuthError FORBIDDEN", async () => {
    const owner = live.client({ userToken: await live.api.token("subs-owner", ["BUYER"]) });
    const owned = (await owner.cartCreate({ lines: [{ variantId, quantity: 1 }] })).cart!;
    const error = await storefront.cartUpdated({ cartId: owned.id }).next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableAuthError);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
  });
});
