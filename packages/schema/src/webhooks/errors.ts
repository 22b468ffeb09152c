import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";

export const WebhookError = defineUserError("Webhook", {
  ...INPUT_ERROR_CODES,
  URL_NOT_HTTP: "Returned when the endpoint url is not an absolute http or https URL without credentials.",
  TOPICS_REQUIRED: "Returned when an endpoint would subscribe to no topic.",
  TOO_MANY_ENDPOINTS: "Returned when a shop (or the platform) already has 20 endpoints.",
});

export type WebhookErrorCode = (typeof WebhookError.codes)[number];
