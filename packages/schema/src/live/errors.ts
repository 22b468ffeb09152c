import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";

export const LiveError = defineUserError("Live", {
  ...INPUT_ERROR_CODES,
  INVALID_STATE:
    "Returned when the session's status does not allow the action (start needs SCHEDULED, end needs LIVE, cancel needs SCHEDULED, pinning needs SCHEDULED or LIVE, joining needs LIVE); the message names the current status.",
  SCHEDULED_AT_IN_PAST: "Returned when scheduledAt is not in the future.",
  HOST_REQUIRED:
    "Returned when the platform (a secret key without a user token) schedules a session without naming its host (hostId).",
  HOST_NOT_ELIGIBLE:
    "Returned when the named host is neither a CREATOR nor a MERCHANT of the session's shop.",
  PRODUCT_NOT_IN_SHOP: "Returned when pinning, in a shop's session, a product of another shop.",
  PRODUCT_NOT_ACTIVE:
    "Returned when pinning an archived product, or a product that is not ACTIVE in a creator's session.",
  LIVE_PRICE_NOT_BELOW_PRICE:
    "Returned when the live price is not below the regular price: the variant's, or for a pin of the whole product the cheapest variant's.",
  TOO_MANY_PINS: "Returned when the session already has 30 products pinned; unpin one first.",
  QUANTITY_CAP_BELOW_SOLD:
    "Returned when re-pinning with a quantity cap below the units already sold through the pin.",
  VIEWER_REQUIRED:
    "Returned when joining or leaving a session without a user token or a sessionId for an anonymous viewer.",
});

export type LiveErrorCode = (typeof LiveError.codes)[number];
