import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";
import { ADDRESS_ERROR_CODES, ADDRESS_LIMITS } from "./address-rules.ts";
import { SHIPPING_LIMITS } from "./shipping-rules.ts";
import { TAX_LIMITS } from "./tax-service.ts";

export const AddressError = defineUserError("Address", {
  ...INPUT_ERROR_CODES,
  ...ADDRESS_ERROR_CODES,
  TOO_MANY_ADDRESSES: `Returned when the buyer already has ${ADDRESS_LIMITS.book} saved addresses; delete one first.`,
});

export type AddressErrorCode = (typeof AddressError.codes)[number];

/** The error codes of shipping zone inputs, beyond the input codes. */
export const SHIPPING_ERROR_CODES = {
  UNKNOWN_COUNTRY: ADDRESS_ERROR_CODES.UNKNOWN_COUNTRY,
  INVALID_PROVINCE:
    "Returned when a zone's province code is not \"CC-SUB\" with CC one of the zone's countries and SUB a subdivision of it.",
  INVALID_RANGE: "Returned when a range's minimum is above its maximum (delivery days, weight, order value).",
  TAKEN:
    "Returned when another rate of the shop (in any zone) already has the handle, or the input repeats it.",
  TOO_MANY_ZONES: `Returned when the shop already has ${SHIPPING_LIMITS.zonesPerShop} shipping zones; delete one first.`,
} as const;

export const ShippingError = defineUserError("Shipping", { ...INPUT_ERROR_CODES, ...SHIPPING_ERROR_CODES });

export type ShippingErrorCode = (typeof ShippingError.codes)[number];

// ───────────── tax rates ─────────────

/** The error codes of tax rate inputs, beyond the input codes. */
export const TAX_ERROR_CODES = {
  UNKNOWN_COUNTRY: ADDRESS_ERROR_CODES.UNKNOWN_COUNTRY,
  INVALID_PROVINCE:
    'Returned when a tax rate\'s province code is not a subdivision of its country, as MailingAddress.provinceCode holds it ("CA").',
  INVALID_RATE:
    'Returned when a percentage is not a decimal from 0 to 100 with at most four decimals, such as "19" or "8.875".',
  LIMIT_REACHED: `Returned when a new tax rate would exceed the limit: ${TAX_LIMITS.ratesPerShop} per shop, ${TAX_LIMITS.platformRates} for the platform; delete one first.`,
} as const;

export const TaxError = defineUserError("Tax", { ...INPUT_ERROR_CODES, ...TAX_ERROR_CODES });

export type TaxErrorCode = (typeof TaxError.codes)[number];
