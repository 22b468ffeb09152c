import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError, userError, type UserErrorShape } from "../shared/user-error.ts";

/** Reviews and comments: what they take, and how fast a user may comment. */
export const COMMUNITY_LIMITS = {
  reviewTitle: 150,
  reviewBody: 5_000,
  reviewMedia: 4,
  reply: 2_000,
  commentBody: 1_000,
  commentProducts: 3,
  /** Comments one user may write per minute, on all posts together. */
  commentsPerMinute: 10,
} as const;

export const CommunityError = defineUserError("Community", {
  ...INPUT_ERROR_CODES,
  NOT_A_BUYER:
    "Returned when the caller has no paid or delivered (and not wholly refunded) order line of the product to review.",
  ALREADY_REVIEWED:
    "Returned when every such order line of the caller already has a review (one review per line).",
  POST_DELETED: "Returned when commenting on a post that was deleted.",
  PRODUCT_NOT_AVAILABLE: "Returned when a comment mentions a product that is not active.",
  ALREADY_REPORTED:
    "Returned when the caller reported this content before (one report per user and content).",
  INVALID_TRANSITION:
    "Returned when a moderation decision does not apply to the case's status: hiding hidden content, restoring content that is not hidden, dismissing a case that is not OPEN.",
  TARGET_GONE:
    "Returned when the reported content was deleted before the decision; the case is closed as DISMISSED.",
});

export type CommunityErrorCode = (typeof CommunityError.codes)[number];
export type CommunityUserErrorShape = UserErrorShape<CommunityErrorCode>;

export function communityError(
  code: CommunityErrorCode,
  message: string,
  field: (string | number)[] | null = null,
): CommunityUserErrorShape {
  return userError(code, message, field);
}
