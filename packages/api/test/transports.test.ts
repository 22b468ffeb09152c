/**
 * Every protection over every transport: a production server with persisted operations and
 * small limits answers each refusal the same way (the same error code, and over HTTP the same
 * status) over HTTP POST, HTTP GET, SSE and WebSocket. Rate-limit buckets run on a clock the
 * test moves: every case starts with full buckets, and nothing refills while it runs.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { MemoryBucketStore } from "../src/limits/index.ts";
import { createLogger } from "../src/logger.ts";
import { createServer, type ShoppableServer } from "../src/server.ts";
import { Commerce } from "./commerce.ts";
import { startTestApi, type TestApi } from "./harness.ts";
import {
  codes,
  over,
  TRANSPORTS,
  type Call,
  type OperationRequest,
  type Outcome,
  type Transport,
} from "./transports.ts";

const REGISTERED = {
  products: `query Products { products(first: 3) { edges { node { id } } } }`,
  inventory: `subscription Inventory($id: ID!) { inventoryChanged(productId: $id) { refetch } }`,
  shopByHandle: `query Shop($handle: String!) { shop(handle: $handle) { id } }`,
};
const sha256 = (document: string) => createHash("sha256").update(document).digest("hex");
const persisted = (document: string, variables?: Record<string, unknown>): OperationRequest => ({
  // graphql-ws requires a query string: the empty one stands for "none" on every transport.
  query: "",
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: sha256(document) } },
});

let api: TestApi;
let server: ShoppableServer;
let url: string;
let productId: string;
/** The buckets' clock: moved a long way forward, every bucket is full again. */
const clock = { now: 0 };
const refill = () => (clock.now += 1e9);

beforeAll(async () => {
  api = await startTestApi();
  const commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  for (let i = 0; i < 3; i++) productId = (await commerce.product(shop.id, ["10.00"], 5, `Matrix ${i}`)).id;
  const file = join(mkdtempSync(join(tmpdir(), "shoppable-matrix-")), "operations.json");
  writeFileSync(
    file,
    JSON.stringify(Object.fromEntries(Object.values(REGISTERED).map((d) => [sha256(d), d]))),
  );
  const config = loadConfig({
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    SHOPPABLE_JWT_SECRET: api.config.jwt.secret!,
    TRUST_PROXY: "1",
    PERSISTED_OPERATIONS_FILE: file,
    MAX_TOKENS: "200",
    MAX_ALIASES: "5",
    MAX_DIRECTIVES: "3",
    MAX_BODY_BYTES: "4096",
    RATE_LIMIT_CAPACITY: "20",
    RATE_LIMIT_RESTORE_PER_SECOND: "1",
    // Repeated public queries would be cached answers costing one point (response-cache.test.ts).
    RESPONSE_CACHE: "false",
  });
  const buckets = new MemoryBucketStore(config.limits.bucket, () => clock.now);
  server = createServer({ db: api.db, config, logger: createLogger("silent"), buckets });
  url = (await server.listen(0, "127.0.0.1")).url;
});
afterAll(async () => {
  await server?.close(1000);
  await api?.close();
});

const publishable = (): Call => ({ credentials: { "x-shoppable-key": api.keys.publishable } });
const secret = (): Call => ({ credentials: { "x-shoppable-key": api.keys.secret } });

/** The outcome carries `code`: over HTTP with `status`, over WebSocket as a GraphQL error. */
function expectRefused(transport: Transport, outcome: Outcome, code: string, status: number, what = "") {
  const where = `${transport}${what}: ${JSON.stringify(outcome.errors ?? outcome.close)}`;
  expect(codes(outcome), where).toContain(code);
  expect(outcome.data ?? null, where).toBeNull();
  if (transport !== "WS") expect(outcome.status, where).toBe(status);
}

/** Runs `request` as `call` over every transport, each with full buckets. */
async function overEach(
  request: OperationRequest | ((t: Transport) => OperationRequest),
  call: Call | ((t: Transport) => Call),
  check: (t: Transport, outcome: Outcome) => void | Promise<void>,
) {
  for (const transport of TRANSPORTS) {
    refill();
    const outcome = await over(
      transport,
      url,
      typeof request === "function" ? request(transport) : request,
      typeof call === "function" ? call(transport) : call,
    );
    await check(transport, outcome);
  }
}

describe("persisted operations on every transport", () => {
  it("refuses an unregistered query from a publishable key with PERSISTED_QUERY_REQUIRED", async () => {
    await overEach({ query: `{ shops(first: 1) { totalCount } }` }, publishable(), (t, o) =>
      expectRefused(t, o, "PERSISTED_QUERY_REQUIRED", 400),
    );
  });

  it("refuses an unregistered cartCreate from a publishable key, creating nothing", async () => {
    const before = await api.db.prisma.cart.count();
    await overEach({ query: `mutation { cartCreate(input: {}) { cart { id } } }` }, publishable(), (t, o) =>
      expectRefused(t, o, "PERSISTED_QUERY_REQUIRED", 400),
    );
    expect(await api.db.prisma.cart.count()).toBe(before);
  });

  it("refuses an unregistered subscription from a publishable key", async () => {
    await overEach(
      {
        query: `subscription($id: ID!) { inventoryChanged(productId: $id) { refetch } }`,
        variables: { id: productId },
      },
      publishable(),
      (t, o) => expectRefused(t, o, "PERSISTED_QUERY_REQUIRED", 400),
    );
  });

  it("refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND and a missing one with PERSISTED_QUERY_REQUIRED", async () => {
    const unknown = { query: "", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } };
    await overEach(unknown, publishable(), (t, o) => expectRefused(t, o, "PERSISTED_QUERY_NOT_FOUND", 400));
    await overEach({ query: "" }, publishable(), (t, o) =>
      expectRefused(t, o, "PERSISTED_QUERY_REQUIRED", 400),
    );
  });

  it("runs a registered operation for a publishable key", async () => {
    await overEach(persisted(REGISTERED.products), publishable(), (t, o) => {
      expect(o.errors, t).toBeUndefined();
      expect(o.data.products.edges, t).toHaveLength(3);
    });
  });

  it("lets secret keys run any operation (mutations over everything but GET, which never mutates)", async () => {
    await overEach({ query: `{ shops(first: 1) { totalCount } }` }, secret(), (t, o) => {
      expect(o.errors, t).toBeUndefined();
      expect(o.data.shops.totalCount, t).toBeGreaterThan(0);
    });
    await overEach({ query: `mutation { cartCreate(input: {}) { cart { id } } }` }, secret(), (t, o) => {
      if (t === "GET") return expect(o.status).toBe(405);
      expect(o.errors, t).toBeUndefined();
      expect(o.data.cartCreate.cart.id, t).toEqual(expect.any(String));
    });
  });
});

describe("schema exposure in production on every transport", () => {
  it("refuses introspection", async () => {
    await overEach({ query: `{ __schema { queryType { name } } }` }, secret(), (t, o) => {
      expectRefused(t, o, "GRAPHQL_VALIDATION_FAILED", 200);
      expect(o.errors![0]!.message, t).toMatch(/introspection/i);
    });
    await overEach({ query: `{ __type(name: "Query") { name } }` }, secret(), (t, o) =>
      expectRefused(t, o, "GRAPHQL_VALIDATION_FAILED", 200),
    );
  });

  it("gives no field suggestions", async () => {
    await overEach({ query: `{ shopz(first: 1) { totalCount } }` }, secret(), (t, o) => {
      expectRefused(t, o, "GRAPHQL_VALIDATION_FAILED", 200);
      expect(o.errors![0]!.message, t).not.toMatch(/Did you mean|"shops"/);
    });
  });
});

describe("document limits on every transport", () => {
  it("refuses too many tokens, aliases or directives with QUERY_TOO_COMPLEX", async () => {
    const documents = {
      tokens: `{ shops(first: 1) { ${"totalCount ".repeat(200)} } }`,
      aliases: `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: shops(first: 1) { totalCount }`).join(" ")} }`,
      directives: `{ shops(first: 1) { totalCount @include(if: true) @include(if: true) @skip(if: false) @skip(if: false) } }`,
    };
    for (const [limit, query] of Object.entries(documents)) {
      await overEach({ query }, secret(), (t, o) =>
        expectRefused(t, o, "QUERY_TOO_COMPLEX", 200, ` (${limit})`),
      );
    }
  });
});

describe("cost and rate limits on every transport", () => {
  it("refuses a query or a subscription over the maximum cost with QUERY_TOO_COMPLEX", async () => {
    await overEach({ query: `{ products(first: 30) { edges { node { id } } } }` }, secret(), (t, o) =>
      expectRefused(t, o, "QUERY_TOO_COMPLEX", 200),
    );
    const subscription = `subscription($id: ID!) { inventoryChanged(productId: $id) { product { variants { id } shop { products(first: 30) { edges { node { id } } } } } } }`;
    await overEach({ query: subscription, variables: { id: productId } }, secret(), (t, o) => {
      expectRefused(t, o, "QUERY_TOO_COMPLEX", 200);
      expect(o.errors![0]!.message).toMatch(/cost \d+ exceeds the maximum of 20/);
    });
  });

  it("answers RATE_LIMITED once the client address's bucket is empty, for queries and subscriptions, per address", async () => {
    for (const [i, transport] of TRANSPORTS.entries()) {
      refill();
      // The client address, as the proxy in front of the API names it (TRUST_PROXY).
      const from = (address: string): Call => ({ ...publishable(), headers: { "x-forwarded-for": address } });
      const address = `198.51.100.${i + 1}`;
      // 20 points; the registered query costs 4 and returns all it asked for: five pass.
      for (let n = 0; n < 5; n++) {
        const passed = await over(transport, url, persisted(REGISTERED.products), from(address));
        expect(passed.errors, `${transport} #${n + 1}`).toBeUndefined();
      }
      expectRefused(
        transport,
        await over(transport, url, persisted(REGISTERED.products), from(address)),
        "RATE_LIMITED",
        429,
      );
      expectRefused(
        transport,
        await over(transport, url, persisted(REGISTERED.inventory, { id: productId }), from(address)),
        "RATE_LIMITED",
        429,
      );
      // Another address of the same publishable key has its own bucket.
      expect(
        (await over(transport, url, persisted(REGISTERED.products), from(`203.0.113.${i + 1}`))).errors,
        transport,
      ).toBeUndefined();
    }
  });
});

describe("input refusals on every transport", () => {
  it("refuses the NUL character with BAD_USER_INPUT, in a query's variables or a registered operation's", async () => {
    await overEach(
      { query: `query($h: String!) { shop(handle: $h) { id } }`, variables: { h: "a\u0000b" } },
      secret(),
      (t, o) => expectRefused(t, o, "BAD_USER_INPUT", 400),
    );
    await overEach(persisted(REGISTERED.shopByHandle, { handle: "a\u0000b" }), publishable(), (t, o) =>
      expectRefused(t, o, "BAD_USER_INPUT", 400),
    );
  });

  it("refuses a request over MAX_BODY_BYTES (HTTP 413, or 414 for a GET's URL; WebSocket close 1009)", async () => {
    const query = `{ shops(first: 1) { totalCount } } # ${"x".repeat(5000)}`;
    await overEach({ query }, secret(), (t, o) => {
      if (t === "WS") return expect(o.close?.code, t).toBe(1009);
      expectRefused(t, o, "PAYLOAD_TOO_LARGE", t === "GET" ? 414 : 413);
    });
  });
});

describe("authentication on every transport", () => {
  // A GET with no non-simple header at all is refused earlier, by CSRF prevention (403).
  const csrf = { "x-graphql-yoga-csrf": "1" };

  it("refuses a missing API key (HTTP 401 UNAUTHENTICATED, WebSocket close 4401)", async () => {
    await overEach(
      { query: `{ shops(first: 1) { totalCount } }` },
      { credentials: {}, headers: csrf },
      (t, o) => {
        if (t === "WS") return expect(o.close?.code, t).toBe(4401);
        expectRefused(t, o, "UNAUTHENTICATED", 401);
      },
    );
  });

  it("refuses an unknown API key or a bad user token (HTTP 401 UNAUTHENTICATED, WebSocket close 4403)", async () => {
    const calls: Call[] = [
      { credentials: { "x-shoppable-key": "shp_sk_not_a_key_000000000000000000" } },
      { credentials: { "x-shoppable-key": api.keys.publishable, "x-shoppable-user": "not.a.token" } },
    ];
    for (const call of calls) {
      await overEach(persisted(REGISTERED.products), call, (t, o) => {
        if (t === "WS") return expect(o.close?.code, t).toBe(4403);
        expectRefused(t, o, "UNAUTHENTICATED", 401);
      });
    }
  });
});
