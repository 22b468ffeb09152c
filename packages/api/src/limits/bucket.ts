/**
 * Leaky buckets of query cost, one per caller (see README "Limits"): a bucket holds at most
 * `capacity` points and refills at `restorePerSecond`; a request may run when the bucket holds
 * at least its requested cost, which it then takes; what it did not use is given back after it
 * ran. In process by default; shared by every instance through Redis when REDIS_URL is set.
 */
import { Redis } from "ioredis";
import type { Logger } from "pino";

export interface BucketSettings {
  capacity: number;
  restorePerSecond: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Points left after the take (or, refused, the points there are). */
  available: number;
  /** Refused: milliseconds until the bucket holds the cost asked for. */
  retryAfterMs: number;
}

export interface BucketStore {
  readonly settings: BucketSettings;
  /** Takes `cost` points from the caller's bucket when it holds them; takes nothing otherwise. */
  take(bucket: string, cost: number): Promise<TakeResult>;
  /** Gives `points` back (never above capacity); returns the points then available. */
  giveBack(bucket: string, points: number): Promise<number>;
  /** Whether the shared store answers; always true in process. */
  healthy(): boolean;
  close(): Promise<void>;
}

function retryAfter(settings: BucketSettings, available: number, cost: number): number {
  return Math.ceil(((cost - available) / settings.restorePerSecond) * 1000);
}

/** Buckets in this process's memory; idle buckets are forgotten once full again. */
export class MemoryBucketStore implements BucketStore {
  private readonly buckets = new Map<string, { points: number; at: number }>();
  private sweeps = 0;
  constructor(
    readonly settings: BucketSettings,
    private readonly now: () => number = Date.now,
  ) {}

  private level(bucket: string, at: number): number {
    const b = this.buckets.get(bucket);
    if (!b) return this.settings.capacity;
    return Math.min(this.settings.capacity, b.points + ((at - b.at) / 1000) * this.settings.restorePerSecond);
  }

  async take(bucket: string, cost: number): Promise<TakeResult> {
    const at = this.now();
    const points = this.level(bucket, at);
    if (++this.sweeps % 1000 === 0) this.sweep(at);
    if (points < cost)
      return {
        allowed: false,
        available: Math.floor(points),
        retryAfterMs: retryAfter(this.settings, points, cost),
      };
    this.buckets.set(bucket, { points: points - cost, at });
    return { allowed: true, available: Math.floor(points - cost), retryAfterMs: 0 };
  }

  async giveBack(bucket: string, points: number): Promise<number> {
    const at = this.now();
    const level = Math.min(this.settings.capacity, this.level(bucket, at) + points);
    this.buckets.set(bucket, { points: level, at });
    return Math.floor(level);
  }

  healthy(): boolean {
    return true;
  }

  /** Forgets buckets that have refilled: they hold nothing a fresh bucket would not. */
  private sweep(at: number) {
    for (const name of this.buckets.keys())
      if (this.level(name, at) >= this.settings.capacity) this.buckets.delete(name);
  }

  async close(): Promise<void> {}
}

/**
 * One atomic script per take or give-back, on Redis's clock (so instances' clocks do not
 * matter). A bucket is a hash { p: points, t: ms } that expires once it would be full again.
 * KEYS[1] bucket; ARGV: capacity, restore per second, cost (negative: give back).
 * Returns { allowed (1|0), points available (×1000, integer) }.
 */
const BUCKET_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local stored = redis.call('HMGET', KEYS[1], 'p', 't')
local points = capacity
if stored[1] then
  points = math.min(capacity, tonumber(stored[1]) + (now - tonumber(stored[2])) / 1000 * rate)
end
local allowed = 1
if cost > 0 and points < cost then
  allowed = 0
else
  points = math.min(capacity, points - cost)
  redis.call('HSET', KEYS[1], 'p', tostring(points), 't', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - points) / rate * 1000) + 1000)
end
return { allowed, math.floor(points * 1000) }
`;

/**
 * Buckets in Redis, shared by every instance. While Redis does not answer, callers fall back
 * to this instance's own in-process buckets (logged once), so an outage never refuses traffic
 * and never lets a caller go unlimited.
 */
export class RedisBucketStore implements BucketStore {
  private readonly redis: Redis;
  private readonly fallback: MemoryBucketStore;
  private up = true;
  /** The first connection: commands wait for it (at most the connect timeout), later ones fail fast. */
  private readonly connected: Promise<void>;

  constructor(
    readonly settings: BucketSettings,
    url: string,
    private readonly logger: Logger,
    private readonly prefix = "shoppable:bucket:",
  ) {
    this.fallback = new MemoryBucketStore(settings);
    // Fail fast while Redis is away: no offline queue, one try per command.
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
      connectTimeout: 2000,
    });
    this.redis.defineCommand("bucket", { numberOfKeys: 1, lua: BUCKET_SCRIPT });
    this.redis.on("error", () => this.markDown());
    this.redis.on("ready", () => {
      if (!this.up) this.logger.info("Rate limits: Redis is back; buckets are shared again.");
      this.up = true;
    });
    this.connected = new Promise<void>((resolve) => {
      const done = () => (clearTimeout(timer), resolve());
      const timer = setTimeout(done, 2000);
      timer.unref();
      this.redis.once("ready", done);
      this.redis.once("error", done);
    });
  }

  private markDown() {
    if (this.up)
      this.logger.warn("Rate limits: Redis unreachable; using this instance's own buckets until it returns.");
    this.up = false;
  }

  private async run(bucket: string, cost: number): Promise<[number, number] | null> {
    await this.connected;
    try {
      const out = (await (
        this.redis as unknown as { bucket(k: string, ...a: number[]): Promise<[number, number]> }
      ).bucket(this.prefix + bucket, this.settings.capacity, this.settings.restorePerSecond, cost)) as [
        number,
        number,
      ];
      return out;
    } catch {
      this.markDown();
      return null;
    }
  }

  async take(bucket: string, cost: number): Promise<TakeResult> {
    const out = await this.run(bucket, cost);
    if (!out) return this.fallback.take(bucket, cost);
    const available = out[1] / 1000;
    if (out[0] === 1) return { allowed: true, available: Math.floor(available), retryAfterMs: 0 };
    return {
      allowed: false,
      available: Math.floor(available),
      retryAfterMs: retryAfter(this.settings, available, cost),
    };
  }

  async giveBack(bucket: string, points: number): Promise<number> {
    const out = await this.run(bucket, -points);
    if (!out) return this.fallback.giveBack(bucket, points);
    return Math.floor(out[1] / 1000);
  }

  healthy(): boolean {
    return this.up && this.redis.status === "ready";
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
