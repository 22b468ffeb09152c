import { builder } from "../builder.ts";
import { listCost } from "../limits.ts";
import {
  type FulfillmentLineRecord,
  fulfillmentLines,
  trackingOrNull,
  type Tracking,
} from "./fulfillment-service.ts";
import { ORDER_LIMITS } from "./limits.ts";
import { orderVisibleWhere } from "./order.ts";
import { fulfillmentStatusOf, type FulfillmentStatus } from "./rules.ts";

export const OrderFulfillmentStatusEnum = builder.enumType("OrderFulfillmentStatus", {
  description: "How much of an order shipped, from its lines.",
  values: {
    UNFULFILLED: { description: "No unit shipped yet." },
    PARTIALLY_FULFILLED: { description: "Some units shipped, some are left to ship." },
    FULFILLED: {
      description: "Every unit shipped, apart from those refunded before shipping.",
    },
  } satisfies Record<FulfillmentStatus, unknown>,
});

const FulfillmentLine = builder.objectRef<FulfillmentLineRecord>("FulfillmentLine").implement({
  description: "Units of an order line that a fulfilment shipped.",
  fields: (t) => ({
    line: t.prismaField({
      type: "OrderLine",
      description: "The order line (a line of the fulfilment's order).",
      // Prisma batches the findUnique calls of one tick into one query: no query per line.
      resolve: async (query, l, _args, ctx) => {
        const line = await ctx.db.orderLine.findUnique({ ...query, where: { id: l.orderLineId } });
        if (!line) throw new Error(`Fulfilment line ${l.orderLineId} names no order line.`);
        return line;
      },
    }),
    quantity: t.exposeInt("quantity"),
  }),
});

const FulfillmentTracking = builder.objectRef<Tracking>("FulfillmentTracking").implement({
  description: "How to follow a shipment, as the merchant gave it.",
  fields: (t) => ({
    carrier: t.exposeString("carrier", { nullable: true }),
    number: t.exposeString("number", { nullable: true, description: "The tracking number." }),
    url: t.exposeString("url", { nullable: true, description: "An http(s) tracking page." }),
  }),
});

builder.prismaNode("Fulfillment", {
  id: { field: "id" },
  nullable: true,
  description: "A shipment of some units of an order's lines (orderFulfill), with its tracking.",
  findUnique: (id, ctx) => ({ id, order: orderVisibleWhere(ctx) }),
  fields: (t) => ({
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lines: t.field({
      type: [FulfillmentLine],
      description: `The lines and units shipped (at most ${ORDER_LIMITS.lines}: one per order line).`,
      complexity: listCost(ORDER_LIMITS.lines),
      select: { lines: true },
      resolve: (f) => fulfillmentLines(f.lines).slice(0, ORDER_LIMITS.lines),
    }),
    tracking: t.field({
      type: FulfillmentTracking,
      nullable: true,
      description: "null when the merchant gave no tracking.",
      select: { carrier: true, trackingNumber: true, trackingUrl: true },
      resolve: (f) => trackingOrNull({ carrier: f.carrier, number: f.trackingNumber, url: f.trackingUrl }),
    }),
  }),
});

/** What the fulfilment status is derived from; the lines as `Order.lines` reads them, so the two share a query. */
const lineUnits = {
  fulfilledAt: true,
  lines: {
    select: { quantity: true, fulfilledQuantity: true, refundedQuantity: true, returnedQuantity: true },
    orderBy: { id: "asc" },
    take: ORDER_LIMITS.lines,
  },
} as const;

builder.prismaObjectFields("Order", (t) => ({
  fulfillments: t.relation("fulfillments", {
    description: `The order's fulfilments (shipments), oldest first (at most ${ORDER_LIMITS.fulfillments}).`,
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: ORDER_LIMITS.fulfillments },
    complexity: listCost(ORDER_LIMITS.fulfillments),
  }),
  fulfillmentStatus: t.field({
    type: OrderFulfillmentStatusEnum,
    description:
      "UNFULFILLED until a unit ships, FULFILLED once every unit shipped (apart from those refunded before shipping), PARTIALLY_FULFILLED between.",
    select: lineUnits,
    resolve: (o) => fulfillmentStatusOf(o),
  }),
}));

builder.prismaObjectFields("OrderLine", (t) => ({
  fulfilledQuantity: t.exposeInt("fulfilledQuantity", { description: "Units shipped (orderFulfill)." }),
}));
