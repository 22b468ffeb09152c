import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

export default mergeConfig(
  sharedConfig,
  defineConfig({
    // As in tsconfig.json: the SDK's source stands for the package.
    resolve: {
      alias: [
        {
          find: /^@shoppable\/sdk$/,
          replacement: fileURLToPath(new URL("../../packages/sdk/src/index.ts", import.meta.url)),
        },
      ],
    },
    test: { include: ["test/**/*.test.ts", "src/**/*.test.ts"] },
  }),
);
