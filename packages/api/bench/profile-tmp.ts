import { createApiKey, openDatabase } from "@shoppable/schema";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { createServer } from "../src/server.ts";
const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "warn" });
let sqlMs = 0; let n = 0;
const db = await openDatabase({ databaseUrl: "postgresql://postgres@127.0.0.1:5432/shoppable_bench_demo" });
const server = createServer({ db, config, logger: createLogger("warn") });
const { key } = await createApiKey(db.prisma, { kind: "PUBLISHABLE", name: "p" });
const QUERY = `query ProductsPage { products(first: 20) { edges { node {
  id title handle tags priceRange { min { amount currencyCode } max { amount currencyCode } }
  options { name values }
  variants { id title sku price { amount currencyCode } compareAtPrice { amount currencyCode } selectedOptions { name value } quantityAvailable }
  media { url kind width height alt }
} } pageInfo { hasNextPage endCursor } } }`;
const run = async () => { const r = await server.yoga.fetch("http://x/graphql", { method: "POST", headers: { "content-type": "application/json", "x-shoppable-key": key }, body: JSON.stringify({ query: QUERY }) }); return r.text(); };
for (let i = 0; i < 20; i++) await run();
let t = performance.now();
for (let i = 0; i < 50; i++) await run();
console.log("graphql ms/op", (performance.now() - t) / 50);
// raw prisma
const ids = (await db.prisma.product.findMany({ where: { status: "ACTIVE" }, take: 20, select: { id: true } })).map(p => p.id);
t = performance.now();
for (let i = 0; i < 50; i++) await db.prisma.product.findMany({ where: { id: { in: ids } }, include: { options: true, variants: { include: { product: { select: { currencyCode: true, status: true, shopId: true } } } }, media: true } });
console.log("prisma joined findMany ms/op", (performance.now() - t) / 50);
t = performance.now();
for (let i = 0; i < 50; i++) await db.prisma.product.findMany({ where: { id: { in: ids } }, include: { options: true, variants: true, media: true } });
console.log("prisma findMany without nested product ms/op", (performance.now() - t) / 50);
t = performance.now();
for (let i = 0; i < 50; i++) await db.prisma.product.findMany({ relationLoadStrategy: "query", where: { id: { in: ids } }, include: { options: true, variants: true, media: true } });
console.log("prisma findMany query strategy ms/op", (performance.now() - t) / 50);
console.log((await run()).length, "bytes");
await db.close();
process.exit(0);
