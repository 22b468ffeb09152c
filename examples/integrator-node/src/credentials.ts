/**
 * Which API key and user token the CLI calls with: `--api-key` / `--user-token`, else the
 * environment (SHOPPABLE_SECRET_KEY, SHOPPABLE_USER_TOKEN), else (development only) the
 * credentials file `pnpm start` writes to `.data/dev-credentials.json` at the repository root.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface Credentials {
  apiKey: string;
  userToken: string | undefined;
  /** Where they came from, for messages: "options", "environment" or the dev file's path. */
  source: string;
}

export class CredentialsError extends Error {
  override name = "CredentialsError";
}

/** The nearest `.data/dev-credentials.json` in `from` or a folder above it. */
export function findDevCredentialsFile(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const file = join(dir, ".data", "dev-credentials.json");
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Resolves the credentials. Without a key in the options or the environment, reads the
 * development credentials file (its secret key and the demo merchant's token): a local
 * convenience for trying the CLI against `pnpm start`; production has no such file.
 */
export function resolveCredentials(
  options: {
    apiKey?: string | undefined;
    userToken?: string | undefined;
    devCredentials?: string | undefined;
  },
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Credentials {
  const userToken = options.userToken ?? (env.SHOPPABLE_USER_TOKEN || undefined);
  if (options.apiKey) return { apiKey: options.apiKey, userToken, source: "options" };
  if (env.SHOPPABLE_SECRET_KEY) return { apiKey: env.SHOPPABLE_SECRET_KEY, userToken, source: "environment" };
  const file = options.devCredentials ?? findDevCredentialsFile(cwd);
  if (!file || !existsSync(file)) {
    throw new CredentialsError(
      "No API key: pass --api-key or set SHOPPABLE_SECRET_KEY (a secret key, shp_sk_…).",
    );
  }
  let saved: { secretKey?: string; users?: { merchant?: { token?: string } } };
  try {
    saved = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CredentialsError(
      `Cannot read the development credentials ${file}: ${(error as Error).message}`,
    );
  }
  if (!saved.secretKey) throw new CredentialsError(`${file} has no secretKey.`);
  return { apiKey: saved.secretKey, userToken: userToken ?? saved.users?.merchant?.token, source: file };
}
