import { z } from "zod";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { globalId, parseInput } from "../../shared/input.ts";
import { definePayload, failed } from "../../shared/payload.ts";
import * as engagement from "../engagement.ts";
import { ContentError } from "../errors.ts";
import { CONTENT_LIMITS } from "../rules.ts";
import { firstUserErrors, userErrorsCost } from "../../shared/user-error.ts";

const sessionId = z
  .string()
  .trim()
  .min(1)
  .max(CONTENT_LIMITS.sessionId)
  .regex(/^[A-Za-z0-9._:-]+$/, "A session id uses letters, digits and . _ : -");
const channel = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "A channel is a short name such as copy_link or whatsapp.")
  .max(CONTENT_LIMITS.shareChannel);
const postIdInput = z.object({ postId: globalId("Post") });

const postPayload = (name: string) =>
  definePayload(name, { field: "post", model: "Post" }, ContentError.type);

// ───────────── views ─────────────

const PostViewInput = builder.inputType("PostViewInput", {
  fields: (t) => ({
    postId: t.id(),
    sessionId: t.string({
      required: false,
      description: "Identifies an anonymous viewer (ignored with a user token).",
    }),
  }),
});

const PostViewPayload = postPayload("PostView");
builder.objectField(PostViewPayload, "counted", (t) =>
  t.boolean({
    description: "Whether this view counted: the first by this viewer on this post in 30 minutes.",
    resolve: (p) => (p as engagement.PostViewResult).counted ?? false,
  }),
);

builder.mutationField("postView", (t) =>
  t.field({
    type: PostViewPayload,
    description:
      "Counts a view of a post, once per viewer per 30 minutes. The viewer is the user of the token or, for anonymous viewers, `sessionId`.",
    args: { input: t.arg({ type: PostViewInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(postIdInput.extend({ sessionId: sessionId.nullish() }), input);
      if (!parsed.ok) return failed(parsed.errors);
      return engagement.viewPost(ctx, parsed.data);
    },
  }),
);

// ───────────── likes and shares ─────────────

const PostLikeInput = builder.inputType("PostLikeInput", { fields: (t) => ({ postId: t.id() }) });
const PostUnlikeInput = builder.inputType("PostUnlikeInput", { fields: (t) => ({ postId: t.id() }) });

builder.mutationField("postLike", (t) =>
  t.field({
    type: postPayload("PostLike"),
    description: "Likes a post for the caller's user (needs a user token). Liking again changes nothing.",
    authScopes: { user: true },
    args: { input: t.arg({ type: PostLikeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(postIdInput, input);
      if (!parsed.ok) return failed(parsed.errors);
      return engagement.likePost(ctx, parsed.data.postId);
    },
  }),
);

builder.mutationField("postUnlike", (t) =>
  t.field({
    type: postPayload("PostUnlike"),
    description:
      "Takes back the caller's like (needs a user token). Unliking a post not liked changes nothing.",
    authScopes: { user: true },
    args: { input: t.arg({ type: PostUnlikeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(postIdInput, input);
      if (!parsed.ok) return failed(parsed.errors);
      return engagement.unlikePost(ctx, parsed.data.postId);
    },
  }),
);

const PostShareInput = builder.inputType("PostShareInput", {
  fields: (t) => ({
    postId: t.id(),
    channel: t.string({
      description: "Where it was shared: a short lower-case name such as copy_link, message, whatsapp.",
    }),
  }),
});

builder.mutationField("postShare", (t) =>
  t.field({
    type: postPayload("PostShare"),
    description: "Records that the caller's user shared a post (needs a user token).",
    authScopes: { user: true },
    args: { input: t.arg({ type: PostShareInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(postIdInput.extend({ channel }), input);
      if (!parsed.ok) return failed(parsed.errors);
      return engagement.sharePost(ctx, parsed.data);
    },
  }),
);

// ───────────── product tags ─────────────

const ProductTagTapInput = builder.inputType("ProductTagTapInput", {
  fields: (t) => ({ productTagId: t.id() }),
});

builder.mutationField("productTagTap", (t) =>
  t.field({
    type: definePayload("ProductTagTap", { field: "productTag", model: "ProductTag" }, ContentError.type),
    description:
      "Counts a tap on a product tag (the viewer opened the tagged product). Anonymous callers too.",
    args: { input: t.arg({ type: ProductTagTapInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(z.object({ productTagId: globalId("ProductTag") }), input);
      if (!parsed.ok) return failed(parsed.errors);
      return engagement.tapProductTag(ctx, parsed.data.productTagId);
    },
  }),
);

// ───────────── follows ─────────────

const followFields = (verb: string) =>
  ({
    fields: (t) => ({
      userId: t.id({ required: false, description: `The user to ${verb}; give userId or shopId.` }),
      shopId: t.id({ required: false, description: `The shop to ${verb}; give userId or shopId.` }),
    }),
  }) satisfies Parameters<typeof builder.inputType>[1];

const UserFollowInput = builder.inputType("UserFollowInput", followFields("follow"));
const UserUnfollowInput = builder.inputType("UserUnfollowInput", followFields("unfollow"));

const followSchema = z
  .object({ userId: globalId("User").nullish(), shopId: globalId("Shop").nullish() })
  .refine((v) => (v.userId == null) !== (v.shopId == null), {
    message: "Give exactly one of userId or shopId.",
    params: { code: "INVALID" },
  })
  .transform(
    (v): engagement.FollowTarget => (v.userId != null ? { userId: v.userId } : { shopId: v.shopId! }),
  );

function followPayload(name: string) {
  return builder.objectRef<engagement.FollowResult>(`${name}Payload`).implement({
    fields: (t) => ({
      user: t.prismaField({
        type: "User",
        nullable: true,
        description: "The followed user (with its followerCount), when userId was given.",
        resolve: (query, p, _a, ctx: Context) =>
          p.userId === null || p.userErrors.length
            ? null
            : ctx.db.user.findUnique({ ...query, where: { id: p.userId } }),
      }),
      shop: t.prismaField({
        type: "Shop",
        nullable: true,
        description: "The followed shop (with its followerCount), when shopId was given.",
        resolve: (query, p, _a, ctx: Context) =>
          p.shopId === null || p.userErrors.length
            ? null
            : ctx.db.shop.findUnique({ ...query, where: { id: p.shopId } }),
      }),
      userErrors: t.field({
        type: [ContentError.type],
        complexity: userErrorsCost,
        resolve: (p) => firstUserErrors(p.userErrors) as never,
      }),
    }),
  });
}

const failedFollow = (userErrors: engagement.FollowResult["userErrors"]): engagement.FollowResult => ({
  userId: null,
  shopId: null,
  userErrors,
});

builder.mutationField("userFollow", (t) =>
  t.field({
    type: followPayload("UserFollow"),
    description:
      "The caller's user follows a user or a shop (needs a user token). Following again changes nothing.",
    authScopes: { user: true },
    args: { input: t.arg({ type: UserFollowInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(followSchema, input);
      if (!parsed.ok) return failedFollow(parsed.errors);
      return engagement.setFollow(ctx, parsed.data, true);
    },
  }),
);

builder.mutationField("userUnfollow", (t) =>
  t.field({
    type: followPayload("UserUnfollow"),
    description:
      "The caller's user stops following a user or a shop (needs a user token). Unfollowing again changes nothing.",
    authScopes: { user: true },
    args: { input: t.arg({ type: UserUnfollowInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(followSchema, input);
      if (!parsed.ok) return failedFollow(parsed.errors);
      return engagement.setFollow(ctx, parsed.data, false);
    },
  }),
);
