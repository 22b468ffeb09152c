import { z } from "zod";
import { builder } from "../builder.ts";
import { globalId, httpUrl, parseInput, text } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { CheckoutError, OrderError } from "./errors.ts";
import * as fulfilments from "./fulfillment-service.ts";
import * as orders from "./order-service.ts";
import { TEST_PAYMENT_TOKENS } from "./payment.ts";
import { completeCheckout, type CheckoutResult } from "./service.ts";
import { firstUserErrors, userErrorsCost } from "../shared/user-error.ts";
import { ORDER_LIMITS } from "./limits.ts";
import { listCost } from "../limits.ts";
import { ReturnError } from "./errors.ts";
import * as returns from "./return-service.ts";

// ───────────── checkoutComplete ─────────────

const CheckoutPaymentInput = builder.inputType("CheckoutPaymentInput", {
  fields: (t) => ({
    token: t.string({
      description: `The payment method token from the payment provider's client SDK. The built-in test provider takes: ${Object.entries(
        TEST_PAYMENT_TOKENS,
      )
        .map(([token, what]) => `\`${token}\`: ${what}`)
        .join(" ")}`,
    }),
  }),
});

const CheckoutCompleteInput = builder.inputType("CheckoutCompleteInput", {
  fields: (t) => ({
    cartId: t.id(),
    idempotencyKey: t.string({
      description:
        "A key the client makes per checkout attempt (a UUID): retrying with the same key and input returns the first result and never charges twice; keys live 24 hours.",
    }),
    payment: t.field({ type: CheckoutPaymentInput }),
  }),
});

const CheckoutCompletePayload = builder.objectRef<CheckoutResult>("CheckoutCompletePayload").implement({
  fields: (t) => ({
    order: t.prismaField({
      type: "Order",
      nullable: true,
      description: "The order; with products of several shops, the first of `orders`.",
      resolve: (query, payload, _args, ctx) =>
        payload.orderIds[0]
          ? ctx.db.order.findUnique({ ...query, where: { id: payload.orderIds[0] } })
          : null,
    }),
    orders: t.prismaField({
      type: ["Order"],
      description: `One order per shop in the cart (at most ${ORDER_LIMITS.ordersPerCheckout}), in a stable order.`,
      complexity: listCost(ORDER_LIMITS.ordersPerCheckout),
      resolve: async (query, payload, _args, ctx) => {
        const ids = payload.orderIds.slice(0, ORDER_LIMITS.ordersPerCheckout);
        if (ids.length === 0) return [];
        const rows = await ctx.db.order.findMany({ ...query, where: { id: { in: ids } } });
        return ids.flatMap((id) => rows.filter((r) => r.id === id));
      },
    }),
    userErrors: t.field({
      type: [CheckoutError.type],
      complexity: userErrorsCost,
      resolve: (payload) => firstUserErrors(payload.userErrors),
    }),
  }),
});

builder.mutationField("checkoutComplete", (t) =>
  t.field({
    type: CheckoutCompletePayload,
    description:
      "Checks the cart out: one order per shop, stock reserved without overselling, paid through the payment provider. Idempotent: see `idempotencyKey`.",
    args: { input: t.arg({ type: CheckoutCompleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        cartId: globalId("Cart"),
        idempotencyKey: z
          .string()
          .min(1)
          .max(255)
          .regex(/^[\x21-\x7e]+$/, "Printable ASCII without spaces."),
        payment: z.object({ token: z.string().trim().min(1).max(255) }),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return { orderIds: [], userErrors: parsed.errors };
      return completeCheckout(ctx, parsed.data);
    },
  }),
);

// ───────────── orders ─────────────

const orderPayload = (name: string) =>
  definePayload(name, { field: "order", model: "Order" }, OrderError.type);

const OrderFulfillLineInput = builder.inputType("OrderFulfillLineInput", {
  fields: (t) => ({
    lineId: t.id({ description: "An OrderLine of the order." }),
    quantity: t.int({ description: "Units to ship, at least 1." }),
  }),
});

const FulfillmentTrackingInput = builder.inputType("FulfillmentTrackingInput", {
  fields: (t) => ({
    carrier: t.string({ required: false, description: "The carrier's name, at most 60 characters." }),
    number: t.string({ required: false, description: "The tracking number, at most 100 characters." }),
    url: t.string({ required: false, description: "An http(s) tracking page." }),
  }),
});

const OrderFulfillInput = builder.inputType("OrderFulfillInput", {
  fields: (t) => ({
    id: t.id(),
    lines: t.field({
      type: [OrderFulfillLineInput],
      required: false,
      description: "Lines and units to ship; absent: every unit left to ship.",
    }),
    tracking: t.field({ type: FulfillmentTrackingInput, required: false }),
  }),
});

const OrderFulfillPayload = builder
  .objectRef<fulfilments.FulfillPayloadShape>("OrderFulfillPayload")
  .implement({
    fields: (t) => ({
      order: t.prismaField({
        type: "Order",
        nullable: true,
        resolve: (query, payload, _args, ctx) =>
          payload.id === null ? null : ctx.db.order.findUnique({ ...query, where: { id: payload.id } }),
      }),
      fulfillment: t.prismaField({
        type: "Fulfillment",
        nullable: true,
        description: "The fulfilment written; null when the mutation failed.",
        resolve: (query, payload, _args, ctx) =>
          payload.fulfillmentId === null
            ? null
            : ctx.db.fulfillment.findUnique({ ...query, where: { id: payload.fulfillmentId } }),
      }),
      userErrors: t.field({
        type: [OrderError.type],
        complexity: userErrorsCost,
        resolve: (payload) => firstUserErrors(payload.userErrors),
      }),
    }),
  });

const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => v ?? null);

builder.mutationField("orderFulfill", (t) =>
  t.field({
    type: OrderFulfillPayload,
    description: `Ships some units of a PAID (or partially refunded) order, or every unit left, with optional tracking: one Fulfillment each time (at most ${ORDER_LIMITS.fulfillments} per order, the last shipping everything left). The order becomes FULFILLED (a partially refunded one keeps its status) once no unit is left to ship. For the shop's merchants (secret key) and the platform.`,
    args: { input: t.arg({ type: OrderFulfillInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        id: globalId("Order"),
        lines: z
          .array(
            z.object({ lineId: globalId("OrderLine"), quantity: z.number().int().min(1).max(1_000_000) }),
          )
          .min(1)
          .max(ORDER_LIMITS.lines)
          .refine(
            (lines) => new Set(lines.map((l) => l.lineId)).size === lines.length,
            "A line may be listed once.",
          )
          .nullish()
          .transform((v) => v ?? null),
        tracking: z
          .object({
            carrier: optionalText(60),
            number: optionalText(100),
            url: httpUrl(2048)
              .nullish()
              .transform((v) => v ?? null),
          })
          .nullish()
          .transform((v) => v ?? null),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return { id: null, fulfillmentId: null, userErrors: parsed.errors };
      const { id, lines, tracking } = parsed.data;
      return fulfilments.fulfillOrder(ctx, {
        orderId: id,
        lines,
        tracking: fulfilments.trackingOrNull(tracking),
      });
    },
  }),
);

const OrderCancelInput = builder.inputType("OrderCancelInput", {
  fields: (t) => ({ id: t.id(), reason: t.string({ required: false }) }),
});

builder.mutationField("orderCancel", (t) =>
  t.field({
    type: orderPayload("OrderCancel"),
    description:
      "Cancels a PAID (or partially refunded) order that was not fulfilled: refunds what was not refunded yet through the payment provider and puts those units back in stock. For the shop's merchants and the platform.",
    args: { input: t.arg({ type: OrderCancelInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z.object({
          id: globalId("Order"),
          reason: z
            .string()
            .trim()
            .min(1)
            .max(500)
            .nullish()
            .transform((v) => v ?? null),
        }),
        input,
      );
      if (!parsed.ok) return failed(parsed.errors);
      return orders.refundOrder(ctx, {
        orderId: parsed.data.id,
        lines: null,
        restock: true,
        reason: parsed.data.reason,
        cancel: true,
      });
    },
  }),
);

const OrderRefundLineInput = builder.inputType("OrderRefundLineInput", {
  fields: (t) => ({
    lineId: t.id({ description: "An OrderLine of the order." }),
    quantity: t.int({ description: "Units to refund, at least 1." }),
  }),
});

const OrderRefundInput = builder.inputType("OrderRefundInput", {
  fields: (t) => ({
    id: t.id(),
    lines: t.field({
      type: [OrderRefundLineInput],
      required: false,
      description: "Lines and units to refund; absent: every unit not refunded yet.",
    }),
    restock: t.boolean({
      required: false,
      description: "Put the refunded units back in stock; default false.",
    }),
    reason: t.string({ required: false }),
  }),
});

builder.mutationField("orderRefund", (t) =>
  t.field({
    type: orderPayload("OrderRefund"),
    description:
      "Refunds a whole order or some units of some lines through the payment provider, restocking them when asked. Each unit gives back its share of the line total (after discount); refunding every unit gives back exactly what was paid.",
    args: { input: t.arg({ type: OrderRefundInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        id: globalId("Order"),
        lines: z
          .array(
            z.object({ lineId: globalId("OrderLine"), quantity: z.number().int().min(1).max(1_000_000) }),
          )
          .min(1)
          .max(100)
          .refine(
            (lines) => new Set(lines.map((l) => l.lineId)).size === lines.length,
            "A line may be listed once.",
          )
          .nullish()
          .transform((v) => v ?? null),
        restock: z
          .boolean()
          .nullish()
          .transform((v) => v ?? false),
        reason: z
          .string()
          .trim()
          .min(1)
          .max(500)
          .nullish()
          .transform((v) => v ?? null),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      const { id, ...rest } = parsed.data;
      return orders.refundOrder(ctx, { orderId: id, ...rest, cancel: false });
    },
  }),
);

// ───────────── returns ─────────────

const returnPayload = (name: string) =>
  definePayload(name, { field: "return", model: "Return" }, ReturnError.type);

const ReturnRequestLineInput = builder.inputType("ReturnRequestLineInput", {
  fields: (t) => ({
    lineId: t.id({ description: "An OrderLine of the order." }),
    quantity: t.int({ description: "Units to return, at least 1." }),
  }),
});

const ReturnRequestInput = builder.inputType("ReturnRequestInput", {
  fields: (t) => ({
    orderId: t.id(),
    lines: t.field({
      type: [ReturnRequestLineInput],
      description: "Lines and units to return, each line once.",
    }),
    reason: t.string({ description: "Why the goods go back, 1 to 500 characters." }),
  }),
});

builder.mutationField("returnRequest", (t) =>
  t.field({
    type: returnPayload("ReturnRequest"),
    description:
      "The buyer asks to return delivered units of their order, within the shop's return window after each line's delivery; the shop's merchants approve (refund) or decline it. Needs the buyer's user token.",
    authScopes: { user: true },
    args: { input: t.arg({ type: ReturnRequestInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        orderId: globalId("Order"),
        lines: z
          .array(
            z.object({ lineId: globalId("OrderLine"), quantity: z.number().int().min(1).max(1_000_000) }),
          )
          .min(1)
          .max(ORDER_LIMITS.lines)
          .refine(
            (lines) => new Set(lines.map((l) => l.lineId)).size === lines.length,
            "A line may be listed once.",
          ),
        reason: z.string().trim().min(1).max(500),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return returns.requestReturn(ctx, parsed.data);
    },
  }),
);

const ReturnApproveInput = builder.inputType("ReturnApproveInput", {
  fields: (t) => ({
    id: t.id({ description: "A REQUESTED Return." }),
    restock: t.boolean({
      required: false,
      defaultValue: true,
      description: "Put the returned units back in stock; default true.",
    }),
  }),
});

builder.mutationField("returnApprove", (t) =>
  t.field({
    type: returnPayload("ReturnApprove"),
    description:
      "Approves a return: refunds the units' share of the lines' price and tax and, when the shop refunds shipping on returns, their share of the shipping, through the payment provider; restocks them when asked and reverses their affiliate commissions. For the shop's merchants (secret key) and the platform.",
    args: { input: t.arg({ type: ReturnApproveInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        id: globalId("Return"),
        restock: z
          .boolean()
          .nullish()
          .transform((v) => v ?? true),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return returns.approveReturn(ctx, { returnId: parsed.data.id, restock: parsed.data.restock });
    },
  }),
);

const ReturnDeclineInput = builder.inputType("ReturnDeclineInput", {
  fields: (t) => ({
    id: t.id({ description: "A REQUESTED Return." }),
    reason: t.string({ required: false, description: "Why, for the buyer; at most 500 characters." }),
  }),
});

builder.mutationField("returnDecline", (t) =>
  t.field({
    type: returnPayload("ReturnDecline"),
    description:
      "Declines a return: nothing is refunded and its units may be asked for again. For the shop's merchants (secret key) and the platform.",
    args: { input: t.arg({ type: ReturnDeclineInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        id: globalId("Return"),
        reason: z
          .string()
          .trim()
          .min(1)
          .max(500)
          .nullish()
          .transform((v) => v ?? null),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return returns.declineReturn(ctx, { returnId: parsed.data.id, reason: parsed.data.reason });
    },
  }),
);
