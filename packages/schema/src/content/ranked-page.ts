/**
 * Keyset pages over a ranking that is a snapshot: the cursor carries the ranking instant
 * (`asOf`) besides the row's score and id, and every page of one walk ranks as of that same
 * instant, reading only completed hourly rows before it (see ranking.ts). Engagement and posts
 * that arrive between pages therefore change no score, so pages neither repeat nor skip rows.
 * Used by the ranked feeds (TRENDING, FOR_YOU) and `trendingProducts`.
 */
import type { Context } from "../context.ts";
import { Prisma } from "@shoppable/db/client";
import {
  badInput,
  decodeCursor,
  encodeCursor,
  keysetPage,
  keysetPageInfo,
  type PageArgs,
} from "../shared/cursor.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INTEGER = /^-?\d{1,30}$/;
/** A cursor may come from a clock a little ahead of this server's. */
const CLOCK_SKEW_MS = 60_000;

export interface RankedPosition {
  score: string;
  id: string;
}

export interface RankedRow {
  id: string;
  /** A bigint, as decimal text. */
  score: string;
}

/** The ranking instant and position of the cursor in `args` (after or before), or now and none. */
export function rankedCursor(
  args: PageArgs,
  backward: boolean,
  ordering: string,
  now: Date,
): { asOf: Date; position: RankedPosition | null } {
  const cursor = backward ? args.before : args.after;
  if (!cursor) return { asOf: now, position: null };
  const c = decodeCursor(cursor, ordering);
  const [at, score, extra] = typeof c.v === "string" ? c.v.split("|") : [];
  const asOf = new Date(at ?? "");
  if (extra !== undefined || Number.isNaN(asOf.getTime()) || !INTEGER.test(score ?? "") || !UUID.test(c.id))
    throw badInput("Malformed cursor.");
  if (asOf.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw badInput("Malformed cursor: it ranks as of a time in the future.");
  return { asOf, position: { score: score!, id: c.id } };
}

export function rankedCursorOf(ordering: string, asOf: Date, row: RankedRow): string {
  return encodeCursor({ o: ordering, v: `${asOf.toISOString()}|${row.score}`, id: row.id });
}

/**
 * What a forward page reads: the best `take` rows ranked below `after` (or the best `take`).
 * A ranking given it may leave out rows that cannot be among them.
 */
export interface ForwardWindow {
  after: RankedPosition | null;
  take: number;
}

/**
 * One page of `ranked` (a SELECT with columns "id" uuid and "score" bigint, one row per id),
 * best first: score descending, then id descending. One SQL statement. `size + 1` rows are
 * read to know whether more follow; a backward page scans the other way and is reversed.
 * `ranked` may be a function of the forward page's window (null for a backward page).
 */
export async function rankedPage(
  db: Context["db"],
  source: Prisma.Sql | ((window: ForwardWindow | null) => Prisma.Sql),
  position: RankedPosition | null,
  backward: boolean,
  size: number,
): Promise<{ rows: RankedRow[]; hasMore: boolean }> {
  if (size === 0) return { rows: [], hasMore: false };
  const ranked =
    typeof source === "function" ? source(backward ? null : { after: position, take: size + 1 }) : source;
  const dir = backward ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const cmp = backward ? Prisma.sql`>` : Prisma.sql`<`;
  const after = position
    ? Prisma.sql`WHERE (r."score", r."id") ${cmp} (${position.score}::bigint, ${position.id}::uuid)`
    : Prisma.empty;
  const found = await db.$queryRaw<RankedRow[]>`
    SELECT r."id"::text AS "id", r."score"::text AS "score" FROM (${ranked}) r
    ${after}
    ORDER BY r."score" ${dir}, r."id" ${dir}
    LIMIT ${size + 1}`;
  const { page: rows, hasMore } = keysetPage(found, { backward, size });
  return { rows, hasMore };
}

/** Relay page info of a ranked page. */
export function rankedPageInfo(
  args: PageArgs,
  backward: boolean,
  hasMore: boolean,
  edges: { cursor: string }[],
) {
  return keysetPageInfo(edges, hasMore, backward, args);
}
