import { defineConfig } from "tsup";

// ESM + CJS + d.ts for both entries, for Node 20, browsers and edge runtimes (platform neutral).
export default defineConfig({
  entry: { index: "src/index.ts", elements: "src/elements/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
  // Both entries share one copy of the client (so `instanceof ShoppableError` holds across them).
  splitting: true,
  treeshake: true,
});
