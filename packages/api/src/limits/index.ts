/**
 * The protections of the GraphQL endpoint (README "Limits"), one pipeline whatever the
 * transport. In the order they apply:
 *
 * 1. entry, per transport: request size (HTTP: MAX_BODY_BYTES from Content-Length, URL length
 *    for GET; WebSocket: the same bytes per message) and authentication (HTTP: 401 per request;
 *    WebSocket: close 4401/4403 at connection_init);
 * 2. admission of the parameters (params.ts), shared: shapes, the NUL character, persisted
 *    operations;
 * 3. the envelope's hooks, shared (Yoga runs them for HTTP and SSE, the WebSocket through
 *    `getEnveloped`): tokens (parse), aliases and directives (validation), introspection and
 *    field suggestions (validation, production), depth and breadth (the schema's complexity
 *    plugin), then cost and rate limits before a query, mutation or subscription runs.
 */
import { NoSchemaIntrospectionCustomRule } from "graphql";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { Context } from "@shoppable/schema";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import type { Caller } from "../auth.ts";
import type { Config } from "../config.ts";
import { MemoryBucketStore, RedisBucketStore, type BucketStore } from "./bucket.ts";
import { useCostLimits } from "./cost-plugin.ts";
import { useHttpAdmission, useRequestSizeLimit, useUrlEncodedParams } from "./http.ts";
import { createAdmission, readPersistedOperations, type Admission } from "./params.ts";

export { MemoryBucketStore, RedisBucketStore, type BucketStore } from "./bucket.ts";
export { readPersistedOperations, type Admission, type AdmittedParams, type RawParams } from "./params.ts";
export { answerClientErrors, type AdmittedRequest } from "./http.ts";
export { type LimitedContext } from "./cost-plugin.ts";

/** The rate-limit buckets for this configuration: Redis-backed with REDIS_URL, else in process. */
export function createBucketStore(config: Config, logger: Logger): BucketStore {
  return config.redisUrl
    ? new RedisBucketStore(config.limits.bucket, config.redisUrl, logger)
    : new MemoryBucketStore(config.limits.bucket);
}

/** Affiliate click buckets, one per network: AFFILIATE_CLICKS_PER_MINUTE, shared through Redis like the others. */
export function createClickBucketStore(config: Config, logger: Logger): BucketStore {
  const perMinute = config.affiliate.clicksPerMinute;
  const settings = { capacity: perMinute, restorePerSecond: perMinute / 60 };
  return config.redisUrl
    ? new RedisBucketStore(settings, config.redisUrl, logger, "shoppable:clicks:")
    : new MemoryBucketStore(settings);
}

function tagTooComplex(_ctx: unknown, error: { extensions: Record<string, unknown> }) {
  error.extensions.code = "QUERY_TOO_COMPLEX";
}

/** Introspection off: a validation rule, so it holds wherever the envelope validates. */
const disableIntrospection: Plugin<Context> = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

export interface Protections {
  /**
   * Yoga plugins: the HTTP entry (size, URL parameters, authentication, admission) and the
   * envelope's hooks every transport runs (document limits, schema exposure, cost and rates).
   */
  plugins: (Plugin | Plugin<Context>)[];
  /** The admission of parameters, which a transport outside Yoga's HTTP handling must run (websocket.ts). */
  admit: Admission;
}

export function createProtections(options: {
  config: Config;
  store: BucketStore;
  authenticate: (headers: Headers) => Promise<Caller>;
}): Protections {
  const { config, store, authenticate } = options;
  const { limits } = config;
  const admit = createAdmission(
    config.persistedOperationsFiles.length ? readPersistedOperations(config.persistedOperationsFiles) : null,
  );
  // GraphQL Armor's errors carry no code; give them the one API.md names for limits.
  const armor = { exposeLimits: true, propagateOnRejection: true, onReject: [tagTooComplex] };
  const plugins: (Plugin | Plugin<Context>)[] = [
    useRequestSizeLimit(config.maxBodyBytes),
    useUrlEncodedParams,
    useHttpAdmission({ authenticate, admit, trustProxy: config.trustProxy }),
    maxTokensPlugin({ ...armor, n: limits.maxTokens, errorMessage: "Query too large." }) as Plugin<Context>,
    maxAliasesPlugin({
      ...armor,
      n: limits.maxAliases,
      errorMessage: "Too many aliases.",
    }) as Plugin<Context>,
    maxDirectivesPlugin({
      ...armor,
      n: limits.maxDirectives,
      errorMessage: "Too many directives.",
    }) as Plugin<Context>,
  ];
  if (!config.introspection)
    plugins.push(disableIntrospection, blockFieldSuggestionsPlugin() as Plugin<Context>);
  plugins.push(useCostLimits({ store, maxCost: limits.maxQueryCost }));
  return { plugins, admit };
}
