/**
 * `pnpm affiliate:release`: PENDING → PAYABLE for every affiliate commission whose hold has
 * passed, once (for a cron job when the API's own interval is off). Uses DATABASE_URL, else
 * the embedded database in DATA_DIR (default .data).
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { releasePayableCommissions } from "../src/affiliate/ledger.ts";
import { openDatabase } from "@shoppable/db";

const repoRoot = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const dataDir = process.env.DATA_DIR ? resolve(repoRoot, process.env.DATA_DIR) : join(repoRoot, ".data");
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: join(dataDir, "pglite"),
  migrate: false,
});
try {
  const count = (await releasePayableCommissions(db.prisma)).length;
  console.log(`Released ${count} commission(s) to PAYABLE.`);
} finally {
  await db.close();
}
