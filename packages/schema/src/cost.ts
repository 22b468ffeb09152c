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
  isLeafType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLAbstractType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type InlineFragmentNode,
  type NamedTypeNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Context } from "./context.ts";
import { schema } from "./schema.ts";

/** What each root mutation field adds: writes cost more than the objects they return. */
export const MUTATION_FIELD_COST = 10;

/** The requested cost of `operation` (one operation of `document`) with these variables. */
export function operationCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  ctx: Context,
): number {
  // Only the chosen operation and the fragments: the complexity helper reads the first operation.
  const only: DocumentNode = {
    ...document,
    definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation),
  };
  const { complexity } = complexityFromQuery(only, {
    schema,
    ctx,
    variables, // the complexity helper applies the variables' defaults itself
  });
  const mutationFields = operation.operation === "mutation" ? operation.selectionSet.selections.length : 0;
  return complexity + mutationFields * MUTATION_FIELD_COST;
}

/**
 * The variables as execution sees them: defaults applied where a variable was not given (the
 * raw ones would price `first: $n` with `$n: Int = 100` at the default page size, and miss an
 * `@include(if: $v)` whose `$v` defaults to true). Invalid variables are left as they are:
 * execution refuses them before anything runs.
 */
function withDefaults(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  if (!operation.variableDefinitions?.some((d) => d.defaultValue)) return variables;
  const { coerced } = getVariableValues(schema, operation.variableDefinitions, variables);
  return coerced ?? variables;
}

interface Collected {
  name: string;
  sets: SelectionSetNode[];
}

/** A field of an object whose value may hold objects (leaf fields cost nothing and are left out). */
interface ObjectChild {
  key: string;
  type: GraphQLNamedType;
  sets: readonly SelectionSetNode[];
  /** A connection's edges and page info are free. */
  free: boolean;
}

/**
 * The cost of what a result returned, by the same model as the requested cost: one per object
 * in `data` (scalars, enums and JSON values nothing; a connection's edges and page info free),
 * plus the mutation surcharge. The result is walked along the operation's selections as
 * execution collected them for each object's type, so a JSON value is never mistaken for an
 * object and a fragment counts only on the types it applies to. The requested cost bounds it.
 */
export function resultCost(
  data: unknown,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
): number {
  const variables = withDefaults(operation, rawVariables);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode) => {
    for (const directive of node.directives ?? []) {
      const name = directive.name.value;
      if (name !== "skip" && name !== "include") continue;
      const arg = directive.arguments?.find((a) => a.name.value === "if");
      if (!arg) continue;
      const value =
        arg.value.kind === Kind.VARIABLE
          ? variables[arg.value.name.value]
          : arg.value.kind === Kind.BOOLEAN
            ? arg.value.value
            : undefined;
      if (name === "skip" && value === true) return false;
      if (name === "include" && value !== true) return false;
    }
    return true;
  };
  const applies = (condition: NamedTypeNode | undefined, type: GraphQLObjectType) => {
    if (!condition || condition.name.value === type.name) return true;
    const conditionType = schema.getType(condition.name.value);
    return (
      conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type)
    );
  };
  // CollectFields as execution does it: the fields under these selection sets for an object of
  // `type`, by response key, in order (fields sharing a key on one type share its name).
  const cache = new Map<string, WeakMap<readonly SelectionSetNode[], Map<string, Collected>>>();
  const collect = (sets: readonly SelectionSetNode[], type: GraphQLObjectType) => {
    let byType = cache.get(type.name);
    if (!byType) cache.set(type.name, (byType = new WeakMap()));
    const cached = byType.get(sets);
    if (cached) return cached;
    const found = new Map<string, Collected>();
    const visit = (set: SelectionSetNode, seen: Set<string>) => {
      for (const selection of set.selections) {
        if (!included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          let entry = found.get(key);
          if (!entry) found.set(key, (entry = { name: selection.name.value, sets: [] }));
          if (selection.selectionSet) entry.sets.push(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition, type)) visit(selection.selectionSet, seen);
        } else if (!seen.has(selection.name.value)) {
          const fragment = fragments.get(selection.name.value);
          if (fragment && applies(fragment.typeCondition, type))
            visit(fragment.selectionSet, new Set(seen).add(selection.name.value));
        }
      }
    };
    for (const set of sets) visit(set, new Set());
    byType.set(sets, found);
    return found;
  };
  // Per type and selection sets, the fields whose values may hold objects, worked out once.
  const childCache = new Map<string, WeakMap<readonly SelectionSetNode[], ObjectChild[]>>();
  const objectChildren = (type: GraphQLObjectType, sets: readonly SelectionSetNode[]): ObjectChild[] => {
    let byType = childCache.get(type.name);
    if (!byType) childCache.set(type.name, (byType = new WeakMap()));
    let children = byType.get(sets);
    if (children) return children;
    children = [];
    const fields = type.getFields();
    const connection = type.name.endsWith("Connection");
    for (const [key, { name, sets: childSets }] of collect(sets, type)) {
      const field = fields[name];
      if (!field) continue;
      const childType = getNamedType(field.type);
      if (isLeafType(childType)) continue;
      children.push({
        key,
        type: childType,
        sets: childSets,
        free: connection && (name === "edges" || name === "pageInfo"),
      });
    }
    byType.set(sets, children);
    return children;
  };
  const objectCost = (
    value: Record<string, unknown>,
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
  ): number => {
    let cost = 0;
    for (const child of objectChildren(type, sets)) {
      const childValue = value[child.key];
      if (childValue === null || childValue === undefined) continue;
      cost += valueCost(childValue, child.type, child.sets, child.free);
    }
    return cost;
  };
  // The type of an object of an interface or union type: its __typename when selected, else the
  // possible types whose collected keys are exactly the object's (execution answers with those);
  // when several fit (fragments alike on them), the most costly reading.
  const abstractCost = (
    value: Record<string, unknown>,
    type: GraphQLAbstractType,
    sets: readonly SelectionSetNode[],
  ): number => {
    const keys = Object.keys(value);
    const possible = schema.getPossibleTypes(type);
    const named = possible.filter((t) => {
      const fields = collect(sets, t);
      return keys.some((k) => fields.get(k)?.name === "__typename" && value[k] === t.name);
    });
    const fitting = named.length
      ? named
      : possible.filter((t) => {
          const fields = collect(sets, t);
          return fields.size === keys.length && keys.every((k) => fields.has(k));
        });
    let cost = 0;
    for (const t of fitting.length ? fitting : possible) cost = Math.max(cost, objectCost(value, t, sets));
    return cost;
  };
  const valueCost = (
    value: unknown,
    type: GraphQLNamedType,
    sets: readonly SelectionSetNode[],
    free: boolean,
  ): number => {
    if (Array.isArray(value)) {
      let sum = 0;
      for (const item of value) sum += valueCost(item, type, sets, free);
      return sum;
    }
    if (value === null || typeof value !== "object") return 0;
    const object = value as Record<string, unknown>;
    const inner = isObjectType(type)
      ? objectCost(object, type, sets)
      : isAbstractType(type)
        ? abstractCost(object, type, sets)
        : 0;
    return (free ? 0 : 1) + inner;
  };
  const root =
    operation.operation === "mutation"
      ? schema.getMutationType()
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const objects =
    root && data && typeof data === "object"
      ? objectCost(data as Record<string, unknown>, root, [operation.selectionSet])
      : 0;
  const mutationFields = operation.operation === "mutation" ? operation.selectionSet.selections.length : 0;
  return objects + mutationFields * MUTATION_FIELD_COST;
}
