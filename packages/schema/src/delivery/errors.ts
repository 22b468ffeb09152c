import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";
import { ADDRESS_ERROR_CODES, ADDRESS_LIMITS } from "./address-rules.ts";

export const AddressError = defineUserError("Address", {
  ...INPUT_ERROR_CODES,
  ...ADDRESS_ERROR_CODES,
  TOO_MANY_ADDRESSES: `Returned when the buyer already has ${ADDRESS_LIMITS.book} saved addresses; delete one first.`,
});

export type AddressErrorCode = (typeof AddressError.codes)[number];
