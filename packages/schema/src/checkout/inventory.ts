/**
 * Stock moves of checkout, cancellation and refunds. Each variant changes by one conditional
 * UPDATE (`inventoryQuantity >= n` when taking), variants in id order and then their products
 * in id order, so concurrent checkouts never oversell and never deadlock on each other.
 * `Product.totalInventory` moves by the same increments (never a recount, so concurrent moves
 * of sibling variants stay exact), and every move leaves an InventoryAdjustment.
 */
import { Prisma } from "@shoppable/db/client";
import { queueEvent } from "../shared/events.ts";
import { uuidv7 } from "../shared/uuid.ts";
import { emitLowStock, type StockMove } from "../webhooks/service.ts";
import { utc } from "../shared/sql.ts";
import { insertValues, type SqlValues } from "./raw-insert.ts";

type Tx = Prisma.TransactionClient;

export interface StockItem {
  variantId: string;
  productId: string;
  quantity: number;
  orderId: string;
}

/** Sums quantities per variant, sorted by variant id (the lock order). */
function byVariant(items: StockItem[]): StockItem[] {
  const sums = new Map<string, StockItem>();
  for (const item of items) {
    const seen = sums.get(item.variantId);
    if (seen) seen.quantity += item.quantity;
    else sums.set(item.variantId, { ...item });
  }
  return [...sums.values()]
    .filter((i) => i.quantity > 0)
    .sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
}

/** Moves the products' totals and queues their `inventoryChanged` events (the caller runs in `transaction`). */
async function moveProductTotals(tx: Tx, moved: { productId: string; delta: number }[]): Promise<void> {
  const totals = new Map<string, number>();
  for (const m of moved) totals.set(m.productId, (totals.get(m.productId) ?? 0) + m.delta);
  for (const [productId, delta] of [...totals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await tx.$executeRaw`UPDATE "Product" SET "totalInventory" = "totalInventory" + ${delta}::int WHERE "id" = ${productId}::uuid`;
    queueEvent("inventoryChanged", productId, { productId });
  }
}

/**
 * Takes stock for `items`, or nothing at all: returns the variants that had too little with
 * what they have (the caller rolls the transaction back), else an empty list. One statement
 * per variant (its conditional UPDATE and its InventoryAdjustment), then one per product.
 */
export async function takeStock(
  tx: Tx,
  items: StockItem[],
  reason: string,
): Promise<{ variantId: string; available: number; wanted: number }[]> {
  const wanted = byVariant(items);
  const short: { variantId: string; available: number; wanted: number }[] = [];
  const moves: StockMove[] = [];
  const at = new Date();
  for (const item of wanted) {
    // The same statement writes the move's InventoryAdjustment (only when the UPDATE took the
    // stock), its values checked against Prisma's input (raw-insert.ts). The shop and its
    // low-stock threshold come back with the row, for INVENTORY_LOW webhooks.
    const adjustment = insertValues({
      id: Prisma.sql`${uuidv7(at.getTime())}::uuid`,
      variantId: Prisma.sql`v."id"`,
      delta: Prisma.sql`${-item.quantity}::int`,
      quantityAfter: Prisma.sql`v."inventoryQuantity"`,
      reason: Prisma.sql`${reason}`,
      orderId: Prisma.sql`${item.orderId}::uuid`,
      createdAt: utc(at),
    } satisfies SqlValues<Prisma.InventoryAdjustmentCreateManyInput>);
    const rows = await tx.$queryRaw<{ inventoryQuantity: number; shopId: string; threshold: number }[]>`
      WITH v AS (
        UPDATE "ProductVariant" v SET "inventoryQuantity" = v."inventoryQuantity" - ${item.quantity}::int
        FROM "Product" p JOIN "Shop" s ON s."id" = p."shopId"
        WHERE v."id" = ${item.variantId}::uuid AND v."inventoryQuantity" >= ${item.quantity}::int AND p."id" = v."productId"
        RETURNING v."id", v."inventoryQuantity", p."shopId"::text AS "shopId", s."lowStockThreshold" AS "threshold"
      ), adjustment AS (
        INSERT INTO "InventoryAdjustment" (${adjustment.columns})
        SELECT ${adjustment.values}
        FROM v
      )
      SELECT "inventoryQuantity", "shopId", "threshold" FROM v`;
    const row = rows[0];
    if (row) {
      moves.push({
        variantId: item.variantId,
        productId: item.productId,
        shopId: row.shopId,
        before: row.inventoryQuantity + item.quantity,
        after: row.inventoryQuantity,
        threshold: row.threshold,
      });
    } else short.push({ variantId: item.variantId, available: 0, wanted: item.quantity });
  }
  if (short.length) {
    const current = await tx.productVariant.findMany({
      where: { id: { in: short.map((s) => s.variantId) } },
      select: { id: true, inventoryQuantity: true },
    });
    for (const s of short)
      s.available = Math.max(0, current.find((c) => c.id === s.variantId)?.inventoryQuantity ?? 0);
    return short;
  }
  await moveProductTotals(
    tx,
    wanted.map((i) => ({ productId: i.productId, delta: -i.quantity })),
  );
  await emitLowStock(tx, moves);
  return [];
}

/** Puts stock back for `items` (a released reservation, a cancellation, a restocked refund). Variants deleted since are skipped. */
export async function returnStock(
  tx: Tx,
  items: StockItem[],
  reason: string,
  actorId: string | null = null,
): Promise<void> {
  const returned = byVariant(items);
  const moved: { productId: string; delta: number }[] = [];
  const adjustments: Prisma.InventoryAdjustmentCreateManyInput[] = [];
  for (const item of returned) {
    const rows = await tx.$queryRaw<{ inventoryQuantity: number; productId: string }[]>`
      UPDATE "ProductVariant" SET "inventoryQuantity" = "inventoryQuantity" + ${item.quantity}::int
      WHERE "id" = ${item.variantId}::uuid
      RETURNING "inventoryQuantity", "productId"::text AS "productId"`;
    if (!rows[0]) continue;
    moved.push({ productId: rows[0].productId, delta: item.quantity });
    adjustments.push({
      variantId: item.variantId,
      delta: item.quantity,
      quantityAfter: rows[0].inventoryQuantity,
      reason,
      orderId: item.orderId,
      actorId,
    });
  }
  await moveProductTotals(tx, moved);
  if (adjustments.length) await tx.inventoryAdjustment.createMany({ data: adjustments });
}
