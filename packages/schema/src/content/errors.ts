import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";

export const ContentError = defineUserError("Content", {
  ...INPUT_ERROR_CODES,
  POST_DELETED: "Returned when acting on a post that was deleted.",
  MEDIA_DURATION: "Returned when a VIDEO has no durationMs, or an IMAGE has one.",
  TAG_TIME_ON_IMAGE: "Returned when a product tag on an IMAGE post has startMs or endMs.",
  TAG_TIME_RANGE_INVALID: "Returned when a product tag's startMs is not before its endMs.",
  TAG_OUTSIDE_VIDEO: "Returned when a product tag's time range goes beyond the video's duration.",
  VARIANT_MISMATCH: "Returned when a product tag's variantId is not a variant of its productId.",
  PRODUCT_ARCHIVED: "Returned when tagging an archived product.",
  VIEWER_REQUIRED: "Returned when postView has neither a user token nor a sessionId to count the view by.",
  SELF_FOLLOW: "Returned when users try to follow themselves.",
});

export type ContentErrorCode = (typeof ContentError.codes)[number];
