/**
 * `pnpm check`: fails when generated artefacts are stale or the migrations disagree with the
 * Prisma schema.
 *   - schema.graphql must equal the SDL printed from the current code;
 *   - applying prisma/migrations must produce exactly prisma/schema.prisma (drift check).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkDrift } from "@shoppable/db/drift";
import { printSchemaFile } from "./schema-sdl.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
let failed = false;

const committed = readFileSync(join(packageDir, "schema.graphql"), "utf8");
if (committed !== printSchemaFile()) {
  console.error("✗ packages/schema/schema.graphql is stale: run `pnpm generate` and commit it.");
  failed = true;
} else {
  console.log("✓ schema.graphql is up to date");
}

const drift = await checkDrift();
if (!drift.ok) {
  console.error(
    "✗ prisma/schema.prisma and prisma/migrations disagree. Run `pnpm db:migrate:create <name>`. The missing SQL:\n" +
      drift.sql,
  );
  failed = true;
} else {
  console.log("✓ migrations match schema.prisma (no drift)");
}

process.exit(failed ? 1 : 0);
