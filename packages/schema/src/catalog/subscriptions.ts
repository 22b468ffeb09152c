import { builder } from "../builder.ts";
import { badInput } from "../shared/cursor.ts";
import { forbidden } from "../shared/errors.ts";
import type { EventTopics } from "../shared/events.ts";
import { decodeId } from "../shared/input.ts";
import {
  currentStateArgs,
  REFETCH_DESCRIPTION,
  endWhenHidden,
  subscribeEvents,
  type SubscriptionEvent,
} from "../shared/subscription.ts";
import { canSeeProduct, visibleProductWhere } from "../shared/access.ts";

const InventoryChangedEvent = builder
  .objectRef<SubscriptionEvent<EventTopics["inventoryChanged"]>>("InventoryChangedEvent")
  .implement({
    description:
      "A product's stock changed: an inventory adjustment, a checkout, a released checkout, a cancellation or a restocking refund.",
    fields: (t) => ({
      product: t.prismaField({
        type: "Product",
        nullable: true,
        description:
          "The product as it is now (read its variants' stock); null once the caller may no longer see it.",
        resolve: async (query, event, _args, ctx) => {
          const visible = await visibleProductWhere(ctx);
          return ctx.db.product.findFirst({ ...query, where: { id: event.id, ...visible } });
        },
      }),
      refetch: t.exposeBoolean("refetch", { description: REFETCH_DESCRIPTION }),
    }),
  });

builder.subscriptionField("inventoryChanged", (t) =>
  t.field({
    type: InventoryChangedEvent,
    description:
      "Stock changes of a product the caller may see (as `product(id)`: active products, drafts to their shop's merchants). FORBIDDEN otherwise.",
    args: {
      productId: t.arg.id({ required: true }),
      ...currentStateArgs,
    },
    subscribe: async (_root, args, ctx) => {
      const id = decodeId(String(args.productId), "Product");
      if (id === null) throw badInput("`productId` is not a valid Product ID.");
      const product = await ctx.db.product.findUnique({
        where: { id },
        select: { shopId: true, status: true, hiddenAt: true },
      });
      if (!product || !(await canSeeProduct(ctx, product)))
        throw forbidden("No product you may see has this id.");
      return endWhenHidden(
        ctx,
        subscribeEvents(ctx, "inventoryChanged", id, { withCurrentState: args.withCurrentState }),
        id,
        "The product was hidden by moderation.",
      );
    },
    resolve: (event) => event,
  }),
);
