import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import {
  canSeeProduct,
  isPublicProduct,
  type ProductVisibility,
  visibleLiveSessionWhere,
  visibleProductWhere,
} from "../shared/access.ts";
import { LiveSessionStatus } from "@shoppable/db/enums";
import { limits, listCost } from "../limits.ts";
import { badInput } from "../shared/cursor.ts";
import { decodeId } from "../shared/input.ts";
import { Money, money } from "../shared/money.ts";
import { remainingUnderCap } from "./pricing.ts";
import { listLiveSessions } from "./session-list.ts";
import { MAX_PINS } from "./service.ts";

export const LiveSessionStatusEnum = builder.enumType(LiveSessionStatus, {
  name: "LiveSessionStatus",
  description: "SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. ENDED and CANCELLED are final.",
});

const productVisibility = { product: { select: { status: true, shopId: true, hiddenAt: true } } } as const;

export const LivePinnedProductType = builder.prismaNode("LivePinnedProduct", {
  id: { field: "id" },
  nullable: true,
  description: "A product (or one variant) pinned in a live session, with its live-only terms.",
  select: { id: true, ...productVisibility },
  findUnique: async (id, ctx) => ({ id, product: await visibleProductWhere(ctx) }),
  authScopes: (pin, ctx) => isPublicProduct(pin.product) || canSeeProduct(ctx, pin.product),
  fields: (t) => ({
    liveSession: t.relation("liveSession"),
    product: t.relation("product"),
    variant: t.relation("variant", {
      nullable: true,
      description: "The pinned variant; null when the whole product is pinned.",
    }),
    livePrice: t.field({
      type: Money,
      nullable: true,
      description:
        "The live-only unit price, in the product's currency. It applies only while the session is LIVE (see `livePriceActive`).",
      select: { livePrice: true, product: { select: { currencyCode: true } } },
      resolve: (pin) => (pin.livePrice === null ? null : money(pin.livePrice, pin.product.currencyCode)),
    }),
    quantityCap: t.exposeInt("quantityCap", {
      nullable: true,
      description: "Units that may be sold through this pin while live; null: no cap.",
    }),
    quantitySold: t.exposeInt("quantitySold", { description: "Units sold through this pin." }),
    remaining: t.int({
      nullable: true,
      description: "Units left under the cap; null when there is no cap.",
      select: { quantityCap: true, quantitySold: true },
      resolve: (pin) => remainingUnderCap(pin),
    }),
    livePriceActive: t.boolean({
      description:
        "Whether buying through the session gets `livePrice` now: it has one, the session is LIVE, the product is pinned and the cap not used up.",
      select: {
        livePrice: true,
        quantityCap: true,
        quantitySold: true,
        unpinnedAt: true,
        liveSession: { select: { status: true } },
      },
      resolve: (pin) =>
        pin.livePrice !== null &&
        pin.unpinnedAt === null &&
        pin.liveSession.status === "LIVE" &&
        remainingUnderCap(pin) !== 0,
    }),
    pinnedAt: t.expose("pinnedAt", { type: "DateTime" }),
    unpinnedAt: t.expose("unpinnedAt", { type: "DateTime", nullable: true }),
  }),
});

export const LiveSessionType = builder.prismaNode("LiveSession", {
  id: { field: "id" },
  nullable: true,
  description:
    "A live shopping broadcast by a creator or for a shop, with pinned products and a viewer count.",
  findUnique: (id, ctx) => ({ id, AND: [visibleLiveSessionWhere(ctx)] }),
  fields: (t) => ({
    title: t.exposeString("title"),
    playbackUrl: t.exposeString("playbackUrl", {
      nullable: true,
      description:
        "Where viewers play the stream: the streaming provider's playback URL (HLS `.m3u8`, or any video URL), set by liveSessionSchedule or liveSessionStart; null until then. Shoppable stores it; the video itself is the provider's.",
    }),
    status: t.expose("status", { type: LiveSessionStatusEnum }),
    host: t.relation("host"),
    shop: t.relation("shop", {
      nullable: true,
      description: "The shop the session sells for; null for a creator's own session.",
    }),
    scheduledAt: t.expose("scheduledAt", { type: "DateTime" }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    endedAt: t.expose("endedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    viewerCount: t.exposeInt("viewerCount", { description: "Viewers present now (0 unless LIVE)." }),
    peakViewerCount: t.exposeInt("peakViewerCount", { description: "The most viewers present at once." }),
    pinnedProducts: t.field({
      type: [LivePinnedProductType],
      description: `The products pinned now (at most ${MAX_PINS}; for an ENDED session, those pinned when it ended), in the order they were pinned.`,
      complexity: listCost(MAX_PINS),
      select: (_args, _ctx, nestedSelection) => ({
        pins: nestedSelection({
          where: { unpinnedAt: null },
          orderBy: [{ pinnedAt: "asc" }, { id: "asc" }],
          take: MAX_PINS,
        }),
      }),
      // A draft product pinned to prepare a shop's session shows only to those who manage the shop.
      resolve: async (session, _args, ctx) => {
        const pins = session.pins as unknown as {
          product: ProductVisibility;
        }[];
        const visible = await Promise.all(
          pins.map((pin) => isPublicProduct(pin.product) || canSeeProduct(ctx, pin.product)),
        );
        return pins.filter((_pin, i) => visible[i]) as never;
      },
    }),
    replayPostId: t.id({
      nullable: true,
      description:
        "The replay post's ID, once the session ended with a replay (and while the post is not deleted).",
      select: { replayPost: { select: { id: true, deletedAt: true } } },
      resolve: (session) =>
        session.replayPost && session.replayPost.deletedAt === null
          ? encodeGlobalID("Post", session.replayPost.id)
          : null,
    }),
  }),
});

export const LiveSessionConnection = builder.connectionObject({
  type: LiveSessionType,
  name: "LiveSessionConnection",
  fields: (t) => ({
    totalCount: t.int({
      description: "How many sessions match (one extra SQL statement).",
      resolve: (connection) => (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
    }),
  }),
});

function decodeArg(value: string | number | null | undefined, typename: string, name: string): string | null {
  if (value == null) return null;
  const id = decodeId(String(value), typename);
  if (id === null) throw badInput(`\`${name}\` is not a valid ${typename} ID.`);
  return id;
}

builder.queryFields((t) => ({
  liveSession: t.prismaField({
    type: "LiveSession",
    nullable: true,
    description: "A live session by id; null when there is none.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.liveSession.findFirst({
        ...query,
        where: { id: decodeArg(args.id, "LiveSession", "id") ?? "", AND: [visibleLiveSessionWhere(ctx)] },
      }),
  }),
  liveSessions: t.field({
    type: LiveSessionConnection,
    description:
      "Live sessions in one status: LIVE most watched first, SCHEDULED soonest first, ENDED latest first, CANCELLED latest scheduled first. Optionally one host's or one shop's.",
    args: {
      ...t.arg.connectionArgs(),
      status: t.arg({ type: LiveSessionStatusEnum, required: true }),
      hostId: t.arg.id({ required: false, description: "Only this user's sessions." }),
      shopId: t.arg.id({ required: false, description: "Only this shop's sessions." }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? args.last ?? limits.defaultPageSize }),
    resolve: (_root, args, ctx, info) =>
      listLiveSessions(
        ctx,
        {
          ...args,
          hostId: decodeArg(args.hostId, "User", "hostId"),
          shopId: decodeArg(args.shopId, "Shop", "shopId"),
        },
        info,
      ) as never,
  }),
}));
