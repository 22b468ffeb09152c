// The community domain: reviews, comments, reports and moderation. Imported for its types.
import "./moderation.ts";
import "./review.ts";
import "./comment.ts";
import "./mutations.ts";
