import { GraphQLError } from "graphql";

/** Thrown when the caller is known but may not act on this object. */
export function forbidden(message = "You may not act on this object."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}
