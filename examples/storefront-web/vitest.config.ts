import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

export default mergeConfig(
  sharedConfig,
  defineConfig({
    resolve: {
      alias: [
        {
          find: /^@shoppable\/sdk$/,
          replacement: fileURLToPath(new URL("../../packages/sdk/src/index.ts", import.meta.url)),
        },
      ],
    },
    test: { include: ["src/**/*.test.ts", "server/**/*.test.ts", "e2e/**/*.test.ts"] },
  }),
);
