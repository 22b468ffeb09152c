import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";

export const PrivacyError = defineUserError("Privacy", {
  ...INPUT_ERROR_CODES,
});

export type PrivacyErrorCode = (typeof PrivacyError.codes)[number];
