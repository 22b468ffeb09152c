/**
 * `pnpm db:migrate:create <name>`: writes `prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql`
 * with the SQL that takes the migration history to the current `prisma/schema.prisma`, the way
 * `prisma migrate dev --create-only` would, but offline through Prisma's WASM schema engine and
 * an in-memory PGlite shadow database. Review (and extend) the file, then `pnpm db:migrate`.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { migrationsDir } from "../src/migrations.ts";
import { diffMigrationsToSchema, isEmptyMigrationSql, MIGRATION_LOCK_CONTENT } from "../src/schema-engine.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = join(packageDir, "prisma", "schema.prisma");

/** Prisma's naming: UTC timestamp, then the name in lower snake case. */
function migrationDirectoryName(name: string, now = new Date()): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) throw new Error(`"${name}" is not a usable migration name: use letters, digits and _.`);
  const timestamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `${timestamp}_${slug}`;
}

async function main(): Promise<number> {
  const name = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
  if (!name) {
    console.error("Usage: pnpm db:migrate:create <name>   (for example: add_product_rating)");
    return 2;
  }
  const directoryName = migrationDirectoryName(name);
  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  if (isEmptyMigrationSql(sql)) {
    console.log("No changes: prisma/schema.prisma matches the migrations. Nothing written.");
    return 0;
  }
  const directory = join(migrationsDir, directoryName);
  if (existsSync(directory)) throw new Error(`${directory} already exists`);
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
  await writeFile(join(migrationsDir, "migration_lock.toml"), MIGRATION_LOCK_CONTENT);
  console.log(`Wrote ${relative(process.cwd(), join(directory, "migration.sql"))}`);
  console.log("Review it (add data migrations, triggers, ...), then run `pnpm db:migrate`.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
