/**
 * A database of its own for one test file: in-memory PGlite by default, or a fresh database
 * created on the PostgreSQL server named by DATABASE_URL (dropped again by `close`).
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { openDatabase, type Database, type StatementListener } from "./index.ts";

export interface TestDatabase extends Database {
  /** Statements sent through Prisma while `fn` runs. */
  statementsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  let recording: string[] | null = null;
  const onStatement: StatementListener = (sql) => recording?.push(sql);
  const serverUrl = process.env.DATABASE_URL;
  let db: Database;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `shoppable_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    db = await openDatabase({ databaseUrl: url.toString(), migrate: true, onStatement, poolSize: 20 });
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      // pg's pool.end() resolves before its connections have closed; terminating them with
      // FORCE meanwhile makes them emit unhandled FATAL errors. Give them a moment first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
          [name],
        );
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    db = await openDatabase({ dataDir: "memory://", migrate: true, onStatement });
  }
  return {
    ...db,
    async close() {
      await db.close();
      await dropDatabase();
    },
    async statementsDuring(fn) {
      recording = [];
      try {
        const result = await fn();
        return { result, statements: recording };
      } finally {
        recording = null;
      }
    },
  };
}

/**
 * Runs a package's `scripts/<name>.ts` as users do (a child process through tsx) on the
 * embedded database in `dataDir` (DATABASE_URL cleared). Rejects when it exits non-zero.
 */
export function runScript(
  packageDir: string,
  dataDir: string,
  name: string,
  args: string[] = [],
): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
  });
}
