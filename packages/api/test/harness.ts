/**
 * A running API for one test file: its own database, real keys, a JWT secret, and helpers to
 * call GraphQL over HTTP (yoga.fetch) as a storefront, a server, or a user.
 */
import { createApiKey, type PaymentProvider } from "@shoppable/schema";
import { openTestDatabase, type TestDatabase } from "@shoppable/schema/testing/database.ts";
import { loadConfig, type Config } from "../src/config.ts";
import { signUserToken } from "../src/dev-credentials.ts";
import type { BucketStore } from "../src/limits/index.ts";
import { createLogger } from "../src/logger.ts";
import type { Logger } from "pino";
import { createServer, type ShoppableServer } from "../src/server.ts";

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }[];
  extensions?: Record<string, any>;
  headers: Headers;
}

export interface CallAs {
  key?: "publishable" | "secret" | "none" | string;
  /** A user token (see `token`). */
  user?: string;
  headers?: Record<string, string>;
}

export interface TestApi {
  db: TestDatabase;
  server: ShoppableServer;
  config: Config;
  keys: { publishable: string; secret: string };
  /** Signs a user token for `externalId` with roles. */
  token(externalId: string, roles?: string[]): Promise<string>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, as?: CallAs): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

const JWT_SECRET = "test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * `payments`: the payment provider checkout charges through (default: the built-in test
 * provider); `buckets`: the rate-limit buckets (default per configuration).
 */
export async function startTestApi(overrides: Record<string, string> = {}, options: { payments?: PaymentProvider; logger?: Logger; buckets?: BucketStore } = {}): Promise<TestApi> {
  const db = await openTestDatabase();
  // Rate limits are tested on their own (limits.test.ts); elsewhere buckets are too big to matter.
  // Tests stand in for a proxy: they name client addresses in X-Forwarded-For.
  const config = loadConfig({ NODE_ENV: "test", SHOPPABLE_JWT_SECRET: JWT_SECRET, LOG_LEVEL: "silent", RATE_LIMIT_CAPACITY: "1000000000", TRUST_PROXY: "1", AFFILIATE_CLICKS_PER_MINUTE: "1000000", ...overrides });
  const server = createServer({
    db,
    config,
    logger: options.logger ?? createLogger("silent"),
    ...(options.payments ? { payments: options.payments } : {}),
    ...(options.buckets ? { buckets: options.buckets } : {}),
  });
  const keys = {
    publishable: (await createApiKey(db.prisma, { kind: "PUBLISHABLE", name: "test storefront" })).key,
    secret: (await createApiKey(db.prisma, { kind: "SECRET", name: "test server" })).key,
  };
  return {
    db,
    server,
    config,
    keys,
    token: (externalId, roles = ["BUYER"]) => signUserToken(JWT_SECRET, { externalId, roles }),
    async gql(query, variables, as = {}) {
      const headers: Record<string, string> = { "content-type": "application/json", ...as.headers };
      const key = as.key ?? "publishable";
      if (key !== "none") headers["x-shoppable-key"] = key === "publishable" ? keys.publishable : key === "secret" ? keys.secret : key;
      if (as.user) headers["x-shoppable-user"] = as.user;
      const body = JSON.stringify({ query, variables });
      headers["content-length"] = String(Buffer.byteLength(body));
      const response = await server.yoga.fetch("http://test/graphql", { method: "POST", headers, body });
      const result = (await response.json()) as { data?: unknown; errors?: GraphQLResponse["errors"]; extensions?: Record<string, any> };
      return { status: response.status, data: result.data as never, errors: result.errors, extensions: result.extensions, headers: response.headers };
    },
    async close() {
      await server.close(1000);
      await db.close();
    },
  };
}

/** Fails the test with the GraphQL errors when there are any. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  return response.data as T;
}
