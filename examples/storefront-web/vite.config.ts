import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const sdk = (path: string) => fileURLToPath(new URL(`../../packages/sdk/src/${path}`, import.meta.url));

/**
 * The storefront bundles the SDK from its source: in this workspace `@shoppable/sdk` resolves
 * to `packages/sdk/dist`, which exists only after `pnpm sdk:build`. Apps using the published
 * package need no alias.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@shoppable\/sdk$/, replacement: sdk("index.ts") },
      { find: /^@shoppable\/sdk\/elements$/, replacement: sdk("elements/index.ts") },
    ],
  },
  server: { port: Number(process.env.STOREFRONT_PORT ?? 5173) },
  build: { outDir: "dist", sourcemap: true },
});
