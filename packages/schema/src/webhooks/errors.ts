import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";

export const WebhookError = defineUserError("Webhook", {
  ...INPUT_ERROR_CODES,
  URL_NOT_HTTP:
    "Returned when the endpoint url is not an absolute https URL (or, outside production, http URL) without credentials.",
  PRIVATE_TARGET:
    "Returned when the endpoint url's host is, or resolves (even partly) to, an address that is not public: loopback, private, link-local, reserved and the like (refused unless private targets are allowed, as they are outside production).",
  HOST_NOT_FOUND:
    "Returned when the endpoint url's host name does not resolve (checked where private targets are refused).",
  TOPICS_REQUIRED: "Returned when an endpoint would subscribe to no topic.",
  TOO_MANY_ENDPOINTS: "Returned when a shop (or the platform) already has 20 endpoints.",
});

export type WebhookErrorCode = (typeof WebhookError.codes)[number];
