/**
 * The cost of an operation before it runs, by the complexity model of builder.ts (scalars 0,
 * objects 1, lists and connections multiply by their size), plus a surcharge per mutation
 * field, and the cost of what a result actually returned. The transport charges callers'
 * rate-limit buckets with these (packages/api/src/limits).
 */
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { Kind, type DocumentNode, type OperationDefinitionNode } from "graphql";
import type { Context } from "./context.ts";
import { schema } from "./schema.ts";

/** What each root mutation field adds: writes cost more than the objects they return. */
export const MUTATION_FIELD_COST = 10;

/** The requested cost of `operation` (one operation of `document`) with these variables. */
export function operationCost(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, ctx: Context): number {
  // Only the chosen operation and the fragments: the complexity helper reads the first operation.
  const only: DocumentNode = {
    ...document,
    definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation),
  };
  const { complexity } = complexityFromQuery(only, { schema, ctx, variables });
  const mutationFields = operation.operation === "mutation" ? operation.selectionSet.selections.length : 0;
  return complexity + mutationFields * MUTATION_FIELD_COST;
}

/**
 * The cost of what a result returned: one per object in `data`, the edge wrappers of
 * connections free (as in the requested cost), plus the mutation surcharge.
 */
export function resultCost(data: unknown, operation: OperationDefinitionNode): number {
  let objects = 0;
  const walk = (value: unknown, edges: boolean) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, edges);
      return;
    }
    if (value === null || typeof value !== "object") return;
    if (!edges) objects += 1;
    for (const [key, child] of Object.entries(value)) walk(child, key === "edges");
  };
  if (data && typeof data === "object") for (const child of Object.values(data)) walk(child, false);
  const mutationFields = operation.operation === "mutation" ? operation.selectionSet.selections.length : 0;
  return objects + mutationFields * MUTATION_FIELD_COST;
}
