/**
 * Money: integer minor units plus an ISO 4217 currency code. Conversions to and from decimal
 * strings are exact (no floating point) and respect each currency's minor-unit digits
 * (JPY 0, EUR 2, KWD 3).
 */
import currencyCodes from "currency-codes";

/** Codes in ISO 4217 that are not spendable currencies (metals, funds, test and bond units). */
const NON_CURRENCIES = new Set([
  "XAG",
  "XAU",
  "XBA",
  "XBB",
  "XBC",
  "XBD",
  "XDR",
  "XPD",
  "XPT",
  "XSU",
  "XTS",
  "XUA",
  "XXX",
  "BOV",
  "CHE",
  "CHW",
  "CLF",
  "COU",
  "MXV",
  "USN",
  "UYI",
  "UYW",
]);

const digitsByCode = new Map<string, number>(
  currencyCodes.data
    .filter((c) => !NON_CURRENCIES.has(c.code) && typeof c.digits === "number")
    .map((c) => [c.code, c.digits]),
);

/** Every supported currency code, sorted. */
export const CURRENCY_CODES: readonly string[] = [...digitsByCode.keys()].sort();

/** The largest amount accepted anywhere, in minor units (fits a PostgreSQL integer). */
export const MAX_MINOR_UNITS = 2_000_000_000;

export function isCurrencyCode(code: string): boolean {
  return digitsByCode.has(code);
}

export function minorDigits(currencyCode: string): number {
  const digits = digitsByCode.get(currencyCode);
  if (digits === undefined) throw new RangeError(`Unknown currency ${currencyCode}`);
  return digits;
}

/** 1250 EUR → "12.50"; 1250 JPY → "1250"; -5 EUR → "-0.05". */
export function formatMinorUnits(amount: number, currencyCode: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an integer amount: ${amount}`);
  const digits = minorDigits(currencyCode);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount).toString();
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

export type ParseMoneyError = "INVALID" | "TOO_PRECISE" | "NEGATIVE" | "TOO_LARGE";

/**
 * "12.5" EUR → 1250. Rejects signs other than a leading minus, exponents, more fractional
 * digits than the currency has, negatives (unless allowed) and amounts over MAX_MINOR_UNITS.
 */
export function parseDecimalAmount(
  value: string,
  currencyCode: string,
  options: { allowNegative?: boolean } = {},
): { ok: true; amount: number } | { ok: false; error: ParseMoneyError } {
  const match = /^(-)?(\d{1,12})(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return { ok: false, error: "INVALID" };
  const [, minus, whole = "0", fraction = ""] = match;
  const digits = minorDigits(currencyCode);
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > digits) return { ok: false, error: "TOO_PRECISE" };
  const amount = Number(whole) * 10 ** digits + Number(significant.padEnd(digits, "0") || "0");
  if (minus && amount !== 0 && !options.allowNegative) return { ok: false, error: "NEGATIVE" };
  if (amount > MAX_MINOR_UNITS) return { ok: false, error: "TOO_LARGE" };
  return { ok: true, amount: minus ? -amount : amount };
}
