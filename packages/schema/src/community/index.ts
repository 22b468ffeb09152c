// The community domain: reviews, comments (and, with moderation, reports). Imported for its types.
import "./review.ts";
import "./comment.ts";
import "./mutations.ts";
