import { copyFileSync } from "node:fs";
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
  // The SDK's persisted-operations manifest ships beside the code (@shoppable/sdk/persisted-operations.json).
  onSuccess: async () =>
    copyFileSync("src/generated/persisted-operations.json", "dist/persisted-operations.json"),
});
