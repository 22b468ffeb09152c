// Prisma CLI configuration.
//
// Prisma's CLI checks for its native schema engine before every command and downloads it when
// missing. On machines without internet that download fails, even for `prisma generate`, which
// never runs the engine. When (and only when) the native engine is absent and the user has not
// chosen one, we point PRISMA_SCHEMA_ENGINE_BINARY at a small stand-in: `generate` then works
// offline, and migration commands explain that `pnpm db:migrate` / `pnpm db:migrate:create` /
// `pnpm check` do the same work through Prisma's WASM schema engine. Machines that can
// download the engine are untouched.
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const here = dirname(fileURLToPath(import.meta.url));

function nativeSchemaEngineInstalled(): boolean {
  try {
    const require = createRequire(require_resolve_base());
    const enginesDir = dirname(require.resolve("@prisma/engines/package.json"));
    return readdirSync(enginesDir).some((f) => f.startsWith("schema-engine-"));
  } catch {
    return false;
  }
}

function require_resolve_base(): string {
  // @prisma/engines is a dependency of the prisma CLI package, not of ours.
  const require = createRequire(join(here, "package.json"));
  return require.resolve("prisma/package.json");
}

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !nativeSchemaEngineInstalled()) {
  const standIn = join(here, "scripts", "offline-schema-engine.mjs");
  if (existsSync(standIn)) process.env.PRISMA_SCHEMA_ENGINE_BINARY = standIn;
}

export default defineConfig({
  schema: join(here, "prisma", "schema.prisma"),
  migrations: { path: join(here, "prisma", "migrations") },
});
