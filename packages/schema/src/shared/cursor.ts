/**
 * Opaque keyset cursors: base64url JSON of the ordering they belong to, the sort value of the
 * row and its id. A cursor stays valid when rows are added or removed around it.
 */
import { GraphQLError } from "graphql";

export interface CursorData {
  /** The ordering (sort key, and for searches a digest of the query). */
  o: string;
  /** The row's sort value. */
  v: string | number | null;
  id: string;
}

export function encodeCursor(data: CursorData): string {
  return Buffer.from(JSON.stringify(data)).toString("base64url");
}

export function decodeCursor(cursor: string, ordering: string): CursorData {
  let data: unknown;
  try {
    data = cursor.length <= 1000 ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) : null;
  } catch {
    data = null;
  }
  const ok =
    typeof data === "object" &&
    data !== null &&
    typeof (data as CursorData).id === "string" &&
    typeof (data as CursorData).o === "string" &&
    ["string", "number"].includes(typeof (data as CursorData).v);
  if (!ok) throw badInput("Malformed cursor.");
  if ((data as CursorData).o !== ordering) {
    throw badInput("The cursor belongs to another ordering or search; start again without it.");
  }
  return data as CursorData;
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Resolves relay arguments into a direction and size, enforcing the page size cap. */
export function pageWindow(args: PageArgs, defaults: { defaultSize: number; maxSize: number }) {
  if (args.first != null && args.last != null) throw badInput("Pass `first` or `last`, not both.");
  for (const [name, value] of [
    ["first", args.first],
    ["last", args.last],
  ] as const) {
    if (value != null && (value < 0 || value > defaults.maxSize)) {
      throw badInput(`\`${name}\` must be between 0 and ${defaults.maxSize}.`);
    }
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  const size = (backward ? args.last : args.first) ?? defaults.defaultSize;
  return { backward, size };
}

/** Relay's PageInfo as the list services return it. */
export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A connection as the list services return it; `totalCount` runs only when selected. */
export interface ConnectionShape {
  edges: { cursor: string; node: unknown }[];
  pageInfo: PageInfoShape;
  totalCount: () => Promise<number>;
}

/**
 * The page out of a keyset scan that fetched `size + 1` rows in scan order (a backward page
 * scans the other way): the first `size` rows in display order, and whether more lay beyond.
 */
export function keysetPage<Row>(
  rows: Row[],
  window: { backward: boolean; size: number },
): { page: Row[]; hasMore: boolean } {
  const page = rows.slice(0, window.size);
  if (window.backward) page.reverse();
  return { page, hasMore: rows.length > window.size };
}

/** PageInfo of a keyset page: the scan's `hasMore` says what lies beyond it, the cursor what lies before. */
export function keysetPageInfo(
  edges: readonly { cursor: string }[],
  hasMore: boolean,
  backward: boolean,
  args: PageArgs,
): PageInfoShape {
  return {
    hasNextPage: backward ? Boolean(args.before) : hasMore,
    hasPreviousPage: backward ? hasMore : Boolean(args.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}
