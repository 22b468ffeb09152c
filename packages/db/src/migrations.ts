/**
 * Applying `prisma/migrations` to a database, compatible with `prisma migrate deploy`.
 *
 * Why hand-written rather than the WASM schema engine's `applyMigrations`: the embedded server
 * calls this at every start, and the engine is a 5 MB WASM module (compile + instantiate) that
 * also needs a driver adapter able to read `pg_catalog` (`@prisma/adapter-pg` 7.10.1 cannot
 * decode its `"char"` columns). Applying migrations is a small job: read the files, compare with
 * `_prisma_migrations`, run what is missing. Done here it costs a few milliseconds when nothing
 * is pending and has no dependency beyond the drivers we already use.
 *
 * Compatibility with Prisma (so the stock `prisma migrate deploy|status` accepts the database):
 * - same `_prisma_migrations` table and columns, created the way the engine creates it;
 * - a row per applied migration: random UUID `id`, `checksum` = SHA-256 hex of `migration.sql`,
 *   `started_at`/`finished_at`, `applied_steps_count` = 1;
 * - a failed migration leaves a row with `finished_at` NULL and the error in `logs`, and every
 *   later run refuses until it is marked rolled back (Prisma's P3009), see
 *   {@link markMigrationRolledBack};
 * - on PostgreSQL the run holds `pg_advisory_lock(72707369)`, the lock Prisma Migrate takes, so it
 *   serializes with other processes running this code or `prisma migrate deploy`;
 * - migrations are taken in the order Prisma uses (directory names, `localeCompare`).
 * Stricter than `migrate deploy`: a migration edited after being applied (checksum mismatch,
 * line endings aside) is refused instead of ignored.
 * Different from `migrate deploy`: each migration runs in one explicit transaction together with
 * its `_prisma_migrations` row, so a failure leaves no partial schema behind.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PoolClient } from "pg";
import type { Driver } from "./index.ts";
import { packageDir } from "./package-dir.ts";

/** Absolute path of `packages/db/prisma/migrations`. */
export const migrationsDir = join(packageDir, "prisma", "migrations");

/** What {@link applyMigrations} did. */
export interface MigrationReport {
  /** Names of the migrations applied by this call, in order. */
  applied: string[];
  /** How many migrations of the directory were already applied before this call. */
  alreadyApplied: number;
}

/** One migration directory: `<name>/migration.sql`. */
export interface LocalMigration {
  name: string;
  sql: string;
  /** SHA-256 of `migration.sql`, lower-case hex, as stored in `_prisma_migrations.checksum`. */
  checksum: string;
}

export interface ApplyMigrationsOptions {
  /** Migrations directory to apply; defaults to {@link migrationsDir} (tests use temp dirs). */
  migrationsDir?: string;
  /** PostgreSQL: how long to wait for another process holding the migration lock. Default 60 s. */
  lockTimeoutMs?: number;
}

/** A migration that failed, was edited after being applied, or blocks the history. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    readonly migrationName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Prisma Migrate's advisory lock key (see prisma-engines, postgres flavour `acquire_lock`). */
const MIGRATE_LOCK_KEY = 72707369;

/** The table exactly as Prisma's schema engine creates it on PostgreSQL. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

/**
 * The migrations of a directory in the order they apply. Throws when a migration directory has
 * no `migration.sql`; a missing directory means no migrations.
 */
export async function listMigrations(dir: string = migrationsDir): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const file = join(dir, name, "migration.sql");
      const sql = await readFile(file, "utf8").catch((error: Error) => {
        throw new MigrationError(
          name,
          `Migration \`${name}\` has no readable migration.sql (${error.message})`,
        );
      });
      return { name, sql, checksum: sha256Hex(sql) };
    }),
  );
}

/**
 * Applies the pending migrations, each in its own transaction, recording them in
 * `_prisma_migrations` as Prisma does. Refuses, naming the migration, when a migration failed
 * earlier or an applied migration's file changed; a migration whose SQL fails is rolled back,
 * recorded as failed and reported as a {@link MigrationError}.
 */
export async function applyMigrations(
  driver: Driver,
  options: ApplyMigrationsOptions = {},
): Promise<MigrationReport> {
  const dir = options.migrationsDir ?? migrationsDir;
  await assertPostgresLockfile(dir);
  const local = await listMigrations(dir);
  return withMigrationSession(driver, options.lockTimeoutMs ?? 60_000, async (session) => {
    await ensureMigrationsTable(session);
    const records = await session.rows<MigrationRecord>(
      "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at FROM _prisma_migrations ORDER BY started_at",
    );
    refuseFailedMigrations(records);
    const applied = new Map(
      records
        .filter((record) => record.rolled_back_at === null)
        .map((record) => [record.migration_name, record]),
    );
    refuseEditedMigrations(local, applied);

    const report: MigrationReport = { applied: [], alreadyApplied: 0 };
    for (const migration of local) {
      if (applied.has(migration.name)) {
        report.alreadyApplied++;
        continue;
      }
      await applyOne(session, migration);
      report.applied.push(migration.name);
    }
    return report;
  });
}

/**
 * Marks a failed migration as rolled back so {@link applyMigrations} runs it again (what
 * `prisma migrate resolve --rolled-back <name>` does). Fix the database or the file first.
 */
export async function markMigrationRolledBack(driver: Driver, migrationName: string): Promise<void> {
  await withMigrationSession(driver, 60_000, async (session) => {
    const exists = await session.rows<{ exists: boolean }>(
      "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
    );
    const updated = exists[0]?.exists
      ? await session.rows<{ id: string }>(
          "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL RETURNING id",
          [migrationName],
        )
      : [];
    if (updated.length === 0) {
      throw new MigrationError(
        migrationName,
        `Migration \`${migrationName}\` is not recorded as failed: nothing to roll back.`,
      );
    }
  });
}

interface MigrationRecord {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
}

async function applyOne(session: Session, migration: LocalMigration): Promise<void> {
  try {
    await session.transaction(async (tx) => {
      await tx.exec(migration.sql);
      // now() is the transaction start, i.e. when the migration started.
      await tx.rows(
        `INSERT INTO _prisma_migrations
           (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    });
  } catch (error) {
    const logs = failureLogs(migration.name, error);
    // Recorded outside the rolled-back transaction, as Prisma does, so later runs stop here.
    await session
      .rows(
        `INSERT INTO _prisma_migrations
           (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, NULL, $3, $4, NULL, now(), 0)`,
        [randomUUID(), migration.checksum, migration.name, logs],
      )
      .catch(() => {});
    throw new MigrationError(
      migration.name,
      `Migration \`${migration.name}\` failed and was rolled back: ${describeDatabaseError(error)}`,
      { cause: error },
    );
  }
}

function failureLogs(name: string, error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return [
    "A migration failed to apply. New migrations cannot be applied before the error is recovered from.",
    `Migration name: ${name}`,
    typeof code === "string" ? `Database error code: ${code}` : undefined,
    `Database error:\n${describeDatabaseError(error)}`,
  ]
    .filter(Boolean)
    .join("\n\n");
}

function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { code?: unknown; detail?: unknown; hint?: unknown; position?: unknown };
  const parts = [typeof e.code === "string" ? `${e.message} (SQLSTATE ${e.code})` : e.message];
  if (typeof e.detail === "string" && e.detail) parts.push(`DETAIL: ${e.detail}`);
  if (typeof e.hint === "string" && e.hint) parts.push(`HINT: ${e.hint}`);
  return parts.join("\n");
}

/** Like Prisma: create the table in an empty schema, refuse a non-empty one (P3005). */
async function ensureMigrationsTable(session: Session): Promise<void> {
  const [state] = await session.rows<{ has_table: boolean; other_tables: number }>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS has_table,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()
                AND c.relname NOT IN ('_prisma_migrations', 'spatial_ref_sys')) AS other_tables`,
  );
  if (state?.has_table) return;
  if (state && state.other_tables > 0) {
    throw new Error(
      "The database schema is not empty but has no _prisma_migrations table, so its history is unknown " +
        "(Prisma's P3005). Use an empty database, or baseline it: https://pris.ly/d/migrate-baseline",
    );
  }
  await session.exec(CREATE_MIGRATIONS_TABLE);
}

function refuseFailedMigrations(records: MigrationRecord[]): void {
  const failed = records.filter((record) => record.finished_at === null && record.rolled_back_at === null);
  const first = failed[0];
  if (!first) return;
  const details = failed
    .map((record) => {
      const logs = record.logs?.trim() ? ` with the following logs:\n${record.logs.trim()}` : "";
      return `The \`${record.migration_name}\` migration started at ${record.started_at.toISOString()} failed${logs}`;
    })
    .join("\n");
  throw new MigrationError(
    first.migration_name,
    `Found failed migrations in the database; new migrations will not be applied.\n${details}\n\n` +
      `Fix the cause, then mark it rolled back with \`pnpm db:migrate --rolled-back ${first.migration_name}\` ` +
      `(or \`prisma migrate resolve --rolled-back ${first.migration_name}\`) and run the migrations again.`,
  );
}

function refuseEditedMigrations(local: LocalMigration[], applied: Map<string, MigrationRecord>): void {
  const edited = local.filter((migration) => {
    const record = applied.get(migration.name);
    return record !== undefined && !scriptMatchesChecksum(migration.sql, record.checksum);
  });
  const first = edited[0];
  if (!first) return;
  const names = edited.map((migration) => `\`${migration.name}\``).join(", ");
  throw new MigrationError(
    first.name,
    `Migration ${names} was modified after it was applied to this database (its checksum in _prisma_migrations ` +
      "no longer matches migration.sql). Restore the original file and put further changes in a new migration " +
      "(`pnpm db:migrate:create <name>`).",
  );
}

/** The engine's rule: line-ending agnostic, and accepting old non-zero-padded checksums. */
function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant).digest();
    const rendered =
      checksum.length !== 64 && checksum.length > 0
        ? [...digest].map((byte) => byte.toString(16)).join("")
        : digest.toString("hex");
    return rendered === checksum;
  });
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Prisma refuses a migrations directory locked to another provider. */
async function assertPostgresLockfile(dir: string): Promise<void> {
  const lockfile = await readFile(join(dir, "migration_lock.toml"), "utf8").catch(() => undefined);
  const provider = lockfile && /^\s*provider\s*=\s*"([^"]*)"/m.exec(lockfile)?.[1];
  if (provider && provider !== "postgresql") {
    throw new Error(
      `${join(dir, "migration_lock.toml")} is for provider "${provider}", this database is PostgreSQL.`,
    );
  }
}

// ───────────────────────── one session per driver ─────────────────────────

interface Queryable {
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script. */
  exec(script: string): Promise<void>;
}

interface Session extends Queryable {
  transaction(fn: (tx: Queryable) => Promise<void>): Promise<void>;
}

async function withMigrationSession<T>(
  driver: Driver,
  lockTimeoutMs: number,
  fn: (session: Session) => Promise<T>,
): Promise<T> {
  return driver.kind === "pglite"
    ? withPGliteSession(driver.pglite, fn)
    : withPostgresSession(driver.pool, lockTimeoutMs, fn);
}

/**
 * PostgreSQL: one dedicated client holds Prisma Migrate's advisory lock for the whole run, so
 * concurrent starts apply each migration once.
 */
async function withPostgresSession<T>(
  pool: { connect(): Promise<PoolClient> },
  lockTimeoutMs: number,
  fn: (session: Session) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const queryable: Queryable = {
    rows: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
    exec: async (script) => {
      await client.query(script); // no parameters: simple protocol, several statements allowed
    },
  };
  const session: Session = {
    ...queryable,
    transaction: async (body) => {
      await client.query("BEGIN");
      try {
        await body(queryable);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
  };
  try {
    await acquireMigrateLock(client, lockTimeoutMs);
    try {
      return await fn(session);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATE_LOCK_KEY})`).catch(() => {});
    }
  } finally {
    // Not returned to the pool: migration scripts may have changed session settings.
    // (Closing the session would release the lock anyway.)
    client.release(true);
  }
}

async function acquireMigrateLock(client: PoolClient, lockTimeoutMs: number): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(lockTimeoutMs))}`);
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATE_LOCK_KEY})`);
  } catch (error) {
    if ((error as { code?: unknown }).code === "55P03") {
      throw new Error(
        `Timed out after ${lockTimeoutMs} ms waiting for the migration lock (pg_advisory_lock(${MIGRATE_LOCK_KEY})): ` +
          "another process is applying migrations, or left a session holding the lock.",
        { cause: error },
      );
    }
    throw error;
  }
  await client.query("RESET lock_timeout");
}

/**
 * PGlite: a single connection, and a data directory only one process may open, so an
 * in-process queue is all the locking needed (its session would re-enter an advisory lock).
 */
const pgliteQueues = new WeakMap<PGlite, Promise<unknown>>();

async function withPGliteSession<T>(pglite: PGlite, fn: (session: Session) => Promise<T>): Promise<T> {
  const toQueryable = (db: Pick<PGlite, "query" | "exec">): Queryable => ({
    rows: async <R>(sql: string, params?: unknown[]) => (await db.query<R>(sql, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
  });
  const session: Session = {
    ...toQueryable(pglite),
    transaction: async (body) => {
      await pglite.transaction((tx) => body(toQueryable(tx)));
    },
  };
  const previous = pgliteQueues.get(pglite) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => fn(session));
  pgliteQueues.set(
    pglite,
    run.catch(() => {}),
  );
  return run;
}
