/** Which migrations a database still lacks; servers on PostgreSQL refuse to start with any. */
import type { Driver } from "./index.ts";
import { listMigrations } from "./migrations.ts";

const APPLIED = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

export async function pendingMigrations(driver: Driver): Promise<string[]> {
  let applied: string[];
  try {
    const rows =
      driver.kind === "postgres"
        ? (await driver.pool.query<{ migration_name: string }>(APPLIED)).rows
        : (await driver.pglite.query<{ migration_name: string }>(APPLIED)).rows;
    applied = rows.map((r) => r.migration_name);
  } catch (error) {
    if ((error as { code?: string }).code === "42P01")
      applied = []; // no migrations table yet
    else throw error;
  }
  const done = new Set(applied);
  return (await listMigrations()).map((m) => m.name).filter((name) => !done.has(name));
}
