/**
 * The ledger balances: over a random (seeded) sequence of 1,000 orders in two currencies,
 * partial and whole refunds (before and after payout), fulfilments, hold releases and
 * payouts, for every creator and currency pending + payable + paid = Σ entries, paid = Σ
 * payouts, no payout is ≤ 0, and every line's entries net to its commission less the share of
 * its refunded units. Driven through the services (the ones checkout and the order mutations
 * call), not HTTP, so it runs in seconds.
 */
import { randomUUID } from "node:crypto";
import type { Context } from "@shoppable/schema";
import { recordOrderCommissions } from "@shoppable/schema/affiliate/ledger.ts";
import { commissionAmount } from "@shoppable/schema/affiliate/rules.ts";
import { earnings, payout } from "@shoppable/schema/affiliate/service.ts";
import { fulfillOrder } from "@shoppable/schema/checkout/fulfillment-service.ts";
import { refundOrder } from "@shoppable/schema/checkout/order-service.ts";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness.ts";
import { prng } from "./prng.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const SEED = Number(process.env.LEDGER_SEED ?? 20261127);
const ORDERS = 1000;
const DAY = 86_400_000;

it(`balances every creator's ledger over ${ORDERS} random orders, partial refunds and payouts (seed ${SEED})`, {
  timeout: 300_000,
}, async () => {
  const random = prng(SEED);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const db = api.db.prisma;
  const ctx: Context = {
    db,
    key: { id: "ledger-test", kind: "SECRET" },
    user: null,
    requestId: "ledger-test",
    events: api.server.events,
  };

  const shops = [];
  for (const currencyCode of ["EUR", "JPY"]) {
    const shop = await db.shop.create({
      data: { handle: `ledger-${currencyCode.toLowerCase()}`, name: "Ledger", currencyCode },
      select: { id: true, currencyCode: true },
    });
    const products = [];
    for (let i = 0; i < 4; i++) {
      products.push(
        await db.product.create({
          data: {
            shopId: shop.id,
            handle: `ledger-${currencyCode}-${i}`,
            title: `P${i}`,
            status: "ACTIVE",
            currencyCode,
          },
          select: { id: true },
        }),
      );
    }
    const program = await db.affiliateProgram.create({
      data: { shopId: shop.id, defaultRate: 1000 + Math.floor(random() * 1000), holdDays: 15 },
      select: { id: true },
    });
    await db.affiliateProductRate.create({
      data: { programId: program.id, productId: products[0]!.id, rate: 1337 },
    });
    shops.push({ ...shop, products });
  }
  const creators: { id: string }[] = [];
  for (let i = 0; i < 6; i++) {
    creators.push(
      await db.user.create({
        data: {
          externalId: `ledger-creator-${i}`,
          handle: `ledger-creator-${i}`,
          roles: ["BUYER", "CREATOR"],
        },
        select: { id: true },
      }),
    );
  }
  const links: { id: string; shopId: string; creatorId: string }[] = [];
  for (const creator of creators) {
    for (const shop of shops) {
      const link = await db.affiliateLink.create({
        data: {
          code: `L${links.length}x${randomUUID().slice(0, 8)}`,
          creatorId: creator.id,
          shopId: shop.id,
          targetKind: "SHOP",
          rate: 1000,
          rateLockedUntil: new Date(Date.now() + 30 * DAY),
        },
        select: { id: true, shopId: true, creatorId: true },
      });
      links.push(link);
    }
  }
  const buyer = await db.user.create({
    data: { externalId: "ledger-buyer", handle: "ledger-buyer" },
    select: { id: true },
  });

  // 1,000 orders (1–3 lines, most attributed; a few self-referrals), written in batches and paid
  // through the ledger's recordOrderCommissions as checkout's commit does.
  const orders: { id: string; lineIds: string[] }[] = [];
  const BATCH = 50;
  for (let start = 0; start < ORDERS; start += BATCH) {
    const orderRows = [];
    const lineRows = [];
    for (let i = start; i < Math.min(ORDERS, start + BATCH); i++) {
      const shop = pick(shops);
      const shopLinks = links.filter((l) => l.shopId === shop.id);
      const orderId = randomUUID();
      const lineCount = 1 + Math.floor(random() * 3);
      let total = 0;
      const lineIds = [];
      for (let j = 0; j < lineCount; j++) {
        const quantity = 1 + Math.floor(random() * 5);
        const unitPrice = 1 + Math.floor(random() * 20_000);
        const discountAmount = random() < 0.3 ? Math.floor(random() * unitPrice * quantity * 0.3) : 0;
        const lineTotal = unitPrice * quantity - discountAmount;
        total += lineTotal;
        const id = randomUUID();
        lineIds.push(id);
        const link = random() < 0.85 ? pick(shopLinks) : null;
        lineRows.push({
          id,
          orderId,
          productId: pick(shop.products).id,
          productTitle: "P",
          variantTitle: "Default",
          unitPrice,
          quantity,
          discountAmount,
          total: lineTotal,
          affiliateLinkId: link?.id ?? null,
        });
      }
      const selfReferral = random() < 0.05;
      orderRows.push({
        id: orderId,
        shopId: shop.id,
        buyerId: selfReferral ? pick(creators).id : buyer.id,
        currencyCode: shop.currencyCode,
        subtotal: total,
        total,
        status: "PENDING" as const,
      });
      orders.push({ id: orderId, lineIds });
    }
    await db.order.createMany({ data: orderRows });
    await db.orderLine.createMany({ data: lineRows });
    for (let i = 0; i < orderRows.length; i += 10) {
      const ids = orderRows.slice(i, i + 10).map((o) => o.id);
      await db.$transaction(async (tx) => {
        const paidAt = new Date();
        await tx.order.updateMany({ where: { id: { in: ids } }, data: { status: "PAID", paidAt } });
        await recordOrderCommissions(tx, ids, paidAt);
      });
    }
  }

  // Then a random sequence: refunds of some units or of all that is left, fulfilments, hold
  // releases at a simulated clock, payouts.
  let now = Date.now();
  const fulfilled = new Set<string>();
  const operations = { refunds: 0, refundsAfterPayout: 0, fulfilments: 0, payouts: 0 };
  for (let step = 0; step < 1000; step++) {
    const roll = random();
    const order = pick(orders);
    if (roll < 0.25) {
      const lines = await db.orderLine.findMany({
        where: { orderId: order.id },
        select: { id: true, quantity: true, refundedQuantity: true },
      });
      const open = lines.filter((l) => l.quantity > l.refundedQuantity);
      if (open.length === 0) continue;
      const whole = random() < 0.25;
      if (await db.commission.count({ where: { orderId: order.id, refundId: null, status: "PAID" } }))
        operations.refundsAfterPayout++;
      const line = pick(open);
      const result = await refundOrder(ctx, {
        orderId: order.id,
        lines: whole
          ? null
          : [
              {
                lineId: line.id,
                quantity: 1 + Math.floor(random() * (line.quantity - line.refundedQuantity)),
              },
            ],
        restock: false,
        reason: null,
        cancel: false,
      });
      expect(result.userErrors).toEqual([]);
      operations.refunds++;
    } else if (roll < 0.7) {
      if (fulfilled.has(order.id)) continue;
      const result = await fulfillOrder(ctx, { orderId: order.id, lines: null, tracking: null });
      if (result.userErrors.length === 0) operations.fulfilments++;
      fulfilled.add(order.id);
    } else if (roll < 0.9) {
      now += Math.floor(random() * 3 * DAY);
    } else {
      const result = await payout(
        ctx,
        { creatorId: pick(creators).id, currencyCode: random() < 0.5 ? null : pick(shops).currencyCode },
        new Date(now),
      );
      if (result.userErrors.length === 0) operations.payouts++;
      else expect(result.userErrors.map((e) => e.code)).toEqual(["NOTHING_TO_PAY"]);
    }
    if (step === 499) await checkLedger(new Date(now));
  }
  await checkLedger(new Date(now));
  // The sequence did exercise what it claims to.
  expect(operations.refunds).toBeGreaterThan(150);
  expect(operations.refundsAfterPayout).toBeGreaterThan(5);
  expect(operations.payouts).toBeGreaterThan(20);
  expect(await db.commission.count({ where: { selfReferral: true } })).toBeGreaterThan(10);

  async function checkLedger(at: Date) {
    for (const creator of creators) {
      const balances = await earnings(db, creator.id, at);
      const entries = await db.commission.groupBy({
        by: ["currencyCode"],
        where: { creatorId: creator.id },
        _sum: { amount: true },
      });
      const payouts = await db.payout.groupBy({
        by: ["currencyCode"],
        where: { creatorId: creator.id },
        _sum: { amount: true },
        _min: { amount: true },
      });
      for (const e of entries) {
        const b = balances.find((x) => x.currencyCode === e.currencyCode)!;
        expect(b.pending + b.payable + b.paid).toBe(e._sum.amount ?? 0);
        const paidOut = payouts.find((p) => p.currencyCode === e.currencyCode);
        expect(b.paid).toBe(paidOut?._sum.amount ?? 0);
      }
      for (const p of payouts) expect(p._min.amount!).toBeGreaterThan(0);
    }
    const lines = await db.orderLine.findMany({
      where: { commissions: { some: {} } },
      select: {
        quantity: true,
        refundedQuantity: true,
        total: true,
        commissions: { select: { amount: true, rate: true, refundId: true, selfReferral: true } },
      },
    });
    for (const line of lines) {
      const earned = line.commissions.find((c) => c.refundId === null)!;
      const expectedEarned = earned.selfReferral ? 0 : commissionAmount(line.total, earned.rate);
      expect(earned.amount).toBe(expectedEarned);
      const net = line.commissions.reduce((s, c) => s + c.amount, 0);
      expect(net).toBe(expectedEarned - Math.floor((expectedEarned * line.refundedQuantity) / line.quantity));
      if (line.refundedQuantity === line.quantity) expect(net).toBe(0);
    }
  }
});
