/**
 * The commission ledger: the only module that writes Commission and Payout rows, so that every
 * change of a commission's state is here (publishing `commissionEvents` after commit is one
 * line in each function below).
 *
 * Entries: one per attributed order line when the order is paid (PENDING, `refundId` null),
 * and one negative entry per refund of such a line. A creator's balance by status is the sum
 * of their entries by status, so `pending + payable + paid = Σ entries` always holds; PAID
 * entries always sum to the creator's payouts.
 *
 *   paid order ──recordOrderCommissions──▶ PENDING (payableAt unset)
 *   order fulfilled ──scheduleCommissions──▶ payableAt = fulfilledAt + program.holdDays
 *   payableAt passed ──releasePayableCommissions──▶ PAYABLE
 *   affiliatePayout ──payCreator──▶ PAID (with the payout)
 *   refund ──reverseRefundCommissions──▶ negative entry: PENDING (same payableAt) while the
 *     earned entry is PENDING; PAYABLE when it is PAYABLE or already PAID (carried into the
 *     next payout).
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma, PrismaClient } from "@shoppable/db/client";
import { formatMinorUnits } from "../money.ts";
import {
  commissionIdChunks,
  inTransactionOutbox,
  queueEvent,
  type CommissionEventKind,
} from "../shared/events.ts";
import { emitWebhookEvents } from "../webhooks/service.ts";
import { commissionAmount, effectiveRate, winningTouch, type Touch } from "./rules.ts";

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

/**
 * `commissionEvents` for the entries that changed, one event per creator, queued in the
 * caller's `transaction()` (published after commit). Outside one (the release job, a script)
 * the caller publishes what the function returns.
 */
function notify(kind: CommissionEventKind, entries: { id: string; creatorId: string }[]): void {
  if (entries.length === 0 || !inTransactionOutbox()) return;
  const byCreator = new Map<string, string[]>();
  for (const e of entries) byCreator.set(e.creatorId, [...(byCreator.get(e.creatorId) ?? []), e.id]);
  for (const [creatorId, ids] of byCreator)
    for (const commissionIds of commissionIdChunks(ids))
      queueEvent("commissionEvents", creatorId, { kind, commissionIds });
}

/** What `recordOrderCommissions` reads of an order line. */
export const ATTRIBUTED_LINE_SELECT = {
  id: true,
  orderId: true,
  productId: true,
  total: true,
  affiliateLinkId: true,
  affiliateClickId: true,
  order: { select: { shopId: true, buyerId: true, currencyCode: true, createdAt: true } },
} as const;

export type AttributedOrderLine = Prisma.OrderLineGetPayload<{ select: typeof ATTRIBUTED_LINE_SELECT }>;

/**
 * Writes the commissions of orders just paid at `paidAt`, in the transaction that marks them
 * PAID. A line is attributed from its affiliate code (a touch at checkout) and its affiliate
 * click (a touch at the click, plus every other click of the same visitor on links of the
 * order's shop); the shop's program then picks the winning link: touches at most its window
 * old, the latest (LAST_CLICK) or the earliest (FIRST_CLICK). No program, no touch in the
 * window or a disabled link: no commission. A buyer buying through their own link earns an
 * entry of 0 flagged `selfReferral`. Five statements at most, whatever the order size; four
 * when the caller already read the orders' lines (`preloaded`: any lines of the orders, those
 * of other orders and those without attribution are skipped).
 */
export async function recordOrderCommissions(
  tx: Tx,
  orderIds: string[],
  paidAt: Date,
  preloaded?: AttributedOrderLine[],
): Promise<number> {
  const lines = (
    preloaded ??
    (await tx.orderLine.findMany({
      where: {
        orderId: { in: orderIds },
        OR: [{ affiliateLinkId: { not: null } }, { affiliateClickId: { not: null } }],
      },
      select: ATTRIBUTED_LINE_SELECT,
    }))
  ).filter(
    (l) => orderIds.includes(l.orderId) && (l.affiliateLinkId !== null || l.affiliateClickId !== null),
  );
  if (lines.length === 0) return 0;
  const shopIds = [...new Set(lines.map((l) => l.order.shopId))];
  const productIds = [...new Set(lines.map((l) => l.productId).filter((id): id is string => id !== null))];
  const programs = new Map(
    (
      await tx.affiliateProgram.findMany({
        where: { shopId: { in: shopIds } },
        select: {
          shopId: true,
          defaultRate: true,
          attributionWindowSec: true,
          model: true,
          productRates: { where: { productId: { in: productIds } }, select: { productId: true, rate: true } },
        },
      })
    ).map((p) => [p.shopId, p]),
  );
  if (programs.size === 0) return 0;
  const clickIds = [
    ...new Set(lines.map((l) => l.affiliateClickId).filter((id): id is string => id !== null)),
  ];
  const passed = clickIds.length
    ? await tx.affiliateClick.findMany({
        where: { id: { in: clickIds } },
        select: { id: true, linkId: true, visitorId: true, createdAt: true },
      })
    : [];
  const maxWindowMs = Math.max(...[...programs.values()].map((p) => p.attributionWindowSec)) * 1000;
  const visitorIds = [...new Set(passed.map((c) => c.visitorId))];
  const visitorClicks = visitorIds.length
    ? await tx.affiliateClick.findMany({
        where: {
          visitorId: { in: visitorIds },
          createdAt: { gte: new Date(paidAt.getTime() - maxWindowMs), lte: paidAt },
          link: { shopId: { in: shopIds } },
        },
        select: { id: true, linkId: true, visitorId: true, createdAt: true },
        orderBy: { createdAt: "asc" },
        take: 10_000,
      })
    : [];
  const linkIds = [
    ...new Set(
      [
        ...lines.map((l) => l.affiliateLinkId),
        ...passed.map((c) => c.linkId),
        ...visitorClicks.map((c) => c.linkId),
      ].filter((id): id is string => id !== null),
    ),
  ];
  const links = new Map(
    (
      await tx.affiliateLink.findMany({
        where: { id: { in: linkIds } },
        select: {
          id: true,
          creatorId: true,
          shopId: true,
          rate: true,
          rateLockedUntil: true,
          productId: true,
          disabledAt: true,
        },
      })
    ).map((l) => [l.id, l]),
  );

  const entries: Prisma.CommissionCreateManyInput[] = [];
  for (const line of lines) {
    const program = programs.get(line.order.shopId);
    if (!program) continue;
    const touches: Touch[] = [];
    const click = line.affiliateClickId ? passed.find((c) => c.id === line.affiliateClickId) : undefined;
    if (click) {
      touches.push({ linkId: click.linkId, at: click.createdAt, key: click.id });
      for (const other of visitorClicks) {
        if (other.visitorId === click.visitorId && other.id !== click.id)
          touches.push({ linkId: other.linkId, at: other.createdAt, key: other.id });
      }
    }
    // An affiliate code on the line is a touch at checkout (unless it only repeats the click's link).
    if (line.affiliateLinkId && line.affiliateLinkId !== click?.linkId)
      touches.push({ linkId: line.affiliateLinkId, at: line.order.createdAt, key: line.affiliateLinkId });
    const usable = touches.filter((t) => {
      const link = links.get(t.linkId);
      return (
        link && link.shopId === line.order.shopId && (link.disabledAt === null || link.disabledAt > paidAt)
      );
    });
    const winner = winningTouch(usable, program.model, program.attributionWindowSec, paidAt);
    if (!winner) continue;
    const link = links.get(winner.linkId)!;
    const productRate = program.productRates.find((r) => r.productId === line.productId);
    const rate = effectiveRate({
      currentRate: productRate?.rate ?? program.defaultRate,
      productSpecific: productRate !== undefined,
      link,
      productId: line.productId,
      at: paidAt,
    });
    const selfReferral = line.order.buyerId !== null && line.order.buyerId === link.creatorId;
    entries.push({
      creatorId: link.creatorId,
      shopId: line.order.shopId,
      linkId: link.id,
      orderId: line.orderId,
      orderLineId: line.id,
      currencyCode: line.order.currencyCode,
      revenue: line.total,
      rate,
      amount: selfReferral ? 0 : commissionAmount(line.total, rate),
      selfReferral,
      status: "PENDING",
      createdAt: paidAt,
    });
  }
  if (entries.length)
    notify(
      "EARNED",
      await tx.commission.createManyAndReturn({ data: entries, select: { id: true, creatorId: true } }),
    );
  return entries.length;
}

/**
 * Starts the hold of an order's commissions when it is fulfilled: `payableAt` = `fulfilledAt`
 * + the program's `holdDays` (default 15) for its PENDING entries without one.
 */
export async function scheduleCommissions(tx: Db, orderId: string, fulfilledAt: Date): Promise<void> {
  const entry = await tx.commission.findFirst({
    where: { orderId },
    select: { shop: { select: { affiliateProgram: { select: { holdDays: true } } } } },
  });
  if (!entry) return;
  const holdDays = entry.shop.affiliateProgram?.holdDays ?? 15;
  const scheduled = await tx.commission.updateManyAndReturn({
    where: { orderId, status: "PENDING", payableAt: null },
    data: { payableAt: new Date(fulfilledAt.getTime() + holdDays * 86_400_000) },
    select: { id: true, creatorId: true },
  });
  notify("HOLD_STARTED", scheduled);
}

interface RefundLineRecord {
  orderLineId: string;
  quantity: number;
}

/**
 * Reverses, proportionally, the commissions of the lines a SUCCEEDED refund gave back, in the
 * transaction that marks it SUCCEEDED. For each line the reversals add up to
 * −floor(earned × units refunded so far / units), so a line refunded whole, in any steps, nets
 * to exactly 0. The earned entries are locked first: refunds of one order reverse one after
 * the other. Idempotent (one entry per line and refund).
 */
export async function reverseRefundCommissions(tx: Tx, refundId: string, now = new Date()): Promise<void> {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: { orderId: true, lines: true },
  });
  const lineIds = (refund.lines as unknown as RefundLineRecord[]).map((r) => r.orderLineId);
  const earnedIds = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Commission" WHERE "orderId" = ${refund.orderId}::uuid AND "refundId" IS NULL ORDER BY "id" FOR UPDATE`;
  if (earnedIds.length === 0) return;
  const entries = await tx.commission.findMany({
    where: { orderLineId: { in: lineIds } },
    select: {
      id: true,
      creatorId: true,
      shopId: true,
      linkId: true,
      orderId: true,
      orderLineId: true,
      refundId: true,
      currencyCode: true,
      amount: true,
      revenue: true,
      rate: true,
      status: true,
      selfReferral: true,
      payableAt: true,
      orderLine: { select: { quantity: true, total: true } },
    },
  });
  const succeeded = await tx.refund.findMany({
    where: { orderId: refund.orderId, status: "SUCCEEDED" },
    select: { id: true, lines: true },
  });
  const refundedUnits = new Map<string, number>();
  for (const r of succeeded) {
    for (const rec of r.lines as unknown as RefundLineRecord[])
      refundedUnits.set(rec.orderLineId, (refundedUnits.get(rec.orderLineId) ?? 0) + rec.quantity);
  }
  const data: Prisma.CommissionCreateManyInput[] = [];
  for (const earned of entries.filter((e) => e.refundId === null)) {
    const lineEntries = entries.filter((e) => e.orderLineId === earned.orderLineId);
    if (lineEntries.some((e) => e.refundId === refundId)) continue;
    const { quantity, total } = earned.orderLine;
    const units = Math.min(quantity, refundedUnits.get(earned.orderLineId) ?? 0);
    const reversedSoFar = lineEntries.filter((e) => e.refundId !== null).reduce((s, e) => s + e.amount, 0);
    const amount = -Math.floor((earned.amount * units) / quantity) - reversedSoFar;
    const revenueSoFar = lineEntries.filter((e) => e.refundId !== null).reduce((s, e) => s + e.revenue, 0);
    const revenue = -Math.floor((total * units) / quantity) - revenueSoFar;
    const pending = earned.status === "PENDING";
    data.push({
      creatorId: earned.creatorId,
      shopId: earned.shopId,
      linkId: earned.linkId,
      orderId: earned.orderId,
      orderLineId: earned.orderLineId,
      refundId,
      currencyCode: earned.currencyCode,
      revenue,
      rate: earned.rate,
      amount,
      selfReferral: earned.selfReferral,
      status: pending ? "PENDING" : "PAYABLE",
      payableAt: pending ? earned.payableAt : now,
      createdAt: now,
    });
  }
  if (data.length)
    notify(
      "REVERSED",
      await tx.commission.createManyAndReturn({ data, select: { id: true, creatorId: true } }),
    );
}

/** An entry made PAYABLE by `releasePayableCommissions`. */
export interface ReleasedCommission {
  id: string;
  creatorId: string;
  shopId: string;
  orderId: string;
  amount: number;
  currencyCode: string;
  refundId: string | null;
}

/**
 * PENDING → PAYABLE for every entry whose hold has passed (`payableAt` ≤ `now`), optionally
 * for one creator only, with a COMMISSION_PAYABLE webhook per earned entry in the same
 * transaction. One UPDATE; safe to run concurrently and repeatedly. Run hourly by the API's job
 * queue (`affiliate-release`), by `pnpm affiliate:release`, and lazily for a creator before
 * their earnings are read or paid. Returns the released entries (inside a
 * `transaction()` their commissionEvents are queued; otherwise the caller publishes them).
 */
export function releasePayableCommissions(
  db: PrismaClient,
  now = new Date(),
  creatorId?: string,
): Promise<ReleasedCommission[]> {
  return db.$transaction((tx) => releasePayableIn(tx, now, creatorId));
}

/** `releasePayableCommissions` in the caller's transaction. */
export async function releasePayableIn(
  tx: Tx,
  now = new Date(),
  creatorId?: string,
): Promise<ReleasedCommission[]> {
  const released = await tx.commission.updateManyAndReturn({
    where: { status: "PENDING", payableAt: { lte: now }, ...(creatorId ? { creatorId } : {}) },
    data: { status: "PAYABLE" },
    select: {
      id: true,
      creatorId: true,
      shopId: true,
      orderId: true,
      amount: true,
      currencyCode: true,
      refundId: true,
    },
  });
  await emitWebhookEvents(
    tx,
    "COMMISSION_PAYABLE",
    released
      .filter((c) => c.refundId === null)
      .map((c) => ({
        shopId: c.shopId,
        data: {
          commission: {
            id: encodeGlobalID("Commission", c.id),
            creatorId: encodeGlobalID("User", c.creatorId),
            orderId: encodeGlobalID("Order", c.orderId),
            amount: { amount: formatMinorUnits(c.amount, c.currencyCode), currencyCode: c.currencyCode },
            status: "PAYABLE",
          },
        },
      })),
  );
  notify("PAYABLE", released);
  return released;
}

/**
 * Pays a creator: for each currency (or the one given), one Payout taking every PAYABLE entry
 * (positive and negative) by a single conditional UPDATE, so concurrent payouts never take an
 * entry twice. A currency whose PAYABLE sum is not above zero is left as it is (its negative
 * balance carries into the next payout). Returns the payout ids, none when nothing was payable.
 */
export async function payCreator(
  tx: Tx,
  creatorId: string,
  currencyCode: string | null,
  now = new Date(),
): Promise<string[]> {
  await releasePayableIn(tx, now, creatorId);
  const balances = await tx.commission.groupBy({
    by: ["currencyCode"],
    where: { creatorId, status: "PAYABLE", ...(currencyCode ? { currencyCode } : {}) },
    _sum: { amount: true },
    orderBy: { currencyCode: "asc" },
  });
  const payoutIds: string[] = [];
  for (const balance of balances) {
    if ((balance._sum.amount ?? 0) <= 0) continue;
    const payout = await tx.payout.create({
      data: { creatorId, currencyCode: balance.currencyCode, amount: 0, createdAt: now },
      select: { id: true },
    });
    const taken = await tx.$queryRaw<{ id: string; amount: number }[]>`
      UPDATE "Commission" SET "status" = 'PAID', "payoutId" = ${payout.id}::uuid
      WHERE "creatorId" = ${creatorId}::uuid AND "currencyCode" = ${balance.currencyCode} AND "status" = 'PAYABLE'
      RETURNING "id"::text AS "id", "amount"`;
    const amount = taken.reduce((s, r) => s + Number(r.amount), 0);
    if (amount <= 0) {
      // A concurrent payout took the entries first: give them back untouched.
      await tx.$executeRaw`UPDATE "Commission" SET "status" = 'PAYABLE', "payoutId" = NULL WHERE "payoutId" = ${payout.id}::uuid`;
      await tx.payout.delete({ where: { id: payout.id }, select: { id: true } });
      continue;
    }
    await tx.payout.update({ where: { id: payout.id }, data: { amount }, select: { id: true } });
    notify(
      "PAID",
      taken.map((t) => ({ id: t.id, creatorId })),
    );
    payoutIds.push(payout.id);
  }
  return payoutIds;
}
