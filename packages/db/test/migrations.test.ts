/**
 * Migration tooling: the applier (PGlite always, PostgreSQL when DATABASE_URL is set), its
 * compatibility with Prisma's own schema engine, the Product search trigger, and drift checks.
 */
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDrift, schemaPath } from "../src/drift.ts";
import type { Driver } from "../src/index.ts";
import {
  applyMigrations,
  listMigrations,
  markMigrationRolledBack,
  MigrationError,
  migrationsDir,
} from "../src/migrations.ts";
import {
  diffMigrationsToSchema,
  isEmptyMigrationSql,
  readMigrationList,
  strictPGliteAdapterFactory,
  withSchemaEngine,
} from "../src/schema-engine.ts";

const DATABASE_URL = process.env.DATABASE_URL;
const NO_FILTERS = { externalTables: [], externalEnums: [] };

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "shoppable-migrations-"));
  tempDirs.push(dir);
  return dir;
}

/** A migrations directory holding the given `name -> migration.sql` entries. */
async function tempMigrations(migrations: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

/** A copy of the real migrations whose first migration.sql went through `edit`. */
async function editedCopyOfMigrations(edit: (sql: string) => string): Promise<string> {
  const dir = await tempDir();
  await cp(migrationsDir, dir, { recursive: true });
  const [first] = await listMigrations(dir);
  await writeFile(join(dir, first!.name, "migration.sql"), edit(first!.sql));
  return dir;
}

async function rows<T>(driver: Driver, sql: string, params: unknown[] = []): Promise<T[]> {
  return driver.kind === "pglite"
    ? (await driver.pglite.query<T>(sql, params)).rows
    : ((await driver.pool.query(sql, params)).rows as T[]);
}

async function tableNames(driver: Driver): Promise<string[]> {
  const result = await rows<{ tablename: string }>(
    driver,
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
  );
  return result.map((row) => row.tablename);
}

interface TestDatabase {
  driver: Driver;
  /** A schema engine adapter factory for the same database (Prisma's own migrate logic). */
  engineFactory(): SqlMigrationAwareDriverAdapterFactory & { close?(): Promise<void> };
  close(): Promise<void>;
}

interface Target {
  name: string;
  fresh(): Promise<TestDatabase>;
}

// Creating a PGlite database runs initdb (seconds); cloning a blank one is much faster.
let blankPGlite: Promise<PGlite> | undefined;
const pgliteTarget: Target = {
  name: "PGlite (in memory)",
  async fresh() {
    blankPGlite ??= PGlite.create({ extensions: { pg_trgm } });
    const pglite = (await (await blankPGlite).clone()) as PGlite; // clone() is typed as the interface
    expect(pglite).toBeInstanceOf(PGlite);
    return {
      driver: { kind: "pglite", pglite },
      engineFactory: () => strictPGliteAdapterFactory(pglite),
      close: () => pglite.close(),
    };
  },
};
afterAll(async () => {
  await (await blankPGlite)?.close();
});

/** Fresh databases created on the DATABASE_URL server, dropped after the tests. */
function postgresTarget(serverUrl: string): Target & { dropAll(): Promise<void> } {
  const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
  const created: string[] = [];
  return {
    name: "PostgreSQL",
    async fresh() {
      const name = `shoppable_migrations_test_${randomBytes(6).toString("hex")}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      created.push(name);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
      return {
        driver: { kind: "postgres", pool },
        engineFactory: () => {
          // Closed explicitly: the engine never releases the advisory lock it takes.
          const enginePool = new pg.Pool({ connectionString: url.toString(), max: 1 });
          return Object.assign(new PrismaPg(enginePool), { close: () => enginePool.end() });
        },
        close: () => pool.end(),
      };
    },
    async dropAll() {
      for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const targets: Target[] = [pgliteTarget];
let postgres: ReturnType<typeof postgresTarget> | undefined;
if (DATABASE_URL) {
  postgres = postgresTarget(DATABASE_URL);
  targets.push(postgres);
  afterAll(() => postgres!.dropAll());
}

for (const target of targets) {
  describe(`applyMigrations on ${target.name}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await target.fresh();
    });
    afterAll(() => db?.close());

    it("creates the tables and records each migration in _prisma_migrations", async () => {
      const local = await listMigrations();
      expect(local.length).toBeGreaterThan(0);

      const started = performance.now();
      const report = await applyMigrations(db.driver);
      const ms = performance.now() - started;
      console.log(`${target.name}: applied ${report.applied.join(", ")} in ${ms.toFixed(0)} ms`);

      expect(report).toEqual({ applied: local.map((m) => m.name), alreadyApplied: 0 });
      expect(await tableNames(db.driver)).toEqual(
        expect.arrayContaining(["_prisma_migrations", "User", "Shop", "Product", "ProductVariant", "Order"]),
      );
      const recorded = await rows<{
        id: string;
        checksum: string;
        finished_at: Date | null;
        migration_name: string;
        logs: string | null;
        rolled_back_at: Date | null;
        started_at: Date;
        applied_steps_count: number;
      }>(db.driver, "SELECT * FROM _prisma_migrations ORDER BY started_at");
      expect(recorded).toHaveLength(local.length);
      for (const [i, migration] of local.entries()) {
        const row = recorded[i]!;
        const file = await readFile(join(migrationsDir, migration.name, "migration.sql"));
        expect(row.migration_name).toBe(migration.name);
        expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
        expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
        expect(row.rolled_back_at).toBeNull();
        expect(row.logs).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    });

    it("applies nothing the second time", async () => {
      const local = await listMigrations();
      expect(await applyMigrations(db.driver)).toEqual({ applied: [], alreadyApplied: local.length });
      const [count] = await rows<{ n: number }>(
        db.driver,
        "SELECT count(*)::int AS n FROM _prisma_migrations",
      );
      expect(count!.n).toBe(local.length);
    });

    it("leaves a database that Prisma's own migrate logic (status / deploy) accepts", async () => {
      const factory = db.engineFactory();
      try {
        const migrationsList = await readMigrationList(migrationsDir);
        const { diagnosis, deploy } = await withSchemaEngine(
          async (engine) => ({
            diagnosis: await engine.diagnoseMigrationHistory({
              migrationsList,
              optInToShadowDatabase: false,
              filters: NO_FILTERS,
            }),
            deploy: await engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
          }),
          { adapterFactory: factory },
        );
        expect(diagnosis).toEqual({
          editedMigrationNames: [],
          failedMigrationNames: [],
          hasMigrationsTable: true,
          history: null,
        });
        expect(deploy.appliedMigrationNames).toEqual([]);
      } finally {
        await factory.close?.();
      }
    });

    it("keeps Product.searchVector up to date with a trigger", async () => {
      const [shop] = await rows<{ id: string }>(
        db.driver,
        `INSERT INTO "Shop" (id, handle, name, "currencyCode", "updatedAt")
         VALUES (gen_random_uuid(), 'search-shop', 'Search Shop', 'EUR', now()) RETURNING id`,
      );
      const insertProduct = (
        handle: string,
        title: string,
        description: string,
        tags: string[],
        vendor: string,
      ) =>
        rows(
          db.driver,
          `INSERT INTO "Product" (id, "shopId", handle, title, description, tags, vendor, "productType", "currencyCode", "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'Outerwear', 'EUR', now())`,
          [shop!.id, handle, title, description, tags, vendor],
        );
      await insertProduct(
        "raincoat",
        "Waterproof Raincoat",
        "Keeps you dry on city walks.",
        ["rain", "autumn"],
        "Nordwind",
      );
      await insertProduct(
        "fleece",
        "Cosy Fleece",
        "Warm layer, pairs well with a waterproof shell.",
        ["winter"],
        "Alpaca Co",
      );

      const search = async (query: string) =>
        (
          await rows<{ handle: string }>(
            db.driver,
            `SELECT handle FROM "Product"
              WHERE "searchVector" @@ websearch_to_tsquery('english', $1)
              ORDER BY ts_rank("searchVector", websearch_to_tsquery('english', $1)) DESC, handle`,
            [query],
          )
        ).map((row) => row.handle);

      expect(await search("waterproof")).toEqual(["raincoat", "fleece"]); // title (A) ranks above description (C)
      expect(await search("raincoats")).toEqual(["raincoat"]); // stemming
      expect(await search("autumn")).toEqual(["raincoat"]); // tags
      expect(await search("nordwind")).toEqual(["raincoat"]); // vendor
      expect(await search("outerwear")).toEqual(["fleece", "raincoat"]); // product type
      expect(await search("dry -fleece")).toEqual(["raincoat"]);
      expect(await search("umbrella")).toEqual([]);

      await rows(
        db.driver,
        `UPDATE "Product" SET description = 'Now with a detachable hood.' WHERE handle = 'raincoat'`,
      );
      expect(await search("hood")).toEqual(["raincoat"]);
      expect(await search("dry")).toEqual([]);
      await rows(
        db.driver,
        `UPDATE "Product" SET "totalInventory" = "totalInventory" + 5 WHERE handle = 'raincoat'`,
      );
      expect(await search("hood")).toEqual(["raincoat"]);
    });

    it("refuses to run when an applied migration's file was edited", async () => {
      const edited = await editedCopyOfMigrations((sql) => `${sql}\n-- an innocent-looking edit\n`);
      const [first] = await listMigrations();
      const error = await applyMigrations(db.driver, { migrationsDir: edited }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).migrationName).toBe(first!.name);
      expect((error as Error).message).toContain(`\`${first!.name}\``);
      expect((error as Error).message).toMatch(/modified after it was applied/);
    });

    it("accepts the same file with other line endings (as Prisma does)", async () => {
      const crlf = await editedCopyOfMigrations((sql) => sql.replaceAll("\n", "\r\n"));
      const local = await listMigrations();
      expect(await applyMigrations(db.driver, { migrationsDir: crlf })).toEqual({
        applied: [],
        alreadyApplied: local.length,
      });
    });
  });

  describe(`a failing migration on ${target.name}`, () => {
    let db: TestDatabase;
    let dir: string;
    beforeAll(async () => {
      db = await target.fresh();
      dir = await tempMigrations({
        "20250101000000_first": `CREATE TABLE "First" (id int PRIMARY KEY);`,
        "20250102000000_broken": `CREATE TABLE "Second" (id int PRIMARY KEY);\nINSERT INTO "Missing" VALUES (1);`,
        "20250103000000_third": `CREATE TABLE "Third" (id int PRIMARY KEY);`,
      });
    });
    afterAll(() => db?.close());

    it("surfaces the SQL error naming the migration, rolls it back and records nothing as finished", async () => {
      const error = await applyMigrations(db.driver, { migrationsDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).migrationName).toBe("20250102000000_broken");
      expect((error as Error).message).toContain("20250102000000_broken");
      expect((error as Error).message).toMatch(/relation "Missing" does not exist/);

      const tables = await tableNames(db.driver);
      expect(tables).toContain("First");
      expect(tables).not.toContain("Second"); // rolled back with the failed statement
      expect(tables).not.toContain("Third"); // never attempted

      const recorded = await rows<{ migration_name: string; finished_at: Date | null; logs: string | null }>(
        db.driver,
        "SELECT migration_name, finished_at, logs FROM _prisma_migrations ORDER BY started_at",
      );
      expect(recorded.map((r) => [r.migration_name, r.finished_at !== null])).toEqual([
        ["20250101000000_first", true],
        ["20250102000000_broken", false],
      ]);
      expect(recorded[1]!.logs).toMatch(/relation "Missing" does not exist/);
    });

    it("refuses further runs until the failed migration is marked rolled back", async () => {
      const error = await applyMigrations(db.driver, { migrationsDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).migrationName).toBe("20250102000000_broken");
      expect((error as Error).message).toMatch(/failed/);

      await writeFile(
        join(dir, "20250102000000_broken", "migration.sql"),
        `CREATE TABLE "Second" (id int PRIMARY KEY);`,
      );
      await markMigrationRolledBack(db.driver, "20250102000000_broken");
      expect(await applyMigrations(db.driver, { migrationsDir: dir })).toEqual({
        applied: ["20250102000000_broken", "20250103000000_third"],
        alreadyApplied: 1,
      });
      expect(await tableNames(db.driver)).toEqual(expect.arrayContaining(["First", "Second", "Third"]));
    });
  });
}

describe("Prisma's engine and this applier agree on checksums", () => {
  it("treats a database migrated by the WASM engine as up to date", async () => {
    const db = await pgliteTarget.fresh();
    const factory = strictPGliteAdapterFactory((db.driver as Extract<Driver, { kind: "pglite" }>).pglite);
    try {
      const migrationsList = await readMigrationList(migrationsDir);
      const deployed = await withSchemaEngine(
        (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
        {
          adapterFactory: factory,
        },
      );
      const local = await listMigrations();
      expect(deployed.appliedMigrationNames).toEqual(local.map((m) => m.name));
      expect(await applyMigrations(db.driver)).toEqual({ applied: [], alreadyApplied: local.length });
    } finally {
      await factory.close();
      await db.close();
    }
  });
});

// PostgreSQL-only behaviour: defined when DATABASE_URL names a server (CI's PostgreSQL pass).
if (DATABASE_URL)
  describe("concurrency on PostgreSQL", () => {
    it("applies each migration exactly once when several processes start together", async () => {
      const db = await postgres!.fresh();
      const url = (db.driver as Extract<Driver, { kind: "postgres" }>).pool.options.connectionString!;
      // Separate pools stand for separate processes.
      const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: url, max: 2 }));
      try {
        const reports = await Promise.all(pools.map((pool) => applyMigrations({ kind: "postgres", pool })));
        const local = await listMigrations();
        const appliedBy = reports.filter((r) => r.applied.length > 0);
        expect(appliedBy).toHaveLength(1);
        expect(appliedBy[0]!.applied).toEqual(local.map((m) => m.name));
        expect(
          reports.filter((r) => r.applied.length === 0).every((r) => r.alreadyApplied === local.length),
        ).toBe(true);
        const counts = await rows<{ migration_name: string; n: number }>(
          db.driver,
          "SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name",
        );
        expect(counts).toEqual(local.map((m) => ({ migration_name: m.name, n: 1 })));
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
        await db.close();
      }
    });

    it("gives up with a clear error when another session holds the migration lock too long", async () => {
      const db = await postgres!.fresh();
      const holder = await (db.driver as Extract<Driver, { kind: "postgres" }>).pool.connect();
      try {
        await holder.query("SELECT pg_advisory_lock(72707369)");
        await expect(applyMigrations(db.driver, { lockTimeoutMs: 300 })).rejects.toThrow(
          /Timed out after 300 ms/,
        );
      } finally {
        await holder.query("SELECT pg_advisory_unlock(72707369)");
        holder.release();
        await db.close();
      }
    });
  });

describe("drift between prisma/schema.prisma and prisma/migrations", () => {
  it("finds none for the real schema (the hand-written search trigger is not drift)", async () => {
    const result = await checkDrift();
    expect(result.ok, result.sql).toBe(true);
    expect(isEmptyMigrationSql(result.sql)).toBe(true);
  });

  it("reports the missing SQL when the schema gained a field", async () => {
    const dir = await tempDir();
    const changed = join(dir, "schema.prisma");
    const schema = await readFile(schemaPath, "utf8");
    expect(schema).toContain("model Shop {\n");
    await writeFile(changed, schema.replace("model Shop {\n", "model Shop {\n  rating Int?\n"));

    const result = await checkDrift({ schemaPath: changed });
    expect(result.ok).toBe(false);
    expect(result.sql).toMatch(/ALTER TABLE "Shop" ADD COLUMN\s+"rating" INTEGER/);
  });

  it("reports a migration that fails to replay, with the database error", async () => {
    const dir = await tempMigrations({ "20250101000000_broken": `CREATE TABLE "A" (id int);\nSELECT 1/0;` });
    await expect(diffMigrationsToSchema({ migrationsDir: dir, schemaPath })).rejects.toThrow(
      /20250101000000_broken[\s\S]*division by zero/,
    );
  });
});
