import { builder } from "../builder.ts";
import { WebhookDeliveryStatus, WebhookTopic } from "@shoppable/db/enums";
import type { Prisma } from "@shoppable/db/client";
import type { Context } from "../context.ts";
import { ShopType } from "../catalog/shop.ts";
import { limits, listCost } from "../limits.ts";
import { canManageShop, isPlatform, manageableShopIds } from "../shared/access.ts";
import { forbidden } from "../shared/errors.ts";
import { eventType, MAX_ENDPOINTS } from "./service.ts";

export const WebhookTopicEnum = builder.enumType(WebhookTopic, {
  name: "WebhookTopic",
  description:
    "What an endpoint is told about: ORDER_PAID (order.paid), ORDER_REFUNDED, ORDER_FULFILLED (some or all of an order shipped: the fulfilment with its lines and tracking), RETURN_REQUESTED (a buyer asked to return goods), COMMISSION_PAYABLE, INVENTORY_LOW (a variant fell below its shop's lowStockThreshold).",
});
export const WebhookDeliveryStatusEnum = builder.enumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
});

/** Managers of the endpoint's shop; for platform endpoints, the platform. */
function canSeeEndpoint(endpoint: { shopId: string | null }, ctx: Context) {
  if (endpoint.shopId === null) return isPlatform(ctx);
  return canManageShop(ctx, endpoint.shopId);
}

/** `canSeeEndpoint` as a Prisma `where`, for lookups by id (`node`). */
async function visibleEndpointWhere(ctx: Context): Promise<Prisma.WebhookEndpointWhereInput> {
  const managed = await manageableShopIds(ctx);
  return managed === "all" ? {} : { shopId: { in: managed } };
}

export const WebhookDeliveryType = builder.prismaNode("WebhookDelivery", {
  id: { field: "id" },
  nullable: true,
  description: "One event sent to one endpoint: the delivery log.",
  select: { id: true, endpoint: { select: { shopId: true } } },
  findUnique: async (id, ctx) => ({ id, endpoint: await visibleEndpointWhere(ctx) }),
  authScopes: (delivery, ctx) => canSeeEndpoint(delivery.endpoint, ctx),
  fields: (t) => ({
    eventId: t.string({
      description: "The event id (also the `id` of the body): receivers deduplicate by it.",
      select: { eventId: true },
      resolve: (d) => d.eventId,
    }),
    eventType: t.string({
      select: { event: { select: { topic: true } } },
      resolve: (d) => eventType(d.event.topic),
    }),
    payload: t.field({
      type: "JSON",
      description: "The event's `data`.",
      select: { event: { select: { payload: true } } },
      resolve: (d) => d.event.payload,
    }),
    status: t.expose("status", { type: WebhookDeliveryStatusEnum }),
    attempts: t.exposeInt("attempts"),
    nextAttemptAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the next attempt is due; null once SUCCEEDED or FAILED.",
      select: { nextAttemptAt: true, status: true },
      resolve: (d) => (d.status === "PENDING" ? d.nextAttemptAt : null),
    }),
    lastAttemptAt: t.expose("lastAttemptAt", { type: "DateTime", nullable: true }),
    lastStatusCode: t.exposeInt("lastStatusCode", {
      nullable: true,
      description: "The HTTP status of the last attempt; null when it got no answer.",
    }),
    lastError: t.exposeString("lastError", { nullable: true }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const WebhookEndpointType = builder.prismaNode("WebhookEndpoint", {
  id: { field: "id" },
  nullable: true,
  description:
    "An integrator's URL that receives signed events of some topics, for one shop or (shop null) for every shop.",
  select: { id: true, shopId: true },
  findUnique: async (id, ctx) => ({ id, AND: [await visibleEndpointWhere(ctx)] }),
  authScopes: (endpoint, ctx) => canSeeEndpoint(endpoint, ctx),
  fields: (t) => ({
    shop: t.relation("shop", { nullable: true }),
    url: t.exposeString("url"),
    topics: t.expose("topics", { type: [WebhookTopicEnum] }),
    description: t.exposeString("description"),
    enabled: t.boolean({ select: { disabledAt: true }, resolve: (e) => e.disabledAt === null }),
    signingSecret: t.exposeString("secret", {
      description:
        'Signs every delivery: `Shoppable-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with this secret>`. Rotate with webhookEndpointUpdate(rotateSecret: true).',
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    deliveries: t.relatedConnection("deliveries", {
      cursor: "id",
      description: "The delivery log, newest first.",
      args: { status: t.arg({ type: WebhookDeliveryStatusEnum, required: false }) },
      // Delivery ids are random (written in SQL by the outbox): newest first by time, then id.
      query: (args) => ({
        where: args.status ? { status: args.status } : {},
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
      defaultSize: limits.defaultPageSize,
      maxSize: limits.maxPageSize,
    }),
  }),
});

builder.objectField(ShopType, "webhookEndpoints", (t) =>
  t.prismaField({
    type: ["WebhookEndpoint"],
    description: `The shop's webhook endpoints (at most ${MAX_ENDPOINTS}). For its merchants (secret key) and the platform; FORBIDDEN for others.`,
    complexity: listCost(MAX_ENDPOINTS),
    resolve: async (query, shop, _args, ctx) => {
      if (!(await canManageShop(ctx, shop.id)))
        throw forbidden("Only the shop's merchants see its webhook endpoints.");
      return ctx.db.webhookEndpoint.findMany({
        ...query,
        where: { shopId: shop.id },
        orderBy: { id: "asc" },
        take: MAX_ENDPOINTS,
      });
    },
  }),
);

builder.queryField("platformWebhookEndpoints", (t) =>
  t.prismaField({
    type: ["WebhookEndpoint"],
    description: `The platform's webhook endpoints (at most ${MAX_ENDPOINTS}; events of every shop). For the platform only: a secret key without a user, or an ADMIN.`,
    complexity: listCost(MAX_ENDPOINTS),
    resolve: (query, _root, _args, ctx) => {
      if (!isPlatform(ctx)) throw forbidden("Only the platform sees platform webhook endpoints.");
      return ctx.db.webhookEndpoint.findMany({
        ...query,
        where: { shopId: null },
        orderBy: { id: "asc" },
        take: MAX_ENDPOINTS,
      });
    },
  }),
);
