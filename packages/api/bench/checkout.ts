/**
 * `pnpm bench` (second part; alone: `pnpm bench --only checkout`): checkout throughput on
 * PostgreSQL.
 *
 * Creates a fresh database on the server of BENCH_DATABASE_URL (default the local
 * postgresql://postgres@127.0.0.1:5432/test server), migrates it and writes one shop with 21
 * products, then thousands of ready carts (one unit each, an email set) straight in SQL. The
 * API runs in its own process in production mode (pool of 20 connections, the built-in test
 * payment provider) and 20 concurrent buyers call `checkoutComplete` over HTTP, each with its
 * own idempotency key, for BENCH_CHECKOUT_SECONDS (default 10) after a 2 s warm-up:
 *   - digital: each buyer buys its own digital product (nothing ships; no address, no tax);
 *   - distinct: each buyer buys its own physical product, delivered to a Berlin address with a
 *     chosen option and 19% VAT inside the price (the shop's zone and the platform's rate);
 *   - hot: the same, all 20 buying one product (every checkout locks the same variant and product rows).
 * Prints checkouts/s, p50 and p99 latency and errors, checks that stock went down by exactly
 * the number of orders, and writes .bench/checkout.json.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeGlobalID } from "@pothos/plugin-relay";
import pg from "pg";
import { BENCH_SERVER_URL, freshDatabase, writeResult } from "./shared.ts";
import { createApiKey, openDatabase } from "@shoppable/schema";

const seconds = Number(process.env.BENCH_CHECKOUT_SECONDS ?? 10);
const buyers = 20;
const serverUrl = BENCH_SERVER_URL;
const dbName = "shoppable_bench_checkout";
const here = fileURLToPath(new URL(".", import.meta.url));
/** Carts written per scenario: more than the fastest run can use. */
const cartsPerScenario = Number(process.env.BENCH_CHECKOUT_CARTS ?? 20_000);
const STOCK = 10_000_000;

const CHECKOUT = `mutation($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id status } userErrors { code message } } }`;

interface Fixture {
  key: string;
  shopId: string;
  /** Physical (they ship), then digital products. */
  products: { id: string; variantId: string }[];
  digital: { id: string; variantId: string }[];
}

/** What a shipped cart costs: 19.99 with 4.90 shipping, 19% VAT inside both (half to even per line). */
const SHIPPED_TOTAL = 1999 + 490;
const SHIPPED_TAX = 319 + 78;

async function writeFixture(databaseUrl: string): Promise<Fixture> {
  const db = await openDatabase({ databaseUrl, migrate: true });
  const { key } = await createApiKey(db.prisma, { kind: "PUBLISHABLE", name: "checkout bench" });
  const shop = await db.prisma.shop.create({
    data: { handle: "bench-shop", name: "Bench shop", currencyCode: "EUR", pricesIncludeTax: true },
    select: { id: true },
  });
  await db.prisma.shippingZone.create({
    data: {
      shopId: shop.id,
      name: "Germany",
      countryCodes: ["DE"],
      rates: {
        create: [
          {
            shopId: shop.id,
            handle: "standard",
            title: "Standard",
            price: 490,
            minDays: 2,
            maxDays: 4,
            position: 0,
          },
          {
            shopId: shop.id,
            handle: "express",
            title: "Express",
            price: 990,
            minDays: 1,
            maxDays: 1,
            position: 1,
          },
        ],
      },
    },
  });
  await db.prisma.taxRate.create({ data: { countryCode: "DE", name: "USt", ratePpm: 190_000 } });
  const products: Fixture["products"] = [];
  const digital: Fixture["digital"] = [];
  for (let i = 0; i <= 2 * buyers; i++) {
    const shipped = i <= buyers;
    const p = await db.prisma.product.create({
      data: {
        shopId: shop.id,
        handle: `bench-product-${i}`,
        title: `Bench product ${i}`,
        status: "ACTIVE",
        currencyCode: "EUR",
        minPrice: 1999,
        maxPrice: 1999,
        totalInventory: STOCK,
        variants: {
          create: [
            {
              title: "Default",
              position: 0,
              price: 1999,
              selectedOptions: [],
              inventoryQuantity: STOCK,
              requiresShipping: shipped,
              weightGrams: shipped ? 300 : 0,
            },
          ],
        },
      },
      select: { id: true, variants: { select: { id: true } } },
    });
    (shipped ? products : digital).push({ id: p.id, variantId: p.variants[0]!.id });
  }
  await db.close();
  return { key, shopId: shop.id, products, digital };
}

const BERLIN = {
  firstName: "Bea",
  lastName: "Bench",
  company: null,
  address1: "Torstraße 1",
  address2: null,
  city: "Berlin",
  provinceCode: "BE",
  zip: "10115",
  countryCode: "DE",
  phone: null,
};

/**
 * Writes `count` carts of one unit of `variantIds[i % n]`, returns their ids grouped by variant.
 * With `shopId`, each cart ships to Berlin with the shop's "standard" option chosen.
 */
async function writeCarts(
  databaseUrl: string,
  variantIds: string[],
  count: number,
  shopId: string | null,
): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const byVariant = new Map<string, string[]>(variantIds.map((v) => [v, []]));
  const batch = 2000;
  for (let start = 0; start < count; start += batch) {
    const ids: string[] = [];
    const variants: string[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const id = randomUUID();
      const variant = variantIds[i % variantIds.length]!;
      ids.push(id);
      variants.push(variant);
      byVariant.get(variant)!.push(id);
    }
    await client.query(
      `WITH c AS (
         INSERT INTO "Cart" ("id", "email", "currencyCode", "expiresAt", "updatedAt", "countryCode", "deliveryAddress", "deliverySelections")
         SELECT id, 'bench@example.test', 'EUR', now() + interval '30 days', now(), $3, $4::jsonb, $5::jsonb
         FROM unnest($1::uuid[]) AS id
         RETURNING "id"
       )
       INSERT INTO "CartLine" ("id", "cartId", "variantId", "quantity", "attributionKey", "updatedAt")
       SELECT gen_random_uuid(), c, v, 1, '|||', now() FROM unnest($1::uuid[], $2::uuid[]) AS t(c, v)`,
      [
        ids,
        variants,
        shopId ? "DE" : null,
        shopId ? JSON.stringify(BERLIN) : null,
        shopId ? JSON.stringify({ [shopId]: "standard" }) : null,
      ],
    );
  }
  await client.query("ANALYZE");
  await client.end();
  return byVariant;
}

function startApi(databaseUrl: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, "api-child.ts"), [], {
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "20", PORT: "0" },
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`api-child exited with ${code}`)));
    child.on("message", (m: { ready?: number }) => m.ready && resolve({ child, port: m.ready }));
  });
}

interface Row {
  name: string;
  checkoutsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  checkouts: number;
  errors: number;
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

/** 20 buyers, each taking its next cart from `queueOf(buyer)`, for `duration` seconds. */
async function run(
  url: string,
  key: string,
  name: string,
  queueOf: (buyer: number) => string[],
  duration: number,
  record: boolean,
): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const deadline = performance.now() + duration * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: buyers }, async (_, buyer) => {
      const queue = queueOf(buyer);
      while (performance.now() < deadline) {
        const cartId = queue.pop();
        if (!cartId) throw new Error(`${name}: out of carts; raise BENCH_CHECKOUT_CARTS`);
        const body = JSON.stringify({
          query: CHECKOUT,
          variables: {
            input: {
              cartId: encodeGlobalID("Cart", cartId),
              idempotencyKey: randomUUID(),
              payment: { token: "tok_success" },
            },
          },
        });
        const t0 = performance.now();
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-shoppable-key": key },
          body,
        });
        const result = (await response.json()) as {
          data?: { checkoutComplete: { order: { status: string } | null; userErrors: { code: string }[] } };
          errors?: unknown;
        };
        const ms = performance.now() - t0;
        const ok = response.ok && !result.errors && result.data?.checkoutComplete.order?.status === "PAID";
        if (!ok) {
          errors++;
          firstError ??= JSON.stringify(result).slice(0, 300);
        }
        if (record) latencies.push(ms);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const row = {
    name,
    checkoutsPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    checkouts: latencies.length,
    errors,
    seconds: Math.round(elapsed * 10) / 10,
  };
  if (record)
    console.log(
      `  ${name}: ${row.checkoutsPerSecond} checkouts/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.checkouts} checkouts, ${errors} errors`,
    );
  if (firstError) console.log(`    first error: ${firstError}`);
  return row;
}

const databaseUrl = await freshDatabase(dbName, serverUrl);
const fixture = await writeFixture(databaseUrl);
const distinctVariants = fixture.products.slice(0, buyers).map((p) => p.variantId);
const digitalVariants = fixture.digital.map((p) => p.variantId);
const hot = fixture.products[buyers]!;
console.log(`Writing ${cartsPerScenario} carts per scenario into ${dbName}…`);
const digitalCarts = await writeCarts(databaseUrl, digitalVariants, cartsPerScenario, null);
const distinctCarts = await writeCarts(databaseUrl, distinctVariants, cartsPerScenario, fixture.shopId);
const hotCarts = (await writeCarts(databaseUrl, [hot.variantId], cartsPerScenario, fixture.shopId)).get(
  hot.variantId,
)!;
const hotQueues = Array.from({ length: buyers }, (_, b) => hotCarts.filter((_, i) => i % buyers === b));

const { child, port } = await startApi(databaseUrl);
const url = `http://127.0.0.1:${port}/graphql`;
console.log(
  `\nCheckout throughput, ${buyers} concurrent buyers, ${seconds} s after a 2 s warm-up (API pool 20, test payment provider):`,
);
const loadBefore = loadavg();
await run(url, fixture.key, "warm-up", (b) => distinctCarts.get(distinctVariants[b]!)!, 2, false);
const digitalRow = await run(
  url,
  fixture.key,
  "distinct digital products (no delivery, no tax)",
  (b) => digitalCarts.get(digitalVariants[b]!)!,
  seconds,
  true,
);
const distinct = await run(
  url,
  fixture.key,
  "distinct products, shipped and taxed",
  (b) => distinctCarts.get(distinctVariants[b]!)!,
  seconds,
  true,
);
const hotRow = await run(
  url,
  fixture.key,
  "one hot product, shipped and taxed",
  (b) => hotQueues[b]!,
  seconds,
  true,
);
const loadAfter = loadavg();
const [loadBefore1 = 0] = loadBefore;
const [loadAfter1 = 0] = loadAfter;
console.log(`Load average (1 min) before ${loadBefore1.toFixed(2)}, after ${loadAfter1.toFixed(2)}`);
child.removeAllListeners("exit");
child.kill("SIGTERM");

// Never oversold, never lost: stock went down by exactly the units ordered.
const check = new pg.Client({ connectionString: databaseUrl });
await check.connect();
const { rows } = await check.query<{ ordered: string; taken: string; products: string; mischarged: string }>(
  `SELECT (SELECT coalesce(sum(quantity), 0) FROM "OrderLine") AS ordered,
          (SELECT sum(${STOCK} - "inventoryQuantity") FROM "ProductVariant") AS taken,
          (SELECT sum(${STOCK} - "totalInventory") FROM "Product") AS products,
          (SELECT count(*) FROM "Order" WHERE "status" = 'PAID' AND "shippingAddress" IS NOT NULL
             AND ("total" <> ${SHIPPED_TOTAL} OR "taxTotal" <> ${SHIPPED_TAX} OR "shippingTotal" <> 490)) AS mischarged`,
);
await check.end();
const [totals] = rows;
if (!totals) throw new Error("the consistency query returned no row");
const consistent =
  totals.ordered === totals.taken && totals.taken === totals.products && totals.mischarged === "0";
console.log(
  `\nUnits ordered ${totals.ordered}, taken from variants ${totals.taken}, from product totals ${totals.products}; shipped orders not charged ${SHIPPED_TOTAL} with ${SHIPPED_TAX} tax: ${totals.mischarged}: ${consistent ? "consistent" : "INCONSISTENT"}`,
);

writeResult("checkout", {
  date: new Date().toISOString(),
  buyers,
  seconds,
  apiPoolSize: 20,
  loadAverage: { before: loadBefore, after: loadAfter },
  digital: digitalRow,
  distinct,
  hot: hotRow,
  consistent,
});
process.exit(consistent && digitalRow.errors === 0 && distinct.errors === 0 && hotRow.errors === 0 ? 0 : 1);
