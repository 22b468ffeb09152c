import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Context } from "@shoppable/schema";
import {
  likePost,
  recordPurchaseThroughPost,
  sharePost,
  viewPost,
} from "@shoppable/schema/content/engagement.ts";
import { utc } from "@shoppable/schema/shared/sql.ts";
import {
  rankingHour,
  rankPosts,
  TRENDING_WINDOW_HOURS,
  trendingScore,
} from "@shoppable/schema/content/ranking.ts";
import {
  computeTrendingSnapshot,
  refreshTrendingSnapshot,
} from "@shoppable/schema/content/trending-snapshot.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentWorld,
  createPost,
  person,
  rawId,
  video,
  type ContentWorld,
  type Person,
} from "./content-world.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

let api: TestApi;
let w: ContentWorld;

beforeAll(async () => {
  // The statement tests ask for pages of 50 posts with every tagged product's variants: priced
  // by their bounds (30 tags, 100 variants each) that is about 300,000, over the default maximum.
  api = await startTestApi({ MAX_QUERY_COST: "1000000" });
  w = await contentWorld(api);
});
afterAll(() => api?.close());

const FEED = `query($kind: FeedKind!, $hashtag: String, $first: Int, $after: String, $last: Int, $before: String) {
  feed(kind: $kind, hashtag: $hashtag, first: $first, after: $after, last: $last, before: $before) {
    kind personalized rankedAt
    edges { cursor node { id caption hashtags visibility author { id } shop { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const FOLLOW = `mutation($input: UserFollowInput!) { userFollow(input: $input) { userErrors { code } } }`;
const UNFOLLOW = `mutation($input: UserUnfollowInput!) { userUnfollow(input: $input) { userErrors { code } } }`;
const CONSENT = `mutation($input: ViewerConsentUpdateInput!) { viewerConsentUpdate(input: $input) { consent { personalization } userErrors { code } } }`;
const LIKE = `mutation($input: PostLikeInput!) { postLike(input: $input) { userErrors { code } } }`;
const DELETE = `mutation($input: PostDeleteInput!) { postDelete(input: $input) { userErrors { code } } }`;

type FeedVars = {
  kind: string;
  hashtag?: string;
  first?: number;
  after?: string;
  last?: number;
  before?: string;
};

async function feed(vars: FeedVars, as: CallAs = {}) {
  return ok(await api.gql(FEED, vars, as)).feed;
}

async function feedError(vars: FeedVars, as: CallAs = {}) {
  const res = await api.gql(FEED, vars, as);
  expect(res.data?.feed ?? null).toBeNull();
  return res.errors?.[0]?.extensions?.code;
}

/** Every post of a feed, page by page (`between` runs after the first page). */
async function walk(vars: FeedVars, as: CallAs = {}, between?: () => Promise<void>) {
  const ids: string[] = [];
  let after: string | undefined;
  let rankedAt: string | null = null;
  for (let page = 0; page < 100; page++) {
    const f = await feed({ ...vars, ...(after ? { after } : {}) }, as);
    if (page === 0) rankedAt = f.rankedAt;
    else expect(f.rankedAt).toBe(rankedAt);
    ids.push(...f.edges.map((e: any) => e.node.id));
    if (!f.pageInfo.hasNextPage) break;
    after = f.pageInfo.endCursor;
    if (page === 0) await between?.();
  }
  return { ids, rankedAt: rankedAt as string | null };
}

function ctxFor(user: Person): Context {
  return {
    db: api.db.prisma,
    key: { id: "test", kind: "PUBLISHABLE" },
    user: { id: user.id, handle: "x", roles: ["BUYER"] },
    requestId: "test",
    events: api.server.events,
  };
}

const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000);
const followUser = (who: Person, userId: string) =>
  api.gql(FOLLOW, { input: { userId } }, { user: who.token });
const followShop = (who: Person, shopId: string) =>
  api.gql(FOLLOW, { input: { shopId } }, { user: who.token });
const consent = (who: Person, personalization: boolean) =>
  api.gql(CONSENT, { input: { personalization } }, { user: who.token });

/**
 * Ranked feeds see posts made before the ranking hour, from the hourly snapshot. Moves the
 * posts made this hour two hours back (keeping their order) and recomputes this hour's
 * snapshot, as the next hour's first request would.
 */
async function snapshot() {
  await api.db.prisma
    .$executeRaw`UPDATE "Post" SET "createdAt" = "createdAt" - interval '2 hours' WHERE "createdAt" >= ${utc(rankingHour(new Date()))}`;
  await refreshTrendingSnapshot(api.db.prisma);
}

/** The TRENDING order computed by the pure ranking function from the database rows. */
async function expectedTrending(rankedAt: string): Promise<string[]> {
  const asOf = new Date(rankedAt);
  const posts = await api.db.prisma.post.findMany({
    where: { deletedAt: null, visibility: "PUBLIC", createdAt: { lt: rankingHour(asOf) } },
    select: { id: true, createdAt: true, engagementHours: true },
  });
  const hour = rankingHour(asOf).getTime();
  const from = hour - TRENDING_WINDOW_HOURS * 3_600_000;
  const candidates = posts.filter(
    (p) =>
      p.createdAt.getTime() >= from ||
      p.engagementHours.some((h) => h.hour.getTime() >= from && h.hour.getTime() < hour),
  );
  return rankPosts(candidates.map((p) => ({ id: p.id, score: trendingScore(p.engagementHours, asOf) }))).map(
    (p) => encodeGlobalID("Post", p.id),
  );
}

describe("FOLLOWING", () => {
  it("lists, newest first, the own posts of followed creators and the posts of followed shops, followers-only ones included", async () => {
    const reader = await person(api, "following-reader", ["BUYER"]);
    const followedOwn = await createPost(api, w.creator.token, { caption: "followed creator" });
    const followedPrivate = await createPost(api, w.creator.token, {
      caption: "followers only",
      visibility: "FOLLOWERS",
    });
    await createPost(api, w.creator2.token, { caption: "not followed" });
    const shopPost = await createPost(api, w.merchant.token, {
      caption: "followed shop",
      shopId: w.shop.gid,
    });
    await createPost(api, w.otherMerchant.token, { caption: "other shop", shopId: w.otherShop.gid });
    // A post the followed merchant made for a shop nobody follows is the shop's, not theirs.
    await followUser(reader, w.merchant.gid);
    await followUser(reader, w.creator.gid);
    await followShop(reader, w.shop.gid);

    const { ids } = await walk({ kind: "FOLLOWING", first: 2 }, { user: reader.token });
    expect(ids).toEqual([shopPost, followedPrivate, followedOwn]);
    const first = await feed({ kind: "FOLLOWING" }, { user: reader.token });
    expect(first).toMatchObject({ kind: "FOLLOWING", personalized: false, rankedAt: null });

    await api.gql(UNFOLLOW, { input: { shopId: w.shop.gid } }, { user: reader.token });
    expect((await walk({ kind: "FOLLOWING" }, { user: reader.token })).ids).toEqual([
      followedPrivate,
      followedOwn,
    ]);
  });

  it("is empty without a user token", async () => {
    const f = await feed({ kind: "FOLLOWING", first: 10 });
    expect(f).toMatchObject({
      kind: "FOLLOWING",
      personalized: false,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
    });
  });

  it("keeps its cursor stable when followed authors post between pages", async () => {
    const reader = await person(api, "following-stable", ["BUYER"]);
    const author = await person(api, "following-stable-author", ["CREATOR"]);
    await followUser(reader, author.gid);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await createPost(api, author.token, { caption: `s${i}` }));
    let late = "";
    const { ids } = await walk({ kind: "FOLLOWING", first: 2 }, { user: reader.token }, async () => {
      late = await createPost(api, author.token, { caption: "late" });
    });
    expect(ids).toEqual([...made].reverse());
    expect((await feed({ kind: "FOLLOWING", first: 1 }, { user: reader.token })).edges[0].node.id).toBe(late);
  });
});

describe("HASHTAG", () => {
  it("lists the posts with the hashtag, newest first, normalising it like postCreate", async () => {
    const a = await createPost(api, w.creator.token, { caption: "one #Linen" });
    await createPost(api, w.creator.token, { caption: "#wool" });
    const b = await createPost(api, w.creator2.token, { hashtags: ["linen"] });
    const hidden = await createPost(api, w.creator2.token, { hashtags: ["linen"], visibility: "PRIVATE" });
    const gone = await createPost(api, w.creator2.token, { hashtags: ["linen"] });
    ok(await api.gql(DELETE, { input: { id: gone } }, { user: w.creator2.token }));
    for (const hashtag of ["linen", "#LINEN", " #Linen "]) {
      const { ids } = await walk({ kind: "HASHTAG", hashtag, first: 1 });
      expect(ids, hashtag).toEqual([b, a]);
    }
    // The author sees their private post; nobody sees the deleted one.
    expect((await walk({ kind: "HASHTAG", hashtag: "linen" }, { user: w.creator2.token })).ids).toEqual([
      hidden,
      b,
      a,
    ]);
    expect((await feed({ kind: "HASHTAG", hashtag: "linen" })).kind).toBe("HASHTAG");
  });

  it("refuses a missing or malformed hashtag, and a hashtag for another kind, as BAD_USER_INPUT", async () => {
    expect(await feedError({ kind: "HASHTAG" })).toBe("BAD_USER_INPUT");
    for (const hashtag of ["two words", "#", "hello!", "x".repeat(65)])
      expect(await feedError({ kind: "HASHTAG", hashtag }), hashtag).toBe("BAD_USER_INPUT");
    expect(await feedError({ kind: "TRENDING", hashtag: "linen" })).toBe("BAD_USER_INPUT");
  });
});

describe("TRENDING", () => {
  let top: string,
    liked: string,
    viewedLongAgo: string,
    quietOld: string,
    quietNew: string,
    followersOnly: string,
    deleted: string,
    outOfWindow: string;

  beforeAll(async () => {
    const [u1, u2, u3] = [w.buyer, w.fan, w.creator2];
    quietOld = await createPost(api, w.creator.token, { caption: "trend quiet old" });
    viewedLongAgo = await createPost(api, w.creator.token, { caption: "trend viewed long ago" });
    liked = await createPost(api, w.creator.token, { caption: "trend liked" });
    top = await createPost(api, w.creator.token, { caption: "trend purchase" });
    followersOnly = await createPost(api, w.creator.token, {
      caption: "trend followers",
      visibility: "FOLLOWERS",
    });
    deleted = await createPost(api, w.creator.token, { caption: "trend deleted" });
    outOfWindow = await createPost(api, w.creator.token, { caption: "trend long ago" });
    quietNew = await createPost(api, w.creator.token, { caption: "trend quiet new" });
    // Posts are ranked as of their engagement hours; backdate creation where the story needs it.
    await api.db.prisma.post.update({
      where: { id: rawId(outOfWindow) },
      data: { createdAt: hoursAgo(24 * 10) },
    });

    await recordPurchaseThroughPost(api.db.prisma, { postId: rawId(top), quantity: 1 }, hoursAgo(1)); // 20 points, last hour
    for (const u of [u1, u2, u3]) await likePost(ctxFor(u), rawId(liked), hoursAgo(2)); // 12 points, 2 hours ago
    for (let i = 0; i < 20; i++)
      await viewPost(ctxFor(u1), { postId: rawId(viewedLongAgo) }, hoursAgo(30 + (i * 0.6) / 20)); // counted once per 30 min
    await sharePost(ctxFor(u1), { postId: rawId(viewedLongAgo), channel: "copy_link" }, hoursAgo(30));
    await recordPurchaseThroughPost(
      api.db.prisma,
      { postId: rawId(followersOnly), quantity: 50 },
      hoursAgo(1),
    );
    await recordPurchaseThroughPost(api.db.prisma, { postId: rawId(deleted), quantity: 50 }, hoursAgo(1));
    await recordPurchaseThroughPost(
      api.db.prisma,
      { postId: rawId(outOfWindow), quantity: 50 },
      hoursAgo(24 * 3),
    );
    ok(await api.gql(DELETE, { input: { id: deleted } }, { user: w.creator.token }));
    await snapshot();
  });

  it("ranks by time-decayed engagement of completed hours, ties by id (newest first), public posts only", async () => {
    const { ids, rankedAt } = await walk({ kind: "TRENDING", first: 3 }, { user: w.fan.token });
    const mine = ids.filter((id) =>
      [top, liked, viewedLongAgo, quietOld, quietNew, followersOnly, deleted, outOfWindow].includes(id),
    );
    expect(mine).toEqual([top, liked, viewedLongAgo, quietNew, quietOld]);
    // The whole feed is exactly the pure ranking function applied to the database rows.
    expect(ids).toEqual(await expectedTrending(rankedAt!));
    const first = await feed({ kind: "TRENDING", first: 1 });
    expect(first).toMatchObject({ kind: "TRENDING", personalized: false });
    expect(Date.parse(first.rankedAt)).toBeLessThanOrEqual(Date.now());
  });

  it("does not count engagement of the current, incomplete hour", async () => {
    const before = (await walk({ kind: "TRENDING" })).ids;
    // Three likes right now for the quietest post: they count once this hour has ended.
    for (const u of [w.buyer, w.fan, w.creator2])
      ok(await api.gql(LIKE, { input: { postId: quietOld } }, { user: u.token }));
    expect((await walk({ kind: "TRENDING" })).ids).toEqual(before);
    // Not even when this hour's snapshot is recomputed.
    await refreshTrendingSnapshot(api.db.prisma);
    expect((await walk({ kind: "TRENDING" })).ids).toEqual(before);
  });

  it("keeps cursors stable when posts and engagement arrive between pages; deleted posts drop out", async () => {
    const expected = (await walk({ kind: "TRENDING" })).ids;
    let added = "";
    const { ids } = await walk({ kind: "TRENDING", first: 2 }, {}, async () => {
      added = await createPost(api, w.creator.token, { caption: "arrives mid-walk" });
      // Engagement on a post of a later page that would lift it above the first page.
      for (const u of [w.buyer, w.fan])
        ok(await api.gql(LIKE, { input: { postId: expected.at(-1) } }, { user: u.token }));
      await recordPurchaseThroughPost(api.db.prisma, { postId: rawId(expected.at(-1)!), quantity: 10 });
      ok(await api.gql(DELETE, { input: { id: expected[4] } }, { user: w.creator.token }));
    });
    expect(ids).toEqual(expected.filter((id) => id !== expected[4]));
    expect(new Set(ids).size).toBe(ids.length);
    // A post shows in the ranked feeds from the hour after it was made.
    expect((await walk({ kind: "TRENDING" })).ids).not.toContain(added);
    await snapshot();
    expect((await walk({ kind: "TRENDING" })).ids).toContain(added);
  });

  it("computes an hour's snapshot once when many requests race for it, and keeps it when more engagement arrives", async () => {
    const hour = rankingHour(new Date());
    const before = (await walk({ kind: "TRENDING" })).ids;
    await api.db.prisma.$executeRaw`DELETE FROM "TrendingSnapshot" WHERE "hour" = ${utc(hour)}`;
    await api.db.prisma.$executeRaw`DELETE FROM "TrendingPostScore" WHERE "hour" = ${utc(hour)}`;
    await Promise.all(Array.from({ length: 10 }, () => computeTrendingSnapshot(api.db.prisma, hour)));
    const rows = await api.db.prisma.trendingPostScore.count({ where: { hour } });
    expect(await api.db.prisma.trendingSnapshot.count({ where: { hour } })).toBe(1);
    // Every candidate once (a second writer would have hit the primary key).
    expect(rows).toBe(
      new Set(
        (await api.db.prisma.trendingPostScore.findMany({ where: { hour }, select: { postId: true } })).map(
          (r) => r.postId,
        ),
      ).size,
    );
    expect(rows).toBeGreaterThanOrEqual(before.length);
    // Once claimed, the hour is not rewritten: late rows for a completed hour change nothing.
    await recordPurchaseThroughPost(
      api.db.prisma,
      { postId: rawId(before.at(-1)!), quantity: 1000 },
      hoursAgo(1),
    );
    await computeTrendingSnapshot(api.db.prisma, hour);
    expect((await walk({ kind: "TRENDING" })).ids).toEqual(before);
    // An operator's refresh (a backfill) takes them in.
    await refreshTrendingSnapshot(api.db.prisma);
    expect((await walk({ kind: "TRENDING" })).ids[0]).toBe(before.at(-1));
  });

  it("pages backwards with last/before to the same posts", async () => {
    const all = (await walk({ kind: "TRENDING" })).ids;
    const page1 = await feed({ kind: "TRENDING", first: 3 });
    const page2 = await feed({ kind: "TRENDING", first: 3, after: page1.pageInfo.endCursor });
    expect(page2.edges.map((e: any) => e.node.id)).toEqual(all.slice(3, 6));
    const back = await feed({ kind: "TRENDING", last: 3, before: page2.pageInfo.startCursor });
    expect(back.edges.map((e: any) => e.node.id)).toEqual(all.slice(0, 3));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(back.rankedAt).toBe(page1.rankedAt);
    const middle = await feed({ kind: "TRENDING", last: 2, before: page2.edges[2].cursor });
    expect(middle.edges.map((e: any) => e.node.id)).toEqual(all.slice(3, 5));
    expect(middle.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe("FOR_YOU", () => {
  let viewer: Person;
  let followedQuiet: string, hashtagMatch: string, busy: string, productMatch: string;

  beforeAll(async () => {
    viewer = await person(api, "for-you-viewer", ["BUYER"]);
    const author = await person(api, "for-you-author", ["CREATOR"]);
    const stranger = await person(api, "for-you-stranger", ["CREATOR"]);
    // What the viewer engaged with: a post tagged #ceramics with the mug.
    const likedEarlier = await createPost(api, stranger.token, {
      caption: "#ceramics",
      productTags: [{ productId: w.foreignActive.gid, x: 0.5, y: 0.5 }],
    });
    await likePost(ctxFor(viewer), rawId(likedEarlier), hoursAgo(3));
    await followUser(viewer, author.gid);

    busy = await createPost(api, stranger.token, { caption: "busy, no affinity" });
    hashtagMatch = await createPost(api, stranger.token, { caption: "pottery #ceramics" });
    productMatch = await createPost(api, stranger.token, {
      caption: "mug again",
      productTags: [{ productId: w.foreignActive.gid, x: 0.2, y: 0.2 }],
    });
    followedQuiet = await createPost(api, author.token, { caption: "quiet post of a followed creator" });
    // In the last complete hour: busy 2 likes (8 points), hashtagMatch 1 like and 3 views (7),
    // productMatch 1 like and 2 views (6), followedQuiet nothing.
    const viewers = [w.buyer, w.fan, w.creator2];
    for (const u of viewers.slice(0, 2)) await likePost(ctxFor(u), rawId(busy), hoursAgo(1));
    await likePost(ctxFor(w.buyer), rawId(hashtagMatch), hoursAgo(1));
    for (const u of viewers) await viewPost(ctxFor(u), { postId: rawId(hashtagMatch) }, hoursAgo(1));
    await likePost(ctxFor(w.buyer), rawId(productMatch), hoursAgo(1));
    for (const u of viewers.slice(0, 2))
      await viewPost(ctxFor(u), { postId: rawId(productMatch) }, hoursAgo(1));
    await snapshot();
  });

  const order = (ids: string[]) =>
    ids.filter((id) => [busy, hashtagMatch, productMatch, followedQuiet].includes(id));

  it("is TRENDING, not personalised, without a user or without consent", async () => {
    const trending = (await walk({ kind: "TRENDING" })).ids;
    for (const as of [{}, { user: viewer.token }]) {
      const f = await feed({ kind: "FOR_YOU", first: 1 }, as);
      expect(f).toMatchObject({ kind: "TRENDING", personalized: false });
      expect((await walk({ kind: "FOR_YOU" }, as)).ids).toEqual(trending);
    }
    expect(order(trending)).toEqual([busy, hashtagMatch, productMatch, followedQuiet]);
  });

  it("with consent, lifts followed creators, shared hashtags and engaged products above busier posts", async () => {
    ok(await consent(viewer, true));
    const f = await feed({ kind: "FOR_YOU", first: 1 }, { user: viewer.token });
    expect(f).toMatchObject({ kind: "FOR_YOU", personalized: true });
    const { ids } = await walk({ kind: "FOR_YOU", first: 2 }, { user: viewer.token });
    // product: (6000+1000)·7 = 49000; hashtag: (7000+1000)·6 = 48000; busy: (8000+1000)·4 = 36000;
    // followed: (0+1000)·8 = 8000, above every post without engagement or affinity (4000).
    expect(order(ids)).toEqual([productMatch, hashtagMatch, busy, followedQuiet]);
    const trending = (await walk({ kind: "TRENDING" })).ids;
    expect(ids.indexOf(followedQuiet)).toBeLessThan(trending.indexOf(followedQuiet));
    expect(new Set(ids)).toEqual(new Set(trending));
    // Another viewer's consent does not personalise this one's feed, nor the other way round.
    expect((await feed({ kind: "FOR_YOU", first: 1 }, { user: w.fan.token })).personalized).toBe(false);
  });

  it("keeps its cursor stable when the viewer engages between pages", async () => {
    const expected = (await walk({ kind: "FOR_YOU" }, { user: viewer.token })).ids;
    const { ids } = await walk({ kind: "FOR_YOU", first: 2 }, { user: viewer.token }, async () => {
      ok(await api.gql(LIKE, { input: { postId: followedQuiet } }, { user: viewer.token }));
      ok(await api.gql(FOLLOW, { input: { userId: w.creator2.gid } }, { user: viewer.token }));
    });
    expect(ids).toEqual(expected);
  });

  it("stops personalising as soon as the consent is withdrawn, refusing the personalised cursor", async () => {
    const page = await feed({ kind: "FOR_YOU", first: 2 }, { user: viewer.token });
    expect(page.personalized).toBe(true);
    ok(await consent(viewer, false));
    expect(
      await feedError({ kind: "FOR_YOU", first: 2, after: page.pageInfo.endCursor }, { user: viewer.token }),
    ).toBe("BAD_USER_INPUT");
    const again = await feed({ kind: "FOR_YOU", first: 2 }, { user: viewer.token });
    expect(again).toMatchObject({ kind: "TRENDING", personalized: false });
    // A personalised cursor is the viewer's own: nobody else may use it.
    ok(await consent(viewer, true));
    const mine = await feed({ kind: "FOR_YOU", first: 2 }, { user: viewer.token });
    ok(await consent(w.fan, true));
    expect(
      await feedError({ kind: "FOR_YOU", first: 2, after: mine.pageInfo.endCursor }, { user: w.fan.token }),
    ).toBe("BAD_USER_INPUT");
  });
});

describe("bad input", () => {
  it("answers malformed cursors, cursors of another feed and page sizes over 100 with BAD_USER_INPUT", async () => {
    const trending = await feed({ kind: "TRENDING", first: 1 });
    const hashtag = await feed({ kind: "HASHTAG", hashtag: "linen", first: 1 });
    const following = await feed({ kind: "FOLLOWING", first: 1 }, { user: w.creator.token });
    expect(trending.pageInfo.endCursor).toBeTruthy();
    expect(hashtag.pageInfo.endCursor).toBeTruthy();
    const forged = (v: unknown, o = "FEED:TRENDING") =>
      Buffer.from(JSON.stringify({ o, v, id: "0190a000-0000-7000-8000-000000000000" })).toString("base64url");
    const cases: [FeedVars, CallAs?][] = [
      [{ kind: "TRENDING", after: "garbage" }],
      [{ kind: "TRENDING", after: forged("yesterday|5") }],
      [{ kind: "TRENDING", after: forged(`${new Date().toISOString()}|1.5`) }],
      [{ kind: "TRENDING", after: forged(`${new Date(Date.now() + 3_600_000).toISOString()}|5`) }],
      [{ kind: "HASHTAG", hashtag: "linen", after: trending.pageInfo.endCursor }],
      [{ kind: "HASHTAG", hashtag: "wool", after: hashtag.pageInfo.endCursor }],
      [{ kind: "TRENDING", after: hashtag.pageInfo.endCursor }],
      [{ kind: "FOLLOWING", after: hashtag.pageInfo.endCursor }, { user: w.creator.token }],
      [{ kind: "FOLLOWING", after: "garbage" }],
      [{ kind: "HASHTAG", hashtag: "linen", after: following.pageInfo.endCursor ?? "x" }],
      [{ kind: "TRENDING", first: 101 }],
      [{ kind: "FOLLOWING", last: 101 }, { user: w.creator.token }],
      [{ kind: "TRENDING", first: -1 }],
      [{ kind: "TRENDING", first: 2, last: 2 }],
    ];
    for (const [vars, as] of cases)
      expect(await feedError(vars, as), JSON.stringify(vars)).toBe("BAD_USER_INPUT");
    // A cursor of a user's post list is not a FOLLOWING cursor.
    const posts = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on User { posts(first: 1) { pageInfo { endCursor } } } } }`,
        { id: w.creator.gid },
      ),
    );
    expect(
      await feedError(
        { kind: "FOLLOWING", after: posts.node.posts.pageInfo.endCursor },
        { user: w.creator.token },
      ),
    ).toBe("BAD_USER_INPUT");
  });
});

describe("SQL statements", () => {
  const PAGE = `query($kind: FeedKind!, $hashtag: String, $first: Int) {
    feed(kind: $kind, hashtag: $hashtag, first: $first) { kind personalized edges { cursor node {
      id caption hashtags likeCount viewerHasLiked media { kind url durationMs }
      author { id handle displayName }
      shop { id name }
      productTags { id x y startMs endMs
        product { id title handle priceRange { min { amount currencyCode } } variants { id title price { amount } } }
        variant { id title }
      }
    } } pageInfo { hasNextPage endCursor } }
  }`;

  it("loads a page of 20 or of 50 posts of every kind with tags, products, variants and authors in at most 6 statements", async () => {
    const reader = await person(api, "statements-reader", ["BUYER"]);
    const shop = await api.db.prisma.shop.create({
      data: {
        handle: "feedy",
        name: "Feedy",
        currencyCode: "EUR",
        members: { create: { userId: w.merchant.id } },
      },
    });
    await followShop(reader, encodeGlobalID("Shop", shop.id));
    ok(await consent(reader, true));
    for (let i = 0; i < 55; i++) {
      const id = await createPost(api, w.merchant.token, {
        shopId: encodeGlobalID("Shop", shop.id),
        caption: "#feedy",
        media: video({ durationMs: 9000 }),
        productTags: [
          { productId: w.tee.gid, variantId: w.tee.variants[i % 2], x: 0.1, y: 0.2, startMs: 0, endMs: 3000 },
          { productId: w.foreignActive.gid, x: 0.5, y: 0.5 },
        ],
      });
      if (i % 3 === 0) await likePost(ctxFor(reader), rawId(id), hoursAgo(1 + (i % 5)));
    }
    await snapshot();
    const kinds: [FeedVars, CallAs][] = [
      [{ kind: "TRENDING" }, {}],
      [{ kind: "FOR_YOU" }, { user: reader.token }],
      [{ kind: "FOR_YOU" }, {}],
      [{ kind: "FOLLOWING" }, { user: reader.token }],
      [{ kind: "HASHTAG", hashtag: "feedy" }, { user: reader.token }],
    ];
    const report: Record<string, number[]> = {};
    for (const [vars, as] of kinds) {
      const counts: number[] = [];
      for (const first of [20, 50]) {
        const { result, statements } = await api.db.statementsDuring(() =>
          api.gql(PAGE, { ...vars, first }, as),
        );
        const data = ok(result);
        expect(data.feed.edges).toHaveLength(first);
        const tagged = data.feed.edges.find((e: any) => e.node.productTags.length === 2);
        expect(tagged.node.productTags[0].product.variants).toHaveLength(2);
        expect(statements.length, statements.join("\n\n")).toBeLessThanOrEqual(6);
        counts.push(statements.length);
      }
      // The same whatever the page size.
      expect(counts[1]).toBe(counts[0]);
      report[`${vars.kind}${as.user ? " (user)" : ""}`] = counts;
    }
    console.info("statements per feed page (20, 50 posts):", report);
  });
});

describe("FOR_YOU candidates", () => {
  it("re-ranks the snapshot's best 1,000 posts and the followed creators' own posts and followed shops' posts beyond them, nothing else", async () => {
    const viewer = await person(api, "candidates-viewer", ["BUYER"]);
    const crowd = await person(api, "candidates-crowd", ["CREATOR"]);
    const followed = await person(api, "candidates-followed", ["CREATOR"]);
    const shop = await api.db.prisma.shop.create({
      data: { handle: "candidates-followed-shop", name: "Followed", currencyCode: "EUR" },
    });
    const otherShop = await api.db.prisma.shop.create({
      data: { handle: "candidates-other-shop", name: "Other", currencyCode: "EUR" },
    });
    ok(await followUser(viewer, followed.gid));
    ok(await followShop(viewer, encodeGlobalID("Shop", shop.id)));
    ok(await consent(viewer, true));
    // 1,200 posts: 1,100 busy ones, many with equal scores (so the 1,000th ties with its
    // neighbours), and 100 with more unlikes than likes (negative scores); then quiet posts
    // (score 0) below the busy ones: the followed creator's own, the followed shop's, a shop
    // post by the followed creator for a shop the viewer does not follow, a stranger's.
    const made = utc(new Date(rankingHour(new Date()).getTime() - 3 * 3_600_000));
    const post = async (authorId: string, shopId: string | null) =>
      (
        await api.db.prisma.$queryRaw<{ id: string }[]>`
          INSERT INTO "Post" ("id", "authorId", "shopId", "mediaKind", "mediaUrl", "width", "height", "createdAt", "updatedAt")
          VALUES (gen_random_uuid(), ${authorId}::uuid, ${shopId}::uuid, 'IMAGE', '/media/posts/1.jpg', 1080, 1350, ${made}, ${made}) RETURNING "id"::text AS "id"`
      )[0]!.id;
    await api.db.prisma.$executeRaw`
      WITH busy AS (
        INSERT INTO "Post" ("id", "authorId", "mediaKind", "mediaUrl", "width", "height", "createdAt", "updatedAt")
        SELECT gen_random_uuid(), ${crowd.id}::uuid, 'IMAGE', '/media/posts/1.jpg', 1080, 1350, ${made}, ${made} FROM generate_series(1, 1200)
        RETURNING "id"
      ), numbered AS (SELECT "id", (row_number() OVER ())::int AS n FROM busy)
      INSERT INTO "PostEngagementHour" ("postId", "hour", "views", "likes")
      SELECT "id", ${made}, CASE WHEN n % 12 = 0 THEN 0 ELSE 1 + n % 40 END, CASE WHEN n % 12 = 0 THEN -1 - n % 3 ELSE 0 END FROM numbered`;
    const followedOwn = await post(followed.id, null);
    const followedShop = await post(crowd.id, shop.id);
    const followedForOtherShop = await post(followed.id, otherShop.id);
    const stranger = await post(crowd.id, null);
    // And a post of the followed creator with more unlikes than likes: below every other.
    const followedUnliked = await post(followed.id, null);
    await api.db.prisma
      .$executeRaw`INSERT INTO "PostEngagementHour" ("postId", "hour", "likes") VALUES (${followedUnliked}::uuid, ${made}, -2)`;
    await snapshot();

    const hour = rankingHour(new Date());
    const scores = await api.db.prisma.trendingPostScore.findMany({
      where: { hour },
      select: { postId: true, score: true },
    });
    const snapshotOrder = rankPosts(scores.map((s) => ({ id: s.postId, score: Number(s.score) })));
    const top = new Set(snapshotOrder.slice(0, 1000).map((s) => s.id));
    for (const quiet of [followedOwn, followedShop, followedForOtherShop, stranger])
      expect(top.has(quiet)).toBe(false);
    const posts = await api.db.prisma.post.findMany({
      where: { id: { in: snapshotOrder.map((s) => s.id) } },
      select: { id: true, authorId: true, shopId: true },
    });
    const isFollowed = new Map(
      posts.map((p) => [p.id, (p.shopId === null && p.authorId === followed.id) || p.shopId === shop.id]),
    );
    // Nothing else personalises this viewer's feed: (trending + 1000) · (4, or 8 when followed).
    const expected = rankPosts(
      snapshotOrder
        .filter((s) => top.has(s.id) || isFollowed.get(s.id))
        .map((s) => ({ id: s.id, score: (s.score + 1000) * (isFollowed.get(s.id) ? 8 : 4) })),
    ).map((s) => encodeGlobalID("Post", s.id));

    // Every page size gives the same walk (pages score only the candidates that can be on them).
    for (const first of [100, 37])
      expect((await walk({ kind: "FOR_YOU", first }, { user: viewer.token })).ids).toEqual(expected);
    const { ids } = await walk({ kind: "FOR_YOU", first: 100 }, { user: viewer.token });
    expect(ids.at(-1)).toBe(encodeGlobalID("Post", followedUnliked));
    // Backwards from the third page to the second.
    const as = { user: viewer.token };
    const second = await feed(
      {
        kind: "FOR_YOU",
        first: 100,
        after: (await feed({ kind: "FOR_YOU", first: 100 }, as)).pageInfo.endCursor,
      },
      as,
    );
    const third = await feed({ kind: "FOR_YOU", first: 100, after: second.pageInfo.endCursor }, as);
    const back = await feed({ kind: "FOR_YOU", last: 100, before: third.pageInfo.startCursor }, as);
    expect(back.edges.map((e: any) => e.node.id)).toEqual(second.edges.map((e: any) => e.node.id));
    expect(second.edges.map((e: any) => e.node.id)).toEqual(expected.slice(100, 200));
    expect(ids).toContain(encodeGlobalID("Post", followedOwn));
    expect(ids).toContain(encodeGlobalID("Post", followedShop));
    expect(ids).not.toContain(encodeGlobalID("Post", followedForOtherShop));
    expect(ids).not.toContain(encodeGlobalID("Post", stranger));
  });
});
