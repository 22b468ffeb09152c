import { createRequire } from "node:module";
import type { UserConfig } from "vitest/config";

// graphql 16 ships CommonJS (index.js) and ESM (index.mjs) without an "exports" map. Node, and
// so every dependency vitest leaves to Node (graphql-yoga, Pothos), loads index.js; Vite would
// give our sources index.mjs: two copies, and `instanceof GraphQLError` fails across them.
// Point Vite at the same file Node uses, as at run time.
const require = createRequire(import.meta.url);
const graphqlEntry = require.resolve("graphql", { paths: [`${import.meta.dirname}/packages/schema`] });

export const sharedConfig: UserConfig = {
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each test file opens its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
};
