/**
 * Two API instances on different ports sharing the database and Redis (REDIS_URL, default
 * redis://127.0.0.1:6379): events cross instances through Redis pub/sub, and survive Redis
 * going away. The instances reach Redis through a TCP proxy this test can cut, so losing
 * Redis is real for them without touching the machine's Redis.
 *
 * Where no Redis is reachable the test reports itself skipped (never passed).
 */
import type { Client } from "graphql-ws";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { createServer, type ShoppableServer } from "../src/server.ts";
import { Commerce, dbId } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";
import { params, subscribed, until, wsClient, wsSubscribe } from "./realtime.ts";
import { redisProxy, redisReachable, redisUrl } from "./redis.ts";

const reachable = await redisReachable();
let api: TestApi;
let second: ShoppableServer;
let proxy: Awaited<ReturnType<typeof redisProxy>>;
let redis: Redis;
const urls = { a: "", b: "" };
const clients: Client[] = [];

beforeAll(async () => {
  if (!reachable) return;
  proxy = await redisProxy();
  redis = new Redis(redisUrl.toString());
  api = await startTestApi({ REDIS_URL: proxy.url });
  urls.a = (await api.server.listen(0, "127.0.0.1")).url;
  second = createServer({
    db: api.db,
    config: { ...api.config, redisUrl: proxy.url },
    logger: createLogger("silent"),
  });
  urls.b = (await second.listen(0, "127.0.0.1")).url;
});

afterAll(async () => {
  if (!reachable) return;
  for (const client of clients) await client.dispose();
  await second?.close(1000);
  await api?.close();
  await proxy?.close();
  redis?.disconnect();
});

const ready = async (url: string) => {
  const res = await fetch(url.replace("/graphql", "/ready"));
  return { status: res.status, body: (await res.json()) as { status: string; events: string } };
};

/** Waits until Redis has `n` subscribers on the channel of (topic, id). */
const redisSubscribers = (topic: string, id: string, n: number) =>
  until(async () => {
    const [, count] = (await redis.pubsub("NUMSUB", `shoppable:${topic}:${id}`)) as [string, number];
    return count >= n;
  }, `${n} Redis subscribers`);

const LIVE_EVENTS = `subscription($id: ID!) { liveSessionEvents(liveSessionId: $id) { kind refetch pinnedProduct { livePrice { amount } } } }`;

describe("subscriptions across two instances through Redis", () => {
  it("deliver a mutation on one instance to a subscriber on the other; through Redis loss mutations work, /ready reports it, and subscribers are told to refetch", async (ctx) => {
    if (!reachable) ctx.skip(`no Redis reachable at ${redisUrl.host}`);
    for (const url of [urls.a, urls.b])
      await until(async () => (await ready(url)).status === 200, "both instances ready");

    const shop = await Commerce.start(api);
    const shopId = await shop.shop();
    const product = await shop.product(shopId.id, ["40.00"], 10);
    const M = async (name: string, input: Record<string, unknown>) => {
      const res = ok(
        await api.gql(
          `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { liveSession { id pinnedProducts { id } } userErrors { code } } }`,
          { input },
          shop.asMerchant,
        ),
      );
      expect(res[name].userErrors).toEqual([]);
      return res[name].liveSession;
    };
    const session = await M("liveSessionSchedule", {
      title: "Across",
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      shopId: shopId.id,
    });
    await M("liveSessionStart", { id: session.id });

    // The subscriber is on instance B; every mutation goes to instance A (api.gql).
    const client = wsClient(urls.b, params(api));
    clients.push(client);
    const stream = wsSubscribe(client, LIVE_EVENTS, { id: session.id });
    await subscribed(second.events, "liveSessionEvents", session.id);
    await redisSubscribers("liveSessionEvents", dbId(session.id), 1);

    const pinned = await M("liveSessionPinProduct", {
      liveSessionId: session.id,
      productId: product.id,
      livePrice: "30.00",
    });
    expect((await stream.next()).data.liveSessionEvents).toEqual({
      kind: "PRODUCT_PINNED",
      refetch: false,
      pinnedProduct: { livePrice: { amount: "30.00" } },
    });

    proxy.cut();
    await until(async () => (await ready(urls.a)).status === 503, "instance A to report Redis lost");
    expect((await ready(urls.a)).body.events).toMatch(/redis/i);
    // Queries and mutations keep working without Redis.
    await M("liveSessionPinProduct", {
      liveSessionId: session.id,
      productId: product.id,
      livePrice: "25.00",
    });
    expect(
      ok(
        await api.gql(
          `query($id: ID!) { liveSession(id: $id) { pinnedProducts { livePrice { amount } } } }`,
          { id: session.id },
        ),
      ).liveSession.pinnedProducts,
    ).toEqual([{ livePrice: { amount: "25.00" } }]);

    proxy.restore();
    // B missed the price change: once Redis is back it tells its subscribers to refetch.
    expect((await stream.next()).data.liveSessionEvents).toEqual({
      kind: "REFETCH",
      refetch: true,
      pinnedProduct: null,
    });
    for (const url of [urls.a, urls.b])
      await until(async () => (await ready(url)).status === 200, "both instances ready again");
    await redisSubscribers("liveSessionEvents", dbId(session.id), 1);

    await M("liveSessionUnpinProduct", { pinnedProductId: pinned.pinnedProducts[0].id });
    expect((await stream.next()).data.liveSessionEvents).toMatchObject({
      kind: "PRODUCT_UNPINNED",
      refetch: false,
    });
    await stream.close();
  });
});
