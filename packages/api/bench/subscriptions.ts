/**
 * `pnpm bench` (third part; alone: `pnpm bench --only subscriptions`): live-session fan-out.
 *
 * Creates a fresh database on the server of BENCH_DATABASE_URL (default the local
 * postgresql://postgres@127.0.0.1:5432/test server) with one shop, one product and one LIVE
 * session, and starts the API in production mode in child processes. BENCH_CLIENT_PROCESSES
 * (default 2) client processes (subscribers-child.ts: raw `ws` clients, graphql-transport-ws)
 * then open the subscribers, each subscribed to `liveSessionEvents` of that session with
 * `withCurrentState: true`: a subscriber is live when its first event arrives. One pin (not
 * counted) warms the instances up; then the product is pinned BENCH_SUBSCRIPTION_ROUNDS
 * (default 5) times with a new live price over HTTP, and finally its price changes 100 times in
 * one second (the burst).
 *
 * Latency of one delivery: its arrival in a client minus the event's `occurredAt`, stamped in
 * the pin's transaction just before its COMMIT (same machine, same clock). Per round the last
 * subscriber's latency is the fan-out time; over all deliveries p50 and p99. Every frame is
 * parsed and checked, and every subscriber must get every round's price. CPU per event: the
 * subscribers' instances (user and system time from /proc: system is mostly the socket writes)
 * and the client processes, over the rounds. The burst: every subscriber must end on the last
 * price with no socket closed; it reports the frames each got (coalescing) and the p99 latency
 * of the last one. Memory per subscriber: the API processes' RSS (and heap) after a full GC,
 * with the subscribers connected minus before, divided by their number. Executions per event:
 * the groups sharing one execution (subscription-sharing.ts), one per instance, checked to hold
 * every subscriber.
 *
 * Scenarios: `one instance` (BENCH_SUBSCRIBERS, default 10,000: subscribers and mutations on one
 * API process, in-process bus) and, when Redis answers at BENCH_REDIS_URL (default
 * redis://127.0.0.1:6379), `two instances` (BENCH_SUBSCRIBERS_TWO_INSTANCES, default 36,000,
 * half on each instance; the mutations on the first; events through Redis). An instance needs a
 * file descriptor per subscriber, and so does a client process: 18,000 each stays within this
 * machine's hard limit of 20,000 per process.
 * Writes .bench/subscriptions.json.
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
import type { Settled } from "./subscribers-child.ts";
import { createApiKey, openDatabase } from "@shoppable/schema";

const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
// Two instances hold as many as this machine's open-file limit lets each (20,000 per process).
const subscribersTwo = Number(process.env.BENCH_SUBSCRIBERS_TWO_INSTANCES ?? 36_000);
const clientProcesses = Number(process.env.BENCH_CLIENT_PROCESSES ?? 2);
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
      execArgv: [
        "--import",
        "tsx",
        "--expose-gc",
        "--max-old-space-size=4096",
        ...(process.env.BENCH_API_NODE_ARGS?.split(" ") ?? []),
      ],
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

interface Client {
  child: ChildProcess;
  ask<T>(message: object, key: string): Promise<T>;
}

/** A process of the bench's subscribers (subscribers-child.ts). */
function startClient(): Client {
  const child = fork(join(here, "subscribers-child.ts"), [], {
    execArgv: ["--import", "tsx", "--max-old-space-size=4096"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  child.once("exit", (code) => {
    if (code !== 0 && code !== null) throw new Error(`subscribers-child exited with ${code}`);
  });
  return {
    child,
    ask: <T>(message: object, key: string) =>
      new Promise<T>((answer, reject) => {
        const listener = (m: Record<string, unknown>) => {
          if (!(key in m)) return;
          child.off("message", listener);
          const value = m[key] as { error?: string };
          if (value && typeof value === "object" && typeof value.error === "string")
            reject(new Error(`subscribers: ${value.error}`));
          else answer(m[key] as T);
        };
        child.on("message", listener);
        child.send(message);
      }),
  };
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
  /** Instances the subscribers are spread over, and client processes they are opened from. */
  instances: number;
  clientProcesses: number;
  rounds: number;
  deliveries: number;
  p50Ms: number;
  p99Ms: number;
  lastSubscriberMs: { median: number; max: number };
  rssPerSubscriberKb: number;
  heapPerSubscriberKb: number;
  /** CPU of the subscribers' instances per event (user and system ms), and of the client processes. */
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
  subscribeOn: Api[],
  count: number,
  fixture: Awaited<ReturnType<typeof writeFixture>>,
): Promise<Row> {
  const memory = () =>
    Promise.all(
      subscribeOn.map((api) => api.ask<{ rss: number; heapUsed: number }>({ memory: true }, "memory")),
    );
  const before = await memory();
  // The subscribers: spread over the client processes, each process on one instance.
  const clients = Array.from({ length: Math.max(clientProcesses, subscribeOn.length) }, startClient);
  const shares = clients.map(
    (_, c) => Math.floor(count / clients.length) + (c < count % clients.length ? 1 : 0),
  );
  const ports = subscribeOn.map((api) => api.port);
  for (const [c, client] of clients.entries()) {
    const port = ports[c % ports.length];
    await client.ask(
      {
        open: {
          port,
          key: fixture.publishable,
          sessionId: fixture.sessionId,
          count: shares[c],
          query: SUBSCRIPTION,
        },
      },
      "open",
    );
  }
  const all = <T>(message: object, key: string) => Promise.all(clients.map((c) => c.ask<T>(message, key)));
  try {
    // Every socket had its first event: all are live. One execution per event and instance serves them.
    const sharing = await Promise.all(
      subscribeOn.map((api) =>
        api.ask<{ groups: number; members: number; busSubscriptions: number }>(
          { sharing: ["liveSessionEvents", fixture.sessionDbId] },
          "sharing",
        ),
      ),
    );
    const members = sharing.reduce((sum, s) => sum + s.members, 0);
    if (members !== count) throw new Error(`${members} members of ${count}`);
    const after = await memory();
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
    /** Every subscriber's deliveries since the last reset, once each has `price`. */
    const settle = async (price: string) => {
      const settled = await all<Settled>({ settle: price }, "settle");
      return {
        latencies: settled.flatMap((s) => s.latencies),
        frames: settled.flatMap((s) => s.frames),
        lastMs: settled.flatMap((s) => s.lastMs),
      };
    };
    const cpu = async () => ({
      server: subscribeOn.map((api) => procCpu(api.child)),
      client: (await all<number>({ cpu: true }, "cpu")).reduce((sum, ms) => sum + ms, 0),
    });

    // A warm-up pin (not counted): the first fan-out of a process also compiles its code.
    await all({ reset: true }, "reset");
    await pin("49.00");
    await settle("49.00");

    const latencies: number[] = [];
    const lastPerRound: number[] = [];
    const cpuBefore = await cpu();
    for (let round = 0; round < rounds; round++) {
      await all({ reset: true }, "reset");
      const price = (50 + round).toFixed(2);
      await pin(price);
      const settled = await settle(price);
      if (settled.latencies.length !== count)
        throw new Error(`round ${round}: ${settled.latencies.length} deliveries for ${count} subscribers`);
      latencies.push(...settled.latencies);
      lastPerRound.push(Math.max(...settled.latencies));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const cpuAfter = await cpu();
    const perEvent = (ms: number) => Math.round(ms / rounds);
    const serverCpu = (which: "user" | "system") =>
      perEvent(
        cpuAfter.server.reduce((sum, c, i) => sum + c[which] - (cpuBefore.server[i]?.[which] ?? 0), 0),
      );

    // A burst: 100 price changes in one second (one every 10 ms) on the pinned product. Every
    // subscriber must end on the last price, none may be dropped; how many frames each got shows
    // the coalescing.
    await all({ reset: true }, "reset");
    // One pin every 10 ms, at most 5 under way (a merchant's tool would not queue more; more under
    // way do not go faster: pins of one session serialise on its row, live/service.ts).
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
    const burst = await settle((60 + (BURST_EVENTS - 1) / 100).toFixed(2));
    const frames = [...burst.frames].sort((a, b) => a - b);
    const lastMs = [...burst.lastMs].sort((a, b) => a - b);

    const sorted = [...latencies].sort((a, b) => a - b);
    const sortedLast = [...lastPerRound].sort((a, b) => a - b);
    const delta = (key: "rss" | "heapUsed") =>
      Math.round(
        (after.reduce((sum, m, i) => sum + m[key] - (before[i]?.[key] ?? 0), 0) / count / 1024) * 10,
      ) / 10;
    return {
      name,
      subscribers: count,
      instances: subscribeOn.length,
      clientProcesses: clients.length,
      rounds,
      deliveries: latencies.length,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      lastSubscriberMs: { median: percentile(sortedLast, 50), max: sortedLast.at(-1) ?? 0 },
      serverCpuMsPerEvent: { user: serverCpu("user"), system: serverCpu("system") },
      clientCpuMsPerEvent: perEvent(cpuAfter.client - cpuBefore.client),
      burst: {
        events: BURST_EVENTS,
        eventsPerSecond: Math.round(BURST_EVENTS / burstSeconds),
        framesPerSubscriber: { median: percentile(frames, 50), max: frames.at(-1) ?? 0 },
        lastPriceP99Ms: percentile(lastMs, 99),
      },
      groups: sharing.reduce((sum, s) => sum + s.groups, 0),
      busSubscriptions: sharing.reduce((sum, s) => sum + s.busSubscriptions, 0),
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
      rssPerSubscriberKb: delta("rss"),
      heapPerSubscriberKb: delta("heapUsed"),
    };
  } finally {
    await all({ close: true }, "close").catch(() => undefined);
    for (const client of clients) {
      client.child.removeAllListeners("exit");
      client.child.kill();
    }
  }
}

const databaseUrl = await freshDatabase(dbName, serverUrl);
const fixture = await writeFixture(databaseUrl);
const rows: Row[] = [];

console.log(
  `${subscribers} WebSocket subscribers on one instance, ${subscribersTwo} on two; one live session, ${rounds} pins each scenario`,
);
{
  const api = await startApi(databaseUrl);
  try {
    rows.push(await scenario("one instance", api, [api], subscribers, fixture));
  } finally {
    await stop(api);
  }
}
if (await redisAnswers()) {
  const a = await startApi(databaseUrl, { REDIS_URL: redisUrl });
  const b = await startApi(databaseUrl, { REDIS_URL: redisUrl });
  try {
    rows.push(await scenario("two instances (Redis)", a, [a, b], subscribersTwo, fixture));
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
    "client processes": r.clientProcesses,
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
