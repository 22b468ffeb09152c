/** One error of a GraphQL response. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: string; [key: string]: unknown };
}

const AUTH_CODES = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);

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
  /** The first error's `extensions.code`, when it has one. */
  readonly code: string | undefined;
  constructor(
    readonly errors: readonly GraphQLErrorEntry[],
    readonly data?: unknown,
    readonly status?: number,
  ) {
    super(errors.map((error) => error.message).join("; ") || "GraphQL error");
    this.code = (
      errors.find((error) => AUTH_CODES.has(error.extensions?.code as string)) ?? errors[0]
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
  const auth = errors.some((error) => AUTH_CODES.has(error.extensions?.code as string));
  return new (auth ? ShoppableAuthError : ShoppableGraphQLError)(errors, data, status);
}
