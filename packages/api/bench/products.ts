/**
 * `pnpm bench`: the products page (20 products with variants, options and media) on PostgreSQL.
 *
 * Creates a fresh database on the server of BENCH_DATABASE_URL (default: the local
 * postgresql://postgres@127.0.0.1:5432/test server), migrates and seeds it (`--scale bench`
 * for 100,000 products; default demo, 2,000), then runs autocannon (10 connections, 5 s warm-up,
 * 20 s measured) against the API and against a bare node:http + pg endpoint returning the same
 * rows, each in its own process. Prints req/s, p50, p99, errors and server RSS, and the ratio.
 * Results are also written to .bench/products.json.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { createApiKey, openDatabase } from "@shoppable/schema";
import { seedWorld } from "@shoppable/db/seed";
import { repoRoot } from "../src/config.ts";

const args = process.argv.slice(2);
const scaleArg = args[args.indexOf("--scale") + 1];
const scale = args.includes("--scale") && scaleArg === "bench" ? "bench" : "demo";
const duration = Number(process.env.BENCH_SECONDS ?? 20);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const dbName = `shoppable_bench_${scale}`;
const here = fileURLToPath(new URL(".", import.meta.url));

const QUERY = `query ProductsPage { products(first: 20) { edges { node {
  id title handle tags priceRange { min { amount currencyCode } max { amount currencyCode } }
  options { name values }
  variants { id title sku price { amount currencyCode } compareAtPrice { amount currencyCode } selectedOptions { name value } quantityAvailable }
  media { url kind width height alt }
} } pageInfo { hasNextPage endCursor } } }`;

async function prepareDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const db = await openDatabase({ databaseUrl: url.toString(), migrate: true });
  if ((await db.prisma.shop.count()) === 0) {
    console.log(`Seeding ${scale} scale into ${dbName} (kept for the next run)…`);
    const started = Date.now();
    await seedWorld(db.prisma, { seed: 1, scale });
    console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const products = await db.prisma.product.count();
  console.log(`Database ${dbName}: ${products} products`);
  await db.close();
  return url.toString();
}

function start(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, script), [], {
      env: { ...process.env, ...env },
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on("message", (m: { ready?: number }) => m.ready && resolve({ child, port: m.ready }));
  });
}

function rss(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.on("message", function onMessage(m: { rss?: number }) {
      if (m.rss) {
        child.off("message", onMessage);
        resolve(m.rss);
      }
    });
    child.send({ rss: true });
  });
}

async function load(
  url: string,
  request: { method: "POST" | "GET"; headers?: Record<string, string>; body?: string },
  seconds: number,
) {
  return autocannon({ url, connections: 10, duration: seconds, ...request });
}

async function measure(
  name: string,
  script: string,
  env: Record<string, string>,
  request: Parameters<typeof load>[1],
  path: string,
) {
  const { child, port } = await start(script, env);
  const url = `http://127.0.0.1:${port}${path}`;
  const check = await fetch(url, { method: request.method, headers: request.headers, body: request.body });
  const body = (await check.json()) as { data?: { products: unknown }; errors?: unknown };
  if (!check.ok || body.errors)
    throw new Error(`${name} answered ${check.status}: ${JSON.stringify(body).slice(0, 300)}`);
  await load(url, request, 5);
  const result = await load(url, request, duration);
  const memory = await rss(child);
  child.removeAllListeners("exit");
  child.kill("SIGTERM");
  const row = {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    serverRssMiB: Math.round(memory / 1024 / 1024),
    bytesPerResponse: Math.round(result.throughput.average / Math.max(1, result.requests.average)),
  };
  console.log(
    `  ${name}: ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.errors} errors, RSS ${row.serverRssMiB} MiB`,
  );
  return row;
}

const databaseUrl = await prepareDatabase();
const keyDb = await openDatabase({ databaseUrl });
const { key } = await createApiKey(keyDb.prisma, { kind: "PUBLISHABLE", name: "bench" });
await keyDb.close();

console.log(`\nProducts page, 10 connections, ${duration} s after a 5 s warm-up:`);
const env = { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "10" };
const api = await measure(
  "shoppable api",
  "api-child.ts",
  { ...env, PORT: "0" },
  {
    method: "POST",
    headers: { "content-type": "application/json", "x-shoppable-key": key },
    body: JSON.stringify({ query: QUERY }),
  },
  "/graphql",
);
const baseline = await measure("node:http + pg", "baseline-child.ts", env, { method: "GET" }, "/products");
const ratio = Math.round((api.requestsPerSecond / baseline.requestsPerSecond) * 100) / 100;
console.log(`\nAPI / baseline throughput: ${ratio}`);

const out = join(repoRoot, ".bench");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "products.json"),
  JSON.stringify({ date: new Date().toISOString(), scale, duration, api, baseline, ratio }, null, 2),
);
process.exit(0);
