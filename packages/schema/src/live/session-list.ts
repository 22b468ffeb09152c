/**
 * The `liveSessions(status)` listing: keyset pagination over (sort value, id) in one Prisma
 * `findMany` that also loads what the GraphQL selection asks for (relation joins), so a page is
 * one SQL statement, plus one for `totalCount` when selected.
 *
 * Orderings per status: LIVE most watched first (viewerCount desc, then id desc), SCHEDULED
 * soonest first (scheduledAt asc, id asc), ENDED latest first (endedAt desc, id desc),
 * CANCELLED latest scheduled first (scheduledAt desc, id desc). A LIVE page's viewer counts
 * change between requests: its cursors stay valid, but a session can move across the cursor.
 */
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import type { LiveSessionStatus } from "@shoppable/db/enums";
import { limits } from "../limits.ts";
import { visibleLiveSessionWhere } from "../shared/access.ts";
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

type SortField = "viewerCount" | "scheduledAt" | "endedAt";

const ORDERINGS: Record<LiveSessionStatus, { field: SortField; descending: boolean }> = {
  LIVE: { field: "viewerCount", descending: true },
  SCHEDULED: { field: "scheduledAt", descending: false },
  ENDED: { field: "endedAt", descending: true },
  CANCELLED: { field: "scheduledAt", descending: true },
};

export interface LiveSessionListArgs extends PageArgs {
  status: LiveSessionStatus;
  hostId?: string | null;
  shopId?: string | null;
}

export type LiveSessionConnectionShape = ConnectionShape;

type Row = { id: string } & Partial<Record<SortField, number | Date | null>>;

/** Resolves a live sessions connection for the GraphQL field at `info`. */
export async function listLiveSessions(
  ctx: Context,
  args: LiveSessionListArgs,
  info: GraphQLResolveInfo,
): Promise<LiveSessionConnectionShape> {
  const { field, descending: natural } = ORDERINGS[args.status];
  const { backward, size } = pageWindow(args, {
    defaultSize: limits.defaultPageSize,
    maxSize: limits.maxPageSize,
  });
  const ordering = `live:${args.status}`;
  const where: Prisma.LiveSessionWhereInput = {
    AND: [visibleLiveSessionWhere(ctx)],
    status: args.status,
    ...(args.hostId ? { hostId: args.hostId } : {}),
    ...(args.shopId ? { shopId: args.shopId } : {}),
  };

  const descending = natural !== backward;
  const cmp = descending ? "lt" : "gt";
  const dir = descending ? "desc" : "asc";
  const cursor = backward ? args.before : args.after;
  const pageWhere: Prisma.LiveSessionWhereInput = { ...where };
  if (cursor) {
    const c = decodeCursor(cursor, ordering);
    const value = field === "viewerCount" ? Number(c.v) : new Date(String(c.v));
    if (field === "viewerCount" ? !Number.isSafeInteger(value) : Number.isNaN((value as Date).getTime()))
      throw badInput("Malformed cursor.");
    pageWhere.OR = [{ [field]: { [cmp]: value } }, { [field]: value, id: { [cmp]: c.id } }];
  }

  const query = queryFromInfo({ context: ctx, info, path: ["edges", "node"] }) as {
    select?: Record<string, unknown>;
    include?: object;
  };
  const selection = query.select ? { select: { ...query.select, id: true, [field]: true } } : query;
  const rows =
    size === 0
      ? []
      : ((await ctx.db.liveSession.findMany({
          ...(selection as object),
          where: pageWhere,
          orderBy: [{ [field]: dir }, { id: dir }],
          take: size + 1,
        })) as unknown as Row[]);
  const { page, hasMore } = keysetPage(rows, { backward, size });

  const edges = page.map((row) => {
    const value = row[field];
    return {
      cursor: encodeCursor({
        o: ordering,
        v: value instanceof Date ? value.toISOString() : (value ?? 0),
        id: row.id,
      }),
      node: row,
    };
  });
  return {
    edges,
    pageInfo: keysetPageInfo(edges, hasMore, backward, args),
    totalCount: () => ctx.db.liveSession.count({ where }),
  };
}
