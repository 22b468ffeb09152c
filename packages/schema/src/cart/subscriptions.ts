import { builder } from "../builder.ts";
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
import { cartVisibleWhere } from "./access.ts";

const CartUpdatedEvent = builder
  .objectRef<SubscriptionEvent<EventTopics["cartUpdated"]>>("CartUpdatedEvent")
  .implement({
    description: "A cart changed: lines, discount codes, buyer identity or status (checkout).",
    fields: (t) => ({
      cart: t.prismaField({
        type: "Cart",
        nullable: true,
        description:
          "The cart as it is now; null once the caller may no longer read it (merged into the buyer's cart at sign-in, expired).",
        resolve: (query, event, _args, ctx) =>
          ctx.db.cart.findFirst({ ...query, where: { id: event.id, ...cartVisibleWhere(ctx) } }),
      }),
      refetch: t.exposeBoolean("refetch", { description: REFETCH_DESCRIPTION }),
    }),
  });

builder.subscriptionField("cartUpdated", (t) =>
  t.field({
    type: CartUpdatedEvent,
    description:
      "Every committed change of a cart the caller may read (as `cart(id)`: an anonymous cart by whoever holds its id, an owned cart by its owner). FORBIDDEN otherwise.",
    args: {
      cartId: t.arg.id({ required: true }),
      ...currentStateArgs,
    },
    subscribe: async (_root, args, ctx) => {
      const id = decodeId(String(args.cartId), "Cart");
      if (id === null) throw badInput("`cartId` is not a valid Cart ID.");
      const cart = await ctx.db.cart.findFirst({
        where: { id, ...cartVisibleWhere(ctx) },
        select: { id: true },
      });
      if (!cart) throw forbidden("No cart you may read has this id.");
      return subscribeEvents(ctx, "cartUpdated", id, { withCurrentState: args.withCurrentState });
    },
    resolve: (event) => event,
  }),
);
