import { defineConfig } from "tsup";

// ESM + CJS + d.ts for both entries; graphql-ws stays a dependency (not bundled) so apps share one copy.
export default defineConfig({
  entry: { index: "src/index.ts", elements: "src/elements/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
  splitting: false,
  treeshake: true,
});
