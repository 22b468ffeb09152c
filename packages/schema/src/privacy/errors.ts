import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";

export const PrivacyError = defineUserError("Privacy", {
  ...INPUT_ERROR_CODES,
  CONFIRMATION_REQUIRED: "Returned when viewerErase is sent without `confirm: true`.",
  UNKNOWN_SECTION: "Returned when viewerDataExport names a section that does not exist.",
});

export type PrivacyErrorCode = (typeof PrivacyError.codes)[number];
