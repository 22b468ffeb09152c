import { builder } from "../builder.ts";
import { badInput } from "../shared/cursor.ts";
import { forbidden } from "../shared/errors.ts";
import type { EventTopics } from "../shared/events.ts";
import { decodeId } from "../shared/input.ts";
import { REFETCH_DESCRIPTION, subscribeEvents, type SubscriptionEvent } from "../shared/subscription.ts";
import { OrderFulfillmentStatusEnum } from "./fulfillment.ts";
import { orderVisibleWhere, OrderStatusEnum } from "./order.ts";
import type { FulfillmentStatus } from "./rules.ts";

const OrderStatusChangedEvent = builder
  .objectRef<SubscriptionEvent<EventTopics["orderStatusChanged"]>>("OrderStatusChangedEvent")
  .implement({
    description:
      "An order changed status: paid, fulfilled (in part or whole), cancelled, refunded in part or whole (or a failed refund undone).",
    fields: (t) => ({
      status: t.field({
        type: OrderStatusEnum,
        nullable: true,
        description: "The status the change committed; null when `refetch` is true.",
        resolve: (event) => (event.payload?.status as never) ?? null,
      }),
      fulfillmentStatus: t.field({
        type: OrderFulfillmentStatusEnum,
        nullable: true,
        description:
          "On a fulfilment: the fulfilment status it committed; null for other changes and when `refetch` is true.",
        resolve: (event) => (event.payload?.fulfillmentStatus as FulfillmentStatus | undefined) ?? null,
      }),
      order: t.prismaField({
        type: "Order",
        nullable: true,
        description: "The order as it is now; null once the caller may no longer read it.",
        resolve: (query, event, _args, ctx) =>
          ctx.db.order.findFirst({ ...query, where: { id: event.id, AND: [orderVisibleWhere(ctx)] } }),
      }),
      refetch: t.exposeBoolean("refetch", { description: REFETCH_DESCRIPTION }),
    }),
  });

builder.subscriptionField("orderStatusChanged", (t) =>
  t.field({
    type: OrderStatusChangedEvent,
    description:
      "Status changes of an order the caller may read (as `order(id)`: its buyer, its shop's merchants). FORBIDDEN otherwise.",
    args: { orderId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      const id = decodeId(String(args.orderId), "Order");
      if (id === null) throw badInput("`orderId` is not a valid Order ID.");
      const order = await ctx.db.order.findFirst({
        where: { id, AND: [orderVisibleWhere(ctx)] },
        select: { id: true },
      });
      if (!order) throw forbidden("No order you may read has this id.");
      return subscribeEvents(ctx, "orderStatusChanged", id);
    },
    resolve: (event) => event,
  }),
);
