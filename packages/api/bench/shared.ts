/** What the PostgreSQL benchmarks share. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seedWorld } from "@shoppable/db/seed";
import { openDatabase } from "@shoppable/schema";
import pg from "pg";
import { repoRoot } from "../src/config.ts";

/** The PostgreSQL server the benchmarks create their databases on. */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** Drops and creates database `name` on the benchmark server; resolves to its URL. */
export async function freshDatabase(name: string, serverUrl = BENCH_SERVER_URL): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Writes a benchmark's results to `.bench/<name>.json` at the repository root (gitignored). */
export function writeResult(name: string, result: unknown): void {
  const out = join(repoRoot, ".bench");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.json`), JSON.stringify(result, null, 2));
}

/**
 * Database `name` on the benchmark server, migrated and seeded with the world at `scale` on its
 * first use and kept for later runs (seeding the bench scale takes minutes); resolves to its URL.
 */
export async function seededDatabase(name: string, scale: "demo" | "bench"): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  try {
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
    if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), migrate: true });
  try {
    if ((await db.prisma.shop.count()) === 0) {
      console.log(`Seeding ${scale} scale into ${name} (kept for the next run)…`);
      const started = Date.now();
      await seedWorld(db.prisma, { seed: 1, scale });
      console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      // As autovacuum would have by the time a production database holds this much: fresh
      // statistics, and the GIN indexes' pending lists merged (a search pays for them otherwise).
      await db.prisma.$executeRawUnsafe("VACUUM ANALYZE");
    }
    console.log(`Database ${name}: ${await db.prisma.product.count()} products`);
  } finally {
    await db.close();
  }
  return url.toString();
}
