import { describe, expect, it } from "vitest";
import { breakingChanges } from "./schema-evolution.ts";

const released = `
  type Query {
    product(id: ID, handle: String): Product
    products(first: Int): [Product!]!
  }
  type Product {
    id: ID!
    title: String!
    legacyName: String @deprecated(reason: "Use title.")
    vendor: String
    status: ProductStatus!
  }
  enum ProductStatus { ACTIVE DRAFT ARCHIVED }
`;

const messages = async (current: string) => (await breakingChanges(released, current)).map((c) => c.path);

describe("breakingChanges against the released schema", () => {
  it("allows additions and the removal of what was deprecated", async () => {
    const current = released
      .replace('    legacyName: String @deprecated(reason: "Use title.")\n', "")
      .replace("vendor: String", "vendor: String\n    tags: [String!]!")
      .replace("products(first: Int)", "products(first: Int, query: String)");
    expect(await messages(current)).toEqual([]);
  });

  it("refuses removing a field that was not deprecated, and an enum value", async () => {
    expect(await messages(released.replace("    vendor: String\n", ""))).toEqual(["Product.vendor"]);
    expect(await messages(released.replace(" ARCHIVED", ""))).toEqual(["ProductStatus.ARCHIVED"]);
  });

  it("refuses a new required argument and a field's type changed incompatibly", async () => {
    expect(await messages(released.replace("products(first: Int)", "products(first: Int!)"))).toEqual([
      "Query.products.first",
    ]);
    expect(await messages(released.replace("title: String!", "title: Int!"))).toEqual(["Product.title"]);
  });

  it("holds the current schema to the released one (what pnpm check runs)", async () => {
    const { readFileSync } = await import("node:fs");
    const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
    expect(await breakingChanges(read("../released/schema.graphql"), read("../schema.graphql"))).toEqual([]);
  });
});
