/**
 * The `extensions.code` of the errors the API throws (expected failures of mutations are
 * `userErrors`, with their own code enums):
 * - `UNAUTHENTICATED`: a missing, unknown or revoked API key, an invalid or expired user token;
 * - `FORBIDDEN`: the caller may not do this;
 * - `BAD_REQUEST`: the request is not GraphQL over HTTP (a missing query, a wrong shape);
 * - `BAD_USER_INPUT`: an argument or variable the schema refuses (a malformed cursor or id);
 * - `GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED`: the document is not valid for the schema;
 * - `QUERY_TOO_COMPLEX`: over a document limit (cost, depth, aliases, tokens, directives);
 * - `RATE_LIMITED`: the caller's rate-limit bucket holds too little (HTTP 429, Retry-After);
 * - `PAYLOAD_TOO_LARGE`: the request body is over the API's limit;
 * - `PERSISTED_QUERY_REQUIRED`, `PERSISTED_QUERY_NOT_FOUND`: the API runs registered operations
 *   only for this key (see `persistedOperations`);
 * - `SHUTTING_DOWN`: the instance is draining; retry, on another instance;
 * - `SLOW_CONSUMER`: a subscription's client fell too far behind;
 * - `INTERNAL_SERVER_ERROR`: an unexpected failure (its details are in the API's log only).
 */
export type ShoppableErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_REQUEST"
  | "BAD_USER_INPUT"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "QUERY_TOO_COMPLEX"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE"
  | "PERSISTED_QUERY_REQUIRED"
  | "PERSISTED_QUERY_NOT_FOUND"
  | "SHUTTING_DOWN"
  | "SLOW_CONSUMER"
  | "INTERNAL_SERVER_ERROR";

/** One error of a GraphQL response. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: ShoppableErrorCode; [key: string]: unknown };
}

const AUTH_CODES = new Set<ShoppableErrorCode | undefined>(["UNAUTHENTICATED", "FORBIDDEN"]);

/** The base class of every error the SDK throws. */
export class ShoppableError extends Error {
  override name = "ShoppableError";
}

/**
 * The API could not be reached, or did not answer with GraphQL: fetch failed (DNS, refused,
 * aborted), the WebSocket closed for good, or an HTTP error without a GraphQL body.
 * `status` is the HTTP status when there was a response.
 */
export class ShoppableNetworkError extends ShoppableError {
  override name = "ShoppableNetworkError";
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The API answered with GraphQL errors (`QUERY_TOO_COMPLEX`, `BAD_USER_INPUT`, a masked
 * internal error, …). `errors` are the response's errors, `data` the partial data if any.
 * Expected failures of mutations are not errors: they are the payload's `userErrors`.
 */
export class ShoppableGraphQLError extends ShoppableError {
  override name = "ShoppableGraphQLError";
  /** The first error's `extensions.code` (an auth error's first), when it has one. */
  readonly code: ShoppableErrorCode | undefined;
  constructor(
    readonly errors: readonly GraphQLErrorEntry[],
    readonly data?: unknown,
    readonly status?: number,
  ) {
    super(errors.map((error) => error.message).join("; ") || "GraphQL error");
    this.code = (
      errors.find((error) => AUTH_CODES.has(error.extensions?.code)) ?? errors[0]
    )?.extensions?.code;
  }
}

/**
 * Authentication or authorisation failed: `code` is `UNAUTHENTICATED` (a missing, unknown or
 * revoked API key, an invalid or expired user token: HTTP 401) or `FORBIDDEN` (the caller may
 * not do this).
 */
export class ShoppableAuthError extends ShoppableGraphQLError {
  override name = "ShoppableAuthError";
  declare readonly code: "UNAUTHENTICATED" | "FORBIDDEN";
}

/** The error for a list of GraphQL errors: `ShoppableAuthError` when any is an auth error. */
export function graphQLError(
  errors: readonly GraphQLErrorEntry[],
  data?: unknown,
  status?: number,
): ShoppableGraphQLError {
  const auth = errors.some((error) => AUTH_CODES.has(error.extensions?.code));
  return new (auth ? ShoppableAuthError : ShoppableGraphQLError)(errors, data, status);
}
