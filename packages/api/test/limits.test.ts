import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, SDK_PERSISTED_OPERATIONS } from "../src/config.ts";
import { MemoryBucketStore, readPersistedOperations, RedisBucketStore } from "../src/limits/index.ts";
import { createLogger } from "../src/logger.ts";
import { createServer } from "../src/server.ts";
import { Commerce } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

const PRODUCTS = (first: number) => `{ products(first: ${first}) { edges { node { id title } } } }`;

async function makeProducts(api: TestApi, count: number) {
  const commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  for (let i = 0; i < count; i++) await commerce.product(shop.id, ["10.00"], 5, `Limited ${i}`);
}

describe("query cost", () => {
  let api: TestApi;
  beforeAll(async () => {
    // A bucket of 1,000 points restored at 1 per second: nothing visible refills during a test.
    api = await startTestApi({
      RATE_LIMIT_CAPACITY: "1000",
      RATE_LIMIT_RESTORE_PER_SECOND: "1",
      MAX_QUERY_COST: "500",
    });
    await makeProducts(api, 3);
  });
  afterAll(() => api?.close());

  it("reports requested and actual cost and the throttle status on every response", async () => {
    const user = await api.token("cost-reporter");
    const res = await api.gql(PRODUCTS(5), {}, { user });
    ok(res);
    // The connection 1, and 1 for each of 5 nodes asked for; 3 came back.
    expect(res.extensions?.cost).toEqual({
      requestedQueryCost: 6,
      actualQueryCost: 4,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: expect.any(Number), restoreRate: 1 },
    });
    // The bucket gave up what was actually used: 4 points, not 6.
    expect(res.extensions!.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(996);
    expect(res.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(1000);
  });

  it("prices connections by their page size and scalars at nothing", async () => {
    const user = await api.token("cost-pages");
    const small = await api.gql(PRODUCTS(10), {}, { user });
    const large = await api.gql(
      `{ products(first: 40) { edges { node { id title handle createdAt } } } }`,
      {},
      { user },
    );
    expect(small.extensions?.cost.requestedQueryCost).toBe(11);
    expect(large.extensions?.cost.requestedQueryCost).toBe(41);
  });

  it("charges 10 more for each mutation field", async () => {
    const user = await api.token("cost-mutation");
    const res = await api.gql(
      `mutation { cartCreate(input: {}) { cart { id } userErrors { code } } }`,
      {},
      { user },
    );
    ok(res);
    // The payload 1, the cart 1, userErrors 20 (at most 20 errors of 1, their fields scalars at 0), and 10 for the mutation.
    expect(res.extensions?.cost.requestedQueryCost).toBe(32);
    // The empty userErrors list returned no object.
    expect(res.extensions?.cost.actualQueryCost).toBe(12);
  });

  it("charges what a field @include-d by a variable's default returned, the variable left out as when it is given", async () => {
    const query = `query($withProducts: Boolean = true) { products(first: 5) @include(if: $withProducts) { edges { node { id title } } } }`;
    const given = await api.gql(
      query,
      { withProducts: true },
      { user: await api.token("cost-include-given") },
    );
    const defaulted = await api.gql(query, {}, { user: await api.token("cost-include-default") });
    for (const res of [given, defaulted]) {
      expect(ok(res).products.edges).toHaveLength(3);
      expect(res.extensions?.cost).toMatchObject({ requestedQueryCost: 6, actualQueryCost: 4 });
    }
    // Without the default applied the bucket would get everything back, however often it ran.
    expect(defaulted.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(1000);
  });

  it("refuses a whole operation when one field's arguments cannot be priced, so no other field runs unpriced", async () => {
    const user = await api.token("cost-unpriced");
    await api.gql(`{ viewer { roles } }`, {}, { user }); // authentication is cached after this
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    const query = `query($ids: [ID!]!) { a: nodes(ids: $ids) { id } b: products(first: 20) { edges { node { id title } } } }`;
    const { result, statements } = await api.db.statementsDuring(() => api.gql(query, { ids }, { user }));
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.data ?? null).toBeNull();
    expect(result.extensions?.cost).toMatchObject({ requestedQueryCost: 0, actualQueryCost: 0 });
    expect(statements).toEqual([]);
  });

  it("refuses an operation over the maximum cost before running it, charging nothing", async () => {
    const user = await api.token("cost-max");
    const before = (await api.gql(`{ viewer { roles } }`, {}, { user })).extensions!.cost.throttleStatus
      .currentlyAvailable;
    const { result, statements } = await api.db.statementsDuring(() =>
      api.gql(`{ products(first: 100) { edges { node { variants { price { amount } } } } } }`, {}, { user }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    // The connection 1, and 100 products of 1 each with up to 100 variants of 1 + 1 for the price.
    expect(result.errors?.[0]?.message).toMatch(/cost 20101 exceeds the maximum of 500/);
    expect(result.data).toBeUndefined();
    expect(statements).toEqual([]);
    const after = (await api.gql(`{ viewer { roles } }`, {}, { user })).extensions!.cost.throttleStatus;
    expect(after.currentlyAvailable).toBeGreaterThanOrEqual(before - 2);
  });
});

describe("rate limits", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_CAPACITY: "100", RATE_LIMIT_RESTORE_PER_SECOND: "1" });
  });
  afterAll(() => api?.close());

  it("answers RATE_LIMITED with HTTP 429 and Retry-After once the caller's bucket is empty, and runs nothing", async () => {
    const user = await api.token("flooder");
    const costs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api.gql(
        `{ a: products(first: 30) { edges { node { id } } } b: products(first: 2) { edges { node { id } } } }`,
        {},
        { user },
      );
      costs.push(res.extensions!.cost.requestedQueryCost);
      ok(res);
    }
    expect(costs).toEqual([34, 34, 34]);
    // An operation costs what it asks for up front: 98 points cannot be had from ~97 left.
    const huge = `{ a: products(first: 48) { edges { node { id } } } b: products(first: 48) { edges { node { id } } } }`;
    const { result, statements } = await api.db.statementsDuring(() => api.gql(huge, {}, { user }));
    expect(result.status).toBe(429);
    expect(result.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(Number(result.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(result.extensions?.cost).toMatchObject({ requestedQueryCost: 98, actualQueryCost: 0 });
    expect(statements).toEqual([]);
  });

  it("empties after repeated expensive queries and keeps other callers' buckets apart", async () => {
    const flooder = await api.token("flooder-2");
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await api.gql(`{ products(first: 40) { edges { node { id } } } }`, {}, { user: flooder })).status,
      );
    // 41 points asked each time; each query used 1 and gave 40 back: all pass.
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    // A cart creation asks for 32 points and uses 12: about 95 points last for 6 of them.
    const created: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await api.gql(
        `mutation { cartCreate(input: {}) { cart { id } userErrors { code } } }`,
        {},
        { user: flooder },
      );
      created.push(res.errors?.[0]?.extensions?.code ?? "OK");
    }
    expect(created.slice(0, 6)).toEqual(Array(6).fill("OK"));
    expect(created.at(-1)).toBe("RATE_LIMITED");
    expect(await api.db.prisma.cart.count()).toBe(created.filter((c) => c === "OK").length);
    // Another user of the same publishable key, and the secret key, have their own buckets.
    const other = await api.token("bystander");
    ok(
      await api.gql(
        `mutation { cartCreate(input: {}) { cart { id } userErrors { code } } }`,
        {},
        { user: other },
      ),
    );
    ok(await api.gql(`{ shops(first: 5) { edges { node { id } } } }`, {}, { key: "secret" }));
  });
});

describe("document limits", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ MAX_ALIASES: "5", MAX_DIRECTIVES: "3", MAX_TOKENS: "200" });
  });
  afterAll(() => api?.close());

  it("refuses too many aliases, directives or tokens with QUERY_TOO_COMPLEX", async () => {
    const aliases = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: viewer { roles }`).join(" ")} }`;
    const directives = `{ viewer { roles @include(if: true) @include(if: true) @skip(if: false) @skip(if: false) } }`;
    const tokens = `{ viewer { ${"roles ".repeat(200)} } }`;
    for (const query of [aliases, directives, tokens]) {
      const res = await api.gql(query);
      expect(res.errors?.[0]?.extensions?.code, query.slice(0, 40)).toBe("QUERY_TOO_COMPLEX");
      expect(res.data ?? null).toBeNull();
    }
    ok(await api.gql(`{ a0: viewer { roles } a1: viewer { roles } }`));
  });
});

describe("production schema exposure", () => {
  it("turns introspection and field suggestions off unless enabled", async () => {
    const closed = await startTestApi({ GRAPHQL_INTROSPECTION: "0" });
    const open = await startTestApi({ GRAPHQL_INTROSPECTION: "1" });
    try {
      const introspect = `{ __schema { queryType { name } } }`;
      expect(ok(await open.gql(introspect)).__schema.queryType.name).toBe("Query");
      const refused = await closed.gql(introspect);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = `{ viewr { roles } }`;
      expect((await open.gql(typo)).errors?.[0]?.message).toMatch(/Did you mean "viewer"/);
      const masked = await closed.gql(typo);
      expect(masked.errors?.[0]?.message).not.toMatch(/Did you mean/);
      expect(masked.errors?.[0]?.message).not.toContain('"viewer"');
    } finally {
      await closed.close();
      await open.close();
    }
  });
});

describe("persisted operations", () => {
  const document = `query Roles { viewer { roles } }`;
  const hash = createHash("sha256").update(document).digest("hex");
  let api: TestApi;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "shoppable-persisted-"));
    const file = join(dir, "operations.json");
    writeFileSync(file, JSON.stringify({ [hash]: document }));
    api = await startTestApi({ PERSISTED_OPERATIONS_FILE: file });
  });
  afterAll(() => api?.close());

  const persisted = (sha256Hash: string, as: Parameters<TestApi["gql"]>[2] = {}) =>
    api.server.yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shoppable-key": as.key === "secret" ? api.keys.secret : api.keys.publishable,
      },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    });

  it("lets publishable keys run registered operations only", async () => {
    const registered = (await (await persisted(hash)).json()) as { data?: { viewer: { roles: string[] } } };
    expect(registered.data?.viewer.roles).toEqual([]);
    const free = await api.gql(document);
    expect(free.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_REQUIRED");
    const unknown = (await (await persisted("0".repeat(64))).json()) as {
      errors?: { extensions?: { code?: string } }[];
    };
    expect(unknown.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("lets secret keys run any operation", async () => {
    expect(
      ok(await api.gql(`{ shops(first: 1) { totalCount } }`, {}, { key: "secret" })).shops.totalCount,
    ).toBe(0);
  });

  it("registers the SDK's own operations beside the app's manifest", async () => {
    const sdk = JSON.parse(readFileSync(SDK_PERSISTED_OPERATIONS, "utf8")) as Record<string, string>;
    const sdkHash = Object.entries(sdk).find(([, text]) => text.startsWith("query Shops("))?.[0] ?? "";
    const answer = (await (await persisted(sdkHash)).json()) as {
      data?: { shops: { edges: unknown[] } };
      errors?: unknown[];
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.shops.edges).toEqual([]);
  });
});

function redisReachable(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 6379) });
    socket.setTimeout(500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

describe("persisted-operations manifests", () => {
  const manifestFile = (content: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), "shoppable-manifest-")), "operations.json");
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };
  const entry = (text: string) => [createHash("sha256").update(text).digest("hex"), text] as const;

  it("reads a comma-separated list into one registry, the SDK's manifest first", () => {
    const [a, b] = [entry("{ a }"), entry("{ b }")];
    const config = loadConfig({
      PERSISTED_OPERATIONS_FILE: `${manifestFile(Object.fromEntries([a]))}, ${manifestFile(Object.fromEntries([b]))}`,
    });
    expect(config.persistedOperationsFiles[0]).toBe(SDK_PERSISTED_OPERATIONS);
    const registry = readPersistedOperations(config.persistedOperationsFiles);
    expect(registry.get(a[0])).toBe("{ a }");
    expect(registry.get(b[0])).toBe("{ b }");
    expect(registry.size).toBe(
      Object.keys(JSON.parse(readFileSync(SDK_PERSISTED_OPERATIONS, "utf8"))).length + 2,
    );
    expect(loadConfig({}).persistedOperationsFiles).toEqual([]);
  });

  it("refuses at start-up a key that is not its document's sha256, or a file that is not JSON, naming the file", () => {
    const wrong = manifestFile({ [entry("{ a }")[0]]: "{ b }" });
    expect(() => readPersistedOperations([wrong])).toThrow(`${wrong}: "`);
    const broken = manifestFile("{ not json");
    expect(() => readPersistedOperations([broken])).toThrow(`PERSISTED_OPERATIONS_FILE: ${broken}: `);
  });
});

describe("buckets shared through Redis", () => {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

  it("two instances draw on one bucket per caller", async (ctx) => {
    if (!(await redisReachable(new URL(redisUrl)))) ctx.skip(`no Redis at ${redisUrl}`);
    const logger = createLogger("silent");
    const settings = { capacity: 50, restorePerSecond: 1 };
    const prefix = `shoppable:test:${process.pid}:${Date.now()}:`;
    const a = new RedisBucketStore(settings, redisUrl, logger, prefix);
    const b = new RedisBucketStore(settings, redisUrl, logger, prefix);
    try {
      expect((await a.take("caller", 30)).allowed).toBe(true);
      const refused = await b.take("caller", 30);
      expect(refused).toMatchObject({ allowed: false, available: 20 });
      expect(refused.retryAfterMs).toBeGreaterThan(9_000);
      expect(await b.giveBack("caller", 25)).toBe(45);
      expect((await a.take("caller", 30)).allowed).toBe(true);
      expect((await b.take("someone else", 50)).allowed).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("keeps limiting with this instance's own buckets while Redis is unreachable", async () => {
    const store = new RedisBucketStore(
      { capacity: 50, restorePerSecond: 1 },
      "redis://127.0.0.1:1",
      createLogger("silent"),
    );
    try {
      expect((await store.take("caller", 30)).allowed).toBe(true);
      expect((await store.take("caller", 30)).allowed).toBe(false);
      expect(store.healthy()).toBe(false);
    } finally {
      await store.close();
    }
  });

  it("serves a whole server from Redis-backed buckets", async (ctx) => {
    if (!(await redisReachable(new URL(redisUrl)))) ctx.skip(`no Redis at ${redisUrl}`);
    const api = await startTestApi();
    const config = loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      REDIS_URL: redisUrl,
      RATE_LIMIT_CAPACITY: "40",
      RATE_LIMIT_RESTORE_PER_SECOND: "1",
      SHOPPABLE_JWT_SECRET: "x".repeat(40),
    });
    const prefix = `shoppable:test:server:${process.pid}:${Date.now()}:`;
    const buckets = new RedisBucketStore(config.limits.bucket, redisUrl, createLogger("silent"), prefix);
    const one = createServer({ db: api.db, config, logger: createLogger("silent"), buckets });
    const two = createServer({
      db: api.db,
      config,
      logger: createLogger("silent"),
      buckets: new RedisBucketStore(config.limits.bucket, redisUrl, createLogger("silent"), prefix),
    });
    const call = (server: typeof one) =>
      server.yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-shoppable-key": api.keys.secret },
        body: JSON.stringify({ query: `mutation { cartCreate(input: {}) { cart { id } } }` }),
      });
    try {
      expect((await call(one)).status).toBe(200); // 12 points
      expect((await call(two)).status).toBe(200); // 24
      expect((await call(one)).status).toBe(200); // 36
      expect((await call(two)).status).toBe(429);
    } finally {
      await buckets.close();
      await api.close();
    }
  });
});

describe("MemoryBucketStore", () => {
  it("refills at the restore rate up to capacity and says when to retry", async () => {
    let now = 0;
    const store = new MemoryBucketStore({ capacity: 10, restorePerSecond: 2 }, () => now);
    expect(await store.take("k", 8)).toEqual({ allowed: true, available: 2, retryAfterMs: 0 });
    expect(await store.take("k", 5)).toEqual({ allowed: false, available: 2, retryAfterMs: 1500 });
    now = 1500;
    expect(await store.take("k", 5)).toEqual({ allowed: true, available: 0, retryAfterMs: 0 });
    now = 100_000;
    expect(await store.take("k", 0)).toMatchObject({ available: 10 });
    expect(await store.giveBack("k", 5)).toBe(10);
  });
});
