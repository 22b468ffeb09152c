import { z } from "zod";
import { builder } from "../builder.ts";
import { PostVisibility } from "@shoppable/db/enums";
import { limits, listCost } from "../limits.ts";
import { CONTENT_LIMITS } from "./rules.ts";
import { MediaKindEnum } from "../catalog/product.ts";
import { badInput } from "../shared/cursor.ts";
import { decodeId } from "../shared/input.ts";
import { visiblePostWhere } from "../shared/access.ts";
import { canReadPostStats, visibleTagWhere } from "./access.ts";
import { listPosts } from "./post-list.ts";
import { mediaUrl } from "../shared/media-url.ts";

export const PostVisibilityEnum = builder.enumType(PostVisibility, {
  name: "PostVisibility",
  description:
    "PUBLIC: everyone. FOLLOWERS: the followers of the author (or of the shop, for a shop's post). PRIVATE: the author (and the shop's staff) only.",
});

interface PostMediaShape {
  kind: "IMAGE" | "VIDEO";
  url: string;
  width: number;
  height: number;
  durationMs: number | null;
  posterUrl: string | null;
}

const PostMedia = builder.objectRef<PostMediaShape>("PostMedia").implement({
  description: "The post's image or video.",
  fields: (t) => ({
    kind: t.field({ type: MediaKindEnum, resolve: (m) => m.kind }),
    url: t.string({ resolve: (m, _, ctx) => mediaUrl(ctx, m.url) }),
    width: t.exposeInt("width"),
    height: t.exposeInt("height"),
    durationMs: t.exposeInt("durationMs", {
      nullable: true,
      description: "Video length in milliseconds; null for images.",
    }),
    posterUrl: t.string({
      nullable: true,
      description: "The frame shown before a video plays.",
      resolve: (m, _, ctx) => mediaUrl(ctx, m.posterUrl),
    }),
  }),
});

const atMsArg = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);

export const ProductTagType = builder.prismaNode("ProductTag", {
  id: { field: "id" },
  nullable: true,
  description:
    "A product (optionally one variant) tagged at a point of a post's frame and, on a video, during a time range.",
  findUnique: (id, ctx) => ({ id, AND: [visibleTagWhere(ctx), { post: visiblePostWhere(ctx) }] }),
  fields: (t) => ({
    post: t.relation("post"),
    product: t.relation("product"),
    variant: t.relation("variant", {
      nullable: true,
      description: "The tagged variant, when one was chosen.",
    }),
    position: t.exposeInt("position", { description: "Order within the post, from 0." }),
    x: t.exposeFloat("x", { description: "Horizontal position in the frame, 0 (left) to 1 (right)." }),
    y: t.exposeFloat("y", { description: "Vertical position in the frame, 0 (top) to 1 (bottom)." }),
    startMs: t.exposeInt("startMs", {
      nullable: true,
      description: "Video only: the tag shows from this offset (inclusive).",
    }),
    endMs: t.exposeInt("endMs", {
      nullable: true,
      description: "Video only: the tag shows until this offset (exclusive).",
    }),
    tapCount: t.int({
      nullable: true,
      description:
        "Taps on the tag (productTagTap). Visible to the post's author, its shop's staff and the platform; null for others.",
      select: { tapCount: true, post: { select: { authorId: true, shopId: true } } },
      resolve: async (tag, _a, ctx) => ((await canReadPostStats(ctx, tag.post)) ? tag.tapCount : null),
    }),
    addToCartCount: t.int({
      nullable: true,
      description: "Cart additions through the tag. Visible like tapCount.",
      select: { addToCartCount: true, post: { select: { authorId: true, shopId: true } } },
      resolve: async (tag, _a, ctx) => ((await canReadPostStats(ctx, tag.post)) ? tag.addToCartCount : null),
    }),
  }),
});

export const PostType = builder.prismaNode("Post", {
  id: { field: "id" },
  nullable: true,
  description: "A shoppable video or image by a creator, or by a shop (posted by its staff).",
  findUnique: (id, ctx) => ({ id, AND: [visiblePostWhere(ctx)] }),
  fields: (t) => ({
    author: t.relation("author", { description: "Who posted it (for a shop's post, the staff member)." }),
    shop: t.relation("shop", {
      nullable: true,
      description: "The shop it was posted for; null for a creator's own post.",
    }),
    media: t.field({
      type: PostMedia,
      select: {
        mediaKind: true,
        mediaUrl: true,
        width: true,
        height: true,
        durationMs: true,
        posterUrl: true,
      },
      resolve: (p) => ({
        kind: p.mediaKind,
        url: p.mediaUrl,
        width: p.width,
        height: p.height,
        durationMs: p.durationMs,
        posterUrl: p.posterUrl,
      }),
    }),
    caption: t.exposeString("caption"),
    hashtags: t.exposeStringList("hashtags", {
      description: "Lower case, without #: the explicit ones and those of the caption.",
    }),
    visibility: t.expose("visibility", { type: PostVisibilityEnum }),
    viewCount: t.exposeInt("viewCount", { description: "Views, each viewer counted once per 30 minutes." }),
    likeCount: t.exposeInt("likeCount"),
    shareCount: t.exposeInt("shareCount"),
    purchaseCount: t.exposeInt("purchaseCount", { description: "Units bought through the post." }),
    viewerHasLiked: t.boolean({
      description: "Whether the caller's user likes the post; false without a user token.",
      select: (_args, ctx) =>
        ctx.user ? { likes: { where: { userId: ctx.user.id }, select: { userId: true }, take: 1 } } : {},
      resolve: (post) => ((post as { likes?: unknown[] }).likes?.length ?? 0) > 0,
    }),
    productTags: t.relation("productTags", {
      description:
        "The product tags, in order. With `atMs`, a video's tags showing at that offset (an image's tags always show).",
      args: { atMs: t.arg.int({ required: false, validate: atMsArg }) },
      complexity: listCost(CONTENT_LIMITS.productTags),
      query: (args, ctx) => ({
        take: CONTENT_LIMITS.productTags,
        where: {
          AND: [
            visibleTagWhere(ctx),
            args.atMs == null
              ? {}
              : { OR: [{ startMs: null }, { startMs: { lte: args.atMs }, endMs: { gt: args.atMs } }] },
          ],
        },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      }),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const PostConnection = builder.connectionObject({
  type: PostType,
  name: "PostConnection",
  fields: (t) => ({
    totalCount: t.int({
      description: "How many posts the list has for the caller (one extra SQL statement).",
      resolve: (connection) => (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
    }),
  }),
});

export const pageComplexity = (args: { first?: number | null; last?: number | null }) => ({
  field: 1,
  multiplier: args.first ?? args.last ?? limits.defaultPageSize,
});

builder.queryField("post", (t) =>
  t.prismaField({
    type: "Post",
    nullable: true,
    description: "A post by id; null when it does not exist, was deleted or is not visible to the caller.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = decodeId(String(args.id), "Post");
      if (id === null) throw badInput("`id` is not a valid Post ID.");
      return ctx.db.post.findFirst({ ...query, where: { id, ...visiblePostWhere(ctx) } });
    },
  }),
);

builder.prismaObjectFields("User", (t) => ({
  posts: t.field({
    type: PostConnection,
    description: "The user's own posts (not those made for a shop), newest first.",
    args: t.arg.connectionArgs(),
    complexity: pageComplexity,
    resolve: (user, args, ctx, info) =>
      listPosts(ctx, args, { authorId: user.id, shopId: null }, info) as never,
  }),
  viewerIsFollowing: t.boolean({
    description: "Whether the caller's user follows this user; false without a user token.",
    select: (_args, ctx) =>
      ctx.user
        ? { followers: { where: { followerId: ctx.user.id }, select: { followerId: true }, take: 1 } }
        : {},
    resolve: (user) => ((user as { followers?: unknown[] }).followers?.length ?? 0) > 0,
  }),
}));

builder.prismaObjectFields("Shop", (t) => ({
  posts: t.field({
    type: PostConnection,
    description: "The shop's posts, newest first.",
    args: t.arg.connectionArgs(),
    complexity: pageComplexity,
    resolve: (shop, args, ctx, info) => listPosts(ctx, args, { shopId: shop.id }, info) as never,
  }),
  viewerIsFollowing: t.boolean({
    description: "Whether the caller's user follows this shop; false without a user token.",
    select: (_args, ctx) =>
      ctx.user
        ? { followers: { where: { followerId: ctx.user.id }, select: { followerId: true }, take: 1 } }
        : {},
    resolve: (shop) => ((shop as { followers?: unknown[] }).followers?.length ?? 0) > 0,
  }),
}));
