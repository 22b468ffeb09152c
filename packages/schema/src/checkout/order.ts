import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { attributionSelect, LineAttribution, visibleVariant } from "../cart/cart.ts";
import { ShopType } from "../catalog/shop.ts";
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import { OrderStatus, PaymentStatus, RefundStatus } from "@shoppable/db/enums";
import { Viewer } from "../identity/user.ts";
import { limits, listCost } from "../limits.ts";
import { badInput } from "../shared/cursor.ts";
import { canManageShop, isPlatform, managedShopWhere } from "../shared/access.ts";
import { forbidden } from "../shared/errors.ts";
import { decodeId } from "../shared/input.ts";
import { Money, money } from "../shared/money.ts";
import { CurrencyCode } from "../shared/scalars.ts";
import { ORDER_LIMITS } from "./limits.ts";

export const OrderStatusEnum = builder.enumType(OrderStatus, {
  name: "OrderStatus",
  description:
    "PENDING (stock reserved, payment under way) → PAID → FULFILLED; PAID → CANCELLED; PAID or FULFILLED → PARTIALLY_REFUNDED → REFUNDED.",
});
const PaymentStatusEnum = builder.enumType(PaymentStatus, { name: "PaymentStatus" });
const RefundStatusEnum = builder.enumType(RefundStatus, {
  name: "RefundStatus",
  description:
    "PENDING: sent to the payment provider, no answer yet. SUCCEEDED. FAILED: refused; the order was left as before.",
});

/**
 * The orders the caller may read: the buyer's own; with a secret key, a merchant's shops'
 * orders; every order for the platform and admins. (The holder of an anonymous cart reads
 * its orders through `Cart.orders`.)
 */
export function orderVisibleWhere(ctx: Context): Prisma.OrderWhereInput {
  if (isPlatform(ctx)) return {};
  const visible: Prisma.OrderWhereInput[] = [];
  if (ctx.user) {
    visible.push({ buyerId: ctx.user.id });
    const managed = managedShopWhere(ctx);
    if (managed && managed !== "all") visible.push({ shop: managed });
  }
  return visible.length ? { OR: visible } : { id: { in: [] } };
}

const orderCurrency = { order: { select: { currencyCode: true } } } as const;

export const OrderLineType = builder.prismaNode("OrderLine", {
  id: { field: "id" },
  nullable: true,
  description:
    "A line of an order: a snapshot of the cart line at checkout that later product edits do not change.",
  findUnique: (id, ctx) => ({ id, order: orderVisibleWhere(ctx) }),
  fields: (t) => ({
    productTitle: t.exposeString("productTitle"),
    variantTitle: t.exposeString("variantTitle"),
    sku: t.exposeString("sku", { nullable: true }),
    quantity: t.exposeInt("quantity"),
    refundedQuantity: t.exposeInt("refundedQuantity"),
    unitPrice: t.field({
      type: Money,
      select: { unitPrice: true, ...orderCurrency },
      resolve: (l) => money(l.unitPrice, l.order.currencyCode),
    }),
    discount: t.field({
      type: Money,
      select: { discountAmount: true, ...orderCurrency },
      resolve: (l) => money(l.discountAmount, l.order.currencyCode),
    }),
    total: t.field({
      type: Money,
      description: "unitPrice × quantity − discount.",
      select: { total: true, ...orderCurrency },
      resolve: (l) => money(l.total, l.order.currencyCode),
    }),
    attribution: t.field({ type: LineAttribution, select: attributionSelect, resolve: (l) => l }),
    productId: t.id({
      nullable: true,
      select: { productId: true },
      resolve: (l) => (l.productId ? encodeGlobalID("Product", l.productId) : null),
    }),
    variant: t.prismaField({
      type: "ProductVariant",
      nullable: true,
      description: "The variant as it is now; null when deleted or no longer visible to the caller.",
      select: { variantId: true },
      resolve: (query, line, _args, ctx) => visibleVariant(ctx, query, line.variantId) as never,
    }),
  }),
});

builder.prismaObject("Payment", {
  name: "OrderPayment",
  description: "A payment of the order through the payment provider.",
  fields: (t) => ({
    provider: t.exposeString("provider"),
    status: t.expose("status", { type: PaymentStatusEnum }),
    amount: t.field({
      type: Money,
      select: { amount: true, currencyCode: true },
      resolve: (p) => money(p.amount, p.currencyCode),
    }),
    refundedAmount: t.field({
      type: Money,
      select: { refundedAmount: true, currencyCode: true },
      resolve: (p) => money(p.refundedAmount, p.currencyCode),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

interface RefundLineShape {
  orderLineId: string;
  quantity: number;
  amount: number;
  currencyCode: string;
}

const RefundLine = builder.objectRef<RefundLineShape>("RefundLine").implement({
  fields: (t) => ({
    orderLineId: t.id({ resolve: (l) => encodeGlobalID("OrderLine", l.orderLineId) }),
    quantity: t.exposeInt("quantity"),
    amount: t.field({ type: Money, resolve: (l) => money(l.amount, l.currencyCode) }),
  }),
});

builder.prismaObject("Refund", {
  name: "Refund",
  fields: (t) => ({
    status: t.expose("status", { type: RefundStatusEnum }),
    amount: t.field({
      type: Money,
      select: { amount: true, ...orderCurrency },
      resolve: (r) => money(r.amount, r.order.currencyCode),
    }),
    lines: t.field({
      type: [RefundLine],
      description: `The lines and units refunded (at most ${ORDER_LIMITS.lines}: one per order line).`,
      complexity: listCost(ORDER_LIMITS.lines),
      select: { lines: true, ...orderCurrency },
      resolve: (r) =>
        (r.lines as Omit<RefundLineShape, "currencyCode">[])
          .slice(0, ORDER_LIMITS.lines)
          .map((l) => ({ ...l, currencyCode: r.order.currencyCode })),
    }),
    restock: t.exposeBoolean("restock", {
      description: "Whether the refunded units go back to stock (once the refund succeeds).",
    }),
    cancelsOrder: t.exposeBoolean("cancelsOrder", { description: "Written by orderCancel." }),
    reason: t.exposeString("reason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const OrderType = builder.prismaNode("Order", {
  id: { field: "id" },
  nullable: true,
  description: "One shop's part of a checked-out cart. Prices are a snapshot taken at checkout.",
  findUnique: (id, ctx) => ({ id, AND: [orderVisibleWhere(ctx)] }),
  fields: (t) => ({
    number: t.exposeInt("number", { description: "Sequential across the platform." }),
    status: t.expose("status", { type: OrderStatusEnum }),
    shop: t.relation("shop"),
    buyer: t.relation("buyer", {
      nullable: true,
      description: "The signed-in buyer; null for an anonymous checkout.",
    }),
    email: t.exposeString("email", { nullable: true }),
    countryCode: t.exposeString("countryCode", { nullable: true }),
    currencyCode: t.expose("currencyCode", { type: CurrencyCode }),
    subtotal: t.field({
      type: Money,
      select: { subtotal: true, currencyCode: true },
      resolve: (o) => money(o.subtotal, o.currencyCode),
    }),
    discountTotal: t.field({
      type: Money,
      select: { discountTotal: true, currencyCode: true },
      resolve: (o) => money(o.discountTotal, o.currencyCode),
    }),
    total: t.field({
      type: Money,
      description: "What the buyer paid.",
      select: { total: true, currencyCode: true },
      resolve: (o) => money(o.total, o.currencyCode),
    }),
    refundedTotal: t.field({
      type: Money,
      select: { refundedTotal: true, currencyCode: true },
      resolve: (o) => money(o.refundedTotal, o.currencyCode),
    }),
    lines: t.relation("lines", {
      description: `The lines (at most ${ORDER_LIMITS.lines}: one per cart line of the shop).`,
      query: { orderBy: { id: "asc" }, take: ORDER_LIMITS.lines },
      complexity: listCost(ORDER_LIMITS.lines),
    }),
    discountCodes: t.stringList({
      description: "The discount codes the order used.",
      select: { redemptions: { select: { discountCode: { select: { code: true } } } } },
      resolve: (o) => o.redemptions.map((r) => r.discountCode.code),
    }),
    payments: t.relation("payments", {
      description: "The payment taken at checkout (one per order).",
      query: { orderBy: { id: "asc" }, take: ORDER_LIMITS.payments },
      complexity: listCost(ORDER_LIMITS.payments),
    }),
    refunds: t.relation("refunds", {
      description: `Refunds that succeeded or are pending, oldest first (at most ${ORDER_LIMITS.refunds}). A refund the payment provider declined changed nothing and is not listed.`,
      query: { where: { status: { not: "FAILED" } }, orderBy: { id: "asc" }, take: ORDER_LIMITS.refunds },
      complexity: listCost(ORDER_LIMITS.refunds),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    paidAt: t.expose("paidAt", { type: "DateTime", nullable: true }),
    fulfilledAt: t.expose("fulfilledAt", { type: "DateTime", nullable: true }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("order", (t) =>
  t.prismaField({
    type: "Order",
    nullable: true,
    description:
      "An order, for its buyer, the merchants of its shop (secret key) and the platform; null for others.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = decodeId(String(args.id), "Order");
      if (id === null) throw badInput("`id` is not a valid Order ID.");
      return ctx.db.order.findFirst({ ...query, where: { id, AND: [orderVisibleWhere(ctx)] } });
    },
  }),
);

builder.objectField(Viewer, "orders", (t) =>
  t.prismaConnection({
    type: "Order",
    cursor: "id",
    description: "The user's orders, newest first; empty without a user token.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    resolve: (query, _viewer, _args, ctx) =>
      ctx.user
        ? ctx.db.order.findMany({ ...query, where: { buyerId: ctx.user.id }, orderBy: { id: "desc" } })
        : [],
  }),
);

builder.objectField(ShopType, "orders", (t) =>
  t.prismaConnection({
    type: "Order",
    cursor: "id",
    description:
      "The shop's orders, newest first. For its merchants (secret key) and the platform; FORBIDDEN for others.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    args: {
      status: t.arg({
        type: [OrderStatusEnum],
        required: false,
        description: "Only orders in one of these statuses.",
      }),
      createdAfter: t.arg({
        type: "DateTime",
        required: false,
        description: "Only orders created after this instant (exclusive), such as the last export's.",
      }),
      createdBefore: t.arg({
        type: "DateTime",
        required: false,
        description: "Only orders created before this instant (exclusive).",
      }),
    },
    resolve: async (query, shop, args, ctx) => {
      if (!(await canManageShop(ctx, shop.id))) throw forbidden("Only the shop's merchants see its orders.");
      const createdAt = {
        ...(args.createdAfter ? { gt: args.createdAfter } : {}),
        ...(args.createdBefore ? { lt: args.createdBefore } : {}),
      };
      const where: Prisma.OrderWhereInput = {
        shopId: shop.id,
        ...(args.status?.length ? { status: { in: args.status } } : {}),
        ...(args.createdAfter || args.createdBefore ? { createdAt } : {}),
      };
      return ctx.db.order.findMany({ ...query, where, orderBy: { id: "desc" } });
    },
  }),
);

builder.prismaObjectField("Cart", "orders", (t) =>
  t.prismaField({
    type: ["Order"],
    description: `The orders the cart was checked out into (one per shop), in a stable order: the ${ORDER_LIMITS.ordersPerCheckout} newest, which always include the last checkout's.`,
    complexity: listCost(ORDER_LIMITS.ordersPerCheckout),
    resolve: async (query, cart, _args, ctx) => {
      const rows = await ctx.db.order.findMany({
        ...query,
        where: { cartId: cart.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: ORDER_LIMITS.ordersPerCheckout,
      });
      return rows.sort((x, y) => (x.id < y.id ? -1 : 1));
    },
  }),
);
