/**
 * Tax, pure: which rate applies to a shop's goods at a destination, and how much tax an amount
 * carries. No database; unit-tested in tax-rules.test.ts.
 *
 * **Which rate.** A shop's own rate for the destination's province, else its own rate for the
 * country, else the platform's rate for the province, else the platform's for the country;
 * else the goods carry no tax. (A shop that sets any rate for a country overrides the
 * platform's rates there.)
 *
 * **Rounding rule.** Tax is computed per line, on the line's total after discount codes, and on
 * the shipping charge as one more line; each is rounded to the minor unit **half to even**
 * (banker's rounding: 0.5 → 0, 1.5 → 2, 2.5 → 2), and a total's tax is the sum of its rounded
 * lines. Tax-exclusive (US style): tax = amount × rate, added on top. Tax-inclusive (EU style):
 * the tax inside the amount, tax = amount × rate / (1 + rate), not added. Amounts are integer
 * minor units and rates integer parts per million, so the arithmetic is exact (BigInt).
 */

/** A tax rate as stored (TaxRate): `shopId` null is the platform's. */
export interface TaxRateRule {
  shopId: string | null;
  countryCode: string;
  /** As MailingAddress.provinceCode holds it ("CA"); null: the whole country. */
  provinceCode: string | null;
  name: string;
  /** Parts per million: 19% = 190000. */
  ratePpm: number;
  shippingTaxable: boolean;
}

export interface TaxDestination {
  countryCode: string;
  provinceCode: string | null;
}

const PPM = 1_000_000n;

/** The rate that applies to a shop's goods sent to `to` (see the module comment), or null. */
export function taxRateFor<R extends TaxRateRule>(
  rates: readonly R[],
  shopId: string,
  to: TaxDestination | null,
): R | null {
  if (to === null) return null;
  const find = (owner: string | null, province: string | null) =>
    rates.find(
      (r) => r.shopId === owner && r.countryCode === to.countryCode && r.provinceCode === province,
    ) ?? null;
  const province = to.provinceCode;
  return (
    (province ? find(shopId, province) : null) ??
    find(shopId, null) ??
    (province ? find(null, province) : null) ??
    find(null, null)
  );
}

/** numerator / denominator rounded to the nearest integer, ties to the even one (both ≥ 0). */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/**
 * The tax an amount (minor units, ≥ 0) carries at `ratePpm`: added on top when `included` is
 * false, the part of the amount that is tax when true. Rounded half to even.
 */
export function taxOf(amount: number, ratePpm: number, included: boolean): number {
  if (amount <= 0 || ratePpm <= 0) return 0;
  const a = BigInt(amount);
  const r = BigInt(ratePpm);
  return Number(included ? divideHalfEven(a * r, PPM + r) : divideHalfEven(a * r, PPM));
}

/** "19", "8.875": a rate in parts per million as a percentage, exactly. */
export function percentageOf(ratePpm: number): string {
  const whole = Math.trunc(ratePpm / 10_000);
  const fraction = String(ratePpm % 10_000)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** A shop's goods and delivery, to be taxed: line totals after discounts, the shipping charge. */
export interface TaxableGroup {
  lines: readonly { id: string; total: number }[];
  /** The selected option's cost; 0 when nothing ships or nothing is selected. */
  shipping: number;
  /** The shop's setting: prices (and shipping) include the tax. */
  pricesIncludeTax: boolean;
}

export interface TaxedGroup {
  /** Tax per line id. */
  lineTaxes: Map<string, number>;
  shippingTax: number;
  /** All the group's tax: lines and shipping. */
  tax: number;
  taxIncluded: boolean;
  /** What the group costs: goods after discount + shipping, + tax when it is added. */
  total: number;
  /** The rate that applied, or null (no tax). */
  rate: TaxRateRule | null;
}

/** Taxes one shop's group at `rate` (null: no tax), by the rounding rule of the module comment. */
export function taxGroup(group: TaxableGroup, rate: TaxRateRule | null): TaxedGroup {
  const included = group.pricesIncludeTax;
  const ppm = rate?.ratePpm ?? 0;
  const lineTaxes = new Map(group.lines.map((l) => [l.id, taxOf(l.total, ppm, included)]));
  const shippingTax = rate?.shippingTaxable ? taxOf(group.shipping, ppm, included) : 0;
  const tax = [...lineTaxes.values()].reduce((s, t) => s + t, 0) + shippingTax;
  const goods = group.lines.reduce((s, l) => s + l.total, 0);
  return {
    lineTaxes,
    shippingTax,
    tax,
    taxIncluded: included,
    total: goods + group.shipping + (included ? 0 : tax),
    rate,
  };
}
