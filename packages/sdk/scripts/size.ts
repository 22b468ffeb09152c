/**
 * `pnpm --filter @shoppable/sdk size`: the size an app pays for the SDK. Bundles each built
 * entry (dist/, run `build` first) the way an app's bundler would, for the browser, minified,
 * with its dependencies, and gzips it (level 9). Fails when the core entry, WebSocket client
 * included, is over 6 KB gzipped (6,144 bytes).
 */
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const budgets: Record<string, number | undefined> = {
  "dist/index.js": 6 * 1024,
  "dist/elements.js": undefined,
};
let failed = false;

for (const [entry, budget] of Object.entries(budgets)) {
  const result = await build({
    entryPoints: [join(sdkDir, entry)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0]!.contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const over = budget !== undefined && gzipped > budget;
  failed ||= over;
  console.log(
    `${over ? "✗" : "✓"} ${entry}: ${code.length} B minified, ${gzipped} B gzipped` +
      (budget ? ` (budget ${budget} B)` : ""),
  );
}
process.exit(failed ? 1 : 0);
