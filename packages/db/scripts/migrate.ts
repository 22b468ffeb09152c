/**
 * `pnpm db:migrate`: applies pending migrations from prisma/migrations to
 *   - `DATABASE_URL` when set (PostgreSQL), else
 *   - the embedded PGlite database in `<DATA_DIR>/pglite` (DATA_DIR defaults to `.data`; a
 *     relative DATA_DIR is taken from the repository root, whatever the current directory).
 *
 * `pnpm db:migrate --rolled-back <name>` marks a failed migration as rolled back (what
 * `prisma migrate resolve --rolled-back` does) so the next run applies it again.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../src/index.ts";
import { markMigrationRolledBack, type MigrationReport } from "../src/migrations.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rolledBackIndex = args.indexOf("--rolled-back");
  const rolledBack = rolledBackIndex >= 0 ? args[rolledBackIndex + 1] : undefined;
  if (rolledBackIndex >= 0 && !rolledBack)
    throw new Error("Usage: pnpm db:migrate --rolled-back <migration name>");

  const databaseUrl = process.env.DATABASE_URL || undefined;
  let dataDir: string | undefined;
  if (!databaseUrl) {
    dataDir = join(resolve(repoRoot, process.env.DATA_DIR || ".data"), "pglite");
    mkdirSync(dataDir, { recursive: true });
  }

  const started = performance.now();
  let report: MigrationReport | undefined;
  const db = await openDatabase({
    databaseUrl,
    dataDir,
    migrate: !rolledBack,
    onMigrated: (r) => (report = r),
  });
  try {
    if (rolledBack) {
      await markMigrationRolledBack(db.driver, rolledBack);
      console.log(
        `Marked ${rolledBack} as rolled back in ${db.description}; run \`pnpm db:migrate\` to apply it again.`,
      );
    } else if (report && report.applied.length > 0) {
      const ms = Math.round(performance.now() - started);
      console.log(`Applied ${report.applied.length} migration(s) to ${db.description} (${ms} ms):`);
      for (const name of report.applied) console.log(`  - ${name}`);
    } else {
      console.log(
        `No pending migrations in ${db.description} (${report?.alreadyApplied ?? 0} already applied).`,
      );
    }
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
