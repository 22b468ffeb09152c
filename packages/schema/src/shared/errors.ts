import { GraphQLError } from "graphql";

/** Thrown when the operation needs a user token (or a secret key) and the caller sent none. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });
}

/** Thrown when the caller is known but may not act on this object. */
export function forbidden(message = "You may not act on this object."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

/**
 * Whether a Prisma error is a unique-constraint violation (P2002), optionally on a given
 * column. Driver adapters describe the constraint differently (PGlite: its fields; pg: the
 * index name, such as "Product_handle_key"), so both are looked at.
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (typeof error !== "object" || error === null || (error as { code?: string }).code !== "P2002")
    return false;
  if (!field) return true;
  const meta = (
    error as {
      meta?: {
        target?: unknown;
        driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } };
      };
    }
  ).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const names = [...(constraint?.fields ?? []), ...(Array.isArray(meta?.target) ? meta.target : [])].map(
    String,
  );
  return names.includes(field) || (constraint?.index?.split("_").includes(field) ?? false);
}

/**
 * The id of the erased user a write was refused for (the database's `refuse_erased_user`
 * triggers: SQLSTATE SE001, the user's id as detail), or null for any other error.
 */
export function erasedUserOf(error: unknown): string | null {
  const cause = (
    error as { meta?: { driverAdapterError?: { cause?: { code?: string; detail?: string } } } } | null
  )?.meta?.driverAdapterError?.cause;
  return cause?.code === "SE001" && typeof cause.detail === "string" ? cause.detail : null;
}

/**
 * Thrown when a user acts faster than a domain allows (comments per minute): nothing was
 * written, and the same request may be sent again after `retryAfterSeconds` (HTTP 429 with
 * Retry-After, as the API's own rate limit answers).
 */
export function rateLimited(message: string, retryAfterSeconds: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new GraphQLError(message, {
    extensions: {
      code: "RATE_LIMITED",
      retryAfter: seconds,
      http: { status: 429, headers: { "retry-after": String(seconds) } },
    },
  });
}
