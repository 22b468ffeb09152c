/**
 * The event bus behind `ctx.events` (interface and topics: @shoppable/schema shared/events.ts).
 *
 * - In-process by default: a map from channel (`topic:id`) to the subscriptions on it.
 * - With REDIS_URL: events go through Redis pub/sub (ioredis), so a mutation on one instance
 *   reaches subscribers on every instance. One publishing and one subscribing connection per
 *   instance; a Redis channel is subscribed while this instance has a subscriber on it.
 *   While Redis is unreachable, publishing never throws: events reach this instance's
 *   subscribers only, and `/ready` answers 503. When Redis is back, every subscription gets a
 *   `refetch` delivery (events of other instances may have been missed).
 * - Every subscription has a bounded queue (`queueLimit` events). A consumer that falls that
 *   far behind loses the backlog and gets one `refetch` delivery instead, so a slow client
 *   never grows server memory.
 * - The server's own parts (the authenticator) `listen` instead: their listener is called
 *   synchronously, at publish time for an event of this instance (so it has acted before the
 *   publishing request answers), and on arrival for one of another instance.
 */
import type { Delivery, EventBus, EventTopics, Topic } from "@shoppable/schema/shared/events.ts";
import { Redis } from "ioredis";
import type { Logger } from "pino";

export interface SubscribeOptions {
  /** At most one delivery per this many ms; events meanwhile coalesce into the latest. */
  minIntervalMs?: number;
}

export interface ServerEventBus extends EventBus {
  subscribe<T extends Topic>(
    topic: T,
    id: string,
    options?: SubscribeOptions,
  ): AsyncIterableIterator<Delivery<EventTopics[T]>>;
  /**
   * Calls `listener` for every event of (topic, id) from now on, synchronously: at publish for
   * an event of this instance, on arrival for one of another instance (with Redis, an event of
   * this instance may come a second time: listeners must not mind). A `refetch` when events may
   * have been missed (Redis came back). Returns a function that stops listening.
   */
  listen<T extends Topic>(
    topic: T,
    id: string,
    listener: (delivery: Delivery<EventTopics[T]>) => void,
  ): () => void;
  /** null when events flow between instances (or there is only this one); else why not. */
  problem(): string | null;
  stats(): { subscriptions: number; channels: number; dropped: number };
  /** Ends every subscription on this instance (their streams complete); publishing goes on. */
  endSubscriptions(): void;
  /** Subscriptions on this instance to (topic, id). */
  subscribers(topic: Topic, id: string): number;
  close(): Promise<void>;
}

export interface EventBusOptions {
  logger: Logger;
  redisUrl?: string | undefined;
  /** Events a subscription may have waiting before its backlog is dropped (default 100). */
  queueLimit?: number;
  /**
   * Called for every event this instance publishes, before it goes out (the response cache
   * drops what the event made stale: response-cache.ts). Must not throw.
   */
  onPublish?: <T extends Topic>(topic: T, id: string, payload: EventTopics[T]) => void;
}

type AnyDelivery = Delivery<unknown>;

/** One subscriber's bounded queue, consumed as an async iterator. */
class SubscriptionQueue implements AsyncIterableIterator<AnyDelivery> {
  private queue: AnyDelivery[] = [];
  private waiting: ((result: IteratorResult<AnyDelivery>) => void) | null = null;
  private done = false;
  private lastDeliveredAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly limit: number,
    private readonly minIntervalMs: number,
    private readonly onDrop: () => void,
    private readonly onEnd: () => void,
  ) {}

  push(delivery: AnyDelivery): void {
    if (this.done) return;
    if (this.minIntervalMs > 0) {
      // Coalescing: only the latest state matters (a refetch stays a refetch).
      this.queue = [this.queue[0]?.kind === "refetch" ? this.queue[0] : delivery];
    } else if (this.queue.length >= this.limit) {
      this.queue = [{ kind: "refetch" }];
      this.onDrop();
    } else {
      this.queue.push(delivery);
    }
    this.flush();
  }

  private flush(): void {
    if (!this.waiting || this.queue.length === 0 || this.timer) return;
    const wait = this.lastDeliveredAt + this.minIntervalMs - Date.now();
    if (this.minIntervalMs > 0 && wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, wait);
      return;
    }
    const resolve = this.waiting;
    this.waiting = null;
    this.lastDeliveredAt = Date.now();
    resolve({ value: this.queue.shift()!, done: false });
  }

  next(): Promise<IteratorResult<AnyDelivery>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.flush();
    });
  }

  return(): Promise<IteratorResult<AnyDelivery>> {
    if (!this.done) {
      this.done = true;
      this.queue = [];
      if (this.timer) clearTimeout(this.timer);
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
      this.onEnd();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

const channelOf = (topic: string, id: string) => `shoppable:${topic}:${id}`;

export function createEventBus({
  logger,
  redisUrl,
  queueLimit = 100,
  onPublish,
}: EventBusOptions): ServerEventBus {
  const channels = new Map<string, Set<SubscriptionQueue>>();
  const listeners = new Map<string, Set<(delivery: AnyDelivery) => void>>();
  let dropped = 0;
  let subscriptions = 0;

  function deliverLocally(channel: string, delivery: AnyDelivery) {
    const subs = channels.get(channel);
    if (!subs) return;
    for (const sub of subs) sub.push(delivery);
  }

  function notifyListeners(channel: string, delivery: AnyDelivery) {
    for (const listener of listeners.get(channel) ?? []) {
      try {
        listener(delivery);
      } catch (error) {
        logger.error({ channel, err: (error as Error).message }, "event listener failed");
      }
    }
  }

  function refetchAll() {
    for (const subs of channels.values()) for (const sub of subs) sub.push({ kind: "refetch" });
    for (const channel of listeners.keys()) notifyListeners(channel, { kind: "refetch" });
  }

  /** Whether this instance needs the Redis channel: it has subscribers or listeners on it. */
  const wanted = (channel: string) => channels.has(channel) || listeners.has(channel);

  // ───── Redis (optional) ─────
  let publisher: Redis | null = null;
  let subscriber: Redis | null = null;
  let lost = false;
  if (redisUrl) {
    const options = {
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(100 * times, 2000),
      lazyConnect: false,
    };
    publisher = new Redis(redisUrl, { ...options, connectionName: "shoppable-publish" });
    subscriber = new Redis(redisUrl, { ...options, connectionName: "shoppable-subscribe" });
    for (const [name, client] of [
      ["publish", publisher],
      ["subscribe", subscriber],
    ] as const) {
      let reported = false;
      client.on("error", (error: Error) => {
        if (!reported)
          logger.warn({ connection: name, err: error.message }, "Redis connection error; retrying");
        reported = true;
      });
      client.on("close", () => {
        if (client === subscriber && !lost) {
          lost = true;
          logger.warn("Redis lost: events reach this instance's subscribers only until it is back");
        }
      });
      client.on("ready", () => {
        reported = false;
      });
    }
    subscriber.on("ready", () => {
      const all = [...new Set([...channels.keys(), ...listeners.keys()])];
      const resubscribed = all.length ? subscriber!.subscribe(...all) : Promise.resolve(0);
      resubscribed.then(
        () => {
          if (lost) {
            logger.info(
              { channels: all.length },
              "Redis back: subscriptions resumed, subscribers told to refetch",
            );
            refetchAll();
          }
          lost = false;
        },
        (error: Error) => logger.warn({ err: error.message }, "Redis resubscribe failed"),
      );
    });
    subscriber.on("message", (channel: string, message: string) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch (error) {
        logger.warn({ channel, err: (error as Error).message }, "unreadable event from Redis");
        return;
      }
      notifyListeners(channel, { kind: "event", payload });
      deliverLocally(channel, { kind: "event", payload });
    });
  }

  const ready = (client: Redis | null) => client !== null && client.status === "ready";

  function publish<T extends Topic>(topic: T, id: string, payload: EventTopics[T]): void {
    onPublish?.(topic, id, payload);
    const channel = channelOf(topic, id);
    notifyListeners(channel, { kind: "event", payload });
    if (publisher && ready(publisher) && ready(subscriber) && !lost) {
      publisher.publish(channel, JSON.stringify(payload)).catch((error: Error) => {
        logger.warn(
          { topic, id, err: error.message },
          "event not published to Redis; delivered on this instance only",
        );
        deliverLocally(channel, { kind: "event", payload });
      });
      return;
    }
    if (publisher) logger.debug({ topic, id }, "Redis unavailable: event delivered on this instance only");
    // Deliver on the next turn, never inside the publisher's own call.
    setImmediate(() => deliverLocally(channel, { kind: "event", payload }));
  }

  const coalescing = new Map<string, { pending: boolean; timer: NodeJS.Timeout }>();

  function publishCoalesced<T extends Topic>(
    topic: T,
    id: string,
    intervalMs: number,
    load: () => Promise<EventTopics[T] | null>,
  ): void {
    const key = channelOf(topic, id);
    // In-process, nobody listening means nothing to load (with Redis, other instances may listen).
    if (!publisher && !wanted(key)) return;
    const window = coalescing.get(key);
    if (window) {
      window.pending = true;
      return;
    }
    const send = () =>
      load().then(
        (payload) => payload && publish(topic, id, payload),
        (error: Error) => logger.warn({ topic, id, err: error.message }, "event not loaded"),
      );
    const open = () => {
      const entry = {
        pending: false,
        timer: setTimeout(() => {
          if (entry.pending) {
            void send();
            open();
          } else coalescing.delete(key);
        }, intervalMs),
      };
      entry.timer.unref();
      coalescing.set(key, entry);
    };
    open();
    void send();
  }

  function subscribe<T extends Topic>(
    topic: T,
    id: string,
    options: SubscribeOptions = {},
  ): AsyncIterableIterator<Delivery<EventTopics[T]>> {
    const channel = channelOf(topic, id);
    let subs = channels.get(channel);
    if (!subs) {
      if (!wanted(channel)) redisSubscribe(channel);
      subs = new Set();
      channels.set(channel, subs);
    }
    const queue: SubscriptionQueue = new SubscriptionQueue(
      queueLimit,
      options.minIntervalMs ?? 0,
      () => {
        dropped++;
      },
      () => {
        subscriptions--;
        const set = channels.get(channel);
        set?.delete(queue);
        if (set && set.size === 0) {
          channels.delete(channel);
          if (!wanted(channel)) redisUnsubscribe(channel);
        }
      },
    );
    subs.add(queue);
    subscriptions++;
    return queue as AsyncIterableIterator<Delivery<EventTopics[T]>>;
  }

  // Channels whose Redis SUBSCRIBE is on its way, until Redis confirms it.
  const subscribing = new Map<string, Promise<void>>();

  function endSubscriptions() {
    for (const subs of [...channels.values()]) for (const sub of [...subs]) void sub.return();
  }

  function redisSubscribe(channel: string) {
    if (subscriber && ready(subscriber)) {
      const confirmed = subscriber.subscribe(channel).then(
        () => {
          if (subscribing.get(channel) === confirmed) subscribing.delete(channel);
        },
        (error: Error) => {
          if (subscribing.get(channel) === confirmed) subscribing.delete(channel);
          logger.warn({ channel, err: error.message }, "Redis subscribe failed");
        },
      );
      subscribing.set(channel, confirmed);
    }
  }

  function redisUnsubscribe(channel: string) {
    subscribing.delete(channel);
    if (subscriber && ready(subscriber)) subscriber.unsubscribe(channel).catch(() => undefined);
  }

  function listen<T extends Topic>(
    topic: T,
    id: string,
    listener: (delivery: Delivery<EventTopics[T]>) => void,
  ): () => void {
    const channel = channelOf(topic, id);
    let set = listeners.get(channel);
    if (!set) {
      if (!wanted(channel)) redisSubscribe(channel);
      set = new Set();
      listeners.set(channel, set);
    }
    const added = listener as (delivery: AnyDelivery) => void;
    set.add(added);
    return () => {
      const current = listeners.get(channel);
      if (!current?.delete(added) || current.size > 0) return;
      listeners.delete(channel);
      if (!wanted(channel)) redisUnsubscribe(channel);
    };
  }

  return {
    publish,
    publishCoalesced,
    subscribe,
    listen,
    problem() {
      if (!redisUrl) return null;
      if (ready(publisher) && ready(subscriber) && !lost) return null;
      return `redis unreachable (${subscriber?.status ?? "closed"})`;
    },
    stats: () => ({ subscriptions, channels: channels.size, dropped }),
    subscribers: (topic, id) => channels.get(channelOf(topic, id))?.size ?? 0,
    // While Redis is away nothing of other instances can arrive: the refetch when it is back covers that.
    live: (topic, id) => subscribing.get(channelOf(topic, id)) ?? Promise.resolve(),
    endSubscriptions,
    async close() {
      for (const w of coalescing.values()) clearTimeout(w.timer);
      coalescing.clear();
      endSubscriptions();
      channels.clear();
      listeners.clear();
      publisher?.disconnect();
      subscriber?.disconnect();
    },
  };
}
