import { z } from "zod";
import { builder, type SchemaTypesOf } from "../builder.ts";
import { globalId, parseInput, text } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { LiveError } from "./errors.ts";
import * as live from "./service.ts";

const LIMITS = {
  title: 200,
  url: 2048,
  sessionId: 128,
  durationMs: 24 * 3600 * 1000,
  quantityCap: 1_000_000,
};
/** Replay video frame size when not given: portrait 9:16, as phones broadcast. */
const DEFAULT_REPLAY_SIZE = { width: 1080, height: 1920 };

const mediaUrl = z.union([
  z
    .string()
    .max(LIMITS.url)
    .regex(/^\/[^\s]*$/, "Must be an http(s) URL or an absolute path."),
  z
    .string()
    .max(LIMITS.url)
    .url()
    .refine((u) => /^https?:\/\//.test(u), "Must be an http(s) URL."),
]);
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
const sessionPayload = (name: string) =>
  definePayload(name, { field: "liveSession", model: "LiveSession" }, LiveError.type);
const hostOrServer = { authScopes: { user: true, secretKey: true } } as const;

// ───────────── lifecycle ─────────────

const LiveSessionScheduleInput = builder.inputType("LiveSessionScheduleInput", {
  fields: (t) => ({
    title: t.string(),
    scheduledAt: t.field({
      type: "DateTime",
      description: "When the session is announced to start; in the future, within a year.",
    }),
    shopId: t.id({
      required: false,
      description: "The shop the session sells for; the caller must manage it.",
    }),
    hostId: t.id({
      required: false,
      description:
        "For the platform (a secret key without a user token): the host, a CREATOR or a MERCHANT of the shop.",
    }),
    playbackUrl: t.string({
      required: false,
      description:
        "Where viewers will play the stream: an http(s) URL or an absolute path (see LiveSession.playbackUrl).",
    }),
  }),
});

const scheduleSchema = z.object({
  title: text(LIMITS.title),
  scheduledAt: z.date(),
  shopId: optional(globalId("Shop")),
  hostId: optional(globalId("User")),
  playbackUrl: optional(mediaUrl),
});

builder.mutationField("liveSessionSchedule", (t) =>
  t.field({
    ...hostOrServer,
    type: sessionPayload("LiveSessionSchedule"),
    description:
      "Schedules a live session hosted by the caller: a creator, or a merchant for a shop they manage (secret key). The platform schedules for a hostId.",
    args: { input: t.arg({ type: LiveSessionScheduleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(scheduleSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return live.scheduleLiveSession(ctx, parsed.data);
    },
  }),
);

const LiveSessionStartInput = builder.inputType("LiveSessionStartInput", {
  fields: (t) => ({
    id: t.id(),
    playbackUrl: t.string({
      required: false,
      description:
        "Where viewers play the stream, when it is known only now; replaces the one given at scheduling. An http(s) URL or an absolute path.",
    }),
  }),
});
const LiveSessionCancelInput = builder.inputType("LiveSessionCancelInput", {
  fields: (t) => ({ id: t.id() }),
});
const idSchema = z.object({ id: globalId("LiveSession") });
const startSchema = z.object({ id: globalId("LiveSession"), playbackUrl: optional(mediaUrl) });

builder.mutationField("liveSessionStart", (t) =>
  t.field({
    ...hostOrServer,
    type: sessionPayload("LiveSessionStart"),
    description: "Puts a SCHEDULED session on air. By the host, the shop's merchants or the platform.",
    args: { input: t.arg({ type: LiveSessionStartInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(startSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return live.startLiveSession(ctx, parsed.data.id, parsed.data.playbackUrl);
    },
  }),
);

builder.mutationField("liveSessionCancel", (t) =>
  t.field({
    ...hostOrServer,
    type: sessionPayload("LiveSessionCancel"),
    description: "Cancels a SCHEDULED session. By the host, the shop's merchants or the platform.",
    args: { input: t.arg({ type: LiveSessionCancelInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(idSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return live.cancelLiveSession(ctx, parsed.data.id);
    },
  }),
);

const LiveSessionReplayInput = builder.inputType("LiveSessionReplayInput", {
  description: "The recording of the session, published as its replay post.",
  fields: (t) => ({
    url: t.string({ description: "The video: an http(s) URL or an absolute path." }),
    durationMs: t.int({ description: "The video's length in milliseconds." }),
    posterUrl: t.string({ required: false }),
    width: t.int({ required: false, description: `Default ${DEFAULT_REPLAY_SIZE.width}.` }),
    height: t.int({ required: false, description: `Default ${DEFAULT_REPLAY_SIZE.height}.` }),
  }),
});

const LiveSessionEndInput = builder.inputType("LiveSessionEndInput", {
  fields: (t) => ({
    id: t.id(),
    replay: t.field({
      type: LiveSessionReplayInput,
      required: false,
      description:
        "Publishes a replay post tagged with the products pinned during the session, each over the time it was pinned.",
    }),
  }),
});

const dimension = z.number().int().min(1).max(100_000);
const endSchema = z.object({
  id: globalId("LiveSession"),
  replay: optional(
    z.object({
      url: mediaUrl,
      durationMs: z.number().int().min(1).max(LIMITS.durationMs),
      posterUrl: optional(mediaUrl),
      width: dimension.nullish().transform((v) => v ?? DEFAULT_REPLAY_SIZE.width),
      height: dimension.nullish().transform((v) => v ?? DEFAULT_REPLAY_SIZE.height),
    }),
  ),
});

builder.mutationField("liveSessionEnd", (t) =>
  t.field({
    ...hostOrServer,
    type: sessionPayload("LiveSessionEnd"),
    description:
      "Ends a LIVE session: live prices stop, viewers are cleared, and with `replay` the replay post is created.",
    args: { input: t.arg({ type: LiveSessionEndInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(endSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return live.endLiveSession(ctx, parsed.data);
    },
  }),
);

// ───────────── pinned products ─────────────

const LiveSessionPinProductInput = builder.inputType("LiveSessionPinProductInput", {
  fields: (t) => ({
    liveSessionId: t.id(),
    productId: t.id(),
    variantId: t.id({ required: false, description: "Pin one variant; default the whole product." }),
    livePrice: t.field({
      type: "Decimal",
      required: false,
      description:
        "A live-only unit price in the product's currency: at least 0 and below the regular price. Applies only while the session is LIVE.",
    }),
    quantityCap: t.int({
      required: false,
      description: "Units that may be sold through the pin while live (at least 1); default no cap.",
    }),
  }),
});

const pinSchema = z.object({
  liveSessionId: globalId("LiveSession"),
  productId: globalId("Product"),
  variantId: optional(globalId("ProductVariant")),
  livePrice: optional(z.string().max(32)),
  quantityCap: optional(z.number().int().min(1).max(LIMITS.quantityCap)),
});

builder.mutationField("liveSessionPinProduct", (t) =>
  t.field({
    ...hostOrServer,
    type: sessionPayload("LiveSessionPinProduct"),
    description:
      "Pins a product (or variant) to a SCHEDULED or LIVE session with an optional live-only price and quantity cap. Pinning it again replaces its terms.",
    args: { input: t.arg({ type: LiveSessionPinProductInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(pinSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return live.pinProduct(ctx, parsed.data);
    },
  }),
);

const LiveSessionUnpinProductInput = builder.inputType("LiveSessionUnpinProductInput", {
  fields: (t) => ({ pinnedProductId: t.id({ description: "A LivePinnedProduct ID." }) }),
});

builder.mutationField("liveSessionUnpinProduct", (t) =>
  t.field({
    ...hostOrServer,
    type: sessionPayload("LiveSessionUnpinProduct"),
    description: "Unpins a pinned product: its live price and cap stop applying at once.",
    args: { input: t.arg({ type: LiveSessionUnpinProductInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(z.object({ pinnedProductId: globalId("LivePinnedProduct") }), input);
      if (!parsed.ok) return failed(parsed.errors);
      return live.unpinProduct(ctx, parsed.data.pinnedProductId);
    },
  }),
);

// ───────────── viewers ─────────────

const presenceFields = (t: PothosSchemaTypes.InputFieldBuilder<SchemaTypesOf, "InputObject">) => ({
  liveSessionId: t.id(),
  sessionId: t.string({
    required: false,
    description:
      "Identifies an anonymous viewer (an opaque id the app keeps per device); ignored when a user token is sent.",
  }),
});

const LiveSessionJoinInput = builder.inputType("LiveSessionJoinInput", { fields: presenceFields });
const LiveSessionLeaveInput = builder.inputType("LiveSessionLeaveInput", { fields: presenceFields });

const presenceSchema = z.object({
  liveSessionId: globalId("LiveSession"),
  sessionId: optional(
    z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.sessionId)
      .regex(/^[A-Za-z0-9._:-]+$/, "Use letters, digits and . _ : - only."),
  ),
});

builder.mutationField("liveSessionJoin", (t) =>
  t.field({
    type: sessionPayload("LiveSessionJoin"),
    description:
      "Counts the caller (a user, or an anonymous sessionId) as watching a LIVE session; joining again changes nothing.",
    args: { input: t.arg({ type: LiveSessionJoinInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(presenceSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return live.joinLiveSession(ctx, parsed.data);
    },
  }),
);

builder.mutationField("liveSessionLeave", (t) =>
  t.field({
    type: sessionPayload("LiveSessionLeave"),
    description: "Stops counting the caller as watching; leaving when not present changes nothing.",
    args: { input: t.arg({ type: LiveSessionLeaveInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(presenceSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return live.leaveLiveSession(ctx, parsed.data);
    },
  }),
);
