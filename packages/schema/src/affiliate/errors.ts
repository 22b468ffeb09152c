import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";

export const AffiliateError = defineUserError("Affiliate", {
  ...INPUT_ERROR_CODES,
  PRODUCT_NOT_IN_SHOP: "Returned when a per-product rate or a link names a product of another shop.",
  TOO_MANY_PRODUCT_RATES:
    "Returned when the program would have more than 250 per-product rates; remove some (rate null) first.",
  NO_PROGRAM: "Returned when the shop has no affiliate program (affiliateProgramUpsert creates it).",
  NOT_A_CREATOR:
    "Returned when the invited user, or the caller creating a link, does not have the CREATOR role.",
  NOT_INVITED: "Returned when creating a link for an invitation-only program without an accepted invitation.",
  INVITATION_NOT_PENDING:
    "Returned when accepting or declining an invitation that was already answered; the message names its status.",
  TARGET_REQUIRED:
    "Returned when affiliateLinkCreate names no target: one of productId, postId or shopId is needed.",
  TARGET_NOT_PROMOTABLE:
    "Returned when the link's target may not be promoted: a product that is not ACTIVE, or a post that is not the creator's own PUBLIC post tagging a product of the shop.",
  NOTHING_TO_PAY:
    "Returned when the creator has no PAYABLE commissions, or their sum is not above zero (a negative balance carries into the next payout).",
});

export type AffiliateErrorCode = (typeof AffiliateError.codes)[number];
