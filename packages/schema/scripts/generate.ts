/**
 * `pnpm generate`: regenerates everything generated from the sources:
 *   - the Prisma client and Pothos types (src/generated/) from prisma/schema.prisma;
 *   - schema.graphql, the sorted SDL of the GraphQL schema.
 * CI runs it and fails when the committed files differ (`git diff --exit-code`).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

execFileSync("npx", ["prisma", "generate"], { cwd: packageDir, stdio: "inherit" });

// Imported after `prisma generate` so that the schema is built from the fresh client.
const { printSchemaFile } = await import("./schema-sdl.ts");
const file = join(packageDir, "schema.graphql");
writeFileSync(file, printSchemaFile());
console.log(`Wrote ${file}`);
