import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
let merchant: string;
let otherMerchant: string;
let buyer: string;

beforeAll(async () => {
  api = await startTestApi();
  merchant = await api.token("merchant-a", ["MERCHANT"]);
  otherMerchant = await api.token("merchant-b", ["MERCHANT"]);
  buyer = await api.token("buyer-a", ["BUYER"]);
});
afterAll(() => api?.close());

const SHOP_CREATE = `mutation($input: ShopCreateInput!) {
  shopCreate(input: $input) { shop { id handle name currencyCode } userErrors { code field message } }
}`;
const PRODUCT_CREATE = `mutation($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product {
      id handle title status
      options { name values }
      variants { id title sku price { amount currencyCode } compareAtPrice { amount } selectedOptions { name value } quantityAvailable }
      media { kind url position }
      priceRange { min { amount currencyCode } max { amount } }
    }
    userErrors { code field message }
  }
}`;
const asMerchant = { key: "secret", user: "" } as { key: string; user: string };

async function createShop(handle: string, token = merchant, currencyCode = "EUR") {
  const res = ok(
    await api.gql(
      SHOP_CREATE,
      { input: { handle, name: `Shop ${handle}`, currencyCode } },
      { key: "secret", user: token },
    ),
  );
  expect(res.shopCreate.userErrors).toEqual([]);
  return res.shopCreate.shop.id as string;
}

function tee(shopId: string, overrides: Record<string, unknown> = {}) {
  return {
    shopId,
    title: "Organic Cotton Tee",
    status: "ACTIVE",
    tags: ["cotton", "summer"],
    options: [
      { name: "Size", values: ["S", "M"] },
      { name: "Color", values: ["Black", "White"] },
    ],
    variants: [
      {
        price: "19.50",
        compareAtPrice: "25",
        sku: "TEE-S-B",
        selectedOptions: [
          { name: "Size", value: "S" },
          { name: "Color", value: "Black" },
        ],
        inventoryQuantity: 5,
      },
      {
        price: "21.00",
        sku: "TEE-M-W",
        selectedOptions: [
          { name: "Size", value: "M" },
          { name: "Color", value: "White" },
        ],
        inventoryQuantity: 0,
      },
    ],
    media: [
      { url: "/media/tee-front.jpg", alt: "Front" },
      { kind: "VIDEO", url: "https://cdn.example.test/tee.mp4", durationMs: 8000 },
    ],
    ...overrides,
  };
}

async function counts() {
  const p = api.db.prisma;
  return {
    shops: await p.shop.count(),
    products: await p.product.count(),
    variants: await p.productVariant.count(),
    media: await p.productMedia.count(),
  };
}

describe("shopCreate", () => {
  it("creates a shop whose creating merchant becomes its owner", async () => {
    const id = await createShop("acme");
    const viewer = ok(
      await api.gql(`{ viewer { shops { id handle } } }`, {}, { key: "secret", user: merchant }),
    );
    expect(viewer.viewer.shops).toEqual([{ id, handle: "acme" }]);
  });

  it("returns TAKEN for a used handle and writes nothing", async () => {
    const before = await counts();
    const res = ok(
      await api.gql(
        SHOP_CREATE,
        { input: { handle: "acme", name: "Again", currencyCode: "EUR" } },
        { key: "secret", user: otherMerchant },
      ),
    );
    expect(res.shopCreate).toEqual({
      shop: null,
      userErrors: [{ code: "TAKEN", field: ["handle"], message: expect.any(String) }],
    });
    expect(await counts()).toEqual(before);
  });

  it("answers bad input with typed userErrors: unknown currency, blank name, bad handle", async () => {
    const before = await counts();
    const res = ok(
      await api.gql(
        SHOP_CREATE,
        { input: { handle: "Not A Handle!", name: "  ", currencyCode: "EURO" } },
        { key: "secret", user: merchant },
      ),
    );
    const errors = res.shopCreate.userErrors.map((e: { code: string; field: string[] }) => [
      e.code,
      e.field.join("."),
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ["INVALID", "handle"],
        ["BLANK", "name"],
        ["UNKNOWN_CURRENCY", "currencyCode"],
      ]),
    );
    expect(res.shopCreate.shop).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it("is FORBIDDEN with a publishable key or for a buyer", async () => {
    const input = { handle: "nope", name: "Nope", currencyCode: "EUR" };
    const publishable = await api.gql(SHOP_CREATE, { input }, { key: "publishable", user: merchant });
    expect(publishable.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const asBuyer = await api.gql(SHOP_CREATE, { input }, { key: "secret", user: buyer });
    expect(asBuyer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await api.db.prisma.shop.count({ where: { handle: "nope" } })).toBe(0);
  });
});

describe("shopUpdate", () => {
  it("lets the owner rename the shop and forbids another merchant", async () => {
    const id = await createShop("rename-me");
    const m = `mutation($input: ShopUpdateInput!) { shopUpdate(input: $input) { shop { name } userErrors { code field } } }`;
    expect(
      ok(await api.gql(m, { input: { id, name: "Renamed" } }, { key: "secret", user: merchant })).shopUpdate,
    ).toEqual({ shop: { name: "Renamed" }, userErrors: [] });
    const other = await api.gql(m, { input: { id, name: "Stolen" } }, { key: "secret", user: otherMerchant });
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await api.db.prisma.shop.findFirstOrThrow({ where: { handle: "rename-me" } })).name).toBe(
      "Renamed",
    );
  });

  it("keeps the currency of a shop that has products (CURRENCY_LOCKED)", async () => {
    const id = await createShop("locked");
    ok(
      await api.gql(
        PRODUCT_CREATE,
        { input: tee(id, { handle: "locked-tee" }) },
        { key: "secret", user: merchant },
      ),
    );
    const m = `mutation($input: ShopUpdateInput!) { shopUpdate(input: $input) { shop { currencyCode } userErrors { code field } } }`;
    const res = ok(
      await api.gql(m, { input: { id, currencyCode: "USD" } }, { key: "secret", user: merchant }),
    );
    expect(res.shopUpdate).toEqual({
      shop: null,
      userErrors: [{ code: "CURRENCY_LOCKED", field: ["currencyCode"] }],
    });
  });
});

describe("productCreate", () => {
  let shopId: string;
  beforeAll(async () => {
    shopId = await createShop("tees");
  });

  it("creates a product with options, variants, media and Money prices", async () => {
    const res = ok(await api.gql(PRODUCT_CREATE, { input: tee(shopId) }, { key: "secret", user: merchant }));
    expect(res.productCreate.userErrors).toEqual([]);
    const p = res.productCreate.product;
    expect(p.handle).toBe("organic-cotton-tee");
    expect(p.options).toEqual([
      { name: "Size", values: ["S", "M"] },
      { name: "Color", values: ["Black", "White"] },
    ]);
    expect(p.variants.map((v: any) => [v.title, v.price, v.compareAtPrice, v.quantityAvailable])).toEqual([
      ["S / Black", { amount: "19.50", currencyCode: "EUR" }, { amount: "25.00" }, 5],
      ["M / White", { amount: "21.00", currencyCode: "EUR" }, null, 0],
    ]);
    expect(p.priceRange).toEqual({ min: { amount: "19.50", currencyCode: "EUR" }, max: { amount: "21.00" } });
    expect(p.media.map((m: any) => [m.kind, m.position])).toEqual([
      ["IMAGE", 0],
      ["VIDEO", 1],
    ]);
    const row = await api.db.prisma.product.findFirstOrThrow({ where: { handle: "organic-cotton-tee" } });
    expect([row.minPrice, row.maxPrice, row.totalInventory, row.currencyCode]).toEqual([
      1950,
      2100,
      5,
      "EUR",
    ]);
  });

  it("suffixes a handle made from a title that is taken, and refuses a given taken handle", async () => {
    const again = ok(
      await api.gql(PRODUCT_CREATE, { input: tee(shopId) }, { key: "secret", user: merchant }),
    );
    expect(again.productCreate.product.handle).toMatch(/^organic-cotton-tee-[a-z0-9]+$/);
    const before = await counts();
    const taken = ok(
      await api.gql(
        PRODUCT_CREATE,
        { input: tee(shopId, { handle: "organic-cotton-tee" }) },
        { key: "secret", user: merchant },
      ),
    );
    expect(taken.productCreate.userErrors).toEqual([
      { code: "TAKEN", field: ["handle"], message: expect.any(String) },
    ]);
    expect(await counts()).toEqual(before);
  });

  it.each(
    [
      ["a negative price", { variants: [{ price: "-1.00" }] }, "LESS_THAN_MINIMUM", "variants.0.price"],
      ["a price with too many decimals", { variants: [{ price: "1.999" }] }, "INVALID", "variants.0.price"],
      ["a price that is not a number", { variants: [{ price: "12,50" }] }, "INVALID", "variants.0.price"],
      [
        "an absurd price",
        { variants: [{ price: "999999999999" }] },
        "GREATER_THAN_MAXIMUM",
        "variants.0.price",
      ],
      [
        "a negative stock",
        { variants: [{ price: "1", inventoryQuantity: -3 }] },
        "LESS_THAN_MINIMUM",
        "variants.0.inventoryQuantity",
      ],
      ["a blank title", { title: "   " }, "BLANK", "title"],
      ["an overlong title", { title: "x".repeat(300) }, "TOO_LONG", "title"],
      ["no variants", { variants: [] }, "TOO_SHORT", "variants"],
      [
        "101 variants",
        { options: [], variants: Array.from({ length: 101 }, () => ({ price: "1" })) },
        "TOO_LONG",
        "variants",
      ],
      ["a malformed shop id", { shopId: "garbage" }, "INVALID_ID", "shopId"],
      [
        "an id of another type",
        { shopId: encodeGlobalID("Product", "0190a000-0000-7000-8000-000000000000") },
        "INVALID_ID",
        "shopId",
      ],
      [
        "an unknown shop",
        { shopId: encodeGlobalID("Shop", "0190a000-0000-7000-8000-000000000000") },
        "NOT_FOUND",
        "shopId",
      ],
      ["a javascript: media url", { media: [{ url: "javascript:alert(1)" }] }, "INVALID", "media.0.url"],
    ].map(([name, overrides, code, field]) => ({ name, overrides, code, field })) as {
      name: string;
      overrides: Record<string, unknown>;
      code: string;
      field: string;
    }[],
  )("answers $name with $code and writes nothing", async ({ overrides, code, field }) => {
    const before = await counts();
    const input = { ...tee(shopId), options: [], ...overrides } as Record<string, any>;
    if (!("options" in overrides) && input.variants?.length) {
      input.variants = input.variants.map((v: object) => ({ selectedOptions: [], ...v }));
    }
    const res = ok(await api.gql(PRODUCT_CREATE, { input }, { key: "secret", user: merchant }));
    expect(res.productCreate.product).toBeNull();
    expect(res.productCreate.userErrors).toContainEqual({
      code,
      field: field.split("."),
      message: expect.any(String),
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses an option that lists a value twice (DUPLICATE_OPTION_VALUE)", async () => {
    const before = await counts();
    const input = tee(shopId, {
      options: [{ name: "Size", values: ["S", "S"] }],
      variants: [{ price: "1", selectedOptions: [{ name: "Size", value: "S" }] }],
    });
    const res = ok(await api.gql(PRODUCT_CREATE, { input }, { key: "secret", user: merchant }));
    expect(res.productCreate.userErrors[0]).toMatchObject({
      code: "DUPLICATE_OPTION_VALUE",
      field: ["options", "0", "values"],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses variants that do not match the options, or repeat each other", async () => {
    const before = await counts();
    const badOption = tee(shopId, {
      variants: [
        {
          price: "1",
          selectedOptions: [
            { name: "Size", value: "XL" },
            { name: "Color", value: "Black" },
          ],
        },
      ],
    });
    const r1 = ok(await api.gql(PRODUCT_CREATE, { input: badOption }, { key: "secret", user: merchant }));
    expect(r1.productCreate.userErrors[0]).toMatchObject({
      code: "INVALID_VARIANT_OPTIONS",
      field: ["variants", "0", "selectedOptions"],
    });
    const sel = [
      { name: "Size", value: "S" },
      { name: "Color", value: "Black" },
    ];
    const twice = tee(shopId, {
      variants: [
        { price: "1", selectedOptions: sel },
        { price: "2", selectedOptions: sel },
      ],
    });
    const r2 = ok(await api.gql(PRODUCT_CREATE, { input: twice }, { key: "secret", user: merchant }));
    expect(r2.productCreate.userErrors[0]).toMatchObject({
      code: "DUPLICATE_VARIANT",
      field: ["variants", "1", "selectedOptions"],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a 10 MB request body before parsing it, writing nothing", async () => {
    const before = await counts();
    const res = await api.gql(
      PRODUCT_CREATE,
      { input: tee(shopId, { title: "x".repeat(10 * 1024 * 1024) }) },
      { key: "secret", user: merchant },
    );
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await counts()).toEqual(before);
  });

  it("is FORBIDDEN in another merchant's shop and for a publishable key", async () => {
    const before = await counts();
    const other = await api.gql(
      PRODUCT_CREATE,
      { input: tee(shopId) },
      { key: "secret", user: otherMerchant },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const publishable = await api.gql(
      PRODUCT_CREATE,
      { input: tee(shopId) },
      { key: "publishable", user: merchant },
    );
    expect(publishable.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
  });

  it("lets the platform (secret key without a user) and admins manage any shop", async () => {
    const platform = ok(
      await api.gql(PRODUCT_CREATE, { input: tee(shopId, { handle: "by-platform" }) }, { key: "secret" }),
    );
    expect(platform.productCreate.userErrors).toEqual([]);
    const admin = await api.token("admin-1", ["ADMIN"]);
    const byAdmin = ok(
      await api.gql(
        PRODUCT_CREATE,
        { input: tee(shopId, { handle: "by-admin" }) },
        { key: "secret", user: admin },
      ),
    );
    expect(byAdmin.productCreate.userErrors).toEqual([]);
  });
});

describe("productUpdate and productArchive", () => {
  let shopId: string;
  let productId: string;
  let variantIds: string[];
  beforeAll(async () => {
    shopId = await createShop("updates");
    const res = ok(
      await api.gql(
        PRODUCT_CREATE,
        { input: tee(shopId, { handle: "update-me" }) },
        { key: "secret", user: merchant },
      ),
    );
    productId = res.productCreate.product.id;
    variantIds = res.productCreate.product.variants.map((v: { id: string }) => v.id);
  });
  const UPDATE = `mutation($input: ProductUpdateInput!) { productUpdate(input: $input) {
    product { title tags status priceRange { min { amount } max { amount } } variants { price { amount } compareAtPrice { amount } sku } media { url } }
    userErrors { code field } } }`;

  it("updates fields, replaces media and reprices variants, keeping the price range right", async () => {
    const input = {
      id: productId,
      title: "Better Tee",
      tags: ["b", "a", "b"],
      media: [{ url: "/media/new.jpg" }],
      variants: [
        { id: variantIds[0], price: "30.00", compareAtPrice: null },
        { id: variantIds[1], sku: "NEW-SKU" },
      ],
    };
    const res = ok(await api.gql(UPDATE, { input }, { key: "secret", user: merchant }));
    expect(res.productUpdate.userErrors).toEqual([]);
    expect(res.productUpdate.product).toMatchObject({
      title: "Better Tee",
      tags: ["b", "a"],
      priceRange: { min: { amount: "21.00" }, max: { amount: "30.00" } },
      variants: [
        { price: { amount: "30.00" }, compareAtPrice: null, sku: "TEE-S-B" },
        { price: { amount: "21.00" }, compareAtPrice: null, sku: "NEW-SKU" },
      ],
      media: [{ url: "/media/new.jpg" }],
    });
  });

  it("refuses a variant of another product as NOT_FOUND", async () => {
    const other = ok(
      await api.gql(
        PRODUCT_CREATE,
        { input: tee(shopId, { handle: "other-tee" }) },
        { key: "secret", user: merchant },
      ),
    );
    const foreign = other.productCreate.product.variants[0].id;
    const res = ok(
      await api.gql(
        UPDATE,
        { input: { id: productId, variants: [{ id: foreign, price: "1.00" }] } },
        { key: "secret", user: merchant },
      ),
    );
    expect(res.productUpdate.userErrors).toEqual([{ code: "NOT_FOUND", field: ["variants", "0", "id"] }]);
  });

  it("archives a product: storefronts stop seeing it, its merchant still does, and it only changes back through its status", async () => {
    const ARCHIVE = `mutation($id: ID!) { productArchive(input: { id: $id }) { product { status } userErrors { code } } }`;
    expect(
      ok(await api.gql(ARCHIVE, { id: productId }, { key: "secret", user: merchant })).productArchive,
    ).toEqual({ product: { status: "ARCHIVED" }, userErrors: [] });
    const q = `query($id: ID!) { product(id: $id) { title } }`;
    expect(ok(await api.gql(q, { id: productId })).product).toBeNull();
    expect(ok(await api.gql(q, { id: productId }, { key: "secret", user: merchant })).product).toEqual({
      title: "Better Tee",
    });
    const nodeAsStorefront = await api.gql(`query($id: ID!) { node(id: $id) { ... on Product { title } } }`, {
      id: productId,
    });
    expect(nodeAsStorefront.data?.node ?? null).toBeNull();
    const edit = ok(
      await api.gql(UPDATE, { input: { id: productId, title: "Nope" } }, { key: "secret", user: merchant }),
    );
    expect(edit.productUpdate.userErrors).toEqual([{ code: "PRODUCT_ARCHIVED", field: ["status"] }]);
    const restore = ok(
      await api.gql(
        UPDATE,
        { input: { id: productId, status: "ACTIVE" } },
        { key: "secret", user: merchant },
      ),
    );
    expect(restore.productUpdate.product.status).toBe("ACTIVE");
  });
});

describe("inventoryAdjust", () => {
  let variantId: string;
  let productRowId: string;
  beforeAll(async () => {
    const shopId = await createShop("stock");
    const res = ok(
      await api.gql(
        PRODUCT_CREATE,
        { input: tee(shopId, { handle: "stocked" }) },
        { key: "secret", user: merchant },
      ),
    );
    variantId = res.productCreate.product.variants[0].id;
    productRowId = (await api.db.prisma.product.findFirstOrThrow({ where: { handle: "stocked" } })).id;
  });
  const ADJUST = `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { variant { quantityAvailable } userErrors { code field message } } }`;
  const adjust = (input: object) =>
    api.gql(ADJUST, { input: { variantId, ...input } }, { key: "secret", user: merchant });

  it("adds and removes stock and keeps an audit trail", async () => {
    expect(ok(await adjust({ delta: 10, reason: "restock" })).inventoryAdjust).toEqual({
      variant: { quantityAvailable: 15 },
      userErrors: [],
    });
    expect(ok(await adjust({ delta: -3 })).inventoryAdjust.variant.quantityAvailable).toBe(12);
    const trail = await api.db.prisma.inventoryAdjustment.findMany({
      where: { variantId: decodeGlobalID(variantId).id },
      orderBy: { createdAt: "asc" },
      select: { delta: true, quantityAfter: true, reason: true },
    });
    expect(trail).toEqual([
      { delta: 5, quantityAfter: 5, reason: "initial stock" },
      { delta: 10, quantityAfter: 15, reason: "restock" },
      { delta: -3, quantityAfter: 12, reason: "correction" },
    ]);
  });

  it("compare-and-set: applies with the right expected quantity, INVENTORY_MISMATCH otherwise", async () => {
    expect(
      ok(await adjust({ delta: 1, expectedQuantity: 12 })).inventoryAdjust.variant.quantityAvailable,
    ).toBe(13);
    const stale = ok(await adjust({ delta: 1, expectedQuantity: 12 })).inventoryAdjust;
    expect(stale.variant).toBeNull();
    expect(stale.userErrors[0]).toMatchObject({ code: "INVENTORY_MISMATCH", field: ["expectedQuantity"] });
    expect(stale.userErrors[0].message).toContain("13");
  });

  it("never goes below zero (INSUFFICIENT_INVENTORY) and refuses a zero delta", async () => {
    const res = ok(await adjust({ delta: -1000 })).inventoryAdjust;
    expect(res.userErrors[0]).toMatchObject({ code: "INSUFFICIENT_INVENTORY", field: ["delta"] });
    expect(ok(await adjust({ delta: 0 })).inventoryAdjust.userErrors[0]).toMatchObject({
      code: "INVALID",
      field: ["delta"],
    });
    expect(
      (
        await api.db.prisma.productVariant.findFirstOrThrow({
          where: { sku: "TEE-S-B", productId: productRowId },
        })
      ).inventoryQuantity,
    ).toBe(13);
  });

  it("stays exact under 30 concurrent adjustments, with the product's total in step", async () => {
    const start = (
      await api.db.prisma.productVariant.findFirstOrThrow({
        where: { productId: productRowId, sku: "TEE-S-B" },
      })
    ).inventoryQuantity;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => adjust({ delta: i % 3 === 0 ? -1 : 2 })),
    );
    for (const r of results) expect(ok(r).inventoryAdjust.userErrors).toEqual([]);
    const expected = start + 10 * -1 + 20 * 2;
    const variant = await api.db.prisma.productVariant.findFirstOrThrow({
      where: { productId: productRowId, sku: "TEE-S-B" },
    });
    expect(variant.inventoryQuantity).toBe(expected);
    const product = await api.db.prisma.product.findUniqueOrThrow({ where: { id: productRowId } });
    const sum = await api.db.prisma.productVariant.aggregate({
      where: { productId: productRowId },
      _sum: { inventoryQuantity: true },
    });
    expect(product.totalInventory).toBe(sum._sum.inventoryQuantity);
  });

  it("lets concurrent compare-and-set writers win exactly once", async () => {
    const current = (
      await api.db.prisma.productVariant.findFirstOrThrow({
        where: { productId: productRowId, sku: "TEE-S-B" },
      })
    ).inventoryQuantity;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => adjust({ delta: 5, expectedQuantity: current })),
    );
    const winners = results.filter((r) => ok(r).inventoryAdjust.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    expect(
      (
        await api.db.prisma.productVariant.findFirstOrThrow({
          where: { productId: productRowId, sku: "TEE-S-B" },
        })
      ).inventoryQuantity,
    ).toBe(current + 5);
  });
});
