import { copyFileSync } from "node:fs";
import { build } from "esbuild";
import { defineConfig } from "tsup";

/**
 * ESM + CJS + d.ts for the three entries (the client, `elements`, `cart`), for Node 20, browsers
 * and edge runtimes (platform neutral). After it, beside them:
 * - `dist/persisted-operations.json`: the SDK's persisted-operations manifest;
 * - `dist/elements.min.js`: the elements and the client in one minified ES module, graphql-ws's
 *   client included, for a page without a build step (`<script type="module" src=…>`).
 */
export default defineConfig({
  entry: { index: "src/index.ts", elements: "src/elements/index.ts", cart: "src/cart.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
  // The entries share one copy of the client (so `instanceof ShoppableError` holds across them).
  splitting: true,
  treeshake: true,
  onSuccess: async () => {
    copyFileSync("src/generated/persisted-operations.json", "dist/persisted-operations.json");
    // No splitting: the dynamic import of graphql-ws's client is bundled into the one file.
    await build({
      entryPoints: ["src/elements/index.ts"],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outfile: "dist/elements.min.js",
      logLevel: "error",
    });
  },
});
