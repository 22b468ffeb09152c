/**
 * `pnpm bench` (first part; alone: `pnpm bench --only requests`): what one request costs, on
 * PostgreSQL, against the floor.
 *
 * The floor is a bare node:http + pg server answering one prepared 20-row SELECT of products
 * with JSON built in Node (baseline-child.ts). The API runs as production runs it: built
 * (tsup), then `node dist/main.js` with NODE_ENV=production, twice: with the response cache off
 * (the uncached figures) and on. All are started once; autocannon (10 connections) then measures
 * the floor and each API workload alternately: floor, products page, floor, product by handle,
 * floor, … so every API figure has a floor measured just before and just after it, and the
 * ratio is to their mean. Every response is checked (HTTP status, GraphQL `errors`, mutation
 * `userErrors`, the expected shape); one bad response fails the bench.
 *
 * Workloads: a minimal query (`{ __typename }`: the request pipeline alone, no database), the
 * products page (20 products with variants, options and media), a product by
 * handle (the SDK's Product query, 100 handles in turn), a 2-line cart read (the SDK's Cart
 * query), adding a line and removing it (the SDK's cartLinesAdd and cartLinesRemove), the
 * checkout flow (cartCreate, cartLinesAdd, checkoutComplete with the test provider) and a search
 * box (the SDK's PredictiveSearch over every kind, queries typed from the catalog's titles:
 * prefixes, whole words, typos), also with 1 connection (one shopper's latency, against a floor
 * at 1 connection too); the products page and the product by handle again with the response
 * cache on. Reads use a publishable key
 * and no user, as a storefront does.
 *
 * For each it records req/s, p50 and p99, CPU milliseconds per request of the server process
 * and of PostgreSQL (utime + stime from /proc; for PostgreSQL every `postgres` process, exited
 * backends included), the load average, and the server's RSS; for the uncached API its idle
 * RSS (3 s and 30 s after it listens), its peak RSS (VmHWM) and its start-up time (spawn to /health answering). Printed, and
 * written to .bench/requests.json.
 *
 * BENCH_SECONDS (default 10) per measurement after BENCH_WARMUP_SECONDS (default 3);
 * `--scale bench` seeds 100,000 products instead of the demo's 2,000; `--workload <text>` runs
 * only the workloads whose name contains it (`--workload predictive`).
 */
import { execFileSync, fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createApiKey, openDatabase } from "@shoppable/schema";
import {
  CartDocument,
  CartCreateDocument,
  CartLinesAddDocument,
  CartLinesRemoveDocument,
  CheckoutCompleteDocument,
  PredictiveSearchDocument,
  ProductDocument,
} from "../../sdk/src/generated/graphql.ts";
import { type ExecutionFloor, executionFloor, statementCost } from "./execution-floor.ts";
import { seededDatabase, writeResult } from "./shared.ts";

const args = process.argv.slice(2);
const scaleArg = args[args.indexOf("--scale") + 1];
const scale = args.includes("--scale") && scaleArg === "bench" ? "bench" : "demo";
/** `--workload <text>`: only the workloads whose name contains it (each still between floors). */
const workloadFilter = args.includes("--workload") ? (args[args.indexOf("--workload") + 1] ?? "") : "";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const connections = 10;
const _dbName = `shoppable_bench_${scale}`;
const here = fileURLToPath(new URL(".", import.meta.url));

/** The products page: 20 products with variants, options and media (the storefront's grid). */
const PRODUCTS_PAGE = `query ProductsPage { products(first: 20) { edges { node {
  id title handle tags priceRange { min { amount currencyCode } max { amount currencyCode } }
  options { name values }
  variants { id title sku price { amount currencyCode } compareAtPrice { amount currencyCode } selectedOptions { name value } quantityAvailable }
  media { url kind width height alt }
} } pageInfo { hasNextPage endCursor } } }`;

// ---------------------------------------------------------------------------------------------
// The database: seeded once and kept (shoppable_bench_demo / _bench), plus what the cart and
// checkout workloads need, written fresh each run.

interface Fixture {
  key: string;
  handles: string[];
  /** A cart with two lines, for the read. */
  twoLineCart: string;
  /** One cart per connection holding one line, for add + remove. */
  addRemoveCarts: string[];
  /** The variant added (and removed) there. */
  addVariant: string;
  /** A digital variant with stock for ever, bought by the checkout flow. */
  checkoutVariant: string;
  /** What a shopper types into a search box, in turn; `word` is a whole word of an active product's title. */
  searches: { query: string; word: boolean }[];
}

/** Sends one GraphQL operation to the API; throws on any error. */
async function graphql<T>(
  url: string,
  key: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shoppable-key": key },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  const problem = responseProblem(response.status, body);
  if (problem) throw new Error(`${query.slice(0, 60)}…: ${problem}`);
  return body.data as T;
}

/** Why a GraphQL response is not a success (status, `errors`, any non-empty `userErrors`), or null. */
function responseProblem(status: number, body: unknown): string | null {
  if (status !== 200) return `HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`;
  const { data, errors } = body as { data?: Record<string, unknown> | null; errors?: unknown[] };
  if (errors?.length) return `errors: ${JSON.stringify(errors).slice(0, 300)}`;
  if (!data) return "no data";
  for (const value of Object.values(data)) {
    const userErrors = (value as { userErrors?: unknown[] } | null)?.userErrors;
    if (userErrors?.length) return `userErrors: ${JSON.stringify(userErrors).slice(0, 300)}`;
  }
  return null;
}

async function writeFixture(databaseUrl: string, apiUrl: string): Promise<Fixture> {
  const db = await openDatabase({ databaseUrl });
  const { key } = await createApiKey(db.prisma, { kind: "PUBLISHABLE", name: "requests bench" });
  // Products with a variant in stock, of one currency, for carts; and a digital one made
  // inexhaustible for the checkout flow (no address, no tax, no stock running out mid-run).
  const products = await db.prisma.product.findMany({
    where: { status: "ACTIVE", currencyCode: "USD", variants: { some: { inventoryQuantity: { gt: 100 } } } },
    select: { handle: true, variants: { select: { id: true }, where: { inventoryQuantity: { gt: 100 } } } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  if (products.length < 4) throw new Error("The seeded world has too few products in stock for the bench.");
  const variantOf = (i: number) => {
    const id = products[i]?.variants[0]?.id;
    if (!id) throw new Error(`Product ${i} has no variant in stock.`);
    return id;
  };
  const checkoutVariant = variantOf(3);
  await db.prisma.productVariant.update({
    where: { id: checkoutVariant },
    data: { inventoryQuantity: 1_000_000_000, requiresShipping: false },
  });
  await db.prisma
    .$executeRaw`UPDATE "Product" SET "totalInventory" = (SELECT sum(greatest("inventoryQuantity", 0)) FROM "ProductVariant" v WHERE v."productId" = "Product".id) WHERE id = (SELECT "productId" FROM "ProductVariant" WHERE id = ${checkoutVariant})`;
  await db.close();

  const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
  const createCart = async (variantIds: string[]) => {
    const data = await graphql<{ cartCreate: { cart: { id: string } } }>(
      apiUrl,
      key,
      CartCreateDocument.toString(),
      {
        input: {
          buyerIdentity: { email: "bench@example.com" },
          lines: variantIds.map((id) => ({ variantId: gid("ProductVariant", id), quantity: 1 })),
        },
      },
    );
    return data.cartCreate.cart.id;
  };
  const searches = await searchBoxQueries(databaseUrl);
  const twoLineCart = await createCart([variantOf(0), variantOf(1)]);
  const addRemoveCarts: string[] = [];
  for (let i = 0; i < 20 * connections; i++) addRemoveCarts.push(await createCart([variantOf(0)]));
  return {
    key,
    handles: products.map((p) => p.handle),
    twoLineCart,
    addRemoveCarts,
    addVariant: gid("ProductVariant", variantOf(2)),
    checkoutVariant: gid("ProductVariant", checkoutVariant),
    searches,
  };
}

/**
 * What shoppers type, from the catalog: for 40 active products spread over the catalog, a word of
 * the title typed letter by letter (2, 3 and 5 letters, then whole), the whole word with a letter
 * left out (a typo), and the title's first two words. Each query is new to the API (there is no
 * cache to hit): the same list is replayed in turn.
 */
async function searchBoxQueries(databaseUrl: string): Promise<Fixture["searches"]> {
  const db = await openDatabase({ databaseUrl });
  const rows = await db.prisma.$queryRaw<{ title: string }[]>`
    SELECT "title" FROM "Product" WHERE "status" = 'ACTIVE' AND "hiddenAt" IS NULL
    ORDER BY md5("id"::text) LIMIT 40`;
  await db.close();
  const searches: Fixture["searches"] = [];
  for (const { title } of rows) {
    const words = title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4);
    const word = words.at(-1);
    if (!word) continue;
    for (const n of [2, 3, 5]) if (n < word.length) searches.push({ query: word.slice(0, n), word: false });
    searches.push({ query: word, word: true });
    const middle = Math.floor(word.length / 2);
    searches.push({ query: word.slice(0, middle) + word.slice(middle + 1), word: false });
    searches.push({ query: title.split(/\s+/).slice(0, 2).join(" "), word: false });
  }
  return searches;
}

// ---------------------------------------------------------------------------------------------
// The two servers and what they report.

interface ProcessStats {
  cpuMs: number;
  rss: number;
  /** The process's peak RSS (VmHWM). */
  maxRss: number;
}

interface Server {
  child: ChildProcess;
  url: string;
}

const apiDir = join(here, "..");

/** A free TCP port on 127.0.0.1 (the API takes it from PORT). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The API as production runs it: the compiled build (`node dist/main.js`, built first), on
 * PostgreSQL, NODE_ENV=production, with its defaults (the job worker in process included) except
 * rate limits too big to matter and the response cache as asked. Resolves once /health answers.
 */
async function startApi(
  databaseUrl: string,
  responseCache: boolean,
): Promise<Server & { startupMs: number }> {
  const port = await freePort();
  const started = performance.now();
  // BENCH_API_NODE_ARGS: Node flags for the API (a --cpu-prof, a heap setting to compare).
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(apiDir, "dist", "main.js")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: "10",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      RATE_LIMIT_CAPACITY: "1000000000",
      // Above the feed bench's page (about 123,000 by the bounds); the products page is 13,141.
      MAX_QUERY_COST: "1000000",
      RESPONSE_CACHE: String(responseCache),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, url, startupMs: Math.round(performance.now() - started) };
}

/** The floor: bare node:http + pg (baseline-child.ts). */
function startFloor(databaseUrl: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, "baseline-child.ts"), [], {
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "10" },
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`baseline-child.ts exited with ${code}`)));
    child.on(
      "message",
      (m: { ready?: number }) => m.ready && resolve({ child, url: `http://127.0.0.1:${m.ready}` }),
    );
  });
}

/** CPU time (every thread), RSS and peak RSS of a process, from /proc. */
function stats(child: ChildProcess): ProcessStats {
  const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kib = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
  return {
    cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS,
    rss: kib("VmRSS"),
    maxRss: kib("VmHWM"),
  };
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/**
 * CPU milliseconds used so far by PostgreSQL on this machine: every live `postgres` process's
 * own time, plus the time of those that have exited (a backend whose connection closed), which
 * the postmaster collects as its children's time.
 */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const close = stat.lastIndexOf(")");
    if (!stat.slice(stat.indexOf("(") + 1, close).startsWith("postgres")) continue;
    const fields = stat.slice(close + 2).split(" ");
    // utime, stime, cutime, cstime: fields 14 to 17 of proc(5)'s stat
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

// ---------------------------------------------------------------------------------------------
// Workloads: autocannon request sequences whose every response is checked.

type Request = autocannon.Request;
type Ctx = Record<string, unknown>;

interface Workload {
  name: string;
  /** The requests one connection sends in turn (a flow is several). */
  requests: Request[];
  /** Run against the API with the response cache on (the others have it off). */
  cached?: boolean;
  /** Requests per unit of work (3 for the checkout flow), for "per flow" figures. */
  perFlow?: number;
  /** Concurrent connections, when not the bench's (its floor then runs at the same). */
  connections?: number;
}

interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  serverCpuMsPerRequest: number;
  databaseCpuMsPerRequest: number;
  loadAverage: [number, number, number];
  serverRssMiB: number;
  bytesPerResponse: number;
  flowsPerSecond?: number;
}

const failures: string[] = [];

function checked(name: string, check: (status: number, body: string, context: Ctx) => void) {
  return (status: number, body: string, context: object) => {
    try {
      check(status, body, context as Ctx);
    } catch (error) {
      if (failures.length < 5) failures.push(`${name}: ${(error as Error).message}`);
      else failures.push(name);
    }
  };
}

function graphqlRequest(
  name: string,
  key: string,
  build: (context: Ctx) => { query: string; variables?: Record<string, unknown> },
  then: (data: Record<string, unknown>, context: Ctx) => void = () => {},
): Request {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", "x-shoppable-key": key },
    setupRequest: (request, context) => ({ ...request, body: JSON.stringify(build(context as Ctx)) }),
    onResponse: checked(name, (status, body, context) => {
      const parsed = JSON.parse(body) as { data: Record<string, unknown> };
      const problem = responseProblem(status, parsed);
      if (problem) throw new Error(problem);
      then(parsed.data, context);
    }),
  };
}

function workloads(f: Fixture): Workload[] {
  const productsPage = graphqlRequest(
    "products page",
    f.key,
    () => ({ query: PRODUCTS_PAGE }),
    (data) => {
      const edges = (data.products as { edges: unknown[] }).edges;
      if (edges.length !== 20) throw new Error(`${edges.length} products, not 20`);
    },
  );
  let handleAt = 0;
  const productByHandle = graphqlRequest(
    "product by handle",
    f.key,
    () => ({
      query: ProductDocument.toString(),
      variables: { handle: f.handles[handleAt++ % f.handles.length] },
    }),
    (data) => {
      if (!(data.product as { id?: string } | null)?.id) throw new Error("no product");
    },
  );
  const readCart = graphqlRequest(
    "read cart",
    f.key,
    () => ({ query: CartDocument.toString(), variables: { id: f.twoLineCart } }),
    (data) => {
      if ((data.cart as { lines: unknown[] }).lines.length !== 2) throw new Error("not 2 lines");
    },
  );
  // Autocannon clears a connection's context after each pass over its requests (and builds the
  // next request before the last response is handled), so each pass takes the next of many
  // carts in turn: one is used again only after a hundred and more other passes.
  let nextCart = 0;
  const cartOf = (context: Ctx) => {
    context.cartId ??= f.addRemoveCarts[nextCart++ % f.addRemoveCarts.length];
    return context.cartId as string;
  };
  type CartData = { cart: { lines: { id: string; variant: { id: string } }[] } };
  const add = graphqlRequest(
    "cartLinesAdd",
    f.key,
    (context) => ({
      query: CartLinesAddDocument.toString(),
      variables: { input: { cartId: cartOf(context), lines: [{ variantId: f.addVariant, quantity: 1 }] } },
    }),
    (data, context) => {
      const line = (data.cartLinesAdd as CartData).cart.lines.find((l) => l.variant.id === f.addVariant);
      if (!line) throw new Error("the added line is missing");
      context.lineId = line.id;
    },
  );
  const remove = graphqlRequest(
    "cartLinesRemove",
    f.key,
    (context) => ({
      query: CartLinesRemoveDocument.toString(),
      variables: { input: { cartId: cartOf(context), lineIds: [context.lineId] } },
    }),
    (data) => {
      if ((data.cartLinesRemove as CartData).cart.lines.length !== 1) throw new Error("the line stayed");
    },
  );
  const create = graphqlRequest(
    "cartCreate",
    f.key,
    () => ({
      query: CartCreateDocument.toString(),
      variables: { input: { buyerIdentity: { email: "buyer@example.com" } } },
    }),
    (data, context) => {
      context.checkoutCart = (data.cartCreate as { cart: { id: string } }).cart.id;
    },
  );
  const addToNew = graphqlRequest("cartLinesAdd (checkout)", f.key, (context) => ({
    query: CartLinesAddDocument.toString(),
    variables: {
      input: { cartId: context.checkoutCart, lines: [{ variantId: f.checkoutVariant, quantity: 1 }] },
    },
  }));
  const checkout = graphqlRequest(
    "checkoutComplete",
    f.key,
    (context) => ({
      query: CheckoutCompleteDocument.toString(),
      variables: {
        input: {
          cartId: context.checkoutCart,
          idempotencyKey: randomUUID(),
          payment: { token: "tok_success" },
        },
      },
    }),
    (data) => {
      const order = (data.checkoutComplete as { order: { status: string } | null }).order;
      if (order?.status !== "PAID") throw new Error(`order ${JSON.stringify(order)}`);
    },
  );
  // The pipeline alone: HTTP, authentication, admission, cost and rate limits, yoga, one field.
  const minimal = graphqlRequest(
    "minimal query",
    f.key,
    () => ({ query: "query Minimal { __typename }" }),
    (data) => {
      if (data.__typename !== "Query") throw new Error("no __typename");
    },
  );
  // A search box: predictive search across every kind, as the SDK's PredictiveSearch asks it.
  let searchAt = 0;
  const predictive = graphqlRequest(
    "predictive search",
    f.key,
    (context) => {
      const search = f.searches[searchAt++ % f.searches.length] ?? { query: "a", word: false };
      context.search = search;
      return { query: PredictiveSearchDocument.toString(), variables: { query: search.query } };
    },
    (data, context) => {
      const result = data.predictiveSearch as Record<string, unknown[]>;
      for (const kind of ["products", "shops", "creators", "hashtags", "posts"])
        if (!Array.isArray(result[kind])) throw new Error(`no ${kind} list`);
      const search = context.search as { query: string; word: boolean };
      if (search.word && (result.products?.length ?? 0) === 0)
        throw new Error(`"${search.query}", a word of a product's title, found no product`);
    },
  );
  return [
    { name: "minimal query ({ __typename })", requests: [minimal] },
    { name: "products page", requests: [productsPage] },
    { name: "products page, response cache on", requests: [productsPage], cached: true },
    { name: "product by handle", requests: [productByHandle] },
    { name: "product by handle, response cache on", requests: [productByHandle], cached: true },
    { name: "read a 2-line cart", requests: [readCart] },
    {
      name: "add a line + remove it",
      requests: [add, remove],
      perFlow: 2,
    },
    { name: "checkout flow", requests: [create, addToNew, checkout], perFlow: 3 },
    { name: "predictive search", requests: [predictive] },
    // One shopper typing: the latency a search box sees, with nothing queued ahead.
    { name: "predictive search, 1 connection", requests: [predictive], connections: 1 },
  ];
}

const floorWorkload: Workload = {
  name: "floor",
  requests: [
    {
      method: "GET",
      path: "/products",
      onResponse: checked("floor", (status, body) => {
        if (status !== 200) throw new Error(`HTTP ${status}`);
        if ((JSON.parse(body) as { data: { products: unknown[] } }).data.products.length !== 20)
          throw new Error("not 20 rows");
      }),
    },
  ],
};

async function run(url: string, workload: Workload, duration: number) {
  return autocannon({
    url,
    connections: workload.connections ?? connections,
    duration,
    requests: workload.requests,
  });
}

async function measure(server: Server, workload: Workload): Promise<Measurement> {
  await run(server.url, workload, warmup);
  const before = { server: stats(server.child), database: postgresCpuMs() };
  const result = await run(server.url, workload, seconds);
  const after = { server: stats(server.child), database: postgresCpuMs() };
  const requests = result.requests.total;
  const row: Measurement = {
    name: workload.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    serverCpuMsPerRequest: round2((after.server.cpuMs - before.server.cpuMs) / requests),
    databaseCpuMsPerRequest: round2((after.database - before.database) / requests),
    loadAverage: loadavg().map(round2) as [number, number, number],
    serverRssMiB: mib(after.server.rss),
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, requests)),
  };
  if (workload.perFlow) row.flowsPerSecond = round2(result.requests.average / workload.perFlow);
  const errors = result.errors + result.non2xx + result.timeouts;
  if (errors) failures.push(`${workload.name}: ${errors} failed requests`);
  console.log(
    `  ${workload.name.padEnd(24)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  CPU ${row.serverCpuMsPerRequest} + ${row.databaseCpuMsPerRequest} ms/req  load ${row.loadAverage[0]}  RSS ${row.serverRssMiB} MiB`,
  );
  return row;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

// ---------------------------------------------------------------------------------------------

/** When the idle API's memory is read a second time (ms after it listens). */
const LATER_MS = 30_000;

const databaseUrl = await seededDatabase(`shoppable_bench_${scale}`, scale);
console.log("Building the API (tsup)…");
const build = spawnSync(process.execPath, [join(apiDir, "node_modules", "tsup", "dist", "cli-default.js")], {
  cwd: apiDir,
  stdio: ["ignore", "ignore", "inherit"],
});
if (build.status !== 0) throw new Error("the API build failed");
const api = await startApi(databaseUrl, false);
await new Promise((r) => setTimeout(r, 3000));
const idle = stats(api.child);
// Again later: V8 gives back its start-up young generation after about 20 s without requests,
// and the job worker in process has made its first runs.
await new Promise((r) => setTimeout(r, LATER_MS - 3000));
const later = stats(api.child);
const cachedApi = await startApi(databaseUrl, true);
const floor = await startFloor(databaseUrl);
const fixture = await writeFixture(databaseUrl, `${api.url}/graphql`);

console.log(
  `\nAPI (node dist/main.js, NODE_ENV=production) listening after ${api.startupMs} ms, idle RSS ${mib(idle.rss)} MiB 3 s later, ${mib(later.rss)} MiB ${LATER_MS / 1000} s after listening.` +
    `\n${connections} connections, ${seconds} s per measurement after ${warmup} s of warm-up; floor and API alternate:`,
);
type Row = Measurement & { responseCache: boolean; floorRequestsPerSecond: number; ratioToFloor: number };
const rows: Row[] = [];
const floors: Measurement[] = [await measure(floor, floorWorkload)];
let productsRss = 0;
for (const workload of workloads(fixture).filter((w) => w.name.includes(workloadFilter))) {
  const server = workload.cached ? cachedApi : api;
  // A workload at another concurrency is compared with a floor at the same, before and after it.
  const floorHere = workload.connections
    ? {
        ...floorWorkload,
        name: `floor, ${workload.connections} connection(s)`,
        connections: workload.connections,
      }
    : floorWorkload;
  if (workload.connections) floors.push(await measure(floor, floorHere));
  const row = await measure(server, workload);
  if (workload.name === "products page") productsRss = row.serverRssMiB;
  floors.push(await measure(floor, floorHere));
  const [floorBefore, floorAfter] = floors.slice(-2).map((f) => f.requestsPerSecond) as [number, number];
  const floorRate = (floorBefore + floorAfter) / 2;
  rows.push({
    ...row,
    responseCache: Boolean(workload.cached),
    floorRequestsPerSecond: Math.round(floorRate),
    ratioToFloor: Math.round((row.requestsPerSecond / floorRate) * 1000) / 1000,
  });
}
const end = stats(api.child);
// What graphql-js alone needs for the products page's answer (execution-floor.ts), measured in
// this process while the servers idle.
const graphqlAlone: (ExecutionFloor & { name: string })[] = [];
for (const [name, query, variables] of [
  ["products page", PRODUCTS_PAGE, {}],
  ["product by handle", ProductDocument.toString(), { handle: fixture.handles[0] }],
  ["read a 2-line cart", CartDocument.toString(), { id: fixture.twoLineCart }],
] as const) {
  const data = await graphql<Record<string, unknown>>(`${api.url}/graphql`, fixture.key, query, variables);
  graphqlAlone.push({ name, ...executionFloor(query, variables, data, seconds / 2) });
}
// What one Prisma statement costs, client and database, at the same concurrency.
const benchDb = await openDatabase({ databaseUrl, poolSize: connections });
const perStatement = await statementCost(
  benchDb.prisma,
  fixture.handles,
  connections,
  seconds / 2,
  postgresCpuMs,
);
await benchDb.close();

console.log(
  "\nworkload                           CPU ms/request (server + PostgreSQL)   req/s ÷ floor's req/s",
);
for (const row of rows)
  console.log(
    `  ${row.name.padEnd(34)} ${`${row.serverCpuMsPerRequest} + ${row.databaseCpuMsPerRequest}`.padEnd(38)} ${row.ratioToFloor}${row.flowsPerSecond ? `   (${row.flowsPerSecond} flows/s)` : ""}`,
  );
const standardFloors = floors.filter((f) => f.name === "floor");
const floorCpu = standardFloors.map((f) => f.serverCpuMsPerRequest + f.databaseCpuMsPerRequest);
console.log(
  `  floor: ${Math.round(standardFloors.reduce((sum, f) => sum + f.requestsPerSecond, 0) / standardFloors.length)} req/s on average (${connections} connections), ${round2(Math.min(...floorCpu))}–${round2(Math.max(...floorCpu))} ms CPU per request`,
);
console.log("graphql-js alone (the same document over its answer in memory: no database, no HTTP):");
for (const row of graphqlAlone)
  console.log(
    `  ${row.name.padEnd(34)} ${row.completedValues} values, ${row.bytes} B: execute + serialise ${row.executeAndSerializeCpuMs} ms CPU (JSON.stringify ${row.serializeCpuMs} ms)`,
  );
console.log(
  `one Prisma statement (a product by handle, ${connections} at a time): ${perStatement.clientCpuMs} ms CPU in the client + ${perStatement.databaseCpuMs} ms in PostgreSQL`,
);
console.log(
  `API memory (cache off): idle ${mib(idle.rss)} MiB (${mib(later.rss)} MiB ${LATER_MS / 1000} s after listening), after the products page ${productsRss} MiB, at the end ${mib(end.rss)} MiB, peak ${mib(end.maxRss)} MiB; start-up ${api.startupMs} ms`,
);

for (const server of [api, cachedApi, floor]) {
  server.child.removeAllListeners("exit");
  server.child.kill("SIGTERM");
}
writeResult("requests", {
  date: new Date().toISOString(),
  scale,
  connections,
  seconds,
  warmup,
  startupMs: api.startupMs,
  memoryMiB: {
    idle: mib(idle.rss),
    idleLater: mib(later.rss),
    afterProducts: productsRss,
    end: mib(end.rss),
    peak: mib(end.maxRss),
  },
  rows,
  floors,
  graphqlAlone,
  perStatement,
  failures,
});
if (failures.length) {
  console.error(`\n${failures.length} bad responses, e.g.:\n  ${failures.slice(0, 5).join("\n  ")}`);
  process.exit(1);
}
process.exit(0);
