import { seedWorld } from "./src/seed/world.ts";
import { createHash } from "node:crypto";
const rows: Record<string, unknown[]> = {};
const model = (name: string) => ({
  createMany: async ({ data }: { data: unknown[] }) => { if (!process.env.NOKEEP) (rows[name] ??= []).push(...data); return { count: data.length }; },
  count: async () => 0,
});
const names = ["user","shop","shopMember","product","productOption","productVariant","productMedia","collection","collectionProduct"];
const prisma: any = Object.fromEntries(names.map((n) => [n, model(n)]));
prisma.$executeRawUnsafe = async () => 0;
const scale = process.argv[2] === "bench" || process.argv[2] === "demo" ? process.argv[2] : process.argv[2] ? { products: Number(process.argv[2]) } : "demo";
const t = performance.now();
const summary = await seedWorld(prisma, { seed: Number(process.argv[3] ?? 1), scale: scale as any, chunkSize: Number(process.argv[4] ?? 1000) });
console.log(((performance.now() - t) / 1000).toFixed(2), "s", JSON.stringify(summary.counts), process.memoryUsage().heapUsed / 1e6 | 0, "MB");
const h = createHash("sha256");
for (const n of names) for (const r of rows[n] ?? []) h.update(JSON.stringify(r));
console.log(h.digest("hex"));
if (scale === "demo") {
  const v = rows.productVariant as any[];
  console.log(JSON.stringify(summary.users, null, 1));
  console.log((rows.product as any[]).slice(0, 3));
  console.log(v.slice(0, 4), (rows.productOption as any[]).slice(0, 3), (rows.productMedia as any[]).slice(0,2));
  console.log((rows.shop as any[]).map((s) => `${s.handle} ${s.currencyCode} ${s.name}`));
  console.log((rows.collection as any[]).slice(0, 8).map((c) => c.handle + " | " + c.title));
  console.log((rows.user as any[]).slice(0, 3));
  const onSale = v.filter((x) => x.compareAtPrice != null).length / v.length;
  const zero = v.filter((x) => x.inventoryQuantity === 0).length / v.length;
  console.log({ onSale, zero, avgVariants: v.length / rows.product!.length });
  const perShop: Record<string, number> = {};
  for (const p of rows.product as any[]) perShop[p.shopId] = (perShop[p.shopId] ?? 0) + 1;
  console.log(Object.values(perShop));
}
