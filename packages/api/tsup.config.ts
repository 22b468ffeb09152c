import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

/**
 * The production build of the API (`pnpm --filter @shoppable/api build` → `dist/`): plain
 * JavaScript that `node dist/main.js` runs without tsx.
 *
 * Bundled: this package's code and the workspace packages `@shoppable/schema` and `@shoppable/db`
 * (they export TypeScript source, the generated Prisma client included). Left external: every
 * third-party package, imported at run time from node_modules exactly as from source, because
 * several load files from their own folders (PGlite's wasm and data, Prisma's query compiler,
 * pino's transports) and because a copy bundled here next to an external one used by another
 * package (an adapter, a Pothos plugin) would be a second instance of the same module.
 *
 * pnpm links a package's dependencies into its own node_modules only, and an external import in
 * `dist/` resolves from `packages/api/node_modules`. So the rule: every runtime dependency of
 * `@shoppable/db` and `@shoppable/schema` is also a dependency of `@shoppable/api`, with the same
 * version. The check below enforces it at every build: it fails, naming the package, when one is
 * missing here or when `packages/api/node_modules/<name>` is not the very copy the workspace
 * package uses (another version, or other peers). Bundling the pure-JavaScript ones instead would
 * shorten that list but mix bundled and external copies of packages that share instances
 * (`@prisma/driver-adapter-utils` under both adapters, `@pothos/core` under its plugins).
 *
 * Source maps are written (`dist/*.map`) but not loaded at run time: Node reads them only with
 * `--enable-source-maps` (NODE_OPTIONS), which also makes every stack trace slower to build.
 */
const apiDir = fileURLToPath(new URL(".", import.meta.url));

function checkWorkspaceDependencies(): void {
  const manifest = (dir: string) =>
    JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
  const api = manifest(apiDir).dependencies ?? {};
  const problems: string[] = [];
  for (const name of ["db", "schema"]) {
    const dir = join(apiDir, "..", name);
    for (const [dependency, version] of Object.entries(manifest(dir).dependencies ?? {})) {
      if (version.startsWith("workspace:")) continue;
      if (api[dependency] !== version) {
        problems.push(`"${dependency}": "${version}" (from @shoppable/${name}) is missing or differs`);
        continue;
      }
      const installed = (from: string) => {
        try {
          return realpathSync(join(from, "node_modules", dependency));
        } catch {
          return "(not installed)";
        }
      };
      if (installed(apiDir) !== installed(dir))
        problems.push(
          `${dependency}: packages/api/node_modules has ${installed(apiDir)}, @shoppable/${name} uses ${installed(dir)}`,
        );
    }
  }
  if (problems.length)
    throw new Error(
      "The bundle imports these from packages/api/node_modules; declare them in packages/api/package.json " +
        `"dependencies" with the version @shoppable/db or @shoppable/schema uses, then pnpm install:\n  ${problems.join("\n  ")}`,
    );
}

export default defineConfig(() => {
  checkWorkspaceDependencies();
  return {
    entry: { main: "src/main.ts", jobs: "scripts/jobs.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    outDir: "dist",
    clean: true,
    dts: false,
    sourcemap: true,
    // main.js and jobs.js share their modules; the demo-world seed is a chunk of its own, loaded
    // only on the first start of an empty embedded database.
    splitting: true,
    // Every bare import stays external (see above) except the workspace packages.
    skipNodeModulesBundle: true,
    noExternal: [/^@shoppable\//],
  };
});
