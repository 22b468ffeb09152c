/**
 * Background work on a PostgreSQL job queue (pg-boss), in the application's own database —
 * the embedded PGlite or PostgreSQL, through pg-boss's pluggable SQL executor — so there is
 * nothing else to run and a job is enqueued in the same transaction as the change that needs it.
 *
 * - `webhook-delivery`: one job per attempt at a webhook delivery (webhooks.ts sends it;
 *   the schema's webhooks service records it and queues the next attempt after its backoff).
 * - Scheduled (cron, UTC), each a queue whose jobs pg-boss creates once per period whatever the
 *   number of instances (the cron evaluation takes a database lock, and a job per period is a
 *   singleton), and at most one of which runs at a time (queue policy `stately`):
 *   `checkout-release` every minute (abandoned checkouts, checkout/release.ts),
 *   `webhook-sweep` every minute (deliveries written without a queued attempt),
 *   `affiliate-release` hourly (commissions whose hold passed become PAYABLE),
 *   `trending-snapshot` hourly at minute 0 (TRENDING's snapshot before any request needs it),
 *   `idempotency-purge` hourly (completed idempotency records past their 24 hours).
 *
 * A job that throws is retried with exponential backoff (pg-boss); its state is in the
 * database (`pgboss.job`, `pgboss.archive`, `pgboss.schedule`: see `pnpm jobs`). Instances with
 * JOBS_WORKER off only enqueue. While the database is unreachable, workers log and keep polling.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Database } from "@shoppable/schema";
import { releaseAbandonedCheckouts } from "@shoppable/schema/checkout/release.ts";
import { purgeExpiredIdempotencyRecords } from "@shoppable/schema/checkout/idempotency.ts";
import { releasePayableIn } from "@shoppable/schema/affiliate/ledger.ts";
import { ensureTrendingSnapshot } from "@shoppable/schema/content/trending-snapshot.ts";
import type { ServiceContext } from "@shoppable/schema/context.ts";
import type { Prisma } from "@shoppable/db/client";
import { transaction, type EventBus } from "@shoppable/schema/shared/events.ts";
import { QUEUES, type JobInput, type JobQueue, type QueueName } from "@shoppable/schema/shared/jobs.ts";
import type { PaymentProvider } from "@shoppable/schema/checkout/payment.ts";
import {
  deliveryForJob,
  queueUnqueuedDeliveries,
  recordDeliveryAttempt,
} from "@shoppable/schema/webhooks/service.ts";
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { WebhookSender } from "./webhooks.ts";

/** The scheduled jobs: queue name → cron (UTC) and what a run does. */
export const SCHEDULES = {
  "checkout-release": "* * * * *",
  "webhook-sweep": "* * * * *",
  "affiliate-release": "0 * * * *",
  "trending-snapshot": "0 * * * *",
  "idempotency-purge": "17 * * * *",
} as const;

export type ScheduledJob = keyof typeof SCHEDULES;

/** Where pg-boss keeps its tables. */
export const JOB_SCHEMA = "pgboss";

type Executor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }> };

/** pg-boss's SQL executor over the database's own driver (PostgreSQL's pool, or PGlite). */
function executorOf(db: Database): Executor {
  const driver = db.driver;
  if (driver.kind === "postgres")
    return { executeSql: (text, values) => driver.pool.query(text, values as unknown[]) };
  const { pglite } = driver;
  return {
    async executeSql(text, values) {
      // pg-boss sends its schema changes as several statements without parameters.
      if (values?.length) return { rows: (await pglite.query(text, values)).rows };
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/** pg-boss's executor inside a Prisma transaction: what it inserts commits or rolls back with the transaction. */
function transactionExecutor(tx: Prisma.TransactionClient): Executor {
  return {
    async executeSql(text, values = []) {
      const params = values.map((v) => (v === undefined ? null : v));
      return { rows: await tx.$queryRawUnsafe<any[]>(text, ...params) };
    },
  };
}

export interface JobsOptions {
  db: Database;
  config: Pick<Config, "jobs" | "checkout" | "webhooks">;
  logger: Logger;
  /** Sends webhook deliveries (required when this instance works the queue). */
  webhooks?: WebhookSender;
  /** The provider checkout charges through, for releasing abandoned checkouts; default the built-in test provider. */
  payments?: PaymentProvider;
  /** The clock webhook attempts are recorded at (tests move it); default the real one. */
  now?: () => Date;
  /** How often schedules are evaluated, in seconds (default 30: a period's job starts within 30 s of its time). */
  cronCheckSeconds?: number;
}

export interface Jobs extends JobQueue {
  /** Creates the queue's tables and queues (first start), then, with JOBS_WORKER, starts the workers and schedules. */
  start(events: EventBus): Promise<void>;
  /** Stops taking jobs and waits (up to `timeoutMs`) for the running ones. */
  stop(timeoutMs?: number): Promise<void>;
  /** Runs a scheduled job now (one more job of its queue) and resolves when this instance finished it. */
  runNow(name: ScheduledJob): Promise<unknown>;
  /** Wakes this instance's worker of `queue` (default webhook-delivery): it looks for jobs now, not at its next poll. */
  wake(queue?: string): void;
  /** null while the queue works; else what is wrong (for /ready). */
  problem(): string | null;
  /** "done" (queue, job id, result) and "failed" (queue, job id, error) for every job this instance ran. */
  readonly events: EventEmitter;
}

const SCHEDULED_QUEUE = {
  policy: "stately",
  retryLimit: 3,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 600,
} as const;

export function createJobs(options: JobsOptions): Jobs {
  const { db, config, logger } = options;
  const boss = new PgBoss({
    db: executorOf(db),
    schema: JOB_SCHEMA,
    // Instances that do not work the queue only enqueue: no maintenance, no cron evaluation.
    supervise: config.jobs.worker,
    schedule: config.jobs.worker,
    migrate: true,
    ...(options.cronCheckSeconds
      ? {
          cronMonitorIntervalSeconds: options.cronCheckSeconds,
          cronWorkerIntervalSeconds: options.cronCheckSeconds,
        }
      : {}),
  });
  const events = new EventEmitter();
  let lastError: { message: string; at: number } | null = null;
  let started = false;
  /** Worker id by queue, of this instance's workers. */
  const workers = new Map<string, string>();
  boss.on("error", (error: Error & { queue?: string }) => {
    lastError = { message: error.message, at: Date.now() };
    logger.warn({ queue: error.queue, err: error.message }, "job queue error");
  });

  const handlers: Record<ScheduledJob, (ctx: ServiceContext) => Promise<unknown>> = {
    "checkout-release": (ctx) =>
      releaseAbandonedCheckouts(ctx, { releaseAfterMs: config.checkout.releaseAfterMs }),
    "webhook-sweep": (ctx) => queueUnqueuedDeliveries(ctx.db, jobs),
    "affiliate-release": (ctx) =>
      transaction(ctx, (tx) => releasePayableIn(tx, new Date())).then((released) => released.length),
    "trending-snapshot": (ctx) => ensureTrendingSnapshot(ctx.db, new Date()),
    "idempotency-purge": (ctx) => purgeExpiredIdempotencyRecords(ctx.db),
  };

  /** Runs `work` for the jobs `ids` (one run serves them all) and reports each. */
  async function run<T>(queue: string, ids: string[], work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      for (const id of ids) events.emit("done", queue, id, result);
      return result;
    } catch (error) {
      logger.warn(
        { queue, jobs: ids, err: (error as Error).message },
        "job failed; it is retried with backoff",
      );
      for (const id of ids) events.emit("failed", queue, id, error);
      throw error;
    }
  }

  const jobs: Jobs = {
    events,
    async enqueueIn(tx, queue: QueueName, input: JobInput[]) {
      if (input.length === 0) return;
      await boss.insert(
        input.map((j) => ({
          name: queue,
          data: j.data,
          ...(j.id ? { id: j.id } : {}),
          ...(j.startAfter ? { startAfter: j.startAfter.toISOString() } : {}),
        })),
        { db: transactionExecutor(tx) },
      );
    },

    async start(bus) {
      await boss.start();
      const ctx: ServiceContext = {
        db: db.prisma,
        events: bus,
        jobs,
        ...(options.payments ? { payments: options.payments } : {}),
      };
      const timeoutSeconds = Math.ceil(config.webhooks.timeoutMs / 1000);
      await boss.createQueue(QUEUES.webhookDelivery, {
        name: QUEUES.webhookDelivery,
        retryLimit: 5,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: timeoutSeconds + 60,
      });
      for (const name of Object.keys(SCHEDULES) as ScheduledJob[])
        await boss.createQueue(name, { name, ...SCHEDULED_QUEUE });
      started = true;
      if (!config.jobs.worker) return;
      const polling = { pollingIntervalSeconds: config.jobs.pollIntervalMs / 1000 };
      for (const [name, cron] of Object.entries(SCHEDULES) as [ScheduledJob, string][]) {
        await boss.schedule(name, cron, {}, { tz: "UTC" });
        // Jobs waiting together (the period's and any `runNow`) are served by one run.
        workers.set(
          name,
          await boss.work(name, { ...polling, batchSize: 10 }, (batch) =>
            run(
              name,
              batch.map((j) => j.id),
              () => handlers[name](ctx),
            ),
          ),
        );
      }
      if (config.webhooks.dispatch) {
        const sender = options.webhooks;
        if (!sender)
          throw new Error("createJobs: a WebhookSender is needed to work the webhook-delivery queue.");
        const worker = await boss.work(QUEUES.webhookDelivery, { ...polling, batchSize: 20 }, (batch) =>
          Promise.all(
            batch.map((job) =>
              run(QUEUES.webhookDelivery, [job.id], async () => {
                const delivery = await deliveryForJob(db.prisma, job.id);
                if (!delivery) return "stale";
                const outcome = await sender.send(delivery);
                const status = await recordDeliveryAttempt(
                  db.prisma,
                  jobs,
                  job.id,
                  delivery,
                  outcome,
                  options.now?.() ?? new Date(),
                );
                logger.info(
                  {
                    delivery: delivery.id,
                    event: delivery.eventId,
                    ok: outcome.ok,
                    status: outcome.statusCode,
                    next: status,
                  },
                  "webhook attempt",
                );
                return status;
              }),
            ),
          ),
        );
        workers.set(QUEUES.webhookDelivery, worker);
      }
    },

    async stop(timeoutMs = 10_000) {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: timeoutMs, close: false });
    },

    async runNow(name) {
      // Its own singleton key: the queue's one-waiting-job rule is for the schedule's jobs.
      const id = await boss.send(name, {}, { singletonKey: `now-${randomUUID()}` });
      if (!id) throw new Error(`${name}: the job was not queued`);
      const finished = new Promise((resolve, reject) => {
        const done = (queue: string, jobId: string, result: unknown) => {
          if (jobId !== id) return;
          off();
          resolve(result);
        };
        const failed = (queue: string, jobId: string, error: unknown) => {
          if (jobId !== id) return;
          off();
          reject(error);
        };
        const off = () => {
          events.off("done", done);
          events.off("failed", failed);
        };
        events.on("done", done);
        events.on("failed", failed);
      });
      jobs.wake(name);
      return finished;
    },

    wake(queue = QUEUES.webhookDelivery) {
      const worker = workers.get(queue);
      if (worker) boss.notifyWorker(worker);
    },

    problem() {
      if (!started) return "job queue not started";
      // An error in the last minute (a failed poll, maintenance or cron evaluation).
      if (lastError && Date.now() - lastError.at < 60_000)
        return `job queue: ${lastError.message}`.slice(0, 200);
      return null;
    },
  };
  return jobs;
}
