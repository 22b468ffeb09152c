/**
 * What a cart costs with delivery and tax: its priced lines (cart/pricing.ts), each shop's
 * selected delivery option (shipping-service.ts) and the tax rate for the destination
 * (tax-rules.ts), taxed per line by the rounding rule documented there. Cart reads
 * (`Cart.cost`, `CartLine.cost`, `CartDeliveryGroup.cost`) and checkout use the same function,
 * so checkout charges what the cart showed.
 *
 * The destination is the delivery address, else the cart's buyer country (no province): a
 * cart with neither carries no tax yet.
 */
import type { Prisma } from "@shoppable/db/client";
import type { Context } from "../context.ts";
import type { Db, LoadedCart } from "../cart/load.ts";
import { requestLoader } from "../shared/loader.ts";
import type { MailingAddressShape } from "./address-rules.ts";
import { cartDeliveryGroups, cartDeliveryGroupsIn, type CartDeliveryGroupShape } from "./shipping-service.ts";
import { taxGroup, taxRateFor, type TaxDestination, type TaxedGroup, type TaxRateRule } from "./tax-rules.ts";

/** The cart as costing needs it: priced, with its delivery columns and each line's shop policy. */
export type CostedCart = Pick<
  LoadedCart,
  "currencyCode" | "countryCode" | "deliveryAddress" | "deliverySelections" | "lines" | "pricing"
>;

export interface ShopCost {
  shopId: string;
  group: CartDeliveryGroupShape;
  subtotal: number;
  discount: number;
  /** The selected option's cost (0 when nothing ships or none is selected). */
  shipping: number;
  taxed: TaxedGroup;
}

export interface CartCosts {
  /** One per delivery group (shop), in the groups' order. */
  shops: ShopCost[];
  /** Tax per cart line id, and whether it is inside the line's price. */
  lineTaxes: Map<string, { tax: number; included: boolean }>;
  subtotal: number;
  discount: number;
  shipping: number;
  /** All tax, included in prices or added. */
  tax: number;
  /** The part of `tax` already inside prices and shipping (tax-inclusive shops). */
  includedTax: number;
  /** subtotal − discount + shipping + (tax − includedTax): what checkout charges. */
  total: number;
}

/** Where the cart's goods are taxed: the delivery address, else the buyer's country. */
export function taxDestination(
  cart: Pick<CostedCart, "deliveryAddress" | "countryCode">,
): TaxDestination | null {
  const address = cart.deliveryAddress as MailingAddressShape | null;
  if (address) return { countryCode: address.countryCode, provinceCode: address.provinceCode ?? null };
  return cart.countryCode ? { countryCode: cart.countryCode, provinceCode: null } : null;
}

/** Pure: the costs of a cart from its delivery groups and the tax rates that may apply. */
export function costsOf(
  cart: CostedCart,
  groups: readonly CartDeliveryGroupShape[],
  rates: readonly TaxRateRule[],
): CartCosts {
  const priced = new Map(cart.pricing.lines.map((l) => [l.id, l]));
  const includesTax = new Map(cart.lines.map((l) => [l.id, l.variant.product.shop.pricesIncludeTax]));
  const to = taxDestination(cart);
  const lineTaxes = new Map<string, { tax: number; included: boolean }>();
  const shops = groups.map((group): ShopCost => {
    const lines = group.lineIds.map((id) => {
      const line = priced.get(id);
      if (!line) throw new Error(`cart line ${id} was not priced`);
      return line;
    });
    const shipping = group.selected?.cost ?? 0;
    const pricesIncludeTax = includesTax.get(group.lineIds[0] ?? "") ?? false;
    const taxed = taxGroup(
      { lines: lines.map((l) => ({ id: l.id, total: l.total })), shipping, pricesIncludeTax },
      taxRateFor(rates, group.shopId, to),
    );
    for (const [id, tax] of taxed.lineTaxes) lineTaxes.set(id, { tax, included: pricesIncludeTax });
    return {
      shopId: group.shopId,
      group,
      subtotal: lines.reduce((s, l) => s + l.subtotal, 0),
      discount: lines.reduce((s, l) => s + l.discount, 0),
      shipping,
      taxed,
    };
  });
  const sum = (f: (s: ShopCost) => number) => shops.reduce((total, s) => total + f(s), 0);
  return {
    shops,
    lineTaxes,
    subtotal: sum((s) => s.subtotal),
    discount: sum((s) => s.discount),
    shipping: sum((s) => s.shipping),
    tax: sum((s) => s.taxed.tax),
    includedTax: sum((s) => (s.taxed.taxIncluded ? s.taxed.tax : 0)),
    total: sum((s) => s.taxed.total),
  };
}

const rateSelect = {
  shopId: true,
  countryCode: true,
  provinceCode: true,
  name: true,
  ratePpm: true,
  shippingTaxable: true,
} as const satisfies Prisma.TaxRateSelect;

/** The rates of `shopIds` and the platform's for one country: one statement. */
export function loadTaxRates(db: Db, countryCode: string, shopIds: string[]): Promise<TaxRateRule[]> {
  return db.taxRate.findMany({
    where: { countryCode, OR: [{ shopId: null }, { shopId: { in: shopIds } }] },
    select: rateSelect,
    orderBy: { id: "asc" },
  });
}

const shopIdsOf = (groups: readonly CartDeliveryGroupShape[]) => groups.map((g) => g.shopId);

/** `costsOf` for a read: zones and rates batched per request (sibling carts share statements). */
export async function cartCosts(ctx: Context, cart: CostedCart): Promise<CartCosts> {
  const groups = await cartDeliveryGroups(ctx, cart);
  const to = taxDestination(cart);
  if (to === null || groups.length === 0) return costsOf(cart, groups, []);
  const load = requestLoader<string, TaxRateRule[]>(
    ctx,
    "tax-rates",
    async (keys) => {
      const byCountry = new Map<string, string[]>();
      for (const key of keys) {
        const [country = "", shopId = ""] = key.split("|");
        byCountry.set(country, [...(byCountry.get(country) ?? []), shopId]);
      }
      const found = new Map<string, TaxRateRule[]>();
      for (const [country, shopIds] of byCountry) {
        const rates = await loadTaxRates(ctx.db, country, shopIds);
        for (const shopId of shopIds)
          found.set(
            `${country}|${shopId}`,
            rates.filter((r) => r.shopId === null || r.shopId === shopId),
          );
      }
      return found;
    },
    [],
  );
  const perShop = await Promise.all(shopIdsOf(groups).map((id) => load(`${to.countryCode}|${id}`)));
  const rates = [
    ...new Map(perShop.flat().map((r) => [`${r.shopId}|${r.countryCode}|${r.provinceCode}`, r])).values(),
  ];
  return costsOf(cart, groups, rates);
}

/** `costsOf` inside a transaction (checkout): two statements, the zones and the rates. */
export async function cartCostsIn(db: Db, cart: CostedCart): Promise<CartCosts> {
  const groups = await cartDeliveryGroupsIn(db, cart);
  const to = taxDestination(cart);
  if (to === null || groups.length === 0) return costsOf(cart, groups, []);
  return costsOf(cart, groups, await loadTaxRates(db, to.countryCode, shopIdsOf(groups)));
}
