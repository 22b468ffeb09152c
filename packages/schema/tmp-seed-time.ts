import { openDatabase } from "./src/db/index.ts";
import { seedWorld } from "./src/seed/world.ts";
const t0 = performance.now();
const db = await openDatabase({ dataDir: "memory://", migrate: true, databaseUrl: process.env.DATABASE_URL });
const t1 = performance.now(); const c1 = process.cpuUsage();
console.log("open+migrate", ((t1 - t0) / 1000).toFixed(2));
const last = new Map<string, number>();
const start = new Map<string, number>();
const scale = process.argv[2] === "bench" || process.argv[2] === "demo" ? process.argv[2] : { products: Number(process.argv[2] ?? 2000) };
const s = await seedWorld(db.prisma, { scale: scale as any, reset: true, insertMode: (process.env.MODE ?? "json") as any, concurrency: Number(process.env.CONC ?? 1), chunkSize: Number(process.env.CHUNK ?? 1000),
  onProgress: (e) => { if (!start.has(e.phase)) start.set(e.phase, performance.now()); if (e.done === e.total) last.set(e.phase, performance.now()); } });
const t2 = performance.now();
for (const [p, t] of start) console.log(p, (((last.get(p) ?? t) - t) / 1000).toFixed(2));
const c2 = process.cpuUsage(c1); console.log("seed", ((t2 - t1) / 1000).toFixed(2), "cpu", ((c2.user + c2.system) / 1e6).toFixed(2), JSON.stringify(s.counts));
await db.close();
