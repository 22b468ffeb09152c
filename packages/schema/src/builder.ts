/**
 * The Pothos builder: plugins, scalars and plugin options only. Types live in their domains.
 * Plugin order matters: scope-auth wraps everything, prisma before relay so prisma
 * connections get relay's shapes, validation and complexity last.
 */
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { GraphQLError, getNamedType, isLeafType } from "graphql";
import type { Context } from "./context.ts";
import { type AuthScopes, authScopesOf, callerOf } from "./shared/access.ts";
import type PrismaTypes from "@shoppable/db/pothos-types";
import { getDatamodel } from "@shoppable/db/pothos-types";
import { limits } from "./limits.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Decimal: { Input: string; Output: string };
    URL: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    // The scopes are shared/access.ts's, like every other permission rule.
    authScopes: authScopesOf,
    unauthorizedError: (_parent, ctx, info) =>
      callerOf(ctx).anonymous
        ? new GraphQLError(`${info.parentType.name}.${info.fieldName} needs a user token or a secret key.`, {
            extensions: { code: "UNAUTHENTICATED" },
          })
        : new GraphQLError(`You may not access ${info.parentType.name}.${info.fieldName}.`, {
            extensions: { code: "FORBIDDEN" },
          }),
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // Query.node and Query.nodes are shared/node.ts's: a malformed id is null in its slot.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // A connection field multiplies by its page size already; its edges list must not again.
    edgesFieldOptions: { nullable: false, complexity: { field: 0, multiplier: 1 } },
    // Page info is part of every page: free, in the requested cost as in the actual.
    pageInfoFieldOptions: { complexity: 0 },
    nodeFieldOptions: { nullable: false },
  },
  validation: {
    validationError: (result) =>
      new GraphQLError(
        result.issues
          .map(
            (i) =>
              `${(i.path ?? []).map((p) => (typeof p === "object" ? p.key : p)).join(".")}: ${i.message}`,
          )
          .join("; "),
        {
          extensions: { code: "BAD_USER_INPUT" },
        },
      ),
  },
  complexity: {
    // The cost model (README "Limits"): scalars and enums cost 0, every object 1, a connection
    // its page size times its children, a list of objects its bound times its children (every
    // such field declares `listCost(bound)`; schema.ts refuses one that does not). The result
    // is an upper bound of what the operation can return; cost.ts counts what it did.
    fieldComplexity: (args, _ctx, field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return 0;
      if (named.name.endsWith("Connection")) return { field: 1, multiplier: pageSizeOf(args) };
      return 1;
    },
    // Depth and breadth here; the cost itself is checked by the transport before anything runs
    // (MAX_QUERY_COST, default limits.maxComplexity), so operators can set it in one place.
    limit: { depth: limits.maxDepth, breadth: limits.maxBreadth },
    complexityError: (kind, result) => {
      const key = kind.toLowerCase() as "complexity" | "depth" | "breadth";
      const max = result[`max${kind}` as "maxComplexity" | "maxDepth" | "maxBreadth"];
      return new GraphQLError(`Query ${key} ${result[key]} exceeds the maximum of ${max}.`, {
        extensions: { code: "QUERY_TOO_COMPLEX", limit: key },
      });
    },
  },
});

/** The page size a connection field is asked for: `first`, else `last`, else the default. */
export function pageSizeOf(args: Record<string, unknown>): number {
  const size =
    typeof args.first === "number"
      ? args.first
      : typeof args.last === "number"
        ? args.last
        : limits.defaultPageSize;
  return Math.max(0, Math.min(size, limits.maxPageSize));
}

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

/** The builder's schema types, for helpers that take Pothos builders as parameters. */
export type SchemaTypesOf = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
