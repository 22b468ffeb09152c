/**
 * Request-scoped batching, DataLoader style: loads asked for in the same tick (sibling fields
 * of a list page) become one call of `batch`, so a computed field costs one statement per
 * page instead of one per row. Results are cached for the request only.
 */
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
 * The loader named `name` for this request (`ctx`). `batch` receives distinct keys and
 * returns a value per key; keys it leaves out resolve to `missing`.
 */
export function requestLoader<K, V>(ctx: object, name: string, batch: (keys: K[]) => Promise<Map<K, V>>, missing: V): Load<K, V> {
  let byName = loaders.get(ctx);
  if (!byName) {
    byName = new Map();
    loaders.set(ctx, byName);
  }
  const existing = byName.get(name) as Load<K, V> | undefined;
  if (existing) return existing;

  const cache = new Map<K, Promise<V>>();
  let queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  const dispatch = () => {
    const jobs = queue;
    queue = [];
    batch([...new Set(jobs.map((j) => j.key))]).then(
      (values) => {
        for (const job of jobs) job.resolve(values.has(job.key) ? (values.get(job.key) as V) : missing);
      },
      (error: unknown) => {
        for (const job of jobs) {
          cache.delete(job.key);
          job.reject(error);
        }
      },
    );
  };
  const load: Load<K, V> = (key) => {
    const cached = cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V>((resolve, reject) => {
      // After the promise jobs of this tick, as DataLoader does: every sibling resolver has run.
      if (queue.length === 0) void Promise.resolve().then(() => process.nextTick(dispatch));
      queue.push({ key, resolve, reject });
    });
    cache.set(key, promise);
    return promise;
  };
  byName.set(name, load);
  return load;
}
