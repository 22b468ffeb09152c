/**
 * Post lists (`User.posts`, `Shop.posts`): newest first, keyset pagination
 * over (createdAt, id) with opaque cursors, served by the (authorId | shopId, createdAt, id)
 * indexes. One Prisma `findMany` loads the page with everything the GraphQL selection asks
 * for (tags, products, variants, authors: relation joins), so a page is one statement, plus
 * one for `totalCount` when selected.
 */
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import { limits } from "../limits.ts";
import {
  badInput,
  decodeCursor,
  encodeCursor,
  keysetPage,
  keysetPageInfo,
  pageWindow,
  type ConnectionShape,
  type PageArgs,
} from "../shared/cursor.ts";
import { UUID } from "../shared/uuid.ts";
import { visiblePostWhere } from "../shared/access.ts";

const ORDERING = "POSTS_NEWEST";

export type PostConnectionShape = ConnectionShape;

/**
 * Resolves a posts connection for the GraphQL field at `info`: the visible posts matching
 * `where`. `ordering` names the list in its cursors, so a cursor of another list (another
 * feed kind or hashtag) is refused as BAD_USER_INPUT.
 */
export async function listPosts(
  ctx: Context,
  args: PageArgs,
  where: Prisma.PostWhereInput,
  info: GraphQLResolveInfo,
  ordering: string = ORDERING,
): Promise<PostConnectionShape> {
  const { backward, size } = pageWindow(args, {
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
  });
  // Newest first; a backward page scans the other way and is reversed.
  const dir = backward ? "asc" : "desc";
  const cmp = backward ? "gt" : "lt";
  const filter: Prisma.PostWhereInput = { AND: [where, visiblePostWhere(ctx)] };
  const cursor = backward ? args.before : args.after;
  const page: Prisma.PostWhereInput[] = [filter];
  if (cursor) {
    const c = decodeCursor(cursor, ordering);
    const at = new Date(String(c.v));
    if (typeof c.v !== "string" || Number.isNaN(at.getTime()) || !UUID.test(c.id))
      throw badInput("Malformed cursor.");
    page.push({ OR: [{ createdAt: { [cmp]: at } }, { createdAt: at, id: { [cmp]: c.id } }] });
  }
  const query = queryFromInfo({ context: ctx, info, path: ["edges", "node"] }) as {
    select?: Record<string, unknown>;
  };
  const rows =
    size === 0
      ? []
      : await ctx.db.post.findMany({
          ...(query as object),
          // The cursor needs createdAt and id even when the selection does not.
          ...(query.select ? { select: { ...query.select, id: true, createdAt: true } } : {}),
          where: { AND: page },
          orderBy: [{ createdAt: dir }, { id: dir }],
          take: size + 1,
        });
  const { page: nodes, hasMore } = keysetPage(rows as unknown as { id: string; createdAt: Date }[], {
    backward,
    size,
  });
  const edges = nodes.map((node) => ({
    cursor: encodeCursor({ o: ordering, v: node.createdAt.toISOString(), id: node.id }),
    node,
  }));
  return {
    edges,
    pageInfo: keysetPageInfo(edges, hasMore, backward, args),
    totalCount: () => ctx.db.post.count({ where: filter }),
  };
}
