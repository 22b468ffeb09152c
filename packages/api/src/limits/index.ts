/**
 * The request limits of the GraphQL endpoint (README "Limits"), as Yoga plugins in the order
 * they apply: persisted operations (parse), tokens (parse), aliases and directives
 * (validation), field suggestions and introspection (production), then cost and rate limits
 * (before execution). Depth and breadth are checked by the schema's complexity plugin.
 */
import { readFileSync } from "node:fs";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Context } from "@shoppable/schema";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { MemoryBucketStore, RedisBucketStore, type BucketStore } from "./bucket.ts";
import { useCostLimits } from "./cost-plugin.ts";

export { MemoryBucketStore, RedisBucketStore, type BucketStore } from "./bucket.ts";

/** The rate-limit buckets for this configuration: Redis-backed with REDIS_URL, else in process. */
export function createBucketStore(config: Config, logger: Logger): BucketStore {
  return config.redisUrl ? new RedisBucketStore(config.limits.bucket, config.redisUrl, logger) : new MemoryBucketStore(config.limits.bucket);
}

/** Affiliate click buckets, one per network: AFFILIATE_CLICKS_PER_MINUTE, shared through Redis like the others. */
export function createClickBucketStore(config: Config, logger: Logger): BucketStore {
  const perMinute = config.affiliate.clicksPerMinute;
  const settings = { capacity: perMinute, restorePerSecond: perMinute / 60 };
  return config.redisUrl ? new RedisBucketStore(settings, config.redisUrl, logger, "shoppable:clicks:") : new MemoryBucketStore(settings);
}

/** Reads the persisted-operations manifest: `{ "<sha256 hex>": "<document>" }`. */
export function readPersistedOperations(file: string): Map<string, string> {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(`${file}: expected an object of sha256 hash → document`);
  const entries = Object.entries(parsed as Record<string, unknown>);
  for (const [hash, doc] of entries) {
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof doc !== "string") throw new Error(`${file}: "${hash.slice(0, 80)}" is not a sha256 hex hash of a document string`);
  }
  return new Map(entries as [string, string][]);
}

function tagTooComplex(_ctx: unknown, error: { extensions: Record<string, unknown> }) {
  error.extensions.code = "QUERY_TOO_COMPLEX";
}

export interface LimitOptions {
  config: Config;
  store: BucketStore;
  /** Whether a request's API key is a secret key (secret keys may run any operation). */
  isSecretKey: (request: Request) => Promise<boolean>;
}

function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object") return Object.entries(value).some(([k, v]) => containsNul(k) || containsNul(v));
  return false;
}

/**
 * PostgreSQL text cannot hold U+0000: a string carrying it is refused up front (400,
 * BAD_USER_INPUT) instead of failing deep inside a write.
 */
const refuseNulCharacters: Plugin<Context> = {
  onParams({ params }) {
    if (containsNul(params.variables) || containsNul(params.query) || /\\u0000/i.test(params.query ?? "")) {
      throw createGraphQLError("Strings may not contain the NUL character (U+0000).", { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
    }
  },
};

export function limitPlugins({ config, store, isSecretKey }: LimitOptions): Plugin<Context>[] {
  const { limits } = config;
  const plugins: Plugin<Context>[] = [refuseNulCharacters];
  if (config.persistedOperationsFile) {
    const operations = readPersistedOperations(config.persistedOperationsFile);
    plugins.push(
      usePersistedOperations({
        getPersistedOperation: (hash) => operations.get(hash) ?? null,
        allowArbitraryOperations: (request) => isSecretKey(request),
        customErrors: {
          notFound: { message: "No persisted operation has this hash.", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } },
          keyNotFound: { message: "Send extensions.persistedQuery.sha256Hash of a registered operation.", extensions: { code: "PERSISTED_QUERY_REQUIRED" } },
          persistedQueryOnly: {
            message: "Publishable keys may run registered operations only: send extensions.persistedQuery.sha256Hash instead of a query.",
            extensions: { code: "PERSISTED_QUERY_REQUIRED" },
          },
        },
      }) as Plugin<Context>,
    );
  }
  // GraphQL Armor's errors carry no code; give them the one API.md names for limits.
  const armor = { exposeLimits: true, propagateOnRejection: true, onReject: [tagTooComplex] };
  plugins.push(
    maxTokensPlugin({ ...armor, n: limits.maxTokens, errorMessage: "Query too large." }) as Plugin<Context>,
    maxAliasesPlugin({ ...armor, n: limits.maxAliases, errorMessage: "Too many aliases." }) as Plugin<Context>,
    maxDirectivesPlugin({ ...armor, n: limits.maxDirectives, errorMessage: "Too many directives." }) as Plugin<Context>,
  );
  if (!config.introspection) plugins.push(useDisableIntrospection() as Plugin<Context>, blockFieldSuggestionsPlugin() as Plugin<Context>);
  plugins.push(useCostLimits({ store, maxCost: limits.maxQueryCost }));
  return plugins;
}
