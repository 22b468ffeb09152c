import { openDatabase } from "@shoppable/schema";
import pg from "pg";
const url = "postgresql://postgres@127.0.0.1:5432/shoppable_bench_demo";
const db = await openDatabase({ databaseUrl: url });
const pool = new pg.Pool({ connectionString: url });
const ids = (await db.prisma.product.findMany({ where: { status: "ACTIVE" }, take: 20, select: { id: true } })).map(p => p.id);
async function time(name: string, fn: () => Promise<unknown>) { for (let i = 0; i < 10; i++) await fn(); const t = performance.now(); for (let i = 0; i < 50; i++) await fn(); console.log(name.padEnd(40), ((performance.now() - t) / 50).toFixed(2), "ms"); }
await time("pg: products 20 rows", () => pool.query(`select * from "Product" where id = any($1::uuid[])`, [ids]));
await time("pg: variants of 20", () => pool.query(`select * from "ProductVariant" where "productId" = any($1::uuid[])`, [ids]));
await time("prisma: products 20 rows", () => db.prisma.product.findMany({ where: { id: { in: ids } } }));
await time("prisma: variants of 20", () => db.prisma.productVariant.findMany({ where: { productId: { in: ids } } }));
await time("prisma: products+variants join", () => db.prisma.product.findMany({ where: { id: { in: ids } }, include: { variants: true } }));
await time("prisma: products select few + variants", () => db.prisma.product.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, variants: { select: { id: true, price: true } } } }));
await time("prisma: $queryRaw 1", () => db.prisma.$queryRaw`select 1`);
await time("pg: select 1", () => pool.query(`select 1`));
await db.close(); await pool.end();
