/**
 * Fulfilment: the shop's merchants (secret key) and the platform ship an order's units, some
 * lines at a time, each shipment a Fulfillment row with its lines and tracking.
 *
 * One transaction locks the order row (as refunds do, so fulfilments and refunds of an order
 * take turns), checks the move and the units against `rules.ts`, counts the units on the lines
 * and writes the Fulfillment. When no unit is left to ship it sets `fulfilledAt` (and the status
 * `statusOf` gives: FULFILLED for a PAID order) and starts the hold of the affiliate
 * commissions. Every fulfilment queues an `orderStatusChanged` event and emits ORDER_FULFILLED.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "@shoppable/db/client";
import { scheduleCommissions } from "../affiliate/ledger.ts";
import type { Context } from "../context.ts";
import { queueEvent, transaction } from "../shared/events.ts";
import { Rollback, TX_OPTIONS } from "../shared/transaction.ts";
import { userError } from "../shared/user-error.ts";
import { emitOrderEvents } from "../webhooks/service.ts";
import type { OrderErrorCode, OrderUserErrorShape } from "./errors.ts";
import { ORDER_LIMITS } from "./limits.ts";
import { lockOrderRow, orderToChange } from "./order-service.ts";
import { fulfillableUnits, fulfillmentStatusOf, ORDER_ACTIONS, statusOf, whyNot } from "./rules.ts";

type Tx = Prisma.TransactionClient;

/** A line of a fulfilment as the Fulfillment row stores it (`lines` JSON). */
export interface FulfillmentLineRecord {
  orderLineId: string;
  quantity: number;
}

export interface Tracking {
  carrier: string | null;
  number: string | null;
  url: string | null;
}

export interface FulfillInput {
  orderId: string;
  /** Lines and units to ship; null: every unit left to ship. */
  lines: { lineId: string; quantity: number }[] | null;
  /** null: none given. */
  tracking: Tracking | null;
}

export interface FulfillPayloadShape {
  /** Database id of the order, or null when the mutation failed. */
  id: string | null;
  /** Database id of the Fulfillment written, or null when the mutation failed. */
  fulfillmentId: string | null;
  userErrors: OrderUserErrorShape[];
}

const failed = (userErrors: OrderUserErrorShape[]): FulfillPayloadShape => ({
  id: null,
  fulfillmentId: null,
  userErrors,
});

/** The `lines` JSON of a Fulfillment row (as fulfillOrder writes it). */
export function fulfillmentLines(json: Prisma.JsonValue): FulfillmentLineRecord[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((l) =>
    l !== null &&
    typeof l === "object" &&
    !Array.isArray(l) &&
    typeof l.orderLineId === "string" &&
    typeof l.quantity === "number"
      ? [{ orderLineId: l.orderLineId, quantity: l.quantity }]
      : [],
  );
}

const orderError = (
  code: OrderErrorCode,
  message: string,
  field: (string | number)[] | null = ["id"],
  extra: { quantityFulfillable?: number } = {},
): OrderUserErrorShape => ({ ...userError(code, message, field), ...extra });

/** The order row locked until the transaction ends, with what fulfilment decides on. */
async function lockOrder(tx: Tx, orderId: string) {
  await lockOrderRow(tx, orderId);
  return tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      paidAt: true,
      fulfilledAt: true,
      cancelledAt: true,
      lines: {
        select: {
          id: true,
          quantity: true,
          fulfilledQuantity: true,
          refundedQuantity: true,
          returnedQuantity: true,
        },
        orderBy: { id: "asc" },
      },
      _count: { select: { fulfillments: true } },
    },
  });
}

type LockedOrder = Awaited<ReturnType<typeof lockOrder>>;

/**
 * The lines and units to ship (every unit left when `lines` is null), or Rollback with
 * NOT_FOUND / FULFILL_QUANTITY_EXCEEDED per line at fault, or NOTHING_TO_FULFILL.
 */
function unitsToShip(order: LockedOrder, lines: FulfillInput["lines"]): FulfillmentLineRecord[] {
  const requested =
    lines?.map((l) => ({ orderLineId: l.lineId, quantity: l.quantity })) ??
    order.lines
      .map((l) => ({ orderLineId: l.id, quantity: fulfillableUnits(l) }))
      .filter((l) => l.quantity > 0);
  const errors = requested.flatMap((r, i) => {
    const line = order.lines.find((l) => l.id === r.orderLineId);
    if (!line)
      return [orderError("NOT_FOUND", "The order has no line with this id.", ["lines", i, "lineId"])];
    const left = fulfillableUnits(line);
    if (r.quantity > left)
      return [
        orderError(
          "FULFILL_QUANTITY_EXCEEDED",
          `Only ${left} units of this line are left to ship.`,
          ["lines", i, "quantity"],
          { quantityFulfillable: left },
        ),
      ];
    return [];
  });
  if (errors.length) throw new Rollback(errors);
  if (requested.length === 0)
    throw new Rollback([
      orderError("NOTHING_TO_FULFILL", "Every unit of the order was shipped or refunded before shipping."),
    ]);
  return requested;
}

/**
 * Ships some units of an order (every unit left when `lines` is null), with optional tracking;
 * see the module comment. Errors (nothing written): NOT_FOUND (the order, or a line not of it),
 * INVALID_STATUS_TRANSITION (not PAID or PARTIALLY_REFUNDED, or fulfilled), FULFILL_QUANTITY_EXCEEDED,
 * NOTHING_TO_FULFILL, TOO_MANY_FULFILLMENTS. FORBIDDEN (thrown) unless the caller manages the shop.
 */
export async function fulfillOrder(ctx: Context, input: FulfillInput): Promise<FulfillPayloadShape> {
  if (!(await orderToChange(ctx, input.orderId)))
    return failed([orderError("NOT_FOUND", "No order has this id.")]);
  try {
    const fulfillmentId = await transaction(ctx, (tx) => fulfillIn(tx, input), TX_OPTIONS);
    return { id: input.orderId, fulfillmentId, userErrors: [] };
  } catch (error) {
    if (error instanceof Rollback) return failed(error.errors);
    throw error;
  }
}

/** fulfillOrder's transaction: returns the Fulfillment's id, or throws Rollback with userErrors. */
async function fulfillIn(tx: Tx, input: FulfillInput): Promise<string> {
  {
    const order = await lockOrder(tx, input.orderId);
    const refusal = whyNot("fulfil", order);
    if (refusal === "STATUS" || refusal === "FULFILLED") {
      throw new Rollback([
        orderError(
          "INVALID_STATUS_TRANSITION",
          `The order is ${order.fulfilledAt ? "fulfilled" : order.status}; it cannot be fulfilled (only ${ORDER_ACTIONS.fulfil.from.join(" or ")} orders with units left to ship are).`,
        ),
      ]);
    }
    const shipped = unitsToShip(order, input.lines);

    const lines = order.lines.map((l) => ({
      ...l,
      fulfilledQuantity: l.fulfilledQuantity + (shipped.find((s) => s.orderLineId === l.id)?.quantity ?? 0),
    }));
    const left = lines.reduce((s, l) => s + fulfillableUnits(l), 0);
    // At most ORDER_LIMITS.fulfillments; the last place is kept for the one that ships everything left.
    const count = order._count.fulfillments;
    const max = ORDER_LIMITS.fulfillments;
    if (count >= max || (count === max - 1 && left > 0)) {
      throw new Rollback([
        orderError(
          "TOO_MANY_FULFILLMENTS",
          `An order takes at most ${max} fulfilments and has ${count}: fulfil every unit left in one (omit \`lines\`).`,
        ),
      ]);
    }

    for (const s of shipped) {
      await tx.orderLine.update({
        where: { id: s.orderLineId },
        data: { fulfilledQuantity: { increment: s.quantity } },
        select: { id: true },
      });
    }
    const now = new Date();
    const tracking = input.tracking;
    const fulfillment = await tx.fulfillment.create({
      data: {
        orderId: order.id,
        lines: shipped.map((s) => ({ orderLineId: s.orderLineId, quantity: s.quantity })),
        carrier: tracking?.carrier ?? null,
        trackingNumber: tracking?.number ?? null,
        trackingUrl: tracking?.url ?? null,
        createdAt: now,
      },
      select: { id: true },
    });

    const complete = left === 0;
    const fulfilledAt = complete ? now : null;
    const status = statusOf({ ...order, fulfilledAt, lines });
    // Written even when nothing but the lines changed, so the order's updatedAt moves.
    await tx.order.update({
      where: { id: order.id },
      data: { fulfilledAt, status },
      select: { id: true },
    });
    // Affiliate commissions start their hold once the order is fulfilled whole.
    if (complete) await scheduleCommissions(tx, order.id, now);
    queueEvent("orderStatusChanged", order.id, {
      orderId: order.id,
      status,
      fulfillmentStatus: fulfillmentStatusOf({ fulfilledAt, lines }),
    });
    await emitOrderEvents(tx, "ORDER_FULFILLED", [order.id], {
      fulfillment: {
        id: encodeGlobalID("Fulfillment", fulfillment.id),
        createdAt: now.toISOString(),
        lines: shipped.map((s) => ({
          orderLineId: encodeGlobalID("OrderLine", s.orderLineId),
          quantity: s.quantity,
        })),
        tracking: trackingOrNull(tracking),
      },
    });
    return fulfillment.id;
  }
}

/** The tracking as given, or null when it names nothing. */
export function trackingOrNull(tracking: Tracking | null): Tracking | null {
  if (!tracking || (tracking.carrier === null && tracking.number === null && tracking.url === null))
    return null;
  return tracking;
}
