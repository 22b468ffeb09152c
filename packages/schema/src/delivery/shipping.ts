/**
 * Shipping zones and rates (`Shop.shippingZones`, public like prices) and a cart's delivery
 * groups (`Cart.deliveryGroups`): one per shop, with the options its zones offer at the
 * cart's delivery address.
 */
import type { CartLine, Shop } from "@shoppable/db/client";
import { builder } from "../builder.ts";
import { pricedCartFor } from "../cart/cart.ts";
import type { Context } from "../context.ts";
import { listCost } from "../limits.ts";
import { requestLoader } from "../shared/loader.ts";
import { Money, money } from "../shared/money.ts";
import {
  DELIVERY_UNAVAILABLE_REASONS,
  SHIPPING_LIMITS,
  type DeliveryOption,
  type DeliveryUnavailableReason,
} from "./shipping-rules.ts";
import { cartDeliveryGroups, type CartDeliveryGroupShape } from "./shipping-service.ts";
import { CART_LIMITS } from "../cart/limits.ts";

export const ShippingRateConditionEnum = builder.enumType("ShippingRateCondition", {
  description: "When a shipping rate is offered.",
  values: {
    NONE: { value: "NONE", description: "Always." },
    WEIGHT: { value: "WEIGHT", description: "When the group's weight is within `weightRange`." },
    ORDER_VALUE: {
      value: "ORDER_VALUE",
      description: "When the group's subtotal (after discounts) is within `orderValueRange`.",
    },
  } as const,
});

export const DeliveryUnavailableReasonEnum = builder.enumType("DeliveryUnavailableReason", {
  description: "Why a delivery group that needs delivery has no options.",
  values: Object.fromEntries(
    Object.entries(DELIVERY_UNAVAILABLE_REASONS).map(([value, description]) => [
      value,
      { value, description },
    ]),
  ) as Record<DeliveryUnavailableReason, { value: DeliveryUnavailableReason; description: string }>,
});

export const DeliveryEstimate = builder
  .objectRef<{ min: number; max: number }>("DeliveryEstimate")
  .implement({
    description: "Business days from dispatch to delivery.",
    fields: (t) => ({ min: t.exposeInt("min"), max: t.exposeInt("max") }),
  });

const WeightRange = builder.objectRef<{ min: number; max: number | null }>("WeightRange").implement({
  description: "Grams, both bounds inclusive.",
  fields: (t) => ({
    minGrams: t.exposeInt("min"),
    maxGrams: t.exposeInt("max", { nullable: true, description: "Null: no upper bound." }),
  }),
});

const OrderValueRange = builder
  .objectRef<{ min: number; max: number | null; currencyCode: string }>("OrderValueRange")
  .implement({
    description: "Both bounds inclusive.",
    fields: (t) => ({
      min: t.field({ type: Money, resolve: (r) => money(r.min, r.currencyCode) }),
      max: t.field({
        type: Money,
        nullable: true,
        description: "Null: no upper bound.",
        resolve: (r) => (r.max === null ? null : money(r.max, r.currencyCode)),
      }),
    }),
  });

const rateCurrency = { zone: { select: { shop: { select: { currencyCode: true } } } } } as const;

builder.prismaObject("ShippingRate", {
  description: "A delivery option of a shipping zone: its price, when it is offered and how long it takes.",
  fields: (t) => ({
    handle: t.exposeString("handle", {
      description: "Unique in the shop; what `cartSelectedDeliveryOptionsUpdate` selects.",
    }),
    title: t.exposeString("title"),
    price: t.field({
      type: Money,
      select: { price: true, ...rateCurrency },
      resolve: (r) => money(r.price, r.zone.shop.currencyCode),
    }),
    condition: t.field({
      type: ShippingRateConditionEnum,
      select: { condition: true },
      resolve: (r) => r.condition,
    }),
    weightRange: t.field({
      type: WeightRange,
      nullable: true,
      description: "WEIGHT rates: the group weights (grams) it is offered for.",
      select: { condition: true, conditionMin: true, conditionMax: true },
      resolve: (r) => (r.condition === "WEIGHT" ? { min: r.conditionMin, max: r.conditionMax } : null),
    }),
    orderValueRange: t.field({
      type: OrderValueRange,
      nullable: true,
      description: "ORDER_VALUE rates: the group subtotals (after discounts) it is offered for.",
      select: { condition: true, conditionMin: true, conditionMax: true, ...rateCurrency },
      resolve: (r) =>
        r.condition === "ORDER_VALUE"
          ? { min: r.conditionMin, max: r.conditionMax, currencyCode: r.zone.shop.currencyCode }
          : null,
    }),
    freeAbove: t.field({
      type: Money,
      nullable: true,
      description: "From this group subtotal (after discounts) on, the rate costs nothing.",
      select: { freeAbove: true, ...rateCurrency },
      resolve: (r) => (r.freeAbove === null ? null : money(r.freeAbove, r.zone.shop.currencyCode)),
    }),
    estimatedDays: t.field({
      type: DeliveryEstimate,
      select: { minDays: true, maxDays: true },
      resolve: (r) => ({ min: r.minDays, max: r.maxDays }),
    }),
  }),
});

export const ShippingZoneType = builder.prismaNode("ShippingZone", {
  id: { field: "id" },
  nullable: true,
  description:
    'Where a shop ships and at which rates. Covers its `countryCodes`, but only the listed provinces of a country it names provinces of ("US-CA"). At an address, a zone naming its province wins over one covering its whole country.',
  fields: (t) => ({
    name: t.exposeString("name"),
    countryCodes: t.exposeStringList("countryCodes", { description: "ISO 3166-1 alpha-2." }),
    provinceCodes: t.exposeStringList("provinceCodes", {
      description: 'ISO 3166-2, such as "US-CA"; empty: the whole countries.',
    }),
    rates: t.relation("rates", {
      description: `In the order they are offered (at most ${SHIPPING_LIMITS.ratesPerZone}).`,
      query: { orderBy: { position: "asc" }, take: SHIPPING_LIMITS.ratesPerZone },
      complexity: listCost(SHIPPING_LIMITS.ratesPerZone),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectFields("Shop", (t) => ({
  shippingZones: t.relation("shippingZones", {
    description: `Where the shop ships and at which rates, oldest zone first (at most ${SHIPPING_LIMITS.zonesPerShop}). Public, like prices.`,
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: SHIPPING_LIMITS.zonesPerShop },
    complexity: listCost(SHIPPING_LIMITS.zonesPerShop),
  }),
}));

// ───────────── cart delivery groups ─────────────

interface OptionShape extends DeliveryOption {
  currencyCode: string;
}

const CartDeliveryOption = builder.objectRef<OptionShape>("CartDeliveryOption").implement({
  description: "A way a delivery group can be delivered, and what it costs for the group.",
  fields: (t) => ({
    handle: t.exposeString("handle", { description: "What `cartSelectedDeliveryOptionsUpdate` selects." }),
    title: t.exposeString("title"),
    estimatedDays: t.field({
      type: DeliveryEstimate,
      resolve: (o) => ({ min: o.minDays, max: o.maxDays }),
    }),
    cost: t.field({
      type: Money,
      description: "For the whole group: 0 when its subtotal reaches the rate's `freeAbove`.",
      resolve: (o) => money(o.cost, o.currencyCode),
    }),
  }),
});

/** Shops by id with the GraphQL selection, batched per request (one statement per selection). */
function loadShop(ctx: Context, query: object, id: string): Promise<Shop | null> {
  return requestLoader<string, Shop | null>(
    ctx,
    `delivery-group-shop:${JSON.stringify(query)}`,
    async (ids) =>
      new Map((await ctx.db.shop.findMany({ ...query, where: { id: { in: ids } } })).map((r) => [r.id, r])),
    null,
  )(id);
}

/** Cart lines by id with the GraphQL selection, batched per request (one statement per selection). */
function loadCartLine(ctx: Context, query: object, id: string): Promise<CartLine | null> {
  return requestLoader<string, CartLine | null>(
    ctx,
    `delivery-group-cartLine:${JSON.stringify(query)}`,
    async (ids) =>
      new Map(
        (await ctx.db.cartLine.findMany({ ...query, where: { id: { in: ids } } })).map((r) => [r.id, r]),
      ),
    null,
  )(id);
}

const optionsOf = (g: CartDeliveryGroupShape): OptionShape[] =>
  g.quote.options.map((o) => ({ ...o, currencyCode: g.currencyCode }));

const CartDeliveryGroup = builder.objectRef<CartDeliveryGroupShape>("CartDeliveryGroup").implement({
  description:
    "The lines of one shop in a cart, delivered together: the options the shop's shipping zones offer at the cart's delivery address and the one the buyer selected.",
  fields: (t) => ({
    shop: t.prismaField({
      type: "Shop",
      resolve: async (query, g, _args, ctx) => {
        const shop = await loadShop(ctx, query, g.shopId);
        // Cart lines keep their products (and so their shops) by foreign key.
        if (!shop) throw new Error(`The shop ${g.shopId} of a delivery group is missing`);
        return shop;
      },
    }),
    lines: t.prismaField({
      type: ["CartLine"],
      description: "The cart's lines of this shop, oldest first.",
      complexity: listCost(CART_LIMITS.lines),
      resolve: async (query, g, _args, ctx) =>
        (await Promise.all(g.lineIds.map((id) => loadCartLine(ctx, query, id)))).filter(
          (l): l is CartLine => l !== null,
        ),
    }),
    requiresShipping: t.boolean({
      description:
        "False when every line is a product that needs no shipping (digital goods): no option to select.",
      resolve: (g) => g.quote.requiresShipping,
    }),
    deliveryOptions: t.field({
      type: [CartDeliveryOption],
      description:
        "What the shop offers at the delivery address, in the shop's order; empty with a reason otherwise.",
      complexity: listCost(SHIPPING_LIMITS.ratesPerZone),
      resolve: (g) => optionsOf(g),
    }),
    selectedDeliveryOption: t.field({
      type: CartDeliveryOption,
      nullable: true,
      description:
        "The buyer's choice; null when none was made or it is no longer offered (the address or the rates changed).",
      resolve: (g) => (g.selected ? { ...g.selected, currencyCode: g.currencyCode } : null),
    }),
    deliveryUnavailableReason: t.field({
      type: DeliveryUnavailableReasonEnum,
      nullable: true,
      description:
        "Why the group has no delivery option although it needs one; null when it has some or needs none.",
      resolve: (g) => (g.quote.requiresShipping ? g.quote.unavailableReason : null),
    }),
  }),
});

builder.prismaObjectFields("Cart", (t) => ({
  deliveryGroups: t.field({
    type: [CartDeliveryGroup],
    description:
      "One group per shop with lines in the cart, in the order their first line was added. Costs a fixed number of statements whatever the shops and lines.",
    complexity: listCost(CART_LIMITS.lines),
    resolve: async (cart, _args, ctx) => {
      const priced = await pricedCartFor(ctx, cart.id);
      return priced ? cartDeliveryGroups(ctx, priced) : [];
    },
  }),
}));
