/**
 * Mailing addresses: the stored shape and its validation per country. Pure, so the rules are
 * unit-tested beside this file and shared by the address book, carts and orders.
 *
 * Country codes are ISO 3166-1 alpha-2 as the platform's ICU data knows them. Postal codes are
 * checked against the country's shape with `postcode-validator` (about 200 countries); where a
 * country has no postal codes the zip is optional and not checked. Province codes are checked
 * against the country's subdivisions from `country-region-data`; they are required where
 * carriers need them (`PROVINCE_REQUIRED`).
 */
import { allCountries } from "country-region-data";
import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator";
import { z } from "zod";

export const ADDRESS_LIMITS = {
  name: 100,
  company: 100,
  line: 200,
  city: 100,
  zip: 16,
  phone: 32,
  /** Saved addresses per buyer. */
  book: 20,
} as const;

/** The error codes an address can cause, beyond the input codes (BLANK, TOO_LONG, …). */
export const ADDRESS_ERROR_CODES = {
  UNKNOWN_COUNTRY: "Returned when a country code is not an ISO 3166-1 alpha-2 country.",
  INVALID_ZIP: "Returned when a postal code does not have the shape the country uses.",
  INVALID_PROVINCE: "Returned when a province code is not a subdivision of the country.",
} as const;

/** Countries whose carriers need the province (state, prefecture) on every parcel. */
export const PROVINCE_REQUIRED: ReadonlySet<string> = new Set([
  "AR",
  "AU",
  "BR",
  "CA",
  "CN",
  "IN",
  "IT",
  "JP",
  "MX",
  "US",
]);

/** An address as stored (JSON on carts and orders, columns in the address book). */
export interface MailingAddressShape {
  firstName: string | null;
  lastName: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string;
  phone: string | null;
}

const regions = new Intl.DisplayNames(["en"], { type: "region" });

/** ISO 3166-1 alpha-2, as the platform's ICU data knows it. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const name = regions.of(code);
  return name !== undefined && name !== code && name !== "Unknown Region";
}

const subdivisions = new Map<string, Set<string>>(
  allCountries.map(([, code, list]) => [code, new Set(list.map(([, short]) => short).filter(Boolean))]),
);

/** The province codes known for a country (empty when the data has none). */
export function provinceCodes(countryCode: string): ReadonlySet<string> {
  return subdivisions.get(countryCode) ?? new Set();
}

/** Whether the country uses postal codes whose shape is known. */
export function hasPostalCodes(countryCode: string): boolean {
  return postcodeValidatorExistsForCountry(countryCode);
}

/** Trims, upper-cases and collapses the spaces of a postal code ("sw1a  1aa" → "SW1A 1AA"). */
export function normaliseZip(zip: string): string {
  return zip.trim().toUpperCase().replace(/\s+/g, " ");
}

function isValidZip(zip: string, countryCode: string): boolean {
  try {
    return postcodeValidator(zip, countryCode);
  } catch {
    return false;
  }
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const requiredText = (max: number) => z.string().trim().min(1).max(max);

/**
 * The zod schema of `MailingAddressInput`: field checks, then the country's rules. Issues carry
 * their field (`zip`, `provinceCode`, …) and a code from {@link ADDRESS_ERROR_CODES} or the input
 * codes; `parseInput` turns them into userErrors.
 */
export const mailingAddress = z
  .object({
    firstName: optionalText(ADDRESS_LIMITS.name),
    lastName: requiredText(ADDRESS_LIMITS.name),
    company: optionalText(ADDRESS_LIMITS.company),
    address1: requiredText(ADDRESS_LIMITS.line),
    address2: optionalText(ADDRESS_LIMITS.line),
    city: requiredText(ADDRESS_LIMITS.city),
    provinceCode: z
      .string()
      .trim()
      .toUpperCase()
      .max(8)
      .nullish()
      .transform((v) => (v ? v : null)),
    zip: z
      .string()
      .max(ADDRESS_LIMITS.zip)
      .nullish()
      .transform((v) => (v ? normaliseZip(v) || null : null)),
    countryCode: z.string().trim().toUpperCase(),
    phone: z
      .string()
      .trim()
      .max(ADDRESS_LIMITS.phone)
      .regex(
        /^\+?[0-9][0-9 ().-]{3,}$/,
        "A phone number uses digits, spaces, ( ) . - and an optional leading +.",
      )
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((address, ctx) => {
    const country = address.countryCode;
    if (!isCountryCode(country)) {
      ctx.addIssue({
        code: "custom",
        path: ["countryCode"],
        message: `${JSON.stringify(country)} is not an ISO 3166-1 alpha-2 country code.`,
        params: { code: "UNKNOWN_COUNTRY" },
      });
      return;
    }
    const name = regions.of(country);
    if (hasPostalCodes(country)) {
      if (!address.zip) {
        ctx.addIssue({
          code: "too_small",
          origin: "string",
          minimum: 1,
          inclusive: true,
          path: ["zip"],
          message: `A postal code is required in ${name}.`,
        });
      } else if (!isValidZip(address.zip, country)) {
        ctx.addIssue({
          code: "custom",
          path: ["zip"],
          message: `${JSON.stringify(address.zip)} is not a postal code of ${name}.`,
          params: { code: "INVALID_ZIP" },
        });
      }
    }
    const provinces = provinceCodes(country);
    if (address.provinceCode) {
      if (provinces.size > 0 && !provinces.has(address.provinceCode)) {
        ctx.addIssue({
          code: "custom",
          path: ["provinceCode"],
          message: `${JSON.stringify(address.provinceCode)} is not a province code of ${name}.`,
          params: { code: "INVALID_PROVINCE" },
        });
      }
    } else if (PROVINCE_REQUIRED.has(country)) {
      ctx.addIssue({
        code: "too_small",
        origin: "string",
        minimum: 1,
        inclusive: true,
        path: ["provinceCode"],
        message: `A province code is required in ${name}.`,
      });
    }
  });

/** The MailingAddress columns of an address-book row. */
export function addressOf(row: MailingAddressShape): MailingAddressShape {
  const { firstName, lastName, company, address1, address2, city, provinceCode, zip, countryCode, phone } =
    row;
  return { firstName, lastName, company, address1, address2, city, provinceCode, zip, countryCode, phone };
}

/** One line per part, the way a label is printed (for exports and messages). */
export function formatAddress(a: MailingAddressShape): string {
  const name = [a.firstName, a.lastName].filter(Boolean).join(" ");
  const cityLine = [a.zip, a.city, a.provinceCode].filter(Boolean).join(" ");
  return [name, a.company, a.address1, a.address2, cityLine, a.countryCode].filter(Boolean).join(", ");
}
