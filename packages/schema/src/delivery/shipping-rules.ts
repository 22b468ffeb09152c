/**
 * Shipping: which delivery options a shop offers for one delivery group of a cart (the lines
 * of one shop) at a delivery address, and what each costs. Pure, so the rules are unit-tested
 * beside this file and shared by cart reads and the option selection.
 *
 * - Zones name whole countries (`countryCodes`) and optionally provinces as ISO 3166-2 codes
 *   ("US-CA": the country code, a dash, the subdivision code as `MailingAddress.provinceCode`
 *   holds it). A zone covers a province it names, and every address of a country it names no
 *   province of. The most specific zone wins: a zone naming the address's province over one
 *   covering its whole country; between equals, the first given (oldest). Only the winning
 *   zone's rates are offered.
 * - A rate is offered when its condition holds for the group: NONE always; WEIGHT when the
 *   group's shipped weight (grams, `weightGrams × quantity` of the lines that require shipping)
 *   is within `min..max`; ORDER_VALUE when the group's subtotal is within `min..max`. Both
 *   bounds are inclusive; a null max has no upper bound.
 * - The group's subtotal is the sum of the line totals **after discount codes** (`CartLine.cost.total`)
 *   of the lines that require shipping: what the buyer pays for the goods that travel. At or above
 *   `freeAbove` the rate costs 0.
 * - A group whose lines all have `requiresShipping = false` (digital goods) needs no delivery:
 *   `requiresShipping: false` and no options.
 */
import { isCountryCode, provinceCodes } from "./address-rules.ts";

export const SHIPPING_LIMITS = {
  zonesPerShop: 50,
  ratesPerZone: 20,
  countriesPerZone: 250,
  provincesPerZone: 200,
  name: 100,
  title: 100,
  /** Longest delivery estimate, in days. */
  days: 365,
  /** Heaviest weight a range may name, in grams (1,000 kg). */
  maxRangeGrams: 1_000_000_000,
  /** Heaviest unit of a variant, in grams. */
  maxVariantGrams: 1_000_000,
} as const;

export type ShippingRateCondition = "NONE" | "WEIGHT" | "ORDER_VALUE";

export interface ShippingRateRule {
  handle: string;
  title: string;
  /** Minor units of the shop's currency. */
  price: number;
  condition: ShippingRateCondition;
  /** Grams for WEIGHT, minor units for ORDER_VALUE; inclusive. */
  conditionMin: number;
  /** Inclusive; null: no upper bound. */
  conditionMax: number | null;
  /** Subtotal (minor units) at or above which the rate costs 0; null: never free. */
  freeAbove: number | null;
  minDays: number;
  maxDays: number;
}

export interface ShippingZoneRule {
  countryCodes: readonly string[];
  /** ISO 3166-2 ("US-CA"). */
  provinceCodes: readonly string[];
  /** In the order they are offered. */
  rates: readonly ShippingRateRule[];
}

export interface DeliveryLine {
  quantity: number;
  weightGrams: number;
  requiresShipping: boolean;
  /** The line's total after discount codes, minor units. */
  total: number;
}

export interface DeliveryDestination {
  countryCode: string;
  provinceCode: string | null;
}

export interface DeliveryOption {
  handle: string;
  title: string;
  minDays: number;
  maxDays: number;
  /** Minor units of the shop's currency. */
  cost: number;
}

export const DELIVERY_UNAVAILABLE_REASONS = {
  NO_ADDRESS: "The cart has no delivery address yet (`cartDeliveryAddressUpdate`).",
  NOT_COVERED: "The shop does not ship to the delivery address: none of its shipping zones covers it.",
  NO_RATE_APPLIES:
    "The shop ships to the address, but none of the zone's rates applies to these items (their weight or value is outside every rate's range).",
} as const;

export type DeliveryUnavailableReason = keyof typeof DELIVERY_UNAVAILABLE_REASONS;

/** What a delivery group needs and is offered. */
export type DeliveryQuote =
  | { requiresShipping: false; options: []; unavailableReason: null }
  | {
      requiresShipping: true;
      /** Empty exactly when `unavailableReason` is set. */
      options: DeliveryOption[];
      unavailableReason: DeliveryUnavailableReason | null;
    };

/** "US-CA" → { country: "US", province: "CA" }; null when not of that shape. */
export function splitProvinceCode(code: string): { country: string; province: string } | null {
  const match = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(code);
  return match ? { country: match[1] ?? "", province: match[2] ?? "" } : null;
}

/**
 * Why a zone's province code is not valid, or null: it must be "CC-SUB" with CC one of the
 * zone's countries and SUB a subdivision of CC. Codes: INVALID (shape), INVALID_PROVINCE.
 */
export function provinceCodeProblem(
  code: string,
  zoneCountries: readonly string[],
): { code: "INVALID" | "INVALID_PROVINCE"; message: string } | null {
  const parts = splitProvinceCode(code);
  if (!parts)
    return { code: "INVALID", message: `${JSON.stringify(code)} is not an ISO 3166-2 code such as "US-CA".` };
  if (!zoneCountries.includes(parts.country))
    return {
      code: "INVALID_PROVINCE",
      message: `${JSON.stringify(code)} is in ${parts.country}, which is not one of the zone's countries.`,
    };
  if (!isCountryCode(parts.country) || !provinceCodes(parts.country).has(parts.province))
    return {
      code: "INVALID_PROVINCE",
      message: `${JSON.stringify(parts.province)} is not a province code of ${parts.country}.`,
    };
  return null;
}

/** How specifically a zone covers the destination: 2 its province, 1 its whole country, 0 not. */
export function zoneMatch(zone: ShippingZoneRule, to: DeliveryDestination): 0 | 1 | 2 {
  if (!zone.countryCodes.includes(to.countryCode)) return 0;
  const prefix = `${to.countryCode}-`;
  const named = zone.provinceCodes.filter((p) => p.startsWith(prefix));
  if (named.length === 0) return 1;
  return to.provinceCode !== null && named.includes(prefix + to.provinceCode) ? 2 : 0;
}

/** The zone serving the destination: the most specific, the first among equals; null when none covers it. */
export function zoneFor<Z extends ShippingZoneRule>(zones: readonly Z[], to: DeliveryDestination): Z | null {
  let best: Z | null = null;
  let bestMatch = 0;
  for (const zone of zones) {
    const match = zoneMatch(zone, to);
    if (match > bestMatch) {
      best = zone;
      bestMatch = match;
    }
  }
  return best;
}

function inRange(value: number, min: number, max: number | null): boolean {
  return value >= min && (max === null || value <= max);
}

/** Whether the rate is offered for a group of this weight (grams) and subtotal (minor units). */
export function rateApplies(rate: ShippingRateRule, weightGrams: number, subtotal: number): boolean {
  switch (rate.condition) {
    case "NONE":
      return true;
    case "WEIGHT":
      return inRange(weightGrams, rate.conditionMin, rate.conditionMax);
    case "ORDER_VALUE":
      return inRange(subtotal, rate.conditionMin, rate.conditionMax);
  }
}

/** What the rate costs for a group of this subtotal: 0 at or above `freeAbove`, else its price. */
export function rateCost(rate: ShippingRateRule, subtotal: number): number {
  return rate.freeAbove !== null && subtotal >= rate.freeAbove ? 0 : rate.price;
}

/**
 * The delivery options of one shop's group of lines to `to` (null: no address yet), given the
 * shop's zones in creation order. See the module comment for the rules.
 */
export function deliveryQuote(
  zones: readonly ShippingZoneRule[],
  to: DeliveryDestination | null,
  lines: readonly DeliveryLine[],
): DeliveryQuote {
  const shipped = lines.filter((l) => l.requiresShipping);
  if (shipped.length === 0) return { requiresShipping: false, options: [], unavailableReason: null };
  if (to === null) return { requiresShipping: true, options: [], unavailableReason: "NO_ADDRESS" };
  const zone = zoneFor(zones, to);
  if (zone === null) return { requiresShipping: true, options: [], unavailableReason: "NOT_COVERED" };
  const weight = shipped.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0);
  const subtotal = shipped.reduce((sum, l) => sum + l.total, 0);
  const options = zone.rates
    .filter((rate) => rateApplies(rate, weight, subtotal))
    .map((rate) => ({
      handle: rate.handle,
      title: rate.title,
      minDays: rate.minDays,
      maxDays: rate.maxDays,
      cost: rateCost(rate, subtotal),
    }));
  return {
    requiresShipping: true,
    options,
    unavailableReason: options.length === 0 ? "NO_RATE_APPLIES" : null,
  };
}
