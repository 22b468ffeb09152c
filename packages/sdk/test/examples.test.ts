/** The README's per-domain examples (examples/*.ts) run against the real API, so they stay true. */
import WebSocket from "ws";
import { afterAll, beforeAll, expect, it } from "vitest";
import { subscribed } from "../../api/test/realtime.ts";
import { cartCheckoutExample } from "../examples/cart-checkout.ts";
import { catalogExample } from "../examples/catalog.ts";
import { contentExample } from "../examples/content.ts";
import { deliveryExample } from "../examples/delivery.ts";
import { liveExample } from "../examples/live.ts";
import { ordersExample } from "../examples/orders.ts";
import { ownDocumentsExample } from "../examples/own-documents.ts";
import { privacyExample } from "../examples/privacy.ts";
import { subscriptionsExample } from "../examples/subscriptions.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
beforeAll(async () => {
  live = await startLiveApi();
});
afterAll(() => live.close());

it("the examples run end to end: catalog, content, live, delivery, cart and checkout, orders, privacy, own documents, subscriptions", async () => {
  const { url, api } = live;
  const { publishable, secret } = api.keys;
  const merchantToken = await api.token("example-merchant", ["MERCHANT"]);
  const creatorToken = await api.token("example-creator", ["BUYER", "CREATOR"]);
  const buyerToken = await api.token("example-buyer", ["BUYER"]);

  expect(await catalogExample(url, secret, publishable, merchantToken)).toEqual(["Organic Tee: 25.00 EUR"]);
  const product = (await live.client().product({ handle: "organic-tee" }))!;
  const content = await contentExample(url, publishable, creatorToken, product.id);
  expect(content).toMatchObject({ counted: true, likes: 1 });
  expect(await liveExample(url, publishable, creatorToken, product.id)).toMatchObject({
    livePrice: "19.00",
    status: "ENDED",
    replayPostId: expect.any(String),
  });

  const delivery = await deliveryExample(
    url,
    secret,
    publishable,
    merchantToken,
    buyerToken,
    product.shop.id,
  );
  expect(delivery).toEqual({
    addressId: expect.any(String),
    rates: ["standard 4.90", "express 9.90"],
    wrongZip: ["INVALID_ZIP address.zip"],
  });
  const orders = await cartCheckoutExample(
    url,
    publishable,
    buyerToken,
    product.variants[0]!.id,
    delivery.addressId ?? "",
  );
  // 25.00 with VAT included, free standard shipping from 20.00.
  expect(orders).toEqual([expect.stringMatching(/^#\d+ 25\.00 PAID to Berlin by standard$/)]);
  const orderId = (await live.client({ userToken: buyerToken }).viewer({ ordersFirst: 1 })).orders.edges[0]!
    .node.id;
  expect(await ordersExample(url, secret, merchantToken, orderId)).toEqual({
    tracking: "00340434161234567890",
    status: "REFUNDED",
    refunded: "25.00",
  });

  expect(await privacyExample(url, publishable, buyerToken)).toEqual({
    consent: { personalization: false, analytics: true },
    roles: ["BUYER"],
  });
  expect(await ownDocumentsExample(url, publishable)).toEqual(["Example Shop"]);

  const storefront = live.client();
  const cart = (await storefront.cartCreate({ lines: [{ variantId: product.variants[0]!.id, quantity: 1 }] }))
    .cart!;
  const followed = subscriptionsExample(url, publishable, cart.id, WebSocket);
  await subscribed(api.server.events, "cartUpdated", cart.id);
  await storefront.cartLinesUpdate({ cartId: cart.id, lines: [{ id: cart.lines[0]!.id, quantity: 2 }] });
  await storefront.cartLinesRemove({ cartId: cart.id, lineIds: [cart.lines[0]!.id] });
  expect(await followed).toEqual([2, 0]);
});
