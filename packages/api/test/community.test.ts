// Reviews and comments: productReviewCreate (verified buyers only, once per order line, rating
// 1–5), productReviewReply (the shop's merchants), Product.rating and Product.reviews;
// postCommentCreate and postCommentDelete with Post.commentCount, Post.comments, product
// mentions, the per-user comment rate and the postEngagement event; what export and erasure do
// with both. Orders are real checkouts. The concurrency test proves its guarantee when run on
// PostgreSQL (DATABASE_URL set).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, firstVariant, gid, USER_ERRORS, type Product } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";
import { sseSubscribe, subscribed } from "./realtime.ts";

let api: TestApi;
let commerce: Commerce;
let shop: { id: string; dbId: string };
let url: string;

beforeAll(async () => {
  api = await startTestApi({ WEBHOOKS_DISPATCH: "0" });
  commerce = await Commerce.start(api);
  shop = await commerce.shop("EUR");
  url = (await api.server.listen(0, "127.0.0.1")).url;
});
afterAll(() => api?.close());

const REVIEW_FIELDS = `id rating title body variantTitle media { url } author { handle } reply { body } product { id }`;
const REVIEW = `mutation($input: ProductReviewCreateInput!) {
  productReviewCreate(input: $input) { productReview { ${REVIEW_FIELDS} } ${USER_ERRORS} }
}`;
const REPLY = `mutation($input: ProductReviewReplyInput!) {
  productReviewReply(input: $input) { productReview { ${REVIEW_FIELDS} } ${USER_ERRORS} }
}`;
const PRODUCT_REVIEWS = `query($id: ID!, $rating: Int) { node(id: $id) { ... on Product {
  rating { average count }
  reviews(first: 10, rating: $rating) { totalCount edges { node { id rating body author { handle } } } }
} } }`;

/** A signed-in buyer (`handle`) as CallAs. */
async function buyer(handle: string): Promise<CallAs> {
  return { user: await api.token(handle, ["BUYER"]) };
}

/** A PAID order of one unit of each product, bought by `as`; returns the order's line ids by product. */
async function paidOrder(as: CallAs, products: Product[]): Promise<{ id: string; lines: string[] }> {
  const cartId = await commerce.cart(
    products.map((p) => ({ variantId: firstVariant(p).id, quantity: 1 })),
    as,
  );
  const res = ok(
    await api.gql(
      CHECKOUT,
      { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
      as,
    ),
  ).checkoutComplete;
  expect(res.userErrors).toEqual([]);
  const order = ok(
    await api.gql(
      `query($id: ID!) { order(id: $id) { id lines { id productId } } }`,
      { id: res.order.id },
      as,
    ),
  ).order;
  return {
    id: order.id,
    lines: products.map((p) => order.lines.find((l: { productId: string }) => l.productId === p.id).id),
  };
}

async function reviewCount() {
  return api.db.prisma.productReview.count();
}

describe("productReviewCreate", () => {
  it("lets a buyer of a paid order review the product once per line; the rating and the list follow", async () => {
    const product = await commerce.product(shop.id, ["25.00"], 10, "Linen shirt");
    const ana = await buyer("review-ana");
    const order = await paidOrder(ana, [product]);
    const { productReviewCreate } = ok(
      await api.gql(
        REVIEW,
        {
          input: {
            productId: product.id,
            rating: 4,
            title: " Soft ",
            body: "Soft and true to size.",
            mediaUrls: ["https://cdn.example.com/r/1.jpg"],
          },
        },
        ana,
      ),
    );
    expect(productReviewCreate.userErrors).toEqual([]);
    expect(productReviewCreate.productReview).toMatchObject({
      rating: 4,
      title: "Soft",
      body: "Soft and true to size.",
      media: [{ url: "https://cdn.example.com/r/1.jpg" }],
      author: { handle: expect.any(String) },
      reply: null,
      product: { id: product.id },
    });
    // The line shows its review, so an app knows not to offer another.
    const line = ok(
      await api.gql(
        `query($id: ID!) { order(id: $id) { lines { review { id rating } } } }`,
        { id: order.id },
        ana,
      ),
    ).order.lines[0];
    expect(line.review).toEqual({ id: productReviewCreate.productReview.id, rating: 4 });

    const ben = await buyer("review-ben");
    await paidOrder(ben, [product]);
    ok(await api.gql(REVIEW, { input: { productId: product.id, rating: 1, body: "Shrank." } }, ben));
    const { node } = ok(await api.gql(PRODUCT_REVIEWS, { id: product.id }));
    expect(node.rating).toEqual({ average: 2.5, count: 2 });
    expect(node.reviews.totalCount).toBe(2);
    expect(node.reviews.edges.map((e: { node: { rating: number } }) => e.node.rating)).toEqual([1, 4]);
    const ones = ok(await api.gql(PRODUCT_REVIEWS, { id: product.id, rating: 1 })).node.reviews;
    expect(ones.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual(["Shrank."]);

    // The same buyer again: their only line has its review.
    const again = ok(await api.gql(REVIEW, { input: { productId: product.id, rating: 5 } }, ana));
    expect(again.productReviewCreate).toEqual({
      productReview: null,
      userErrors: [{ code: "ALREADY_REVIEWED", field: ["productId"], message: expect.any(String) }],
    });
    const named = ok(
      await api.gql(
        REVIEW,
        { input: { productId: product.id, orderLineId: order.lines[0], rating: 5 } },
        ana,
      ),
    );
    expect(named.productReviewCreate.userErrors).toEqual([
      { code: "ALREADY_REVIEWED", field: ["orderLineId"], message: expect.any(String) },
    ]);
    // A second order is a second line: it may be reviewed too.
    await paidOrder(ana, [product]);
    expect(
      ok(await api.gql(REVIEW, { input: { productId: product.id, rating: 5 } }, ana)).productReviewCreate
        .userErrors,
    ).toEqual([]);
    expect(ok(await api.gql(PRODUCT_REVIEWS, { id: product.id })).node.rating).toEqual({
      average: 3.33,
      count: 3,
    });
  });

  it("refuses non-buyers, unpaid and wholly refunded lines, another's line and a rating of 6, writing nothing", async () => {
    const product = await commerce.product(shop.id, ["9.00"], 10, "Cap");
    const other = await commerce.product(shop.id, ["9.00"], 10, "Scarf");
    const carl = await buyer("review-carl");
    const dora = await buyer("review-dora");
    const before = await reviewCount();
    const code = async (input: Record<string, unknown>, as: CallAs) =>
      ok(await api.gql(REVIEW, { input: { productId: product.id, rating: 5, ...input } }, as))
        .productReviewCreate;

    // Never bought it (a buyer of another product of the shop is no buyer of this one).
    await paidOrder(carl, [other]);
    expect((await code({}, carl)).userErrors).toEqual([
      { code: "NOT_A_BUYER", field: ["productId"], message: expect.any(String) },
    ]);
    // An order awaiting its payment (PENDING), and a cancelled one: not paid for.
    for (const status of ["PENDING", "CANCELLED"] as const) {
      const unpaid = await paidOrder(carl, [product]);
      await api.db.prisma.order.update({ where: { id: dbId(unpaid.id) }, data: { status } });
      expect((await code({}, carl)).userErrors[0].code).toBe("NOT_A_BUYER");
      await api.db.prisma.order.update({ where: { id: dbId(unpaid.id) }, data: { status: "REFUNDED" } });
    }
    // Bought and then refunded in full.
    const refunded = await paidOrder(carl, [product]);
    const refund = ok(
      await api.gql(
        `mutation($input: OrderRefundInput!) { orderRefund(input: $input) { ${USER_ERRORS} } }`,
        { input: { id: refunded.id } },
        commerce.asMerchant,
      ),
    ).orderRefund;
    expect(refund.userErrors).toEqual([]);
    expect((await code({}, carl)).userErrors[0].code).toBe("NOT_A_BUYER");
    // Another buyer's line.
    const doras = await paidOrder(dora, [product]);
    expect((await code({ orderLineId: doras.lines[0] }, carl)).userErrors).toEqual([
      { code: "NOT_A_BUYER", field: ["orderLineId"], message: expect.any(String) },
    ]);
    // Bad input, from a buyer who may review.
    expect((await code({ rating: 6 }, dora)).userErrors).toEqual([
      { code: "GREATER_THAN_MAXIMUM", field: ["rating"], message: expect.any(String) },
    ]);
    expect((await code({ rating: 0 }, dora)).userErrors[0]).toMatchObject({
      code: "LESS_THAN_MINIMUM",
      field: ["rating"],
    });
    expect((await code({ mediaUrls: ["javascript:alert(1)"] }, dora)).userErrors[0]).toMatchObject({
      field: ["mediaUrls", "0"],
    });
    expect((await code({ productId: gid("Product", randomUUID()) }, dora)).userErrors[0].code).toBe(
      "NOT_FOUND",
    );
    expect(await reviewCount()).toBe(before);
    expect(
      await api.db.prisma.product.findUniqueOrThrow({
        where: { id: product.dbId },
        select: { ratingSum: true, ratingCount: true },
      }),
    ).toEqual({ ratingSum: 0, ratingCount: 0 });
    // Without a user token: not a buyer of anything.
    const anonymous = await api.gql(REVIEW, { input: { productId: product.id, rating: 5 } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("writes one review when the same line is reviewed twice at once, counted once in the rating", async () => {
    const product = await commerce.product(shop.id, ["12.00"], 10, "Mug");
    const eve = await buyer("review-eve");
    const order = await paidOrder(eve, [product]);
    const results = await Promise.all(
      [5, 3, 4, 2].map((rating) =>
        api.gql(REVIEW, { input: { productId: product.id, orderLineId: order.lines[0], rating } }, eve),
      ),
    );
    const payloads = results.map((r) => ok(r).productReviewCreate);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.flatMap((p) => p.userErrors.map((e: { code: string }) => e.code))).toEqual([
      "ALREADY_REVIEWED",
      "ALREADY_REVIEWED",
      "ALREADY_REVIEWED",
    ]);
    const written = payloads.find((p) => p.userErrors.length === 0).productReview.rating;
    expect(
      await api.db.prisma.product.findUniqueOrThrow({
        where: { id: product.dbId },
        select: { ratingSum: true, ratingCount: true },
      }),
    ).toEqual({ ratingSum: written, ratingCount: 1 });
  });

  it("lets the shop's merchants reply, and nobody else", async () => {
    const product = await commerce.product(shop.id, ["30.00"], 10, "Tote");
    const fay = await buyer("review-fay");
    await paidOrder(fay, [product]);
    const review = ok(
      await api.gql(REVIEW, { input: { productId: product.id, rating: 2, body: "Torn strap." } }, fay),
    ).productReviewCreate.productReview;
    const reply = (body: string, as: CallAs) => api.gql(REPLY, { input: { reviewId: review.id, body } }, as);
    expect((await reply("Sorry!", fay)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const stranger = { key: "secret" as const, user: await api.token("review-other-merchant", ["MERCHANT"]) };
    expect((await reply("Sorry!", stranger)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(ok(await reply("  ", commerce.asMerchant)).productReviewReply.userErrors[0]).toMatchObject({
      code: "BLANK",
      field: ["body"],
    });
    const answered = ok(await reply("We are sending a new one.", commerce.asMerchant)).productReviewReply;
    expect(answered.userErrors).toEqual([]);
    expect(answered.productReview.reply).toEqual({ body: "We are sending a new one." });
  });
});

const COMMENT = `mutation($input: PostCommentCreateInput!) {
  postCommentCreate(input: $input) {
    postComment { id body author { handle } products { id title } post { id commentCount } }
    ${USER_ERRORS}
  }
}`;
const DELETE = `mutation($input: PostCommentDeleteInput!) {
  postCommentDelete(input: $input) { deletedCommentId post { commentCount } ${USER_ERRORS} }
}`;
const POST_COMMENTS = `query($id: ID!) { post(id: $id) {
  commentCount comments(first: 50) { totalCount edges { node { id body products { title } author { handle } } } }
} }`;

describe("postCommentCreate and postCommentDelete", () => {
  let product: Product;
  let post: { postId: string; postDbId: string };

  beforeAll(async () => {
    product = await commerce.product(shop.id, ["15.00"], 10, "Beanie");
    post = await commerce.postWithTag(product.dbId);
  });

  it("comments with product mentions, counts them, lists them newest first and sends a postEngagement event", async () => {
    const gus = await buyer("comment-gus");
    const stream = await sseSubscribe(
      url,
      { "x-shoppable-key": api.keys.publishable },
      `subscription($postId: ID!) { postEngagement(postId: $postId) { commentCount likeCount } }`,
      { postId: post.postId },
    );
    await subscribed(api.server.events, "postEngagement", post.postId);
    const first = ok(
      await api.gql(
        COMMENT,
        { input: { postId: post.postId, body: "Where is this from?", productIds: [product.id, product.id] } },
        gus,
      ),
    ).postCommentCreate;
    expect(first.userErrors).toEqual([]);
    expect(first.postComment).toMatchObject({
      body: "Where is this from?",
      products: [{ id: product.id, title: "Beanie" }],
      post: { id: post.postId, commentCount: 1 },
    });
    expect((await stream.next()).data).toEqual({ postEngagement: { commentCount: 1, likeCount: 0 } });
    await stream.close();
    ok(await api.gql(COMMENT, { input: { postId: post.postId, body: "Love it" } }, gus));
    const { post: read } = ok(await api.gql(POST_COMMENTS, { id: post.postId }));
    expect(read.commentCount).toBe(2);
    expect(read.comments.totalCount).toBe(2);
    expect(read.comments.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual([
      "Love it",
      "Where is this from?",
    ]);
  });

  it("refuses an empty comment, a post the caller cannot see or that was deleted, and an inactive product, writing nothing", async () => {
    const hal = await buyer("comment-hal");
    const privatePost = await commerce.postWithTag(product.dbId, "PRIVATE");
    const deletedPost = await commerce.postWithTag(product.dbId);
    await api.db.prisma.post.update({ where: { id: deletedPost.postDbId }, data: { deletedAt: new Date() } });
    const draft = await commerce.product(shop.id, ["1.00"], 1, "Draft");
    await api.db.prisma.product.update({ where: { id: draft.dbId }, data: { status: "DRAFT" } });
    const before = await api.db.prisma.postComment.count();
    const errors = async (input: Record<string, unknown>) =>
      ok(await api.gql(COMMENT, { input: { postId: post.postId, body: "Nice", ...input } }, hal))
        .postCommentCreate.userErrors;
    expect(await errors({ body: "   " })).toEqual([
      { code: "BLANK", field: ["body"], message: expect.any(String) },
    ]);
    expect((await errors({ body: "x".repeat(1001) }))[0]).toMatchObject({
      code: "TOO_LONG",
      field: ["body"],
    });
    expect((await errors({ postId: privatePost.postId }))[0]).toMatchObject({
      code: "NOT_FOUND",
      field: ["postId"],
    });
    expect((await errors({ postId: deletedPost.postId }))[0]).toMatchObject({ code: "POST_DELETED" });
    expect((await errors({ productIds: [product.id, draft.id] }))[0]).toMatchObject({
      code: "PRODUCT_NOT_AVAILABLE",
      field: ["productIds", "1"],
    });
    expect((await errors({ postId: product.id }))[0]).toMatchObject({
      code: "INVALID_ID",
      field: ["postId"],
    });
    expect(await api.db.prisma.postComment.count()).toBe(before);
    const anonymous = await api.gql(COMMENT, { input: { postId: post.postId, body: "Hi" } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("is deleted by its author, the post's author or the platform, not by others; the count follows", async () => {
    const ivy = await buyer("comment-ivy");
    const create = async () =>
      ok(await api.gql(COMMENT, { input: { postId: post.postId, body: "Mine" } }, ivy)).postCommentCreate
        .postComment.id as string;
    const count = async () =>
      (await api.db.prisma.post.findUniqueOrThrow({ where: { id: post.postDbId } })).commentCount;
    const remove = (id: string, as: CallAs) => api.gql(DELETE, { input: { id } }, as);

    const a = await create();
    const before = await count();
    const stranger = await buyer("comment-stranger");
    expect((await remove(a, stranger)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await count()).toBe(before);
    const byAuthor = ok(await remove(a, ivy)).postCommentDelete;
    expect(byAuthor).toEqual({ deletedCommentId: a, post: { commentCount: before - 1 }, userErrors: [] });
    expect(ok(await remove(a, ivy)).postCommentDelete.userErrors[0]).toMatchObject({ code: "NOT_FOUND" });

    const b = await create();
    const postAuthor = { user: await api.token("author-commerce", ["BUYER", "CREATOR"]) };
    expect(ok(await remove(b, postAuthor)).postCommentDelete.userErrors).toEqual([]);
    const c = await create();
    const admin = { key: "secret" as const, user: await api.token("comment-admin", ["ADMIN"]) };
    expect(ok(await remove(c, admin)).postCommentDelete.userErrors).toEqual([]);
    expect(await count()).toBe(before - 1);
    expect(await api.db.prisma.postComment.count({ where: { id: { in: [a, b, c].map(dbId) } } })).toBe(0);
  });

  it(`refuses a user's 11th comment within a minute with RATE_LIMITED and retryAfter, writing nothing`, async () => {
    const jon = await buyer("comment-jon");
    for (let i = 0; i < 10; i++)
      expect(
        ok(await api.gql(COMMENT, { input: { postId: post.postId, body: `#${i}` } }, jon)).postCommentCreate
          .userErrors,
      ).toEqual([]);
    const before = await api.db.prisma.postComment.count();
    const refused = await api.gql(COMMENT, { input: { postId: post.postId, body: "one more" } }, jon);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "RATE_LIMITED",
      retryAfter: expect.any(Number),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await api.db.prisma.postComment.count()).toBe(before);
    // Another user is not held back by this one.
    const kim = await buyer("comment-kim");
    expect(
      ok(await api.gql(COMMENT, { input: { postId: post.postId, body: "me too" } }, kim)).postCommentCreate
        .userErrors,
    ).toEqual([]);
  });

  it("loads a page of 50 comments with their authors and mentioned products in a bounded number of statements", async () => {
    const many = await commerce.postWithTag(product.dbId);
    const other = await commerce.product(shop.id, ["2.00"], 1, "Socks");
    const authors = await Promise.all([0, 1, 2, 3, 4].map((i) => commerce.user(`statements-commenter-${i}`)));
    await api.db.prisma.postComment.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        postId: many.postDbId,
        authorId: authors[i % 5]?.id ?? "",
        body: `c${i}`,
        productIds: i % 2 ? [product.dbId, other.dbId] : [other.dbId],
      })),
    });
    const { result, statements } = await api.db.statementsDuring(() =>
      api.gql(POST_COMMENTS, { id: many.postId }),
    );
    expect(ok(result).post.comments.edges).toHaveLength(50);
    const queries = statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.trim()));
    expect(queries.length, queries.join("\n\n")).toBeLessThanOrEqual(5);
  });
});

describe("privacy", () => {
  it("exports the user's reviews and comments; erasure deletes the comments and anonymises the reviews, keeping the rating", async () => {
    const product = await commerce.product(shop.id, ["40.00"], 10, "Boots");
    const post = await commerce.postWithTag(product.dbId);
    const lea = await buyer("privacy-lea");
    await paidOrder(lea, [product]);
    ok(
      await api.gql(
        REVIEW,
        { input: { productId: product.id, rating: 5, body: "My name is Lea, great boots" } },
        lea,
      ),
    );
    ok(await api.gql(COMMENT, { input: { postId: post.postId, body: "Lea was here" } }, lea));
    const exported = ok(
      await api.gql(
        `mutation { viewerDataExport(input: { sections: ["reviews", "comments"] }) { data } }`,
        {},
        lea,
      ),
    ).viewerDataExport.data;
    expect(exported.reviews).toMatchObject([{ rating: 5, body: "My name is Lea, great boots" }]);
    expect(exported.comments).toMatchObject([{ body: "Lea was here" }]);

    const erased = ok(
      await api.gql(`mutation { viewerErase(input: { confirm: true }) { erasedAt } }`, {}, lea),
    );
    expect(erased.viewerErase.erasedAt).toEqual(expect.any(String));
    const { node } = ok(await api.gql(PRODUCT_REVIEWS, { id: product.id }));
    expect(node.rating).toEqual({ average: 5, count: 1 });
    expect(node.reviews).toEqual({ totalCount: 0, edges: [] });
    const row = await api.db.prisma.productReview.findFirstOrThrow({ where: { productId: product.dbId } });
    expect(row).toMatchObject({ authorId: null, title: "", body: "", mediaUrls: [], rating: 5 });
    expect(row.anonymisedAt).toBeInstanceOf(Date);
    expect(ok(await api.gql(POST_COMMENTS, { id: post.postId })).post).toEqual({
      commentCount: 0,
      comments: { totalCount: 0, edges: [] },
    });
  });
});
