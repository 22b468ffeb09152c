/**
 * Turns the operation documents (src/operations/<domain>/<name>.graphql, one operation each)
 * into src/generated/operations.ts: a compact string per operation (insignificant whitespace
 * stripped), every fragment once in `fragmentSource` (the client appends to an operation the
 * fragments it spreads, so shared fragments are not repeated in the bundle), and the typed,
 * documented `ShoppableOperations` interface that `createShoppableClient` implements
 * (`client.products(vars)`, `client.cartLinesAdd(input)`, `client.cartUpdated(vars)` for
 * subscriptions).
 *
 * Rules, checked here so that a wrong document fails `pnpm generate`:
 *   - each file holds exactly one named operation selecting exactly one root field, unaliased;
 *   - the file is named after that root field (cartLinesAdd.graphql selects `cartLinesAdd`);
 *   - fragments live in src/operations/fragments/ and have unique names.
 * A mutation whose only variable is `$input` takes the input itself as its first argument.
 * When such a mutation has the conventional shape `mutation Name($input: NameInput!) { name(input:
 * $input) {…} }` (Name = the field, capitalised) only its root field's selection is stored (kind
 * 3) and the client rebuilds the rest: the core bundle carries each mutation's name once.
 */
import {
  Kind,
  buildSchema,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type OperationDefinitionNode,
} from "graphql";

export interface OperationSource {
  /** Path shown in errors. */
  path: string;
  /** File name without `.graphql`. */
  name: string;
  text: string;
}

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);
const kindSuffix = { query: "Query", mutation: "Mutation", subscription: "Subscription" } as const;

function fragmentSpreads(node: DefinitionNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

function docComment(text: string | null | undefined, indent: string): string {
  const lines = (text ?? "").trim().split("\n").filter(Boolean);
  return [
    `${indent}/**`,
    ...lines.map((line) => `${indent} * ${line.replace(/\*\//g, "*\\/")}`),
    `${indent} */`,
  ].join("\n");
}

/**
 * Queries whose arguments are alternatives the schema cannot express (every one is nullable):
 * their function takes exactly one of them, so `product({})` does not compile.
 */
const EXACTLY_ONE: Record<string, readonly string[] | undefined> = { product: ["id", "handle"] };

/**
 * Results more precise than the schema says: a JSON scalar whose shape the API defines.
 */
const RESULT_TYPES: Record<string, string | undefined> = {
  viewerDataExport: `Omit<T.ViewerDataExportMutation["viewerDataExport"], "data"> & { data: ViewerDataExport | null }`,
};

/** Returns the source of src/generated/operations.ts. */
export function clientFunctionsSource(
  schemaSdl: string,
  operations: OperationSource[],
  fragmentFiles: OperationSource[],
): string {
  const schema = buildSchema(schemaSdl);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of fragmentFiles) {
    for (const definition of parse(file.text).definitions) {
      if (definition.kind !== Kind.FRAGMENT_DEFINITION)
        throw new Error(`${file.path}: only fragments belong in fragments/`);
      if (fragments.has(definition.name.value))
        throw new Error(`${file.path}: fragment ${definition.name.value} is defined twice`);
      fragments.set(definition.name.value, definition);
    }
  }

  const usedFragments = new Set<string>();
  const members: string[] = [];
  const table: string[] = [];
  for (const file of [...operations].sort((a, b) => a.name.localeCompare(b.name))) {
    const definitions = parse(file.text).definitions;
    const operation = definitions[0] as OperationDefinitionNode | undefined;
    if (definitions.length !== 1 || operation?.kind !== Kind.OPERATION_DEFINITION || !operation.name) {
      throw new Error(`${file.path}: a file holds exactly one named operation (fragments go in fragments/)`);
    }
    const fields = operation.selectionSet.selections;
    const field = fields[0];
    if (fields.length !== 1 || field?.kind !== Kind.FIELD || field.alias) {
      throw new Error(`${file.path}: an operation selects exactly one root field, without an alias`);
    }
    const fieldName = field.name.value;
    if (fieldName !== file.name)
      throw new Error(`${file.path}: the file must be named ${fieldName}.graphql after its root field`);
    const rootType =
      operation.operation === "query"
        ? schema.getQueryType()
        : operation.operation === "mutation"
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    const schemaField: GraphQLField<unknown, unknown> | undefined = rootType?.getFields()[fieldName];
    if (!schemaField)
      throw new Error(`${file.path}: ${operation.operation} field ${fieldName} is not in the schema`);

    // The operation followed by every fragment it uses, transitively, each once.
    const used = new Set<string>();
    const pending = fragmentSpreads(operation);
    while (pending.length) {
      const name = pending.pop()!;
      if (used.has(name)) continue;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`${file.path}: unknown fragment ${name}`);
      used.add(name);
      pending.push(...fragmentSpreads(fragment));
    }
    for (const name of used) usedFragments.add(name);
    // The operation alone: the client appends the fragments it spreads (see `fragmentSource`).
    const text = stripIgnoredCharacters(print(operation));

    const typeName = `${pascal(operation.name.value)}${kindSuffix[operation.operation]}`;
    const resultType = `T.${typeName}`;
    const variablesType = `T.${typeName}Variables`;
    const variables = operation.variableDefinitions ?? [];
    const takesInput =
      operation.operation === "mutation" &&
      variables.length === 1 &&
      variables[0]!.variable.name.value === "input";
    const required = variables.some((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue);
    const optional = required ? "" : "?";
    const oneOf = EXACTLY_ONE[fieldName];
    const parameter = takesInput
      ? `input${optional}: ${variablesType}["input"]`
      : oneOf
        ? `variables: ExactlyOne<${variablesType}, ${oneOf.map((name) => JSON.stringify(name)).join(" | ")}>`
        : `variables${optional}: ${variablesType}`;
    const result = RESULT_TYPES[fieldName] ?? `${resultType}[${JSON.stringify(fieldName)}]`;
    const returns =
      operation.operation === "subscription" ? `ShoppableSubscription<${result}>` : `Promise<${result}>`;
    const options = operation.operation === "subscription" ? "" : ", options?: RequestOptions";
    const description =
      (schemaField.description ?? `The \`${fieldName}\` ${operation.operation}.`) +
      (operation.operation === "mutation"
        ? "\nResolves to the payload; expected failures are in its `userErrors`, never thrown."
        : "") +
      (operation.operation === "subscription"
        ? "\nEach value is the subscription's field; `dispose()` stops it."
        : "") +
      `\nDocument: src/operations/${file.path.split("src/operations/")[1] ?? file.name}. @throws ShoppableNetworkError, ShoppableGraphQLError, ShoppableAuthError`;

    members.push(`${docComment(description, "  ")}\n  ${fieldName}(${parameter}${options}): ${returns};`);
    const conventional = `mutation ${pascal(fieldName)}($input:${pascal(fieldName)}Input!){${fieldName}(input:$input)`;
    const compact = takesInput && text.startsWith(conventional) && text.endsWith("}");
    const kind = operation.operation === "subscription" ? 2 : compact ? 3 : takesInput ? 1 : 0;
    // The text inline (no named constant per document): a few bytes less per operation in the bundle.
    const stored = compact ? text.slice(conventional.length, -1) : text;
    table.push(`  ${fieldName}: [${JSON.stringify(stored)}, ${kind}],`);
  }

  return [
    "// Generated by `pnpm generate` (packages/sdk/scripts/generate.ts) from src/operations/**/*.graphql.",
    "// Do not edit: add or change a .graphql document and run `pnpm generate`.",
    'import type * as T from "./graphql.ts";',
    'import type { ExactlyOne, RequestOptions, ShoppableSubscription, ViewerDataExport } from "../types.ts";',
    "",
    "/**",
    " * Every fragment an operation spreads, each once, by name: the client appends to each",
    " * operation the fragments it spreads, transitively (stored once, the core bundle is smaller).",
    " */",
    "export const fragmentSource: Record<string, string | undefined> = {",
    ...[...usedFragments]
      .sort()
      .map((name) => `  ${name}: ${JSON.stringify(stripIgnoredCharacters(print(fragments.get(name)!)))},`),
    "};",
    "",
    "/** One typed function per operation in src/operations/. */",
    "export interface ShoppableOperations {",
    ...members,
    "}",
    "",
    "/**",
    " * How the client calls each operation: its text (without its fragments) and 0 (variables),",
    " * 1 (`input`), 2 (subscription) or 3 (`input`, stored as the root field's selection only: the",
    " * client rebuilds `mutation Name($input:NameInput!){name(input:$input)…}`). Internal: the",
    " * package exports only `ShoppableOperations`.",
    " */",
    "export const operationTable: Record<keyof ShoppableOperations, readonly [string, 0 | 1 | 2 | 3]> = {",
    ...table,
    "};",
    "",
  ].join("\n");
}
