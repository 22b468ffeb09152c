import type { Prisma } from "@shoppable/db/client";
import { builder } from "../builder.ts";
import { cartVisibleWhere } from "../cart/access.ts";
import type { Context } from "../context.ts";
import { badInput } from "../shared/cursor.ts";
import { forbidden } from "../shared/errors.ts";
import type { EventTopics } from "../shared/events.ts";
import { decodeId } from "../shared/input.ts";
import {
  currentStateArgs,
  REFETCH_DESCRIPTION,
  subscribeEvents,
  type SubscriptionEvent,
} from "../shared/subscription.ts";
import { OrderFulfillmentStatusEnum } from "./fulfillment.ts";
import { orderVisibleWhere, OrderStatusEnum } from "./order.ts";
import type { FulfillmentStatus } from "./rules.ts";

/** An event, with the cart its subscriber follows the order through (`cartId`), if any. */
type OrderEvent = SubscriptionEvent<EventTopics["orderStatusChanged"]> & { viaCartId: string | null };

/** The orders the caller may read: as `order(id)`, or as the holder of the cart `viaCartId` (as `Cart.orders`). */
function followableWhere(ctx: Context, viaCartId: string | null): Prisma.OrderWhereInput {
  return viaCartId
    ? { OR: [orderVisibleWhere(ctx), { cartId: viaCartId, cart: cartVisibleWhere(ctx) }] }
    : orderVisibleWhere(ctx);
}

const OrderStatusChangedEvent = builder.objectRef<OrderEvent>("OrderStatusChangedEvent").implement({
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
        ctx.db.order.findFirst({
          ...query,
          where: { id: event.id, AND: [followableWhere(ctx, event.viaCartId)] },
        }),
    }),
    refetch: t.exposeBoolean("refetch", { description: REFETCH_DESCRIPTION }),
  }),
});

builder.subscriptionField("orderStatusChanged", (t) =>
  t.field({
    type: OrderStatusChangedEvent,
    description:
      "Status changes of an order the caller may read: as `order(id)` (its signed-in buyer, its shop's merchants), or, with `cartId`, as the holder of the cart it was checked out from (as `Cart.orders`: an anonymous buyer follows their order without signing in). FORBIDDEN otherwise.",
    args: {
      orderId: t.arg.id({ required: true }),
      cartId: t.arg.id({
        required: false,
        description:
          "The cart the order was checked out from: its holder may follow the order (an anonymous buyer).",
      }),
      ...currentStateArgs,
    },
    subscribe: async (_root, args, ctx) => {
      const id = decodeId(String(args.orderId), "Order");
      if (id === null) throw badInput("`orderId` is not a valid Order ID.");
      const viaCartId = args.cartId == null ? null : decodeId(String(args.cartId), "Cart");
      if (args.cartId != null && viaCartId === null) throw badInput("`cartId` is not a valid Cart ID.");
      const order = await ctx.db.order.findFirst({
        where: { id, AND: [followableWhere(ctx, viaCartId)] },
        select: { id: true },
      });
      if (!order) throw forbidden("No order you may read has this id.");
      return subscribeEvents(ctx, "orderStatusChanged", id, { withCurrentState: args.withCurrentState });
    },
    resolve: (event, args) => ({
      ...event,
      viaCartId: args.cartId == null ? null : decodeId(String(args.cartId), "Cart"),
    }),
  }),
);
