/**
 * The SDK against the real API over HTTP: catalog and identity operations, typed userErrors,
 * `request` with the caller's own documents, and the error classes.
 */
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ShoppableAuthError,
  ShoppableGraphQLError,
  ShoppableNetworkError,
  createShoppableClient,
  type ShoppableClient,
  type TypedDocument,
} from "../src/index.ts";
import { ShopDocument } from "../src/generated/graphql.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
let merchant: ShoppableClient;
let storefront: ShoppableClient;
let shopId: string;

beforeAll(async () => {
  live = await startLiveApi();
  merchant = live.client({ key: "secret", userToken: await live.api.token("sdk-merchant", ["MERCHANT"]) });
  storefront = live.client();
  const created = await merchant.shopCreate({ handle: "sdk-shop", name: "SDK Shop", currencyCode: "EUR" });
  expect(created.userErrors).toEqual([]);
  shopId = created.shop!.id;
});
afterAll(() => live.close());

describe("catalog operations", () => {
  it("productCreate, product, products, shop, shops, productUpdate, inventoryAdjust and productArchive work through named functions", async () => {
    const created = await merchant.productCreate({
      shopId,
      title: "Linen Shirt",
      handle: "linen-shirt",
      status: "ACTIVE",
      tags: ["linen"],
      options: [{ name: "Size", values: ["S", "M"] }],
      variants: [
        {
          price: "49.00",
          sku: "LS-S",
          inventoryQuantity: 3,
          selectedOptions: [{ name: "Size", value: "S" }],
        },
        {
          price: "52.50",
          sku: "LS-M",
          inventoryQuantity: 0,
          selectedOptions: [{ name: "Size", value: "M" }],
        },
      ],
    });
    expect(created.userErrors).toEqual([]);
    const product = created.product!;
    expect(product.priceRange.min).toEqual({ amount: "49.00", currencyCode: "EUR" });
    expect(product.variants.map((v) => [v.sku, v.quantityAvailable])).toEqual([
      ["LS-S", 3],
      ["LS-M", 0],
    ]);

    expect((await storefront.product({ handle: "linen-shirt" }))?.id).toBe(product.id);
    const page = await storefront.products({ query: "linen", first: 5 });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]!.node.title).toBe("Linen Shirt");
    expect(page.pageInfo.hasNextPage).toBe(false);

    const shop = await storefront.shop({ handle: "sdk-shop" });
    expect(shop?.products.edges.map((e) => e.node.handle)).toEqual(["linen-shirt"]);
    expect((await storefront.shops({ first: 10 })).edges.map((e) => e.node.handle)).toContain("sdk-shop");
    expect((await merchant.shopUpdate({ id: shopId, description: "Made of linen" })).shop?.description).toBe(
      "Made of linen",
    );

    const updated = await merchant.productUpdate({ id: product.id, title: "Linen Shirt II" });
    expect(updated.product?.title).toBe("Linen Shirt II");

    const adjusted = await merchant.inventoryAdjust({
      variantId: product.variants[1]!.id,
      delta: 4,
      expectedQuantity: 0,
    });
    expect(adjusted.userErrors).toEqual([]);
    expect(adjusted.variant?.quantityAvailable).toBe(4);
    expect(adjusted.variant?.product.totalInventory).toBe(7);

    const archived = await merchant.productArchive({ id: product.id });
    expect(archived.product?.status).toBe("ARCHIVED");
    expect(await storefront.product({ id: product.id })).toBeNull();
  });

  it("productOptionsCreate, productOptionUpdate, productVariantsCreate, productVariantsDelete and productOptionsDelete manage a product's options and variants", async () => {
    const created = await merchant.productCreate({
      shopId,
      title: "Canvas Bag",
      handle: "canvas-bag",
      status: "ACTIVE",
      variants: [{ price: "30.00", sku: "BAG", inventoryQuantity: 2 }],
    });
    const product = { id: created.product?.id ?? "" };
    const withColor = await merchant.productOptionsCreate({
      productId: product.id,
      options: [{ name: "Color", values: ["Sand", "Olive"] }],
    });
    expect(withColor.userErrors).toEqual([]);
    expect(withColor.product?.variants.map((v) => v.title)).toEqual(["Sand"]);
    const color = { id: withColor.product?.options[0]?.id ?? "" };

    const added = await merchant.productVariantsCreate({
      productId: product.id,
      variants: [
        {
          price: "32.00",
          sku: "BAG-O",
          inventoryQuantity: 1,
          selectedOptions: [{ name: "Color", value: "Olive" }],
        },
        { price: "34.00", selectedOptions: [{ name: "Color", value: "Black" }] },
      ],
    });
    expect(added.userErrors).toEqual([]);
    expect(added.variants?.map((v) => [v.title, v.sku])).toEqual([
      ["Olive", "BAG-O"],
      ["Black", null],
    ]);
    expect(added.product?.options[0]?.values).toEqual(["Sand", "Olive", "Black"]);
    const duplicate = await merchant.productVariantsCreate({
      productId: product.id,
      variants: [{ price: "1.00", selectedOptions: [{ name: "Color", value: "Olive" }] }],
    });
    expect(duplicate.userErrors.map((e) => e.code)).toEqual(["DUPLICATE_VARIANT"]);

    const renamed = await merchant.productOptionUpdate({
      productId: product.id,
      optionId: color.id,
      name: "Colour",
      values: [{ name: "Khaki", currentName: "Olive" }, { name: "Sand" }, { name: "Black" }],
    });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.product?.variants.map((v) => v.title)).toEqual(["Sand", "Khaki", "Black"]);

    const black = added.variants?.[1]?.id ?? "";
    const deleted = await merchant.productVariantsDelete({ productId: product.id, variantIds: [black] });
    expect(deleted.deletedVariantIds).toEqual([black]);
    expect(deleted.product?.priceRange.max.amount).toBe("32.00");
    const refused = await merchant.productOptionsDelete({ productId: product.id, optionIds: [color.id] });
    expect(refused.userErrors.map((e) => e.code)).toEqual(["DUPLICATE_VARIANT"]);
    expect(refused.deletedOptionIds).toBeNull();
    const last = await merchant.productVariantsDelete({
      productId: product.id,
      variantIds: deleted.product?.variants.map((v) => v.id) ?? [],
    });
    expect(last.userErrors.map((e) => e.code)).toEqual(["LAST_VARIANT"]);
  });

  it("returns expected failures as typed userErrors, not exceptions", async () => {
    const result = await merchant.shopCreate({ handle: "sdk-shop", name: "Again", currencyCode: "EUR" });
    expect(result.shop).toBeNull();
    expect(result.userErrors).toEqual([expect.objectContaining({ code: "TAKEN", field: ["handle"] })]);
  });

  it("collection is null for an unknown handle", async () => {
    expect(await storefront.collection({ handle: "no-such-collection" })).toBeNull();
  });
});

describe("identity", () => {
  it("viewer reports the key kind and the user of a token given as a function, read on every request", async () => {
    let token: string | undefined;
    const client = live.client({ userToken: () => token });
    expect((await client.viewer()).user).toBeNull();
    token = await live.api.token("sdk-buyer", ["BUYER"]);
    const viewer = await client.viewer();
    expect(viewer.apiKey.kind).toBe("PUBLISHABLE");
    expect(viewer.user?.handle).toBeTruthy();
    expect(viewer.roles).toEqual(["BUYER"]);
  });

  it("node and nodes resolve global ids to typed objects", async () => {
    const node = await storefront.node({ id: shopId });
    expect(node?.__typename).toBe("Shop");
    if (node?.__typename === "Shop") expect(node.handle).toBe("sdk-shop");
    const nodes = await storefront.nodes({
      ids: [shopId, Buffer.from("Shop:00000000-0000-4000-8000-000000000000").toString("base64")],
    });
    expect(nodes.map((n) => n?.id ?? null)).toEqual([shopId, null]);
  });
});

describe("request with the caller's own documents", () => {
  it("runs a typed string document", async () => {
    const ShopName = "query ShopName($handle: String!) { shop(handle: $handle) { name } }" as TypedDocument<
      { shop: { name: string } | null },
      { handle: string }
    >;
    expect(await storefront.request(ShopName, { handle: "sdk-shop" })).toEqual({
      shop: { name: "SDK Shop" },
    });
  });

  it("runs a codegen TypedDocumentString (client preset, string mode)", async () => {
    const result = await storefront.request(ShopDocument, { handle: "sdk-shop", productsFirst: 1 });
    expect(result.shop?.name).toBe("SDK Shop");
  });

  it("runs a parsed DocumentNode (as gql.tada and graphql-tag make) from its source text", async () => {
    const document = parse('query { shop(handle: "sdk-shop") { handle } }');
    expect(await storefront.request(document)).toEqual({ shop: { handle: "sdk-shop" } });
  });

  it("refuses a DocumentNode without source text unless `print` is given", async () => {
    const bare = { kind: "Document", definitions: [{ kind: "OperationDefinition" }] };
    await expect(storefront.request(bare as never)).rejects.toThrow(TypeError);
    const printing = live.client({ print: () => "{ viewer { roles } }" });
    expect(await printing.request(bare as never)).toEqual({ viewer: { roles: [] } });
  });
});

describe("errors", () => {
  it("an unknown API key is a ShoppableAuthError UNAUTHENTICATED with status 401", async () => {
    const client = createShoppableClient({ url: live.url, apiKey: "shp_pk_unknown" });
    const error = await client.viewer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableAuthError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
  });

  it("a publishable key managing a shop is a ShoppableAuthError FORBIDDEN", async () => {
    const error = await storefront
      .shopCreate({ handle: "nope", name: "Nope", currencyCode: "EUR" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableAuthError);
    expect((error as ShoppableAuthError).code).toBe("FORBIDDEN");
  });

  it("a malformed cursor is a ShoppableGraphQLError BAD_USER_INPUT, not an auth error", async () => {
    const error = await storefront.products({ first: 2, after: "not-a-cursor" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableGraphQLError);
    expect(error).not.toBeInstanceOf(ShoppableAuthError);
    expect((error as ShoppableGraphQLError).code).toBe("BAD_USER_INPUT");
  });

  it("an unreachable API is a ShoppableNetworkError with the cause", async () => {
    const client = createShoppableClient({
      url: "http://127.0.0.1:9/graphql",
      apiKey: "k",
      requestRetry: false,
    });
    const error = await client.viewer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableNetworkError);
    expect((error as ShoppableNetworkError).cause).toBeDefined();
  });

  it("a response that is not GraphQL is a ShoppableNetworkError with its status", async () => {
    const client = createShoppableClient({
      url: live.url,
      apiKey: "k",
      requestRetry: false,
      fetch: async () => new Response("<html>Bad gateway</html>", { status: 502 }),
    });
    const error = await client.viewer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableNetworkError);
    expect((error as ShoppableNetworkError).status).toBe(502);
  });
});
