import { describe, expect, it } from "vitest";
import { clientFunctionsSource } from "./client-functions.ts";

const schema = `
  """A cart."""
  type Cart { id: ID! }
  type Query { """A cart by id.""" cart(id: ID!): Cart }
  input CartCreateInput { note: String }
  type CartCreatePayload { cart: Cart }
  type Mutation { cartCreate(input: CartCreateInput): CartCreatePayload! }
  type Subscription { """The cart as it changes.""" cartUpdated(cartId: ID!): Cart! }
`;
const fragments = [
  { path: "src/operations/fragments/cart.graphql", name: "cart", text: "fragment CartFields on Cart { id }" },
];
const op = (name: string, text: string) => ({ path: `src/operations/cart/${name}.graphql`, name, text });

describe("client functions generator", () => {
  const source = clientFunctionsSource(
    schema,
    [
      op("cart", "query Cart($id: ID!) { cart(id: $id) { ...CartFields } }"),
      op(
        "cartCreate",
        "mutation CartCreate($input: CartCreateInput) { cartCreate(input: $input) { cart { id } } }",
      ),
      op(
        "cartUpdated",
        "subscription CartUpdated($cartId: ID!) { cartUpdated(cartId: $cartId) { ...CartFields } }",
      ),
    ],
    fragments,
  );

  it("emits each operation compact and each fragment it uses once", () => {
    expect(source).toContain('  cart: ["query Cart($id:ID!){cart(id:$id){...CartFields}}", 0],');
    expect(source).toContain('  CartFields: "fragment CartFields on Cart{id}",');
    expect(source.match(/fragment CartFields/g)).toHaveLength(1);
  });

  it("types queries by their variables, mutations by their input, subscriptions as ShoppableSubscription", () => {
    expect(source).toContain(
      'cart(variables: T.CartQueryVariables, options?: RequestOptions): Promise<T.CartQuery["cart"]>;',
    );
    expect(source).toContain(
      'cartCreate(input?: T.CartCreateMutationVariables["input"], options?: RequestOptions): Promise<T.CartCreateMutation["cartCreate"]>;',
    );
    expect(source).toContain(
      'cartUpdated(variables: T.CartUpdatedSubscriptionVariables): ShoppableSubscription<T.CartUpdatedSubscription["cartUpdated"]>;',
    );
    expect(source).toMatch(/ {2}cartUpdated: \[".*", 2\],/);
    expect(source).toMatch(/ {2}cartCreate: \[".*", 1\],/);
  });

  it("stores a conventional input mutation as its root field's selection only (kind 3), others whole", () => {
    const withRequiredInput = `${schema}
      input CartNoteUpdateInput { note: String! }
      extend type Mutation { cartNoteUpdate(input: CartNoteUpdateInput!): CartCreatePayload! }`;
    const compact = clientFunctionsSource(
      withRequiredInput,
      [
        op(
          "cartNoteUpdate",
          "mutation CartNoteUpdate($input: CartNoteUpdateInput!) { cartNoteUpdate(input: $input) { cart { ...CartFields } } }",
        ),
      ],
      fragments,
    );
    expect(compact).toContain('  cartNoteUpdate: ["{cart{...CartFields}}", 3],');
    expect(compact).toContain(
      'cartNoteUpdate(input: T.CartNoteUpdateMutationVariables["input"], options?: RequestOptions)',
    );
    // Another operation name, or an optional input, keeps the whole text.
    const renamed = clientFunctionsSource(
      withRequiredInput,
      [
        op(
          "cartNoteUpdate",
          "mutation SetNote($input: CartNoteUpdateInput!) { cartNoteUpdate(input: $input) { cart { id } } }",
        ),
      ],
      fragments,
    );
    expect(renamed).toContain(
      '  cartNoteUpdate: ["mutation SetNote($input:CartNoteUpdateInput!){cartNoteUpdate(input:$input){cart{id}}}", 1],',
    );
    expect(source).toContain(
      '  cartCreate: ["mutation CartCreate($input:CartCreateInput){cartCreate(input:$input){cart{id}}}", 1],',
    );
  });

  it("documents each function with the schema field's description", () => {
    expect(source).toMatch(/\/\*\*\n {3}\* The cart as it changes\./);
  });

  it("refuses a file not named after its root field", () => {
    expect(() =>
      clientFunctionsSource(
        schema,
        [op("carts", "query Cart($id: ID!) { cart(id: $id) { id } }")],
        fragments,
      ),
    ).toThrow(/named cart\.graphql/);
  });

  it("refuses two root fields, aliases and fields missing from the schema", () => {
    expect(() =>
      clientFunctionsSource(
        schema,
        [op("cart", "query Cart { cart(id: 1) { id } other: cart(id: 2) { id } }")],
        fragments,
      ),
    ).toThrow(/exactly one root field/);
    expect(() =>
      clientFunctionsSource(schema, [op("cart", "query Cart { c: cart(id: 1) { id } }")], fragments),
    ).toThrow(/without an alias/);
    expect(() =>
      clientFunctionsSource(schema, [op("carts", "query Carts { carts { id } }")], fragments),
    ).toThrow(/not in the schema/);
  });

  it("refuses an unknown fragment", () => {
    expect(() =>
      clientFunctionsSource(schema, [op("cart", "query Cart { cart(id: 1) { ...Nope } }")], fragments),
    ).toThrow(/unknown fragment Nope/);
  });
});
