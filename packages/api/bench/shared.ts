/** What the PostgreSQL benchmarks share. */
import pg from "pg";

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
