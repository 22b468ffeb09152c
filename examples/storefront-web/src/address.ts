/**
 * The checkout's delivery address form, apart from React: the countries offered, which need a
 * province (and the list where it is short), the form's values ↔ `MailingAddressInput`, and
 * `cartDeliveryAddressUpdate`'s userErrors mapped from their field path (["address", "zip"])
 * to the form field they concern, with a message for the buyer. The API validates; this only
 * shows what it says where it belongs.
 */
import type { FieldUserError, MailingAddress, MailingAddressInput } from "./documents.ts";

/** The countries the checkout offers; a shop that does not deliver to one says so per delivery group. */
export const COUNTRIES = [
  "AT",
  "BE",
  "CA",
  "CH",
  "DE",
  "DK",
  "ES",
  "FR",
  "GB",
  "IE",
  "IT",
  "NL",
  "PL",
  "SE",
  "US",
] as const;

/** Countries whose carriers need the province on every parcel (the API requires it there too). */
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

/** The subdivisions offered as a list, by their code without the country; elsewhere the code is typed. */
export const PROVINCES: Readonly<Record<string, readonly (readonly [code: string, name: string])[]>> = {
  US: [
    ["AL", "Alabama"],
    ["AK", "Alaska"],
    ["AZ", "Arizona"],
    ["AR", "Arkansas"],
    ["CA", "California"],
    ["CO", "Colorado"],
    ["CT", "Connecticut"],
    ["DE", "Delaware"],
    ["DC", "District of Columbia"],
    ["FL", "Florida"],
    ["GA", "Georgia"],
    ["HI", "Hawaii"],
    ["ID", "Idaho"],
    ["IL", "Illinois"],
    ["IN", "Indiana"],
    ["IA", "Iowa"],
    ["KS", "Kansas"],
    ["KY", "Kentucky"],
    ["LA", "Louisiana"],
    ["ME", "Maine"],
    ["MD", "Maryland"],
    ["MA", "Massachusetts"],
    ["MI", "Michigan"],
    ["MN", "Minnesota"],
    ["MS", "Mississippi"],
    ["MO", "Missouri"],
    ["MT", "Montana"],
    ["NE", "Nebraska"],
    ["NV", "Nevada"],
    ["NH", "New Hampshire"],
    ["NJ", "New Jersey"],
    ["NM", "New Mexico"],
    ["NY", "New York"],
    ["NC", "North Carolina"],
    ["ND", "North Dakota"],
    ["OH", "Ohio"],
    ["OK", "Oklahoma"],
    ["OR", "Oregon"],
    ["PA", "Pennsylvania"],
    ["RI", "Rhode Island"],
    ["SC", "South Carolina"],
    ["SD", "South Dakota"],
    ["TN", "Tennessee"],
    ["TX", "Texas"],
    ["UT", "Utah"],
    ["VT", "Vermont"],
    ["VA", "Virginia"],
    ["WA", "Washington"],
    ["WV", "West Virginia"],
    ["WI", "Wisconsin"],
    ["WY", "Wyoming"],
  ],
  CA: [
    ["AB", "Alberta"],
    ["BC", "British Columbia"],
    ["MB", "Manitoba"],
    ["NB", "New Brunswick"],
    ["NL", "Newfoundland and Labrador"],
    ["NS", "Nova Scotia"],
    ["NT", "Northwest Territories"],
    ["NU", "Nunavut"],
    ["ON", "Ontario"],
    ["PE", "Prince Edward Island"],
    ["QC", "Quebec"],
    ["SK", "Saskatchewan"],
    ["YT", "Yukon"],
  ],
};

export type AddressField =
  | "firstName"
  | "lastName"
  | "address1"
  | "address2"
  | "city"
  | "provinceCode"
  | "zip"
  | "countryCode"
  | "phone";

const ADDRESS_FIELDS: ReadonlySet<string> = new Set<AddressField>([
  "firstName",
  "lastName",
  "address1",
  "address2",
  "city",
  "provinceCode",
  "zip",
  "countryCode",
  "phone",
]);

/** The form's values, as typed (strings, "" for empty). */
export type AddressValues = Record<AddressField, string>;

/** Where an error shows: a field, the saved-address choice, or the form as a whole. */
export type AddressErrorTarget = AddressField | "savedAddress" | "form";
export type AddressErrors = Partial<Record<AddressErrorTarget, string>>;

export function needsProvince(countryCode: string): boolean {
  return PROVINCE_REQUIRED.has(countryCode);
}

/** The country's words for the province and the postal code. */
export function addressLabels(countryCode: string): { provinceCode: string; zip: string } {
  switch (countryCode) {
    case "US":
      return { provinceCode: "State", zip: "ZIP code" };
    case "GB":
      return { provinceCode: "County", zip: "Postcode" };
    case "IE":
      return { provinceCode: "County", zip: "Eircode" };
    case "AU":
      return { provinceCode: "State", zip: "Postcode" };
    default:
      return { provinceCode: "Province", zip: "Postal code" };
  }
}

const LABELS: Record<Exclude<AddressField, "provinceCode" | "zip">, string> = {
  firstName: "First name",
  lastName: "Last name",
  address1: "Address",
  address2: "Apartment, suite, etc.",
  city: "City",
  countryCode: "Country",
  phone: "Phone",
};

/** The label of a field in the given country ("ZIP code" in the US, "Postcode" in Great Britain). */
export function fieldLabel(field: AddressField, countryCode: string): string {
  return field === "provinceCode" || field === "zip" ? addressLabels(countryCode)[field] : LABELS[field];
}

const regions = new Intl.DisplayNames(["en"], { type: "region" });

/** "Germany" for DE; the code itself when unknown. */
export function countryName(countryCode: string): string {
  try {
    return regions.of(countryCode) ?? countryCode;
  } catch {
    return countryCode;
  }
}

const WITH_THE: ReadonlySet<string> = new Set(["US", "GB", "NL", "CZ", "PH", "AE", "DO", "BS", "GM"]);

/** The country's name as a sentence says it after "in" or "to": "Germany", "the United States". */
export function countryInSentence(countryCode: string): string {
  return `${WITH_THE.has(countryCode) ? "the " : ""}${countryName(countryCode)}`;
}

/** A label inside a sentence: "Postal code" → "postal code", but "ZIP code" stays. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** An empty form for a country. */
export function emptyAddress(countryCode: string): AddressValues {
  return {
    firstName: "",
    lastName: "",
    address1: "",
    address2: "",
    city: "",
    provinceCode: "",
    zip: "",
    countryCode,
    phone: "",
  };
}

/** The form filled from an address (the cart's, to change it). */
export function addressValues(address: MailingAddress): AddressValues {
  return {
    firstName: address.firstName ?? "",
    lastName: address.lastName,
    address1: address.address1,
    address2: address.address2 ?? "",
    city: address.city,
    provinceCode: address.provinceCode ?? "",
    zip: address.zip ?? "",
    countryCode: address.countryCode,
    phone: address.phone ?? "",
  };
}

/**
 * `MailingAddressInput` from the form: trimmed; optional fields empty → null; the province only
 * where the country needs one (a US state left over after switching to Germany is dropped).
 * Required fields stay "" when empty so the API names them (BLANK).
 */
export function addressInput(values: AddressValues): MailingAddressInput {
  const optional = (value: string) => value.trim() || null;
  return {
    firstName: optional(values.firstName),
    lastName: values.lastName.trim(),
    address1: values.address1.trim(),
    address2: optional(values.address2),
    city: values.city.trim(),
    provinceCode: needsProvince(values.countryCode) ? optional(values.provinceCode) : null,
    zip: optional(values.zip),
    countryCode: values.countryCode,
    phone: optional(values.phone),
  };
}

/**
 * The form field a userError's path names: ["address", "zip"] → "zip", ["addressId"] → the
 * saved-address choice; anything else (["cartId"], none) concerns the form as a whole.
 */
export function addressErrorTarget(field: readonly string[] | null | undefined): AddressErrorTarget {
  if (!field?.length) return "form";
  const [head, name] = field;
  if (head === "address" && name !== undefined && ADDRESS_FIELDS.has(name)) return name as AddressField;
  if (head === "addressId") return "savedAddress";
  return "form";
}

/** What the buyer reads for an error on a field, in the country's words. */
export function addressErrorMessage(
  error: Pick<FieldUserError, "code" | "message">,
  target: AddressErrorTarget,
  countryCode: string,
): string {
  if (target === "form") return error.message;
  if (target === "savedAddress")
    return error.code === "NOT_FOUND"
      ? "This saved address no longer exists: choose another."
      : error.message;
  const label = inSentence(fieldLabel(target, countryCode));
  const country = countryInSentence(countryCode);
  switch (error.code) {
    case "BLANK":
    case "TOO_SHORT":
      return `Enter the ${label}.`;
    case "TOO_LONG":
      return `The ${label} is too long.`;
    case "INVALID_ZIP":
      return `This is not a valid ${label} in ${country}.`;
    case "INVALID_PROVINCE":
      return `Choose a ${label} of ${country}.`;
    case "UNKNOWN_COUNTRY":
      return "Choose a country from the list.";
    case "INVALID":
      return target === "phone"
        ? "Use digits, spaces, ( ) . - and an optional leading +."
        : `Check the ${label}.`;
    default:
      return error.message;
  }
}

/** The userErrors by where they show: the first error of each field (the API may report several). */
export function addressErrors(errors: readonly FieldUserError[], countryCode: string): AddressErrors {
  const byTarget: AddressErrors = {};
  for (const error of errors) {
    const target = addressErrorTarget(error.field);
    byTarget[target] ??= addressErrorMessage(error, target, countryCode);
  }
  return byTarget;
}

/** The address as printed on a parcel, one entry per line, in the country's order. */
export function addressLines(address: MailingAddressInput): string[] {
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  const { city, zip, provinceCode, countryCode } = address;
  const cityLine =
    countryCode === "US" || countryCode === "CA" || countryCode === "AU"
      ? `${city}${provinceCode ? `, ${provinceCode}` : ""}${zip ? ` ${zip}` : ""}`
      : countryCode === "GB" || countryCode === "IE"
        ? [city, zip].filter(Boolean).join(" ")
        : [zip, city, provinceCode].filter(Boolean).join(" ");
  return [
    name,
    address.company,
    address.address1,
    address.address2,
    cityLine,
    countryName(countryCode),
  ].filter((line): line is string => Boolean(line));
}
