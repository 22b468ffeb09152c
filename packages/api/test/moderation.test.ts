// Reports and moderation: contentReport (anyone signed in, once per content), moderationQueue
// and moderationResolve (the platform). Hidden content leaves every read for everyone but its
// author and the platform — cached answers and live subscriptions included — and the counters it
// fed follow; restoring brings it back. The response cache is on here, as in production.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, firstVariant, gid, USER_ERRORS } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";
import { sseSubscribe, subscribed } from "./realtime.ts";

let api: TestApi;
let commerce: Commerce;
let url: string;
let admin: CallAs;
let creator: CallAs;
let product: Awaited<ReturnType<Commerce["product"]>>;

beforeAll(async () => {
  api = await startTestApi({ WEBHOOKS_DISPATCH: "0", RESPONSE_CACHE: "true" });
  commerce = await Commerce.start(api);
  url = (await api.server.listen(0, "127.0.0.1")).url;
  admin = { key: "secret", user: await api.token("moderation-admin", ["ADMIN"]) };
  creator = { user: await api.token("author-commerce", ["BUYER", "CREATOR"]) };
  const shop = await commerce.shop("EUR");
  product = await commerce.product(shop.id, ["20.00"], 50, "Hoodie");
  await api.db.prisma.webhookEndpoint.create({
    data: {
      shopId: null,
      url: "https://platform.example.test/hooks",
      topics: ["CONTENT_MODERATED"],
      secret: "whsec_test",
    },
  });
});
afterAll(() => api?.close());

const REPORT = `mutation($input: ContentReportInput!) {
  contentReport(input: $input) { report { reason details createdAt } ${USER_ERRORS} }
}`;
const RESOLVE = `mutation($input: ModerationResolveInput!) {
  moderationResolve(input: $input) { case { id status reportCount decidedAt note } ${USER_ERRORS} }
}`;
const QUEUE = `query($status: ModerationCaseStatus) { moderationQueue(first: 50, status: $status) {
  totalCount edges { node { id targetKind status reportCount post { id } comment { id } review { id } product { id } liveSession { id }
  reports { reason details reporter { handle } } } }
} }`;
const POST = `query($id: ID!) { post(id: $id) { id moderationStatus commentCount } }`;

async function report(targetId: string, handle: string, reason = "SPAM", details?: string) {
  return ok(
    await api.gql(
      REPORT,
      { input: { targetId, reason, details } },
      { user: await api.token(handle, ["BUYER"]) },
    ),
  ).contentReport;
}

async function caseOf(targetId: string): Promise<{ id: string; status: string; reportCount: number }> {
  const statuses = ["OPEN", "HIDDEN", "DISMISSED", "RESTORED"];
  for (const status of statuses) {
    const edges = ok(await api.gql(QUEUE, { status }, admin)).moderationQueue.edges as {
      node: {
        id: string;
        status: string;
        reportCount: number;
        post: { id: string } | null;
        comment: { id: string } | null;
        review: { id: string } | null;
        product: { id: string } | null;
        liveSession: { id: string } | null;
      };
    }[];
    const found = edges.find((e) =>
      [
        e.node.post?.id,
        e.node.comment?.id,
        e.node.review?.id,
        e.node.product?.id,
        e.node.liveSession?.id,
      ].includes(targetId),
    );
    if (found) return found.node;
  }
  throw new Error(`no case for ${targetId}`);
}

async function resolve(caseId: string, action: string, note?: string) {
  return ok(await api.gql(RESOLVE, { input: { caseId, action, note } }, admin)).moderationResolve;
}

describe("contentReport", () => {
  it("refuses what the caller cannot see, what is not reportable and a second report, writing nothing", async () => {
    const hidden = await commerce.postWithTag(product.dbId, "PRIVATE");
    const open = await commerce.postWithTag(product.dbId);
    const before = await api.db.prisma.contentReport.count();
    expect((await report(gid("Post", randomUUID()), "rep-a")).userErrors).toEqual([
      { code: "NOT_FOUND", field: ["targetId"], message: expect.any(String) },
    ]);
    expect((await report(hidden.postId, "rep-a")).userErrors[0].code).toBe("NOT_FOUND");
    const variant = gid("ProductVariant", firstVariant(product).dbId);
    expect((await report(variant, "rep-a")).userErrors[0]).toMatchObject({
      code: "INVALID_ID",
      field: ["targetId"],
    });
    expect((await report(open.postId, "rep-a", "SPAM", "x".repeat(1001))).userErrors[0]).toMatchObject({
      code: "TOO_LONG",
      field: ["details"],
    });
    expect(await api.db.prisma.contentReport.count()).toBe(before);
    expect((await report(open.postId, "rep-a", "SCAM", "Fake giveaway")).userErrors).toEqual([]);
    expect((await report(open.postId, "rep-a", "SPAM")).userErrors[0].code).toBe("ALREADY_REPORTED");
    expect(await api.db.prisma.contentReport.count()).toBe(before + 1);
    const anonymous = await api.gql(REPORT, { input: { targetId: open.postId, reason: "SPAM" } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("counts concurrent reports of one post by many users once each, in one case", async () => {
    const post = await commerce.postWithTag(product.dbId);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => report(post.postId, `rep-many-${i}`, "HATE")),
    );
    expect(results.flatMap((r) => r.userErrors)).toEqual([]);
    const c = await caseOf(post.postId);
    expect(c).toMatchObject({ status: "OPEN", reportCount: 12 });
    expect(await api.db.prisma.moderationCase.count({ where: { targetId: post.postDbId } })).toBe(1);
  });
});

describe("moderationQueue and moderationResolve", () => {
  it("are the platform's: FORBIDDEN for a merchant and a buyer; a case is no node of theirs", async () => {
    const post = await commerce.postWithTag(product.dbId);
    await report(post.postId, "rep-q");
    const c = await caseOf(post.postId);
    for (const as of [commerce.asMerchant, { user: await api.token("rep-q", ["BUYER"]) }]) {
      expect((await api.gql(QUEUE, {}, as)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(
        (await api.gql(RESOLVE, { input: { caseId: c.id, action: "HIDE" } }, as)).errors?.[0]?.extensions
          ?.code,
      ).toBe("FORBIDDEN");
      expect(ok(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: c.id }, as)).node).toBeNull();
    }
    expect((await caseOf(post.postId)).status).toBe("OPEN");
  });

  it("hides a post from every reader but its author at once (a cached answer and a live subscription too), then restores it", async () => {
    const post = await commerce.postWithTag(product.dbId);
    await report(post.postId, "rep-h1", "NUDITY", "Explicit");
    await report(post.postId, "rep-h2", "NUDITY");
    // Cached for anonymous shoppers, and watched live.
    expect(ok(await api.gql(POST, { id: post.postId })).post).toMatchObject({ id: post.postId });
    expect(ok(await api.gql(POST, { id: post.postId })).post).toMatchObject({ id: post.postId });
    const stream = await sseSubscribe(
      url,
      { "x-shoppable-key": api.keys.publishable },
      `subscription($postId: ID!) { postEngagement(postId: $postId) { likeCount } }`,
      { postId: post.postId },
    );
    await subscribed(api.server.events, "postEngagement", post.postId);

    const c = await caseOf(post.postId);
    const hidden = await resolve(c.id, "HIDE", "Nudity policy");
    expect(hidden).toEqual({
      case: {
        id: c.id,
        status: "HIDDEN",
        reportCount: 2,
        decidedAt: expect.any(String),
        note: "Nudity policy",
      },
      userErrors: [],
    });
    const ended = await stream.next();
    expect(ended.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await stream.close();
    expect(ok(await api.gql(POST, { id: post.postId })).post).toBeNull();
    const stranger = { user: await api.token("rep-h1", ["BUYER"]) };
    expect(ok(await api.gql(POST, { id: post.postId }, stranger)).post).toBeNull();
    const authorList = `query($id: ID!) { node(id: $id) { ... on User { posts(first: 50) { edges { node { id } } } } } }`;
    const authorId = gid("User", (await commerce.user("author-commerce")).id);
    const listed = async (as: CallAs) =>
      ok(await api.gql(authorList, { id: authorId }, as)).node.posts.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await listed({})).not.toContain(post.postId);
    // Its author sees it, with its status; so does the platform.
    expect(ok(await api.gql(POST, { id: post.postId }, creator)).post).toMatchObject({
      moderationStatus: "HIDDEN",
    });
    expect(await listed(creator)).toContain(post.postId);
    expect(ok(await api.gql(POST, { id: post.postId }, admin)).post).toMatchObject({
      moderationStatus: "HIDDEN",
    });
    // Nobody may engage with it meanwhile.
    const like = ok(
      await api.gql(
        `mutation($input: PostLikeInput!) { postLike(input: $input) { ${USER_ERRORS} } }`,
        { input: { postId: post.postId } },
        stranger,
      ),
    ).postLike;
    expect(like.userErrors[0].code).toBe("NOT_FOUND");
    // A webhook for the platform.
    const event = await api.db.prisma.webhookEvent.findFirst({
      where: { topic: "CONTENT_MODERATED" },
      orderBy: { createdAt: "desc" },
    });
    expect(event?.payload).toMatchObject({
      caseId: c.id,
      targetId: post.postId,
      action: "HIDE",
      status: "HIDDEN",
    });

    expect((await resolve(c.id, "HIDE")).userErrors[0].code).toBe("INVALID_TRANSITION");
    expect((await resolve(c.id, "DISMISS")).userErrors[0].code).toBe("INVALID_TRANSITION");
    expect((await resolve(c.id, "RESTORE")).case.status).toBe("RESTORED");
    expect(ok(await api.gql(POST, { id: post.postId })).post).toMatchObject({ moderationStatus: "VISIBLE" });
    expect(await listed({})).toContain(post.postId);
    // A new report opens the case again.
    await report(post.postId, "rep-h3");
    expect(await caseOf(post.postId)).toMatchObject({ status: "OPEN", reportCount: 3 });
  });

  it("hides a comment: off the post's list and count for others, shown to its author as HIDDEN; restore counts it again", async () => {
    const post = await commerce.postWithTag(product.dbId);
    const writer = { user: await api.token("rep-writer", ["BUYER"]) };
    const comment = ok(
      await api.gql(
        `mutation($input: PostCommentCreateInput!) { postCommentCreate(input: $input) { postComment { id } ${USER_ERRORS} } }`,
        { input: { postId: post.postId, body: "Buy followers at spam.example" } },
        writer,
      ),
    ).postCommentCreate.postComment.id as string;
    await report(comment, "rep-c1");
    const COMMENTS = `query($id: ID!) { post(id: $id) { commentCount comments(first: 10) { totalCount edges { node { id moderationStatus } } } } }`;
    const c = await caseOf(comment);
    expect(c.status).toBe("OPEN");
    expect((await resolve(c.id, "HIDE")).userErrors).toEqual([]);
    expect(ok(await api.gql(COMMENTS, { id: post.postId })).post).toEqual({
      commentCount: 0,
      comments: { totalCount: 0, edges: [] },
    });
    expect(ok(await api.gql(COMMENTS, { id: post.postId }, writer)).post.comments.edges).toEqual([
      { node: { id: comment, moderationStatus: "HIDDEN" } },
    ]);
    expect(ok(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: comment })).node).toBeNull();
    expect((await resolve(c.id, "RESTORE")).userErrors).toEqual([]);
    expect(ok(await api.gql(COMMENTS, { id: post.postId })).post).toMatchObject({
      commentCount: 1,
      comments: { totalCount: 1 },
    });
  });

  it("hides a review: out of the list and the rating; restore puts it back; dismissing leaves it", async () => {
    const buyer = { user: await api.token("rep-reviewer", ["BUYER"]) };
    const cartId = await commerce.cart([{ variantId: firstVariant(product).id, quantity: 1 }], buyer);
    ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        buyer,
      ),
    );
    const review = ok(
      await api.gql(
        `mutation($input: ProductReviewCreateInput!) { productReviewCreate(input: $input) { productReview { id } ${USER_ERRORS} } }`,
        { input: { productId: product.id, rating: 1, body: "Competitor bashing" } },
        buyer,
      ),
    ).productReviewCreate.productReview.id as string;
    const RATING = `query($id: ID!) { product(id: $id) { rating { average count } reviews(first: 10) { totalCount } } }`;
    const before = ok(await api.gql(RATING, { id: product.id })).product;
    await report(review, "rep-r1", "HARASSMENT");
    const c = await caseOf(review);
    expect((await resolve(c.id, "HIDE")).userErrors).toEqual([]);
    const after = ok(await api.gql(RATING, { id: product.id })).product;
    expect(after.rating.count).toBe(before.rating.count - 1);
    expect(after.reviews.totalCount).toBe(before.reviews.totalCount - 1);
    expect((await resolve(c.id, "RESTORE")).userErrors).toEqual([]);
    expect(ok(await api.gql(RATING, { id: product.id })).product).toEqual(before);

    const other = await commerce.postWithTag(product.dbId);
    await report(other.postId, "rep-d1");
    const dismissed = await resolve((await caseOf(other.postId)).id, "DISMISS", "Not spam");
    expect(dismissed.case.status).toBe("DISMISSED");
    expect(ok(await api.gql(POST, { id: other.postId })).post).toMatchObject({ moderationStatus: "VISIBLE" });
  });
});

describe("products and live sessions", () => {
  it("hides a product: off its lookup, lists and subscriptions, not for sale; its merchants see it as HIDDEN; restore", async () => {
    const shop = await commerce.shop("EUR");
    const fake = await commerce.product(shop.id, ["5.00"], 10, "Counterfeit watch");
    // A cached list is dropped by the objects it holds: this one keeps a product when the other is hidden.
    await commerce.product(shop.id, ["9.00"], 10, "Real watch");
    const PRODUCT = `query($id: ID!) { product(id: $id) { id moderationStatus availableForSale } }`;
    const LIST = `query($shopId: ID!) { products(first: 50, filter: { shopId: $shopId }) { edges { node { id } } } }`;
    const listed = async (as: CallAs = {}) =>
      ok(await api.gql(LIST, { shopId: shop.id }, as)).products.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(ok(await api.gql(PRODUCT, { id: fake.id })).product).toMatchObject({ id: fake.id });
    expect(await listed()).toContain(fake.id);
    const stream = await sseSubscribe(
      url,
      { "x-shoppable-key": api.keys.publishable },
      `subscription($productId: ID!) { inventoryChanged(productId: $productId) { refetch } }`,
      { productId: fake.id },
    );
    await subscribed(api.server.events, "inventoryChanged", fake.id);
    expect((await report(fake.id, "rep-p1", "COUNTERFEIT")).userErrors).toEqual([]);
    expect((await resolve((await caseOf(fake.id)).id, "HIDE")).userErrors).toEqual([]);

    expect((await stream.next()).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await stream.close();
    expect(ok(await api.gql(PRODUCT, { id: fake.id })).product).toBeNull();
    expect(await listed()).not.toContain(fake.id);
    expect(ok(await api.gql(PRODUCT, { id: fake.id }, commerce.asMerchant)).product).toMatchObject({
      moderationStatus: "HIDDEN",
      availableForSale: false,
    });
    expect(await listed(commerce.asMerchant)).toContain(fake.id);
    const cart = ok(
      await api.gql(`mutation($input: CartCreateInput) { cartCreate(input: $input) { ${USER_ERRORS} } }`, {
        input: { lines: [{ variantId: firstVariant(fake).id, quantity: 1 }] },
      }),
    ).cartCreate;
    expect(cart.userErrors[0]).toMatchObject({ code: "PRODUCT_UNAVAILABLE" });
    // Nobody reviews what they cannot see (not even to learn they are no buyer of it).
    const review = ok(
      await api.gql(
        `mutation($input: ProductReviewCreateInput!) { productReviewCreate(input: $input) { ${USER_ERRORS} } }`,
        { input: { productId: fake.id, rating: 1 } },
        { user: await api.token("rep-p2", ["BUYER"]) },
      ),
    ).productReviewCreate;
    expect(review.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["productId"] });

    expect((await resolve((await caseOf(fake.id)).id, "RESTORE")).userErrors).toEqual([]);
    expect(ok(await api.gql(PRODUCT, { id: fake.id })).product).toMatchObject({
      moderationStatus: "VISIBLE",
    });
    expect(await listed()).toContain(fake.id);
  });

  it("hides a live session: off its lookup and list, not joinable, its subscription ends; its host sees it as HIDDEN", async () => {
    const session = await commerce.liveSession(product.dbId, null);
    await commerce.liveSession(product.dbId, null);
    const SESSION = `query($id: ID!) { liveSession(id: $id) { id moderationStatus } }`;
    const LIST = `{ liveSessions(status: LIVE, first: 100) { edges { node { id } } } }`;
    const listed = async () =>
      ok(await api.gql(LIST)).liveSessions.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await listed()).toContain(session.id);
    const stream = await sseSubscribe(
      url,
      { "x-shoppable-key": api.keys.publishable },
      `subscription($id: ID!) { liveSessionEvents(liveSessionId: $id) { kind } }`,
      { id: session.id },
    );
    await subscribed(api.server.events, "liveSessionEvents", session.id);
    expect((await report(session.id, "rep-l1", "VIOLENCE")).userErrors).toEqual([]);
    expect((await resolve((await caseOf(session.id)).id, "HIDE")).userErrors).toEqual([]);

    expect((await stream.next()).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await stream.close();
    expect(ok(await api.gql(SESSION, { id: session.id })).liveSession).toBeNull();
    expect(await listed()).not.toContain(session.id);
    const viewer = { user: await api.token("rep-viewer", ["BUYER"]) };
    const join = ok(
      await api.gql(
        `mutation($input: LiveSessionJoinInput!) { liveSessionJoin(input: $input) { ${USER_ERRORS} } }`,
        { input: { liveSessionId: session.id } },
        viewer,
      ),
    ).liveSessionJoin;
    expect(join.userErrors[0].code).toBe("NOT_FOUND");
    const resubscribe = await sseSubscribe(
      url,
      { "x-shoppable-key": api.keys.publishable },
      `subscription($id: ID!) { liveSessionEvents(liveSessionId: $id) { kind } }`,
      { id: session.id },
    );
    expect((await resubscribe.next()).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await resubscribe.close();
    const host = { user: await api.token("host-commerce", ["BUYER", "CREATOR"]) };
    expect(ok(await api.gql(SESSION, { id: session.id }, host)).liveSession).toEqual({
      id: session.id,
      moderationStatus: "HIDDEN",
    });
    expect((await resolve((await caseOf(session.id)).id, "RESTORE")).userErrors).toEqual([]);
    expect(await listed()).toContain(session.id);
  });
});
