/**
 * A rolling restart during a live session: two instances share the database and Redis behind a
 * balancer (a TCP proxy sending each new connection to an instance in rotation). Viewers follow
 * the session through the SDK. Each instance in turn leaves the balancer, drains (its sockets
 * close with 1001), and a new one takes its place; the viewers it held reconnect through the
 * balancer to the other, start again with a `refetch` event, and every pin after that reaches
 * every viewer.
 *
 * Where no Redis is reachable the test reports itself skipped (never passed).
 */
import { createServer as createTcpServer, connect, type AddressInfo, type Socket } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import { createShoppableClient, type ShoppableClient } from "../../sdk/src/index.ts";
import { createLogger } from "../src/logger.ts";
import { createServer, type ShoppableServer } from "../src/server.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";
import { until } from "./realtime.ts";
import { redisReachable, redisUrl } from "./redis.ts";

const reachable = await redisReachable();
const VIEWERS = 6;

/** Round-robin TCP balancer over the instances in `backends` (ports); none: the connection is dropped. */
async function balancer() {
  const backends: number[] = [];
  const open = new Set<Socket>();
  let turn = 0;
  const server = createTcpServer((client) => {
    const port = backends[turn++ % Math.max(1, backends.length)];
    if (port === undefined) return client.destroy();
    const upstream = connect(port, "127.0.0.1");
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(a);
      a.pipe(b);
      a.on("error", () => b.destroy());
      a.on("close", () => {
        open.delete(a);
        b.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    backends,
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let api: TestApi;
let front: Awaited<ReturnType<typeof balancer>>;
const instances: { server: ShoppableServer; port: number }[] = [];
const viewers: ShoppableClient[] = [];

/** The instance in `slot` (0 or 1). */
function instance(slot: number): { server: ShoppableServer; port: number } {
  const found = instances[slot];
  if (!found) throw new Error(`no instance in slot ${slot}`);
  return found;
}

async function startInstance(): Promise<{ server: ShoppableServer; port: number }> {
  const server = createServer({
    db: api.db,
    config: { ...api.config, redisUrl: redisUrl.toString() },
    logger: createLogger("silent"),
  });
  const { port } = await server.listen(0, "127.0.0.1");
  return { server, port };
}

beforeAll(async () => {
  if (!reachable) return;
  api = await startTestApi({ REDIS_URL: redisUrl.toString() });
  front = await balancer();
  for (let i = 0; i < 2; i++) {
    const instance = await startInstance();
    instances.push(instance);
    front.backends.push(instance.port);
  }
});

afterAll(async () => {
  if (!reachable) return;
  for (const viewer of viewers) await viewer.close();
  for (const { server } of instances) await server.close(1000);
  await front?.close();
  await api?.close();
});

it("keeps every viewer of a live session receiving events through a rolling restart of both instances", async (ctx) => {
  if (!reachable) ctx.skip(`no Redis reachable at ${redisUrl.host}`);
  const merchant = await api.token("rolling-merchant", ["MERCHANT"]);
  const as = { key: "secret" as const, user: merchant };
  const shopId = ok(
    await api.gql(
      `mutation($input: ShopCreateInput!) { shopCreate(input: $input) { shop { id } } }`,
      { input: { handle: "rolling", name: "Rolling", currencyCode: "EUR" } },
      as,
    ),
  ).shopCreate.shop.id;
  const productId = ok(
    await api.gql(
      `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } } }`,
      { input: { shopId, title: "Live tee", status: "ACTIVE", variants: [{ price: "20" }] } },
      as,
    ),
  ).productCreate.product.id;
  const sessionId = ok(
    await api.gql(
      `mutation($input: LiveSessionScheduleInput!) { liveSessionSchedule(input: $input) { liveSession { id } } }`,
      { input: { title: "Rolling", shopId, scheduledAt: new Date(Date.now() + 60_000).toISOString() } },
      as,
    ),
  ).liveSessionSchedule.liveSession.id;

  // Viewers through the balancer, spread over both instances; each its own WebSocket.
  const received: { kind: string; refetch: boolean; price: string | null }[][] = [];
  for (let i = 0; i < VIEWERS; i++) {
    const viewer = createShoppableClient({
      url: front.url,
      apiKey: api.keys.publishable,
      webSocketImpl: WebSocket,
      retry: { minDelayMs: 20, maxDelayMs: 100 },
    });
    viewers.push(viewer);
    const events = viewer.liveSessionEvents({ liveSessionId: sessionId });
    const mine: (typeof received)[number] = [];
    received.push(mine);
    void (async () => {
      for await (const event of events)
        mine.push({
          kind: event.kind,
          refetch: event.refetch,
          price: event.pinnedProduct?.livePrice?.amount ?? null,
        });
    })();
    await events.ready;
  }
  const held = instances.map(({ server }) => server.subscriptions.stats().members);
  expect(held.every((n) => n > 0)).toBe(true);

  let price = 10;
  /** Pins with a new price on `instance`; resolves when every viewer has it. */
  const pinEverywhere = async (instance: { port: number }) => {
    const amount = `${++price}.00`;
    const res = await fetch(`http://127.0.0.1:${instance.port}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shoppable-key": api.keys.secret,
        "x-shoppable-user": merchant,
      },
      body: JSON.stringify({
        query: `mutation($input: LiveSessionPinProductInput!) { liveSessionPinProduct(input: $input) { userErrors { code } } }`,
        variables: { input: { liveSessionId: sessionId, productId, livePrice: amount } },
      }),
    });
    expect((await res.json()).data.liveSessionPinProduct.userErrors).toEqual([]);
    await until(
      () => received.every((events) => events.some((e) => e.price === amount)),
      `every viewer to get ${amount}`,
    );
  };
  await pinEverywhere(instance(0));

  for (const slot of [0, 1]) {
    const old = instance(slot);
    const moved = old.server.subscriptions.stats().members;
    const before = received.map((events) => events.length);
    // Out of the balancer (its /ready says "shutting down" from now on), then drained.
    front.backends.splice(front.backends.indexOf(old.port), 1);
    await old.server.close(5_000);
    // The viewers it held reconnected to the other instance and start again with a refetch.
    await until(
      () => received.filter((events, i) => events.slice(before[i]).some((e) => e.refetch)).length === moved,
      `${moved} viewers to resubscribe`,
    );
    const fresh = await startInstance();
    instances[slot] = fresh;
    front.backends.push(fresh.port);
    // An event published on either instance reaches every viewer.
    await pinEverywhere(instance(1 - slot));
    await pinEverywhere(fresh);
  }
  expect(instances.reduce((sum, { server }) => sum + server.subscriptions.stats().members, 0)).toBe(VIEWERS);
});
