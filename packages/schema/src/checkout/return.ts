/**
 * Returns as the API shows them: `Return` (a node), `Order.returns` and
 * `OrderLine.returnedQuantity`. Readable by whoever reads the order (its buyer, the shop's
 * merchants, the platform: order.ts's `orderVisibleWhere`); return-service.ts writes them.
 */
import { ReturnStatus } from "@shoppable/db/enums";
import type { OrderLine, Refund } from "@shoppable/db/client";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { listCost } from "../limits.ts";
import { requestLoader } from "../shared/loader.ts";
import { RETURN_LIMIT } from "./errors.ts";
import { ORDER_LIMITS } from "./limits.ts";
import { orderVisibleWhere } from "./order.ts";
import { lineQuantitiesOf, type LineQuantity } from "./order-service.ts";

const ReturnStatusEnum = builder.enumType(ReturnStatus, {
  name: "ReturnStatus",
  description:
    "REQUESTED: the buyer asked, the shop has not decided. APPROVED: refunded (see `refund`). DECLINED: refused (see `declineReason`).",
});

/** Order lines by id with the GraphQL selection, batched per request (one statement per selection). */
function loadOrderLine(ctx: Context, query: object, id: string): Promise<OrderLine | null> {
  return requestLoader<string, OrderLine | null>(
    ctx,
    `return-orderLine:${JSON.stringify(query)}`,
    async (ids) =>
      new Map(
        (await ctx.db.orderLine.findMany({ ...query, where: { id: { in: ids } } })).map((r) => [r.id, r]),
      ),
    null,
  )(id);
}

/** Refunds by id with the GraphQL selection, batched per request. */
function loadRefund(ctx: Context, query: object, id: string): Promise<Refund | null> {
  return requestLoader<string, Refund | null>(
    ctx,
    `return-refund:${JSON.stringify(query)}`,
    async (ids) =>
      new Map((await ctx.db.refund.findMany({ ...query, where: { id: { in: ids } } })).map((r) => [r.id, r])),
    null,
  )(id);
}

const ReturnLine = builder.objectRef<LineQuantity>("ReturnLine").implement({
  description: "Units of an order line in a return.",
  fields: (t) => ({
    line: t.prismaField({
      type: "OrderLine",
      resolve: async (query, l, _args, ctx) => {
        const line = await loadOrderLine(ctx, query, l.orderLineId);
        // A return's lines are its order's, deleted only with it.
        if (!line) throw new Error(`The order line ${l.orderLineId} of a return is missing`);
        return line;
      },
    }),
    quantity: t.exposeInt("quantity"),
  }),
});

export const ReturnType = builder.prismaNode("Return", {
  id: { field: "id" },
  nullable: true,
  description:
    "A buyer's request to return delivered units of an order, and the shop's decision: approved (refunded, and restocked when asked) or declined.",
  findUnique: (id, ctx) => ({ id, order: orderVisibleWhere(ctx) }),
  fields: (t) => ({
    status: t.expose("status", { type: ReturnStatusEnum }),
    reason: t.exposeString("reason", { description: "The buyer's reason." }),
    lines: t.field({
      type: [ReturnLine],
      description: `The lines and units returned (at most ${ORDER_LIMITS.lines}: one per order line).`,
      complexity: listCost(ORDER_LIMITS.lines),
      select: { lines: true },
      resolve: (r) => lineQuantitiesOf(r.lines).slice(0, ORDER_LIMITS.lines),
    }),
    restock: t.exposeBoolean("restock", {
      description: "Whether the approval puts the units back in stock (decided at approval).",
    }),
    refund: t.prismaField({
      type: "Refund",
      nullable: true,
      description:
        "The refund of an approved return: the units' share of the lines' price and tax, and of the shipping when the shop refunds it. Null until approved.",
      select: { refundId: true },
      resolve: (query, r, _args, ctx) => (r.refundId ? loadRefund(ctx, query, r.refundId) : null),
    }),
    declineReason: t.exposeString("declineReason", {
      nullable: true,
      description: "The merchant's reason for declining, if they gave one.",
    }),
    order: t.relation("order"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    decidedAt: t.expose("decidedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was approved or declined.",
    }),
  }),
});

builder.prismaObjectField("Order", "returns", (t) =>
  t.relation("returns", {
    description: `The order's returns, oldest first (at most ${RETURN_LIMIT}, whatever their status).`,
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: RETURN_LIMIT },
    complexity: listCost(RETURN_LIMIT),
  }),
);

builder.prismaObjectField("OrderLine", "returnedQuantity", (t) =>
  t.exposeInt("returnedQuantity", {
    description: "Units refunded through approved returns (counted in `refundedQuantity` too).",
  }),
);
