import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

export default mergeConfig(
  sharedConfig,
  defineConfig({
    // The examples import the package by name, as users do; in tests that name is the source.
    resolve: {
      alias: [
        { find: /^@shoppable\/sdk$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
      ],
    },
    test: {
      include: ["test/**/*.test.ts", "src/**/*.test.ts", "scripts/**/*.test.ts"],
      // Type tests (test/*.test-d.ts) run through tsc: a field whose type changes fails them.
      typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    },
  }),
);
