import { z } from "zod";
import { builder } from "../builder.ts";
import { WebhookTopic } from "@shoppable/db/enums";
import { globalId, parseInput } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { firstUserErrors, userError, userErrorsCost } from "../shared/user-error.ts";
import { WebhookError } from "./errors.ts";
import * as webhooks from "./service.ts";
import { WebhookTopicEnum } from "./webhook.ts";

const endpointUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "Must be an absolute http(s) URL without credentials.");
const topics = z
  .array(z.enum(WebhookTopic))
  .max(Object.keys(WebhookTopic).length)
  .transform((list) => [...new Set(list)]);
const description = z.string().trim().max(500);

/** URL problems are URL_NOT_HTTP, an empty topic list TOPICS_REQUIRED; other input problems keep their codes. */
function webhookInputErrors(errors: ReturnType<typeof userError>[]) {
  return errors.map((e) => (e.field?.[0] === "url" ? { ...e, code: "URL_NOT_HTTP" } : e));
}

const WebhookEndpointCreateInput = builder.inputType("WebhookEndpointCreateInput", {
  fields: (t) => ({
    shopId: t.id({
      required: false,
      description: "The shop whose events it receives; omitted: every shop's (the platform only).",
    }),
    url: t.string({
      description:
        "Where events are POSTed: an absolute https URL (http too outside production) on a public address.",
    }),
    topics: t.field({ type: [WebhookTopicEnum] }),
    description: t.string({ required: false }),
  }),
});

const createSchema = z.object({
  shopId: globalId("Shop")
    .nullish()
    .transform((v) => v ?? null),
  url: endpointUrl,
  topics,
  description: description.nullish().transform((v) => v ?? ""),
});

builder.mutationField("webhookEndpointCreate", (t) =>
  t.field({
    type: definePayload(
      "WebhookEndpointCreate",
      { field: "webhookEndpoint", model: "WebhookEndpoint" },
      WebhookError.type,
    ),
    description:
      "Registers a webhook endpoint with a fresh signing secret (read it from `webhookEndpoint.signingSecret`). A shop's merchants (secret key) for the shop; the platform for every shop.",
    args: { input: t.arg({ type: WebhookEndpointCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(createSchema, input);
      if (!parsed.ok) return failed(webhookInputErrors(parsed.errors));
      if (parsed.data.topics.length === 0)
        return failed([userError("TOPICS_REQUIRED", "Subscribe to at least one topic.", ["topics"])]);
      return webhooks.createEndpoint(ctx, parsed.data);
    },
  }),
);

const WebhookEndpointUpdateInput = builder.inputType("WebhookEndpointUpdateInput", {
  fields: (t) => ({
    id: t.id(),
    url: t.string({ required: false }),
    topics: t.field({ type: [WebhookTopicEnum], required: false }),
    description: t.string({ required: false }),
    enabled: t.boolean({
      required: false,
      description: "false stops deliveries at once: pending ones are FAILED.",
    }),
    rotateSecret: t.boolean({ required: false, description: "true replaces the signing secret." }),
  }),
});

const updateSchema = z.object({
  id: globalId("WebhookEndpoint"),
  url: endpointUrl.nullish().transform((v) => v ?? undefined),
  topics: topics.nullish().transform((v) => v ?? undefined),
  description: description.nullish().transform((v) => v ?? undefined),
  enabled: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
  rotateSecret: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
});

builder.mutationField("webhookEndpointUpdate", (t) =>
  t.field({
    type: definePayload(
      "WebhookEndpointUpdate",
      { field: "webhookEndpoint", model: "WebhookEndpoint" },
      WebhookError.type,
    ),
    args: { input: t.arg({ type: WebhookEndpointUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(updateSchema, input);
      if (!parsed.ok) return failed(webhookInputErrors(parsed.errors));
      if (parsed.data.topics?.length === 0)
        return failed([userError("TOPICS_REQUIRED", "Subscribe to at least one topic.", ["topics"])]);
      return webhooks.updateEndpoint(ctx, parsed.data);
    },
  }),
);

const WebhookEndpointDeleteInput = builder.inputType("WebhookEndpointDeleteInput", {
  fields: (t) => ({ id: t.id() }),
});

const WebhookEndpointDeletePayload = builder
  .objectRef<{ deletedId: string | null; userErrors: ReturnType<typeof userError>[] }>(
    "WebhookEndpointDeletePayload",
  )
  .implement({
    fields: (t) => ({
      deletedWebhookEndpointId: t.id({ nullable: true, resolve: (p) => p.deletedId }),
      userErrors: t.field({
        type: [WebhookError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors) as never,
      }),
    }),
  });

builder.mutationField("webhookEndpointDelete", (t) =>
  t.field({
    type: WebhookEndpointDeletePayload,
    description: "Deletes an endpoint and its delivery log.",
    args: { input: t.arg({ type: WebhookEndpointDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(z.object({ id: globalId("WebhookEndpoint") }), input);
      if (!parsed.ok) return { deletedId: null, userErrors: parsed.errors };
      const result = await webhooks.deleteEndpoint(ctx, parsed.data.id);
      return { deletedId: result.id === null ? null : input.id, userErrors: result.userErrors };
    },
  }),
);
