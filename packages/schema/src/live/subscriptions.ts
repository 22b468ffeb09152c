import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { canSeeHiddenSession, canSeeProduct, isPublicProduct } from "../shared/access.ts";
import { badInput } from "../shared/cursor.ts";
import { forbidden } from "../shared/errors.ts";
import type { EventTopics, LivePinSnapshot } from "../shared/events.ts";
import { decodeId } from "../shared/input.ts";
import { Money, money } from "../shared/money.ts";
import {
  currentStateArgs,
  endWhenHidden,
  REFETCH_DESCRIPTION,
  subscribeEvents,
  type SubscriptionEvent,
} from "../shared/subscription.ts";
import { LiveSessionStatusEnum } from "./live-session.ts";

const LiveSessionEventKindEnum = builder.enumType("LiveSessionEventKind", {
  values: {
    STARTED: { description: "The session went LIVE." },
    PRODUCT_PINNED: { description: "A product (or variant) was pinned: `pinnedProduct`." },
    PRICE_CHANGED: { description: "A pinned product's live price or cap changed: `pinnedProduct`." },
    PRODUCT_UNPINNED: { description: "A product was unpinned: `pinnedProduct`." },
    VIEWER_COUNT: { description: "The viewer count changed: `viewerCount` (at most one per second)." },
    ENDED: { description: "The session ENDED." },
    CANCELLED: { description: "The scheduled session was CANCELLED." },
    REFETCH: { description: "Events may have been missed: refetch the session (see `refetch`)." },
  },
});

const LivePinEvent = builder.objectRef<LivePinSnapshot>("LivePinEvent").implement({
  description: "A pinned product as the event committed it.",
  fields: (t) => ({
    pinnedProductId: t.id({
      description: "The LivePinnedProduct's ID.",
      resolve: (p) => encodeGlobalID("LivePinnedProduct", p.id),
    }),
    productId: t.id({ resolve: (p) => encodeGlobalID("Product", p.productId) }),
    variantId: t.id({
      nullable: true,
      description: "null when the whole product is pinned.",
      resolve: (p) => (p.variantId ? encodeGlobalID("ProductVariant", p.variantId) : null),
    }),
    livePrice: t.field({
      type: Money,
      nullable: true,
      resolve: (p) => (p.livePrice === null ? null : money(p.livePrice, p.currencyCode)),
    }),
    quantityCap: t.exposeInt("quantityCap", { nullable: true }),
  }),
});

const LiveSessionEvent = builder
  .objectRef<SubscriptionEvent<EventTopics["liveSessionEvents"]>>("LiveSessionEvent")
  .implement({
    description:
      "Something happened in a live session. Events carry their data, so thousands of viewers cost no reads.",
    fields: (t) => ({
      kind: t.field({ type: LiveSessionEventKindEnum, resolve: (e) => e.payload?.kind ?? "REFETCH" }),
      liveSessionId: t.id({ resolve: (e) => encodeGlobalID("LiveSession", e.id) }),
      occurredAt: t.field({
        type: "DateTime",
        nullable: true,
        description: "When it committed; null for REFETCH.",
        resolve: (e) => e.payload?.occurredAt ?? null,
      }),
      status: t.field({
        type: LiveSessionStatusEnum,
        nullable: true,
        description: "The status after STARTED, ENDED and CANCELLED.",
        resolve: (e) =>
          (({ STARTED: "LIVE", ENDED: "ENDED", CANCELLED: "CANCELLED" }) as const)[
            e.payload?.kind as "STARTED"
          ] ?? null,
      }),
      viewerCount: t.int({
        nullable: true,
        description: "Viewers present now, for VIEWER_COUNT and ENDED.",
        resolve: (e) => e.payload?.viewerCount ?? null,
      }),
      pinnedProduct: t.field({
        type: LivePinEvent,
        nullable: true,
        description:
          "The pin, for PRODUCT_PINNED, PRICE_CHANGED and PRODUCT_UNPINNED (null when its product is a draft the caller does not manage).",
        resolve: async (e, _args, ctx) => {
          const pin = e.payload?.pin;
          if (!pin) return null;
          const visibility = {
            shopId: pin.shopId,
            status: pin.productStatus,
            hiddenAt: pin.productHidden ? new Date(0) : null,
          };
          return isPublicProduct(visibility) || (await canSeeProduct(ctx, visibility)) ? pin : null;
        },
      }),
      refetch: t.exposeBoolean("refetch", { description: REFETCH_DESCRIPTION }),
    }),
  });

type SessionAccess = { hiddenAt: Date | null; hostId: string; shopId: string | null } | null;

/**
 * Whether the caller may follow the session: any caller while it is not hidden by moderation;
 * then its host, its shop's members and the platform only. Reads of the same session under way
 * at once share one statement: thousands of viewers subscribing together (a show starting, an
 * instance's viewers reconnecting to another) cost one read, not one each.
 */
const existing = new Map<string, Promise<SessionAccess>>();
async function mayFollowSession(ctx: Context, id: string): Promise<boolean> {
  let found = existing.get(id);
  if (!found) {
    found = ctx.db.liveSession
      .findUnique({ where: { id }, select: { hiddenAt: true, hostId: true, shopId: true } })
      .finally(() => existing.delete(id));
    existing.set(id, found);
  }
  const session = await found;
  if (!session) return false;
  return session.hiddenAt === null || canSeeHiddenSession(ctx, session);
}

builder.subscriptionField("liveSessionEvents", (t) =>
  t.field({
    type: LiveSessionEvent,
    description:
      "A live session's events: started, products pinned and unpinned, live prices, viewer count, ended. Any caller (as `liveSession(id)`).",
    args: {
      liveSessionId: t.arg.id({ required: true }),
      ...currentStateArgs,
    },
    subscribe: async (_root, args, ctx) => {
      const id = decodeId(String(args.liveSessionId), "LiveSession");
      if (id === null) throw badInput("`liveSessionId` is not a valid LiveSession ID.");
      if (!(await mayFollowSession(ctx, id))) throw forbidden("No live session you may follow has this id.");
      return endWhenHidden(
        ctx,
        subscribeEvents(ctx, "liveSessionEvents", id, { withCurrentState: args.withCurrentState }),
        id,
        "The live session was hidden by moderation.",
      );
    },
    resolve: (event) => event,
  }),
);
