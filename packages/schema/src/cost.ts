/**
 * The cost of an operation before it runs, by the complexity model of builder.ts (scalars 0,
 * objects 1, lists and connections multiply by their size), plus a surcharge per mutation
 * field, and the cost of what a result actually returned. The transport charges callers'
 * rate-limit buckets with these (packages/api/src/limits).
 */
import { complexityFromQuery } from "@pothos/plugin-complexity";
import {
  getNamedType,
  getVariableValues,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
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
  const { complexity } = complexityFromQuery(only, { schema, ctx, variables: withDefaults(operation, variables) });
  const mutationFields = operation.operation === "mutation" ? operation.selectionSet.selections.length : 0;
  return complexity + mutationFields * MUTATION_FIELD_COST;
}

/**
 * The variables as execution sees them: defaults applied where a variable was not given (the
 * raw ones would price `first: $n` with `$n: Int = 100` at the default page size, and miss an
 * `@include(if: $v)` whose `$v` defaults to true). Invalid variables are left as they are:
 * execution refuses them before anything runs.
 */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  if (!operation.variableDefinitions?.some((d) => d.defaultValue)) return variables;
  const { coerced } = getVariableValues(schema, operation.variableDefinitions, variables);
  return coerced ?? variables;
}

interface Collected {
  /** The field names under this response key: one, or one per type in fragments on several types. */
  names: string[];
  sets: SelectionSetNode[];
}

/**
 * The cost of what a result returned, by the same model as the requested cost: one per object
 * in `data` (scalars, enums and JSON values nothing; a connection's edges and page info free),
 * plus the mutation surcharge. The result is walked along the operation's selections, so a
 * JSON value is never mistaken for an object. The requested cost bounds it from above.
 */
export function resultCost(data: unknown, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Record<string, unknown>): number {
  const variables = withDefaults(operation, rawVariables);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode) => {
    for (const directive of node.directives ?? []) {
      const name = directive.name.value;
      if (name !== "skip" && name !== "include") continue;
      const arg = directive.arguments?.find((a) => a.name.value === "if");
      if (!arg) continue;
      const value = arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : arg.value.kind === Kind.BOOLEAN ? arg.value.value : undefined;
      if (name === "skip" && value === true) return false;
      if (name === "include" && value !== true) return false;
    }
    return true;
  };
  // The fields under these selection sets by response key. Type conditions are not needed: a
  // result object only holds the keys its own type selected, and the fields sharing a response
  // key have the same shape (validation); the object's type picks among their names.
  const cache = new WeakMap<readonly SelectionSetNode[], Map<string, Collected>>();
  const collect = (sets: readonly SelectionSetNode[]) => {
    let fields = cache.get(sets);
    if (fields) return fields;
    const found = new Map<string, Collected>();
    const visit = (set: SelectionSetNode, seen: Set<string>) => {
      for (const selection of set.selections) {
        if (!included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          let entry = found.get(key);
          if (!entry) found.set(key, (entry = { names: [], sets: [] }));
          if (!entry.names.includes(selection.name.value)) entry.names.push(selection.name.value);
          if (selection.selectionSet) entry.sets.push(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          visit(selection.selectionSet, seen);
        } else if (!seen.has(selection.name.value)) {
          const fragment = fragments.get(selection.name.value);
          if (fragment) visit(fragment.selectionSet, new Set(seen).add(selection.name.value));
        }
      }
    };
    for (const set of sets) visit(set, new Set());
    cache.set(sets, found);
    return found;
  };
  const fieldOf = (parent: GraphQLNamedType, names: string[]) => {
    const candidates: (GraphQLObjectType | GraphQLInterfaceType)[] = isObjectType(parent) || isInterfaceType(parent) ? [parent] : [];
    if (isAbstractType(parent)) candidates.push(...schema.getPossibleTypes(parent));
    for (const type of candidates) {
      for (const name of names) {
        const field = type.getFields()[name];
        if (field) return { name, type: getNamedType(field.type) };
      }
    }
    return undefined;
  };
  let objects = 0;
  const walkObject = (value: Record<string, unknown>, declared: GraphQLNamedType, sets: readonly SelectionSetNode[]) => {
    const fields = collect(sets);
    // An object of an interface or union type names its own type when __typename was selected.
    let type = declared;
    if (isAbstractType(declared)) {
      for (const [key, { names }] of fields) {
        const named = value[key];
        const concrete = names.includes("__typename") && typeof named === "string" ? schema.getType(named) : undefined;
        if (concrete) type = concrete;
      }
    }
    for (const [key, { names, sets: childSets }] of fields) {
      const child = value[key];
      if (child === null || child === undefined || names.includes("__typename")) continue;
      const field = fieldOf(type, names) ?? fieldOf(declared, names);
      if (!field || isLeafType(field.type)) continue;
      const free = type.name.endsWith("Connection") && (field.name === "edges" || field.name === "pageInfo");
      walkValue(child, field.type, childSets, free);
    }
  };
  const walkValue = (value: unknown, type: GraphQLNamedType, sets: readonly SelectionSetNode[], free: boolean) => {
    if (Array.isArray(value)) {
      for (const item of value) walkValue(item, type, sets, free);
      return;
    }
    if (value === null || typeof value !== "object") return;
    if (!free) objects += 1;
    walkObject(value as Record<string, unknown>, type, sets);
  };
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  if (root && data && typeof data === "object") walkObject(data as Record<string, unknown>, root, [operation.selectionSet]);
  const mutationFields = operation.operation === "mutation" ? operation.selectionSet.selections.length : 0;
  return objects + mutationFields * MUTATION_FIELD_COST;
}
