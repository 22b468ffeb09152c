/**
 * Request-scoped batching with DataLoader: loads asked for in the same tick (sibling fields of
 * a list page) become one call of `batch`, so a computed field costs one statement per page
 * instead of one per row. Results are cached for the request only.
 */
import DataLoader from "dataloader";

const caches: WeakMap<object, unknown>[] = [];

/**
 * A cache keyed by request context. A subscription keeps one context for all its events, so
 * `forgetRequestCaches` empties every such cache before each event's fields resolve.
 */
export function requestCache<V>(): WeakMap<object, V> {
  const cache = new WeakMap<object, V>();
  caches.push(cache);
  return cache;
}

/** Forgets what every request cache holds for `ctx` (the next reads go to the database). */
export function forgetRequestCaches(ctx: object): void {
  for (const cache of caches) cache.delete(ctx);
}

const loaders = requestCache<Map<string, unknown>>();

export type Load<K, V> = (key: K) => Promise<V>;

/**
 * The loader named `name` for this request (`ctx`): a DataLoader whose batch function is
 * `batch`, which receives distinct keys and returns a value per key; keys it leaves out resolve
 * to `missing`. A failed batch rejects its loads and forgets them, so a retry reads again.
 */
export function requestLoader<K, V>(
  ctx: object,
  name: string,
  batch: (keys: K[]) => Promise<Map<K, V>>,
  missing: V,
): Load<K, V> {
  let byName = loaders.get(ctx);
  if (!byName) {
    byName = new Map();
    loaders.set(ctx, byName);
  }
  const existing = byName.get(name) as Load<K, V> | undefined;
  if (existing) return existing;
  const loader = new DataLoader<K, V>(async (keys) => {
    const values = await batch([...keys]);
    return keys.map((key) => (values.has(key) ? (values.get(key) as V) : missing));
  });
  const load: Load<K, V> = (key) => loader.load(key);
  byName.set(name, load);
  return load;
}
