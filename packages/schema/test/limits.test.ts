/**
 * Every list of objects in the schema declares its bound (`listCost`), and the schema refuses to
 * build without one (`assertListsBounded`): the requested cost is then an upper bound of what an
 * operation can return.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLID,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  isLeafType,
  isListType,
  isObjectType,
  type GraphQLFieldConfig,
} from "graphql";
import { describe, expect, it } from "vitest";
import { assertListsBounded, limits, listCost } from "../src/limits.ts";
import { schema } from "../src/schema.ts";

const Item = new GraphQLObjectType({ name: "Item", fields: { id: { type: GraphQLID } } });

/** A field whose Pothos options declare `complexity` (as the builder stores them). */
function field(
  type: GraphQLFieldConfig<unknown, unknown>["type"],
  complexity?: unknown,
): GraphQLFieldConfig<unknown, unknown> {
  return { type, extensions: complexity === undefined ? {} : { pothosOptions: { complexity } } };
}

/** A schema whose Query holds these fields (besides a harmless `ok`). */
function tiny(fields: Record<string, GraphQLFieldConfig<unknown, unknown>>, types: GraphQLObjectType[] = []) {
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString }, ...fields } }),
    types,
  });
}

// What each object of the list costs beside its children (`field`) is held by cost.test.ts (the
// requested cost bounds what a full list returns); here, the multiplier: the bound.
const multiplier = (cost: { multiplier: number }) => cost.multiplier;

describe("listCost", () => {
  it("prices a list by its bound: its children count `bound` times", () => {
    expect(multiplier(listCost(30)({}))).toBe(30);
    expect(multiplier(listCost(1)({ anything: true }))).toBe(1);
    expect(multiplier(listCost(0)({}))).toBe(0);
    expect(listCost(30)({})).toEqual({ field: expect.any(Number), multiplier: 30 });
  });

  it("takes a bound computed from the arguments, never below 0", () => {
    const byIds = listCost((args) => (args.ids as unknown[]).length);
    expect(multiplier(byIds({ ids: [1, 2, 3] }))).toBe(3);
    expect(multiplier(byIds({ ids: [] }))).toBe(0);
    expect(multiplier(listCost(() => -5)({}))).toBe(0);
    expect(multiplier(listCost(-1)({}))).toBe(0);
    for (const cost of [byIds({ ids: [] }), listCost(() => -5)({}), listCost(7)({})])
      expect(cost.field).toBeGreaterThanOrEqual(0);
  });
});

describe("assertListsBounded", () => {
  it("throws naming every list of objects without a listCost, and no other field", () => {
    const bad = tiny({
      items: field(new GraphQLList(Item)),
      strictItems: field(new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Item)))),
      bounded: field(new GraphQLList(Item), listCost(10)),
      names: field(new GraphQLList(GraphQLString)),
      one: field(Item),
    });
    expect(() => assertListsBounded(bad)).toThrow(/listCost/);
    let message = "";
    try {
      assertListsBounded(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("Query.items");
    expect(message).toContain("Query.strictItems");
    for (const fine of ["Query.bounded", "Query.names", "Query.one", "Query.ok"])
      expect(message).not.toContain(fine);
  });

  it("refuses a complexity that was not made by listCost: a plain number, object or function", () => {
    for (const complexity of [5, { field: 1, multiplier: 10 }, () => ({ field: 1, multiplier: 10 })]) {
      expect(() => assertListsBounded(tiny({ items: field(new GraphQLList(Item), complexity) }))).toThrow(
        /Query\.items/,
      );
    }
  });

  it("passes when every list of objects has a listCost, lists of scalars needing none", () => {
    expect(() =>
      assertListsBounded(
        tiny({
          items: field(new GraphQLNonNull(new GraphQLList(Item)), listCost(50)),
          tags: field(new GraphQLList(GraphQLString)),
        }),
      ),
    ).not.toThrow();
  });

  it("checks fields of every object and interface type, not only the root", () => {
    const Owner = new GraphQLObjectType({
      name: "Owner",
      fields: { id: { type: GraphQLID }, items: field(new GraphQLList(Item)) },
    });
    expect(() => assertListsBounded(tiny({ owner: field(Owner) }))).toThrow(/Owner\.items/);
    const Holder = new GraphQLInterfaceType({
      name: "Holder",
      fields: { things: field(new GraphQLList(Item)) },
    });
    const Impl = new GraphQLObjectType({
      name: "Impl",
      interfaces: [Holder],
      fields: { things: field(new GraphQLList(Item), listCost(3)) },
    });
    expect(() => assertListsBounded(tiny({ holder: field(Holder) }, [Impl]))).toThrow(/Holder\.things/);
  });

  it("leaves out a connection's edges (its page size counts), but not its other lists", () => {
    const Edge = new GraphQLObjectType({ name: "ItemEdge", fields: { node: { type: Item } } });
    const Connection = new GraphQLObjectType({
      name: "ItemConnection",
      fields: { edges: field(new GraphQLList(Edge)) },
    });
    expect(() => assertListsBounded(tiny({ page: field(Connection) }))).not.toThrow();
    const Leaky = new GraphQLObjectType({
      name: "LeakyConnection",
      fields: { edges: field(new GraphQLList(Edge)), nodes: field(new GraphQLList(Item)) },
    });
    expect(() => assertListsBounded(tiny({ page: field(Leaky) }))).toThrow(/LeakyConnection\.nodes/);
    // Only a Connection's edges: a field named edges elsewhere needs a bound.
    const Graph = new GraphQLObjectType({ name: "Graph", fields: { edges: field(new GraphQLList(Edge)) } });
    expect(() => assertListsBounded(tiny({ graph: field(Graph) }))).toThrow(/Graph\.edges/);
  });

  it("passes for the real schema, whose every list of objects declares a bound", () => {
    expect(() => assertListsBounded(schema)).not.toThrow();
    // And the real schema has such lists (so the check is not vacuous), each with a listCost.
    const objectLists = Object.values(schema.getTypeMap())
      .filter((t): t is GraphQLObjectType => !t.name.startsWith("__") && isObjectType(t))
      .flatMap((t) => Object.values(t.getFields()).map((f) => ({ type: t.name, f })))
      .filter(({ f }) => isListType(getNullableType(f.type)) && !isLeafType(getNamedType(f.type)))
      .filter(({ type, f }) => !(type.endsWith("Connection") && f.name === "edges"));
    expect(objectLists.length).toBeGreaterThan(20);
    const nodes = schema.getQueryType()!.getFields().nodes!;
    const complexity = (
      nodes.extensions as { pothosOptions?: { complexity?: (args: Record<string, unknown>) => unknown } }
    ).pothosOptions?.complexity;
    expect(complexity?.({ ids: ["a", "b"] })).toMatchObject({ multiplier: 2 });
    expect(complexity?.({ ids: Array.from({ length: 500 }, String) })).toMatchObject({
      multiplier: limits.maxNodeIds,
    });
  });
});
