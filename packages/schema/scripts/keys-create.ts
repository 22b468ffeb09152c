/**
 * `pnpm keys:create --kind publishable|secret --name "My app"`: creates an API key in the
 * database of DATABASE_URL (or the embedded one in DATA_DIR) and prints it once. Only its
 * SHA-256 digest is stored.
 */
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openDatabase } from "@shoppable/db";
import { createApiKey } from "../src/identity/service.ts";

const { values } = parseArgs({
  options: { kind: { type: "string", default: "publishable" }, name: { type: "string" } },
});
const kind = values.kind?.toUpperCase();
if (kind !== "PUBLISHABLE" && kind !== "SECRET") {
  console.error("--kind must be publishable or secret");
  process.exit(2);
}
const name = values.name?.trim() || `${kind.toLowerCase()} key ${new Date().toISOString().slice(0, 10)}`;

const repoRoot = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const dataDir = process.env.DATA_DIR ?? ".data";
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: join(isAbsolute(dataDir) ? dataDir : join(repoRoot, dataDir), "pglite"),
  migrate: !process.env.DATABASE_URL,
});
try {
  const { key, record } = await createApiKey(db.prisma, { kind, name });
  console.log(`Created ${kind.toLowerCase()} key "${record.name}" (id ${record.id}) in ${db.description}.`);
  console.log(`\n  ${key}\n`);
  console.log("It is shown only now: store it in your app's secrets.");
} finally {
  await db.close();
}
