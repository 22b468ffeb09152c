/** Builds the app with Vite, as `pnpm build` does, into `outDir` (default `dist/`). */
import { join, resolve } from "node:path";
import { DEFAULT_DIST } from "./main.ts";

const packageDir = resolve(import.meta.dirname, "..");

/**
 * A production build whatever NODE_ENV says (under vitest it is `test`, which would bundle
 * React's development build). NODE_ENV is put back afterwards: Vite's build sets it to
 * production, and the API that `pnpm demo` starts inherits this environment.
 */
export async function buildStorefront(outDir = DEFAULT_DIST): Promise<void> {
  const { build } = await import("vite");
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: packageDir,
      configFile: join(packageDir, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
