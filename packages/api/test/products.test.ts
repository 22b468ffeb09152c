import { encodeGlobalID } from "@pothos/plugin-relay";
import { seedWorld } from "@shoppable/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await seedWorld(api.db.prisma, { seed: 7, scale: { products: 240 } });
});
afterAll(() => api?.close());

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $query: String, $filter: ProductFilter, $sortKey: ProductSortKey, $reverse: Boolean) {
  products(first: $first, after: $after, last: $last, before: $before, query: $query, filter: $filter, sortKey: $sortKey, reverse: $reverse) {
    edges { cursor node { id handle title status tags createdAt priceRange { min { amount currencyCode } } shop { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Page = {
  edges: { cursor: string; node: any }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
};

async function page(variables: Record<string, unknown>, as = {}): Promise<Page> {
  return ok(await api.gql<{ products: Page }>(PAGE, variables, as)).products;
}

async function walk(variables: Record<string, unknown>, size = 37): Promise<any[]> {
  const all = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const p = await page({ ...variables, first: size, after });
    all.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  return all;
}

describe("products: pagination", () => {
  it("walks every active product exactly once, newest first, across uneven pages", async () => {
    const active = await api.db.prisma.product.count({ where: { status: "ACTIVE" } });
    const nodes = await walk({});
    expect(nodes).toHaveLength(active);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(active);
    expect(nodes.every((n) => n.status === "ACTIVE")).toBe(true);
    const times = nodes.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("pages backwards with last/before to the same items in the same order", async () => {
    const forward = await page({ first: 30 });
    const middle = forward.edges[20]!.cursor;
    const back = await page({ last: 10, before: middle });
    expect(back.edges.map((e) => e.node.id)).toEqual(forward.edges.slice(10, 20).map((e) => e.node.id));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const start = await page({ last: 10, before: forward.edges[5]!.cursor });
    expect(start.edges.map((e) => e.node.id)).toEqual(forward.edges.slice(0, 5).map((e) => e.node.id));
    expect(start.pageInfo.hasPreviousPage).toBe(false);
  });

  it("keeps cursors stable when products are added between pages: no duplicates, no gaps", async () => {
    const first = await page({ first: 20, sortKey: "PRICE" });
    const shop = await api.db.prisma.shop.findFirstOrThrow({ where: { currencyCode: "USD" } });
    // A new cheap product sorts before the cursor; it must not shift the next page.
    await api.db.prisma.product.create({
      data: {
        shopId: shop.id,
        currencyCode: "USD",
        handle: "late-arrival",
        title: "Late arrival",
        status: "ACTIVE",
        minPrice: 1,
        maxPrice: 1,
      },
    });
    const second = await page({ first: 20, after: first.pageInfo.endCursor, sortKey: "PRICE" });
    const all = await walk({ sortKey: "PRICE" }, 20);
    const expected = all.slice(all.findIndex((n) => n.id === first.edges[19]!.node.id) + 1).slice(0, 20);
    expect(second.edges.map((e) => e.node.id)).toEqual(expected.map((n) => n.id));
  });

  it("returns an empty page with first: 0 and refuses more than 100", async () => {
    expect((await page({ first: 0 })).edges).toEqual([]);
    const tooMany = await api.gql(PAGE, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.errors?.[0]?.message).toContain("100");
  });

  it("refuses malformed cursors and cursors of another ordering", async () => {
    const p = await page({ first: 2, sortKey: "TITLE" });
    for (const after of ["garbage", Buffer.from('{"x":1}').toString("base64url"), p.pageInfo.endCursor]) {
      const res = await api.gql(PAGE, { first: 2, after, sortKey: "PRICE" });
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("products: sorting", () => {
  it.each([
    ["TITLE", (n: any) => n.title, false],
    ["PRICE", (n: any) => Number(n.priceRange.min.amount), false],
  ])("sorts by %s and reverses", async (sortKey, value, _unused) => {
    const shop = await api.db.prisma.shop.findFirstOrThrow({ where: { currencyCode: "EUR" } });
    const filter = { shopId: encodeGlobalID("Shop", shop.id) };
    const asc = await walk({ sortKey, filter });
    const desc = await walk({ sortKey, filter, reverse: true });
    const values = asc.map(value);
    const cmp = (a: any, b: any) => (typeof a === "number" ? a - b : a < b ? -1 : a > b ? 1 : 0);
    expect(values).toEqual([...values].sort(cmp));
    expect(desc.map((n) => n.id)).toEqual(asc.map((n) => n.id).reverse());
  });
});

describe("products: filters and search", () => {
  it("filters by shop, tags, availability and price range", async () => {
    const shop = await api.db.prisma.shop.findFirstOrThrow({
      where: { currencyCode: "USD" },
      orderBy: { handle: "asc" },
    });
    const byShop = await walk({ filter: { shopId: encodeGlobalID("Shop", shop.id) } });
    expect(byShop.length).toBe(
      await api.db.prisma.product.count({ where: { shopId: shop.id, status: "ACTIVE" } }),
    );
    expect(byShop.every((n) => n.shop.id === encodeGlobalID("Shop", shop.id))).toBe(true);

    const tag = (
      await api.db.prisma.product.findFirstOrThrow({ where: { status: "ACTIVE", tags: { isEmpty: false } } })
    ).tags[0]!;
    const tagged = await walk({ filter: { tags: [tag] } });
    expect(tagged.length).toBe(
      await api.db.prisma.product.count({ where: { status: "ACTIVE", tags: { has: tag } } }),
    );

    const soldOut = await walk({ filter: { available: false } });
    expect(soldOut.length).toBe(
      await api.db.prisma.product.count({ where: { status: "ACTIVE", totalInventory: 0 } }),
    );

    const cheap = await walk({ filter: { price: { currencyCode: "USD", min: "10", max: "40.00" } } });
    expect(cheap.length).toBe(
      await api.db.prisma.product.count({
        where: { status: "ACTIVE", currencyCode: "USD", maxPrice: { gte: 1000 }, minPrice: { lte: 4000 } },
      }),
    );
    expect(cheap.every((n) => n.priceRange.min.currencyCode === "USD")).toBe(true);
  });

  it("filters by collection", async () => {
    const link = await api.db.prisma.collectionProduct.findFirstOrThrow({ include: { collection: true } });
    const inCollection = await walk({
      filter: { collectionId: encodeGlobalID("Collection", link.collectionId) },
    });
    const expected = await api.db.prisma.product.count({
      where: { status: "ACTIVE", collections: { some: { collectionId: link.collectionId } } },
    });
    expect(inCollection.length).toBe(expected);
    const viaCollection = ok(
      await api.gql(
        `query($h: String!) { collection(handle: $h) { products(first: 100) { edges { node { id } } } } }`,
        { h: link.collection.handle },
      ),
    );
    expect(viaCollection.collection.products.edges).toHaveLength(expected);
  });

  it("finds products by words of their title, best matches first, and pages through results", async () => {
    const target = await api.db.prisma.product.findFirstOrThrow({
      where: { status: "ACTIVE" },
      orderBy: { title: "asc" },
    });
    const word = target.title.split(/\s+/).find((w) => w.length > 3) ?? target.title;
    const results = await walk({ query: word }, 5);
    expect(results.map((n) => n.id)).toContain(encodeGlobalID("Product", target.id));
    expect(new Set(results.map((n) => n.id)).size).toBe(results.length);
    const nothing = await page({ first: 5, query: "zzzqqqxxyy" });
    expect(nothing.edges).toEqual([]);
  });

  it("answers a malformed filter id with BAD_USER_INPUT, and a price in the wrong format too", async () => {
    expect(
      (await api.gql(PAGE, { first: 1, filter: { shopId: "nope" } })).errors?.[0]?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
    expect(
      (await api.gql(PAGE, { first: 1, filter: { price: { currencyCode: "USD", min: "1.234" } } }))
        .errors?.[0]?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
    expect((await api.gql(PAGE, { first: 1, query: "x".repeat(201) })).errors?.[0]?.extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
  });
});

describe("products: visibility", () => {
  it("shows drafts only to those who manage the shop", async () => {
    const draft = await api.db.prisma.product.findFirstOrThrow({
      where: { status: "DRAFT" },
      include: { shop: { include: { members: { include: { user: true } } } } },
    });
    const owner = draft.shop.members[0]!.user;
    const filter = { shopId: encodeGlobalID("Shop", draft.shopId), status: ["DRAFT"] };
    const asStorefront = await walk({ filter });
    expect(asStorefront.every((n) => n.status === "ACTIVE")).toBe(true);
    const token = await api.token(owner.externalId, owner.roles);
    const asOwner = await page({ first: 100, filter }, { key: "secret", user: token });
    expect(asOwner.edges.map((e) => e.node.id)).toContain(encodeGlobalID("Product", draft.id));
    expect(asOwner.edges.every((e) => e.node.status === "DRAFT")).toBe(true);
  });
});

describe("products: SQL statements", () => {
  const RICH = `query($first: Int!) { products(first: $first) { edges { node {
    id title handle tags priceRange { min { amount currencyCode } max { amount } }
    options { name values }
    variants { id title sku price { amount currencyCode } compareAtPrice { amount } selectedOptions { name value } quantityAvailable availableForSale }
    media { url kind width height alt }
  } } pageInfo { hasNextPage endCursor } } }`;

  it("loads a page of 50 products with variants, options and media in at most 4 statements, and as few for 100", async () => {
    await api.gql(RICH, { first: 1 }); // warm the API key cache: authentication then costs no SQL
    const counts: number[] = [];
    for (const first of [5, 50, 100]) {
      const { result, statements } = await api.db.statementsDuring(() => api.gql(RICH, { first }));
      const data = ok(result);
      expect(data.products.edges).toHaveLength(first);
      expect(data.products.edges.filter((e: any) => e.node.variants.length > 0).length).toBeGreaterThan(
        first / 2,
      );
      counts.push(statements.length);
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(new Set(counts).size).toBe(1);
  });

  it("adds exactly one statement for totalCount", async () => {
    const q = `query { products(first: 10) { totalCount edges { node { id } } } }`;
    await api.gql(q);
    const { result, statements } = await api.db.statementsDuring(() => api.gql(q));
    expect(ok(result).products.totalCount).toBe(
      await api.db.prisma.product.count({ where: { status: "ACTIVE" } }),
    );
    expect(statements).toHaveLength(3);
  });
});

describe("shops and collections", () => {
  it("pages through every shop once, with totalCount, and finds one by handle", async () => {
    const q = `query($after: String) { shops(first: 7, after: $after) { totalCount edges { node { id handle currencyCode } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const page: any = ok(await api.gql(q, { after })).shops;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node.handle));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBe(await api.db.prisma.shop.count());
    expect(new Set(seen).size).toBe(total);
    const handle = seen[3]!;
    const shop = ok(
      await api.gql(
        `query($h: String!) { shop(handle: $h) { handle products(first: 5) { edges { node { shop { handle } } } } collections(first: 50) { totalCount edges { node { handle title } } } } }`,
        { h: handle },
      ),
    ).shop;
    expect(shop.handle).toBe(handle);
    expect(shop.products.edges.every((e: any) => e.node.shop.handle === handle)).toBe(true);
    const row = await api.db.prisma.shop.findUniqueOrThrow({
      where: { handle },
      include: { _count: { select: { collections: true } } },
    });
    expect(shop.collections.totalCount).toBe(row._count.collections);
    expect(ok(await api.gql(`{ shop(handle: "no-such-shop") { id } }`)).shop).toBeNull();
  });

  it("finds a product by handle, and not a draft one from a storefront", async () => {
    const active = await api.db.prisma.product.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const draft = await api.db.prisma.product.findFirstOrThrow({ where: { status: "DRAFT" } });
    const q = `query($h: String!) { product(handle: $h) { id title } }`;
    expect(ok(await api.gql(q, { h: active.handle })).product.title).toBe(active.title);
    expect(ok(await api.gql(q, { h: draft.handle })).product).toBeNull();
    const both = await api.gql(`query($id: ID!, $h: String!) { product(id: $id, handle: $h) { id } }`, {
      id: encodeGlobalID("Product", active.id),
      h: active.handle,
    });
    expect(both.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
