/**
 * Prepared statements on PostgreSQL (`statementNames`, `preparedStatements`): each distinct text
 * gets one name, a bounded number of them, and a connection then holds the statements it ran
 * prepared. The PostgreSQL part runs when DATABASE_URL is set (CI's PostgreSQL run).
 */
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, statementNames, type Database } from "../src/index.ts";

describe("statementNames", () => {
  it("names each distinct text once, the same name for the same text, and none past the limit", () => {
    const name = statementNames(2);
    const first = name({ sql: "SELECT 1" });
    expect(first).toMatch(/^shoppable_/);
    expect(name({ sql: "SELECT 1" })).toBe(first);
    const second = name({ sql: "SELECT 2" });
    expect(second).not.toBe(first);
    // Past the limit: unnamed (""), so a connection never keeps more than `limit` statements.
    expect(name({ sql: "SELECT 3" })).toBe("");
    expect(name({ sql: "SELECT 2" })).toBe(second);
  });
});

const DATABASE_URL = process.env.DATABASE_URL;

describe.skipIf(!DATABASE_URL)("prepared statements on PostgreSQL", () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  /** The statements this connection holds prepared under our names (one connection in the pool). */
  async function preparedOnConnection(database: Database): Promise<string[]> {
    const rows = await database.prisma.$queryRaw<{ statement: string }[]>`
      SELECT statement FROM pg_prepared_statements WHERE name LIKE 'shoppable\\_%' ORDER BY prepare_time`;
    return rows.map((row) => row.statement);
  }

  it("prepares each statement once per connection and reuses it", async () => {
    db = await openDatabase({ databaseUrl: DATABASE_URL, poolSize: 1 });
    for (let i = 0; i < 3; i++) expect(await db.prisma.$queryRaw`SELECT ${i}::int AS n`).toEqual([{ n: i }]);
    const prepared = await preparedOnConnection(db);
    expect(prepared.filter((statement) => statement.includes("AS n"))).toHaveLength(1);
  });

  it("prepares nothing with preparedStatements: false", async () => {
    db = await openDatabase({ databaseUrl: DATABASE_URL, poolSize: 1, preparedStatements: false });
    expect(await db.prisma.$queryRaw`SELECT ${1}::int AS n`).toEqual([{ n: 1 }]);
    expect(await preparedOnConnection(db)).toEqual([]);
  });
});
