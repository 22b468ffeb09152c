/** Request limits shared by the schema (complexity plugin) and the transport. */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  type GraphQLSchema,
} from "graphql";

export const limits = {
  /** Largest page any connection returns. */
  maxPageSize: 100,
  /** Page size when neither `first` nor `last` is given. */
  defaultPageSize: 20,
  /**
   * Most a single operation may cost (scalars 0, objects 1, every list and connection multiplies
   * its children by its bound or page size; see builder.ts). A page of 20 products with their
   * variants, options and media costs about 13,000; the bound is an upper bound of the work, so
   * typical answers give most of it back (README "Limits").
   */
  maxComplexity: 100_000, // the default of MAX_QUERY_COST, checked by the transport
  maxDepth: 12,
  // A whole order (address, shipping and tax lines, fulfilments, returns) with its lines is ~280 fields.
  maxBreadth: 400,
  /** Longest free-text search query. */
  maxSearchLength: 200,
  /** Most user errors a payload lists. */
  maxUserErrors: 20,
  /** Most ids one `nodes(ids:)` takes. */
  maxNodeIds: 100,
} as const;

type ListBound = number | ((args: Record<string, unknown>) => number);
export interface ListCost {
  field: number;
  multiplier: number;
}
const declared = new WeakSet<object>();

/**
 * The complexity of a list of objects that returns at most `bound` items: 1 for each item (the
 * plugin counts a field once, so the items are counted here) and its children `bound` times.
 * The resolver must not return more (a `take`, a slice, or a limit enforced on write);
 * `assertListsBounded` refuses a schema whose object lists did not declare one.
 */
export function listCost(bound: ListBound): (args: Record<string, unknown>) => ListCost {
  const cost = (args: Record<string, unknown>) => {
    const n = Math.max(0, typeof bound === "number" ? bound : bound(args));
    return { field: n, multiplier: n };
  };
  declared.add(cost);
  return cost;
}

/** Throws when a field returning a list of objects has no `listCost` (connections' edges excepted: their page size counts). */
export function assertListsBounded(schema: GraphQLSchema): void {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type)) || isLeafType(getNamedType(field.type))) continue;
      if (type.name.endsWith("Connection") && field.name === "edges") continue;
      const complexity = (field.extensions as { pothosOptions?: { complexity?: unknown } } | undefined)
        ?.pothosOptions?.complexity;
      if (typeof complexity !== "function" || !declared.has(complexity))
        missing.push(`${type.name}.${field.name}`);
    }
  }
  if (missing.length)
    throw new Error(`List fields without a bound (declare complexity: listCost(n)): ${missing.join(", ")}`);
}
