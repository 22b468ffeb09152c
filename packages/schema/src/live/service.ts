/**
 * Live shopping rules and writes: sessions (schedule, start, end with an optional replay post,
 * cancel), pinned products with live-only prices and quantity caps, viewer presence, and the
 * two functions the cart and checkout call (`livePriceFor`, `consumeLiveQuantity`).
 *
 * Concurrency: a status change is one conditional UPDATE (`WHERE status = from`). Pin changes
 * and presence changes lock the session row first (`FOR NO KEY UPDATE`), and so does ending a
 * session (its UPDATE), so they serialise per session and always lock the session before its
 * viewer or pin rows: no lost updates, no deadlocks.
 */
import { TX_OPTIONS } from "../shared/transaction.ts";
import type { Context } from "../context.ts";
import type { Prisma, PrismaClient } from "@shoppable/db/client";
import type { LiveSessionStatus } from "@shoppable/db/enums";
import {
  callerOf,
  canManageShop,
  canSeeProduct,
  hasRole,
  isMerchantOf,
  isPlatform,
  isUser,
  visibleLiveSessionWhere,
} from "../shared/access.ts";
import { parseDecimalAmount } from "../money.ts";
import { forbidden } from "../shared/errors.ts";
import {
  queueEvent,
  transaction,
  type LivePinSnapshot,
  type LiveSessionEventKind,
} from "../shared/events.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { userError } from "../shared/user-error.ts";
import type { LiveErrorCode } from "./errors.ts";
import { canChangePins, canJoin, canTransition, TRANSITIONS, type LiveTransition } from "./lifecycle.ts";
import { choosePin, liveQuote, type LiveQuote } from "./pricing.ts";
import { REPLAY_TAG_POSITION, replayTagRanges } from "./replay.ts";

/** A Prisma client or an interactive transaction's client. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** How far ahead a session may be scheduled. */
export const MAX_SCHEDULE_AHEAD_MS = 365 * 24 * 3600 * 1000;

function liveError(code: LiveErrorCode, message: string, field?: (string | number)[]) {
  return userError(code, message, field ?? null);
}

const notFound = (field: string, what = "live session") =>
  failed([liveError("NOT_FOUND", `No ${what} has this id.`, [field])]);

function invalidState(status: LiveSessionStatus, action: string, field = "id") {
  return failed([liveError("INVALID_STATE", `The session is ${status}; it cannot ${action}.`, [field])]);
}

const ACTION_TEXT: Record<LiveTransition, string> = {
  start: `start (only a ${TRANSITIONS.start.from} session starts)`,
  end: `end (only a ${TRANSITIONS.end.from} session ends)`,
  cancel: `be cancelled (only a ${TRANSITIONS.cancel.from} session is cancelled)`,
};

// ───────────── who may act ─────────────

interface SessionAccess {
  id: string;
  hostId: string;
  shopId: string | null;
  status: LiveSessionStatus;
}

/** The host, the merchants of the session's shop and the platform act on a session; others are FORBIDDEN. */
async function assertMayAct(ctx: Context, session: SessionAccess): Promise<void> {
  if (isUser(ctx, session.hostId) || isPlatform(ctx)) return;
  if (session.shopId !== null && (await canManageShop(ctx, session.shopId))) return;
  throw forbidden(
    "Only the host, the merchants of the session's shop or the platform may act on this live session.",
  );
}

const sessionAccess = { id: true, hostId: true, shopId: true, status: true } as const;

/** A `liveSessionEvents` payload committed now. */
export function liveEvent(
  kind: LiveSessionEventKind,
  liveSessionId: string,
  extra: { viewerCount?: number; pin?: LivePinSnapshot } = {},
) {
  return {
    kind,
    liveSessionId,
    occurredAt: new Date().toISOString(),
    viewerCount: extra.viewerCount ?? null,
    pin: extra.pin ?? null,
  };
}

/** How often at most a session's viewer count is published (joins and leaves coalesce). */
export const VIEWER_COUNT_INTERVAL_MS = 1000;

function publishViewerCount(ctx: Context, liveSessionId: string): void {
  ctx.events.publishCoalesced("liveSessionEvents", liveSessionId, VIEWER_COUNT_INTERVAL_MS, async () => {
    const session = await ctx.db.liveSession.findUnique({
      where: { id: liveSessionId },
      select: { viewerCount: true, status: true },
    });
    return session && session.status === "LIVE"
      ? liveEvent("VIEWER_COUNT", liveSessionId, { viewerCount: session.viewerCount })
      : null;
  });
}

/** Locks the session row until the transaction ends and returns its current status. */
async function lockSession(tx: Prisma.TransactionClient, id: string): Promise<LiveSessionStatus | null> {
  const rows = await tx.$queryRaw<{ status: LiveSessionStatus }[]>`
    SELECT "status" FROM "LiveSession" WHERE "id" = ${id}::uuid FOR NO KEY UPDATE`;
  return rows[0]?.status ?? null;
}

// ───────────── sessions ─────────────

export interface LiveSessionScheduleInput {
  title: string;
  scheduledAt: Date;
  /** The shop the session sells for; the host must be one of its merchants (or a creator the platform names). */
  shopId?: string | null | undefined;
  /** The host, named only by the platform; a user caller hosts themself. */
  hostId?: string | null | undefined;
  /** Where viewers will play the stream. */
  playbackUrl?: string | null | undefined;
}

/**
 * Schedules a session hosted by the caller: a CREATOR (no shop), or a MERCHANT of `shopId`
 * (which needs a secret key, like every shop change). The platform schedules for a `hostId`:
 * a CREATOR, or a MERCHANT of the shop. Fails with SCHEDULED_AT_IN_PAST, NOT_FOUND (shop,
 * host), HOST_REQUIRED or HOST_NOT_ELIGIBLE; throws FORBIDDEN for anyone else.
 */
export async function scheduleLiveSession(
  ctx: Context,
  input: LiveSessionScheduleInput,
): Promise<PayloadShape> {
  if (callerOf(ctx).anonymous)
    throw forbidden("Scheduling a live session needs a user token or a secret key.");
  const now = Date.now();
  if (input.scheduledAt.getTime() <= now) {
    return failed([liveError("SCHEDULED_AT_IN_PAST", "scheduledAt must be in the future.", ["scheduledAt"])]);
  }
  if (input.scheduledAt.getTime() > now + MAX_SCHEDULE_AHEAD_MS) {
    return failed([liveError("GREATER_THAN_MAXIMUM", "scheduledAt must be within a year.", ["scheduledAt"])]);
  }
  const shopId = input.shopId ?? null;
  if (shopId !== null && !(await ctx.db.shop.findUnique({ where: { id: shopId }, select: { id: true } }))) {
    return notFound("shopId", "shop");
  }

  let hostId: string;
  if (input.hostId && input.hostId !== ctx.user?.id) {
    if (!isPlatform(ctx)) throw forbidden("Only the platform schedules a session for another host.");
    const host = await ctx.db.user.findUnique({
      where: { id: input.hostId },
      select: { id: true, roles: true },
    });
    if (!host) return notFound("hostId", "user");
    const eligible =
      hasRole(host, "CREATOR") || (shopId !== null && (await isMerchantOf(ctx.db, host, shopId)));
    if (!eligible) {
      return failed([
        liveError("HOST_NOT_ELIGIBLE", "The host must be a CREATOR or a MERCHANT of the session's shop.", [
          "hostId",
        ]),
      ]);
    }
    hostId = host.id;
  } else if (ctx.user) {
    const allowed =
      shopId !== null ? await canManageShop(ctx, shopId) : hasRole(ctx.user, "CREATOR", "ADMIN");
    if (!allowed) {
      throw forbidden(
        shopId !== null ? "You do not manage this shop." : "Only creators host live sessions of their own.",
      );
    }
    hostId = ctx.user.id;
  } else {
    return failed([
      liveError("HOST_REQUIRED", "Name the host (hostId) when scheduling as the platform.", ["hostId"]),
    ]);
  }

  const session = await ctx.db.liveSession.create({
    data: {
      hostId,
      shopId,
      title: input.title,
      scheduledAt: input.scheduledAt,
      playbackUrl: input.playbackUrl ?? null,
    },
    select: { id: true },
  });
  return succeeded(session.id);
}

/** Applies a status transition with one conditional UPDATE; INVALID_STATE when the session is elsewhere. */
async function transition(
  ctx: Context,
  id: string,
  action: "start" | "cancel",
  playbackUrl?: string | null,
): Promise<PayloadShape> {
  const session = await ctx.db.liveSession.findUnique({ where: { id }, select: sessionAccess });
  if (!session) return notFound("id");
  await assertMayAct(ctx, session);
  if (!canTransition(action, session.status)) return invalidState(session.status, ACTION_TEXT[action]);
  const { from, to } = TRANSITIONS[action];
  const { count } = await ctx.db.liveSession.updateMany({
    where: { id, status: from },
    data: {
      status: to,
      ...(action === "start" ? { startedAt: new Date() } : {}),
      ...(playbackUrl ? { playbackUrl } : {}),
    },
  });
  if (count === 0) {
    const current = await ctx.db.liveSession.findUniqueOrThrow({ where: { id }, select: { status: true } });
    return invalidState(current.status, ACTION_TEXT[action]);
  }
  ctx.events.publish("liveSessionEvents", id, liveEvent(action === "start" ? "STARTED" : "CANCELLED", id));
  return succeeded(id);
}

/**
 * Puts a SCHEDULED session on air (LIVE, `startedAt` now), with `playbackUrl` replacing the
 * scheduled one when given; INVALID_STATE otherwise.
 */
export function startLiveSession(
  ctx: Context,
  id: string,
  playbackUrl?: string | null,
): Promise<PayloadShape> {
  return transition(ctx, id, "start", playbackUrl);
}

/** Cancels a SCHEDULED session (final); INVALID_STATE otherwise. */
export function cancelLiveSession(ctx: Context, id: string): Promise<PayloadShape> {
  return transition(ctx, id, "cancel");
}

export interface ReplayInput {
  url: string;
  durationMs: number;
  posterUrl?: string | null | undefined;
  width: number;
  height: number;
}

/**
 * Ends a LIVE session: status ENDED, `endedAt` now, presence cleared (viewerCount 0), live
 * prices and caps stop applying. With `replay`, creates the replay post (VIDEO, by the host,
 * for the session's shop, captioned with the title, linked by `Post.liveSessionId`) tagged
 * with the products pinned during the session over the time they were pinned (see
 * `replayTagRanges`; products no longer ACTIVE are left out). All in one transaction.
 */
export async function endLiveSession(
  ctx: Context,
  input: { id: string; replay?: ReplayInput | null | undefined },
): Promise<PayloadShape> {
  const session = await ctx.db.liveSession.findUnique({
    where: { id: input.id },
    select: { ...sessionAccess, title: true, startedAt: true },
  });
  if (!session) return notFound("id");
  await assertMayAct(ctx, session);
  if (!canTransition("end", session.status)) return invalidState(session.status, ACTION_TEXT.end);
  return transaction(ctx, async (tx) => {
    const endedAt = new Date();
    // The session row first: joins and pin changes lock it before their own rows, too.
    const { count } = await tx.liveSession.updateMany({
      where: { id: session.id, status: "LIVE" },
      data: { status: "ENDED", endedAt, viewerCount: 0 },
    });
    if (count === 0) {
      const current = await tx.liveSession.findUniqueOrThrow({
        where: { id: session.id },
        select: { status: true },
      });
      return invalidState(current.status, ACTION_TEXT.end);
    }
    await tx.liveSessionViewer.deleteMany({ where: { liveSessionId: session.id } });
    queueEvent("liveSessionEvents", session.id, liveEvent("ENDED", session.id, { viewerCount: 0 }));
    if (input.replay) {
      const pins = await tx.livePinnedProduct.findMany({
        where: { liveSessionId: session.id, product: { status: "ACTIVE", hiddenAt: null } },
        select: { productId: true, variantId: true, pinnedAt: true, unpinnedAt: true },
      });
      const tags = replayTagRanges(pins, session.startedAt ?? endedAt, endedAt, input.replay.durationMs);
      await tx.post.create({
        data: {
          authorId: session.hostId,
          shopId: session.shopId,
          liveSessionId: session.id,
          mediaKind: "VIDEO",
          mediaUrl: input.replay.url,
          width: input.replay.width,
          height: input.replay.height,
          durationMs: input.replay.durationMs,
          posterUrl: input.replay.posterUrl ?? null,
          caption: session.title,
          productTags: { create: tags.map((tag) => ({ ...tag, ...REPLAY_TAG_POSITION })) },
        },
        select: { id: true },
      });
    }
    return succeeded(session.id);
  });
}

// ───────────── pinned products ─────────────

export interface LiveSessionPinProductInput {
  liveSessionId: string;
  productId: string;
  variantId?: string | null | undefined;
  /** A decimal in the product's currency, such as "9.99". */
  livePrice?: string | null | undefined;
  quantityCap?: number | null | undefined;
}

/**
 * Pins a product (or one variant) to a SCHEDULED or LIVE session, with an optional live-only
 * price (≥ 0, below the regular price) and quantity cap, which apply only while the session is
 * LIVE. Pinning what is already pinned replaces its live price and cap and keeps the units
 * sold. In a shop's session the product must be the shop's (drafts allowed to those who manage
 * it); in a creator's session any ACTIVE product. Fails with NOT_FOUND (session, product not
 * visible to the caller, variant of another product), INVALID_STATE, PRODUCT_NOT_IN_SHOP,
 * PRODUCT_NOT_ACTIVE, LIVE_PRICE_NOT_BELOW_PRICE or QUANTITY_CAP_BELOW_SOLD.
 */
export async function pinProduct(ctx: Context, input: LiveSessionPinProductInput): Promise<PayloadShape> {
  const session = await ctx.db.liveSession.findUnique({
    where: { id: input.liveSessionId },
    select: sessionAccess,
  });
  if (!session) return notFound("liveSessionId");
  await assertMayAct(ctx, session);
  if (!canChangePins(session.status))
    return invalidState(session.status, "change its pinned products", "liveSessionId");

  const product = await ctx.db.product.findUnique({
    where: { id: input.productId },
    select: { id: true, shopId: true, status: true, hiddenAt: true, currencyCode: true, minPrice: true },
  });
  if (!product || !(await canSeeProduct(ctx, product))) return notFound("productId", "product");
  if (session.shopId !== null && product.shopId !== session.shopId) {
    return failed([
      liveError("PRODUCT_NOT_IN_SHOP", "A shop's live session pins only the shop's products.", ["productId"]),
    ]);
  }
  if (product.status === "ARCHIVED" || (session.shopId === null && product.status !== "ACTIVE")) {
    return failed([
      liveError("PRODUCT_NOT_ACTIVE", `The product is ${product.status}; pin an ACTIVE product.`, [
        "productId",
      ]),
    ]);
  }
  const variantId = input.variantId ?? null;
  let regularPrice = product.minPrice;
  if (variantId !== null) {
    const variant = await ctx.db.productVariant.findFirst({
      where: { id: variantId, productId: product.id },
      select: { price: true },
    });
    if (!variant) return notFound("variantId", "variant of this product");
    regularPrice = variant.price;
  }
  let livePrice: number | null = null;
  if (input.livePrice != null) {
    const parsed = parseDecimalAmount(input.livePrice, product.currencyCode);
    if (!parsed.ok) {
      const code =
        parsed.error === "NEGATIVE"
          ? "LESS_THAN_MINIMUM"
          : parsed.error === "TOO_LARGE"
            ? "GREATER_THAN_MAXIMUM"
            : "INVALID";
      const why = {
        NEGATIVE: "must not be negative",
        TOO_LARGE: "is too large",
        TOO_PRECISE: `has more decimals than ${product.currencyCode} allows`,
        INVALID: 'must be a decimal such as "12.50"',
      }[parsed.error];
      return failed([liveError(code, `livePrice ${why}.`, ["livePrice"])]);
    }
    if (parsed.amount >= regularPrice) {
      return failed([
        liveError(
          "LIVE_PRICE_NOT_BELOW_PRICE",
          `livePrice must be below the regular price (${regularPrice} minor units of ${product.currencyCode}).`,
          ["livePrice"],
        ),
      ]);
    }
    livePrice = parsed.amount;
  }
  const quantityCap = input.quantityCap ?? null;

  const snapshot = (id: string): LivePinSnapshot => ({
    id,
    productId: product.id,
    variantId,
    livePrice,
    currencyCode: product.currencyCode,
    quantityCap,
    shopId: product.shopId,
    productStatus: product.status,
    productHidden: product.hiddenAt !== null,
  });
  return transaction(ctx, async (tx) => {
    const status = await lockSession(tx, session.id);
    if (status === null) return notFound("liveSessionId");
    if (!canChangePins(status)) return invalidState(status, "change its pinned products", "liveSessionId");
    const current = await tx.livePinnedProduct.findFirst({
      where: { liveSessionId: session.id, productId: product.id, variantId, unpinnedAt: null },
      select: { id: true, quantitySold: true },
    });
    if (current) {
      if (quantityCap !== null && quantityCap < current.quantitySold) {
        return failed([
          liveError(
            "QUANTITY_CAP_BELOW_SOLD",
            `${current.quantitySold} units were already sold through this pin.`,
            ["quantityCap"],
          ),
        ]);
      }
      await tx.livePinnedProduct.update({
        where: { id: current.id },
        data: { livePrice, quantityCap },
        select: { id: true },
      });
      queueEvent(
        "liveSessionEvents",
        session.id,
        liveEvent("PRICE_CHANGED", session.id, { pin: snapshot(current.id) }),
      );
    } else {
      // Under the session's lock, so two pins at once cannot both take the last place.
      if (
        (await tx.livePinnedProduct.count({ where: { liveSessionId: session.id, unpinnedAt: null } })) >=
        MAX_PINS
      ) {
        return failed([
          liveError(
            "TOO_MANY_PINS",
            `A session has at most ${MAX_PINS} products pinned at once; unpin one first.`,
            ["liveSessionId"],
          ),
        ]);
      }
      const pin = await tx.livePinnedProduct.create({
        data: {
          liveSessionId: session.id,
          productId: product.id,
          variantId,
          livePrice,
          quantityCap,
          pinnedAt: new Date(),
        },
        select: { id: true },
      });
      queueEvent(
        "liveSessionEvents",
        session.id,
        liveEvent("PRODUCT_PINNED", session.id, { pin: snapshot(pin.id) }),
      );
    }
    return succeeded(session.id);
  });
}

/** Unpins a pinned product: its live terms stop at once. Unpinning twice is a no-op. */
export async function unpinProduct(ctx: Context, pinnedProductId: string): Promise<PayloadShape> {
  const pin = await ctx.db.livePinnedProduct.findUnique({
    where: { id: pinnedProductId },
    select: {
      productId: true,
      variantId: true,
      livePrice: true,
      quantityCap: true,
      product: { select: { shopId: true, status: true, hiddenAt: true, currencyCode: true } },
      liveSession: { select: sessionAccess },
    },
  });
  if (!pin) return notFound("pinnedProductId", "pinned product");
  const session = pin.liveSession;
  await assertMayAct(ctx, session);
  if (!canChangePins(session.status))
    return invalidState(session.status, "change its pinned products", "pinnedProductId");
  const status = await transaction(ctx, async (tx) => {
    const current = await lockSession(tx, session.id);
    if (current !== null && canChangePins(current)) {
      const { count } = await tx.livePinnedProduct.updateMany({
        where: { id: pinnedProductId, unpinnedAt: null },
        data: { unpinnedAt: new Date() },
      });
      if (count === 1) {
        const { product, productId, variantId, livePrice, quantityCap } = pin;
        queueEvent(
          "liveSessionEvents",
          session.id,
          liveEvent("PRODUCT_UNPINNED", session.id, {
            pin: {
              id: pinnedProductId,
              productId,
              variantId,
              livePrice,
              quantityCap,
              currencyCode: product.currencyCode,
              shopId: product.shopId,
              productStatus: product.status,
              productHidden: product.hiddenAt !== null,
            },
          }),
        );
      }
    }
    return current;
  });
  // The session ended (or was cancelled) since it was read: its pins are history now.
  if (status !== null && !canChangePins(status))
    return invalidState(status, "change its pinned products", "pinnedProductId");
  return succeeded(session.id);
}

// ───────────── live prices for carts ─────────────

export interface LivePrice extends LiveQuote {
  /** The pin whose terms apply; pass it to `consumeLiveQuantity` at checkout. */
  pinId: string;
  currencyCode: string;
  /** The variant's own price, in minor units. */
  regularPrice: number;
}

/**
 * The live terms of one unit of `variantId` bought through `liveSessionId` at `at` (default
 * now): `{ price, remainingCap, ... }`, or null when the session is not LIVE, the variant's
 * product is not pinned (or was unpinned), is no longer ACTIVE, or the pin's cap is used up.
 * A pin of the variant wins over a pin of its whole product. One SQL statement; pass the
 * transaction client when pricing inside a cart or checkout write.
 */
export async function livePriceFor(
  db: Db,
  query: { liveSessionId: string; variantId: string; at?: Date },
): Promise<LivePrice | null> {
  const at = query.at ?? new Date();
  const pins = await db.livePinnedProduct.findMany({
    where: {
      liveSessionId: query.liveSessionId,
      OR: [{ variantId: query.variantId }, { variantId: null }],
      product: { status: "ACTIVE", hiddenAt: null, variants: { some: { id: query.variantId } } },
      pinnedAt: { lte: at },
      AND: [{ OR: [{ unpinnedAt: null }, { unpinnedAt: { gt: at } }] }],
    },
    select: {
      id: true,
      variantId: true,
      livePrice: true,
      quantityCap: true,
      quantitySold: true,
      pinnedAt: true,
      unpinnedAt: true,
      liveSession: { select: { status: true, startedAt: true, endedAt: true } },
      product: {
        select: { currencyCode: true, variants: { where: { id: query.variantId }, select: { price: true } } },
      },
    },
  });
  const pin = choosePin(pins, query.variantId);
  const regularPrice = pin?.product.variants[0]?.price;
  if (!pin || regularPrice === undefined) return null;
  const quote = liveQuote(pin.liveSession, pin, regularPrice, at);
  return quote && { ...quote, pinId: pin.id, currencyCode: pin.product.currencyCode, regularPrice };
}

function assertQuantity(quantity: number) {
  if (!Number.isSafeInteger(quantity) || quantity <= 0)
    throw new RangeError(`quantity must be a positive integer, not ${quantity}`);
}

/**
 * Takes `quantity` units of a pin's cap, atomically: one conditional UPDATE that succeeds only
 * while the pin is pinned, its session LIVE and `quantitySold + quantity` within the cap
 * (pins without a cap only count). Returns whether it succeeded; concurrent callers never
 * oversell. Call it in the checkout transaction so a failed checkout gives the units back.
 */
export async function consumeLiveQuantity(
  tx: Db,
  input: { pinId: string; quantity: number },
): Promise<boolean> {
  assertQuantity(input.quantity);
  const updated = await tx.$executeRaw`
    UPDATE "LivePinnedProduct" p SET "quantitySold" = p."quantitySold" + ${input.quantity}
    WHERE p."id" = ${input.pinId}::uuid
      AND p."unpinnedAt" IS NULL
      AND (p."quantityCap" IS NULL OR p."quantitySold" + ${input.quantity} <= p."quantityCap")
      AND EXISTS (SELECT 1 FROM "LiveSession" s WHERE s."id" = p."liveSessionId" AND s."status" = 'LIVE')`;
  return updated === 1;
}

/**
 * Gives back units taken by `consumeLiveQuantity` (an order cancelled or refunded): the cap
 * frees up again if the session is still live. Never takes `quantitySold` below zero.
 */
export async function releaseLiveQuantity(tx: Db, input: { pinId: string; quantity: number }): Promise<void> {
  assertQuantity(input.quantity);
  await tx.$executeRaw`
    UPDATE "LivePinnedProduct" SET "quantitySold" = GREATEST(0, "quantitySold" - ${input.quantity})
    WHERE "id" = ${input.pinId}::uuid`;
}

// ───────────── viewers ─────────────

/** The presence key of the caller: the user, else the anonymous viewer's session id. */
function viewerKeyOf(ctx: Context, sessionId: string | null | undefined): string | null {
  if (ctx.user) return `user:${ctx.user.id}`;
  return sessionId ? `session:${sessionId}` : null;
}

const viewerRequired = () =>
  failed([
    liveError("VIEWER_REQUIRED", "Send a user token, or a sessionId identifying the anonymous viewer.", [
      "sessionId",
    ]),
  ]);

/**
 * Marks the caller present in a LIVE session. Idempotent per viewer (a user, or an anonymous
 * `sessionId`): the first join inserts a presence row and increments `viewerCount` (and
 * `peakViewerCount` when exceeded) in the same transaction; repeated joins change nothing.
 * Fails with NOT_FOUND, INVALID_STATE (not LIVE) or VIEWER_REQUIRED.
 */
export async function joinLiveSession(
  ctx: Context,
  input: { liveSessionId: string; sessionId?: string | null | undefined },
): Promise<PayloadShape> {
  const viewerKey = viewerKeyOf(ctx, input.sessionId);
  if (viewerKey === null) return viewerRequired();
  const session = await ctx.db.liveSession.findFirst({
    where: { id: input.liveSessionId, AND: [visibleLiveSessionWhere(ctx)] },
    select: { id: true, status: true },
  });
  if (!session) return notFound("liveSessionId");
  if (!canJoin(session.status))
    return invalidState(session.status, "be joined (only a LIVE session is)", "liveSessionId");
  let joined = false;
  const status = await ctx.db.$transaction(async (tx) => {
    const current = await lockSession(tx, session.id);
    if (current === null || !canJoin(current)) return current;
    const { count } = await tx.liveSessionViewer.createMany({
      data: [{ liveSessionId: session.id, viewerKey }],
      skipDuplicates: true,
    });
    joined = count === 1;
    if (count === 1) {
      await tx.$executeRaw`
        UPDATE "LiveSession"
        SET "viewerCount" = "viewerCount" + 1, "peakViewerCount" = GREATEST("peakViewerCount", "viewerCount" + 1)
        WHERE "id" = ${session.id}::uuid`;
    }
    return current;
    // Joins of a popular session queue on its row: let them wait for a connection and the lock.
  }, TX_OPTIONS);
  if (status === null) return notFound("liveSessionId");
  if (!canJoin(status)) return invalidState(status, "be joined (only a LIVE session is)", "liveSessionId");
  // After the commit: the count is read when the (coalesced) event is sent.
  if (joined) publishViewerCount(ctx, session.id);
  return succeeded(session.id);
}

/**
 * Marks the caller no longer present: deletes the presence row and decrements `viewerCount` in
 * one transaction. Leaving when not present (or after the session ended, which clears presence)
 * changes nothing. Fails with NOT_FOUND or VIEWER_REQUIRED.
 */
export async function leaveLiveSession(
  ctx: Context,
  input: { liveSessionId: string; sessionId?: string | null | undefined },
): Promise<PayloadShape> {
  const viewerKey = viewerKeyOf(ctx, input.sessionId);
  if (viewerKey === null) return viewerRequired();
  const session = await ctx.db.liveSession.findUnique({
    where: { id: input.liveSessionId },
    select: { id: true },
  });
  if (!session) return notFound("liveSessionId");
  const left = await ctx.db.$transaction(async (tx) => {
    if ((await lockSession(tx, session.id)) === null) return false;
    const { count } = await tx.liveSessionViewer.deleteMany({
      where: { liveSessionId: session.id, viewerKey },
    });
    if (count === 1) {
      await tx.liveSession.update({
        where: { id: session.id },
        data: { viewerCount: { decrement: 1 } },
        select: { id: true },
      });
    }
    return count === 1;
  }, TX_OPTIONS);
  if (left) publishViewerCount(ctx, session.id);
  return succeeded(session.id);
}

/** Most products pinned at once in a session (LiveSession.pinnedProducts is priced by it). */
export const MAX_PINS = 30;
