/**
 * Webhooks for integrators: endpoints, the outbox and delivery bookkeeping.
 *
 * Events are written to the outbox (WebhookEvent, one WebhookDelivery per subscribed endpoint)
 * by `emitWebhookEvents` inside the transaction of the change they report, so an event exists
 * exactly when its change committed, and writing it never waits on the network. Each attempt
 * at a delivery is a job of the `webhook-delivery` queue (shared/jobs.ts), enqueued in the same
 * transaction (inside `transaction(ctx)` with a job queue; deliveries written elsewhere are
 * queued by `queueUnqueuedDeliveries`, a scheduled sweep). The job's worker (packages/api)
 * sends the delivery signed and records the attempt (`recordDeliveryAttempt`): a 2xx answer
 * ends it; anything else queues the next attempt after a backoff (1 min, 5 min, 30 min, 2 h,
 * 6 h, then every 12 h) until 3 days after the event, when the delivery is FAILED. Receivers
 * deduplicate by the event id.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Context } from "../context.ts";
import type { Prisma, PrismaClient } from "@shoppable/db/client";
import type { WebhookTopic } from "@shoppable/db/enums";
import { canManageShop, isPlatform } from "../shared/access.ts";
import { formatMinorUnits } from "../money.ts";
import { forbidden } from "../shared/errors.ts";
import { jobQueueInTransaction } from "../shared/events.ts";
import { QUEUES, type JobQueue } from "../shared/jobs.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { userError, type UserErrorShape } from "../shared/user-error.ts";
import { endpointUrlProblem, STRICT_TARGET_POLICY } from "./target.ts";

type Tx = Prisma.TransactionClient;

export const MAX_ENDPOINTS = 20;
/** How long a delivery is retried, from the event. */
export const RETRY_WINDOW_MS = 3 * 24 * 3_600_000;
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000];

/** The wait before the next attempt, after `attempts` failed ones (1, 2, …). */
export function retryDelayMs(attempts: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1]!;
}

/** The event type receivers see: ORDER_PAID → "order.paid". */
export function eventType(topic: WebhookTopic): string {
  const [noun, ...rest] = topic.toLowerCase().split("_");
  return `${noun}.${rest.join("_")}`;
}

export interface WebhookEventInput {
  /** The shop the event is about: its endpoints and the platform's receive it (null: the platform's only). */
  shopId: string | null;
  data: Record<string, unknown>;
}

/**
 * Writes events of one topic to the outbox in the caller's transaction, with a delivery for
 * every enabled endpoint subscribed to the topic (the shop's and the platform's), and queues
 * each delivery's first attempt when the transaction has a job queue. One statement (plus
 * the queue's insert); an event no endpoint wants is not written at all.
 */
export async function emitWebhookEvents(
  tx: Tx,
  topic: WebhookTopic,
  events: WebhookEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  const jobs = jobQueueInTransaction();
  const rows = JSON.stringify(events.map((e) => ({ shopId: e.shopId, payload: e.data })));
  const deliveries = await tx.$queryRaw<{ jobId: string | null }[]>`
    WITH src AS (
      SELECT gen_random_uuid() AS id, x."shopId", x.payload
      FROM jsonb_to_recordset(${rows}::jsonb) AS x("shopId" uuid, payload jsonb)
    ), targets AS (
      SELECT src.id AS event_id, e.id AS endpoint_id
      FROM src JOIN "WebhookEndpoint" e
        ON e."disabledAt" IS NULL AND ${topic}::"WebhookTopic" = ANY(e."topics") AND (e."shopId" IS NULL OR e."shopId" = src."shopId")
    ), ev AS (
      INSERT INTO "WebhookEvent" ("id", "shopId", "topic", "payload")
      SELECT src.id, src."shopId", ${topic}::"WebhookTopic", src.payload FROM src WHERE src.id IN (SELECT event_id FROM targets)
      RETURNING "id"
    )
    INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "jobId")
    SELECT gen_random_uuid(), t.event_id, t.endpoint_id, CASE WHEN ${jobs !== undefined} THEN gen_random_uuid() END
    FROM targets t JOIN ev ON ev."id" = t.event_id
    RETURNING "jobId"::text AS "jobId"`;
  if (jobs)
    await queueAttempts(
      tx,
      jobs,
      deliveries.map((d) => ({ jobId: d.jobId!, startAfter: undefined })),
    );
}

/** Queues one attempt job per delivery (the job id is the delivery's `jobId`, so only that job may attempt it). */
async function queueAttempts(
  tx: Tx,
  jobs: JobQueue,
  attempts: { jobId: string; startAfter: Date | undefined }[],
): Promise<void> {
  if (attempts.length === 0) return;
  await jobs.enqueueIn(
    tx,
    QUEUES.webhookDelivery,
    attempts.map((a) => ({ id: a.jobId, data: {}, ...(a.startAfter ? { startAfter: a.startAfter } : {}) })),
  );
}

/**
 * Queues the next attempt of every PENDING delivery that has no job (written outside a
 * transaction with a job queue, such as by a script). Returns how many. For a scheduled sweep.
 */
export async function queueUnqueuedDeliveries(
  db: PrismaClient,
  jobs: JobQueue,
  limit = 500,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const queued = await tx.$queryRaw<{ jobId: string; nextAttemptAt: Date }[]>`
      UPDATE "WebhookDelivery" d SET "jobId" = gen_random_uuid()
      WHERE d."id" IN (
        SELECT "id" FROM "WebhookDelivery" WHERE "status" = 'PENDING' AND "jobId" IS NULL ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      RETURNING d."jobId"::text AS "jobId", d."nextAttemptAt"`;
    await queueAttempts(
      tx,
      jobs,
      queued.map((q) => ({ jobId: q.jobId, startAfter: q.nextAttemptAt })),
    );
    return queued.length;
  });
}

export interface StockMove {
  variantId: string;
  productId: string;
  shopId: string;
  before: number;
  after: number;
  threshold: number;
}

/** INVENTORY_LOW for the moves that took a variant from at least its shop's threshold to below it. */
export async function emitLowStock(tx: Tx, moves: StockMove[]): Promise<void> {
  const crossed = moves.filter((m) => m.before >= m.threshold && m.after < m.threshold);
  await emitWebhookEvents(
    tx,
    "INVENTORY_LOW",
    crossed.map((m) => ({
      shopId: m.shopId,
      data: {
        variantId: gid("ProductVariant", m.variantId),
        productId: gid("Product", m.productId),
        shopId: gid("Shop", m.shopId),
        inventoryQuantity: m.after,
        threshold: m.threshold,
      },
    })),
  );
}

// ───────────── endpoints ─────────────

/** Who may manage endpoints of `shopId` (or, null, the platform's): FORBIDDEN is thrown otherwise. */
async function assertManages(ctx: Context, shopId: string | null): Promise<void> {
  if (shopId === null) {
    if (!isPlatform(ctx))
      throw forbidden(
        "Only the platform (a secret key without a user, or an ADMIN) manages platform webhook endpoints.",
      );
    return;
  }
  if (!(await canManageShop(ctx, shopId)))
    throw forbidden("You may not manage this shop's webhook endpoints.");
}

export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export interface EndpointCreateInput {
  shopId: string | null;
  url: string;
  topics: WebhookTopic[];
  description: string;
}

/** The userError for an endpoint URL the context's target policy refuses (see target.ts), or null. */
async function urlError(ctx: Context, url: string): Promise<UserErrorShape | null> {
  const problem = await endpointUrlProblem(url, ctx.webhookTargets ?? STRICT_TARGET_POLICY);
  return problem && userError(problem.code, problem.message, ["url"]);
}

/**
 * Registers an endpoint with a fresh signing secret. Its URL must pass the target policy
 * (URL_NOT_HTTP, PRIVATE_TARGET, HOST_NOT_FOUND); deliveries vet the address again.
 */
export async function createEndpoint(ctx: Context, input: EndpointCreateInput): Promise<PayloadShape> {
  if (input.shopId !== null) {
    const shop = await ctx.db.shop.findUnique({ where: { id: input.shopId }, select: { id: true } });
    if (!shop) return failed([userError("NOT_FOUND", "No shop has this id.", ["shopId"])]);
  }
  await assertManages(ctx, input.shopId);
  const badUrl = await urlError(ctx, input.url);
  if (badUrl) return failed([badUrl]);
  return ctx.db.$transaction(async (tx) => {
    // Serialise creations per owner so the cap holds under concurrency.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhooks:${input.shopId ?? "platform"}`}))`;
    const count = await tx.webhookEndpoint.count({ where: { shopId: input.shopId } });
    if (count >= MAX_ENDPOINTS)
      return failed([
        userError("TOO_MANY_ENDPOINTS", `At most ${MAX_ENDPOINTS} endpoints per shop.`, ["shopId"]),
      ]);
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        shopId: input.shopId,
        url: input.url,
        topics: input.topics,
        description: input.description,
        secret: newSigningSecret(),
      },
      select: { id: true },
    });
    return succeeded(endpoint.id);
  });
}

export interface EndpointUpdateInput {
  id: string;
  url?: string;
  topics?: WebhookTopic[];
  description?: string;
  enabled?: boolean;
  rotateSecret?: boolean;
}

async function endpointOf(ctx: Context, id: string) {
  const endpoint = await ctx.db.webhookEndpoint.findUnique({
    where: { id },
    select: { id: true, shopId: true, disabledAt: true },
  });
  if (endpoint) await assertManages(ctx, endpoint.shopId);
  return endpoint;
}

/** Changes an endpoint (a new URL is vetted as at creation); disabling it fails its pending deliveries at once. */
export async function updateEndpoint(ctx: Context, input: EndpointUpdateInput): Promise<PayloadShape> {
  const endpoint = await endpointOf(ctx, input.id);
  if (!endpoint) return failed([userError("NOT_FOUND", "No webhook endpoint has this id.", ["id"])]);
  const badUrl = input.url === undefined ? null : await urlError(ctx, input.url);
  if (badUrl) return failed([badUrl]);
  await ctx.db.$transaction(async (tx) => {
    const disabling = input.enabled === false && endpoint.disabledAt === null;
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.topics !== undefined ? { topics: input.topics } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.enabled === true ? { disabledAt: null } : disabling ? { disabledAt: new Date() } : {}),
        ...(input.rotateSecret ? { secret: newSigningSecret() } : {}),
      },
      select: { id: true },
    });
    if (disabling) {
      await tx.webhookDelivery.updateMany({
        where: { endpointId: endpoint.id, status: "PENDING" },
        data: { status: "FAILED", lastError: "The endpoint was disabled." },
      });
    }
  });
  return succeeded(endpoint.id);
}

/** Deletes an endpoint and its delivery log. */
export async function deleteEndpoint(ctx: Context, id: string): Promise<PayloadShape> {
  const endpoint = await endpointOf(ctx, id);
  if (!endpoint) return failed([userError("NOT_FOUND", "No webhook endpoint has this id.", ["id"])]);
  await ctx.db.webhookEndpoint.deleteMany({ where: { id: endpoint.id } });
  return succeeded(endpoint.id);
}

// ───────────── dispatch ─────────────

export interface DueDelivery {
  id: string;
  attempts: number;
  createdAt: Date;
  url: string;
  secret: string;
  eventId: string;
  topic: WebhookTopic;
  payload: unknown;
  eventCreatedAt: Date;
}

/**
 * The delivery the attempt job `jobId` is for, when it is still PENDING and that job is still
 * its current one (a stale or duplicate job finds nothing and does nothing).
 */
export async function deliveryForJob(db: PrismaClient, jobId: string): Promise<DueDelivery | null> {
  const rows = await db.$queryRaw<DueDelivery[]>`
    SELECT d."id"::text AS "id", d."attempts", d."createdAt", e."url", e."secret", ev."id"::text AS "eventId",
      ev."topic"::text AS "topic", ev."payload", ev."createdAt" AS "eventCreatedAt"
    FROM "WebhookDelivery" d
    JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
    JOIN "WebhookEvent" ev ON ev."id" = d."eventId"
    WHERE d."jobId" = ${jobId}::uuid AND d."status" = 'PENDING'`;
  return rows[0] ?? null;
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * Records one attempt made by job `jobId`: SUCCEEDED on a 2xx; else, in the same transaction,
 * the next attempt's job after the backoff, or FAILED past the 3-day window. Returns the new status.
 */
export async function recordDeliveryAttempt(
  db: PrismaClient,
  jobs: JobQueue,
  jobId: string,
  delivery: Pick<DueDelivery, "id" | "attempts" | "eventCreatedAt">,
  outcome: AttemptOutcome,
  now = new Date(),
): Promise<"SUCCEEDED" | "PENDING" | "FAILED"> {
  const attempts = delivery.attempts + 1;
  const common = {
    attempts,
    lastAttemptAt: now,
    lastStatusCode: outcome.statusCode,
    lastError: outcome.error?.slice(0, 500) ?? null,
  };
  const current = { id: delivery.id, status: "PENDING" as const, jobId };
  if (outcome.ok) {
    await db.webhookDelivery.updateMany({
      where: current,
      data: { ...common, status: "SUCCEEDED", deliveredAt: now },
    });
    return "SUCCEEDED";
  }
  const next = new Date(now.getTime() + retryDelayMs(attempts));
  if (next.getTime() > delivery.eventCreatedAt.getTime() + RETRY_WINDOW_MS) {
    await db.webhookDelivery.updateMany({ where: current, data: { ...common, status: "FAILED" } });
    return "FAILED";
  }
  const nextJobId = randomUUID();
  await db.$transaction(async (tx) => {
    const moved = await tx.webhookDelivery.updateMany({
      where: current,
      data: { ...common, nextAttemptAt: next, jobId: nextJobId },
    });
    if (moved.count === 1) await queueAttempts(tx, jobs, [{ jobId: nextJobId, startAfter: next }]);
  });
  return "PENDING";
}

// ───────────── payloads ─────────────

/** What an order webhook's payload is made of (`emitOrderEventsFor` takes orders read with it). */
export const ORDER_WEBHOOK_SELECT = {
  id: true,
  number: true,
  shopId: true,
  status: true,
  email: true,
  currencyCode: true,
  subtotal: true,
  discountTotal: true,
  total: true,
  refundedTotal: true,
  paidAt: true,
  lines: {
    select: {
      id: true,
      productId: true,
      variantId: true,
      productTitle: true,
      variantTitle: true,
      sku: true,
      unitPrice: true,
      quantity: true,
      refundedQuantity: true,
      fulfilledQuantity: true,
      total: true,
    },
    orderBy: { id: "asc" },
  },
} as const;

const gid = (type: string, id: string | null) => (id === null ? null : encodeGlobalID(type, id));

type OrderTopic = "ORDER_PAID" | "ORDER_REFUNDED" | "ORDER_FULFILLED" | "RETURN_REQUESTED";
type WebhookOrder = Prisma.OrderGetPayload<{ select: typeof ORDER_WEBHOOK_SELECT }>;

/** ORDER_PAID, ORDER_REFUNDED or ORDER_FULFILLED for these orders, as they are now in the transaction. */
export async function emitOrderEvents(
  tx: Tx,
  topic: OrderTopic,
  orderIds: string[],
  extra: Record<string, unknown> = {},
): Promise<void> {
  const orders = await tx.order.findMany({
    where: { id: { in: orderIds } },
    select: ORDER_WEBHOOK_SELECT,
    orderBy: { id: "asc" },
  });
  await emitOrderEventsFor(tx, topic, orders, extra);
}

/**
 * `emitOrderEvents` for orders the caller has just read in the transaction (at least
 * `ORDER_WEBHOOK_SELECT`, lines in id order; other fields stay out of the payload), in id order.
 */
export async function emitOrderEventsFor(
  tx: Tx,
  topic: OrderTopic,
  orders: WebhookOrder[],
  extra: Record<string, unknown> = {},
): Promise<void> {
  const amount = (minor: number, currencyCode: string) => ({
    amount: formatMinorUnits(minor, currencyCode),
    currencyCode,
  });
  await emitWebhookEvents(
    tx,
    topic,
    orders.map((o) => ({
      shopId: o.shopId,
      data: {
        ...extra,
        order: {
          id: gid("Order", o.id),
          number: o.number,
          shopId: gid("Shop", o.shopId),
          status: o.status,
          email: o.email,
          subtotal: amount(o.subtotal, o.currencyCode),
          discountTotal: amount(o.discountTotal, o.currencyCode),
          total: amount(o.total, o.currencyCode),
          refundedTotal: amount(o.refundedTotal, o.currencyCode),
          paidAt: o.paidAt?.toISOString() ?? null,
          lines: o.lines.map((l) => ({
            id: gid("OrderLine", l.id),
            productId: gid("Product", l.productId),
            variantId: gid("ProductVariant", l.variantId),
            productTitle: l.productTitle,
            variantTitle: l.variantTitle,
            sku: l.sku,
            quantity: l.quantity,
            refundedQuantity: l.refundedQuantity,
            fulfilledQuantity: l.fulfilledQuantity,
            unitPrice: amount(l.unitPrice, o.currencyCode),
            total: amount(l.total, o.currencyCode),
          })),
        },
      },
    })),
  );
}
