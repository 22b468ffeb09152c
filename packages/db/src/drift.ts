/**
 * Drift check: do `prisma/migrations` and `prisma/schema.prisma` describe the same database?
 * Replays the migrations into an in-memory PGlite with Prisma's WASM schema engine and diffs the
 * result against the schema. Triggers and functions added by hand in migrations are invisible to
 * the engine, so they never count as drift.
 */
import { join } from "node:path";
import { migrationsDir } from "./migrations.ts";
import { packageDir } from "./package-dir.ts";
import { diffMigrationsToSchema, isEmptyMigrationSql } from "./schema-engine.ts";

/** Absolute path of `packages/db/prisma/schema.prisma`. */
export const schemaPath = join(packageDir, "prisma", "schema.prisma");

export interface DriftResult {
  /** True when the migrations produce exactly the schema. */
  ok: boolean;
  /** The SQL a new migration would need (only comments when `ok`). */
  sql: string;
}

/** Compares the migration history with the schema (defaults: this package's files). */
export async function checkDrift(
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<DriftResult> {
  const sql = await diffMigrationsToSchema({
    migrationsDir: options.migrationsDir ?? migrationsDir,
    schemaPath: options.schemaPath ?? schemaPath,
  });
  return { ok: isEmptyMigrationSql(sql), sql };
}
