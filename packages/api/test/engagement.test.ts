import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Context } from "@shoppable/schema";
import {
  recordPurchaseThroughPost,
  recordTagAddToCart,
  viewPost,
} from "@shoppable/schema/content/engagement.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentCounts,
  contentWorld,
  createPost,
  person,
  rawId,
  video,
  type ContentWorld,
  type Person,
} from "./content-world.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
let w: ContentWorld;

beforeAll(async () => {
  api = await startTestApi();
  w = await contentWorld(api);
});
afterAll(() => api?.close());

const LIKE = `mutation($input: PostLikeInput!) { postLike(input: $input) { post { id likeCount viewerHasLiked } userErrors { code field message } } }`;
const UNLIKE = `mutation($input: PostUnlikeInput!) { postUnlike(input: $input) { post { id likeCount viewerHasLiked } userErrors { code field message } } }`;
const VIEW = `mutation($input: PostViewInput!) { postView(input: $input) { counted post { viewCount } userErrors { code field message } } }`;
const SHARE = `mutation($input: PostShareInput!) { postShare(input: $input) { post { shareCount } userErrors { code field message } } }`;
const TAP = `mutation($input: ProductTagTapInput!) { productTagTap(input: $input) { productTag { id tapCount } userErrors { code field message } } }`;
const FOLLOW = `mutation($input: UserFollowInput!) { userFollow(input: $input) { user { id followerCount viewerIsFollowing } shop { id followerCount viewerIsFollowing } userErrors { code field message } } }`;
const UNFOLLOW = `mutation($input: UserUnfollowInput!) { userUnfollow(input: $input) { user { id followerCount } shop { id followerCount } userErrors { code field message } } }`;
const NOWHERE = "0190a000-0000-7000-8000-000000000000";

/** `n` users known to the API (created on first sight), made in parallel. */
async function crowd(prefix: string, n: number): Promise<Person[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => person(api, `${prefix}-${i}`, ["BUYER"])));
}

async function post(id: string) {
  return api.db.prisma.post.findUniqueOrThrow({ where: { id: rawId(id) } });
}

async function hourly(id: string) {
  const rows = await api.db.prisma.postEngagementHour.findMany({ where: { postId: rawId(id) } });
  const sum = (k: "views" | "likes" | "shares" | "tagTaps" | "addToCarts" | "purchases") =>
    rows.reduce((t, r) => t + r[k], 0);
  return {
    views: sum("views"),
    likes: sum("likes"),
    shares: sum("shares"),
    tagTaps: sum("tagTaps"),
    addToCarts: sum("addToCarts"),
    purchases: sum("purchases"),
  };
}

function ctxFor(user: Person | null): Context {
  return {
    db: api.db.prisma,
    key: { id: "test", kind: "PUBLISHABLE" },
    user: user && { id: user.id, handle: "x", roles: ["BUYER"] },
    requestId: "test",
    events: api.server.events,
  };
}

describe("postLike and postUnlike under concurrency", () => {
  let fans: Person[];
  beforeAll(async () => {
    fans = await crowd("liker", 200);
  });

  it("counts 200 parallel likes from 200 users exactly: likeCount 200, 200 rows, hourly likes 200", async () => {
    const id = await createPost(api, w.creator.token, {});
    const results = await Promise.all(
      fans.map((f) => api.gql(LIKE, { input: { postId: id } }, { user: f.token })),
    );
    for (const r of results) expect(ok(r).postLike.userErrors).toEqual([]);
    expect((await post(id)).likeCount).toBe(200);
    expect(await api.db.prisma.postLike.count({ where: { postId: rawId(id) } })).toBe(200);
    expect((await hourly(id)).likes).toBe(200);
  });

  it("counts 200 parallel repeated likes from one user once, and is idempotent", async () => {
    const id = await createPost(api, w.creator.token, {});
    const results = await Promise.all(
      Array.from({ length: 200 }, () => api.gql(LIKE, { input: { postId: id } }, { user: w.fan.token })),
    );
    for (const r of results)
      expect(ok(r).postLike).toMatchObject({ post: { viewerHasLiked: true }, userErrors: [] });
    expect((await post(id)).likeCount).toBe(1);
    expect((await hourly(id)).likes).toBe(1);
    const again = ok(await api.gql(LIKE, { input: { postId: id } }, { user: w.fan.token }));
    expect(again.postLike.post).toEqual({ id, likeCount: 1, viewerHasLiked: true });
  });

  it("takes back 200 parallel unlikes from 200 users exactly, and repeated unlikes from one user once", async () => {
    const id = await createPost(api, w.creator.token, {});
    await Promise.all(fans.map((f) => api.gql(LIKE, { input: { postId: id } }, { user: f.token })));
    const results = await Promise.all(
      fans.map((f) => api.gql(UNLIKE, { input: { postId: id } }, { user: f.token })),
    );
    for (const r of results) expect(ok(r).postUnlike.userErrors).toEqual([]);
    expect((await post(id)).likeCount).toBe(0);
    expect(await api.db.prisma.postLike.count({ where: { postId: rawId(id) } })).toBe(0);
    expect((await hourly(id)).likes).toBe(0);

    await api.gql(LIKE, { input: { postId: id } }, { user: w.fan.token });
    await api.gql(LIKE, { input: { postId: id } }, { user: w.buyer.token });
    const repeated = await Promise.all(
      Array.from({ length: 200 }, () => api.gql(UNLIKE, { input: { postId: id } }, { user: w.fan.token })),
    );
    for (const r of repeated) expect(ok(r).postUnlike.post.viewerHasLiked).toBe(false);
    expect((await post(id)).likeCount).toBe(1);
    expect((await hourly(id)).likes).toBe(1);
  });

  it("answers liking a deleted post with POST_DELETED and writes nothing", async () => {
    const id = await createPost(api, w.creator.token, {});
    await api.db.prisma.post.update({ where: { id: rawId(id) }, data: { deletedAt: new Date() } });
    const before = await contentCounts(api);
    for (const m of [LIKE, UNLIKE]) {
      const res = ok(await api.gql(m, { input: { postId: id } }, { user: w.fan.token }));
      expect(Object.values(res)[0]).toEqual({
        post: null,
        userErrors: [{ code: "POST_DELETED", field: ["postId"], message: expect.any(String) }],
      });
    }
    expect(await contentCounts(api)).toEqual(before);
  });

  it("answers unknown, invisible and malformed posts with typed errors, and anonymous likes with UNAUTHENTICATED", async () => {
    const hidden = await createPost(api, w.creator.token, { visibility: "PRIVATE" });
    const before = await contentCounts(api);
    const errorOf = async (postId: string) =>
      ok(await api.gql(LIKE, { input: { postId } }, { user: w.fan.token })).postLike.userErrors.map(
        (e: any) => e.code,
      );
    expect(await errorOf(encodeGlobalID("Post", NOWHERE))).toEqual(["NOT_FOUND"]);
    expect(await errorOf(hidden)).toEqual(["NOT_FOUND"]);
    expect(await errorOf("garbage")).toEqual(["INVALID_ID"]);
    expect((await api.gql(LIKE, { input: { postId: hidden } })).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect(await contentCounts(api)).toEqual(before);
  });
});

describe("postView", () => {
  it("counts a viewer once per post per 30 minutes: users by id, anonymous viewers by sessionId", async () => {
    const id = await createPost(api, w.creator.token, {});
    const view = async (input: Record<string, unknown>, as = {}) =>
      ok(await api.gql(VIEW, { input: { postId: id, ...input } }, as)).postView;
    expect(await view({}, { user: w.fan.token })).toEqual({
      counted: true,
      post: { viewCount: 1 },
      userErrors: [],
    });
    expect(await view({}, { user: w.fan.token })).toMatchObject({ counted: false, post: { viewCount: 1 } });
    // With a user token the sessionId is ignored.
    expect(await view({ sessionId: "abc" }, { user: w.fan.token })).toMatchObject({ counted: false });
    expect(await view({ sessionId: "session-1" })).toMatchObject({ counted: true, post: { viewCount: 2 } });
    expect(await view({ sessionId: "session-1" })).toMatchObject({ counted: false });
    expect(await view({ sessionId: "session-2" })).toMatchObject({ counted: true, post: { viewCount: 3 } });
    const parallel = await Promise.all(Array.from({ length: 50 }, () => view({ sessionId: "session-3" })));
    expect(parallel.filter((v) => v.counted)).toHaveLength(1);
    expect((await post(id)).viewCount).toBe(4);
    expect((await hourly(id)).views).toBe(4);
  });

  it("counts the same viewer again in the next 30-minute bucket", async () => {
    const id = rawId(await createPost(api, w.creator.token, {}));
    const at = new Date("2026-05-01T10:10:00Z");
    const ctx = ctxFor(w.fan);
    expect((await viewPost(ctx, { postId: id }, at)).counted).toBe(true);
    expect((await viewPost(ctx, { postId: id }, new Date("2026-05-01T10:29:59Z"))).counted).toBe(false);
    expect((await viewPost(ctx, { postId: id }, new Date("2026-05-01T10:30:00Z"))).counted).toBe(true);
    expect((await viewPost(ctx, { postId: id }, new Date("2026-05-01T11:05:00Z"))).counted).toBe(true);
    const rows = await api.db.prisma.postEngagementHour.findMany({
      where: { postId: id },
      orderBy: { hour: "asc" },
    });
    expect(rows.map((r) => [r.hour.toISOString(), r.views])).toEqual([
      ["2026-05-01T10:00:00.000Z", 2],
      ["2026-05-01T11:00:00.000Z", 1],
    ]);
  });

  it("needs a user token or a sessionId (VIEWER_REQUIRED) and refuses deleted posts, writing nothing", async () => {
    const id = await createPost(api, w.creator.token, {});
    const before = await contentCounts(api);
    expect(ok(await api.gql(VIEW, { input: { postId: id } })).postView).toEqual({
      counted: false,
      post: null,
      userErrors: [{ code: "VIEWER_REQUIRED", field: ["sessionId"], message: expect.any(String) }],
    });
    expect(
      ok(await api.gql(VIEW, { input: { postId: id, sessionId: "has spaces" } })).postView.userErrors[0].code,
    ).toBe("INVALID");
    await api.db.prisma.post.update({ where: { id: rawId(id) }, data: { deletedAt: new Date() } });
    expect(
      ok(await api.gql(VIEW, { input: { postId: id, sessionId: "s" } })).postView.userErrors[0].code,
    ).toBe("POST_DELETED");
    expect(await contentCounts(api)).toEqual(before);
  });
});

describe("postShare", () => {
  it("counts every share with its channel, lower-cased, and refuses a malformed channel", async () => {
    const id = await createPost(api, w.creator.token, {});
    expect(
      ok(await api.gql(SHARE, { input: { postId: id, channel: "WhatsApp" } }, { user: w.fan.token }))
        .postShare,
    ).toEqual({ post: { shareCount: 1 }, userErrors: [] });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        api.gql(SHARE, { input: { postId: id, channel: "copy_link" } }, { user: w.buyer.token }),
      ),
    );
    expect((await post(id)).shareCount).toBe(21);
    expect((await hourly(id)).shares).toBe(21);
    const channels = await api.db.prisma.postShare.groupBy({
      by: ["channel"],
      where: { postId: rawId(id) },
      _count: { _all: true },
    });
    expect(Object.fromEntries(channels.map((c) => [c.channel, c._count._all]))).toEqual({
      whatsapp: 1,
      copy_link: 20,
    });
    const before = await contentCounts(api);
    expect(
      ok(await api.gql(SHARE, { input: { postId: id, channel: "not a channel" } }, { user: w.fan.token }))
        .postShare.userErrors[0],
    ).toMatchObject({ code: "INVALID", field: ["channel"] });
    expect(
      (await api.gql(SHARE, { input: { postId: id, channel: "sms" } })).errors?.[0]?.extensions?.code,
    ).toBe("UNAUTHENTICATED");
    expect(await contentCounts(api)).toEqual(before);
  });
});

describe("userFollow and userUnfollow", () => {
  it("keeps followerCount and followingCount exact with 100 parallel follows, repeats and unfollows", async () => {
    const star = await person(api, "star", ["CREATOR"]);
    const followers = await crowd("follower", 100);
    const res = await Promise.all(
      followers.map((f) => api.gql(FOLLOW, { input: { userId: star.gid } }, { user: f.token })),
    );
    for (const r of res) expect(ok(r).userFollow.userErrors).toEqual([]);
    const repeats = await Promise.all(
      Array.from({ length: 100 }, () =>
        api.gql(FOLLOW, { input: { userId: star.gid } }, { user: followers[0]!.token }),
      ),
    );
    for (const r of repeats) expect(ok(r).userFollow.user.viewerIsFollowing).toBe(true);
    const count = async (p: Person) =>
      api.db.prisma.user.findUniqueOrThrow({
        where: { id: p.id },
        select: { followerCount: true, followingCount: true },
      });
    expect(await count(star)).toEqual({ followerCount: 100, followingCount: 0 });
    expect(await count(followers[0]!)).toEqual({ followerCount: 0, followingCount: 1 });

    await Promise.all(
      followers
        .slice(0, 60)
        .flatMap((f) =>
          [f, f].map(() => api.gql(UNFOLLOW, { input: { userId: star.gid } }, { user: f.token })),
        ),
    );
    expect(await count(star)).toEqual({ followerCount: 40, followingCount: 0 });
    expect(await count(followers[0]!)).toEqual({ followerCount: 0, followingCount: 0 });
    expect(await api.db.prisma.userFollow.count({ where: { followeeId: star.id } })).toBe(40);
  });

  it("does not deadlock when users follow each other at the same moment", async () => {
    const people = await crowd("mutual", 12);
    const pairs = people.flatMap((a, i) => people.filter((_, j) => j !== i).map((b) => [a, b] as const));
    const res = await Promise.all(
      pairs.map(([a, b]) => api.gql(FOLLOW, { input: { userId: b.gid } }, { user: a.token })),
    );
    for (const r of res) expect(ok(r).userFollow.userErrors).toEqual([]);
    const rows = await api.db.prisma.user.findMany({
      where: { id: { in: people.map((p) => p.id) } },
      select: { followerCount: true, followingCount: true },
    });
    for (const r of rows) expect(r).toEqual({ followerCount: 11, followingCount: 11 });
  });

  it("follows and unfollows shops, counting on the shop and the follower", async () => {
    const fans = await crowd("shopfan", 30);
    await Promise.all(
      fans.flatMap((f) =>
        [1, 2].map(() => api.gql(FOLLOW, { input: { shopId: w.otherShop.gid } }, { user: f.token })),
      ),
    );
    const shop = () =>
      api.db.prisma.shop.findUniqueOrThrow({
        where: { id: w.otherShop.id },
        select: { followerCount: true },
      });
    expect(await shop()).toEqual({ followerCount: 30 });
    const viewed = ok(
      await api.gql(FOLLOW, { input: { shopId: w.otherShop.gid } }, { user: fans[0]!.token }),
    ).userFollow;
    expect(viewed).toMatchObject({
      user: null,
      shop: { followerCount: 30, viewerIsFollowing: true },
      userErrors: [],
    });
    await Promise.all(
      fans
        .slice(0, 10)
        .map((f) => api.gql(UNFOLLOW, { input: { shopId: w.otherShop.gid } }, { user: f.token })),
    );
    expect(await shop()).toEqual({ followerCount: 20 });
    expect((await api.db.prisma.user.findUniqueOrThrow({ where: { id: fans[0]!.id } })).followingCount).toBe(
      0,
    );
    expect((await api.db.prisma.user.findUniqueOrThrow({ where: { id: fans[20]!.id } })).followingCount).toBe(
      1,
    );
  });

  it("answers following oneself, unknown targets and ambiguous input with typed errors, writing nothing", async () => {
    const before = await contentCounts(api);
    const errors = async (input: Record<string, unknown>) =>
      ok(await api.gql(FOLLOW, { input }, { user: w.fan.token })).userFollow.userErrors.map((e: any) => [
        e.code,
        e.field,
      ]);
    expect(await errors({ userId: w.fan.gid })).toEqual([["SELF_FOLLOW", ["userId"]]]);
    expect(await errors({ userId: encodeGlobalID("User", NOWHERE) })).toEqual([["NOT_FOUND", ["userId"]]]);
    expect(await errors({ shopId: encodeGlobalID("Shop", NOWHERE) })).toEqual([["NOT_FOUND", ["shopId"]]]);
    expect(await errors({ userId: w.creator.gid, shopId: w.shop.gid })).toEqual([["INVALID", null]]);
    expect(await errors({})).toEqual([["INVALID", null]]);
    expect(await errors({ userId: w.shop.gid })).toEqual([["INVALID_ID", ["userId"]]]);
    expect((await api.gql(FOLLOW, { input: { userId: w.creator.gid } })).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect(await contentCounts(api)).toEqual(before);
  });
});

describe("product tag taps, add-to-carts and purchases through posts", () => {
  let postId: string;
  let tagId: string;
  beforeAll(async () => {
    postId = await createPost(api, w.merchant.token, {
      shopId: w.shop.gid,
      media: video(),
      productTags: [{ productId: w.tee.gid, x: 0.5, y: 0.5 }],
    });
    tagId = (await api.db.prisma.productTag.findFirstOrThrow({ where: { postId: rawId(postId) } })).id;
  });

  it("counts taps from anyone, shows tapCount to the post's shop staff only", async () => {
    const tag = encodeGlobalID("ProductTag", tagId);
    const taps = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        api.gql(TAP, { input: { productTagId: tag } }, i % 2 ? { user: w.fan.token } : {}),
      ),
    );
    for (const r of taps)
      expect(ok(r).productTagTap).toEqual({ productTag: { id: tag, tapCount: null }, userErrors: [] });
    const staffView = ok(await api.gql(TAP, { input: { productTagId: tag } }, { user: w.merchant.token }))
      .productTagTap.productTag;
    expect(staffView).toEqual({ id: tag, tapCount: 26 });
    expect((await hourly(postId)).tagTaps).toBe(26);
    const product = await api.db.prisma.productEngagementHour.aggregate({
      where: { productId: w.tee.id },
      _sum: { tagTaps: true },
    });
    expect(product._sum.tagTaps).toBe(26);
  });

  it("refuses taps on a deleted post's tag (POST_DELETED) and on unknown tags, writing nothing", async () => {
    const other = await createPost(api, w.creator.token, {
      productTags: [{ productId: w.tee.gid, x: 0.1, y: 0.1 }],
    });
    const tag = (await api.db.prisma.productTag.findFirstOrThrow({ where: { postId: rawId(other) } })).id;
    await api.db.prisma.post.update({ where: { id: rawId(other) }, data: { deletedAt: new Date() } });
    const before = await contentCounts(api);
    const codeOf = async (productTagId: string) =>
      ok(await api.gql(TAP, { input: { productTagId } })).productTagTap.userErrors.map((e: any) => e.code);
    expect(await codeOf(encodeGlobalID("ProductTag", tag))).toEqual(["POST_DELETED"]);
    expect(await codeOf(encodeGlobalID("ProductTag", NOWHERE))).toEqual(["NOT_FOUND"]);
    expect(await codeOf(postId)).toEqual(["INVALID_ID"]);
    expect(await contentCounts(api)).toEqual(before);
  });

  it("recordTagAddToCart counts in the caller's transaction, and not when it rolls back", async () => {
    const before = (await api.db.prisma.productTag.findUniqueOrThrow({ where: { id: tagId } }))
      .addToCartCount;
    expect(await api.db.prisma.$transaction((tx) => recordTagAddToCart(tx, tagId))).toBe(true);
    await expect(
      api.db.prisma.$transaction(async (tx) => {
        await recordTagAddToCart(tx, tagId);
        throw new Error("checkout failed");
      }),
    ).rejects.toThrow("checkout failed");
    expect(await recordTagAddToCart(api.db.prisma, NOWHERE)).toBe(false);
    expect((await api.db.prisma.productTag.findUniqueOrThrow({ where: { id: tagId } })).addToCartCount).toBe(
      before + 1,
    );
    expect((await hourly(postId)).addToCarts).toBe(before + 1);
    const product = await api.db.prisma.productEngagementHour.aggregate({
      where: { productId: w.tee.id },
      _sum: { addToCarts: true },
    });
    expect(product._sum.addToCarts).toBe(before + 1);
  });

  it("recordPurchaseThroughPost adds units to the post and the hourly aggregates of post and product", async () => {
    const at = new Date("2026-07-04T12:34:00Z");
    await api.db.prisma.$transaction(async (tx) => {
      expect(
        await recordPurchaseThroughPost(tx, { postId: rawId(postId), quantity: 2, productId: w.tee.id }, at),
      ).toBe(true);
      expect(await recordPurchaseThroughPost(tx, { postId: rawId(postId), quantity: 1 }, at)).toBe(true);
    });
    await Promise.all(
      Array.from({ length: 40 }, () =>
        recordPurchaseThroughPost(
          api.db.prisma,
          { postId: rawId(postId), quantity: 1, productId: w.tee.id },
          at,
        ),
      ),
    );
    expect((await post(postId)).purchaseCount).toBe(43);
    const row = await api.db.prisma.postEngagementHour.findUniqueOrThrow({
      where: { postId_hour: { postId: rawId(postId), hour: new Date("2026-07-04T12:00:00Z") } },
    });
    expect(row.purchases).toBe(43);
    const product = await api.db.prisma.productEngagementHour.findUniqueOrThrow({
      where: { productId_hour: { productId: w.tee.id, hour: new Date("2026-07-04T12:00:00Z") } },
    });
    expect(product.purchases).toBe(42);
    expect(await recordPurchaseThroughPost(api.db.prisma, { postId: NOWHERE, quantity: 1 })).toBe(false);
    await expect(
      recordPurchaseThroughPost(api.db.prisma, { postId: rawId(postId), quantity: 0 }),
    ).rejects.toThrow(RangeError);
  });
});

describe("hourly engagement aggregates", () => {
  it("sum to each post's counters after mixed engagement", async () => {
    const ids = await Promise.all([1, 2, 3].map(() => createPost(api, w.creator.token, {})));
    const people = await crowd("mixed", 15);
    await Promise.all(
      people.flatMap((p, i) => [
        api.gql(VIEW, { input: { postId: ids[i % 3] } }, { user: p.token }),
        api.gql(LIKE, { input: { postId: ids[(i + 1) % 3] } }, { user: p.token }),
        i % 4 === 0
          ? api.gql(UNLIKE, { input: { postId: ids[(i + 1) % 3] } }, { user: p.token })
          : Promise.resolve(),
        api.gql(SHARE, { input: { postId: ids[(i + 2) % 3], channel: "sms" } }, { user: p.token }),
      ]),
    );
    for (const id of ids) {
      const row = await post(id);
      const sums = await hourly(id);
      expect([sums.views, sums.likes, sums.shares]).toEqual([row.viewCount, row.likeCount, row.shareCount]);
      expect(row.likeCount).toBe(await api.db.prisma.postLike.count({ where: { postId: rawId(id) } }));
    }
  });
});
