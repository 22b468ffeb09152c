/**
 * Shipping zones and rates (merchant writes) and the delivery groups of a cart (reads and the
 * buyer's option selection). Writes for one shop are serialised by locking the shop's row, so
 * the zone limit and the handle check hold under concurrent requests (a unique index on
 * (shopId, handle) backs the handles).
 */
import type { Prisma, PrismaClient } from "@shoppable/db/client";
import type { Context } from "../context.ts";
import { canManageShop } from "../shared/access.ts";
import { forbidden, isUniqueViolation } from "../shared/errors.ts";
import { requestLoader } from "../shared/loader.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { inTransaction, Rollback } from "../shared/transaction.ts";
import { userError, type UserErrorShape } from "../shared/user-error.ts";
import type { LoadedCart } from "../cart/load.ts";
import type { MailingAddressShape } from "./address-rules.ts";
import type { ShippingErrorCode } from "./errors.ts";
import {
  deliveryQuote,
  provinceCodeProblem,
  SHIPPING_LIMITS,
  type DeliveryLine,
  type DeliveryOption,
  type DeliveryQuote,
  type ShippingRateRule,
  type ShippingZoneRule,
} from "./shipping-rules.ts";

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

const shippingError = (
  code: ShippingErrorCode,
  message: string,
  field: (string | number)[] | null = null,
): UserErrorShape<ShippingErrorCode> => userError(code, message, field);

// ───────────── merchant writes ─────────────

/** A rate as the mutations parsed it: money in minor units of the shop's currency. */
export type ShippingRateInput = ShippingRateRule;

export interface ShippingZoneChange {
  name?: string | undefined;
  countryCodes?: string[] | undefined;
  /** ISO 3166-2 ("US-CA"). */
  provinceCodes?: string[] | undefined;
  /** Replaces all the zone's rates when given. */
  rates?: ShippingRateInput[] | undefined;
}

/** The shop a zone write acts on. */
export interface ZoneTarget {
  shopId: string;
  currencyCode: string;
  zone: { id: string; countryCodes: string[]; provinceCodes: string[] } | null;
}

/**
 * The shop (by `shopId`) or the zone and its shop (by `zoneId`) a merchant is about to change:
 * a NOT_FOUND userError on `field` when absent, FORBIDDEN (thrown) when the caller does not
 * manage the shop.
 */
export async function zoneTarget(
  ctx: Context,
  by: { shopId: string } | { zoneId: string },
  field: string,
): Promise<{ ok: true; target: ZoneTarget } | { ok: false; error: UserErrorShape<ShippingErrorCode> }> {
  let target: ZoneTarget | null = null;
  if ("shopId" in by) {
    const shop = await ctx.db.shop.findUnique({ where: { id: by.shopId }, select: { currencyCode: true } });
    if (shop) target = { shopId: by.shopId, currencyCode: shop.currencyCode, zone: null };
  } else {
    const zone = await ctx.db.shippingZone.findUnique({
      where: { id: by.zoneId },
      select: {
        id: true,
        shopId: true,
        countryCodes: true,
        provinceCodes: true,
        shop: { select: { currencyCode: true } },
      },
    });
    if (zone) {
      const { shop, shopId, ...rest } = zone;
      target = { shopId, currencyCode: shop.currencyCode, zone: rest };
    }
  }
  if (!target) {
    const what = "shopId" in by ? "shop" : "shipping zone";
    return { ok: false, error: shippingError("NOT_FOUND", `No ${what} has this ID.`, [field]) };
  }
  if (!(await canManageShop(ctx, target.shopId))) throw forbidden("You do not manage this shop.");
  return { ok: true, target };
}

async function lockShop(tx: Tx, shopId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Shop" WHERE "id" = ${shopId}::uuid FOR UPDATE`;
}

function provinceErrors(countryCodes: string[], provinceCodes: string[]): UserErrorShape[] {
  return provinceCodes.flatMap((code, i) => {
    const problem = provinceCodeProblem(code, countryCodes);
    return problem ? [shippingError(problem.code, problem.message, ["provinceCodes", i])] : [];
  });
}

/** TAKEN for each rate whose handle another zone of the shop uses. */
async function takenHandles(
  tx: Tx,
  shopId: string,
  zoneId: string | null,
  rates: ShippingRateInput[],
): Promise<UserErrorShape[]> {
  const taken = await tx.shippingRate.findMany({
    where: {
      shopId,
      handle: { in: rates.map((r) => r.handle) },
      ...(zoneId ? { NOT: { zoneId } } : {}),
    },
    select: { handle: true },
  });
  const used = new Set(taken.map((r) => r.handle));
  return rates.flatMap((r, i) =>
    used.has(r.handle)
      ? [shippingError("TAKEN", `Another zone of the shop has a rate "${r.handle}".`, ["rates", i, "handle"])]
      : [],
  );
}

function rateRows(shopId: string, zoneId: string, rates: ShippingRateInput[]) {
  return rates.map((r, position) => ({ ...r, shopId, zoneId, position }));
}

/** Runs a zone write, answering TAKEN when a concurrent write took a handle first. */
async function zoneWrite(ctx: Context, fn: (tx: Tx) => Promise<PayloadShape>): Promise<PayloadShape> {
  try {
    return await inTransaction(ctx, fn);
  } catch (error) {
    if (isUniqueViolation(error, "handle"))
      return failed([
        shippingError("TAKEN", "Another rate of the shop has one of these handles.", ["rates"]),
      ]);
    throw error;
  }
}

/**
 * Creates a shipping zone with its rates in the target shop. Fails with INVALID_PROVINCE (a
 * province outside the zone's countries), TAKEN (a handle another zone of the shop uses) and
 * TOO_MANY_ZONES.
 */
export function createZone(
  ctx: Context,
  target: ZoneTarget,
  zone: Required<ShippingZoneChange>,
): Promise<PayloadShape> {
  const errors = provinceErrors(zone.countryCodes, zone.provinceCodes);
  if (errors.length) return Promise.resolve(failed(errors));
  return zoneWrite(ctx, async (tx) => {
    await lockShop(tx, target.shopId);
    const count = await tx.shippingZone.count({ where: { shopId: target.shopId } });
    if (count >= SHIPPING_LIMITS.zonesPerShop)
      throw new Rollback([
        shippingError(
          "TOO_MANY_ZONES",
          `A shop has at most ${SHIPPING_LIMITS.zonesPerShop} shipping zones.`,
          ["shopId"],
        ),
      ]);
    const taken = await takenHandles(tx, target.shopId, null, zone.rates);
    if (taken.length) throw new Rollback(taken);
    const { rates, ...fields } = zone;
    const created = await tx.shippingZone.create({
      data: { ...fields, shopId: target.shopId },
      select: { id: true },
    });
    await tx.shippingRate.createMany({ data: rateRows(target.shopId, created.id, rates) });
    return succeeded(created.id);
  });
}

/**
 * Changes a zone: the fields given; `rates` replaces all its rates. The provinces are checked
 * against the countries the zone has after the change (INVALID_PROVINCE); TAKEN as for
 * `createZone`.
 */
export function updateZone(
  ctx: Context,
  target: ZoneTarget,
  change: ShippingZoneChange,
): Promise<PayloadShape> {
  const zone = target.zone;
  if (!zone) throw new Error("updateZone needs a zone target");
  const errors = provinceErrors(
    change.countryCodes ?? zone.countryCodes,
    change.provinceCodes ?? zone.provinceCodes,
  );
  if (errors.length) return Promise.resolve(failed(errors));
  return zoneWrite(ctx, async (tx) => {
    await lockShop(tx, target.shopId);
    const { rates, ...fields } = change;
    // Under the shop's lock (every zone write takes it), the zone as it is now: a zone deleted
    // since `zoneTarget` read it is NOT_FOUND, and a change of only the countries or only the
    // provinces is checked against what a concurrent write left of the other.
    const current = await tx.shippingZone.findUnique({
      where: { id: zone.id },
      select: { countryCodes: true, provinceCodes: true },
    });
    if (!current) throw new Rollback([shippingError("NOT_FOUND", "No shipping zone has this ID.", ["id"])]);
    const stale = provinceErrors(
      change.countryCodes ?? current.countryCodes,
      change.provinceCodes ?? current.provinceCodes,
    );
    if (stale.length) throw new Rollback(stale);
    // updatedAt set explicitly: a change of the rates alone is a change of the zone.
    await tx.shippingZone.update({
      where: { id: zone.id },
      data: { ...fields, updatedAt: new Date() },
      select: { id: true },
    });
    if (rates) {
      const taken = await takenHandles(tx, target.shopId, zone.id, rates);
      if (taken.length) throw new Rollback(taken);
      await tx.shippingRate.deleteMany({ where: { zoneId: zone.id } });
      await tx.shippingRate.createMany({ data: rateRows(target.shopId, zone.id, rates) });
    }
    return succeeded(zone.id);
  });
}

/** Deletes a zone and its rates; carts that selected one of them show no selection for it. */
export async function deleteZone(ctx: Context, target: ZoneTarget): Promise<string> {
  const zone = target.zone;
  if (!zone) throw new Error("deleteZone needs a zone target");
  await ctx.db.shippingZone.deleteMany({ where: { id: zone.id } });
  return zone.id;
}

// ───────────── delivery groups of a cart ─────────────

const zoneSelect = {
  countryCodes: true,
  provinceCodes: true,
  shopId: true,
  rates: {
    orderBy: { position: "asc" },
    take: SHIPPING_LIMITS.ratesPerZone,
    select: {
      handle: true,
      title: true,
      price: true,
      condition: true,
      conditionMin: true,
      conditionMax: true,
      freeAbove: true,
      minDays: true,
      maxDays: true,
    },
  },
} as const satisfies Prisma.ShippingZoneSelect;

/** The shipping zones (with rates) of each shop, oldest zone first: one statement. */
export async function loadShippingZones(db: Db, shopIds: string[]): Promise<Map<string, ShippingZoneRule[]>> {
  const byShop = new Map<string, ShippingZoneRule[]>(shopIds.map((id) => [id, []]));
  if (shopIds.length === 0) return byShop;
  const zones = await db.shippingZone.findMany({
    where: { shopId: { in: shopIds } },
    select: zoneSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const zone of zones) byShop.get(zone.shopId)?.push(zone);
  return byShop;
}

/** Reads the shipping zones (with rates) of shops. */
type ZoneReader = (shopIds: string[]) => Promise<Map<string, ShippingZoneRule[]>>;

/** The cart a delivery group is made from: a priced cart with its delivery columns. */
type GroupedCart = Pick<
  LoadedCart,
  "currencyCode" | "deliveryAddress" | "deliverySelections" | "lines" | "pricing"
>;

export interface CartDeliveryGroupShape {
  shopId: string;
  currencyCode: string;
  lineIds: string[];
  quote: DeliveryQuote;
  /** The buyer's selection when the group offers it now, else null. */
  selected: DeliveryOption | null;
}

/** The shop id → handle map stored on the cart (`deliverySelections`), tolerant of bad JSON. */
export function selectionsOf(json: unknown): Record<string, string> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  return Object.fromEntries(
    Object.entries(json).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/**
 * The cart's delivery groups: one per shop with lines, in the order their first line was
 * added; a group's subtotal is its lines' totals after discount codes. One statement (the
 * zones; none before the cart has an address) whatever the shops and lines: weights come with
 * the cart's lines.
 */
async function deliveryGroups(zones: ZoneReader, cart: GroupedCart): Promise<CartDeliveryGroupShape[]> {
  const currencyCode = cart.currencyCode;
  if (currencyCode === null || cart.lines.length === 0) return [];
  const totals = new Map(cart.pricing.lines.map((l) => [l.id, l.total]));
  const byShop = new Map<string, LoadedCart["lines"]>();
  for (const line of cart.lines) {
    const shopId = line.variant.product.shopId;
    byShop.set(shopId, [...(byShop.get(shopId) ?? []), line]);
  }
  const address = cart.deliveryAddress as MailingAddressShape | null;
  // Without an address no zone can apply: no statement.
  const zonesByShop = address ? await zones([...byShop.keys()]) : new Map<string, ShippingZoneRule[]>();
  const to = address ? { countryCode: address.countryCode, provinceCode: address.provinceCode } : null;
  const selections = selectionsOf(cart.deliverySelections);
  return [...byShop].map(([shopId, lines]) => {
    const deliveryLines: DeliveryLine[] = lines.map((l) => ({
      quantity: l.quantity,
      weightGrams: l.variant.weightGrams,
      requiresShipping: l.variant.requiresShipping,
      total: totals.get(l.id) ?? 0,
    }));
    const quote = deliveryQuote(zonesByShop.get(shopId) ?? [], to, deliveryLines);
    const selected = selections[shopId];
    return {
      shopId,
      currencyCode,
      lineIds: lines.map((l) => l.id),
      quote,
      selected: quote.options.find((o) => o.handle === selected) ?? null,
    };
  });
}

/** `deliveryGroups` for a read: zones batched per request (sibling carts share the statement). */
export function cartDeliveryGroups(ctx: Context, cart: GroupedCart): Promise<CartDeliveryGroupShape[]> {
  const zone = requestLoader<string, ShippingZoneRule[]>(
    ctx,
    "shipping-zones",
    (ids) => loadShippingZones(ctx.db, ids),
    [],
  );
  return deliveryGroups(
    async (shopIds) => new Map(await Promise.all(shopIds.map(async (id) => [id, await zone(id)] as const))),
    cart,
  );
}

/** `deliveryGroups` inside a transaction (the option selection). */
export function cartDeliveryGroupsIn(db: Db, cart: GroupedCart): Promise<CartDeliveryGroupShape[]> {
  return deliveryGroups((shopIds) => loadShippingZones(db, shopIds), cart);
}
