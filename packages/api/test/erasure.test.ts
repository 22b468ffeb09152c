/**
 * Erasure revokes at once: the erased user's token is refused on the next request although
 * users are cached for 10 minutes here, the host account is not created again, open
 * subscriptions end, and no write of a request authenticated before the erasure lands on the
 * anonymised row (the database refuses it; on PostgreSQL also one racing the erasure).
 * Across instances through Redis: erasure-redis.test.ts.
 */
import type { Client } from "graphql-ws";
import { USER_DATA } from "@shoppable/schema/privacy/data.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { createServer, type ShoppableServer } from "../src/server.ts";
import { Commerce, gid } from "./commerce.ts";
import { ok, startTestApi, type GraphQLResponse, type TestApi } from "./harness.ts";
import { params, sseSubscribe, until, wsClient, wsSubscribe } from "./realtime.ts";

const ERASE = `mutation { viewerErase(input: { confirm: true }) { erasedAt userErrors { code } } }`;
const VIEWER = `{ viewer { user { id handle } } }`;
const LIKE = `mutation($input: PostLikeInput!) { postLike(input: $input) { userErrors { code } } }`;
const COMMISSIONS = `subscription { commissionEvents { kind refetch } }`;
const TEN_MINUTES = "600000";

let api: TestApi;
let commerce: Commerce;
let url: string;
let people = 0;
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi({ AUTH_CACHE_TTL_MS: TEN_MINUTES });
  commerce = await Commerce.start(api);
  url = (await api.server.listen(0, "127.0.0.1")).url;
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await api?.close();
});

/** A user who has signed in (so their token is cached), with their token and id. */
async function person() {
  const sub = `erasable-${++people}`;
  const token = await api.token(sub, ["BUYER", "CREATOR"]);
  const id = dbIdOf(ok(await api.gql(VIEWER, {}, { user: token })).viewer.user.id);
  return { sub, token, id };
}
const dbIdOf = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;

async function post() {
  const author = await commerce.user("erasure-author");
  const row = await api.db.prisma.post.create({
    data: { authorId: author.id, mediaKind: "IMAGE", mediaUrl: "/m.jpg", width: 1, height: 1 },
    select: { id: true },
  });
  return { id: row.id, gid: gid("Post", row.id) };
}

function expectErased(res: GraphQLResponse) {
  expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
    ["UNAUTHENTICATED", "This account was erased."],
  ]);
}

describe("viewerErase", () => {
  it("refuses the erased user's token on the very next request, though users are cached for 10 minutes", async () => {
    const erin = await person();
    expect(ok(await api.gql(ERASE, {}, { user: erin.token })).viewerErase.userErrors).toEqual([]);
    const after = await api.gql(VIEWER, {}, { user: erin.token });
    expectErased(after);
    expect(after.status).toBe(401);
  });

  it("refuses any later token of the erased host account instead of creating the user again", async () => {
    const erin = await person();
    ok(await api.gql(ERASE, {}, { user: erin.token }));
    const fresh = await api.token(erin.sub, ["BUYER"]);
    expectErased(await api.gql(VIEWER, {}, { user: fresh }));
    expect(await api.db.prisma.user.count({ where: { externalId: erin.sub } })).toBe(0);
    // The list holds a digest, not the host's identifier.
    const listed = await api.db.prisma.erasedSubject.findMany();
    expect(listed.length).toBeGreaterThan(0);
    expect(JSON.stringify(listed)).not.toContain(erin.sub);
  });

  it("ends the user's open subscriptions: SSE with the error, WebSockets closed with 4403", async () => {
    const erin = await person();
    const members = api.server.subscriptions.stats().members;
    const sse = await sseSubscribe(
      url,
      { "x-shoppable-key": api.keys.publishable, "x-shoppable-user": erin.token },
      COMMISSIONS,
      {},
    );
    const client = wsClient(url, params(api, { user: erin.token }));
    clients.push(client);
    const ws = wsSubscribe(client, COMMISSIONS, {});
    // The same operation by the same user: both share one execution (one bus subscription).
    await until(() => api.server.subscriptions.stats().members === members + 2, "both subscriptions");
    expect(api.server.events.subscribers("commissionEvents", erin.id)).toBe(1);
    ok(await api.gql(ERASE, {}, { user: erin.token }));
    const ended = await sse.next();
    expect(ended.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ["UNAUTHENTICATED", "This account was erased."],
    ]);
    await expect(sse.next()).rejects.toThrow(/completed|ended/);
    await expect(ws.next()).rejects.toThrow(/4403/);
    await until(
      () => api.server.events.subscribers("commissionEvents", erin.id) === 0,
      "subscriptions to end",
    );
    await sse.close();
  });

  it("refuses, in the database, every write of a request authenticated before the erasure: nothing lands on the anonymised row", async () => {
    // A second instance on the same database with no event bus in common (no REDIS_URL) never
    // hears of the erasure: its cache keeps the user for 10 minutes, as a request already past
    // authentication would. What it writes for the user must still be refused.
    const stale: ShoppableServer = createServer({
      db: api.db,
      config: api.config,
      logger: createLogger("silent"),
    });
    try {
      const onStale = async (query: string, variables: Record<string, unknown>, token: string) => {
        const headers: Record<string, string> = {
          "content-type": "application/json",
          "x-shoppable-key": api.keys.publishable,
          "x-shoppable-user": token,
        };
        const response = await stale.yoga.fetch("http://test/graphql", {
          method: "POST",
          headers,
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse;
      };
      const erin = await person();
      const friend = await person();
      const target = await post();
      const shop = await commerce.shop("EUR");
      const product = await commerce.product(shop.id, ["5.00"], 10);
      expect(ok(await onStale(VIEWER, {}, erin.token)).viewer.user.id).toBe(gid("User", erin.id));
      ok(await api.gql(ERASE, {}, { user: erin.token }));

      const writes: [string, Record<string, unknown>][] = [
        [LIKE, { input: { postId: target.gid } }],
        [
          `mutation($input: PostViewInput!) { postView(input: $input) { userErrors { code } } }`,
          { input: { postId: target.gid } },
        ],
        [
          `mutation($input: PostShareInput!) { postShare(input: $input) { userErrors { code } } }`,
          { input: { postId: target.gid, channel: "copy_link" } },
        ],
        [
          `mutation($input: UserFollowInput!) { userFollow(input: $input) { userErrors { code } } }`,
          { input: { userId: gid("User", friend.id) } },
        ],
        [
          `mutation($input: UserFollowInput!) { userFollow(input: $input) { userErrors { code } } }`,
          { input: { shopId: shop.id } },
        ],
        [
          `mutation($input: CartCreateInput) { cartCreate(input: $input) { cart { id } userErrors { code } } }`,
          { input: { lines: [{ variantId: product.variants[0]!.id, quantity: 1 }] } },
        ],
        [
          `mutation($input: ViewerConsentUpdateInput!) { viewerConsentUpdate(input: $input) { userErrors { code } } }`,
          { input: { personalization: true } },
        ],
        [
          `mutation($input: AffiliateLinkCreateInput!) { affiliateLinkCreate(input: $input) { userErrors { code } } }`,
          { input: { shopId: shop.id } },
        ],
      ];
      await api.db.prisma.affiliateProgram.create({ data: { shopId: dbIdOf(shop.id), defaultRate: 1000 } });
      for (const [query, variables] of writes) expectErased(await onStale(query, variables, erin.token));

      const db = api.db.prisma;
      const viewerKey = `user:${erin.id}`;
      expect(
        await Promise.all([
          db.postLike.count({ where: { userId: erin.id } }),
          db.postView.count({ where: { viewerKey } }),
          db.postShare.count({ where: { userId: erin.id } }),
          db.userFollow.count({ where: { followerId: erin.id } }),
          db.shopFollow.count({ where: { followerId: erin.id } }),
          db.cart.count({ where: { userId: erin.id } }),
          db.affiliateLink.count({ where: { creatorId: erin.id } }),
        ]),
      ).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(
        await db.post.findUniqueOrThrow({
          where: { id: target.id },
          select: { likeCount: true, viewCount: true, shareCount: true },
        }),
      ).toEqual({ likeCount: 0, viewCount: 0, shareCount: 0 });
      expect(
        await db.user.findUniqueOrThrow({
          where: { id: erin.id },
          select: { consentPersonalization: true, followingCount: true, roles: true },
        }),
      ).toEqual({
        consentPersonalization: false,
        followingCount: 0,
        roles: [],
      });
      expect((await db.user.findUniqueOrThrow({ where: { id: friend.id } })).followerCount).toBe(0);
    } finally {
      await stale.close(1000);
    }
  });

  it("a like racing the erasure does not land on the anonymised row (PostgreSQL)", async (ctx) => {
    if (api.db.driver.kind !== "postgres")
      ctx.skip("needs PostgreSQL: the embedded database runs one transaction at a time");
    const pool = (api.db.driver as { kind: "postgres"; pool: import("pg").Pool }).pool;
    const erin = await person();
    const liked = await post();
    const target = await post();
    ok(await api.gql(LIKE, { input: { postId: liked.gid } }, { user: erin.token }));
    const waiting = async () =>
      (
        await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`,
        )
      ).rows[0]!.n;

    // The erasure locks Erin's row first, then must update the post she liked: hold that post,
    // so the erasure stays under way while her like of another post arrives.
    const holder = await pool.connect();
    let erase: Promise<GraphQLResponse> | undefined;
    let like: Promise<GraphQLResponse> | undefined;
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "Post" WHERE "id" = $1 FOR UPDATE`, [liked.id]);
      erase = api.gql(ERASE, {}, { user: erin.token });
      await until(async () => (await waiting()) === 1, "the erasure to wait for the held post");
      like = api.gql(LIKE, { input: { postId: target.gid } }, { user: erin.token });
      await until(async () => (await waiting()) === 2, "the like to wait for the erasure");
    } finally {
      await holder.query("COMMIT");
      holder.release();
    }
    expect(ok(await erase!).viewerErase.userErrors).toEqual([]);
    expectErased(await like!);
    expect(await api.db.prisma.postLike.count({ where: { userId: erin.id } })).toBe(0);
    expect((await api.db.prisma.post.findUniqueOrThrow({ where: { id: target.id } })).likeCount).toBe(0);
    const hourly = await api.db.prisma.postEngagementHour.aggregate({
      where: { postId: target.id },
      _sum: { likes: true },
    });
    expect(hourly._sum.likes ?? 0).toBe(0);
  });
});

describe("the erased-user guard", () => {
  it("stands on every column USER_DATA marks refused, and on no other", async () => {
    const triggers = await api.db.prisma.$queryRawUnsafe<{ table: string; args: string }[]>(
      `SELECT c.relname AS "table", encode(t.tgargs, 'escape') AS "args"
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE NOT t.tgisinternal AND p.proname = 'refuse_erased_user'`,
    );
    // tgargs holds the arguments, each ended by a NUL byte (escaped as \\000).
    const guarded = triggers
      .flatMap((t) =>
        t.args
          .split("\\000")
          .filter(Boolean)
          .map((column) => `${t.table}.${column}`),
      )
      .sort();
    const refused = Object.entries(USER_DATA)
      .filter(([, d]) => d.afterErasure === "refused")
      .map(([column]) => column)
      .sort();
    expect(guarded).toEqual(refused);
  });
});
