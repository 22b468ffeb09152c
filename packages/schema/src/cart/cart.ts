import { encodeGlobalID } from "@pothos/plugin-relay";
import { MailingAddressType } from "../delivery/address.ts";
import type { MailingAddressShape } from "../delivery/address-rules.ts";
import { builder } from "../builder.ts";
import { canSeeProduct, type ProductVisibility } from "../shared/access.ts";
import type { Context } from "../context.ts";
import { CartStatus } from "@shoppable/db/enums";
import { Viewer } from "../identity/user.ts";
import { limits, listCost } from "../limits.ts";
import { badInput } from "../shared/cursor.ts";
import { decodeId } from "../shared/input.ts";
import { requestCache, requestLoader } from "../shared/loader.ts";
import { Money, money } from "../shared/money.ts";
import { CurrencyCode } from "../shared/scalars.ts";
import { cartVisibleWhere } from "./access.ts";
import { loadPricedCart, type LoadedCart } from "./load.ts";
import { cartCosts, type CartCosts } from "../delivery/cart-costs.ts";
import { CART_LIMITS } from "./limits.ts";
import { DISCOUNT_REASONS, type CodeOutcome } from "./pricing.ts";

export const CartStatusEnum = builder.enumType(CartStatus, {
  name: "CartStatus",
  description:
    "ACTIVE takes changes; CHECKING_OUT while a checkout holds its stock and payment; COMPLETED once checked out.",
});

export const DiscountCodeReasonEnum = builder.enumType("DiscountCodeReason", {
  description: "Why a discount code on a cart does not apply.",
  values: Object.fromEntries(
    Object.entries(DISCOUNT_REASONS).map(([value, description]) => [value, { value, description }]),
  ),
});

// ───────────── request-scoped loading ─────────────

const pricedByRequest = requestCache<Map<string, Promise<LoadedCart | null>>>();

/** The cart priced now, loaded once per request (cost fields of a cart and its lines share it). */
export function pricedCartFor(ctx: Context, cartId: string): Promise<LoadedCart | null> {
  let byId = pricedByRequest.get(ctx);
  if (!byId) {
    byId = new Map();
    pricedByRequest.set(ctx, byId);
  }
  let found = byId.get(cartId);
  if (!found) {
    found = loadPricedCart(ctx.db, cartId);
    byId.set(cartId, found);
  }
  return found;
}

const costsByRequest = requestCache<Map<string, Promise<CartCosts | null>>>();

/** The cart's costs with delivery and tax (delivery/cart-costs.ts), once per request; null for no cart. */
export function cartCostsFor(ctx: Context, cartId: string): Promise<CartCosts | null> {
  let byId = costsByRequest.get(ctx);
  if (!byId) {
    byId = new Map();
    costsByRequest.set(ctx, byId);
  }
  let found = byId.get(cartId);
  if (!found) {
    found = pricedCartFor(ctx, cartId).then((cart) => (cart ? cartCosts(ctx, cart) : null));
    byId.set(cartId, found);
  }
  return found;
}

/**
 * Variants of cart and order lines, batched per request, or null when the caller may no
 * longer see the product (archived or back to draft after it was added or bought).
 */
export function visibleVariant(ctx: Context, query: object, variantId: string | null): Promise<unknown> {
  if (variantId === null) return Promise.resolve(null);
  const load = requestLoader<string, { product: ProductVisibility } | null>(
    ctx,
    `line-variant:${JSON.stringify(query)}`,
    async (ids) => {
      const rows = (await ctx.db.productVariant.findMany({
        ...query,
        where: { id: { in: ids } },
      } as never)) as unknown as {
        id: string;
        product: ProductVisibility;
      }[];
      return new Map(rows.map((r) => [r.id, r]));
    },
    null,
  );
  return load(variantId).then(async (v) => (v && (await canSeeProduct(ctx, v.product)) ? v : null));
}

/** Affiliate codes of links by id, batched per request. */
function affiliateCode(ctx: Context, linkId: string | null): Promise<string | null> {
  if (linkId === null) return Promise.resolve(null);
  return requestLoader<string, string | null>(
    ctx,
    "line-affiliate-code",
    async (ids) =>
      new Map(
        (
          await ctx.db.affiliateLink.findMany({
            where: { id: { in: ids } },
            select: { id: true, code: true },
          })
        ).map((l) => [l.id, l.code]),
      ),
    null,
  )(linkId);
}

// ───────────── shared shapes ─────────────

export interface AttributionShape {
  postId: string | null;
  productTagId: string | null;
  affiliateLinkId: string | null;
  liveSessionId: string | null;
}

const gid = (typename: string, id: string | null) => (id === null ? null : encodeGlobalID(typename, id));

/** How the buyer found a product; on cart lines, copied unchanged to order lines. */
export const LineAttribution = builder.objectRef<AttributionShape>("LineAttribution").implement({
  description:
    "How the buyer found the product: a post (and the product tag tapped in it), a creator's affiliate code, a live session.",
  fields: (t) => ({
    postId: t.id({ nullable: true, resolve: (a) => gid("Post", a.postId) }),
    productTagId: t.id({ nullable: true, resolve: (a) => gid("ProductTag", a.productTagId) }),
    affiliateCode: t.string({
      nullable: true,
      resolve: (a, _args, ctx) => affiliateCode(ctx, a.affiliateLinkId),
    }),
    liveSessionId: t.id({ nullable: true, resolve: (a) => gid("LiveSession", a.liveSessionId) }),
  }),
});

export const attributionSelect = {
  postId: true,
  productTagId: true,
  affiliateLinkId: true,
  liveSessionId: true,
} as const;

// ───────────── costs ─────────────

interface CartCostShape {
  cartId: string;
  subtotal: number;
  discount: number;
  currencyCode: string;
}

/** The cart's costs with delivery and tax; asked for only by the fields that need them. */
async function costsOf(ctx: Context, cartId: string): Promise<CartCosts> {
  const costs = await cartCostsFor(ctx, cartId);
  if (!costs) throw new Error("cart vanished while costing");
  return costs;
}

const CartCost = builder.objectRef<CartCostShape>("CartCost").implement({
  description:
    "The cart's amounts now: recomputed on every read from current prices, live prices, discount codes, the selected delivery options and the tax rates for the delivery address (else the buyer's country). Tax is computed per line and on shipping, rounded half to even (docs/delivery.md).",
  fields: (t) => ({
    subtotal: t.field({
      type: Money,
      description: "Sum of the line subtotals.",
      resolve: (c) => money(c.subtotal, c.currencyCode),
    }),
    discount: t.field({
      type: Money,
      description: "Sum of the discount codes that apply.",
      resolve: (c) => money(c.discount, c.currencyCode),
    }),
    shipping: t.field({
      type: Money,
      description:
        "Sum of the selected delivery options' costs (a group with no selection counts 0; checkout refuses it).",
      resolve: async (c, _args, ctx) => money((await costsOf(ctx, c.cartId)).shipping, c.currencyCode),
    }),
    tax: t.field({
      type: Money,
      description:
        "All the tax on lines and shipping: included in the prices of tax-inclusive shops (see includedTax), added for the others.",
      resolve: async (c, _args, ctx) => money((await costsOf(ctx, c.cartId)).tax, c.currencyCode),
    }),
    includedTax: t.field({
      type: Money,
      description:
        "The part of `tax` already inside the prices and shipping (tax-inclusive shops): not added again.",
      resolve: async (c, _args, ctx) => money((await costsOf(ctx, c.cartId)).includedTax, c.currencyCode),
    }),
    total: t.field({
      type: Money,
      description: "What checkout charges now: subtotal − discount + shipping + (tax − includedTax).",
      resolve: async (c, _args, ctx) => money((await costsOf(ctx, c.cartId)).total, c.currencyCode),
    }),
  }),
});

interface LineCostShape {
  cartId: string;
  lineId: string;
  unitPrice: number;
  regularUnitPrice: number;
  subtotal: number;
  discount: number;
  total: number;
  currencyCode: string;
}

const CartLineCost = builder.objectRef<LineCostShape>("CartLineCost").implement({
  fields: (t) => ({
    unitPrice: t.field({
      type: Money,
      description: "The price of one unit now: the live price while it holds, else the variant's price.",
      resolve: (c) => money(c.unitPrice, c.currencyCode),
    }),
    regularUnitPrice: t.field({
      type: Money,
      description: "The variant's own price.",
      resolve: (c) => money(c.regularUnitPrice, c.currencyCode),
    }),
    subtotal: t.field({
      type: Money,
      description: "unitPrice × quantity.",
      resolve: (c) => money(c.subtotal, c.currencyCode),
    }),
    discount: t.field({
      type: Money,
      description: "This line's share of its shop's discount code.",
      resolve: (c) => money(c.discount, c.currencyCode),
    }),
    total: t.field({
      type: Money,
      description: "subtotal minus discount (tax not added).",
      resolve: (c) => money(c.total, c.currencyCode),
    }),
    tax: t.field({
      type: Money,
      description:
        "The line's tax at the delivery address (else the buyer's country), on its total, rounded half to even; inside the total when taxIncluded.",
      resolve: async (c, _args, ctx) =>
        money((await costsOf(ctx, c.cartId)).lineTaxes.get(c.lineId)?.tax ?? 0, c.currencyCode),
    }),
    taxIncluded: t.boolean({
      description:
        "Whether the shop's prices include the tax (EU style) or it is added at checkout (US style).",
      resolve: async (c, _args, ctx) =>
        (await costsOf(ctx, c.cartId)).lineTaxes.get(c.lineId)?.included ?? false,
    }),
  }),
});

interface CartDiscountCodeShape extends CodeOutcome {
  currencyCode: string | null;
}

const CartDiscountCode = builder.objectRef<CartDiscountCodeShape>("CartDiscountCode").implement({
  description:
    "A discount code on the cart and whether it applies now. Codes are per shop; within a shop the code with the largest discount applies.",
  fields: (t) => ({
    code: t.exposeString("code"),
    applicable: t.exposeBoolean("applicable"),
    reason: t.field({
      type: DiscountCodeReasonEnum,
      nullable: true,
      description: "Why it does not apply; null when it does.",
      resolve: (c) => c.reason,
    }),
    amount: t.field({
      type: Money,
      nullable: true,
      description: "The discount it gives now; null while the cart is empty.",
      resolve: (c) => (c.currencyCode === null ? null : money(c.amount, c.currencyCode)),
    }),
  }),
});

interface BuyerIdentityShape {
  email: string | null;
  countryCode: string | null;
}

const CartBuyerIdentity = builder.objectRef<BuyerIdentityShape>("CartBuyerIdentity").implement({
  fields: (t) => ({
    email: t.exposeString("email", { nullable: true }),
    countryCode: t.exposeString("countryCode", { nullable: true, description: "ISO 3166-1 alpha-2." }),
  }),
});

// ───────────── types ─────────────

export const CartLineType = builder.prismaNode("CartLine", {
  id: { field: "id" },
  nullable: true,
  description: "A variant in a cart, with the quantity and how the buyer found it.",
  findUnique: (id, ctx) => ({ id, cart: cartVisibleWhere(ctx) }),
  fields: (t) => ({
    quantity: t.exposeInt("quantity"),
    variant: t.prismaField({
      type: "ProductVariant",
      nullable: true,
      description: "The variant; null when its product is no longer for sale (the line then fails checkout).",
      select: { variantId: true },
      resolve: (query, line, _args, ctx) => visibleVariant(ctx, query, line.variantId) as never,
    }),
    attribution: t.field({ type: LineAttribution, select: attributionSelect, resolve: (line) => line }),
    livePriceApplied: t.boolean({
      description:
        "Whether the line gets its live session's price now (the session is live, the product pinned, the cap not reached).",
      select: { cartId: true },
      resolve: async (line, _args, ctx) => {
        const cart = await pricedCartFor(ctx, line.cartId);
        return cart?.lines.find((l) => l.id === line.id)?.livePinId != null;
      },
    }),
    cost: t.field({
      type: CartLineCost,
      select: { cartId: true },
      resolve: async (line, _args, ctx) => {
        const cart = await pricedCartFor(ctx, line.cartId);
        const loaded = cart?.lines.find((l) => l.id === line.id);
        const priced = cart?.pricing.lines.find((l) => l.id === line.id);
        if (!loaded || !priced) throw new Error("cart line vanished while pricing");
        return {
          ...priced,
          cartId: line.cartId,
          lineId: line.id,
          regularUnitPrice: loaded.variant.price,
          currencyCode: loaded.variant.product.currencyCode,
        };
      },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const CartType = builder.prismaNode("Cart", {
  id: { field: "id" },
  nullable: true,
  description:
    "A cart: anonymous (its id is its bearer secret: keep it private) or owned by a user. It may hold products of several shops in one currency; checkout makes one order per shop. It expires 30 days after its last change.",
  findUnique: (id, ctx) => ({ id, AND: [cartVisibleWhere(ctx)] }),
  fields: (t) => ({
    status: t.expose("status", { type: CartStatusEnum }),
    currencyCode: t.expose("currencyCode", {
      type: CurrencyCode,
      nullable: true,
      description: "The currency of every line; null while the cart is empty.",
    }),
    buyer: t.relation("user", {
      nullable: true,
      description: "The user who owns the cart; null for an anonymous cart.",
    }),
    buyerIdentity: t.field({
      type: CartBuyerIdentity,
      select: { email: true, countryCode: true },
      resolve: (c) => c,
    }),
    deliveryAddress: t.field({
      type: MailingAddressType,
      nullable: true,
      description: "Where the goods go (`cartDeliveryAddressUpdate`); null until set.",
      select: { deliveryAddress: true },
      resolve: (c) => c.deliveryAddress as MailingAddressShape | null,
    }),
    lines: t.relation("lines", {
      description: `The lines, oldest first (at most ${CART_LIMITS.lines}).`,
      query: { orderBy: { id: "asc" }, take: CART_LIMITS.lines },
      complexity: listCost(CART_LIMITS.lines),
    }),
    totalQuantity: t.int({
      description: "Units over all lines.",
      resolve: async (cart, _args, ctx) =>
        (await pricedCartFor(ctx, cart.id))?.lines.reduce((sum, l) => sum + l.quantity, 0) ?? 0,
    }),
    cost: t.field({
      type: CartCost,
      nullable: true,
      description: "Subtotal, discount, shipping, tax and total now; null while the cart is empty.",
      resolve: async (cart, _args, ctx) => {
        const priced = await pricedCartFor(ctx, cart.id);
        if (!priced?.currencyCode) return null;
        return { cartId: cart.id, ...priced.pricing, currencyCode: priced.currencyCode };
      },
    }),
    discountCodes: t.field({
      type: [CartDiscountCode],
      description: `The codes entered (at most ${CART_LIMITS.discountCodes}), in order, and whether each applies now.`,
      complexity: listCost(CART_LIMITS.discountCodes),
      resolve: async (cart, _args, ctx) => {
        const priced = await pricedCartFor(ctx, cart.id);
        return (priced?.pricing.codes ?? [])
          .slice(0, CART_LIMITS.discountCodes)
          .map((c) => ({ ...c, currencyCode: priced?.currencyCode ?? null }));
      },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      description: "When the cart expires unless changed again (30 days after its last change).",
    }),
  }),
});

builder.queryField("cart", (t) =>
  t.prismaField({
    type: "Cart",
    nullable: true,
    description:
      "A cart by id: an anonymous cart for whoever holds its id, an owned cart for its owner only. Null when absent, expired, merged or not the caller's.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = decodeId(String(args.id), "Cart");
      if (id === null) throw badInput("`id` is not a valid Cart ID.");
      return ctx.db.cart.findFirst({ ...query, where: { id, ...cartVisibleWhere(ctx) } });
    },
  }),
);

builder.objectField(Viewer, "carts", (t) =>
  t.prismaConnection({
    type: "Cart",
    cursor: "id",
    description:
      "The user's ACTIVE and CHECKING_OUT carts, most recently changed first; empty without a user token.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    resolve: (query, _viewer, _args, ctx) =>
      ctx.user
        ? ctx.db.cart.findMany({
            ...query,
            where: {
              userId: ctx.user.id,
              status: { in: ["ACTIVE", "CHECKING_OUT"] },
              expiresAt: { gt: new Date() },
            },
            orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          })
        : [],
  }),
);
