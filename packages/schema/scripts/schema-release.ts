/**
 * `pnpm schema:release`: records the current schema.graphql as the released one
 * (released/schema.graphql), the baseline `pnpm check` holds later changes to. Run it when a
 * version of the API and SDK is published, and commit the file with that release.
 */
import { copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
copyFileSync(join(packageDir, "schema.graphql"), join(packageDir, "released/schema.graphql"));
console.log("Recorded schema.graphql as released/schema.graphql: commit it with the release.");
