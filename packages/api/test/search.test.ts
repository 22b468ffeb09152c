// Search: typo-tolerant `products(query)` ("cottn" finds cotton), facets with counts on a products
// page and the filters that take them (vendors, product types, option values, price ranges,
// availability), and `predictiveSearch` across products, shops, creators, hashtags and posts,
// with the hashtag counts the database keeps and the statements it costs.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
let shopId: string;
let otherShopId: string;
let creatorId: string;

interface Fixture {
  title: string;
  vendor: string;
  productType: string;
  tags?: string[];
  /** Variants: [color, size, price in cents, stock]. */
  variants: [string, string, number, number][];
  status?: "ACTIVE" | "DRAFT";
  shop?: "other";
}

const FIXTURES: Fixture[] = [
  {
    title: "Organic Cotton Tee",
    vendor: "Northwind",
    productType: "Shirts",
    tags: ["summer"],
    variants: [
      ["Red", "M", 1500, 3],
      ["Blue", "L", 1500, 0],
    ],
  },
  {
    title: "Canvas Sneakers",
    vendor: "Stride",
    productType: "Shoes",
    variants: [
      ["White", "42", 6000, 5],
      ["Red", "43", 6000, 2],
    ],
  },
  {
    title: "Fleece Hoodie",
    vendor: "Northwind",
    productType: "Sweaters",
    variants: [
      ["Blue", "M", 4500, 0],
      ["Grey", "L", 4500, 0],
    ],
  },
  {
    title: "Leather Belt",
    vendor: "Tannery",
    productType: "Accessories",
    variants: [["Brown", "M", 3000, 9]],
  },
  {
    title: "Cotton Hoodie Dress",
    vendor: "Stride",
    productType: "Dresses",
    variants: [["Red", "S", 12000, 1]],
  },
  {
    title: "Draft Cotton Scarf",
    vendor: "Northwind",
    productType: "Scarves",
    variants: [["Red", "M", 900, 4]],
    status: "DRAFT",
  },
  {
    title: "Cotton Socks",
    vendor: "Elsewhere",
    productType: "Socks",
    variants: [["Red", "M", 500, 4]],
    shop: "other",
  },
];

const products = new Map<string, string>();

async function createProduct(f: Fixture): Promise<string> {
  const prices = f.variants.map((v) => v[2]);
  const product = await api.db.prisma.product.create({
    data: {
      shopId: f.shop === "other" ? otherShopId : shopId,
      currencyCode: f.shop === "other" ? "EUR" : "USD",
      handle: f.title.toLowerCase().replace(/\W+/g, "-"),
      title: f.title,
      vendor: f.vendor,
      productType: f.productType,
      tags: f.tags ?? [],
      status: f.status ?? "ACTIVE",
      minPrice: Math.min(...prices),
      maxPrice: Math.max(...prices),
      totalInventory: f.variants.reduce((sum, v) => sum + v[3], 0),
      options: {
        create: [
          { name: "Color", position: 0, values: [...new Set(f.variants.map((v) => v[0]))] },
          { name: "Size", position: 1, values: [...new Set(f.variants.map((v) => v[1]))] },
        ],
      },
      variants: {
        create: f.variants.map(([color, size, price, stock], position) => ({
          title: `${color} / ${size}`,
          position,
          price,
          inventoryQuantity: stock,
          selectedOptions: [
            { name: "Color", value: color },
            { name: "Size", value: size },
          ],
        })),
      },
    },
  });
  return product.id;
}

beforeAll(async () => {
  api = await startTestApi();
  const prisma = api.db.prisma;
  shopId = (
    await prisma.shop.create({
      data: { handle: "northwind-outfitters", name: "Northwind Outfitters", currencyCode: "USD" },
    })
  ).id;
  otherShopId = (
    await prisma.shop.create({ data: { handle: "elsewhere", name: "Elsewhere Goods", currencyCode: "EUR" } })
  ).id;
  for (const f of FIXTURES) products.set(f.title, await createProduct(f));
  creatorId = (
    await prisma.user.create({
      data: {
        externalId: "sneakerhead",
        handle: "sneakerhead",
        displayName: "Sam Sneakerhead",
        roles: ["BUYER", "CREATOR"],
      },
    })
  ).id;
  await prisma.user.create({ data: { externalId: "sneakerfan", handle: "sneakerfan", roles: ["BUYER"] } });
});
afterAll(() => api?.close());

const gid = (type: string, id: string) => encodeGlobalID(type, id);

const SEARCH = `query($query: String, $filter: ProductFilter, $first: Int) {
  products(first: $first, query: $query, filter: $filter) { totalCount edges { node { id title } } }
}`;

async function titles(query: string | null, filter?: object): Promise<string[]> {
  const data = ok(await api.gql<any>(SEARCH, { query, filter, first: 50 }));
  return data.products.edges.map((e: any) => e.node.title);
}

describe("products(query): typo tolerance", () => {
  it("finds cotton for 'cottn', sneakers for 'snekers' and leather for 'lether', exact matches first", async () => {
    expect(await titles("cottn")).toEqual(
      expect.arrayContaining(["Organic Cotton Tee", "Cotton Hoodie Dress", "Cotton Socks"]),
    );
    expect(await titles("snekers")).toEqual(["Canvas Sneakers"]);
    expect(await titles("lether belt")).toEqual(["Leather Belt"]);
    // Exact words rank above typo matches and the widened query keeps every word: both words must match.
    expect(await titles("cotton hodie")).toEqual(["Cotton Hoodie Dress"]);
    expect(await titles("zzzqqq")).toEqual([]);
  });

  it("keeps websearch syntax exact: a quoted or negated query is not widened", async () => {
    expect(await titles('"cottn"')).toEqual([]);
    expect(await titles("cotton -hoodie")).toEqual(
      expect.arrayContaining(["Organic Cotton Tee", "Cotton Socks"]),
    );
    expect(await titles("cotton -hoodie")).not.toContain("Cotton Hoodie Dress");
  });

  it("learns new words: a product created with a new word is found by a typo of it", async () => {
    expect(await titles("cashmeer")).toEqual([]);
    const id = await createProduct({
      title: "Cashmere Wrap",
      vendor: "Tannery",
      productType: "Scarves",
      variants: [["Grey", "M", 9000, 1]],
    });
    expect(await titles("cashmeer")).toEqual(["Cashmere Wrap"]);
    await api.db.prisma.product.delete({ where: { id } });
  });

  it("shows drafts only to their shop, as every list does", async () => {
    expect(await titles("scraf")).toEqual([]);
  });
});

describe("products filter affiliateLinkable", () => {
  it("lists the products of open programs, and of invitation-only ones the caller accepted", async () => {
    const prisma = api.db.prisma;
    await prisma.affiliateProgram.create({ data: { shopId, defaultRate: 1000, access: "OPEN" } });
    const invited = await prisma.affiliateProgram.create({
      data: { shopId: otherShopId, defaultRate: 1000, access: "INVITE_ONLY" },
    });
    const shopsOf = async (as = {}) => {
      const data = ok(
        await api.gql<any>(
          `query { products(first: 50, filter: { affiliateLinkable: true }) { edges { node { shop { handle } } } } }`,
          {},
          as,
        ),
      );
      return [...new Set(data.products.edges.map((e: any) => e.node.shop.handle))].sort();
    };
    expect(await shopsOf()).toEqual(["northwind-outfitters"]);
    const creator = { user: await api.token("sneakerhead", ["BUYER", "CREATOR"]) };
    await prisma.affiliateInvitation.create({
      data: { programId: invited.id, creatorId, status: "PENDING" },
    });
    expect(await shopsOf(creator)).toEqual(["northwind-outfitters"]);
    await prisma.affiliateInvitation.updateMany({
      where: { programId: invited.id },
      data: { status: "ACCEPTED" },
    });
    expect(await shopsOf(creator)).toEqual(["elsewhere", "northwind-outfitters"]);
    expect(await shopsOf({ user: await api.token("someone-else", ["BUYER", "CREATOR"]) })).toEqual([
      "northwind-outfitters",
    ]);
    await prisma.affiliateProgram.deleteMany({});
  });
});

const FACETS = `query($query: String, $filter: ProductFilter) {
  products(first: 50, query: $query, filter: $filter) {
    totalCount
    edges { node { title } }
    facets {
      vendors { value count }
      productTypes { value count }
      options { name values { value count } }
      priceRanges { min { amount currencyCode } max { amount } count }
      availability { inStock outOfStock }
    }
  }
}`;

async function facets(filter: object | null, query: string | null = null) {
  return ok(await api.gql<any>(FACETS, { filter, query })).products;
}

const count = (list: { value: string; count: number }[], value: string) =>
  list.find((v) => v.value === value)?.count ?? 0;

describe("products facets", () => {
  it("counts vendors, types, option values, price ranges and availability of the listed products", async () => {
    const page = await facets({ shopId: gid("Shop", shopId) });
    expect(page.totalCount).toBe(5);
    expect(page.facets.vendors).toEqual([
      { value: "Northwind", count: 2 },
      { value: "Stride", count: 2 },
      { value: "Tannery", count: 1 },
    ]);
    expect(count(page.facets.productTypes, "Shoes")).toBe(1);
    const color = page.facets.options.find((o: any) => o.name === "Color");
    expect(count(color.values, "Red")).toBe(3);
    expect(count(color.values, "Blue")).toBe(2);
    expect(page.facets.availability).toEqual({ inStock: 4, outOfStock: 1 });
    expect(page.facets.priceRanges).toEqual([
      { min: { amount: "10.00", currencyCode: "USD" }, max: { amount: "24.99" }, count: 1 },
      { min: { amount: "25.00", currencyCode: "USD" }, max: { amount: "49.99" }, count: 2 },
      { min: { amount: "50.00", currencyCode: "USD" }, max: { amount: "99.99" }, count: 1 },
      { min: { amount: "100.00", currencyCode: "USD" }, max: { amount: "249.99" }, count: 1 },
    ]);
  });

  it("leaves a facet's own filter out of its counts, and applies the others", async () => {
    const page = await facets({ shopId: gid("Shop", shopId), vendors: ["Northwind"] });
    expect(page.edges.map((e: any) => e.node.title).sort()).toEqual(["Fleece Hoodie", "Organic Cotton Tee"]);
    // Other vendors keep their counts, so a panel can offer them.
    expect(count(page.facets.vendors, "Stride")).toBe(2);
    // Availability counts Northwind's products only.
    expect(page.facets.availability).toEqual({ inStock: 1, outOfStock: 1 });
  });

  it("filters by option values on one variant: any value of an option, and every option named", async () => {
    const red = await facets({ shopId: gid("Shop", shopId), options: [{ name: "Color", value: "Red" }] });
    expect(red.totalCount).toBe(3);
    const redOrBlue = await facets({
      shopId: gid("Shop", shopId),
      options: [
        { name: "Color", value: "Red" },
        { name: "Color", value: "Blue" },
      ],
    });
    expect(redOrBlue.totalCount).toBe(4);
    // Red in size M is one variant of the tee; the sneakers are red only in 43.
    const redM = await facets({
      shopId: gid("Shop", shopId),
      options: [
        { name: "Color", value: "Red" },
        { name: "Size", value: "M" },
      ],
    });
    expect(redM.edges.map((e: any) => e.node.title)).toEqual(["Organic Cotton Tee"]);
    // The Size facet counts variants that are also Red: 43 (sneakers), S (dress), M (tee); not L.
    const size = redM.facets.options.find((o: any) => o.name === "Size");
    expect(size.values.map((v: any) => v.value).sort()).toEqual(["43", "M", "S"]);
    // The Color facet leaves the Color choice out but keeps Size M: Blue (hoodie) and Red (tee), Brown (belt).
    const color = redM.facets.options.find((o: any) => o.name === "Color");
    expect(color.values.map((v: any) => v.value).sort()).toEqual(["Blue", "Brown", "Red"]);
  });

  it("gives price ranges that list exactly their count when passed back as a price filter", async () => {
    const all = await facets({ shopId: gid("Shop", shopId) });
    for (const range of all.facets.priceRanges) {
      const filtered = await facets({
        shopId: gid("Shop", shopId),
        price: {
          currencyCode: range.min.currencyCode,
          min: range.min.amount,
          max: range.max?.amount ?? null,
        },
      });
      expect(filtered.totalCount).toBe(range.count);
    }
  });

  it("counts what a search finds, with available false listing sold-out products", async () => {
    const cotton = await facets({ available: false }, "cotton");
    expect(cotton.edges.map((e: any) => e.node.title)).toEqual([]);
    expect(cotton.facets.availability.inStock).toBe(3);
    const hoodies = await facets({ available: false }, "hoodie");
    expect(hoodies.edges.map((e: any) => e.node.title)).toEqual(["Fleece Hoodie"]);
  });

  it("costs one statement, only when selected", async () => {
    const q = `query { products(first: 5) { edges { node { id } } facets { vendors { value } availability { inStock } } } }`;
    const plain = `query { products(first: 5) { edges { node { id } } } }`;
    await api.gql(q);
    const withFacets = await api.db.statementsDuring(() => api.gql(q));
    const without = await api.db.statementsDuring(() => api.gql(plain));
    ok(withFacets.result);
    expect(withFacets.statements.length).toBe(without.statements.length + 1);
  });

  it("refuses more than 50 values in one filter list", async () => {
    const res = await api.gql(FACETS, { filter: { vendors: Array.from({ length: 51 }, (_, i) => `v${i}`) } });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

const PREDICTIVE = `query($query: String!, $limit: Int, $types: [PredictiveSearchType!]) {
  predictiveSearch(query: $query, limit: $limit, types: $types) {
    products { title }
    shops { name }
    creators { handle }
    hashtags { tag postCount }
    posts { caption }
  }
}`;

async function predict(query: string, extra: object = {}) {
  return ok(await api.gql<any>(PREDICTIVE, { query, ...extra })).predictiveSearch;
}

describe("predictiveSearch", () => {
  beforeAll(async () => {
    const prisma = api.db.prisma;
    const post = (caption: string, hashtags: string[], extra: object = {}) =>
      prisma.post.create({
        data: {
          authorId: creatorId,
          mediaKind: "IMAGE",
          mediaUrl: "/m.jpg",
          width: 1,
          height: 1,
          caption,
          hashtags,
          ...extra,
        },
      });
    await post("My new sneakers for the summer", ["sneakers", "summerstyle"]);
    await post("Sneakers restock day", ["sneakers"]);
    await post("Private sneakers", ["sneakers", "secretsneaks"], { visibility: "PRIVATE" });
  });

  it("suggests products, shops, creators, hashtags and posts while typing", async () => {
    const result = await predict("snea");
    expect(result.products.map((p: any) => p.title)).toEqual(["Canvas Sneakers"]);
    expect(result.creators.map((c: any) => c.handle)).toEqual(["sneakerhead"]); // not the buyer sneakerfan
    expect(result.hashtags).toEqual([{ tag: "sneakers", postCount: 2 }]); // the private post is not counted
    expect(result.posts.map((p: any) => p.caption)).toEqual([
      "Sneakers restock day",
      "My new sneakers for the summer",
    ]);
    const shops = await predict("northwnd");
    expect(shops.shops.map((s: any) => s.name)).toEqual(["Northwind Outfitters"]);
    expect((await predict("hoo")).products.map((p: any) => p.title).sort()).toEqual([
      "Cotton Hoodie Dress",
      "Fleece Hoodie",
    ]);
    // A last word of 3 letters or more is also a prefix: "hoo" finds more than its 3 nearest words.
    for (const title of ["Hook Rack", "Hood Lamp", "Hoof Polish", "Hoop Earrings"])
      await createProduct({
        title,
        vendor: "Elsewhere",
        productType: "Home",
        variants: [["Red", "M", 500, 1]],
        shop: "other",
      });
    const hoo = await predict("hoo", { types: ["PRODUCT"], limit: 10 });
    expect(hoo.products.map((p: any) => p.title).sort()).toEqual([
      "Cotton Hoodie Dress",
      "Fleece Hoodie",
      "Hood Lamp",
      "Hoof Polish",
      "Hook Rack",
      "Hoop Earrings",
    ]);
  });

  it("is typo tolerant and caps each list at `limit`", async () => {
    expect((await predict("snekers")).products.map((p: any) => p.title)).toEqual(["Canvas Sneakers"]);
    const one = await predict("cotton", { limit: 1 });
    expect(one.products).toHaveLength(1);
    expect(one.products[0].title).toMatch(/Cotton/);
  });

  it("keeps hashtag counts as posts come, change visibility, are hidden and deleted", async () => {
    const tag = async () =>
      (await predict("summerstyle", { types: ["HASHTAG"] })).hashtags[0]?.postCount ?? 0;
    expect(await tag()).toBe(1);
    const post = await api.db.prisma.post.create({
      data: {
        authorId: creatorId,
        mediaKind: "IMAGE",
        mediaUrl: "/m.jpg",
        width: 1,
        height: 1,
        caption: "",
        hashtags: ["summerstyle"],
      },
    });
    expect(await tag()).toBe(2);
    await api.db.prisma.post.update({ where: { id: post.id }, data: { hiddenAt: new Date() } });
    expect(await tag()).toBe(1);
    await api.db.prisma.post.update({
      where: { id: post.id },
      data: { hiddenAt: null, visibility: "FOLLOWERS" },
    });
    expect(await tag()).toBe(1);
    await api.db.prisma.post.update({ where: { id: post.id }, data: { visibility: "PUBLIC" } });
    expect(await tag()).toBe(2);
    await api.db.prisma.post.delete({ where: { id: post.id } });
    expect(await tag()).toBe(1);
  });

  it("leaves out drafts, hidden products and other kinds' private content", async () => {
    const belt = products.get("Leather Belt") ?? "";
    await api.db.prisma.product.update({ where: { id: belt }, data: { hiddenAt: new Date() } });
    expect((await predict("leather")).products).toEqual([]);
    await api.db.prisma.product.update({ where: { id: belt }, data: { hiddenAt: null } });
    expect((await predict("leather")).products.map((p: any) => p.title)).toEqual(["Leather Belt"]);
    expect((await predict("scarf")).products).toEqual([]);
    expect((await predict("secretsneaks")).hashtags).toEqual([]);
  });

  it("costs at most 6 statements for all five kinds, and searches only the kinds selected", async () => {
    await api.db.prisma.shop.create({
      data: { handle: "sneaker-street", name: "Sneaker Street", currencyCode: "USD" },
    });
    await predict("sneakers");
    const all = await api.db.statementsDuring(() => api.gql(PREDICTIVE, { query: "sneakers" }));
    const found = ok<any>(all.result).predictiveSearch;
    for (const kind of ["products", "shops", "creators", "hashtags", "posts"])
      expect(found[kind].length).toBeGreaterThan(0);
    expect(all.statements.length).toBeLessThanOrEqual(6);
    const hashtagsOnly = await api.db.statementsDuring(() =>
      api.gql(`query { predictiveSearch(query: "sneakers") { hashtags { tag } } }`),
    );
    expect(ok<any>(hashtagsOnly.result).predictiveSearch.hashtags).toEqual([{ tag: "sneakers" }]);
    expect(hashtagsOnly.statements).toHaveLength(1);
    expect(hashtagsOnly.statements[0]).not.toMatch(/"Product"|"Post"|"Shop"/);
  });

  it("answers an empty query with nothing, and refuses a long query or a limit over 10", async () => {
    expect(await predict("  ")).toEqual({ products: [], shops: [], creators: [], hashtags: [], posts: [] });
    expect((await api.gql(PREDICTIVE, { query: "x".repeat(101) })).errors?.[0]?.extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await api.gql(PREDICTIVE, { query: "x", limit: 11 })).errors?.[0]?.extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
  });
});
