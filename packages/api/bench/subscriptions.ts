/**
 * `pnpm bench` (third part; alone: `pnpm bench --only subscriptions`): live-session fan-out.
 *
 * Creates a fresh database on the server of BENCH_DATABASE_URL (default the local
 * postgresql://postgres@127.0.0.1:5432/test server) with one shop, one product and one LIVE
 * session, and starts the API in production mode in child processes. This process then opens
 * BENCH_SUBSCRIBERS (default 10,000) WebSockets (graphql-transport-ws, raw `ws` clients, 200
 * handshakes at a time), each subscribed to `liveSessionEvents` of that session with
 * `withCurrentState: true`: a subscriber is live when its first event arrives. Then it pins the
 * product BENCH_SUBSCRIPTION_ROUNDS (default 5) times with a new live price over HTTP, and
 * finally changes the price 100 times in one second (the burst).
 *
 * Latency of one delivery: its arrival here minus the event's `occurredAt`, stamped in the
 * pin's transaction just before its COMMIT (same machine, same clock). Per round the last
 * subscriber's latency is the fan-out time; over all deliveries p50 and p99. CPU per event: the
 * subscribers' instance (user and system time from /proc: system is mostly the socket writes)
 * and this client process, over the rounds. The burst: every subscriber must end on the last
 * price with no socket closed; it reports the frames each got (coalescing) and the p99 latency
 * of the last one.
 * Memory per subscriber: the API process's RSS (and heap) after a full GC, with the
 * subscribers connected minus before, divided by their number. Executions per event: the
 * groups sharing one execution (subscription-sharing.ts), checked to hold every subscriber.
 *
 * Scenarios: `one instance` (subscribers and mutations on one API process, in-process bus) and,
 * when Redis answers at BENCH_REDIS_URL (default redis://127.0.0.1:6379), `two instances`
 * (subscribers on instance B, mutations on instance A, events through Redis).
 * Writes .bench/subscriptions.json. Needs about 2 file descriptors per subscriber (ulimit -n).
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeGlobalID } from "@pothos/plugin-relay";
import pg from "pg";
import { BENCH_SERVER_URL, freshDatabase, writeResult } from "./shared.ts";
import WebSocket from "ws";
import { createApiKey, openDatabase } from "@shoppable/schema";

const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const rounds = Number(process.env.BENCH_SUBSCRIPTION_ROUNDS ?? 5);
const serverUrl = BENCH_SERVER_URL;
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const dbName = "shoppable_bench_subscriptions";
const here = fileURLToPath(new URL(".", import.meta.url));

// withCurrentState: each subscriber's first event says it is live (the bench starts pinning once all are).
const SUBSCRIPTION = `subscription($id: ID!) { liveSessionEvents(liveSessionId: $id, withCurrentState: true) { kind refetch occurredAt pinnedProduct { productId livePrice { amount currencyCode } } } }`;
const PIN = `mutation($input: LiveSessionPinProductInput!) { liveSessionPinProduct(input: $input) { userErrors { code message } } }`;

async function writeFixture(databaseUrl: string) {
  const db = await openDatabase({ databaseUrl, migrate: true });
  const publishable = (
    await createApiKey(db.prisma, { kind: "PUBLISHABLE", name: "subscriptions bench viewers" })
  ).key;
  const secret = (await createApiKey(db.prisma, { kind: "SECRET", name: "subscriptions bench platform" }))
    .key;
  const shop = await db.prisma.shop.create({
    data: { handle: "bench-live", name: "Bench live", currencyCode: "EUR" },
    select: { id: true },
  });
  const host = await db.prisma.user.create({
    data: { externalId: "bench-host", handle: "bench-host", roles: ["BUYER", "CREATOR"] },
    select: { id: true },
  });
  const product = await db.prisma.product.create({
    data: {
      shopId: shop.id,
      handle: "bench-live-product",
      title: "Bench live product",
      status: "ACTIVE",
      currencyCode: "EUR",
      minPrice: 10_000,
      maxPrice: 10_000,
      publishedAt: new Date(),
      variants: {
        create: [
          { title: "Default", price: 10_000, inventoryQuantity: 1000, position: 0, selectedOptions: [] },
        ],
      },
    },
    select: { id: true },
  });
  const session = await db.prisma.liveSession.create({
    data: {
      hostId: host.id,
      shopId: shop.id,
      title: "Bench live",
      status: "LIVE",
      scheduledAt: new Date(Date.now() - 60_000),
      startedAt: new Date(),
    },
    select: { id: true },
  });
  await db.close();
  return {
    publishable,
    secret,
    productId: encodeGlobalID("Product", product.id),
    sessionId: encodeGlobalID("LiveSession", session.id),
    sessionDbId: session.id,
  };
}

interface Api {
  child: ChildProcess;
  port: number;
  ask<T>(message: object, key: string): Promise<T>;
}

function startApi(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Api> {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, "api-child.ts"), [], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: "10",
        PORT: "0",
        WS_MAX_SUBSCRIPTIONS: "10",
        // Every subscriber comes from 127.0.0.1.
        WS_MAX_CONNECTIONS: "100000",
        WS_MAX_CONNECTIONS_PER_ADDRESS: "100000",
        ...extraEnv,
      },
      execArgv: ["--import", "tsx", "--expose-gc", "--max-old-space-size=4096"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`api-child exited with ${code}`)));
    const ask = <T>(message: object, key: string) =>
      new Promise<T>((answer) => {
        const listener = (m: Record<string, unknown>) => {
          if (key in m) {
            child.off("message", listener);
            answer(m[key] as T);
          }
        };
        child.on("message", listener);
        child.send(message);
      });
    child.on("message", (m: { ready?: number }) => m.ready && resolve({ child, port: m.ready, ask }));
  });
}

function stop(api: Api): Promise<void> {
  return new Promise((resolve) => {
    api.child.removeAllListeners("exit");
    api.child.once("exit", () => resolve());
    api.child.kill("SIGTERM");
  });
}

function redisAnswers(): Promise<boolean> {
  const url = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port || 6379), url.hostname);
    const done = (value: boolean) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(String(data).includes("PONG")));
  });
}

/** Opens `count` subscribed sockets; every delivery's latency goes to `onEvent`. */
async function openSubscribers(
  port: number,
  key: string,
  sessionId: string,
  count: number,
  onEvent: (subscriber: number, latencyMs: number, price: string | null) => void,
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  let opened = 0;
  const open = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const index = opened++;
      const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, "graphql-transport-ws", {
        perMessageDeflate: false,
      });
      socket.once("error", reject);
      socket.on("open", () =>
        socket.send(JSON.stringify({ type: "connection_init", payload: { "x-shoppable-key": key } })),
      );
      socket.on("message", (data) => {
        const now = Date.now();
        const message = JSON.parse(String(data)) as {
          type: string;
          payload?: {
            data?: {
              liveSessionEvents?: {
                occurredAt: string | null;
                refetch: boolean;
                pinnedProduct: { livePrice: { amount: string } | null } | null;
              };
            };
            errors?: unknown;
          };
        };
        if (message.type === "connection_ack") {
          socket.send(
            JSON.stringify({
              id: "1",
              type: "subscribe",
              payload: { query: SUBSCRIPTION, variables: { id: sessionId } },
            }),
          );
        } else if (message.type === "next") {
          const event = message.payload?.data?.liveSessionEvents;
          if (event?.refetch) resolve(socket);
          else if (event?.occurredAt)
            onEvent(
              index,
              now - Date.parse(event.occurredAt),
              event.pinnedProduct?.livePrice?.amount ?? null,
            );
          else reject(new Error(JSON.stringify(message.payload?.errors ?? message.payload)));
        } else if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
      });
      socket.on(
        "close",
        (code) =>
          code !== 1000 && code !== 1001 && code !== 1005 && reject(new Error(`socket closed with ${code}`)),
      );
    });
  for (let i = 0; i < count; i += 200) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(200, count - i) }, open))));
  }
  return sockets;
}

const BURST_EVENTS = 100;
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU of a process so far (user and system ms), from /proc. */
function procCpu(child: ChildProcess): { user: number; system: number } {
  const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    user: (Number(fields[11]) * 1000) / CLOCK_TICKS,
    system: (Number(fields[12]) * 1000) / CLOCK_TICKS,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Row {
  name: string;
  subscribers: number;
  rounds: number;
  deliveries: number;
  p50Ms: number;
  p99Ms: number;
  lastSubscriberMs: { median: number; max: number };
  rssPerSubscriberKb: number;
  heapPerSubscriberKb: number;
  /** CPU of the subscribers' instance per event (user and system ms), and of this client process. */
  serverCpuMsPerEvent: { user: number; system: number };
  clientCpuMsPerEvent: number;
  /** The burst: frames each subscriber got, and when its last one (the last price) arrived. */
  burst: {
    events: number;
    eventsPerSecond: number;
    framesPerSubscriber: { median: number; max: number };
    lastPriceP99Ms: number;
  };
  /** Executions groups (one per event each) and bus subscriptions serving all subscribers. */
  groups: number;
  busSubscriptions: number;
  loadAverage: number[];
}

async function scenario(
  name: string,
  mutateOn: Api,
  subscribeOn: Api,
  fixture: Awaited<ReturnType<typeof writeFixture>>,
): Promise<Row> {
  const before = await subscribeOn.ask<{ rss: number; heapUsed: number }>({ memory: true }, "memory");
  const latencies: number[] = [];
  let received = 0;
  // During the burst: each subscriber's frames, last price and the latency of its last frame.
  let burst: { frames: number[]; price: (string | null)[]; lastMs: number[] } | null = null;
  const sockets = await openSubscribers(
    subscribeOn.port,
    fixture.publishable,
    fixture.sessionId,
    subscribers,
    (subscriber, ms, price) => {
      if (burst) {
        burst.frames[subscriber] = (burst.frames[subscriber] ?? 0) + 1;
        burst.price[subscriber] = price;
        burst.lastMs[subscriber] = ms;
        return;
      }
      latencies.push(ms);
      received++;
    },
  );
  let closed = 0;
  for (const socket of sockets) socket.once("close", () => closed++);
  // Every socket had its first event: all are live. One execution per event serves them.
  const sharing = await subscribeOn.ask<{ groups: number; members: number; busSubscriptions: number }>(
    { sharing: ["liveSessionEvents", fixture.sessionDbId] },
    "sharing",
  );
  if (sharing.members !== subscribers) throw new Error(`${sharing.members} members of ${subscribers}`);
  const after = await subscribeOn.ask<{ rss: number; heapUsed: number }>({ memory: true }, "memory");
  const lastPerRound: number[] = [];
  const pin = async (price: string) => {
    const res = await fetch(`http://127.0.0.1:${mutateOn.port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shoppable-key": fixture.secret },
      body: JSON.stringify({
        query: PIN,
        variables: {
          input: { liveSessionId: fixture.sessionId, productId: fixture.productId, livePrice: price },
        },
      }),
    });
    const body = (await res.json()) as {
      data?: { liveSessionPinProduct: { userErrors: unknown[] } };
      errors?: unknown;
    };
    if (!body.data || body.data.liveSessionPinProduct.userErrors.length)
      throw new Error(`pin failed: ${JSON.stringify(body)}`);
  };
  const cpuBefore = { server: procCpu(subscribeOn.child), client: process.cpuUsage() };
  for (let round = 0; round < rounds; round++) {
    const from = latencies.length;
    await pin((50 + round).toFixed(2));
    const target = (round + 1) * subscribers;
    const deadline = Date.now() + 60_000;
    while (received < target && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    if (received < target)
      throw new Error(`round ${round}: ${received - round * subscribers} of ${subscribers} deliveries`);
    lastPerRound.push(Math.max(...latencies.slice(from)));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const cpuAfter = { server: procCpu(subscribeOn.child), client: process.cpuUsage(cpuBefore.client) };
  const perEvent = (ms: number) => Math.round(ms / rounds);

  // A burst: 100 price changes in one second (one every 10 ms) on the pinned product. Every
  // subscriber must end on the last price, none may be dropped; how many frames each got shows
  // the coalescing.
  burst = { frames: [], price: [], lastMs: [] };
  // One pin every 10 ms, at most 5 under way (a merchant's tool would not queue more).
  const burstStarted = performance.now();
  const burstPins = new Set<Promise<void>>();
  for (let n = 0; n < BURST_EVENTS; n++) {
    while (burstPins.size >= 5) await Promise.race(burstPins);
    const sent: Promise<void> = pin((60 + n / 100).toFixed(2)).finally(() => burstPins.delete(sent));
    burstPins.add(sent);
    await new Promise((resolve) => setTimeout(resolve, 1000 / BURST_EVENTS));
  }
  await Promise.all(burstPins);
  const burstSeconds = (performance.now() - burstStarted) / 1000;
  const finalPrice = (60 + (BURST_EVENTS - 1) / 100).toFixed(2);
  const burstDeadline = Date.now() + 60_000;
  const current = burst;
  const settled = () => current.price.filter((p) => p === finalPrice).length;
  while (settled() < subscribers && Date.now() < burstDeadline)
    await new Promise((resolve) => setTimeout(resolve, 5));
  if (settled() < subscribers) throw new Error(`burst: ${settled()} of ${subscribers} got the last price`);
  if (closed > 0) throw new Error(`burst: ${closed} subscribers were disconnected`);
  const frames = [...current.frames].sort((a, b) => a - b);
  const lastMs = [...current.lastMs].sort((a, b) => a - b);

  for (const socket of sockets) socket.close(1000);
  const sorted = [...latencies].sort((a, b) => a - b);
  const sortedLast = [...lastPerRound].sort((a, b) => a - b);
  return {
    name,
    subscribers,
    rounds,
    deliveries: latencies.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    lastSubscriberMs: { median: percentile(sortedLast, 50), max: sortedLast.at(-1) ?? 0 },
    serverCpuMsPerEvent: {
      user: perEvent(cpuAfter.server.user - cpuBefore.server.user),
      system: perEvent(cpuAfter.server.system - cpuBefore.server.system),
    },
    clientCpuMsPerEvent: perEvent((cpuAfter.client.user + cpuAfter.client.system) / 1000),
    burst: {
      events: BURST_EVENTS,
      eventsPerSecond: Math.round(BURST_EVENTS / burstSeconds),
      framesPerSubscriber: { median: percentile(frames, 50), max: frames.at(-1) ?? 0 },
      lastPriceP99Ms: percentile(lastMs, 99),
    },
    groups: sharing.groups,
    busSubscriptions: sharing.busSubscriptions,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    rssPerSubscriberKb: Math.round(((after.rss - before.rss) / subscribers / 1024) * 10) / 10,
    heapPerSubscriberKb: Math.round(((after.heapUsed - before.heapUsed) / subscribers / 1024) * 10) / 10,
  };
}

const databaseUrl = await freshDatabase(dbName, serverUrl);
const fixture = await writeFixture(databaseUrl);
const rows: Row[] = [];

console.log(`${subscribers} WebSocket subscribers to one live session, ${rounds} pins each scenario`);
{
  const api = await startApi(databaseUrl);
  try {
    rows.push(await scenario("one instance", api, api, fixture));
  } finally {
    await stop(api);
  }
}
if (await redisAnswers()) {
  const a = await startApi(databaseUrl, { REDIS_URL: redisUrl });
  const b = await startApi(databaseUrl, { REDIS_URL: redisUrl });
  try {
    rows.push(await scenario("two instances (Redis)", a, b, fixture));
  } finally {
    await stop(a);
    await stop(b);
  }
} else {
  console.log(`two instances: skipped, no Redis at ${redisUrl}`);
}

console.table(
  rows.map((r) => ({
    scenario: r.name,
    subscribers: r.subscribers,
    "p50 ms": r.p50Ms,
    "p99 ms": r.p99Ms,
    "last subscriber ms (median/max)": `${r.lastSubscriberMs.median} / ${r.lastSubscriberMs.max}`,
    "RSS KiB/subscriber": r.rssPerSubscriberKb,
    "heap KiB/subscriber": r.heapPerSubscriberKb,
    "executions/event": r.groups,
    "server CPU ms/event (user+sys)": `${r.serverCpuMsPerEvent.user}+${r.serverCpuMsPerEvent.system}`,
    "client CPU ms/event": r.clientCpuMsPerEvent,
    "burst events/s": r.burst.eventsPerSecond,
    "burst frames (median/max)": `${r.burst.framesPerSubscriber.median}/${r.burst.framesPerSubscriber.max}`,
    "burst last price p99 ms": r.burst.lastPriceP99Ms,
    load: r.loadAverage[0],
  })),
);
writeResult("subscriptions", { at: new Date().toISOString(), rows });
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.end();
process.exit(0);
