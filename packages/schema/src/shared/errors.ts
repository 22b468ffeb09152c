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

type DriverCause = {
  originalCode?: string;
  kind?: string;
  constraint?: { fields?: string[]; index?: string };
};

function driverCauseOf(error: unknown): DriverCause | undefined {
  return (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | null)?.meta
    ?.driverAdapterError?.cause;
}

/**
 * Whether a write failed because two transactions waited on each other (a deadlock, SQLSTATE
 * 40P01) or could not be serialised (40001): the database rolled it back, and running it again
 * from the start is safe.
 */
export function isRetryableConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  const sqlState = driverCauseOf(error)?.originalCode;
  return (
    e?.code === "P2034" ||
    sqlState === "40P01" ||
    sqlState === "40001" ||
    /deadlock detected|could not serialize/i.test(e?.message ?? "")
  );
}

/**
 * Whether a write failed on a foreign key (P2003, SQLSTATE 23503): the row it references was
 * deleted meanwhile (a variant a merchant deleted while a buyer added it or checked it out),
 * optionally on a given column.
 */
export function isForeignKeyViolation(error: unknown, field?: string): boolean {
  const cause = driverCauseOf(error);
  const code = (error as { code?: string } | null)?.code;
  if (code !== "P2003" && cause?.originalCode !== "23503" && cause?.kind !== "ForeignKeyConstraintViolation")
    return false;
  if (!field) return true;
  const names = [...(cause?.constraint?.fields ?? []), ...(cause?.constraint?.index?.split("_") ?? [])];
  const target = (error as { meta?: { field_name?: unknown; constraint?: unknown } }).meta;
  return (
    names.includes(field) ||
    String(target?.field_name ?? "").includes(field) ||
    String(target?.constraint ?? "").includes(field)
  );
}
