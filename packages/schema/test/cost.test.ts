/**
 * The cost model (cost.ts): `resultCost` counts the objects a result returned by walking it along
 * the operation's selections (aliases, fragments, @skip/@include, connections' edges and page
 * info free, JSON values nothing, 10 per mutation root field); `operationCost`, the requested
 * cost, bounds it from above.
 */
import { getOperationAST, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import type { Context } from "../src/context.ts";
import { MUTATION_FIELD_COST, operationCost, resultCost } from "../src/cost.ts";

/** The parsed document and its (only or named) operation. */
function op(query: string, name?: string) {
  const document = parse(query);
  const operation = getOperationAST(document, name) as OperationDefinitionNode;
  return { document, operation };
}

const actual = (query: string, data: unknown, variables: Record<string, unknown> = {}, name?: string) => {
  const { document, operation } = op(query, name);
  return resultCost(data, document, operation, variables);
};
const requested = (query: string, variables: Record<string, unknown> = {}, name?: string) => {
  const { document, operation } = op(query, name);
  return operationCost(document, operation, variables, {} as Context);
};

const variant = (id: string, options: number) => ({
  id,
  price: { amount: "1.00" },
  selectedOptions: Array.from({ length: options }, (_, i) => ({ name: `o${i}`, value: "v" })),
});

describe("resultCost", () => {
  it("counts one per object returned, scalars nothing, a connection's edges and page info free", () => {
    const query = `{ products(first: 2) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id title shop { id name } variants { id price { amount } selectedOptions { name value } } } }
    } }`;
    const data = {
      products: {
        totalCount: 2,
        pageInfo: { hasNextPage: false, endCursor: "c2" },
        edges: [
          {
            cursor: "c1",
            node: {
              id: "p1",
              title: "One",
              shop: { id: "s", name: "S" },
              variants: [variant("v1", 1), variant("v2", 1)],
            },
          },
          {
            cursor: "c2",
            node: { id: "p2", title: "Two", shop: { id: "s", name: "S" }, variants: [variant("v3", 0)] },
          },
        ],
      },
    };
    // The connection 1; per node: itself, its shop, its variants with their price and options.
    expect(actual(query, data)).toBe(1 + (1 + 1 + 2 * (1 + 1 + 1)) + (1 + 1 + 1 * (1 + 1 + 0)));
    expect(
      actual(query, {
        products: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
      }),
    ).toBe(1);
  });

  it("counts nothing for null or absent values and for an empty result", () => {
    const query = `{ product(handle: "a") { id shop { id } } cart(id: "x") { id } }`;
    expect(actual(query, { product: { id: "p", shop: null }, cart: null })).toBe(1);
    expect(actual(query, { product: null })).toBe(0);
    expect(actual(query, null)).toBe(0);
    expect(actual(query, undefined)).toBe(0);
  });

  it("counts each alias of a field, and ignores keys of the result no selection asked for", () => {
    const query = `{ a: product(handle: "a") { id shop { id } } b: product(handle: "b") { id } }`;
    expect(actual(query, { a: { id: "p1", shop: { id: "s" } }, b: { id: "p2" } })).toBe(3);
    // Keys nothing selected (as a careless transport might leave) are not objects of the answer.
    expect(
      actual(query, {
        a: { id: "p1", shop: { id: "s" }, variants: [{ id: "v" }, { id: "w" }] },
        b: { id: "p2", shop: { id: "s" } },
        extra: { id: "x" },
      }),
    ).toBe(3);
    // An alias named like another field is still the field it aliases: `shop` here is the product's variants.
    expect(
      actual(`{ product(handle: "a") { shop: variants { id } } }`, {
        product: { shop: [{ id: "v1" }, { id: "v2" }] },
      }),
    ).toBe(3);
  });

  it("follows named fragments and inline fragments, nested, and a field selected in several of them once", () => {
    const query = `
      query { product(handle: "a") { ...Head ... on Product { variants { id ...Priced } } shop { name } } }
      fragment Head on Product { id shop { id } }
      fragment Priced on ProductVariant { price { amount } ... on ProductVariant { selectedOptions { name } } }`;
    const data = {
      product: { id: "p", shop: { id: "s", name: "S" }, variants: [variant("v1", 2), variant("v2", 1)] },
    };
    // product, shop (selected twice, one object), 2 variants, 2 prices, 3 options.
    expect(actual(query, data)).toBe(1 + 1 + 2 + 2 + 3);
  });

  it("leaves out what @skip and @include leave out, by literal or variable", () => {
    const query = `query($withShop: Boolean!, $noVariants: Boolean!) {
      product(handle: "a") {
        id
        shop @include(if: $withShop) { id }
        variants @skip(if: $noVariants) { id }
        ... @include(if: $withShop) { options { id } }
        ...Media @skip(if: $noVariants)
        collections: media @include(if: false) { id }
      }
    }
    fragment Media on Product { media { id } }`;
    const data = {
      product: {
        id: "p",
        shop: { id: "s" },
        variants: [{ id: "v1" }, { id: "v2" }],
        options: [{ id: "o" }],
        media: [{ id: "m" }],
        collections: [{ id: "m" }],
      },
    };
    expect(actual(query, data, { withShop: true, noVariants: false })).toBe(1 + 1 + 2 + 1 + 1);
    expect(actual(query, data, { withShop: false, noVariants: false })).toBe(1 + 2 + 1);
    expect(actual(query, data, { withShop: true, noVariants: true })).toBe(1 + 1 + 1);
    expect(actual(query, data, { withShop: false, noVariants: true })).toBe(1);
  });

  it("counts a JSON value as nothing, however many objects it holds", () => {
    const exported = {
      orders: [{ id: "o1", lines: [{ id: "l1" }, { id: "l2" }] }],
      likes: Array.from({ length: 50 }, (_, i) => ({ postId: `p${i}` })),
      profile: { handle: "h" },
    };
    const mutation = `mutation { viewerDataExport { data userErrors { code } } }`;
    expect(actual(mutation, { viewerDataExport: { data: exported, userErrors: [] } })).toBe(
      1 + MUTATION_FIELD_COST,
    );
    const query = `query($id: ID!) { node(id: $id) { id ... on WebhookDelivery { payload status } } }`;
    expect(
      actual(
        query,
        {
          node: {
            id: "d",
            payload: { order: { id: "o", lines: [{ id: "l" }] }, shop: { id: "s" } },
            status: "PENDING",
          },
        },
        { id: "d" },
      ),
    ).toBe(1);
  });

  it("walks objects of an interface by the fields of the types that implement it", () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Product { shop { id } } ... on Cart { lines { id variant { id } } } } }`;
    const data = {
      nodes: [
        { id: "p", shop: { id: "s" } },
        null,
        {
          id: "c",
          lines: [
            { id: "l1", variant: { id: "v" } },
            { id: "l2", variant: null },
          ],
        },
      ],
    };
    expect(actual(query, data, { ids: ["p", "x", "c"] })).toBe(1 + 1 + 0 + 1 + 2 + 1);
  });

  it("adds 10 per root field of a mutation, even when it returned nothing", () => {
    const mutation = `mutation { a: cartCreate(input: {}) { cart { id lines { id } } userErrors { code } } b: cartCreate(input: {}) { cart { id } } }`;
    const data = { a: { cart: { id: "c1", lines: [] }, userErrors: [{ code: "X" }] }, b: { cart: null } };
    expect(MUTATION_FIELD_COST).toBe(10);
    // Payload a, its cart, its user error; payload b; and the surcharge per root field.
    expect(actual(mutation, data)).toBe(1 + 1 + 1 + 1 + 2 * 10);
    expect(actual(mutation, null)).toBe(2 * 10);
    // Queries have none.
    expect(actual(`{ viewer { id } }`, { viewer: { id: "v" } })).toBe(1);
  });

  it("prices the operation asked for by name, not the document's first", () => {
    const document = `query One { cart(id: "c") { id } } mutation Two { cartCreate(input: {}) { cart { id } } }`;
    expect(actual(document, { cartCreate: { cart: { id: "c" } } }, {}, "Two")).toBe(2 + 10);
    expect(requested(document, {}, "Two")).toBeGreaterThanOrEqual(2 + 10);
    expect(requested(document, {}, "One")).toBe(1);
  });
});

describe("operationCost bounds resultCost", () => {
  const variants = (n: number, options: number) =>
    Array.from({ length: n }, (_, i) => variant(`v${i}`, options));

  it("prices a connection by its page size: each node 1, its edges and page info free", () => {
    expect(requested(`{ products(first: 5) { pageInfo { hasNextPage endCursor } totalCount } }`)).toBe(1);
    expect(requested(`{ products(first: 5) { edges { cursor node { id } } } }`)).toBe(1 + 5);
    expect(
      requested(`{ products(first: 5) { edges { node { id shop { id } } } pageInfo { hasNextPage } } }`),
    ).toBe(1 + 5 * 2);
    expect(requested(`{ products { edges { node { id } } } }`)).toBe(1 + 20);
  });

  it("prices a list of objects by its bound, each object of it included: a product's 100 variants with their 3 options", () => {
    const query = `{ product(handle: "a") { id variants { id price { amount } selectedOptions { name } } } }`;
    const largest = { product: { id: "p", variants: variants(100, 3) } };
    expect(actual(query, largest)).toBe(1 + 100 * (1 + 1 + 3));
    expect(requested(query)).toBeGreaterThanOrEqual(actual(query, largest));
    // Objects with nothing but scalars under them count too: 100 variants are 100 objects.
    const ids = `{ product(handle: "a") { variants { id } } }`;
    expect(actual(ids, { product: { variants: variants(100, 0).map(({ id }) => ({ id })) } })).toBe(101);
    expect(requested(ids)).toBeGreaterThanOrEqual(101);
  });

  it.each([
    [
      "a full page of products with their variants and shop",
      `{ products(first: 100) { pageInfo { hasNextPage } edges { node { id shop { id } variants { id price { amount } } } } } }`,
      {},
      {
        products: {
          pageInfo: { hasNextPage: true },
          edges: Array.from({ length: 100 }, (_, i) => ({
            node: { id: `p${i}`, shop: { id: "s" }, variants: variants(100, 0) },
          })),
        },
      },
    ],
    [
      "nodes with as many ids as asked for",
      `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Product { shop { id } media { id } } } }`,
      { ids: Array.from({ length: 40 }, (_, i) => `p${i}`) },
      {
        nodes: Array.from({ length: 40 }, (_, i) => ({
          id: `p${i}`,
          shop: { id: "s" },
          media: Array.from({ length: 50 }, (_, j) => ({ id: `m${j}` })),
        })),
      },
    ],
    [
      "a mutation whose payload lists a full cart and the most user errors",
      `mutation { cartCreate(input: {}) { cart { id lines { id variant { id } } } userErrors { code field } } }`,
      {},
      {
        cartCreate: {
          cart: {
            id: "c",
            lines: Array.from({ length: 100 }, (_, i) => ({ id: `l${i}`, variant: { id: "v" } })),
          },
          userErrors: Array.from({ length: 20 }, () => ({ code: "X", field: ["a"] })),
        },
      },
    ],
    [
      "a live session's 30 pinned products",
      `query($id: ID!) { liveSession(id: $id) { id pinnedProducts { id product { id } variant { id } livePrice { amount } } } }`,
      { id: "s" },
      {
        liveSession: {
          id: "s",
          pinnedProducts: Array.from({ length: 30 }, (_, i) => ({
            id: `pin${i}`,
            product: { id: "p" },
            variant: { id: "v" },
            livePrice: { amount: "1.00" },
          })),
        },
      },
    ],
    [
      "an order's 10 refunds of 100 lines each",
      `query($id: ID!) { order(id: $id) { id refunds { amount { amount } lines { quantity amount { amount } } } } }`,
      { id: "o" },
      {
        order: {
          id: "o",
          refunds: Array.from({ length: 10 }, () => ({
            amount: { amount: "1" },
            lines: Array.from({ length: 100 }, () => ({ quantity: 1, amount: { amount: "1" } })),
          })),
        },
      },
    ],
  ])("holds for %s", (_what, query, variables, data) => {
    const cost = actual(query, data, variables);
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(requested(query, variables));
  });

  it("grows the requested cost of nodes(ids:) with the number of ids, up to 100, enough for every id's object", () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Product { shop { id } } } }`;
    const ids = (n: number) => ({ ids: Array.from({ length: n }, (_, i) => `id${i}`) });
    const full = (n: number) => ({
      nodes: Array.from({ length: n }, (_, i) => ({ id: `id${i}`, shop: { id: "s" } })),
    });
    const costs = [1, 2, 50, 100].map((n) => requested(query, ids(n)));
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(new Set(costs).size).toBe(4);
    expect(costs[3]! - costs[2]!).toBeGreaterThanOrEqual(50);
    for (const n of [1, 2, 50, 100])
      expect(requested(query, ids(n))).toBeGreaterThanOrEqual(actual(query, full(n), ids(n)));
    // More than 100 ids is refused before anything is priced or run.
    expect(() => requested(query, ids(101))).toThrow(/100/);
  });

  it("counts a field @include-d by a variable's default value, as execution returns it", () => {
    const query = `query($withShop: Boolean = true) { product(handle: "a") { id shop @include(if: $withShop) { id } } }`;
    const data = { product: { id: "p", shop: { id: "s" } } };
    expect(actual(query, data, { withShop: true })).toBe(2);
    expect(actual(query, data, {})).toBe(2);
  });

  it("prices a page size given by a variable's default value, as execution uses it", () => {
    const query = `query($n: Int = 100) { products(first: $n) { edges { node { id } } } }`;
    expect(requested(query, { n: 100 })).toBe(101);
    expect(requested(query, {})).toBe(101);
  });

  it("collects an object's fields for its own type: a fragment on another type sharing a key does not hide them", () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Cart { lines { cost { total { amount } } } } ... on Order { lines { total { amount } } } } }`;
    const order = { lines: [{ total: { amount: "1.00" } }, { total: { amount: "2.00" } }] };
    const cart = { lines: [{ cost: { total: { amount: "1.00" } } }] };
    // The order, its 2 lines and their totals: 5; the cart, its line, the line's cost and total: 4.
    expect(actual(query, { nodes: [order] }, { ids: ["a"] })).toBe(5);
    expect(actual(query, { nodes: [cart, order] }, { ids: ["a", "b"] })).toBe(9);
  });

  it("counts an alias naming different fields on different types by the object's __typename", () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Product { x: shop { id } } ... on Post { x: author { id } } } }`;
    const data = {
      nodes: [
        { __typename: "Product", x: { id: "s" } },
        { __typename: "Post", x: { id: "u" } },
      ],
    };
    expect(actual(query, data, { ids: ["a", "b"] })).toBe(4);
    expect(requested(query, { ids: ["a", "b"] })).toBeGreaterThanOrEqual(4);
  });
});
