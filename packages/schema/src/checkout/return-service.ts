/**
 * Returns: the buyer asks to return delivered units (`requestReturn`), the shop's merchants
 * approve (`approveReturn`: a refund of the units' share of price, tax and, by the shop's
 * policy, shipping, through order-service.ts's refund phases) or decline (`declineReturn`).
 *
 * Units in a return awaiting a decision are counted on their line (`returnRequestedQuantity`)
 * so they are neither returned twice nor refunded apart from it; approval moves them to
 * `returnedQuantity` (and `refundedQuantity`). Every change of an order's returns locks the
 * order row first, as refunds do, so concurrent requests and decisions see each other's units.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "@shoppable/db/client";
import type { Context } from "../context.ts";
import { canManageShop } from "../shared/access.ts";
import { forbidden, unauthenticated } from "../shared/errors.ts";
import { queueEvent } from "../shared/events.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { inTransaction, Rollback } from "../shared/transaction.ts";
import { emitOrderEvents } from "../webhooks/service.ts";
import { RETURN_LIMIT, returnError, type ReturnUserErrorShape } from "./errors.ts";
import { lineQuantitiesOf, lockOrderRow, refundOrder, type LineQuantity } from "./order-service.ts";
import { returnableUnits, returnWindowOpen } from "./rules.ts";

type Tx = Prisma.TransactionClient;

export interface ReturnRequestInput {
  orderId: string;
  lines: { lineId: string; quantity: number }[];
  reason: string;
}

/** Locks the buyer's order row; false when the order is not theirs (or absent). */
async function lockBuyersOrder(tx: Tx, orderId: string, buyerId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Order" WHERE "id" = ${orderId}::uuid AND "buyerId" = ${buyerId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

/** When each line of the order was last delivered: the newest Fulfillment listing it. */
async function deliveredAt(tx: Tx, orderId: string): Promise<Map<string, Date>> {
  const fulfillments = await tx.fulfillment.findMany({
    where: { orderId },
    select: { lines: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const latest = new Map<string, Date>();
  for (const f of fulfillments)
    for (const l of lineQuantitiesOf(f.lines)) if (l.quantity > 0) latest.set(l.orderLineId, f.createdAt);
  return latest;
}

/**
 * The buyer (a signed-in user, the order's `buyerId`) asks to return units of lines of their
 * order, with a reason. Errors, nothing written: NOT_FOUND (no order of theirs, or a line not
 * of it), RETURNS_NOT_ACCEPTED (the shop's window is 0 days), TOO_MANY_RETURNS (RETURN_LIMIT),
 * RETURN_WINDOW_CLOSED (a line's latest fulfilment is older than the window), NOT_RETURNABLE
 * (more units than delivered and not refunded, returned or in another return; with
 * `quantityReturnable`). Writes the Return REQUESTED, counts its units as requested, and
 * emits RETURN_REQUESTED (webhook) and orderStatusChanged, in one transaction under the
 * order's lock.
 */
export async function requestReturn(ctx: Context, input: ReturnRequestInput): Promise<PayloadShape> {
  const user = ctx.user;
  if (!user) throw unauthenticated("Sign in to return goods of your orders.");
  const now = new Date();
  return inTransaction(ctx, async (tx) => {
    if (!(await lockBuyersOrder(tx, input.orderId, user.id)))
      throw new Rollback([returnError("NOT_FOUND", "No order of yours has this id.", ["orderId"])]);
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: {
        id: true,
        status: true,
        shop: { select: { returnWindowDays: true } },
        lines: {
          select: {
            id: true,
            quantity: true,
            refundedQuantity: true,
            fulfilledQuantity: true,
            returnedQuantity: true,
            returnRequestedQuantity: true,
          },
        },
        _count: { select: { returns: true } },
      },
    });
    const days = order.shop.returnWindowDays;
    if (days === 0)
      throw new Rollback([
        returnError("RETURNS_NOT_ACCEPTED", "The shop does not take returns.", ["orderId"]),
      ]);
    if (order._count.returns >= RETURN_LIMIT)
      throw new Rollback([
        returnError(
          "TOO_MANY_RETURNS",
          `An order takes at most ${RETURN_LIMIT} returns and this one has ${order._count.returns}.`,
          ["orderId"],
        ),
      ]);
    const delivered = await deliveredAt(tx, order.id);
    const errors = input.lines.flatMap((r, i): ReturnUserErrorShape[] => {
      const line = order.lines.find((l) => l.id === r.lineId);
      if (!line)
        return [returnError("NOT_FOUND", "The order has no line with this id.", ["lines", i, "lineId"])];
      const at = delivered.get(line.id);
      if (at && !returnWindowOpen(at, days, now))
        return [
          returnError(
            "RETURN_WINDOW_CLOSED",
            `The line was delivered on ${at.toISOString().slice(0, 10)}; the shop takes returns for ${days} days after delivery.`,
            ["lines", i, "lineId"],
          ),
        ];
      const returnable = at ? returnableUnits(line) : 0;
      if (r.quantity > returnable)
        return [
          returnError(
            "NOT_RETURNABLE",
            returnable === 0
              ? "No unit of this line can be returned: none was delivered, or every delivered unit is refunded, returned or in another return."
              : `Only ${returnable} units of this line can be returned.`,
            ["lines", i, "quantity"],
            { quantityReturnable: returnable },
          ),
        ];
      return [];
    });
    if (errors.length) throw new Rollback(errors);

    const lines: LineQuantity[] = input.lines.map((r) => ({ orderLineId: r.lineId, quantity: r.quantity }));
    for (const l of lines) {
      await tx.orderLine.update({
        where: { id: l.orderLineId },
        data: { returnRequestedQuantity: { increment: l.quantity } },
        select: { id: true },
      });
    }
    const created = await tx.return.create({
      data: { orderId: order.id, reason: input.reason, lines: lines.map((l) => ({ ...l })) },
      select: { id: true, createdAt: true },
    });
    await emitOrderEvents(tx, "RETURN_REQUESTED", [order.id], {
      return: {
        id: encodeGlobalID("Return", created.id),
        reason: input.reason,
        lines: lines.map((l) => ({
          orderLineId: encodeGlobalID("OrderLine", l.orderLineId),
          quantity: l.quantity,
        })),
        createdAt: created.createdAt.toISOString(),
      },
    });
    queueEvent("orderStatusChanged", order.id, { orderId: order.id, status: order.status });
    return succeeded(created.id);
  });
}

/** The return and its order's shop, or null; FORBIDDEN (thrown) unless the caller manages the shop. */
async function returnToDecide(ctx: Context, returnId: string) {
  const found = await ctx.db.return.findUnique({
    where: { id: returnId },
    select: { id: true, orderId: true, order: { select: { shopId: true } } },
  });
  if (!found) return null;
  if (!(await canManageShop(ctx, found.order.shopId)))
    throw forbidden("Only the shop's merchants and the platform decide on its returns.");
  return found;
}

const noReturn = () => failed([returnError("NOT_FOUND", "No return has this id.", ["id"])]);

/**
 * Approves a REQUESTED return: refunds its units (their share of the lines' price and tax) and,
 * when the shop refunds shipping on returns, their share of the shipping, restocking them when
 * `restock`; the affiliate commissions of the units are reversed. Runs as a refund
 * (order-service.ts `refundOrder` with `returnId`): the provider is called outside any
 * transaction, and a refused refund puts the return back to REQUESTED. Errors: NOT_FOUND,
 * RETURN_NOT_REQUESTED, and the refund's (INVALID_STATUS_TRANSITION, TOO_MANY_REFUNDS,
 * REFUND_FAILED; REFUND_PENDING with the return approved and its refund pending).
 */
export async function approveReturn(
  ctx: Context,
  input: { returnId: string; restock: boolean },
): Promise<PayloadShape> {
  const found = await returnToDecide(ctx, input.returnId);
  if (!found) return noReturn();
  const refunded = await refundOrder(ctx, {
    orderId: found.orderId,
    lines: null,
    restock: input.restock,
    reason: null,
    cancel: false,
    returnId: found.id,
  });
  // The refund answers with the order; the return's payload names the return.
  const named = refunded.userErrors.every((e) => e.code === "REFUND_PENDING");
  return { id: named ? found.id : null, userErrors: refunded.userErrors };
}

/**
 * Declines a REQUESTED return (DECLINED, with the merchant's reason): its units are no longer
 * requested and may be asked for again. Errors: NOT_FOUND, RETURN_NOT_REQUESTED.
 */
export async function declineReturn(
  ctx: Context,
  input: { returnId: string; reason: string | null },
): Promise<PayloadShape> {
  const found = await returnToDecide(ctx, input.returnId);
  if (!found) return noReturn();
  const now = new Date();
  return inTransaction(ctx, async (tx) => {
    await lockOrderRow(tx, found.orderId);
    const ret = await tx.return.findUniqueOrThrow({
      where: { id: found.id },
      select: { status: true, lines: true, order: { select: { status: true } } },
    });
    if (ret.status !== "REQUESTED")
      throw new Rollback([
        returnError("RETURN_NOT_REQUESTED", `The return was already ${ret.status.toLowerCase()}.`, ["id"]),
      ]);
    for (const l of lineQuantitiesOf(ret.lines)) {
      await tx.orderLine.update({
        where: { id: l.orderLineId },
        data: { returnRequestedQuantity: { decrement: l.quantity } },
        select: { id: true },
      });
    }
    await tx.return.update({
      where: { id: found.id },
      data: { status: "DECLINED", declineReason: input.reason, decidedAt: now },
      select: { id: true },
    });
    queueEvent("orderStatusChanged", found.orderId, { orderId: found.orderId, status: ret.order.status });
    return succeeded(found.id);
  });
}
