import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentCounts,
  contentWorld,
  createPost,
  image,
  person,
  POST_CREATE,
  rawId,
  video,
  type ContentWorld,
  type Person,
} from "./content-world.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
let w: ContentWorld;

beforeAll(async () => {
  // The statement tests ask for pages of 50 posts with every tagged product's variants: priced
  // by their bounds (30 tags, 100 variants each) that is about 300,000, over the default maximum.
  api = await startTestApi({ MAX_QUERY_COST: "1000000" });
  w = await contentWorld(api);
});
afterAll(() => api?.close());

const POST = `query($id: ID!, $atMs: Int) { post(id: $id) { id caption visibility productTags(atMs: $atMs) { id startMs endMs product { id } } } }`;
const NOWHERE = "0190a000-0000-7000-8000-000000000000";

describe("postCreate", () => {
  it("creates a creator's video with media, caption, merged hashtags and timed product tags", async () => {
    const input = {
      media: video(),
      caption: "Linen season is here #Summer #OOTD",
      hashtags: ["#linen", "summer"],
      productTags: [
        { productId: w.tee.gid, variantId: w.tee.variants[1], x: 0.25, y: 0.75, startMs: 1000, endMs: 5000 },
        { productId: w.foreignActive.gid, x: 1, y: 0 },
      ],
    };
    const res = ok(await api.gql(POST_CREATE, { input }, { user: w.creator.token }));
    expect(res.postCreate.userErrors).toEqual([]);
    const post = res.postCreate.post;
    expect(post).toMatchObject({
      caption: "Linen season is here #Summer #OOTD",
      hashtags: ["linen", "summer", "ootd"],
      visibility: "PUBLIC",
      author: { id: w.creator.gid },
      shop: null,
      media: {
        kind: "VIDEO",
        url: "https://cdn.example.test/v/1.mp4",
        width: 1080,
        height: 1920,
        durationMs: 15_000,
        posterUrl: "/media/posters/1.jpg",
      },
      viewCount: 0,
      likeCount: 0,
      viewerHasLiked: false,
    });
    expect(
      post.productTags.map((t: any) => [
        t.position,
        t.x,
        t.y,
        t.startMs,
        t.endMs,
        t.product.id,
        t.variant?.id ?? null,
      ]),
    ).toEqual([
      [0, 0.25, 0.75, 1000, 5000, w.tee.gid, w.tee.variants[1]],
      // A video tag without times shows for the whole video.
      [1, 1, 0, 0, 15_000, w.foreignActive.gid, null],
    ]);
  });

  it("lets a merchant post for their shop with a publishable key, and forbids other merchants", async () => {
    const input = {
      media: image(),
      caption: "New in",
      shopId: w.shop.gid,
      productTags: [{ productId: w.tee.gid, x: 0.5, y: 0.5 }],
    };
    const res = ok(await api.gql(POST_CREATE, { input }, { user: w.merchant.token }));
    expect(res.postCreate.post).toMatchObject({ shop: { id: w.shop.gid }, author: { id: w.merchant.gid } });
    expect(res.postCreate.post.productTags[0]).toMatchObject({ startMs: null, endMs: null });

    const before = await contentCounts(api);
    const other = await api.gql(POST_CREATE, { input }, { user: w.otherMerchant.token, key: "secret" });
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const creator = await api.gql(POST_CREATE, { input }, { user: w.creator.token });
    expect(creator.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await contentCounts(api)).toEqual(before);
  });

  it("needs a user token, and the CREATOR role for a post of one's own", async () => {
    const input = { media: image() };
    const before = await contentCounts(api);
    expect((await api.gql(POST_CREATE, { input })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.gql(POST_CREATE, { input }, { key: "secret" })).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await api.gql(POST_CREATE, { input }, { user: w.buyer.token })).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect(
      (await api.gql(POST_CREATE, { input }, { user: w.merchant.token })).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect(await contentCounts(api)).toEqual(before);
  });

  const tag = (overrides: Record<string, unknown> = {}) => ({
    productId: w.tee.gid,
    x: 0.5,
    y: 0.5,
    ...overrides,
  });
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    [
      "a tag outside the frame",
      () => ({ productTags: [tag({ x: 1.01 })] }),
      "GREATER_THAN_MAXIMUM",
      "productTags.0.x",
    ],
    [
      "a tag above the frame",
      () => ({ productTags: [tag({ y: -0.1 })] }),
      "LESS_THAN_MINIMUM",
      "productTags.0.y",
    ],
    [
      "endMs beyond the duration",
      () => ({ media: video(), productTags: [tag({ startMs: 1000, endMs: 15_001 })] }),
      "TAG_OUTSIDE_VIDEO",
      "productTags.0.endMs",
    ],
    [
      "startMs not before endMs",
      () => ({ media: video(), productTags: [tag({ startMs: 4000, endMs: 4000 })] }),
      "TAG_TIME_RANGE_INVALID",
      "productTags.0.startMs",
    ],
    [
      "a start after the video's end",
      () => ({ media: video(), productTags: [tag({ startMs: 20_000 })] }),
      "TAG_TIME_RANGE_INVALID",
      "productTags.0.startMs",
    ],
    [
      "a negative startMs",
      () => ({ media: video(), productTags: [tag({ startMs: -1 })] }),
      "LESS_THAN_MINIMUM",
      "productTags.0.startMs",
    ],
    [
      "times on an image tag",
      () => ({ productTags: [tag({ startMs: 0, endMs: 100 })] }),
      "TAG_TIME_ON_IMAGE",
      "productTags.0.startMs",
    ],
    ["31 tags", () => ({ productTags: Array.from({ length: 31 }, () => tag()) }), "TOO_LONG", "productTags"],
    ["a caption too long", () => ({ caption: "x".repeat(2201) }), "TOO_LONG", "caption"],
    [
      "a malformed product id",
      () => ({ productTags: [tag({ productId: "nope" })] }),
      "INVALID_ID",
      "productTags.0.productId",
    ],
    [
      "a product id of another type",
      () => ({ productTags: [tag({ productId: w.shop.gid })] }),
      "INVALID_ID",
      "productTags.0.productId",
    ],
    [
      "an unknown product",
      () => ({ productTags: [tag({ productId: encodeGlobalID("Product", NOWHERE) })] }),
      "NOT_FOUND",
      "productTags.0.productId",
    ],
    [
      "another shop's unpublished product",
      () => ({ productTags: [tag({ productId: w.foreignDraft.gid })] }),
      "NOT_FOUND",
      "productTags.0.productId",
    ],
    [
      "a variant of another product",
      () => ({ productTags: [tag({ variantId: w.foreignActive.variants[0] })] }),
      "VARIANT_MISMATCH",
      "productTags.0.variantId",
    ],
    [
      "a video without durationMs",
      () => ({ media: video({ durationMs: null }) }),
      "MEDIA_DURATION",
      "media.durationMs",
    ],
    [
      "an image with durationMs",
      () => ({ media: image({ durationMs: 100 }) }),
      "MEDIA_DURATION",
      "media.durationMs",
    ],
    ["a zero width", () => ({ media: image({ width: 0 }) }), "LESS_THAN_MINIMUM", "media.width"],
    ["a javascript: url", () => ({ media: image({ url: "javascript:alert(1)" }) }), "INVALID", "media.url"],
    ["a hashtag with punctuation", () => ({ hashtags: ["ok", "not ok!"] }), "INVALID", "hashtags.1"],
    [
      "31 hashtags, the caption's included",
      () => ({
        hashtags: Array.from({ length: 20 }, (_, i) => `a${i}`),
        caption: Array.from({ length: 11 }, (_, i) => `#b${i}`).join(" "),
      }),
      "TOO_LONG",
      "hashtags",
    ],
    ["a malformed shop id", () => ({ shopId: "shop-1" }), "INVALID_ID", "shopId"],
    ["an unknown shop", () => ({ shopId: encodeGlobalID("Shop", NOWHERE) }), "NOT_FOUND", "shopId"],
  ];
  it.each(cases.map(([name, input, code, field]) => ({ name, input, code, field })))(
    "answers $name with $code and writes nothing",
    async ({ input, code, field }) => {
      const before = await contentCounts(api);
      const res = ok(
        await api.gql(POST_CREATE, { input: { media: image(), ...input() } }, { user: w.creator.token }),
      );
      expect(res.postCreate.post).toBeNull();
      expect(res.postCreate.userErrors).toContainEqual({
        code,
        field: field.split("."),
        message: expect.any(String),
      });
      expect(await contentCounts(api)).toEqual(before);
    },
  );

  it("lets a merchant tag their own shop's draft with a secret key, but not an archived product", async () => {
    const id = await createPost(
      api,
      w.merchant.token,
      { shopId: w.shop.gid, productTags: [{ productId: w.draft.gid, x: 0, y: 0 }] },
      "secret",
    );
    expect(
      await api.db.prisma.productTag.count({ where: { postId: rawId(id), productId: w.draft.id } }),
    ).toBe(1);
    // The draft's tag is hidden from the public until the product is published.
    expect(ok(await api.gql(POST, { id })).post.productTags).toEqual([]);
    const archived = ok(
      await api.gql(
        POST_CREATE,
        {
          input: {
            media: image(),
            shopId: w.shop.gid,
            productTags: [{ productId: w.archived.gid, x: 0, y: 0 }],
          },
        },
        { user: w.merchant.token, key: "secret" },
      ),
    );
    expect(archived.postCreate.userErrors).toEqual([
      { code: "PRODUCT_ARCHIVED", field: ["productTags", "0", "productId"], message: expect.any(String) },
    ]);
  });
});

describe("Post.productTags(atMs)", () => {
  it("returns a video's tags showing at that moment, [startMs, endMs), and all of an image's", async () => {
    const id = await createPost(api, w.creator.token, {
      media: video({ durationMs: 10_000 }),
      productTags: [
        { productId: w.tee.gid, x: 0.1, y: 0.1, startMs: 0, endMs: 3000 },
        { productId: w.foreignActive.gid, x: 0.2, y: 0.2, startMs: 2000, endMs: 6000 },
        { productId: w.tee.gid, x: 0.3, y: 0.3, startMs: 6000 },
      ],
    });
    const at = async (atMs: number | null) =>
      ok(await api.gql(POST, { id, atMs })).post.productTags.map((t: any) => t.startMs);
    expect(await at(null)).toEqual([0, 2000, 6000]);
    expect(await at(0)).toEqual([0]);
    expect(await at(2500)).toEqual([0, 2000]);
    expect(await at(3000)).toEqual([2000]);
    expect(await at(6000)).toEqual([6000]);
    expect(await at(9999)).toEqual([6000]);
    expect(await at(10_000)).toEqual([]);
    expect((await api.gql(POST, { id, atMs: -1 })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const photo = await createPost(api, w.creator.token, {
      productTags: [{ productId: w.tee.gid, x: 0.5, y: 0.5 }],
    });
    expect(ok(await api.gql(POST, { id: photo, atMs: 123_456 })).post.productTags).toHaveLength(1);
  });
});

const UPDATE = `mutation($input: PostUpdateInput!) {
  postUpdate(input: $input) { post { id caption hashtags visibility productTags { id x y product { id } } } userErrors { code field message } }
}`;

describe("postUpdate", () => {
  it("re-reads the caption's hashtags and keeps explicit ones when only the caption changes", async () => {
    const id = await createPost(api, w.creator.token, { caption: "Hello #old", hashtags: ["kept"] });
    const res = ok(await api.gql(UPDATE, { input: { id, caption: "Bye #New" } }, { user: w.creator.token }));
    expect(res.postUpdate.post).toMatchObject({ caption: "Bye #New", hashtags: ["kept", "new"] });
    const replaced = ok(
      await api.gql(
        UPDATE,
        { input: { id, hashtags: ["other"], visibility: "FOLLOWERS" } },
        { user: w.creator.token },
      ),
    );
    expect(replaced.postUpdate.post).toMatchObject({ hashtags: ["other", "new"], visibility: "FOLLOWERS" });
  });

  it("replaces product tags, keeping the id and counters of tags given unchanged", async () => {
    const id = await createPost(api, w.creator.token, {
      productTags: [
        { productId: w.tee.gid, x: 0.1, y: 0.1 },
        { productId: w.foreignActive.gid, x: 0.2, y: 0.2 },
      ],
    });
    const [kept, dropped] = await api.db.prisma.productTag.findMany({
      where: { postId: rawId(id) },
      orderBy: { position: "asc" },
    });
    await api.db.prisma.productTag.update({ where: { id: kept!.id }, data: { tapCount: 7 } });
    const res = ok(
      await api.gql(
        UPDATE,
        {
          input: {
            id,
            productTags: [
              { productId: w.tee.gid, variantId: w.tee.variants[0], x: 0.9, y: 0.9 },
              { productId: w.tee.gid, x: 0.1, y: 0.1 },
            ],
          },
        },
        { user: w.creator.token },
      ),
    );
    expect(res.postUpdate.userErrors).toEqual([]);
    const rows = await api.db.prisma.productTag.findMany({
      where: { postId: rawId(id) },
      orderBy: { position: "asc" },
    });
    expect(rows.map((r) => [r.position, r.x, r.tapCount])).toEqual([
      [0, 0.9, 0],
      [1, 0.1, 7],
    ]);
    expect(rows[1]!.id).toBe(kept!.id);
    expect(rows.some((r) => r.id === dropped!.id)).toBe(false);
  });

  it("validates new tags against the stored video and writes nothing on error", async () => {
    const id = await createPost(api, w.creator.token, { media: video({ durationMs: 5000 }), caption: "v" });
    const before = await contentCounts(api);
    const res = ok(
      await api.gql(
        UPDATE,
        {
          input: {
            id,
            caption: "changed",
            productTags: [{ productId: w.tee.gid, x: 0.5, y: 0.5, endMs: 6000 }],
          },
        },
        { user: w.creator.token },
      ),
    );
    expect(res.postUpdate).toEqual({
      post: null,
      userErrors: [
        { code: "TAG_OUTSIDE_VIDEO", field: ["productTags", "0", "endMs"], message: expect.any(String) },
      ],
    });
    expect(await contentCounts(api)).toEqual(before);
    expect((await api.db.prisma.post.findUniqueOrThrow({ where: { id: rawId(id) } })).caption).toBe("v");
  });

  it("is FORBIDDEN to others, allowed to the platform and to the shop's merchants for shop posts", async () => {
    const mine = await createPost(api, w.creator.token, { caption: "mine" });
    expect(
      (await api.gql(UPDATE, { input: { id: mine, caption: "hacked" } }, { user: w.creator2.token }))
        .errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect(
      (await api.gql(UPDATE, { input: { id: mine, caption: "anon" } })).errors?.[0]?.extensions?.code,
    ).toBe("UNAUTHENTICATED");
    expect(
      ok(await api.gql(UPDATE, { input: { id: mine, caption: "moderated" } }, { key: "secret" })).postUpdate
        .post.caption,
    ).toBe("moderated");

    const shopPost = await createPost(api, w.merchant.token, { shopId: w.shop.gid, caption: "shop" });
    const staff = await api.db.prisma.user.create({
      data: {
        externalId: "staff-1",
        handle: "staff-1",
        roles: ["BUYER", "MERCHANT"],
        memberships: { create: { shopId: w.shop.id } },
      },
    });
    const staffToken = await api.token("staff-1", ["MERCHANT"]);
    expect(
      ok(await api.gql(UPDATE, { input: { id: shopPost, caption: "by staff" } }, { user: staffToken }))
        .postUpdate.post.caption,
    ).toBe("by staff");
    expect(
      (
        await api.gql(
          UPDATE,
          { input: { id: shopPost, caption: "x" } },
          { user: w.otherMerchant.token, key: "secret" },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect(staff.id).toBeTruthy();
  });

  it("answers NOT_FOUND for a post the caller cannot see and POST_DELETED for a deleted one", async () => {
    const hidden = await createPost(api, w.creator.token, { caption: "private", visibility: "PRIVATE" });
    const res = ok(
      await api.gql(UPDATE, { input: { id: hidden, caption: "x" } }, { user: w.creator2.token }),
    );
    expect(res.postUpdate.userErrors).toEqual([
      { code: "NOT_FOUND", field: ["id"], message: expect.any(String) },
    ]);
    await api.db.prisma.post.update({ where: { id: rawId(hidden) }, data: { deletedAt: new Date() } });
    const gone = ok(
      await api.gql(UPDATE, { input: { id: hidden, caption: "x" } }, { user: w.creator.token }),
    );
    expect(gone.postUpdate.userErrors[0].code).toBe("POST_DELETED");
  });
});

const DELETE = `mutation($input: PostDeleteInput!) { postDelete(input: $input) { deletedPostId userErrors { code field } } }`;

describe("postDelete", () => {
  it("deletes softly: the post disappears from reads and lists, its counters stay", async () => {
    const id = await createPost(api, w.creator.token, {
      caption: "short-lived",
      productTags: [{ productId: w.tee.gid, x: 0.5, y: 0.5 }],
    });
    await api.db.prisma.post.update({ where: { id: rawId(id) }, data: { likeCount: 3, viewCount: 9 } });
    const res = ok(await api.gql(DELETE, { input: { id } }, { user: w.creator.token }));
    expect(res.postDelete).toEqual({ deletedPostId: id, userErrors: [] });
    expect(ok(await api.gql(POST, { id })).post).toBeNull();
    expect(ok(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();
    const list = ok(
      await api.gql(
        `{ viewer { user { posts(first: 100) { edges { node { id } } } } } }`,
        {},
        { user: w.creator.token },
      ),
    );
    expect(list.viewer.user.posts.edges.map((e: any) => e.node.id)).not.toContain(id);
    const row = await api.db.prisma.post.findUniqueOrThrow({
      where: { id: rawId(id) },
      include: { productTags: true },
    });
    expect(row.deletedAt).not.toBeNull();
    expect([row.likeCount, row.viewCount, row.productTags.length]).toEqual([3, 9, 1]);
    expect(
      ok(await api.gql(DELETE, { input: { id } }, { user: w.creator.token })).postDelete.userErrors,
    ).toEqual([{ code: "POST_DELETED", field: ["id"] }]);
  });

  it("is FORBIDDEN to others and answers a malformed id with INVALID_ID", async () => {
    const id = await createPost(api, w.creator.token, {});
    expect(
      (await api.gql(DELETE, { input: { id } }, { user: w.creator2.token })).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect(
      ok(await api.gql(DELETE, { input: { id: "nope" } }, { user: w.creator.token })).postDelete.userErrors,
    ).toEqual([{ code: "INVALID_ID", field: ["id"] }]);
    expect((await api.db.prisma.post.findUniqueOrThrow({ where: { id: rawId(id) } })).deletedAt).toBeNull();
  });
});

describe("post visibility", () => {
  let pub: string;
  let followers: string;
  let secret: string;
  let shopFollowers: string;
  let author: Person;
  beforeAll(async () => {
    author = await person(api, "visibility-author", ["CREATOR"]);
    pub = await createPost(api, author.token, { caption: "public" });
    followers = await createPost(api, author.token, { caption: "followers", visibility: "FOLLOWERS" });
    secret = await createPost(api, author.token, { caption: "private", visibility: "PRIVATE" });
    shopFollowers = await createPost(api, w.merchant.token, {
      caption: "shop followers",
      visibility: "FOLLOWERS",
      shopId: w.shop.gid,
    });
    await api.db.prisma.userFollow.create({ data: { followerId: w.fan.id, followeeId: author.id } });
    await api.db.prisma.shopFollow.create({ data: { followerId: w.buyer.id, shopId: w.shop.id } });
  });

  const visibleTo = async (as: { user?: string; key?: string }) => {
    const ids = [pub, followers, secret, shopFollowers];
    const res = ok(await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }, as));
    const single = await Promise.all(
      ids.map(async (id) => ok(await api.gql(POST, { id }, as)).post?.id ?? null),
    );
    const viaNodes = res.nodes.map((n: any) => n?.id ?? null);
    expect(viaNodes).toEqual(single);
    return ["public", "followers", "private", "shop followers"].filter((_, i) => single[i] !== null);
  };

  it("shows PUBLIC posts to everyone, FOLLOWERS posts to followers, PRIVATE to the author only", async () => {
    expect(await visibleTo({})).toEqual(["public"]);
    expect(await visibleTo({ user: w.creator2.token })).toEqual(["public"]);
    expect(await visibleTo({ user: w.fan.token })).toEqual(["public", "followers"]);
    expect(await visibleTo({ user: w.buyer.token })).toEqual(["public", "shop followers"]);
    expect(await visibleTo({ user: author.token })).toEqual(["public", "followers", "private"]);
    expect(await visibleTo({ user: w.merchant.token })).toEqual(["public", "shop followers"]);
    expect(await visibleTo({ key: "secret" })).toEqual(["public", "followers", "private", "shop followers"]);
  });

  it("resolves a product tag by node id only through a post the caller may see", async () => {
    const hidden = await createPost(api, author.token, {
      visibility: "PRIVATE",
      productTags: [{ productId: w.tee.gid, x: 0.5, y: 0.5 }],
    });
    const tagRow = await api.db.prisma.productTag.findFirstOrThrow({ where: { postId: rawId(hidden) } });
    const tagId = encodeGlobalID("ProductTag", tagRow.id);
    const NODE = `query($id: ID!) { node(id: $id) { ... on ProductTag { id tapCount post { id } product { id } } } }`;
    expect(ok(await api.gql(NODE, { id: tagId }, { user: author.token })).node).toEqual({
      id: tagId,
      tapCount: 0,
      post: { id: hidden },
      product: { id: w.tee.gid },
    });
    expect(ok(await api.gql(NODE, { id: tagId }, { user: w.fan.token })).node).toBeNull();
    expect(ok(await api.gql(NODE, { id: tagId })).node).toBeNull();
  });

  it("refuses a malformed post id with BAD_USER_INPUT and answers null for an unknown one", async () => {
    expect((await api.gql(POST, { id: "nope" })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(ok(await api.gql(POST, { id: encodeGlobalID("Post", NOWHERE) })).post).toBeNull();
  });
});

const USER_POSTS = `query($handle: String!, $first: Int, $after: String, $last: Int, $before: String) {
  shop(handle: $handle) { posts(first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id caption createdAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }
}`;

describe("Shop.posts and User.posts", () => {
  let shopHandle: string;
  let poster: Person;
  beforeAll(async () => {
    poster = await person(api, "lister", ["MERCHANT", "CREATOR"]);
    const shop = await api.db.prisma.shop.create({
      data: {
        handle: "listed",
        name: "Listed",
        currencyCode: "EUR",
        members: { create: { userId: poster.id } },
      },
    });
    shopHandle = shop.handle;
    // 45 posts, several sharing a createdAt so ties are broken by id.
    const base = Date.parse("2026-06-01T00:00:00Z");
    await api.db.prisma.post.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        authorId: poster.id,
        shopId: shop.id,
        mediaKind: "IMAGE" as const,
        mediaUrl: `/media/${i}.jpg`,
        width: 1,
        height: 1,
        caption: `#${i}`,
        createdAt: new Date(base + Math.floor(i / 3) * 1000),
      })),
    });
  });

  const walk = async (first: number) => {
    const seen: any[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = ok(await api.gql(USER_POSTS, { handle: shopHandle, first, after })).shop.posts;
      seen.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) return { seen, total: page.totalCount };
      after = page.pageInfo.endCursor;
    }
  };

  it("walks every post once, newest first, across pages, with totalCount", async () => {
    const { seen, total } = await walk(7);
    expect(total).toBe(45);
    expect(seen).toHaveLength(45);
    expect(new Set(seen.map((n) => n.id)).size).toBe(45);
    const keys = seen.map((n) => `${n.createdAt}|${rawId(n.id)}`);
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it("keeps cursors stable when new posts arrive between pages, and pages backwards", async () => {
    const first: any = ok(await api.gql(USER_POSTS, { handle: shopHandle, first: 10 })).shop.posts;
    const before = await walk(45);
    await createPost(api, poster.token, {
      shopId: encodeGlobalID(
        "Shop",
        (await api.db.prisma.shop.findUniqueOrThrow({ where: { handle: shopHandle } })).id,
      ),
      caption: "late",
    });
    const second: any = ok(
      await api.gql(USER_POSTS, { handle: shopHandle, first: 10, after: first.pageInfo.endCursor }),
    ).shop.posts;
    expect(second.edges.map((e: any) => e.node.id)).toEqual(before.seen.slice(10, 20).map((n) => n.id));
    const back: any = ok(
      await api.gql(USER_POSTS, { handle: shopHandle, last: 5, before: second.edges[0].cursor }),
    ).shop.posts;
    expect(back.edges.map((e: any) => e.node.id)).toEqual(before.seen.slice(5, 10).map((n) => n.id));
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    expect(
      (await api.gql(USER_POSTS, { handle: shopHandle, first: 2, after: "garbage" })).errors?.[0]?.extensions
        ?.code,
    ).toBe("BAD_USER_INPUT");
    expect(
      (await api.gql(USER_POSTS, { handle: shopHandle, first: 101 })).errors?.[0]?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
  });

  it("lists a user's own posts, not those made for a shop", async () => {
    const own = await createPost(api, poster.token, { caption: "personal" });
    const res = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on User { posts(first: 50) { edges { node { id } } } } } }`,
        { id: poster.gid },
      ),
    );
    expect(res.node.posts.edges.map((e: any) => e.node.id)).toEqual([own]);
  });
});

describe("SQL statements", () => {
  const PAGE = `query($handle: String!, $first: Int) {
    shop(handle: $handle) { posts(first: $first) { edges { node {
      id caption hashtags likeCount viewerHasLiked media { kind url durationMs }
      author { id handle displayName }
      shop { id name }
      productTags { id x y startMs endMs
        product { id title handle priceRange { min { amount currencyCode } } variants { id title price { amount } } }
        variant { id title }
      }
    } } } }
  }`;

  it("loads a page of 20 or of 50 posts with tags, products, variants and authors in at most 6 statements", async () => {
    const shop = await api.db.prisma.shop.create({
      data: {
        handle: "busy",
        name: "Busy",
        currencyCode: "EUR",
        members: { create: { userId: w.merchant.id } },
      },
    });
    for (let i = 0; i < 60; i++) {
      await createPost(api, w.merchant.token, {
        shopId: encodeGlobalID("Shop", shop.id),
        media: video({ durationMs: 9000 }),
        productTags: [
          { productId: w.tee.gid, variantId: w.tee.variants[i % 2], x: 0.1, y: 0.2, startMs: 0, endMs: 3000 },
          { productId: w.foreignActive.gid, x: 0.5, y: 0.5 },
        ],
      });
    }
    const counts: number[] = [];
    for (const first of [20, 50]) {
      for (const as of [{}, { user: w.fan.token }, { user: w.merchant.token, key: "secret" }]) {
        const { result, statements } = await api.db.statementsDuring(() =>
          api.gql(PAGE, { handle: "busy", first }, as),
        );
        const data = ok(result);
        expect(data.shop.posts.edges).toHaveLength(first);
        expect(data.shop.posts.edges[0].node.productTags).toHaveLength(2);
        expect(data.shop.posts.edges[0].node.productTags[0].product.variants).toHaveLength(2);
        expect(statements.length, statements.join("\n\n")).toBeLessThanOrEqual(6);
        counts.push(statements.length);
      }
    }
    // The same whatever the page size.
    expect(counts.slice(3)).toEqual(counts.slice(0, 3));
    console.info(
      "statements for a page of posts (anonymous, user, merchant with secret key):",
      counts.slice(0, 3),
    );
  });
});
