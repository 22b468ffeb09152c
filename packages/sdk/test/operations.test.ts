/**
 * Every content, live, cart, checkout, order, privacy, feed, affiliate and webhook operation of the SDK against the real
 * API over HTTP, as one story: a creator posts a shoppable video, a buyer engages, buys through
 * its product tag with a discount code, the merchant fulfils and refunds; a live session runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShoppableClient, ViewerDataExport } from "../src/index.ts";
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
    // Checks out without an address: delivery has its own story (delivery.test.ts).
    variants: [{ price: "80.00", sku: "SN-1", inventoryQuantity: 5, requiresShipping: false }],
  });
  product = { id: created.product!.id, variantId: created.product!.variants[0]!.id };
});
afterAll(() => live.close());

describe("content", () => {
  it("postCreate, post, engagement, follows, postUpdate and postDelete", async () => {
    const created = await creator.postCreate({
      caption: "New drop #sneakers",
      hashtags: ["sneakers"],
      media: {
        kind: "VIDEO",
        url: "https://cdn.example/v.mp4",
        width: 1080,
        height: 1920,
        durationMs: 15_000,
      },
      productTags: [{ productId: product.id, x: 0.4, y: 0.6, startMs: 1_000, endMs: 5_000 }],
    });
    expect(created.userErrors).toEqual([]);
    const post = created.post!;
    expect(post.productTags[0]).toMatchObject({ startMs: 1000, endMs: 5000, product: { id: product.id } });

    expect((await anonymous.post({ id: post.id }))?.caption).toBe("New drop #sneakers");
    expect(await buyer.postView({ postId: post.id })).toMatchObject({
      counted: true,
      post: { viewCount: 1 },
    });
    expect((await buyer.postView({ postId: post.id })).counted).toBe(false);
    expect((await buyer.postLike({ postId: post.id })).post).toMatchObject({
      likeCount: 1,
      viewerHasLiked: true,
    });
    expect((await buyer.postUnlike({ postId: post.id })).post).toMatchObject({
      likeCount: 0,
      viewerHasLiked: false,
    });
    expect((await buyer.postShare({ postId: post.id, channel: "copy_link" })).post?.shareCount).toBe(1);
    expect((await anonymous.productTagTap({ productTagId: post.productTags[0]!.id })).userErrors).toEqual([]);

    const followed = await buyer.userFollow({ userId: post.author.id });
    expect(followed.user).toMatchObject({ viewerIsFollowing: true, followerCount: 1 });
    expect((await buyer.userUnfollow({ userId: post.author.id })).user?.viewerIsFollowing).toBe(false);
    expect((await buyer.userFollow({ shopId })).shop?.viewerIsFollowing).toBe(true);

    expect((await creator.postUpdate({ id: post.id, caption: "Restocked" })).post?.caption).toBe("Restocked");
    const forbidden = await buyer
      .postUpdate({ id: post.id, caption: "Mine now" })
      .catch((error: unknown) => error);
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
    const pinned = await creator.liveSessionPinProduct({
      liveSessionId: id,
      productId: product.id,
      livePrice: "60.00",
      quantityCap: 2,
    });
    expect(pinned.userErrors).toEqual([]);
    const pin = pinned.liveSession!.pinnedProducts[0]!;
    expect(pin).toMatchObject({ livePrice: { amount: "60.00" }, livePriceActive: true, remaining: 2 });
    expect((await buyer.liveSessionJoin({ liveSessionId: id })).liveSession?.viewerCount).toBe(1);
    expect((await anonymous.liveSessions({ status: "LIVE", first: 5 })).edges.map((e) => e.node.id)).toEqual([
      id,
    ]);
    expect((await buyer.liveSessionLeave({ liveSessionId: id })).liveSession?.viewerCount).toBe(0);
    expect(
      (await creator.liveSessionUnpinProduct({ pinnedProductId: pin.id })).liveSession?.pinnedProducts,
    ).toEqual([]);
    const ended = await creator.liveSessionEnd({ id });
    expect(ended.liveSession).toMatchObject({ status: "ENDED", peakViewerCount: 1 });
    expect((await anonymous.liveSession({ id }))?.status).toBe("ENDED");

    const other = await creator.liveSessionSchedule({ title: "Later", scheduledAt });
    expect((await creator.liveSessionCancel({ id: other.liveSession!.id })).liveSession?.status).toBe(
      "CANCELLED",
    );
    const again = await creator.liveSessionStart({ id: other.liveSession!.id });
    expect(again.userErrors.map((e) => e.code)).toEqual(["INVALID_STATE"]);
  });
});

describe("cart, checkout and orders", () => {
  it("a buyer fills a cart, checks out with a discount code, and the merchant fulfils and refunds", async () => {
    const code = await merchant.discountCodeCreate({
      shopId,
      code: "SAVE10",
      kind: "PERCENTAGE",
      value: "10",
    });
    expect(code.userErrors).toEqual([]);

    const cart = (await anonymous.cartCreate()).cart!;
    expect(cart.status).toBe("ACTIVE");
    const tooMany = await anonymous.cartLinesAdd({
      cartId: cart.id,
      lines: [{ variantId: product.variantId, quantity: 9 }],
    });
    expect(tooMany.userErrors).toEqual([
      expect.objectContaining({ code: "OUT_OF_STOCK", quantityAvailable: 5 }),
    ]);
    const added = await anonymous.cartLinesAdd({
      cartId: cart.id,
      lines: [{ variantId: product.variantId, quantity: 3 }],
    });
    expect(added.cart?.cost?.subtotal).toEqual({ amount: "240.00", currencyCode: "EUR" });
    const lineId = added.cart!.lines[0]!.id;
    expect(
      (await anonymous.cartLinesUpdate({ cartId: cart.id, lines: [{ id: lineId, quantity: 2 }] })).cart
        ?.totalQuantity,
    ).toBe(2);
    const discounted = await anonymous.cartDiscountCodesUpdate({
      cartId: cart.id,
      discountCodes: ["save10"],
    });
    expect(discounted.cart?.cost?.total.amount).toBe("144.00");

    // Signing in hands the anonymous cart to the buyer (they have none).
    const signedIn = await buyer.cartBuyerIdentityUpdate({
      cartId: cart.id,
      buyerIdentity: { email: "buyer@example.com", countryCode: "FR" },
    });
    expect(signedIn.userErrors).toEqual([]);
    const cartId = signedIn.cart!.id;
    expect((await buyer.cart({ id: cartId }))?.buyerIdentity.email).toBe("buyer@example.com");

    const checkout = await buyer.checkoutComplete({
      cartId,
      idempotencyKey: "ops-checkout-1",
      payment: { token: "tok_success" },
    });
    expect(checkout.userErrors).toEqual([]);
    const order = checkout.order!;
    expect(order).toMatchObject({ status: "PAID", total: { amount: "144.00" }, discountCodes: ["SAVE10"] });
    expect((await buyer.order({ id: order.id }))?.lines[0]?.quantity).toBe(2);

    expect((await merchant.orderFulfill({ id: order.id })).order?.status).toBe("FULFILLED");
    const refunded = await merchant.orderRefund({
      id: order.id,
      lines: [{ lineId: order.lines[0]!.id, quantity: 1 }],
      restock: true,
    });
    expect(refunded.order).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      refundedTotal: { amount: "72.00" },
    });
    expect((await merchant.orderCancel({ id: order.id })).userErrors.map((e) => e.code)).toEqual([
      "INVALID_STATUS_TRANSITION",
    ]);
  });

  it("orderCancel refunds and restocks a paid order; cartLinesRemove empties a cart", async () => {
    const cart = (await buyer.cartCreate({ lines: [{ variantId: product.variantId, quantity: 1 }] })).cart!;
    const { order } = await buyer.checkoutComplete({
      cartId: cart.id,
      idempotencyKey: "ops-checkout-2",
      payment: { token: "tok_success" },
    });
    const cancelled = await merchant.orderCancel({ id: order!.id, reason: "customer asked" });
    expect(cancelled.order).toMatchObject({ status: "CANCELLED", refundedTotal: { amount: "80.00" } });

    const other = (await anonymous.cartCreate({ lines: [{ variantId: product.variantId, quantity: 1 }] }))
      .cart!;
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

/** Every key of ViewerDataExport, once: the compiler checks the list is complete. */
const EXPORT_SECTIONS = Object.keys({
  exportedAt: 0,
  user: 0,
  memberships: 0,
  posts: 0,
  likes: 0,
  views: 0,
  shares: 0,
  following: 0,
  followers: 0,
  shopsFollowed: 0,
  liveSessions: 0,
  liveSessionsWatching: 0,
  carts: 0,
  addresses: 0,
  orders: 0,
  inventoryAdjustments: 0,
  affiliateLinks: 0,
  affiliateInvitations: 0,
  commissions: 0,
  payouts: 0,
  affiliateClicks: 0,
  comments: 0,
  reviews: 0,
  reports: 0,
  moderationDecisions: 0,
} satisfies Record<keyof ViewerDataExport, 0>);

describe("privacy: export and erasure", () => {
  it("viewerDataExport returns the viewer's data by section; viewerErase needs confirmation, then erases", async () => {
    const leaving = live.client({ userToken: await live.api.token("ops-leaving", ["BUYER"]) });
    const exported = await leaving.viewerDataExport({ sections: ["orders"] });
    expect(exported.userErrors).toEqual([]);
    expect(Object.keys(exported.data ?? {})).toContain("orders");
    // The whole export has exactly the sections ViewerDataExport types (no more, no fewer).
    const everything = (await leaving.viewerDataExport()).data;
    expect(Object.keys(everything ?? {}).sort()).toEqual([...EXPORT_SECTIONS].sort());
    expect(Date.parse(everything?.exportedAt ?? "")).not.toBeNaN();
    expect(everything?.followers?.count).toBe(0);
    const unknown = await leaving.viewerDataExport({ sections: ["nope"] });
    expect(unknown).toMatchObject({
      data: null,
      userErrors: [{ code: "UNKNOWN_SECTION", field: ["sections", "0"] }],
    });

    expect((await leaving.viewerErase({ confirm: false })).userErrors.map((e) => e.code)).toEqual([
      "CONFIRMATION_REQUIRED",
    ]);
    const erased = await leaving.viewerErase({ confirm: true });
    expect(erased.userErrors).toEqual([]);
    expect(Date.parse(erased.erasedAt!)).not.toBeNaN();
  });
});

describe("feeds", () => {
  it("feed, trendingProducts and recommendedProducts return typed pages", async () => {
    const { post } = await creator.postCreate({
      caption: "Laces #feedtest",
      hashtags: ["feedtest"],
      media: { kind: "IMAGE", url: "https://cdn.example/p.jpg", width: 1080, height: 1080 },
      productTags: [{ productId: product.id, x: 0.5, y: 0.5 }],
    });
    const hashtag = await anonymous.feed({ kind: "HASHTAG", hashtag: "feedtest", first: 5 });
    expect(hashtag).toMatchObject({
      kind: "HASHTAG",
      personalized: false,
      rankedAt: null,
      pageInfo: { hasNextPage: false },
    });
    expect(hashtag.edges.map((e) => [e.node.id, e.node.productTags[0]?.product.id])).toEqual([
      [post!.id, product.id],
    ]);
    // Anonymous callers cannot be personalised: FOR_YOU serves TRENDING.
    expect(await anonymous.feed({ kind: "FOR_YOU", first: 5 })).toMatchObject({
      kind: "TRENDING",
      personalized: false,
    });

    const trending = await anonymous.trendingProducts({ window: "DAY", first: 5 });
    expect(trending.window).toBe("DAY");
    expect(Date.parse(trending.rankedAt)).not.toBeNaN();
    const recommended = await anonymous.recommendedProducts({ productId: product.id, first: 5 });
    expect(recommended).toMatchObject({ basis: "PRODUCT", personalized: false });
    expect(recommended.products.map((p) => p.id)).not.toContain(product.id);
  });
});

describe("affiliate", () => {
  it("affiliateProgramUpsert, affiliateLinkCreate, affiliateLink and the viewer's links; failures are typed userErrors", async () => {
    const program = await merchant.affiliateProgramUpsert({ shopId, defaultRate: 1000, model: "LAST_CLICK" });
    expect(program.userErrors).toEqual([]);
    expect(program.affiliateProgram).toMatchObject({
      defaultRate: 1000,
      access: "OPEN",
      model: "LAST_CLICK",
      shop: { id: shopId },
    });

    const created = await creator.affiliateLinkCreate({ productId: product.id });
    expect(created.userErrors).toEqual([]);
    const link = created.affiliateLink!;
    expect(link).toMatchObject({
      targetKind: "PRODUCT",
      enabled: true,
      rate: 1000,
      product: { id: product.id },
      shop: { id: shopId },
    });
    expect(link.url).toContain(`/r/${link.code}`);
    // Others read the link without its rate.
    expect(await anonymous.affiliateLink({ code: link.code })).toMatchObject({
      id: link.id,
      rate: null,
      creator: { id: link.creator.id },
    });
    expect(await anonymous.affiliateLink({ code: "no-such-code" })).toBeNull();

    const viewer = await creator.viewer();
    expect(viewer.affiliateLinks.edges.map((e) => e.node.code)).toEqual([link.code]);
    expect(viewer.earnings).toEqual([]);

    expect((await creator.affiliateLinkCreate({})).userErrors.map((e) => e.code)).toEqual([
      "TARGET_REQUIRED",
    ]);
    // Nothing is payable yet: the platform's payout pays nothing.
    const payout = await live.client({ key: "secret" }).affiliatePayout({ creatorId: link.creator.id });
    expect(payout).toMatchObject({ payouts: [], userErrors: [{ code: "NOTHING_TO_PAY" }] });
    // A caller without the CREATOR role is refused outright, not with a userError.
    await expect(buyer.affiliateLinkCreate({ productId: product.id })).rejects.toMatchObject({
      name: "ShoppableAuthError",
      code: "FORBIDDEN",
    });
  });

  it("an invitation-only program: affiliateInvite, affiliateInvitationAccept and affiliateInvitationDecline", async () => {
    const otherShop = (
      await merchant.shopCreate({ handle: "ops-invite", name: "Invite", currencyCode: "EUR" })
    ).shop!.id;
    await merchant.affiliateProgramUpsert({ shopId: otherShop, defaultRate: 500, access: "INVITE_ONLY" });
    expect((await creator.affiliateLinkCreate({ shopId: otherShop })).userErrors.map((e) => e.code)).toEqual([
      "NOT_INVITED",
    ]);
    const creatorId = (await creator.viewer()).user!.id;
    const invited = await merchant.affiliateInvite({ shopId: otherShop, creatorId });
    expect(invited.invitation).toMatchObject({
      status: "PENDING",
      creator: { id: creatorId },
      program: { access: "INVITE_ONLY" },
    });
    expect((await creator.viewer()).affiliateInvitations.map((i) => i.id)).toContain(invited.invitation!.id);
    expect((await creator.affiliateInvitationAccept({ id: invited.invitation!.id })).invitation?.status).toBe(
      "ACCEPTED",
    );
    expect((await creator.affiliateLinkCreate({ shopId: otherShop })).affiliateLink?.targetKind).toBe("SHOP");
    const again = await creator.affiliateInvitationDecline({ id: invited.invitation!.id });
    expect(again.userErrors.map((e) => e.code)).toEqual(["INVITATION_NOT_PENDING"]);
  });
});

describe("webhooks", () => {
  it("webhookEndpointCreate returns the endpoint with its signing secret; update, list and delete; bad input is typed userErrors", async () => {
    const created = await merchant.webhookEndpointCreate({
      shopId,
      url: "https://hooks.example.com/shoppable",
      topics: ["ORDER_PAID"],
      description: "orders",
    });
    expect(created.userErrors).toEqual([]);
    const endpoint = created.webhookEndpoint!;
    expect(endpoint).toMatchObject({
      url: "https://hooks.example.com/shoppable",
      topics: ["ORDER_PAID"],
      enabled: true,
      shop: { id: shopId },
    });
    expect(endpoint.signingSecret.length).toBeGreaterThan(20);

    const notHttp = await merchant.webhookEndpointCreate({
      shopId,
      url: "ftp://hooks.example.com",
      topics: ["ORDER_PAID"],
    });
    expect(notHttp).toMatchObject({
      webhookEndpoint: null,
      userErrors: [{ code: "URL_NOT_HTTP", field: ["url"] }],
    });
    const noTopics = await merchant.webhookEndpointCreate({
      shopId,
      url: "https://hooks.example.com/other",
      topics: [],
    });
    expect(noTopics.userErrors.map((e) => e.code)).toEqual(["TOPICS_REQUIRED"]);

    const rotated = await merchant.webhookEndpointUpdate({
      id: endpoint.id,
      rotateSecret: true,
      enabled: false,
    });
    expect(rotated.webhookEndpoint).toMatchObject({ enabled: false });
    expect(rotated.webhookEndpoint?.signingSecret).not.toBe(endpoint.signingSecret);

    const platform = live.client({ key: "secret" });
    const platformEndpoint = await platform.webhookEndpointCreate({
      url: "https://platform.example.com/hook",
      topics: ["COMMISSION_PAYABLE"],
    });
    expect(platformEndpoint.webhookEndpoint?.shop).toBeNull();
    expect((await platform.platformWebhookEndpoints()).map((e) => e.url)).toEqual([
      "https://platform.example.com/hook",
    ]);
    await expect(anonymous.platformWebhookEndpoints()).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await merchant.webhookEndpointDelete({ id: endpoint.id })).deletedWebhookEndpointId).toBe(
      endpoint.id,
    );
  });
});
