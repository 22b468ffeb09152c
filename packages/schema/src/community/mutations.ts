import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { builder } from "../builder.ts";
import { globalId, httpUrl, parseInput, text } from "../shared/input.ts";
import { definePayload, failed } from "../shared/payload.ts";
import { firstUserErrors, userErrorsCost } from "../shared/user-error.ts";
import * as comments from "./comment.service.ts";
import { COMMUNITY_LIMITS, CommunityError } from "./errors.ts";
import * as reviews from "./review.service.ts";

const L = COMMUNITY_LIMITS;

const ProductReviewCreateInput = builder.inputType("ProductReviewCreateInput", {
  fields: (t) => ({
    productId: t.id(),
    orderLineId: t.id({
      required: false,
      description:
        "The order line the review is for (see `OrderLine.review`); default: the buyer's oldest line of the product without a review.",
    }),
    rating: t.int({ description: "1 to 5 stars." }),
    title: t.string({ required: false, description: `At most ${L.reviewTitle} characters.` }),
    body: t.string({ required: false, description: `The text, at most ${L.reviewBody} characters.` }),
    mediaUrls: t.stringList({
      required: false,
      description: `Images (http(s) URLs on the host platform's media), at most ${L.reviewMedia}.`,
    }),
  }),
});

const reviewPayload = (name: string) =>
  definePayload(name, { field: "productReview", model: "ProductReview" }, CommunityError.type);

builder.mutationField("productReviewCreate", (t) =>
  t.field({
    type: reviewPayload("ProductReviewCreate"),
    description:
      "A buyer reviews a product they bought: once per order line of a paid or delivered order (not wholly refunded). Needs the buyer's user token.",
    authScopes: { user: true },
    args: { input: t.arg({ type: ProductReviewCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        productId: globalId("Product"),
        orderLineId: globalId("OrderLine").nullish(),
        rating: z.number().int().min(1).max(5),
        title: z.string().trim().max(L.reviewTitle).nullish(),
        body: z.string().trim().max(L.reviewBody).nullish(),
        mediaUrls: z.array(httpUrl(2000)).max(L.reviewMedia).nullish(),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      const { data } = parsed;
      return reviews.createReview(ctx, {
        productId: data.productId,
        orderLineId: data.orderLineId ?? undefined,
        rating: data.rating,
        title: data.title ?? "",
        body: data.body ?? "",
        mediaUrls: data.mediaUrls ?? [],
      });
    },
  }),
);

const ProductReviewReplyInput = builder.inputType("ProductReviewReplyInput", {
  fields: (t) => ({
    reviewId: t.id(),
    body: t.string({ description: `The reply, 1 to ${L.reply} characters; replaces an earlier one.` }),
  }),
});

builder.mutationField("productReviewReply", (t) =>
  t.field({
    type: reviewPayload("ProductReviewReply"),
    description:
      "The shop answers a review of one of its products, in public (replying again replaces the reply). Its merchants and the platform only.",
    authScopes: { user: true, secretKey: true },
    args: { input: t.arg({ type: ProductReviewReplyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(
        z.object({ reviewId: globalId("ProductReview"), body: text(L.reply) }),
        input,
      );
      if (!parsed.ok) return failed(parsed.errors);
      return reviews.replyToReview(ctx, parsed.data);
    },
  }),
);

const PostCommentCreateInput = builder.inputType("PostCommentCreateInput", {
  fields: (t) => ({
    postId: t.id(),
    body: t.string({ description: `1 to ${L.commentBody} characters.` }),
    productIds: t.idList({
      required: false,
      description: `Active products the comment mentions, shown as links (at most ${L.commentProducts}).`,
    }),
  }),
});

builder.mutationField("postCommentCreate", (t) =>
  t.field({
    type: definePayload(
      "PostCommentCreate",
      { field: "postComment", model: "PostComment" },
      CommunityError.type,
    ),
    description: `Comments on a post the caller can see, at most ${L.commentsPerMinute} comments a minute per user (RATE_LIMITED beyond, with retryAfter). The post's commentCount changes and a postEngagement event follows. Needs a user token.`,
    authScopes: { user: true },
    args: { input: t.arg({ type: PostCommentCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const schema = z.object({
        postId: globalId("Post"),
        body: text(L.commentBody),
        productIds: z
          .array(globalId("Product"))
          .max(L.commentProducts)
          .nullish()
          .transform((ids) => [...new Set(ids ?? [])]),
      });
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return comments.createComment(ctx, parsed.data);
    },
  }),
);

const PostCommentDeleteInput = builder.inputType("PostCommentDeleteInput", {
  fields: (t) => ({ id: t.id() }),
});

const PostCommentDeletePayload = builder
  .objectRef<comments.CommentDeleteResult>("PostCommentDeletePayload")
  .implement({
    fields: (t) => ({
      deletedCommentId: t.id({
        nullable: true,
        description: "The deleted comment's id.",
        resolve: (p) => (p.id === null ? null : encodeGlobalID("PostComment", p.id)),
      }),
      post: t.prismaField({
        type: "Post",
        nullable: true,
        description: "The post it was on, as it is now.",
        resolve: (query, p, _args, ctx) =>
          p.postId === null ? null : ctx.db.post.findUnique({ ...query, where: { id: p.postId } }),
      }),
      userErrors: t.field({
        type: [CommunityError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors),
      }),
    }),
  });

builder.mutationField("postCommentDelete", (t) =>
  t.field({
    type: PostCommentDeletePayload,
    description:
      "Deletes a comment for good: its author, the post's author, the merchants of the post's shop, or the platform.",
    authScopes: { user: true, secretKey: true },
    args: { input: t.arg({ type: PostCommentDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(z.object({ id: globalId("PostComment") }), input);
      if (!parsed.ok) return { id: null, postId: null, userErrors: parsed.errors };
      return comments.deleteComment(ctx, parsed.data.id);
    },
  }),
);
