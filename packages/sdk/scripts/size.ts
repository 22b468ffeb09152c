/**
 * `pnpm --filter @shoppable/sdk size`: the size an app pays for the SDK. Bundles each built
 * entry (dist/, run `build` first) the way an app's bundler would: for the browser, minified,
 * with its dependencies, code split at dynamic imports. Each entry has two paths:
 * - core: the entry's chunk and what it imports statically, all an app that only queries loads;
 * - with subscriptions: the core plus the chunks it imports dynamically (graphql-ws's client,
 *   loaded on the first subscription).
 * Sizes are gzipped (level 9) per file and summed, as a browser fetches them. Fails when the
 * core entry is over 8 KB gzipped (8,192 bytes), or when its core path includes graphql-ws.
 *
 * The core carries every operation's document (about 60 bytes gzipped each: 94 operations are
 * 7.2 KB with the client): the budget grows with the API in steps, and when the platform's and
 * merchants' operations outweigh a storefront's, they move to an entry of their own.
 */
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const budgets: Record<string, number | undefined> = {
  "dist/index.js": 8 * 1024,
  "dist/elements.js": undefined,
};
let failed = false;

for (const [entry, budget] of Object.entries(budgets)) {
  const result = await build({
    entryPoints: [join(sdkDir, entry)],
    bundle: true,
    splitting: true,
    minify: true,
    format: "esm",
    platform: "browser",
    absWorkingDir: sdkDir,
    outdir: join(sdkDir, ".size"),
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const outputs = new Map(
    Object.entries((result.metafile as Metafile).outputs).map(([path, output]) => [
      join(sdkDir, path),
      output,
    ]),
  );
  const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const entryFile = [...outputs].find(([, output]) => output.entryPoint)?.[0];
  if (!entryFile) throw new Error(`esbuild wrote no output for ${entry}`);

  /** The output files loaded from `start`, following the given kinds of import. */
  function reach(start: string, kinds: string[]): Set<string> {
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const { path: imported, kind, external } of outputs.get(path)?.imports ?? [])
        if (kinds.includes(kind) && !external) visit(join(sdkDir, imported));
    };
    visit(start);
    return seen;
  }
  const measure = (paths: Set<string>) => {
    let minified = 0;
    let gzipped = 0;
    for (const path of paths) {
      const code = contents.get(path) ?? new Uint8Array();
      minified += code.length;
      gzipped += gzipSync(code, { level: 9 }).length;
    }
    return { minified, gzipped };
  };
  const corePaths = reach(entryFile, ["import-statement"]);
  const allPaths = reach(entryFile, ["import-statement", "dynamic-import"]);
  const core = measure(corePaths);
  const all = measure(allPaths);
  const lazy = [...allPaths].filter((path) => !corePaths.has(path));
  const inputsOf = (paths: Iterable<string>) =>
    [...paths].flatMap((path) => Object.keys(outputs.get(path)?.inputs ?? {}));
  const coreHasGraphqlWs = inputsOf(corePaths).some((input) => input.includes("graphql-ws"));
  const lazyHasGraphqlWs = inputsOf(lazy).some((input) => input.includes("graphql-ws"));

  const over = budget !== undefined && core.gzipped > budget;
  failed ||= over || coreHasGraphqlWs || !lazyHasGraphqlWs;
  console.log(
    `${over || coreHasGraphqlWs ? "✗" : "✓"} ${entry} core (loaded up front: all a query-only app loads): ${core.minified} B minified, ${core.gzipped} B gzipped` +
      (budget ? ` (budget ${budget} B)` : "") +
      (coreHasGraphqlWs ? ": includes graphql-ws, which must load lazily" : ""),
  );
  console.log(
    `${lazyHasGraphqlWs ? "✓" : "✗"} ${entry} core + subscriptions (graphql-ws chunk, ${lazy.length} file${lazy.length === 1 ? "" : "s"} loaded on the first subscription): ` +
      `${all.minified} B minified, ${all.gzipped} B gzipped (+${all.gzipped - core.gzipped} B)` +
      (lazyHasGraphqlWs ? "" : ": no lazily loaded graphql-ws chunk"),
  );
}
process.exit(failed ? 1 : 0);
