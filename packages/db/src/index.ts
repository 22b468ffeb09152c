/**
 * Opening the database: embedded PGlite (in-process, the zero-setup default) or PostgreSQL
 * through `pg`, behind the same Prisma client, schema and migrations.
 */
import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { applyMigrations, type MigrationReport } from "./migrations.ts";
import { countStatements, type StatementListener } from "./statement-counter.ts";

export { PrismaClient };
export type { Prisma } from "./generated/prisma/client.ts";
export type { StatementListener } from "./statement-counter.ts";

/** The raw driver under Prisma, for migrations and the few statements Prisma cannot express. */
export type Driver = { kind: "pglite"; pglite: PGlite } | { kind: "postgres"; pool: pg.Pool };

export interface Database {
  prisma: PrismaClient;
  driver: Driver;
  /** Where the data lives, safe to print (no password). */
  description: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL. When absent the embedded database is used. */
  databaseUrl?: string;
  /** Embedded data directory; `memory://` keeps everything in memory (tests). */
  dataDir?: string;
  /** Apply pending migrations after opening (the embedded default does this at start). */
  migrate?: boolean;
  /** Called with each SQL statement Prisma sends (tests count them). */
  onStatement?: StatementListener;
  /** Maximum pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * PostgreSQL: prepare Prisma's statements once per connection (`statementNames`). Default
   * true; false behind a pooler that does not keep prepared statements (PgBouncer in
   * transaction mode before 1.21).
   */
  preparedStatements?: boolean;
  /** Called with the migrations that were applied, if any. */
  onMigrated?: (report: MigrationReport) => void;
  /**
   * Called when PostgreSQL closes a connection the pool holds (a restart, a failover,
   * `pg_terminate_backend`). The pool drops that connection and opens new ones on demand; the
   * process never ends for it. Default: ignored.
   */
  onConnectionError?: (error: Error) => void;
}

/** How long a request waits for a PostgreSQL connection before it fails (a masked error) instead of hanging. */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The embedded database's buffer cache (PostgreSQL's `shared_buffers`). A data directory keeps
 * initdb's 128MB, and PGlite zeroes all of it inside its WebAssembly memory at start: 128 MB of
 * resident memory before the first query. Half is plenty for the demo world (92 MB on disk,
 * indexes included); a page that is not cached is read back from the data directory's files
 * (the operating system's cache) or, in memory, from PGlite's in-memory files.
 */
export const EMBEDDED_SHARED_BUFFERS = "64MB";

/**
 * How alike a search word and a word of a product's text must be (pg_trgm's word similarity,
 * 0..1) for typo-tolerant search: 0.5 lets "snekers" find sneakers (0.55) and "lether" leather
 * (0.5); PostgreSQL's default, 0.6, misses both. Set on every connection of both drivers; a
 * pooler in front of PostgreSQL needs `ALTER DATABASE … SET pg_trgm.word_similarity_threshold`.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.5;
const TRGM_SETTING = `pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD}`;

/**
 * Names for Prisma's statements, so that each connection prepares a statement once and then
 * only binds and executes it: PostgreSQL skips parsing and analysing it again, and after five
 * runs plans it once for all (a generic plan) where that costs no more than planning each time.
 * Prisma's statements are few texts with parameters (values are never in the text); the first
 * `limit` distinct texts get a name, any after them run unnamed (planned each time), so what a
 * connection keeps prepared stays bounded (IN lists of every length would otherwise add up).
 */
export function statementNames(limit = 400): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined) {
      if (names.size >= limit) return "";
      names.set(sql, (name = `shoppable_${names.size + 1}`));
    }
    return name;
  };
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  let driver: Driver;
  let factory: SqlDriverAdapterFactory;
  let description: string;
  // Each driver and its adapter is loaded when used: a server on PostgreSQL never loads PGlite
  // (its JavaScript alone is a few MB of heap), the embedded one never loads `pg`'s adapter.
  if (options.databaseUrl) {
    const [{ default: pgModule }, { PrismaPg }] = await Promise.all([
      import("pg"),
      import("@prisma/adapter-pg"),
    ]);
    // JIT off: for short OLTP statements PostgreSQL's JIT costs far more than it saves (a
    // FOR_YOU feed page spent 3 s compiling a 0.3 s query whose estimated cost crossed jit_above_cost).
    const pool = new pgModule.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: `-c jit=off -c ${TRGM_SETTING}`,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // TCP keepalive notices a peer that vanished without closing (a failover, a dropped route).
      keepAlive: true,
    });
    // `pg` emits 'error' on the pool for a broken idle connection and on a checked-out client
    // between its queries; an 'error' event without a listener would end the process.
    const onConnectionError = options.onConnectionError ?? (() => undefined);
    pool.on("error", onConnectionError);
    pool.on("connect", (client) => client.on("error", onConnectionError));
    driver = { kind: "postgres", pool };
    factory = new PrismaPg(
      pool,
      options.preparedStatements === false ? {} : { statementNameGenerator: statementNames() },
    );
    description = redactUrl(options.databaseUrl);
  } else {
    const [{ PGlite }, { pg_trgm }, { PrismaPGlite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("pglite-prisma-adapter"),
    ]);
    const dataDir = options.dataDir ?? "memory://";
    if (dataDir !== "memory://") mkdirSync(dataDir, { recursive: true });
    const pglite = await PGlite.create(dataDir === "memory://" ? undefined : dataDir, {
      startParams: [
        ...PGlite.defaultStartParams,
        "-c",
        `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`,
        "-c",
        TRGM_SETTING,
      ],
      // Trigram matching (typo-tolerant and predictive search); CREATE EXTENSION is in the migrations.
      extensions: { pg_trgm },
    });
    driver = { kind: "pglite", pglite };
    factory = new PrismaPGlite(pglite);
    description = dataDir === "memory://" ? "embedded PGlite (in memory)" : `embedded PGlite at ${dataDir}`;
  }
  const close = async () => {
    if (driver.kind === "postgres") await driver.pool.end();
    else if (!driver.pglite.closed) await driver.pglite.close();
  };
  try {
    if (options.migrate) {
      const report = await applyMigrations(driver);
      options.onMigrated?.(report);
    }
    const adapter = options.onStatement ? countStatements(factory, options.onStatement) : factory;
    const prisma = new PrismaClient({ adapter });
    return {
      prisma,
      driver,
      description,
      close: async () => {
        await prisma.$disconnect();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgresql://(unparseable url)";
  }
}
