/**
 * The demo world's delivery and tax: where each shop is based and ships (shipping zones and
 * rates for its currency's market), its tax and return policies, the weight of what it sells
 * (digital goods weigh nothing and need no delivery) and the platform's tax rates for every
 * country the shops ship to.
 *
 * Pure data plus a generator that draws from PRNG streams of its own ("delivery-catalog" while
 * the catalog is generated, "delivery" for zones, "delivery-ids" for ids), so that the rest of
 * the world does not shift when this changes. Money is in minor units of the shop's currency,
 * weights in grams. The schema package's seed test holds these rows to the shipping and tax
 * rules (delivery/shipping-rules.ts, delivery/tax-rules.ts): valid countries and provinces,
 * handles unique per shop, rates from 0 to 100%.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import { Rng } from "./random.ts";
import { DAY, type DepartmentDef, type ProductTypeDef } from "./words.ts";

type ZoneInput = Prisma.ShippingZoneCreateManyInput;
type RateInput = Prisma.ShippingRateCreateManyInput;
type TaxRateInput = Prisma.TaxRateCreateManyInput;

/** A delivery option as planned. */
interface RatePlan {
  handle: string;
  title: string;
  price: number;
  /** Offered only for groups of this weight (grams, inclusive; null: no upper bound). */
  grams?: readonly [number, number | null];
  /** Free from this group subtotal on: one of these, the same choice for all of a shop's rates. */
  freeAbove?: readonly [number, number, number];
  /** Delivery estimate in business days. */
  days: readonly [number, number];
}

interface ZonePlan {
  name: string;
  countryCodes: readonly string[];
  /** ISO 3166-2 ("US-AK"): the zone then covers only those provinces of their countries. */
  provinceCodes?: readonly string[];
  rates: readonly RatePlan[];
}

/** How the shops of one currency sell: where they are based, their prices and their zones. */
interface MarketPlan {
  /** The countries the currency's shops are based in, in turn. */
  homes: readonly string[];
  /** Whether prices include tax (EU, UK, Japan, Australia) or tax is added at checkout (US, Canada). */
  pricesIncludeTax: boolean;
  zones(home: string): ZonePlan[];
}

/** Parcels up to this weight go standard; heavier ones as bulky or freight. */
const LIGHT = [0, 4_999] as const;
const HEAVY = [5_000, null] as const;

const EU = ["AT", "BE", "DE", "DK", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PT", "SE"] as const;
const HOME_NAMES: Record<string, string> = { DE: "Germany", FR: "France", NL: "Netherlands", AT: "Austria" };

/** The markets of the seeded currencies (words.ts CURRENCY_PATTERN). */
export const MARKETS: Readonly<Record<string, MarketPlan>> = {
  EUR: {
    homes: ["DE", "FR", "NL", "AT"],
    pricesIncludeTax: true,
    zones: (home) => [
      {
        name: HOME_NAMES[home] ?? home,
        countryCodes: [home],
        rates: [
          {
            handle: "standard",
            title: "Standard",
            price: 490,
            grams: LIGHT,
            freeAbove: [3_900, 4_900, 5_900],
            days: [2, 4],
          },
          { handle: "bulky", title: "Bulky parcel", price: 1_490, grams: HEAVY, days: [3, 5] },
          { handle: "express", title: "Express", price: 990, days: [1, 2] },
        ],
      },
      {
        name: "European Union",
        countryCodes: EU.filter((country) => country !== home),
        rates: [
          {
            handle: "eu-standard",
            title: "EU Standard",
            price: 990,
            grams: LIGHT,
            freeAbove: [9_900, 9_900, 14_900],
            days: [3, 7],
          },
          { handle: "eu-bulky", title: "EU Bulky parcel", price: 2_990, grams: HEAVY, days: [4, 8] },
          { handle: "eu-express", title: "EU Express", price: 1_990, days: [2, 3] },
        ],
      },
    ],
  },
  USD: {
    homes: ["US"],
    pricesIncludeTax: false,
    zones: () => [
      {
        name: "United States",
        countryCodes: ["US"],
        rates: [
          {
            handle: "ground",
            title: "Ground",
            price: 599,
            grams: [0, 999],
            freeAbove: [5_000, 7_500, 9_900],
            days: [3, 7],
          },
          {
            handle: "ground-heavy",
            title: "Ground, 1 to 5 kg",
            price: 1_099,
            grams: [1_000, 4_999],
            freeAbove: [5_000, 7_500, 9_900],
            days: [3, 7],
          },
          { handle: "freight", title: "Freight, 5 kg and up", price: 2_499, grams: HEAVY, days: [5, 10] },
          { handle: "express", title: "2-Day Express", price: 1_999, days: [1, 2] },
        ],
      },
      {
        name: "Alaska and Hawaii",
        countryCodes: ["US"],
        provinceCodes: ["US-AK", "US-HI"],
        rates: [
          { handle: "remote-ground", title: "Ground", price: 1_499, days: [5, 12] },
          { handle: "remote-express", title: "Express", price: 3_999, days: [2, 4] },
        ],
      },
      {
        name: "Canada",
        countryCodes: ["CA"],
        rates: [{ handle: "canada", title: "International Standard", price: 1_999, days: [6, 12] }],
      },
    ],
  },
  GBP: {
    homes: ["GB"],
    pricesIncludeTax: true,
    zones: () => [
      {
        name: "United Kingdom",
        countryCodes: ["GB"],
        rates: [
          {
            handle: "standard",
            title: "Standard",
            price: 349,
            grams: [0, 1_999],
            freeAbove: [3_000, 4_000, 5_000],
            days: [2, 3],
          },
          { handle: "parcel", title: "Tracked parcel", price: 799, grams: [2_000, null], days: [2, 4] },
          { handle: "next-day", title: "Next day", price: 699, days: [1, 1] },
        ],
      },
      {
        name: "Europe",
        countryCodes: ["AT", "BE", "DE", "ES", "FR", "IE", "IT", "NL"],
        rates: [{ handle: "europe", title: "International Tracked", price: 1_295, days: [4, 8] }],
      },
    ],
  },
  JPY: {
    homes: ["JP"],
    pricesIncludeTax: true,
    zones: () => [
      {
        name: "Japan",
        countryCodes: ["JP"],
        rates: [
          {
            handle: "standard",
            title: "Standard",
            price: 600,
            grams: LIGHT,
            freeAbove: [5_000, 8_000, 10_000],
            days: [1, 3],
          },
          { handle: "large", title: "Large parcel", price: 1_800, grams: HEAVY, days: [2, 4] },
          { handle: "express", title: "Express", price: 1_200, days: [1, 1] },
        ],
      },
    ],
  },
  CAD: {
    homes: ["CA"],
    pricesIncludeTax: false,
    zones: () => [
      {
        name: "Canada",
        countryCodes: ["CA"],
        rates: [
          {
            handle: "standard",
            title: "Standard",
            price: 999,
            grams: LIGHT,
            freeAbove: [7_500, 10_000, 15_000],
            days: [3, 8],
          },
          { handle: "heavy", title: "Heavy parcel", price: 2_999, grams: HEAVY, days: [4, 9] },
          { handle: "expedited", title: "Expedited", price: 1_999, days: [1, 3] },
        ],
      },
      {
        name: "United States",
        countryCodes: ["US"],
        rates: [{ handle: "us-standard", title: "USA Standard", price: 1_499, days: [5, 10] }],
      },
    ],
  },
  AUD: {
    homes: ["AU"],
    pricesIncludeTax: true,
    zones: () => [
      {
        name: "Australia",
        countryCodes: ["AU"],
        rates: [
          {
            handle: "standard",
            title: "Standard",
            price: 995,
            grams: LIGHT,
            freeAbove: [7_500, 10_000, 15_000],
            days: [2, 6],
          },
          { handle: "heavy", title: "Heavy parcel", price: 2_495, grams: HEAVY, days: [3, 8] },
          { handle: "express", title: "Express", price: 1_495, days: [1, 3] },
        ],
      },
      {
        name: "New Zealand",
        countryCodes: ["NZ"],
        rates: [{ handle: "new-zealand", title: "New Zealand Standard", price: 1_995, days: [5, 10] }],
      },
    ],
  },
};

interface TaxRatePlan {
  countryCode: string;
  /** As MailingAddress.provinceCode holds it ("NY"); absent: the whole country. */
  provinceCode?: string;
  name: string;
  /** Parts per million: 190,000 is 19%. */
  ratePpm: number;
  /** Default true. */
  shippingTaxable?: boolean;
}

/**
 * The platform's tax rates (roughly the standard rates of 2025) for every country a seeded
 * zone covers: VAT by destination in the EU, GST/HST by province in Canada, state sales tax
 * in a few US states (none elsewhere in the US); shipping is not taxed in California and
 * Florida when charged separately.
 */
export const PLATFORM_TAX_RATES: readonly TaxRatePlan[] = [
  { countryCode: "AT", name: "VAT", ratePpm: 200_000 },
  { countryCode: "AU", name: "GST", ratePpm: 100_000 },
  { countryCode: "BE", name: "VAT", ratePpm: 210_000 },
  { countryCode: "CA", name: "GST", ratePpm: 50_000 },
  { countryCode: "CA", provinceCode: "BC", name: "GST + PST", ratePpm: 120_000 },
  { countryCode: "CA", provinceCode: "ON", name: "HST", ratePpm: 130_000 },
  { countryCode: "CA", provinceCode: "QC", name: "GST + QST", ratePpm: 149_750 },
  { countryCode: "DE", name: "VAT", ratePpm: 190_000 },
  { countryCode: "DK", name: "VAT", ratePpm: 250_000 },
  { countryCode: "ES", name: "VAT", ratePpm: 210_000 },
  { countryCode: "FI", name: "VAT", ratePpm: 255_000 },
  { countryCode: "FR", name: "VAT", ratePpm: 200_000 },
  { countryCode: "GB", name: "VAT", ratePpm: 200_000 },
  { countryCode: "IE", name: "VAT", ratePpm: 230_000 },
  { countryCode: "IT", name: "VAT", ratePpm: 220_000 },
  { countryCode: "JP", name: "Consumption tax", ratePpm: 100_000 },
  { countryCode: "LU", name: "VAT", ratePpm: 170_000 },
  { countryCode: "NL", name: "VAT", ratePpm: 210_000 },
  { countryCode: "NZ", name: "GST", ratePpm: 150_000 },
  { countryCode: "PT", name: "VAT", ratePpm: 230_000 },
  { countryCode: "SE", name: "VAT", ratePpm: 250_000 },
  { countryCode: "US", provinceCode: "CA", name: "Sales tax", ratePpm: 72_500, shippingTaxable: false },
  { countryCode: "US", provinceCode: "FL", name: "Sales tax", ratePpm: 60_000, shippingTaxable: false },
  { countryCode: "US", provinceCode: "NY", name: "Sales tax", ratePpm: 88_750 },
  { countryCode: "US", provinceCode: "TX", name: "Sales tax", ratePpm: 62_500 },
  { countryCode: "US", provinceCode: "WA", name: "Sales tax", ratePpm: 65_000 },
];

/** A shop's tax and return policies. */
export interface ShopPolicies {
  pricesIncludeTax: boolean;
  returnWindowDays: number;
  refundShippingOnReturn: boolean;
}

/**
 * Prices include tax as the shop's market does; returns are accepted for 30 days, except at
 * the second shop of every 20 (14 days); the third of every 20 refunds shipping on returns.
 */
export function shopPolicies(index: number, currencyCode: string): ShopPolicies {
  return {
    pricesIncludeTax: market(currencyCode).pricesIncludeTax,
    returnWindowDays: index % 20 === 1 ? 14 : 30,
    refundShippingOnReturn: index % 20 === 2,
  };
}

function market(currencyCode: string): MarketPlan {
  const plan = MARKETS[currencyCode];
  if (!plan) throw new RangeError(`The seed has no shipping market for ${currencyCode}`);
  return plan;
}

/** A variant's shipped weight: 5% more per step up any of its options (bigger sizes), in 5 g steps. */
export function variantGrams(unitGrams: number, combo: readonly number[]): number {
  if (unitGrams === 0) return 0;
  const steps = combo.reduce((sum, index) => sum + index, 0);
  return Math.max(5, Math.round((unitGrams * (1 + 0.05 * steps)) / 5) * 5);
}

/** What delivery needs of a shop. */
export interface DeliveryShop {
  id: string;
  currencyCode: string;
  /** Where the shop is based (ISO 3166-1 alpha-2). */
  home: string;
  /** Epoch ms. */
  createdAt: number;
}

export class DeliveryGenerator {
  /** Draws made while the catalog is generated (digital goods, weights). */
  private readonly catalog: Rng;
  /** Draws for zones and rates. */
  private readonly rng: Rng;
  private readonly ids: Rng;
  private readonly homesGiven = new Map<string, number>();

  constructor(
    seed: number,
    /** The world's "now" (epoch ms). */
    private readonly base: number,
  ) {
    this.catalog = new Rng(seed, "delivery-catalog");
    this.rng = new Rng(seed, "delivery");
    this.ids = new Rng(seed, "delivery-ids");
  }

  /** Where the next shop of this currency is based: the market's home countries in turn. */
  nextHome(currencyCode: string): string {
    const { homes } = market(currencyCode);
    const given = this.homesGiven.get(currencyCode) ?? 0;
    this.homesGiven.set(currencyCode, given + 1);
    return homes[given % homes.length] ?? "US";
  }

  /** The digital goods a shop of the department sells besides its physical ones: half of them do. */
  digitalType(department: DepartmentDef): ProductTypeDef | null {
    return department.digital !== undefined && this.catalog.chance(0.5) ? department.digital : null;
  }

  /** A product's unit weight (grams, in 10 g steps) in its type's range; 0 for digital goods. */
  unitGrams(type: ProductTypeDef): number {
    const [min, max] = type.grams;
    if (type.digital || max === 0) return 0;
    return Math.round(this.catalog.int(min, max) / 10) * 10;
  }

  /** The shop's shipping zones and their rates, created a few days after the shop. */
  zones(shop: DeliveryShop): { zones: ZoneInput[]; rates: RateInput[] } {
    const zones: ZoneInput[] = [];
    const rates: RateInput[] = [];
    const threshold = this.rng.int(0, 2);
    const created = Math.min(this.base - DAY, shop.createdAt + this.rng.int(1, 14 * 86_400) * 1000);
    market(shop.currencyCode)
      .zones(shop.home)
      .forEach((plan, z) => {
        const id = this.ids.uuid();
        // A minute apart, so the zones keep their order (the oldest wins among equals).
        const at = new Date(created + z * 60_000);
        zones.push({
          id,
          shopId: shop.id,
          name: plan.name,
          countryCodes: [...plan.countryCodes],
          provinceCodes: [...(plan.provinceCodes ?? [])],
          createdAt: at,
          updatedAt: at,
        });
        plan.rates.forEach((rate, position) => {
          rates.push({
            id: this.ids.uuid(),
            zoneId: id,
            shopId: shop.id,
            handle: rate.handle,
            title: rate.title,
            price: rate.price,
            condition: rate.grams ? "WEIGHT" : "NONE",
            conditionMin: rate.grams?.[0] ?? 0,
            conditionMax: rate.grams?.[1] ?? null,
            freeAbove: rate.freeAbove?.[threshold] ?? null,
            minDays: rate.days[0],
            maxDays: rate.days[1],
            position,
          });
        });
      });
    return { zones, rates };
  }

  /** The platform's tax rates (PLATFORM_TAX_RATES), set a year before the world's "now". */
  platformTaxRates(): TaxRateInput[] {
    const at = new Date(this.base - 365 * DAY);
    return PLATFORM_TAX_RATES.map((rate) => ({
      id: this.ids.uuid(),
      shopId: null,
      countryCode: rate.countryCode,
      provinceCode: rate.provinceCode ?? null,
      name: rate.name,
      ratePpm: rate.ratePpm,
      shippingTaxable: rate.shippingTaxable ?? true,
      createdAt: at,
      updatedAt: at,
    }));
  }
}
