/**
 * Real-time events: the topics services publish and subscriptions read, the event bus the
 * transport provides on the context (`ctx.events`), and the rule that an event is published
 * only after the transaction that caused it commits.
 *
 * Services publish in one of two ways:
 * - inside `transaction(ctx, fn)`, with `queueEvent(...)` (also from helpers that only get the
 *   transaction client, such as `takeStock`): the events wait in the transaction's outbox and
 *   go out once `$transaction` resolved, or never when it rolled back;
 * - after a write that is a single statement (its own transaction), with `ctx.events.publish`.
 *
 * Adding a topic is one line in `EventTopics` plus the subscription field in its domain.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import type { JobQueue } from "./jobs.ts";

/** A pinned product as live events carry it (no per-subscriber reads). */
export interface LivePinSnapshot {
  id: string;
  productId: string;
  variantId: string | null;
  /** Minor units of `currencyCode`; null without a live price. */
  livePrice: number | null;
  currencyCode: string;
  quantityCap: number | null;
  /** The product's shop and status: a draft's pin shows only to those who manage the shop (a hidden one's too). */
  shopId: string;
  productStatus: "ACTIVE" | "DRAFT" | "ARCHIVED";
  /** Whether moderation hides the product. */
  productHidden?: boolean;
}

export type LiveSessionEventKind =
  | "STARTED"
  | "PRODUCT_PINNED"
  | "PRICE_CHANGED"
  | "PRODUCT_UNPINNED"
  | "VIEWER_COUNT"
  | "ENDED"
  | "CANCELLED";

export interface LiveSessionEventPayload {
  kind: LiveSessionEventKind;
  liveSessionId: string;
  /** ISO 8601 instant of the commit. */
  occurredAt: string;
  viewerCount: number | null;
  pin: LivePinSnapshot | null;
}

export interface PostEngagementPayload {
  postId: string;
  viewCount: number;
  likeCount: number;
  shareCount: number;
  purchaseCount: number;
  commentCount: number;
}

/**
 * Topic name → payload. Payloads are JSON (they cross instances through Redis): ids and
 * numbers, no Dates. The id a subscriber listens on is passed beside the payload.
 */
export interface EventTopics {
  /** A cart's lines, codes, buyer or status changed (id: the cart). */
  cartUpdated: { cartId: string };
  /** A product's stock changed (id: the product). */
  inventoryChanged: { productId: string };
  /** Something happened in a live session (id: the session). */
  liveSessionEvents: LiveSessionEventPayload;
  /** A post's counters changed (id: the post); coalesced to one per second per post. */
  postEngagement: PostEngagementPayload;
  /**
   * An order's status changed, or some of it was fulfilled (id: the order); fulfilments carry the
   * fulfilment status they left.
   */
  orderStatusChanged: { orderId: string; status: string; fulfillmentStatus?: string };
  /** A creator's commissions changed (id: the creator; see affiliate/ledger.ts). */
  commissionEvents: CommissionEventPayload;
  /**
   * A user was erased (id: USER_ERASED_CHANNEL, one channel for all): every instance's
   * authenticator refuses their token from now on and ends their connections.
   */
  userErased: { userId: string };
  /**
   * Moderation hid or restored content (id: the content's database id): subscriptions to it end
   * when it is hidden, and cached answers holding it, or its parent (a comment's post, a review's
   * product, whose counters changed), are dropped.
   */
  contentModerated: ContentModeratedPayload;
}

export interface ContentModeratedPayload {
  /** The GraphQL type of the content: Post, PostComment or ProductReview. */
  typename: string;
  targetId: string;
  hidden: boolean;
  /** The type and id of the object whose counters changed with it (a comment's post, a review's product). */
  parent: { typename: string; id: string } | null;
}

/** The one id `userErased` events are published on. */
export const USER_ERASED_CHANNEL = "all";

export type CommissionEventKind = "EARNED" | "REVERSED" | "HOLD_STARTED" | "PAYABLE" | "PAID";

export interface CommissionEventPayload {
  kind: CommissionEventKind;
  /** The ledger entries that changed (database ids). */
  commissionIds: string[];
}

export type Topic = keyof EventTopics;

/** What a subscription receives: an event, or word that events may have been missed. */
export type Delivery<P> = { kind: "event"; payload: P } | { kind: "refetch" };

export interface EventBus {
  /** Sends an event to every subscriber of (topic, id) on every instance. Never throws: failures are logged. */
  publish<T extends Topic>(topic: T, id: string, payload: EventTopics[T]): void;
  /**
   * Sends `load()`'s result at most once per `intervalMs` for (topic, id) from this instance:
   * the first call at once, later calls within the window coalesce into one trailing send
   * with what `load` returns then. `load` failures are logged.
   */
  publishCoalesced<T extends Topic>(
    topic: T,
    id: string,
    intervalMs: number,
    load: () => Promise<EventTopics[T] | null>,
  ): void;
  /**
   * Events of (topic, id) from now on, in a bounded queue (see the transport). With
   * `minIntervalMs`, at most one delivery per interval: events meanwhile coalesce into the latest.
   */
  subscribe<T extends Topic>(
    topic: T,
    id: string,
    options?: { minIntervalMs?: number },
  ): AsyncIterableIterator<Delivery<EventTopics[T]>>;
  /**
   * Resolves once a subscription of (topic, id) made before receives the events of every
   * instance (with Redis: the channel's SUBSCRIBE is confirmed; at once in process).
   */
  live(topic: Topic, id: string): Promise<void>;
}

interface Outbox {
  bus: EventBus;
  events: { topic: Topic; id: string; payload: unknown }[];
  jobs: JobQueue | undefined;
}

const outboxes = new AsyncLocalStorage<Outbox>();

/** How long `transaction()` waits for a connection by default. */
const DEFAULT_MAX_WAIT_MS = 10_000;

/**
 * Runs `fn` in an interactive transaction whose queued events (`queueEvent`) are published
 * once it committed; a rollback (any throw) drops them. Jobs enqueued inside it (through
 * `jobQueueInTransaction()`) commit or roll back with it.
 */
export async function transaction<T>(
  ctx: Pick<Context, "db" | "events" | "jobs">,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  const outbox: Outbox = { bus: ctx.events, events: [], jobs: ctx.jobs };
  // A busy pool (a burst of writes while a fan-out holds the CPU) queues the transaction for up
  // to 10 s instead of Prisma's 2 s, after which it fails as an internal error.
  const result = await outboxes.run(outbox, () =>
    ctx.db.$transaction(fn, { maxWait: DEFAULT_MAX_WAIT_MS, ...options }),
  );
  for (const e of outbox.events) outbox.bus.publish(e.topic, e.id, e.payload as never);
  return result;
}

/** The job queue of the current `transaction()`, when the context has one (shared/jobs.ts). */
export function jobQueueInTransaction(): JobQueue | undefined {
  return outboxes.getStore()?.jobs;
}

/** Whether the caller runs inside `transaction()` (so `queueEvent` may be used). */
export function inTransactionOutbox(): boolean {
  return outboxes.getStore() !== undefined;
}

/** Queues an event in the current `transaction`'s outbox. Throws outside one (a bug: it would publish uncommitted work). */
export function queueEvent<T extends Topic>(topic: T, id: string, payload: EventTopics[T]): void {
  const outbox = outboxes.getStore();
  if (!outbox)
    throw new Error(`queueEvent(${topic}) outside transaction(): events must wait for the commit.`);
  if (
    !outbox.events.some(
      (e) => e.topic === topic && e.id === id && JSON.stringify(e.payload) === JSON.stringify(payload),
    )
  ) {
    outbox.events.push({ topic, id, payload });
  }
}

/** Most commission ids one `commissionEvents` event names (its `commissions` list is priced by it). */
export const MAX_EVENT_COMMISSIONS = 100;

/** A creator's changed commission ids in events of at most MAX_EVENT_COMMISSIONS. */
export function commissionIdChunks(ids: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_EVENT_COMMISSIONS)
    chunks.push(ids.slice(i, i + MAX_EVENT_COMMISSIONS));
  return chunks;
}
