/**
 * Configuration, read and validated once from the environment. Every setting has a default
 * that makes the embedded mode work with none at all.
 */
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { z } from "zod";

/**
 * The repository root: relative DATA_DIR values are resolved against it. Found from this
 * package's package.json (two levels below the root), so it is the same from the source (tsx,
 * vitest) and from the build in `dist/`.
 */
export const repoRoot = resolve(
  dirname(createRequire(import.meta.url).resolve("@shoppable/api/package.json")),
  "..",
  "..",
);

/** The persisted-operations manifest of the SDK's own operations (generated with the SDK). */
export const SDK_PERSISTED_OPERATIONS = join(
  repoRoot,
  "packages/sdk/src/generated/persisted-operations.json",
);

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => ["1", "true", "yes"].includes(v));

/** An exact browser origin: scheme, host and port, nothing after (https://shop.example.com). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

/** CORS_ORIGINS: `*`, or comma-separated exact origins. */
const corsOrigins = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .refine(
    (origins) =>
      (origins.length === 1 && origins[0] === "*") || (origins.length > 0 && origins.every(isOrigin)),
    {
      message:
        "Must be `*` or comma-separated origins such as https://shop.example.com (scheme, host and port only, no path or trailing slash).",
    },
  );

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  /** PostgreSQL URL; when unset the embedded database in DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Prepare Prisma's statements once per connection; false behind a pooler that cannot. */
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  /** HS256 secret for user tokens (at least 32 characters). */
  SHOPPABLE_JWT_SECRET: z.string().min(32).optional(),
  /** JWKS URL for RS256 user tokens. */
  SHOPPABLE_JWKS_URL: z.string().url().optional(),
  SHOPPABLE_JWT_ISSUER: z.string().optional(),
  SHOPPABLE_JWT_AUDIENCE: z.string().optional(),
  /** Seed the demo world on the first start of an empty embedded database (default: outside production). */
  SHOPPABLE_SEED_DEMO: bool.optional(),
  SHOPPABLE_SEED: z.coerce.number().int().default(1),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  GRAPHIQL: bool.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How long a verified API key or user is cached before it is looked up again. */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
  /** The API's public origin, for the affiliate link URLs it hands out (default http://localhost:PORT). */
  PUBLIC_URL: z.string().url().optional(),
  /**
   * Where stored relative media URLs (the demo world's `/media/…`) are served, such as the demo
   * storefront's origin: media fields answer them absolute against it. Unset: as stored.
   */
  MEDIA_BASE_URL: z.string().url().optional(),
  /**
   * Serve the demo world's `/media/…` from this API (SVG cards and posters; clips when ffmpeg is
   * installed): "demo", "tiny" (small, fast clips) or "off". Default: "demo" outside production.
   * While on and MEDIA_BASE_URL is unset, media URLs are answered absolute against PUBLIC_URL.
   */
  DEMO_MEDIA: z.enum(["demo", "tiny", "off"]).optional(),
  /**
   * Where GET /r/<code> sends the browser: a storefront URL with {path} (products/<handle>,
   * posts/<id> or shops/<handle>), {code}, {clickId}, {shop}, {product}, {post}.
   */
  AFFILIATE_REDIRECT_TEMPLATE: z
    .string()
    .refine((v) => /^https?:\/\//.test(v) || v.startsWith("/"), "Must be an http(s) URL or an absolute path.")
    .default("http://localhost:3000/{path}?aff={code}&click={clickId}"),
  /** The first-party attribution cookie: its name, lifetime in days and optional domain. */
  AFFILIATE_COOKIE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .default("shoppable_aff"),
  AFFILIATE_COOKIE_DAYS: z.coerce.number().int().min(1).max(400).default(30),
  AFFILIATE_COOKIE_DOMAIN: z.string().optional(),
  /** Clicks one network (IPv4 /24, IPv6 /64) may make per minute on GET /r/<code>; more are refused with 429, unrecorded. */
  AFFILIATE_CLICKS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /**
   * Browser origins allowed to call the API (CORS) and open its WebSocket: `*` for any, or
   * exact origins. Default: any outside production; in production none (same origin only).
   */
  CORS_ORIGINS: corsOrigins.optional(),
  /** Take the client address from X-Forwarded-For (behind a proxy you run); otherwise the socket's. */
  TRUST_PROXY: bool.optional(),
  /** Redis shared by instances: events (pub/sub) and rate-limit buckets; unset: each instance keeps its own. */
  REDIS_URL: z.string().url().optional(),
  /** Events one subscription may have waiting before its backlog is dropped for a `refetch`. */
  SUBSCRIPTION_QUEUE_LIMIT: z.coerce.number().int().min(1).default(100),
  RESPONSE_CACHE: bool.default(true),
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().min(1).default(16),
  /** Bytes a WebSocket may have unsent before it is closed as a slow consumer (1013). */
  WS_MAX_BUFFERED_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** Subscriptions one WebSocket may hold at once. */
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).default(100),
  /** WebSocket connections one instance holds at once (more: closed with 1013, try another instance). */
  WS_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(15_000),
  /** WebSocket connections one client address holds on one instance (more: closed with 1008). */
  WS_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  /** Leaky bucket per caller: most points it holds, and points restored per second. */
  RATE_LIMIT_CAPACITY: z.coerce.number().int().min(1).default(200_000),
  RATE_LIMIT_RESTORE_PER_SECOND: z.coerce.number().int().min(1).default(500),
  /** Most one operation may cost (at most the bucket's capacity). */
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(100_000),
  MAX_ALIASES: z.coerce.number().int().min(1).default(30),
  MAX_TOKENS: z.coerce.number().int().min(100).default(3_000),
  MAX_DIRECTIVES: z.coerce.number().int().min(1).default(20),
  /** Introspection and "did you mean" suggestions (default: outside production). */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /**
   * JSON files { "<sha256 of the document>": "<document>" }, comma separated: when set, publishable
   * keys may run only these and the SDK's own operations (its manifest is always registered then).
   */
  PERSISTED_OPERATIONS_FILE: z.string().optional(),
  /** Run background jobs (webhook delivery, scheduled jobs) on this instance; off: it only enqueues them. */
  JOBS_WORKER: bool.optional(),
  /** How often an idle worker looks for jobs (pg-boss polls; at least 500 ms). */
  JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(500).default(1000),
  /** A checkout left incomplete (crash, unanswered PAYMENT_PENDING) with no activity this long is released. */
  CHECKOUT_RELEASE_AFTER_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15 * 60_000),
  /** Deliver webhooks from this process (every instance may; each attempt is made by one). */
  WEBHOOKS_DISPATCH: bool.optional(),
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Allow endpoints on loopback and private networks (default: outside production). */
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: bool.optional(),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where PGlite keeps its files. */
  embeddedDir: string;
  poolSize: number;
  /** PostgreSQL statements prepared once per connection (DATABASE_PREPARED_STATEMENTS). */
  preparedStatements: boolean;
  jwt: {
    secret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
  };
  seedDemo: boolean;
  seed: number;
  maxBodyBytes: number;
  graphiql: boolean;
  logLevel: string;
  authCacheTtlMs: number;
  publicUrl: string;
  /** MEDIA_BASE_URL; else PUBLIC_URL while the API serves the demo media; else unset (as stored). */
  mediaBaseUrl: string | undefined;
  /** DEMO_MEDIA: the quality of the demo media this API serves under `/media/`, or null (none). */
  demoMedia: "demo" | "tiny" | null;
  affiliate: {
    redirectTemplate: string;
    cookie: { name: string; maxAgeSeconds: number; domain: string | undefined; secure: boolean };
    clicksPerMinute: number;
  };
  /** Browser origins allowed to call the API and open WebSockets: "*" any, or exact origins (empty: same origin only). */
  corsOrigins: "*" | string[];
  trustProxy: boolean;
  redisUrl: string | undefined;
  subscriptionQueueLimit: number;
  /**
   * The shared cache of public reads (response-cache.ts): on unless RESPONSE_CACHE=false; an
   * entry lives at most `ttlSeconds`; in process (answers up to `maxBytes` of JSON, least
   * recently used dropped first), or in Redis with REDIS_URL.
   */
  responseCache: { enabled: boolean; ttlSeconds: number; maxBytes: number };
  wsMaxBufferedBytes: number;
  wsMaxSubscriptions: number;
  /** WebSocket connections this instance holds at once; more are closed with 1013. */
  wsMaxConnections: number;
  /** WebSocket connections one client address may hold on this instance; more are closed with 1008. */
  wsMaxConnectionsPerAddress: number;
  limits: {
    bucket: { capacity: number; restorePerSecond: number };
    maxQueryCost: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
  };
  introspection: boolean;
  /**
   * Absolute paths of the persisted-operations manifests when that mode is on (the SDK's first,
   * then PERSISTED_OPERATIONS_FILE's); empty when it is off.
   */
  persistedOperationsFiles: string[];
  webhooks: { dispatch: boolean; timeoutMs: number; allowPrivateTargets: boolean };
  jobs: { worker: boolean; pollIntervalMs: number };
  checkout: { releaseAfterMs: number };
}

/** Parses the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const dataDir = isAbsolute(e.DATA_DIR) ? e.DATA_DIR : join(repoRoot, e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  const demoMediaSetting = e.DEMO_MEDIA ?? (production ? "off" : "demo");
  const demoMedia = demoMediaSetting === "off" ? null : demoMediaSetting;
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedDir: join(dataDir, "pglite"),
    poolSize: e.DATABASE_POOL_SIZE,
    preparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    jwt: {
      secret: e.SHOPPABLE_JWT_SECRET,
      jwksUrl: e.SHOPPABLE_JWKS_URL,
      issuer: e.SHOPPABLE_JWT_ISSUER,
      audience: e.SHOPPABLE_JWT_AUDIENCE,
    },
    seedDemo: e.SHOPPABLE_SEED_DEMO ?? !production,
    seed: e.SHOPPABLE_SEED,
    maxBodyBytes: e.MAX_BODY_BYTES,
    graphiql: e.GRAPHIQL ?? !production,
    logLevel: e.LOG_LEVEL,
    authCacheTtlMs: e.AUTH_CACHE_TTL_MS,
    publicUrl,
    mediaBaseUrl: e.MEDIA_BASE_URL ?? (demoMedia ? publicUrl : undefined),
    demoMedia,
    affiliate: {
      redirectTemplate: e.AFFILIATE_REDIRECT_TEMPLATE,
      cookie: {
        name: e.AFFILIATE_COOKIE_NAME,
        maxAgeSeconds: e.AFFILIATE_COOKIE_DAYS * 86_400,
        domain: e.AFFILIATE_COOKIE_DOMAIN,
        secure: production,
      },
      clicksPerMinute: e.AFFILIATE_CLICKS_PER_MINUTE,
    },
    corsOrigins: e.CORS_ORIGINS ? (e.CORS_ORIGINS[0] === "*" ? "*" : e.CORS_ORIGINS) : production ? [] : "*",
    trustProxy: e.TRUST_PROXY ?? false,
    redisUrl: e.REDIS_URL,
    subscriptionQueueLimit: e.SUBSCRIPTION_QUEUE_LIMIT,
    responseCache: {
      enabled: e.RESPONSE_CACHE,
      ttlSeconds: e.RESPONSE_CACHE_TTL_SECONDS,
      maxBytes: Math.round(e.RESPONSE_CACHE_MAX_MB * 1024 * 1024),
    },
    wsMaxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
    wsMaxSubscriptions: e.WS_MAX_SUBSCRIPTIONS,
    wsMaxConnections: e.WS_MAX_CONNECTIONS,
    wsMaxConnectionsPerAddress: e.WS_MAX_CONNECTIONS_PER_ADDRESS,
    limits: {
      bucket: { capacity: e.RATE_LIMIT_CAPACITY, restorePerSecond: e.RATE_LIMIT_RESTORE_PER_SECOND },
      maxQueryCost: Math.min(e.MAX_QUERY_COST, e.RATE_LIMIT_CAPACITY),
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxDirectives: e.MAX_DIRECTIVES,
    },
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    persistedOperationsFiles: e.PERSISTED_OPERATIONS_FILE?.trim()
      ? [
          SDK_PERSISTED_OPERATIONS,
          ...e.PERSISTED_OPERATIONS_FILE.split(",")
            .map((file) => file.trim())
            .filter(Boolean)
            .map((file) => resolve(repoRoot, file)),
        ]
      : [],
    webhooks: {
      dispatch: e.WEBHOOKS_DISPATCH ?? true,
      timeoutMs: e.WEBHOOKS_TIMEOUT_MS,
      allowPrivateTargets: e.WEBHOOKS_ALLOW_PRIVATE_TARGETS ?? !production,
    },
    jobs: { worker: e.JOBS_WORKER ?? true, pollIntervalMs: e.JOBS_POLL_INTERVAL_MS },
    checkout: { releaseAfterMs: e.CHECKOUT_RELEASE_AFTER_MS },
  };
}
