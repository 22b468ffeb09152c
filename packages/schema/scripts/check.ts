/**
 * `pnpm check`: fails when generated artefacts are stale or the migrations disagree with the
 * Prisma schema.
 *   - schema.graphql must equal the SDL printed from the current code;
 *   - applying prisma/migrations must produce exactly prisma/schema.prisma (drift check);
 *   - schema.graphql breaks nothing of the last released schema (schema-evolution.ts).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkDrift } from "@shoppable/db/drift";
import { breakingChanges, describeBreakingChanges } from "./schema-evolution.ts";
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

const released = readFileSync(join(packageDir, "released/schema.graphql"), "utf8");
const breaking = await breakingChanges(released, committed);
if (breaking.length) {
  console.error(
    `✗ schema.graphql breaks clients of the released schema (released/schema.graphql). Deprecate first ` +
      `(@deprecated, kept for a release), then remove; or add instead of changing:\n${describeBreakingChanges(breaking)}`,
  );
  failed = true;
} else {
  console.log("✓ schema.graphql breaks nothing of the released schema");
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
