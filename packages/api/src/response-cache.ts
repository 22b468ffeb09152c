/**
 * The shared cache of public reads. Catalog and content queries made with a publishable key
 * and no signed-in user are the bulk of a storefront's traffic and answer the same for every
 * shopper, so their responses are kept (graphql-yoga's response-cache plugin) and served
 * without parsing or executing again:
 *
 * - Only such callers read or fill it, over HTTP (GET, POST; not SSE or WebSocket). A signed-in
 *   user, a secret key or a merchant never gets a cached response and never leaves one, so no
 *   viewer-dependent field reaches another viewer.
 * - Only operations whose root fields are all public reads (`CACHED_ROOT_FIELDS`) are kept, and
 *   never one that holds a cart, an order or another private object (`PRIVATE_TYPES`).
 * - Each response is indexed by the objects in it (type and id) and dropped when they change:
 *   by the events services publish after commit (stock, live pins and prices, post counters:
 *   `invalidationsForEvent`), and by the catalog and content mutations (`invalidationsForMutation`,
 *   whole types, as they may change which objects a list holds). An entry lives at most
 *   RESPONSE_CACHE_TTL_SECONDS (60) whatever happens.
 * - A cached answer still passes authentication and admission, and costs the caller's bucket
 *   one point (`extensions.cost` says so), so rate limits still hold.
 * - The store is in process (`MemoryResponseCache`: up to RESPONSE_CACHE_MAX_MB of JSON, least
 *   recently used dropped first) or, with REDIS_URL, Redis, so instances share entries and an
 *   invalidation on one reaches all (`RedisResponseCache`).
 *   RESPONSE_CACHE=false turns it all off.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { EventTopics, Topic } from "@shoppable/schema/shared/events.ts";
import { useResponseCache, type Cache } from "@graphql-yoga/plugin-response-cache";
import { getOperationAST, type OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import type { Caller } from "./auth.ts";
import type { Config } from "./config.ts";
import {
  bucketOf,
  rateLimitedError,
  throttleStatus,
  type CostExtension,
  type LimitedContext,
} from "./limits/cost-plugin.ts";
import type { BucketStore } from "./limits/bucket.ts";

/** The Query fields whose answers are the same for every anonymous shopper. */
export const CACHED_ROOT_FIELDS = [
  "products",
  "product",
  "shop",
  "shops",
  "collection",
  "collections",
  "post",
  "feed",
  "liveSession",
  "liveSessions",
  "trendingProducts",
  "recommendedProducts",
] as const;

/** Objects that belong to someone: a response holding one is never kept. */
export const PRIVATE_TYPES = [
  "Cart",
  "CartLine",
  "CartDeliveryGroup",
  "Order",
  "OrderLine",
  "Return",
  "Fulfillment",
  "Refund",
  "MailingAddress",
  "Commission",
  "AffiliateEarnings",
  "WebhookEndpoint",
];

/** An object a response holds (its type, and its id when it has one). */
type Entity = Parameters<Cache["invalidate"]>[0] extends Iterable<infer E> ? E : never;
type CachedResult = Awaited<ReturnType<Cache["get"]>>;

/**
 * What a successful mutation makes stale, by its root field: whole types, since a change may
 * move objects in or out of any cached list. A mutation that changes what the public reads
 * show adds its line here; one missing is stale for at most the entry's lifetime.
 * Cart, checkout and engagement mutations are absent on purpose: what they change in public
 * reads (stock, counters) arrives as events (`invalidationsForEvent`), per object.
 */
const MUTATION_INVALIDATIONS: [RegExp, string[]][] = [
  // Collections too: an automatic collection's page may gain a product it did not hold (or was empty).
  [/^(productCreate|productUpdate|productArchive|inventoryAdjust)$/, ["Product", "Collection"]],
  // A collection's edit moves products in or out of its pages and of their `Product.collections`.
  [
    /^collection(Create|Update|Delete|ProductsAdd|ProductsRemove|ProductsReorder)$/,
    ["Collection", "Product"],
  ],
  // Options and variants after creation: a post or a live session may show a variant without its
  // product, and an automatic collection's option value rule may start or stop holding.
  [
    /^(productVariants(Create|Delete)|productOptions(Create|Delete)|productOptionUpdate)$/,
    ["Product", "ProductVariant", "Collection"],
  ],
  [/^(shopCreate|shopUpdate)$/, ["Shop"]],
  [/^(postCreate|postUpdate|postDelete)$/, ["Post"]],
  [/^liveSession(Schedule|Start|End|Cancel|PinProduct|UnpinProduct)$/, ["LiveSession"]],
  [/^affiliateProgramUpsert$/, ["AffiliateProgram", "Shop"]],
  // A review changes its product's rating and review list (the products' whole type, as elsewhere).
  [/^productReview(Create|Reply)$/, ["Product", "ProductReview"]],
  // A comment's post counter arrives as a postEngagement event; the lists of comments go here.
  [/^postComment(Create|Delete)$/, ["PostComment"]],
  // Hidden content leaves (and restored content comes back to) every list holding its type; its
  // own answers and its parent's go by the contentModerated event too.
  [/^moderationResolve$/, ["Post", "PostComment", "ProductReview", "Product", "LiveSession"]],
];

export function invalidationsForMutation(operation: OperationDefinitionNode): Entity[] {
  const types = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== "Field") continue;
    for (const [pattern, invalidated] of MUTATION_INVALIDATIONS)
      if (pattern.test(selection.name.value)) for (const t of invalidated) types.add(t);
  }
  return [...types].map((typename) => ({ typename }));
}

/** The objects an event made stale (ids as the API shows them: global ids). */
export function invalidationsForEvent<T extends Topic>(
  topic: T,
  id: string,
  payload: EventTopics[T],
): Entity[] {
  const object = (typename: string, databaseId: string) => ({
    typename,
    id: encodeGlobalID(typename, databaseId),
  });
  switch (topic) {
    case "inventoryChanged":
      return [object("Product", id)];
    case "postEngagement":
      return [object("Post", id)];
    case "contentModerated": {
      const { typename, parent } = payload as EventTopics["contentModerated"];
      return parent ? [object(typename, id), object(parent.typename, parent.id)] : [object(typename, id)];
    }
    case "liveSessionEvents": {
      const { pin } = payload as EventTopics["liveSessionEvents"];
      return pin
        ? [object("LiveSession", id), object("Product", pin.productId)]
        : [object("LiveSession", id)];
    }
    default:
      return [];
  }
}

/**
 * A cached response's `data` as JSON, made once per cached object (the in-process store hands out
 * the same object until it is dropped; the Redis store keeps it as read): a hit costs the JSON of
 * its extensions, not of its data.
 */
const dataJson = new WeakMap<object, string>();

/** The index an object is found by: its type alone, or its type and id. */
const indexOf = ({ typename, id }: Entity) => (id == null ? typename : `${typename}:${id}`);

/** The indexes an answer goes into: each object's own and its type's (a type is dropped whole). */
function answerIndexes(entities: Iterable<Entity>): string[] {
  return [...new Set([...entities].flatMap((e) => (e.id == null ? [e.typename] : [e.typename, indexOf(e)])))];
}

/**
 * The in-process store: answers bounded by the bytes of their JSON (an answer's count says
 * nothing: a product is 2 KB, a products page 51 KB), least recently used dropped first, each for
 * its lifetime; per type and per object the keys of the answers holding it, kept in step as
 * answers go. The JSON made to weigh an answer is the one a hit is answered with.
 */
export class MemoryResponseCache implements Cache {
  private readonly index = new Map<string, Set<string>>();
  private readonly entries: LRUCache<string, { result: CachedResult & object; indexKeys: string[] }>;

  constructor(maxBytes: number) {
    this.entries = new LRUCache({
      maxSize: maxBytes,
      dispose: ({ indexKeys }, key) => {
        for (const indexKey of indexKeys) {
          const keys = this.index.get(indexKey);
          keys?.delete(key);
          if (keys?.size === 0) this.index.delete(indexKey);
        }
      },
    });
  }

  set(key: string, result: unknown, entities: Iterable<Entity>, ttlMs: number): void {
    const { data } = result as { data?: Record<string, unknown> | null };
    if (data === null || typeof data !== "object") return;
    const json = JSON.stringify(data);
    // An object is found by its type too: a whole type is dropped when a list may have changed.
    const indexKeys = answerIndexes(entities);
    dataJson.set(data, json);
    this.entries.set(
      key,
      { result: { data }, indexKeys },
      {
        size: Math.max(1, json.length),
        ...(Number.isFinite(ttlMs) ? { ttl: Math.max(1, Math.round(ttlMs)) } : {}),
      },
    );
    if (!this.entries.has(key)) return; // larger than the whole store
    for (const indexKey of indexKeys) {
      let keys = this.index.get(indexKey);
      if (!keys) this.index.set(indexKey, (keys = new Set()));
      keys.add(key);
    }
  }

  get(key: string): CachedResult {
    return this.entries.get(key)?.result;
  }

  invalidate(entities: Iterable<Entity>): void {
    for (const { typename, id } of entities) {
      const keys = this.index.get(indexOf({ typename, id }));
      for (const key of [...(keys ?? [])]) this.entries.delete(key);
    }
  }

  /** Answers kept and the bytes of their JSON. */
  stats(): { entries: number; bytes: number; indexes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize, indexes: this.index.size };
  }
}

/**
 * The Redis store: a response under `<prefix>r:<key>` for its lifetime, and per type and per
 * object a set of the responses holding it (`<prefix>e:<type>` and `<prefix>e:<type>:<id>`),
 * which lives as long as the newest of them. Invalidating reads the set and deletes what it
 * names; nothing scans the key space.
 */
export class RedisResponseCache implements Cache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "shoppable:rc:",
  ) {}

  async set(key: string, result: unknown, entities: Iterable<Entity>, ttlMs: number): Promise<void> {
    const ttl = Number.isFinite(ttlMs) ? Math.max(1, Math.round(ttlMs)) : 86_400_000;
    const response = `${this.prefix}r:${key}`;
    // The data alone: a hit is answered with it as stored (see `withCachedData`).
    const { data } = result as { data?: unknown };
    const pipeline = this.redis.multi().set(response, JSON.stringify(data ?? null), "PX", ttl);
    for (const index of answerIndexes(entities)) {
      const indexKey = `${this.prefix}e:${index}`;
      pipeline.sadd(indexKey, key).pexpire(indexKey, ttl);
    }
    await pipeline.exec();
  }

  async get(key: string): Promise<CachedResult> {
    const stored = await this.redis.get(`${this.prefix}r:${key}`);
    if (stored === null) return undefined;
    const data = JSON.parse(stored) as Record<string, unknown>;
    if (data !== null && typeof data === "object") dataJson.set(data, stored);
    return { data } as CachedResult;
  }

  async invalidate(entities: Iterable<Entity>): Promise<void> {
    const indexKeys = [...entities].map((entity) => `${this.prefix}e:${indexOf(entity)}`);
    if (!indexKeys.length) return;
    const read = this.redis.multi();
    for (const indexKey of indexKeys) read.smembers(indexKey);
    const members = ((await read.exec()) ?? []).flatMap(([, keys]) => (keys as string[] | null) ?? []);
    const stale = [...new Set(members)].map((key) => `${this.prefix}r:${key}`);
    await this.redis.del(...indexKeys, ...stale);
  }

  close(): void {
    this.redis.disconnect();
  }
}

/** Yoga's result `stringify` for a cached answer (it passes the result without `extensions.http`). */
function withCachedData(result: { data?: unknown; extensions?: unknown }): string {
  const { data, extensions } = result;
  if (data === null || typeof data !== "object") return JSON.stringify(result);
  let json = dataJson.get(data);
  if (json === undefined) dataJson.set(data, (json = JSON.stringify(data)));
  return extensions === undefined
    ? `{"data":${json}}`
    : `{"data":${json},"extensions":${JSON.stringify(extensions)}}`;
}

/** A caller whose reads are the same as every anonymous shopper's: a publishable key, no user. */
function isPublicCaller(caller: Caller | undefined): boolean {
  return caller?.key.kind === "PUBLISHABLE" && !caller.user;
}

export interface ResponseCache {
  /** Yoga plugins: the cache itself, and the invalidation by mutations (every transport). */
  plugins: Plugin[];
  /** Drops what an event made stale (wired to the event bus's `onPublish`). */
  onEvent<T extends Topic>(topic: T, id: string, payload: EventTopics[T]): void;
  close(): Promise<void>;
}

export function createResponseCache(options: {
  config: Config;
  logger: Logger;
  buckets: BucketStore;
  /** A store to use instead of the configured one (tests). */
  store?: Cache;
}): ResponseCache | null {
  const { config, logger, buckets } = options;
  const settings = config.responseCache;
  if (!settings.enabled) return null;
  const ttlMs = settings.ttlSeconds * 1000;
  let redis: RedisResponseCache | null = null;
  if (!options.store && config.redisUrl) {
    const client = new Redis(config.redisUrl, {
      connectionName: "shoppable-response-cache",
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    client.on("error", (error: Error) => logger.warn({ err: error.message }, "response cache: Redis error"));
    redis = new RedisResponseCache(client);
  }
  const store: Cache = options.store ?? redis ?? new MemoryResponseCache(settings.maxBytes);

  // A store that fails (Redis away) must not fail the request: the read is a miss, the write
  // and the invalidation are logged. An invalidation that failed leaves entries that expire
  // within their lifetime.
  const safe: Cache = {
    get: (key) =>
      key === ""
        ? undefined
        : Promise.resolve()
            .then(() => store.get(key))
            .catch((error: Error) => {
              logger.warn({ err: error.message }, "response cache read failed: answered uncached");
              return undefined;
            }),
    set: (key, result, entities, ttl) =>
      key === ""
        ? undefined
        : Promise.resolve()
            .then(() => store.set(key, result, entities, ttl))
            .catch((error: Error) => logger.warn({ err: error.message }, "response cache write failed")),
    invalidate: (entities) =>
      Promise.resolve()
        .then(() => store.invalidate(entities))
        .catch((error: Error) => logger.error({ err: error.message }, "response cache invalidation failed")),
  };

  const enabled = (request: Request | undefined, context: unknown) =>
    Boolean(request) && isPublicCaller((context as { caller?: Caller } | undefined)?.caller);
  const cache = useResponseCache({
    cache: safe,
    session: () => null,
    enabled,
    // Yoga asks for the key of every HTTP request, before `enabled`: only public ones get one
    // (the others are never looked up), and variables of any depth or size hash without recursion.
    buildResponseCacheKey: ({ documentString, variableValues, operationName, request, context }) => {
      if (!enabled(request, context)) return "";
      let variables: string;
      try {
        variables = JSON.stringify(variableValues ?? null);
      } catch {
        return ""; // too deep to serialise: answered uncached (execution refuses it anyway)
      }
      return createHash("sha256")
        .update(`${operationName ?? ""}\u0000${documentString}\u0000${variables}`)
        .digest("base64url");
    },
    ttl: 0, // nothing is kept unless its root fields are all in CACHED_ROOT_FIELDS
    ttlPerSchemaCoordinate: Object.fromEntries(CACHED_ROOT_FIELDS.map((f) => [`Query.${f}`, ttlMs])),
    ignoredTypes: PRIVATE_TYPES,
    invalidateViaMutation: false, // see invalidationForMutation: every transport, whole types
    includeExtensionMetadata: false,
  });

  const mutations: Plugin = {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== "mutation") return;
      const stale = invalidationsForMutation(operation);
      if (!stale.length) return;
      return {
        // Awaited, so the mutation's caller reads fresh answers once it has its own.
        // Even a mutation that answered with an error may have written part of its work.
        onExecuteDone: () => safe.invalidate(stale),
      };
    },
  };

  // A cached answer costs one point of the caller's bucket; the cost it carried was another caller's.
  const charge: Plugin = {
    async onResultProcess({ result, setResult, serverContext }) {
      if (
        Array.isArray(result) ||
        !(result as Record<symbol, unknown>)[Symbol.for("servedFromResponseCache")]
      )
        return;
      const admitted = serverContext as { caller?: Caller; clientAddress?: string | null };
      if (!admitted.caller) return;
      const bucket = bucketOf({
        key: admitted.caller.key,
        user: admitted.caller.user,
        clientAddress: admitted.clientAddress ?? null,
      } as LimitedContext);
      const take = await buckets.take(bucket, 1);
      const cost: CostExtension = {
        requestedQueryCost: 1,
        actualQueryCost: take.allowed ? 1 : 0,
        throttleStatus: throttleStatus(buckets.settings, take.available),
      };
      const cached = result as { data?: unknown; extensions?: Record<string, unknown> };
      if (take.allowed)
        setResult({ ...cached, extensions: { ...cached.extensions, cost }, stringify: withCachedData });
      else
        setResult({ errors: [rateLimitedError(1, take.available, take.retryAfterMs)], extensions: { cost } });
    },
  };

  return {
    plugins: [cache, mutations, charge],
    onEvent(topic, id, payload) {
      const stale = invalidationsForEvent(topic, id, payload);
      if (stale.length) void safe.invalidate(stale);
    },
    async close() {
      redis?.close();
    },
  };
}
