/**
 * Opening the database: embedded PGlite (in-process, the zero-setup default) or PostgreSQL
 * through `pg`, behind the same Prisma client, schema and migrations.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
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

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  let driver: Driver;
  let factory: SqlDriverAdapterFactory;
  let description: string;
  if (options.databaseUrl) {
    // JIT off: for short OLTP statements PostgreSQL's JIT costs far more than it saves (a
    // FOR_YOU feed page spent 3 s compiling a 0.3 s query whose estimated cost crossed jit_above_cost).
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: "-c jit=off",
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
    factory = new PrismaPg(pool);
    description = redactUrl(options.databaseUrl);
  } else {
    const dataDir = options.dataDir ?? "memory://";
    if (dataDir !== "memory://") mkdirSync(dataDir, { recursive: true });
    const pglite = await PGlite.create(dataDir === "memory://" ? undefined : dataDir);
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
