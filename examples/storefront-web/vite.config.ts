import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { extname, isAbsolute, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const sdk = (path: string) => fileURLToPath(new URL(`../../packages/sdk/src/${path}`, import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * `vite dev` only: answers `/config.json` (unless `public/config.json` exists) from the running
 * API's development credentials (`<DATA_DIR>/dev-credentials.json`, written by `pnpm start`) and
 * the demo data `pnpm demo` prepared (`storefront-demo.json`), so nobody copies tokens by hand.
 * `API_URL` names the API (default `http://localhost:4000/graphql`).
 */
function devConfig(): Plugin {
  return {
    name: "storefront-dev-config",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use("/config.json", (_req, res, next) => {
        if (existsSync(join(server.config.publicDir, "config.json"))) return next();
        const dataDir = process.env.DATA_DIR ?? ".data";
        const dir = isAbsolute(dataDir) ? dataDir : join(repoRoot, dataDir);
        const file = join(dir, "dev-credentials.json");
        if (!existsSync(file)) {
          res.statusCode = 404;
          return res.end(`No ${file}: start the API first (pnpm start), or write public/config.json.`);
        }
        const saved = JSON.parse(readFileSync(file, "utf8")) as {
          publishableKey: string;
          users: Record<string, { token: string }>;
        };
        const demoFile = join(dir, "storefront-demo.json");
        const config = {
          apiUrl: process.env.API_URL ?? "http://localhost:4000/graphql",
          publishableKey: saved.publishableKey,
          users: {
            ...(saved.users.buyer ? { buyer: { token: saved.users.buyer.token, label: "Demo buyer" } } : {}),
            ...(saved.users.creator
              ? { creator: { token: saved.users.creator.token, label: "Demo creator" } }
              : {}),
          },
          ...(existsSync(demoFile) ? { demo: JSON.parse(readFileSync(demoFile, "utf8")) } : {}),
        };
        res.setHeader("content-type", "application/json");
        res.setHeader("cache-control", "no-store");
        res.end(JSON.stringify(config));
      });
    },
  };
}

/**
 * `vite build` only: writes a brotli (`.br`) and a gzip (`.gz`) copy beside each built script,
 * stylesheet and SVG, so the server (`server/main.ts`) sends them without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: "storefront-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      const outDir = options.dir ?? "dist";
      for (const name of Object.keys(bundle)) {
        if (![".js", ".css", ".svg"].includes(extname(name))) continue;
        const file = join(outDir, name);
        const content = readFileSync(file);
        if (content.length < 512) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * The storefront bundles the SDK from its source: in this workspace `@shoppable/sdk` resolves
 * to `packages/sdk/dist`, which exists only after `pnpm sdk:build`. Apps using the published
 * package need no alias.
 */
export default defineConfig({
  plugins: [react(), devConfig(), precompress()],
  resolve: {
    alias: [
      { find: /^@shoppable\/sdk$/, replacement: sdk("index.ts") },
      { find: /^@shoppable\/sdk\/elements$/, replacement: sdk("elements/index.ts") },
    ],
  },
  server: {
    port: Number(process.env.STOREFRONT_PORT ?? 5173),
    // Demo media come from the storefront server of `pnpm demo` when it runs.
    proxy: { "/media": process.env.MEDIA_ORIGIN ?? "http://localhost:3000" },
  },
  // No source maps: production serves none (the server answers 404 for *.map).
  build: { outDir: "dist", sourcemap: false },
});
