import { openDatabase } from "./src/db/index.ts";
import { seedWorld } from "./src/seed/world.ts";
const db = await openDatabase({ dataDir: "memory://", migrate: true, databaseUrl: process.env.DATABASE_URL });
await db.prisma.$executeRawUnsafe(`TRUNCATE "User","Shop" CASCADE`);
await seedWorld(db.prisma, { scale: { products: 20 } });
const product = await db.prisma.product.findFirstOrThrow();
const pglite = (db.driver as any).pglite ?? (db.driver as any).pool;
const N = 10000;
const rows = Array.from({ length: N }, (_, i) => ({ id: crypto.randomUUID(), productId: product.id, title: "X / Y", sku: "SKU-" + i, position: i, price: 1000 + i, compareAtPrice: null, selectedOptions: [{ name: "Size", value: "M" }], inventoryQuantity: 5, createdAt: new Date(), updatedAt: new Date() }));
let c, t, d;
for (const B of [2500]) {
const rowsB = rows.map((r) => ({ ...r, id: crypto.randomUUID() }));
c = process.cpuUsage(); t = performance.now();
for (let i = 0; i < N; i += B) await db.prisma.productVariant.createMany({ data: rowsB.slice(i, i + B) });
d = process.cpuUsage(c); console.log("prisma createMany batch", B, (performance.now() - t) | 0, "ms cpu", (d.user + d.system) / 1000 | 0);
}
const rows2 = rows.map((r) => ({ ...r, id: crypto.randomUUID() }));
c = process.cpuUsage(); t = performance.now();
for (let i = 0; i < N; i += 2500) {
  const batch = rows2.slice(i, i + 2500);
  const params: unknown[] = []; const values: string[] = [];
  for (const r of batch) { const b = params.length; params.push(r.id, r.productId, r.title, r.sku, r.position, r.price, r.compareAtPrice, JSON.stringify(r.selectedOptions), r.inventoryQuantity, r.createdAt.toISOString(), r.updatedAt.toISOString()); values.push(`($${b+1}::uuid,$${b+2}::uuid,$${b+3},$${b+4},$${b+5},$${b+6},$${b+7}::int,$${b+8}::jsonb,$${b+9},$${b+10}::timestamp,$${b+11}::timestamp)`); }
  await pglite.query(`INSERT INTO "ProductVariant" ("id","productId","title","sku","position","price","compareAtPrice","selectedOptions","inventoryQuantity","createdAt","updatedAt") VALUES ${values.join(",")}`, params);
}
d = process.cpuUsage(c); console.log("raw pglite", (performance.now() - t) | 0, "ms cpu", (d.user + d.system) / 1000 | 0);
await db.close();

{
const db2 = await openDatabase({ dataDir: "memory://", migrate: true, databaseUrl: process.env.DATABASE_URL });
const rows3 = rows.map((r) => ({ ...r, id: crypto.randomUUID(), productId: product.id }));
const cols = Object.keys(rows3[0]!).map((k) => `"${k}"`).join(",");
c = process.cpuUsage(); t = performance.now();
for (let i = 0; i < N; i += 2500) await db2.prisma.$executeRawUnsafe(`INSERT INTO "ProductVariant" (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::"ProductVariant", $1::jsonb)`, JSON.stringify(rows3.slice(i, i + 2500)));
d = process.cpuUsage(c); console.log("json recordset", (performance.now() - t) | 0, "ms cpu", (d.user + d.system) / 1000 | 0);
await db2.close();
}
