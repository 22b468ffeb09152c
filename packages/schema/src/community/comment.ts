/**
 * Comments as the API shows them: `PostComment` (a node), `Post.comments` (newest first) and
 * `Post.commentCount`. A comment shows wherever its post does. comment.service.ts writes them.
 */
import type { Prisma, Product } from "@shoppable/db/client";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { limits, listCost } from "../limits.ts";
import { badInput } from "../shared/cursor.ts";
import { decodeId } from "../shared/input.ts";
import { visiblePostWhere } from "../shared/access.ts";
import { hiddenOnlyToAuthor, moderationStatusField } from "./moderation.ts";
import { requestLoader } from "../shared/loader.ts";
import { COMMUNITY_LIMITS } from "./errors.ts";

/** The comments the caller may see: on posts they can see, and not hidden unless their own (the platform sees all). */
export function visibleCommentWhere(ctx: Context): Prisma.PostCommentWhereInput {
  return { post: visiblePostWhere(ctx), ...hiddenOnlyToAuthor(ctx) };
}

/** Active products by id with the GraphQL selection, batched per request (one statement per page of comments). */
function loadActiveProduct(ctx: Context, query: object) {
  return requestLoader<string, Product | null>(
    ctx,
    `comment-products:${JSON.stringify(query)}`,
    async (ids) =>
      new Map(
        (
          await ctx.db.product.findMany({
            ...query,
            where: { id: { in: ids }, status: "ACTIVE", hiddenAt: null },
          })
        ).map((p) => [p.id, p]),
      ),
    null,
  );
}

export const PostCommentType = builder.prismaNode("PostComment", {
  id: { field: "id" },
  nullable: true,
  description: "A comment on a post.",
  findUnique: (id, ctx) => ({ id, AND: [visibleCommentWhere(ctx)] }),
  fields: (t) => ({
    post: t.relation("post"),
    author: t.relation("author"),
    body: t.exposeString("body"),
    products: t.prismaField({
      type: ["Product"],
      description: `The products it mentions that are active, in the order mentioned (at most ${COMMUNITY_LIMITS.commentProducts}).`,
      complexity: listCost(COMMUNITY_LIMITS.commentProducts),
      select: { productIds: true },
      resolve: async (query, c, _args, ctx) => {
        const load = loadActiveProduct(ctx, query);
        const products = await Promise.all(c.productIds.map((id) => load(id)));
        return products.filter((p): p is Product => p !== null);
      },
    }),
    moderationStatus: t.field(moderationStatusField("its author")),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectFields("Post", (t) => ({
  commentCount: t.exposeInt("commentCount"),
  comments: t.relatedConnection("comments", {
    cursor: "id",
    description: "Its comments, newest first.",
    totalCount: true,
    query: (_args, ctx) => ({
      where: hiddenOnlyToAuthor(ctx),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  }),
}));

builder.queryField("postComments", (t) =>
  t.prismaConnection({
    type: "PostComment",
    cursor: "id",
    nullable: true,
    description:
      "A post's comments, newest first (as `Post.comments`). Null when the post is not visible to the caller.",
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
    args: { postId: t.arg.id({ required: true }) },
    totalCount: async (_root, args, ctx) => {
      const postId = decodeId(String(args.postId), "Post");
      return postId === null
        ? 0
        : ctx.db.postComment.count({ where: { postId, ...hiddenOnlyToAuthor(ctx) } });
    },
    resolve: async (query, _root, args, ctx) => {
      const postId = decodeId(String(args.postId), "Post");
      if (postId === null) throw badInput("`postId` is not a valid Post ID.");
      const post = await ctx.db.post.findFirst({
        where: { id: postId, ...visiblePostWhere(ctx) },
        select: { id: true },
      });
      if (!post) return null;
      return ctx.db.postComment.findMany({
        ...query,
        where: { postId, ...hiddenOnlyToAuthor(ctx) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
    },
  }),
);
