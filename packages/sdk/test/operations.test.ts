/**
 * Every content, live, cart, checkout, order and privacy operation of the SDK against the real
 * API over HTTP, as one story: a creator posts a shoppable video, a buyer engages, buys through
 * its product tag with a discount code, the merchant fulfils and refunds; a live session runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShoppableClient } from "../src/index.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
let merchant: ShoppableClient;
let creator: ShoppableClient;
let buyer: ShoppableClient;
let anonymous: ShoppableClient;
let shopId: string;
let product: { id: string; variantId: string };

beforeAll(async () => {
  live = await startLiveApi();
  merchant = live.client({ key: "secret", userToken: await live.api.token("ops-merchant", ["MERCHANT"]) });
  creator = live.client({ userToken: await live.api.token("ops-creator", ["BUYER", "CREATOR"]) });
  buyer = live.client({ userToken: await live.api.token("ops-buyer", ["BUYER"]) });
  anonymous = live.client();
  shopId = (await merchant.shopCreate({ handle: "ops-shop", name: "Ops", currencyCode: "EUR" })).shop!.id;
  const created = await merchant.productCreate({
    shopId,
    title: "Sneaker",
    handle: "sneaker",
    status: "ACTIVE",
    variants: [{ price: "80.00", sku: "SN-1", inventoryQuantity: 5 }],
  });
  product = { id: created.product!.id, variantId: created.product!.variants[0]!.id };
});
afterAll(() => live.close());

describe("content", () => {
  it("postCreate, post, engagement, follows, postUpdate and postDelete", async () => {
    const created = await creator.postCreate({
      caption: "New drop #sneakers",
      hashtags: ["sneakers"],
      media: { kind: "VIDEO", url: "https://cdn.example/v.mp4", width: 1080, height: 1920, durationMs: 15_000 },
      productTags: [{ productId: product.id, x: 0.4, y: 0.6, startMs: 1_000, endMs: 5_000 }],
    });
    expect(created.userErrors).toEqual([]);
    const post = created.post!;
    expect(post.productTags[0]).toMatchObject({ startMs: 1000, endMs: 5000, product: { id: product.id } });

    expect((await anonymous.post({ id: post.id }))?.caption).toBe("New drop #sneakers");
    expect(await buyer.postView({ postId: post.id })).toMatchObject({ counted: true, post: { viewCount: 1 } });
    expect((await buyer.postView({ postId: post.id })).counted).toBe(false);
    expect((await buyer.postLike({ postId: post.id })).post).toMatchObject({ likeCount: 1, viewerHasLiked: true });
    expect((await buyer.postUnlike({ postId: post.id })).post).toMatchObject({ likeCount: 0, viewerHasLiked: false });
    expect((await buyer.postShare({ postId: post.id, channel: "copy_link" })).post?.shareCount).toBe(1);
    expect((await anonymous.productTagTap({ productTagId: post.productTags[0]!.id })).userErrors).toEqual([]);

    const followed = await buyer.userFollow({ userId: post.author.id });
    expect(followed.user).toMatchObject({ viewerIsFollowing: true, followerCount: 1 });
    expect((await buyer.userUnfollow({ userId: post.author.id })).user?.viewerIsFollowing).toBe(false);
    expect((await buyer.userFollow({ shopId })).shop?.viewerIsFollowing).toBe(true);

    expect((await creator.postUpdate({ id: post.id, caption: "Restocked" })).post?.caption).toBe("Restocked");
    const forbidden = await buyer.postUpdate({ id: post.id, caption: "Mine now" }).catch((error: unknown) => error);
    expect(forbidden).toMatchObject({ code: "FORBIDDEN" });
    expect((await creator.postDelete({ id: post.id })).deletedPostId).toBe(post.id);
    expect(await anonymous.post({ id: post.id })).toBeNull();
  });
});

describe("live", () => {
  it("liveSessionSchedule, liveSessionStart, pins, joins, liveSession(s), liveSessionEnd and liveSessionCancel", async () => {
    const scheduledAt = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await creator.liveSessionSchedule({ title: "Drop night", scheduledAt });
    expect(scheduled.userErrors).toEqual([]);
    const id = scheduled.liveSession!.id;
    expect((await creator.liveSessionStart({ id })).liveSession?.status).toBe("LIVE");
    const pinned = await creator.liveSessionPinProduct({ liveSessionId: id, productId: product.id, livePrice: "60.00", quantityCap: 2 });
    expect(pinned.userErrors).toEqual([]);
    const pin = pinned.liveSession!.pinnedProducts[0]!;
    expect(pin).toMatchObject({ livePrice: { amount: "60.00" }, livePriceActive: true, remaining: 2 });
    expect((await buyer.liveSessionJoin({ liveSessionId: id })).liveSession?.viewerCount).toBe(1);
    expect((await anonymous.liveSessions({ status: "LIVE", first: 5 })).edges.map((e) => e.node.id)).toEqual([id]);
    expect((await buyer.liveSessionLeave({ liveSessionId: id })).liveSession?.viewerCount).toBe(0);
    expect((await creator.liveSessionUnpinProduct({ pinnedProductId: pin.id })).liveSession?.pinnedProducts).toEqual([]);
    const ended = await creator.liveSessionEnd({ id });
    expect(ended.liveSession).toMatchObject({ status: "ENDED", peakViewerCount: 1 });
    expect((await anonymous.liveSession({ id }))?.status).toBe("ENDED");

    const other = await creator.liveSessionSchedule({ title: "Later", scheduledAt });
    expect((await creator.liveSessionCancel({ id: other.liveSession!.id })).liveSession?.status).toBe("CANCELLED");
    const again = await creator.liveSessionStart({ id: other.liveSession!.id });
    expect(again.userErrors.map((e) => e.code)).toEqual(["INVALID_STATE"]);
  });
});

describe("cart, checkout and orders", () => {
  it("a buyer fills a cart, checks out with a discount code, and the merchant fulfils and refunds", async () => {
    const code = await merchant.discountCodeCreate({ shopId, code: "SAVE10", kind: "PERCENTAGE", value: "10" });
    expect(code.userErrors).toEqual([]);

    const cart = (await anonymous.cartCreate()).cart!;
    expect(cart.status).toBe("ACTIVE");
    const tooMany = await anonymous.cartLinesAdd({ cartId: cart.id, lines: [{ variantId: product.variantId, quantity: 9 }] });
    expect(tooMany.userErrors).toEqual([expect.objectContaining({ code: "OUT_OF_STOCK", quantityAvailable: 5 })]);
    const added = await anonymous.cartLinesAdd({ cartId: cart.id, lines: [{ variantId: product.variantId, quantity: 3 }] });
    expect(added.cart?.cost?.subtotal).toEqual({ amount: "240.00", currencyCode: "EUR" });
    const lineId = added.cart!.lines[0]!.id;
    expect((await anonymous.cartLinesUpdate({ cartId: cart.id, lines: [{ id: lineId, quantity: 2 }] })).cart?.totalQuantity).toBe(2);
    const discounted = await anonymous.cartDiscountCodesUpdate({ cartId: cart.id, discountCodes: ["save10"] });
    expect(discounted.cart?.cost?.total.amount).toBe("144.00");

    // Signing in hands the anonymous cart to the buyer (they have none).
    const signedIn = await buyer.cartBuyerIdentityUpdate({ cartId: cart.id, buyerIdentity: { email: "buyer@example.com", countryCode: "FR" } });
    expect(signedIn.userErrors).toEqual([]);
    const cartId = signedIn.cart!.id;
    expect((await buyer.cart({ id: cartId }))?.buyerIdentity.email).toBe("buyer@example.com");

    const checkout = await buyer.checkoutComplete({ cartId, idempotencyKey: "ops-checkout-1", payment: { token: "tok_success" } });
    expect(checkout.userErrors).toEqual([]);
    const order = checkout.order!;
    expect(order).toMatchObject({ status: "PAID", total: { amount: "144.00" }, discountCodes: ["SAVE10"] });
    expect((await buyer.order({ id: order.id }))?.lines[0]?.quantity).toBe(2);

    expect((await merchant.orderFulfill({ id: order.id })).order?.status).toBe("FULFILLED");
    const refunded = await merchant.orderRefund({ id: order.id, lines: [{ lineId: order.lines[0]!.id, quantity: 1 }], restock: true });
    expect(refunded.order).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedTotal: { amount: "72.00" } });
    expect((await merchant.orderCancel({ id: order.id })).userErrors.map((e) => e.code)).toEqual(["INVALID_STATUS_TRANSITION"]);
  });

  it("orderCancel refunds and restocks a paid order; cartLinesRemove empties a cart", async () => {
    const cart = (await buyer.cartCreate({ lines: [{ variantId: product.variantId, quantity: 1 }] })).cart!;
    const { order } = await buyer.checkoutComplete({ cartId: cart.id, idempotencyKey: "ops-checkout-2", payment: { token: "tok_success" } });
    const cancelled = await merchant.orderCancel({ id: order!.id, reason: "customer asked" });
    expect(cancelled.order).toMatchObject({ status: "CANCELLED", refundedTotal: { amount: "80.00" } });

    const other = (await anonymous.cartCreate({ lines: [{ variantId: product.variantId, quantity: 1 }] })).cart!;
    const removed = await anonymous.cartLinesRemove({ cartId: other.id, lineIds: [other.lines[0]!.id] });
    expect(removed.cart?.lines).toEqual([]);
  });
});

describe("privacy", () => {
  it("viewerConsentUpdate sets the viewer's consents", async () => {
    const updated = await buyer.viewerConsentUpdate({ personalization: false, analytics: true });
    expect(updated.consent).toEqual({ personalization: false, analytics: true });
    expect((await buyer.viewer()).consent).toEqual({ personalization: false, analytics: true });
  });
});
