/**
 * Background jobs as the domains see them: the queues they enqueue to, and the queue the
 * transport provides on the context (`ctx.jobs`, a PostgreSQL job queue in packages/api).
 *
 * Jobs are enqueued inside the transaction of the change that needs them (`enqueueIn`), so a
 * job exists exactly when its change committed. A service that runs inside
 * `transaction(ctx, fn)` (shared/events.ts) finds the queue with `jobQueueInTransaction()`.
 */
import type { Prisma } from "@shoppable/db/client";

/** The queues, by name. */
export const QUEUES = {
  /** One attempt at one webhook delivery (data: { deliveryId }). */
  webhookDelivery: "webhook-delivery",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobInput {
  /** The job's id (a UUID); default a new one. */
  id?: string;
  data: Record<string, unknown>;
  /** Not before this instant; default at once. */
  startAfter?: Date;
}

export interface JobQueue {
  /** Enqueues `jobs` in the caller's transaction: they exist exactly when it commits. */
  enqueueIn(tx: Prisma.TransactionClient, queue: QueueName, jobs: JobInput[]): Promise<void>;
}
