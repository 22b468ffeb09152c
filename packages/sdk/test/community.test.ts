/**
 * The community operations of the SDK against the real API: a buyer reviews what they bought
 * and the shop replies; a viewer comments on a post with a product mention, reads the comments
 * and deletes theirs; typed userErrors for a review by a non-buyer and an empty comment.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShoppableClient } from "../src/index.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
let merchant: ShoppableClient;
let buyer: ShoppableClient;
let stranger: ShoppableClient;
let productId = "";
let variantId = "";

beforeAll(async () => {
  live = await startLiveApi();
  merchant = live.client({
    key: "secret",
    userToken: await live.api.token("community-merchant", ["MERCHANT"]),
  });
  buyer = live.client({ userToken: await live.api.token("community-buyer", ["BUYER"]) });
  stranger = live.client({ userToken: await live.api.token("community-stranger", ["BUYER"]) });
  const { shop } = await merchant.shopCreate({
    handle: "community-shop",
    name: "Knits",
    currencyCode: "EUR",
  });
  const { product } = await merchant.productCreate({
    shopId: shop?.id ?? "",
    title: "Wool scarf",
    handle: "wool-scarf",
    status: "ACTIVE",
    variants: [{ price: "35.00", inventoryQuantity: 5, requiresShipping: false }],
  });
  productId = product?.id ?? "";
  variantId = product?.variants[0]?.id ?? "";
});
afterAll(() => live.close());

describe("reviews", () => {
  it("productReviewCreate by a buyer, productReviews, productReviewReply by the shop; a non-buyer gets NOT_A_BUYER", async () => {
    const refused = await stranger.productReviewCreate({ productId, rating: 5 });
    expect(refused.productReview).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toEqual(["NOT_A_BUYER"]);

    const { cart } = await buyer.cartCreate({ lines: [{ variantId, quantity: 1 }] });
    const checkout = await buyer.checkoutComplete({
      cartId: cart?.id ?? "",
      idempotencyKey: randomUUID(),
      payment: { token: "tok_success" },
    });
    expect(checkout.userErrors).toEqual([]);
    const created = await buyer.productReviewCreate({ productId, rating: 4, body: "Warm, a little itchy." });
    expect(created.userErrors).toEqual([]);
    expect(created.productReview).toMatchObject({
      rating: 4,
      body: "Warm, a little itchy.",
      product: { id: productId, rating: { average: 4, count: 1 } },
    });
    const order = await buyer.order({ id: checkout.order?.id ?? "" });
    expect(order?.lines[0]?.review).toEqual({ id: created.productReview?.id, rating: 4 });

    const reply = await merchant.productReviewReply({
      reviewId: created.productReview?.id ?? "",
      body: "Try a cold wash!",
    });
    expect(reply.productReview?.reply?.body).toBe("Try a cold wash!");
    const page = await stranger.productReviews({ productId, first: 10 });
    expect(page?.totalCount).toBe(1);
    expect(page?.edges.map((e) => [e.node.rating, e.node.reply?.body])).toEqual([[4, "Try a cold wash!"]]);
    expect((await stranger.product({ id: productId }))?.rating).toEqual({ average: 4, count: 1 });
  });
});

describe("comments", () => {
  it("postCommentCreate with a product mention, postComments, postCommentDelete; an empty comment gets BLANK", async () => {
    const creator = live.client({
      userToken: await live.api.token("community-creator", ["BUYER", "CREATOR"]),
    });
    const { post } = await creator.postCreate({
      caption: "Scarf season",
      media: { kind: "IMAGE", url: "https://cdn.example/s.jpg", width: 1080, height: 1350 },
      productTags: [{ productId, x: 0.5, y: 0.5 }],
    });
    const postId = post?.id ?? "";
    expect((await buyer.postCommentCreate({ postId, body: " " })).userErrors.map((e) => e.code)).toEqual([
      "BLANK",
    ]);
    const created = await buyer.postCommentCreate({ postId, body: "Got mine!", productIds: [productId] });
    expect(created.userErrors).toEqual([]);
    expect(created.postComment).toMatchObject({
      body: "Got mine!",
      products: [{ id: productId, title: "Wool scarf" }],
      post: { id: postId, commentCount: 1 },
    });
    const page = await stranger.postComments({ postId, first: 5 });
    expect(page?.edges.map((e) => e.node.body)).toEqual(["Got mine!"]);
    expect((await stranger.post({ id: postId }))?.commentCount).toBe(1);
    const deleted = await buyer.postCommentDelete({ id: created.postComment?.id ?? "" });
    expect(deleted).toMatchObject({ deletedCommentId: created.postComment?.id, post: { commentCount: 0 } });
    expect((await stranger.postComments({ postId }))?.totalCount).toBe(0);
  });
});

describe("moderation", () => {
  it("contentReport by a viewer; moderationQueue and moderationResolve by the platform hide the comment from others", async () => {
    const creator = live.client({
      userToken: await live.api.token("community-creator-2", ["BUYER", "CREATOR"]),
    });
    const platform = live.client({ key: "secret" });
    const { post } = await creator.postCreate({
      caption: "Moderated",
      media: { kind: "IMAGE", url: "https://cdn.example/m.jpg", width: 1080, height: 1350 },
      productTags: [],
    });
    const postId = post?.id ?? "";
    const { postComment } = await stranger.postCommentCreate({ postId, body: "Cheap pills here" });
    const commentId = postComment?.id ?? "";
    const reported = await buyer.contentReport({ targetId: commentId, reason: "SPAM", details: "Spam link" });
    expect(reported.userErrors).toEqual([]);
    expect(
      (await buyer.contentReport({ targetId: commentId, reason: "SPAM" })).userErrors.map((e) => e.code),
    ).toEqual(["ALREADY_REPORTED"]);
    const queue = await platform.moderationQueue({ targetKind: "COMMENT" });
    const found = queue?.edges.find((e) => e.node.comment?.id === commentId)?.node;
    expect(found).toMatchObject({
      status: "OPEN",
      reportCount: 1,
      reports: [{ reason: "SPAM", details: "Spam link" }],
    });
    const decided = await platform.moderationResolve({
      caseId: found?.id ?? "",
      action: "HIDE",
      note: "Spam",
    });
    expect(decided.case).toMatchObject({ status: "HIDDEN", comment: { moderationStatus: "HIDDEN" } });
    expect((await buyer.postComments({ postId }))?.totalCount).toBe(0);
    const own = await stranger.postComments({ postId });
    expect(own?.edges.map((e) => e.node.moderationStatus)).toEqual(["HIDDEN"]);
  });
});
