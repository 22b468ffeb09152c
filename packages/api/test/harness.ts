/**
 * A running API for one test file: its own database, real keys, a JWT secret, and helpers to
 * call GraphQL over HTTP (yoga.fetch) as a storefront, a server, or a user.
 */
import { createApiKey, type PaymentProvider } from "@shoppable/schema";
import { openTestDatabase, type TestDatabase } from "@shoppable/db/testing";
import type { Resolver } from "@shoppable/schema/webhooks/target.ts";
import { loadConfig, type Config } from "../src/config.ts";
import { signUserToken } from "../src/dev-credentials.ts";
import type { BucketStore } from "../src/limits/index.ts";
import { createLogger } from "../src/logger.ts";
import type { Logger } from "pino";
import { createJobs, type Jobs } from "../src/jobs.ts";
import { createServer, type ShoppableServer } from "../src/server.ts";
import { WebhookSender, type WebhookSenderOptions } from "../src/webhooks.ts";

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
  /** The job queue, when started with `jobs` (its workers run in this process). */
  jobs: Jobs | undefined;
  config: Config;
  keys: { publishable: string; secret: string };
  /** Signs a user token for `externalId` with roles. */
  token(externalId: string, roles?: string[]): Promise<string>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, as?: CallAs): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

const JWT_SECRET = "test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";

export interface TestApiOptions {
  /** The payment provider checkout charges through (default: the built-in test provider). */
  payments?: PaymentProvider;
  logger?: Logger;
  /** Resolves webhook endpoint hosts at creation (default: the system's). */
  webhookResolver?: Resolver;
  /** Run the job queue (webhook delivery, scheduled jobs) with this sender's settings (a 30 s timeout: a failure detector, not a speed bound) and clock. */
  jobs?: { sender?: WebhookSenderOptions; now?: () => Date };
  /** The rate-limit buckets (default per configuration). */
  buckets?: BucketStore;
}

export async function startTestApi(
  overrides: Record<string, string> = {},
  options: TestApiOptions = {},
): Promise<TestApi> {
  const db = await openTestDatabase();
  // Rate limits are tested on their own (limits.test.ts); elsewhere buckets are too big to matter.
  // The response cache too (response-cache.test.ts, and the fuzz tests run with it): elsewhere
  // tests write fixtures straight to the database between reads and count statements per read.
  // Tests stand in for a proxy: they name client addresses in X-Forwarded-For.
  const config = loadConfig({
    NODE_ENV: "test",
    SHOPPABLE_JWT_SECRET: JWT_SECRET,
    LOG_LEVEL: "silent",
    RATE_LIMIT_CAPACITY: "1000000000",
    TRUST_PROXY: "1",
    AFFILIATE_CLICKS_PER_MINUTE: "1000000",
    RESPONSE_CACHE: "false",
    // Tests read media URLs as stored (media-url.test.ts covers DEMO_MEDIA and MEDIA_BASE_URL).
    DEMO_MEDIA: "off",
    ...overrides,
  });
  const logger = options.logger ?? createLogger("silent");
  const payments = options.payments ? { payments: options.payments } : {};
  const jobs = options.jobs
    ? createJobs({
        db,
        config,
        logger,
        webhooks: new WebhookSender({ timeoutMs: 30_000, ...options.jobs.sender }),
        ...payments,
        ...(options.jobs.now ? { now: options.jobs.now } : {}),
      })
    : undefined;
  const server = createServer({
    db,
    config,
    logger,
    ...payments,
    ...(jobs ? { jobs } : {}),
    ...(options.webhookResolver ? { webhookResolver: options.webhookResolver } : {}),
    ...(options.buckets ? { buckets: options.buckets } : {}),
  });
  await jobs?.start(server.events);
  const keys = {
    publishable: (await createApiKey(db.prisma, { kind: "PUBLISHABLE", name: "test storefront" })).key,
    secret: (await createApiKey(db.prisma, { kind: "SECRET", name: "test server" })).key,
  };
  return {
    db,
    server,
    jobs,
    config,
    keys,
    token: (externalId, roles = ["BUYER"]) => signUserToken(JWT_SECRET, { externalId, roles }),
    async gql(query, variables, as = {}) {
      const headers: Record<string, string> = { "content-type": "application/json", ...as.headers };
      const key = as.key ?? "publishable";
      if (key !== "none")
        headers["x-shoppable-key"] =
          key === "publishable" ? keys.publishable : key === "secret" ? keys.secret : key;
      if (as.user) headers["x-shoppable-user"] = as.user;
      const body = JSON.stringify({ query, variables });
      headers["content-length"] = String(Buffer.byteLength(body));
      const response = await server.yoga.fetch("http://test/graphql", { method: "POST", headers, body });
      const result = (await response.json()) as {
        data?: unknown;
        errors?: GraphQLResponse["errors"];
        extensions?: Record<string, any>;
      };
      return {
        status: response.status,
        data: result.data as never,
        errors: result.errors,
        extensions: result.extensions,
        headers: response.headers,
      };
    },
    async close() {
      await jobs?.stop(1000);
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
