/**
 * Erasure across two API instances sharing the database and Redis (REDIS_URL, default
 * redis://127.0.0.1:6379), with users cached for 10 minutes: erased on instance A, the token is
 * refused on instance B at once and B's WebSockets of the user close; while Redis is lost, B
 * looks users up instead of trusting its cache, and once Redis is back it trusts nothing it
 * cached before. The instances reach Redis through a proxy the test can cut.
 *
 * Where no Redis is reachable the test reports itself skipped (never passed).
 */
import type { Client } from "graphql-ws";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { createServer, type ShoppableServer } from "../src/server.ts";
import { ok, startTestApi, type GraphQLResponse, type TestApi } from "./harness.ts";
import { params, until, wsClient, wsSubscribe } from "./realtime.ts";
import { redisProxy, redisReachable, redisUrl } from "./redis.ts";

const ERASE = `mutation { viewerErase(input: { confirm: true }) { erasedAt userErrors { code } } }`;
const VIEWER = `{ viewer { user { id } } }`;

const reachable = await redisReachable();
let api: TestApi;
let second: ShoppableServer;
let proxy: Awaited<ReturnType<typeof redisProxy>>;
let redis: Redis;
let urlB = "";
let people = 0;
const clients: Client[] = [];

beforeAll(async () => {
  if (!reachable) return;
  proxy = await redisProxy();
  redis = new Redis(redisUrl.toString());
  api = await startTestApi({ REDIS_URL: proxy.url, AUTH_CACHE_TTL_MS: "600000" });
  second = createServer({
    db: api.db,
    config: { ...api.config, redisUrl: proxy.url },
    logger: createLogger("silent"),
  });
  urlB = (await second.listen(0, "127.0.0.1")).url;
});

afterAll(async () => {
  if (!reachable) return;
  for (const client of clients) await client.dispose();
  await second?.close(1000);
  await api?.close();
  await proxy?.close();
  redis?.disconnect();
});

/** A request to instance B (instance A is `api.gql`). */
async function onB(query: string, token: string): Promise<GraphQLResponse> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-shoppable-key": api.keys.publishable,
    "x-shoppable-user": token,
  };
  const response = await second.yoga.fetch("http://test/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query }),
  });
  return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse;
}

/** A user signed in on instance B (so B caches their token). */
async function signedInOnB() {
  const token = await api.token(`erased-across-${++people}`, ["BUYER", "CREATOR"]);
  const globalId: string = ok(await onB(VIEWER, token)).viewer.user.id;
  return { token, id: Buffer.from(globalId, "base64").toString().split(":")[1]! };
}

/** Resolves when instance B has heard that `userId` was erased (its authenticator heard first). */
function heardOnB(userId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = second.events.listen("userErased", "all", (d) => {
      if (d.kind === "event" && d.payload.userId === userId) {
        stop();
        resolve();
      }
    });
  });
}

/** Both instances hear each other through Redis. */
async function healthy() {
  await until(
    () => api.server.events.problem() === null && second.events.problem() === null,
    "both instances to reach Redis",
  );
  await until(
    async () => ((await redis.pubsub("NUMSUB", "shoppable:userErased:all")) as [string, number])[1] >= 2,
    "both instances to listen for erasures",
  );
}

function expectErased(res: GraphQLResponse) {
  expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
    ["UNAUTHENTICATED", "This account was erased."],
  ]);
}

describe("erasure across instances", () => {
  it("refuses the token on the other instance at once and closes its WebSockets of the user", async (ctx) => {
    if (!reachable) ctx.skip(`no Redis reachable at ${redisUrl.host}`);
    await healthy();
    const erin = await signedInOnB();
    const client = wsClient(urlB, params(api, { user: erin.token }));
    clients.push(client);
    const stream = wsSubscribe(client, `subscription { commissionEvents { kind } }`, {});
    await until(() => second.events.subscribers("commissionEvents", erin.id) === 1, "the subscription on B");

    const heard = heardOnB(erin.id);
    expect(ok(await api.gql(ERASE, {}, { user: erin.token })).viewerErase.userErrors).toEqual([]);
    await heard;
    expectErased(await onB(VIEWER, erin.token));
    await expect(stream.next()).rejects.toThrow(/4403/);
  });

  it("without Redis, looks users up on every request; with Redis back, trusts nothing cached before", async (ctx) => {
    if (!reachable) ctx.skip(`no Redis reachable at ${redisUrl.host}`);
    await healthy();
    // Erased while Redis is lost, and B asked only once it is back: its cache was dropped.
    const carol = await signedInOnB();
    proxy.cut();
    await until(
      () => api.server.events.problem() !== null && second.events.problem() !== null,
      "both instances to lose Redis",
    );
    ok(await api.gql(ERASE, {}, { user: carol.token }));
    proxy.restore();
    await healthy();
    expectErased(await onB(VIEWER, carol.token));

    // Erased while Redis is lost, and B asked meanwhile: B looks the user up.
    const dave = await signedInOnB();
    const eve = await signedInOnB();
    proxy.cut();
    await until(
      () => api.server.events.problem() !== null && second.events.problem() !== null,
      "both instances to lose Redis",
    );
    ok(await api.gql(ERASE, {}, { user: dave.token }));
    expectErased(await onB(VIEWER, dave.token));
    // Everyone else still gets in, looked up each time.
    expect(ok(await onB(VIEWER, eve.token)).viewer.user).not.toBeNull();
    proxy.restore();
    await healthy();
  });
});
