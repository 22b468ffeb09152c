import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";

/**
 * A GraphQL document as a string that carries its result and variables types, as the SDK's
 * own documents are. Any `DocumentTypeDecoration` works with `client.request`: codegen's
 * `TypedDocumentString` (client preset, string mode) or a `TypedDocumentNode` (gql.tada).
 */
export type TypedDocument<Result, Variables> = string & DocumentTypeDecoration<Result, Variables>;

/** The result type of a typed document. */
export type ResultOf<D> = D extends DocumentTypeDecoration<infer R, any> ? R : never;
/** The variables type of a typed document. */
export type VariablesOf<D> = D extends DocumentTypeDecoration<any, infer V> ? V : never;

/** Per-request options. */
export interface RequestOptions {
  /** Aborts the request (fetch's AbortSignal). */
  signal?: AbortSignal;
  /** Extra headers for this request only. */
  headers?: Record<string, string>;
  /**
   * This mutation may safely run twice (it sets values rather than adds to them), so a network
   * failure or a 502/503/504 is retried like a query's. Mutations with an `idempotencyKey` are
   * idempotent already.
   */
  idempotent?: boolean;
}

/** The rate limit's leaky bucket, as the API reports it in `extensions.cost.throttleStatus`. */
export interface ThrottleStatus {
  /** The bucket's capacity in cost points. */
  maximumAvailable: number;
  /** Points available after the request. */
  currentlyAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
}

/**
 * A running subscription: iterate it with `for await`; `dispose()` stops it (the loop then
 * ends). Ends with a thrown `ShoppableGraphQLError` when the server sends errors, or
 * `ShoppableNetworkError` when the connection is lost and retries are used up.
 */
export interface ShoppableSubscription<T> extends AsyncIterableIterator<T> {
  /**
   * Resolves once the subscription is live on the server: every change committed after that
   * is delivered. Subscribe, `await sub.ready`, then change things (add to the cart, pin a
   * product). The generated functions ask the server for a first event to know it (the
   * `withCurrentState` argument) and do not yield it; pass `withCurrentState: true` to receive
   * it as the first value (`refetch: true`, with the state now). With `client.subscribe` it
   * resolves at the first event. Rejects when the subscription fails before it was live.
   */
  readonly ready: Promise<void>;
  dispose(): void;
}

/**
 * Variables where exactly one of `Keys` is given, with a value: the others are left out.
 * `product` takes `{ id }` or `{ handle }`, never both and never neither.
 */
export type ExactlyOne<Variables, Keys extends keyof Variables> = {
  [K in Keys]: Omit<Variables, Keys> & { [P in K]-?: NonNullable<Variables[P]> } & {
    [P in Exclude<Keys, K>]?: never;
  };
}[Keys];

/** A JSON value, as the API's `JSON` scalar carries it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A stored record as exported: its fields by name (dates as ISO 8601 strings, decimals as strings). */
export type ExportedRecord = { [field: string]: JsonValue };

/**
 * Everything stored about the viewer (`viewerDataExport`), by section: a section is present
 * when it was asked for (`sections`), or always when none were named.
 */
export interface ViewerDataExport {
  /** When the export was made (ISO 8601). */
  exportedAt: string;
  user?: ExportedRecord;
  memberships?: ExportedRecord[];
  posts?: ExportedRecord[];
  likes?: ExportedRecord[];
  views?: ExportedRecord[];
  shares?: ExportedRecord[];
  following?: ExportedRecord[];
  followers?: { count: number };
  shopsFollowed?: ExportedRecord[];
  liveSessions?: ExportedRecord[];
  liveSessionsWatching?: ExportedRecord[];
  carts?: ExportedRecord[];
  addresses?: ExportedRecord[];
  orders?: ExportedRecord[];
  inventoryAdjustments?: ExportedRecord[];
  affiliateLinks?: ExportedRecord[];
  affiliateInvitations?: ExportedRecord[];
  commissions?: ExportedRecord[];
  payouts?: ExportedRecord[];
  affiliateClicks?: ExportedRecord[];
  comments?: ExportedRecord[];
  reviews?: ExportedRecord[];
  reports?: ExportedRecord[];
  moderationDecisions?: ExportedRecord[];
}
