import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { builder } from "../../builder.ts";
import { MediaKind, PostVisibility } from "@shoppable/db/enums";
import { MediaKindEnum } from "../../catalog/product.ts";
import { globalId, httpUrl as httpUrlOf, parseInput } from "../../shared/input.ts";
import { definePayload, failed, type PayloadShape } from "../../shared/payload.ts";
import { ContentError } from "../errors.ts";
import { PostVisibilityEnum } from "../post.ts";
import { CONTENT_LIMITS, normaliseHashtag } from "../rules.ts";
import * as posts from "../service.ts";
import { firstUserErrors, userErrorsCost } from "../../shared/user-error.ts";

const httpUrl = httpUrlOf(CONTENT_LIMITS.url);
const mediaUrl = z.union([
  z
    .string()
    .max(CONTENT_LIMITS.url)
    .regex(/^\/[^\s]*$/, "Must be an http(s) URL or an absolute path."),
  httpUrl,
]);
const undefIfNull = <T>(v: T | null | undefined) => v ?? undefined;

const hashtag = z
  .string()
  .max(CONTENT_LIMITS.hashtagLength + 1)
  .transform((value, ctx) => {
    const tag = normaliseHashtag(value);
    if (tag === null) {
      ctx.addIssue({
        code: "custom",
        message: "A hashtag is 1 to 64 letters, digits or _, with or without a leading #.",
        params: { code: "INVALID" },
      });
      return z.NEVER;
    }
    return tag;
  });
const hashtags = z.array(hashtag).max(CONTENT_LIMITS.hashtags);
const caption = z.string().trim().max(CONTENT_LIMITS.caption);
const visibility = z.enum(PostVisibility);

const PostMediaInput = builder.inputType("PostMediaInput", {
  fields: (t) => ({
    kind: t.field({ type: MediaKindEnum }),
    url: t.string({ description: "An http(s) URL or an absolute path on the host platform's media server." }),
    width: t.int({ description: "Pixels." }),
    height: t.int({ description: "Pixels." }),
    durationMs: t.int({ required: false, description: "Required for VIDEO; absent for IMAGE." }),
    posterUrl: t.string({ required: false, description: "The frame shown before a video plays." }),
  }),
});

const ProductTagInput = builder.inputType("ProductTagInput", {
  fields: (t) => ({
    productId: t.id({
      description: "A product the caller can see (active, or of a shop they manage), not archived.",
    }),
    variantId: t.id({ required: false, description: "One of the product's variants." }),
    x: t.float({ description: "0 (left) to 1 (right)." }),
    y: t.float({ description: "0 (top) to 1 (bottom)." }),
    startMs: t.int({ required: false, description: "Video only; default 0." }),
    endMs: t.int({
      required: false,
      description: "Video only, exclusive, at most the duration; default the duration.",
    }),
  }),
});

const mediaSchema = z.object({
  kind: z.enum(MediaKind),
  url: mediaUrl,
  width: z.number().int().min(1).max(CONTENT_LIMITS.mediaSide),
  height: z.number().int().min(1).max(CONTENT_LIMITS.mediaSide),
  durationMs: z.number().int().min(1).max(CONTENT_LIMITS.videoDurationMs).nullish(),
  posterUrl: mediaUrl.nullish(),
});

const offset = z.number().int().min(0).max(CONTENT_LIMITS.videoDurationMs);
const productTagSchema = z.object({
  productId: globalId("Product"),
  variantId: globalId("ProductVariant").nullish(),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  startMs: offset.nullish(),
  endMs: offset.nullish(),
});
const productTags = z.array(productTagSchema).max(CONTENT_LIMITS.productTags);

const PostCreateInput = builder.inputType("PostCreateInput", {
  fields: (t) => ({
    media: t.field({ type: PostMediaInput }),
    caption: t.string({
      required: false,
      description: `At most ${CONTENT_LIMITS.caption} characters; its #hashtags are added to \`hashtags\`.`,
    }),
    hashtags: t.stringList({
      required: false,
      description: `With or without #; stored lower case. At most ${CONTENT_LIMITS.hashtags}, the caption's included.`,
    }),
    visibility: t.field({ type: PostVisibilityEnum, required: false, description: "Default PUBLIC." }),
    shopId: t.id({
      required: false,
      description:
        "Post for this shop; the caller must be one of its merchants. Without it a creator posts as themselves.",
    }),
    productTags: t.field({
      type: [ProductTagInput],
      required: false,
      description: `At most ${CONTENT_LIMITS.productTags}.`,
    }),
  }),
});

const postCreateSchema = z.object({
  media: mediaSchema,
  caption: caption.nullish().transform((v) => v ?? ""),
  hashtags: hashtags.nullish().transform((v) => v ?? []),
  visibility: visibility.nullish().transform((v) => v ?? "PUBLIC"),
  shopId: globalId("Shop").nullish(),
  productTags: productTags.nullish().transform((v) => v ?? []),
});

const postPayload = (name: string) =>
  definePayload(name, { field: "post", model: "Post" }, ContentError.type);

builder.mutationField("postCreate", (t) =>
  t.field({
    type: postPayload("PostCreate"),
    description:
      "Creates a post with product tags. Needs a user token (any key): a creator posts as themselves; a merchant posts for a shop they are a member of (`shopId`).",
    authScopes: { user: true },
    args: { input: t.arg({ type: PostCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(postCreateSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return posts.createPost(ctx, parsed.data);
    },
  }),
);

const PostUpdateInput = builder.inputType("PostUpdateInput", {
  fields: (t) => ({
    id: t.id(),
    caption: t.string({ required: false }),
    hashtags: t.stringList({
      required: false,
      description: "Replaces the explicit hashtags; the caption's are always added.",
    }),
    visibility: t.field({ type: PostVisibilityEnum, required: false }),
    productTags: t.field({
      type: [ProductTagInput],
      required: false,
      description: "Replaces all tags; tags given unchanged keep their id and counters.",
    }),
  }),
});

const postUpdateSchema = z.object({
  id: globalId("Post"),
  caption: caption.nullish().transform(undefIfNull),
  hashtags: hashtags.nullish().transform(undefIfNull),
  visibility: visibility.nullish().transform(undefIfNull),
  productTags: productTags.nullish().transform(undefIfNull),
});

builder.mutationField("postUpdate", (t) =>
  t.field({
    type: postPayload("PostUpdate"),
    description:
      "Changes a post's caption, hashtags, visibility or product tags: its author (a shop's post: the shop's merchants) or the platform.",
    authScopes: { user: true, secretKey: true },
    args: { input: t.arg({ type: PostUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(postUpdateSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return posts.updatePost(ctx, parsed.data);
    },
  }),
);

const PostDeleteInput = builder.inputType("PostDeleteInput", { fields: (t) => ({ id: t.id() }) });

const PostDeletePayload = builder.objectRef<PayloadShape>("PostDeletePayload").implement({
  fields: (t) => ({
    deletedPostId: t.id({
      nullable: true,
      description: "The deleted post's id.",
      resolve: (p) => (p.id === null ? null : encodeGlobalID("Post", p.id)),
    }),
    userErrors: t.field({
      type: [ContentError.type],
      complexity: userErrorsCost,
      resolve: (p) => firstUserErrors(p.userErrors) as never,
    }),
  }),
});

builder.mutationField("postDelete", (t) =>
  t.field({
    type: PostDeletePayload,
    description:
      "Deletes a post softly: it leaves every list and read; its counters are kept. Who may: as for postUpdate.",
    authScopes: { user: true, secretKey: true },
    args: { input: t.arg({ type: PostDeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(z.object({ id: globalId("Post") }), input);
      if (!parsed.ok) return failed(parsed.errors);
      return posts.deletePost(ctx, parsed.data.id);
    },
  }),
);
