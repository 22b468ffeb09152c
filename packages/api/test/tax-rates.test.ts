// Tax rates (shops' own and the platform's: taxRateSet, taxRateDelete, Shop.taxRates,
// platformTaxRates) and the shops' tax and return policies (shopCreate, shopUpdate). The
// concurrency tests prove their guarantees when run on PostgreSQL (DATABASE_URL set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Commerce, dbId, gid, USER_ERRORS } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

let api: TestApi;
let commerce: Commerce;
let platform: CallAs;
let admin: CallAs;
let stranger: CallAs;
beforeAll(async () => {
  api = await startTestApi();
  commerce = await Commerce.start(api);
  platform = { key: "secret" };
  admin = { key: "secret", user: await api.token("tax-admin", ["ADMIN"]) };
  stranger = { key: "secret", user: await api.token("tax-stranger", ["MERCHANT"]) };
});
afterAll(() => api?.close());

const RATE_FIELDS = `id countryCode provinceCode name percentage shippingTaxable shop { id }`;
const SET = `mutation($input: TaxRateSetInput!) {
  taxRateSet(input: $input) { taxRate { ${RATE_FIELDS} } ${USER_ERRORS} }
}`;
const DELETE = `mutation($input: TaxRateDeleteInput!) {
  taxRateDelete(input: $input) { deletedTaxRateId ${USER_ERRORS} }
}`;
const SHOP_RATES = `query($id: ID!) { node(id: $id) { ... on Shop { taxRates { ${RATE_FIELDS} } } } }`;
const PLATFORM_RATES = `{ platformTaxRates { ${RATE_FIELDS} } }`;

interface Rate {
  id: string;
  countryCode: string;
  provinceCode: string | null;
  name: string;
  percentage: string;
  shippingTaxable: boolean;
  shop: { id: string } | null;
}

const set = (input: Record<string, unknown>, as: CallAs = commerce.asMerchant) => api.gql(SET, { input }, as);

async function setOk(input: Record<string, unknown>, as: CallAs = commerce.asMerchant): Promise<Rate> {
  const res = ok(await set(input, as)).taxRateSet;
  expect(res.userErrors).toEqual([]);
  return res.taxRate;
}

async function shopRates(shopId: string): Promise<Rate[]> {
  return ok(await api.gql(SHOP_RATES, { id: shopId }, { key: "publishable" })).node.taxRates;
}

const rows = (shopDbId: string | null) =>
  api.db.prisma.taxRate.findMany({
    where: { shopId: shopDbId },
    orderBy: [{ countryCode: "asc" }, { provinceCode: "asc" }],
  });

/** Platform rates written directly (the limit tests), removed again after the test. */
async function withPlatformRates<T>(count: number, fn: () => Promise<T>): Promise<T> {
  const data = Array.from({ length: count }, (_, i) => ({
    countryCode: "LU",
    provinceCode: `FILL${i}`,
    name: "Filler",
    ratePpm: 1,
  }));
  await api.db.prisma.taxRate.createMany({ data });
  try {
    return await fn();
  } finally {
    await api.db.prisma.taxRate.deleteMany({ where: { shopId: null, countryCode: "LU" } });
  }
}

/** Shop rates written directly (the limit tests). */
async function fillShop(shopDbId: string, count: number) {
  await api.db.prisma.taxRate.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      shopId: shopDbId,
      countryCode: "LU",
      provinceCode: `FILL${i}`,
      name: "Filler",
      ratePpm: 1,
    })),
  });
}

describe("shop tax rates", () => {
  it("merchants set, replace and delete their shop's rates; Shop.taxRates shows them to anyone by country, then province", async () => {
    const shop = await commerce.shop("USD");
    const ca = await setOk({
      shopId: shop.id,
      countryCode: "us",
      provinceCode: "ca",
      name: "CA sales tax",
      percentage: "7.25",
      shippingTaxable: false,
    });
    expect(ca).toMatchObject({
      countryCode: "US",
      provinceCode: "CA",
      name: "CA sales tax",
      percentage: "7.25",
      shippingTaxable: false,
      shop: { id: shop.id },
    });
    const de = await setOk({ shopId: shop.id, countryCode: "DE", name: "VAT", percentage: "19" });
    expect(de).toMatchObject({ provinceCode: null, percentage: "19", shippingTaxable: true });
    const us = await setOk({ shopId: shop.id, countryCode: "US", name: "No tax", percentage: "0" });

    // Setting the same country and province again replaces the rate (same id).
    const replaced = await setOk({
      shopId: shop.id,
      countryCode: "US",
      provinceCode: "CA",
      name: "California",
      percentage: "8.875",
    });
    expect(replaced).toMatchObject({
      id: ca.id,
      name: "California",
      percentage: "8.875",
      shippingTaxable: true,
    });

    expect(
      (await shopRates(shop.id)).map((r) => [r.countryCode, r.provinceCode, r.name, r.percentage]),
    ).toEqual([
      ["DE", null, "VAT", "19"],
      ["US", null, "No tax", "0"],
      ["US", "CA", "California", "8.875"],
    ]);
    expect((await rows(shop.dbId)).map((r) => [r.countryCode, r.provinceCode, r.ratePpm])).toEqual([
      ["DE", null, 190_000],
      ["US", "CA", 88_750],
      ["US", null, 0],
    ]);

    const deleted = ok(await api.gql(DELETE, { input: { id: us.id } }, commerce.asMerchant)).taxRateDelete;
    expect(deleted).toEqual({ deletedTaxRateId: us.id, userErrors: [] });
    expect((await shopRates(shop.id)).map((r) => r.id)).toEqual([de.id, ca.id]);
    const again = ok(await api.gql(DELETE, { input: { id: us.id } }, commerce.asMerchant)).taxRateDelete;
    expect(again).toEqual({
      deletedTaxRateId: null,
      userErrors: [expect.objectContaining({ code: "NOT_FOUND", field: ["id"] })],
    });
  });

  it("the platform and admins set and delete any shop's rates", async () => {
    const shop = await commerce.shop("EUR");
    const byPlatform = await setOk(
      { shopId: shop.id, countryCode: "FR", name: "TVA", percentage: "20" },
      platform,
    );
    expect(byPlatform.shop).toEqual({ id: shop.id });
    await setOk({ shopId: shop.id, countryCode: "FR", name: "TVA", percentage: "5.5" }, admin);
    expect((await rows(shop.dbId)).map((r) => r.ratePpm)).toEqual([55_000]);
    const deleted = ok(await api.gql(DELETE, { input: { id: byPlatform.id } }, admin)).taxRateDelete;
    expect(deleted.deletedTaxRateId).toBe(byPlatform.id);
    expect(await rows(shop.dbId)).toEqual([]);
  });

  it("is FORBIDDEN to merchants of other shops, buyers and publishable keys, and changes nothing", async () => {
    const shop = await commerce.shop("EUR");
    const rate = await setOk({ shopId: shop.id, countryCode: "DE", name: "VAT", percentage: "19" });
    const before = await rows(shop.dbId);
    const callers: CallAs[] = [
      stranger,
      { key: "publishable", user: commerce.merchant },
      { key: "publishable" },
      { key: "secret", user: await api.token("tax-buyer", ["BUYER"]) },
    ];
    for (const as of callers) {
      for (const input of [
        { shopId: shop.id, countryCode: "DE", name: "Mine", percentage: "1" },
        { shopId: shop.id, countryCode: "AT", name: "Mine", percentage: "1" },
      ]) {
        const res = await set(input, as);
        expect(res.errors?.[0]?.extensions?.code, JSON.stringify(as)).toBe("FORBIDDEN");
        expect(res.data?.taxRateSet ?? null).toBeNull();
      }
      const deleted = await api.gql(DELETE, { input: { id: rate.id } }, as);
      expect(deleted.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await rows(shop.dbId)).toEqual(before);
  });

  it("answers bad input with typed userErrors on the field and writes nothing", async () => {
    const shop = await commerce.shop("USD");
    await setOk({ shopId: shop.id, countryCode: "US", provinceCode: "NY", name: "NY", percentage: "4" });
    const before = await api.db.prisma.taxRate.findMany({ orderBy: { id: "asc" } });
    const base = {
      shopId: shop.id,
      countryCode: "US",
      provinceCode: "NY",
      name: "Sales tax",
      percentage: "8",
    };
    const cases: [Record<string, unknown>, { code: string; field: string[] }][] = [
      [{ countryCode: "XX" }, { code: "UNKNOWN_COUNTRY", field: ["countryCode"] }],
      [{ countryCode: "USA" }, { code: "UNKNOWN_COUNTRY", field: ["countryCode"] }],
      [{ countryCode: "" }, { code: "UNKNOWN_COUNTRY", field: ["countryCode"] }],
      [{ provinceCode: "ZZ" }, { code: "INVALID_PROVINCE", field: ["provinceCode"] }],
      [{ provinceCode: "BE" }, { code: "INVALID_PROVINCE", field: ["provinceCode"] }],
      [{ provinceCode: "US-NY" }, { code: "INVALID_PROVINCE", field: ["provinceCode"] }],
      [{ percentage: "100.0001" }, { code: "INVALID_RATE", field: ["percentage"] }],
      [{ percentage: "101" }, { code: "INVALID_RATE", field: ["percentage"] }],
      [{ percentage: "1000" }, { code: "INVALID_RATE", field: ["percentage"] }],
      [{ percentage: "-1" }, { code: "INVALID_RATE", field: ["percentage"] }],
      [{ percentage: "8.87501" }, { code: "INVALID_RATE", field: ["percentage"] }],
      [{ percentage: "1e1" }, { code: "INVALID_RATE", field: ["percentage"] }],
      [{ percentage: "8," }, { code: "INVALID_RATE", field: ["percentage"] }],
      [{ percentage: ".5" }, { code: "INVALID_RATE", field: ["percentage"] }],
      [{ percentage: "" }, { code: "INVALID_RATE", field: ["percentage"] }],
      [{ name: "  " }, { code: "BLANK", field: ["name"] }],
      [{ name: "x".repeat(61) }, { code: "TOO_LONG", field: ["name"] }],
      [{ shopId: "not-an-id" }, { code: "INVALID_ID", field: ["shopId"] }],
      [{ shopId: gid("Product", dbId(shop.id)) }, { code: "INVALID_ID", field: ["shopId"] }],
      [
        { shopId: gid("Shop", "0190a6c0-0000-7000-8000-000000000000") },
        { code: "NOT_FOUND", field: ["shopId"] },
      ],
    ];
    for (const [change, error] of cases) {
      const res = ok(await set({ ...base, ...change })).taxRateSet;
      expect(res.taxRate, JSON.stringify(change)).toBeNull();
      expect(res.userErrors, JSON.stringify(change)).toEqual([expect.objectContaining(error)]);
    }
    // Another country's province, and a province of a country without subdivisions in the data.
    for (const change of [
      { countryCode: "DE", provinceCode: "NY" },
      { countryCode: "VA", provinceCode: "X" },
    ]) {
      const res = ok(await set({ ...base, ...change })).taxRateSet;
      expect(res.userErrors, JSON.stringify(change)).toEqual([
        expect.objectContaining({ code: "INVALID_PROVINCE", field: ["provinceCode"] }),
      ]);
    }
    const badIds: [string, string][] = [
      ["nope", "INVALID_ID"],
      [shop.id, "INVALID_ID"],
      [gid("TaxRate", "0190a6c0-0000-7000-8000-000000000000"), "NOT_FOUND"],
    ];
    for (const [id, code] of badIds) {
      const res = ok(await api.gql(DELETE, { input: { id } }, commerce.asMerchant)).taxRateDelete;
      expect(res).toEqual({
        deletedTaxRateId: null,
        userErrors: [expect.objectContaining({ code, field: ["id"] })],
      });
    }
    expect(await api.db.prisma.taxRate.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("keeps percentages exactly: ratePpm = percentage × 10,000, read back as set", async () => {
    const shop = await commerce.shop("EUR");
    const cases: [string, number, string][] = [
      ["8.875", 88_750, "8.875"],
      ["19", 190_000, "19"],
      ["19.50", 195_000, "19.5"],
      ["0.0001", 1, "0.0001"],
      ["100", 1_000_000, "100"],
      ["100.0000", 1_000_000, "100"],
      ["007.7", 77_000, "7.7"],
      [" 21 ", 210_000, "21"],
      ["0", 0, "0"],
    ];
    for (const [percentage, ppm, read] of cases) {
      const rate = await setOk({ shopId: shop.id, countryCode: "IT", name: "IVA", percentage });
      expect(rate.percentage, percentage).toBe(read);
      const row = await api.db.prisma.taxRate.findUniqueOrThrow({ where: { id: dbId(rate.id) } });
      expect(row.ratePpm, percentage).toBe(ppm);
    }
  });

  it("refuses a 201st rate of a shop with LIMIT_REACHED, while replacing one still works", async () => {
    const shop = await commerce.shop("EUR");
    await fillShop(shop.dbId, 199);
    await setOk({ shopId: shop.id, countryCode: "DE", name: "VAT", percentage: "19" });
    const refused = ok(
      await set({ shopId: shop.id, countryCode: "AT", name: "USt", percentage: "20" }),
    ).taxRateSet;
    expect(refused).toEqual({
      taxRate: null,
      userErrors: [expect.objectContaining({ code: "LIMIT_REACHED", field: ["shopId"] })],
    });
    await setOk({ shopId: shop.id, countryCode: "DE", name: "VAT", percentage: "7" });
    expect(await api.db.prisma.taxRate.count({ where: { shopId: shop.dbId } })).toBe(200);
    // Another shop is not affected.
    const other = await commerce.shop("EUR");
    await setOk({ shopId: other.id, countryCode: "AT", name: "USt", percentage: "20" });
  });

  it("loads the rates of many shops in as many statements as of one", async () => {
    const shops = [await commerce.shop("EUR"), await commerce.shop("EUR"), await commerce.shop("EUR")];
    for (const [i, shop] of shops.entries())
      for (const country of ["DE", "FR"])
        await setOk({ shopId: shop.id, countryCode: country, name: `T${i}`, percentage: `${i + 1}` });
    const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Shop { id taxRates { id percentage shop { id } } } } }`;
    await api.gql(QUERY, { ids: [shops[0]?.id] }); // warm the API key cache
    const counts: number[] = [];
    for (const ids of [[shops[0]?.id], shops.map((s) => s.id)]) {
      const { result, statements } = await api.db.statementsDuring(() => api.gql(QUERY, { ids }));
      const nodes = ok(result).nodes as { id: string; taxRates: Rate[] }[];
      expect(nodes.map((n) => n.taxRates.map((r) => r.percentage))).toEqual(
        nodes.map((_, i) => [`${i + 1}`, `${i + 1}`]),
      );
      for (const n of nodes) for (const r of n.taxRates) expect(r.shop).toEqual({ id: n.id });
      counts.push(statements.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});

describe("platform tax rates", () => {
  it("the platform sets, replaces and deletes platform rates; platformTaxRates and node(id) show them to anyone", async () => {
    const de = await setOk({ countryCode: "DE", name: "VAT", percentage: "19" }, platform);
    expect(de).toMatchObject({ shop: null, countryCode: "DE", provinceCode: null, percentage: "19" });
    const ca = await setOk(
      {
        countryCode: "CA",
        provinceCode: "QC",
        name: "GST + QST",
        percentage: "14.975",
        shippingTaxable: false,
      },
      admin,
    );
    const replaced = await setOk({ countryCode: "DE", name: "MwSt", percentage: "16" }, platform);
    expect(replaced.id).toBe(de.id);
    const listed = ok(await api.gql(PLATFORM_RATES, {}, { key: "publishable" })).platformTaxRates as Rate[];
    expect(
      listed.map((r) => [r.countryCode, r.provinceCode, r.name, r.percentage, r.shippingTaxable]),
    ).toEqual([
      ["CA", "QC", "GST + QST", "14.975", false],
      ["DE", null, "MwSt", "16", true],
    ]);
    const node = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { id ... on TaxRate { name percentage shop { id } } } }`,
        {
          id: ca.id,
        },
      ),
    ).node;
    expect(node).toEqual({ id: ca.id, name: "GST + QST", percentage: "14.975", shop: null });
    // Shop rates are not platform rates.
    const shop = await commerce.shop("EUR");
    await setOk({ shopId: shop.id, countryCode: "DE", name: "Own", percentage: "7" });
    expect((ok(await api.gql(PLATFORM_RATES)).platformTaxRates as Rate[]).map((r) => r.name)).toEqual([
      "GST + QST",
      "MwSt",
    ]);
    for (const id of [de.id, ca.id]) {
      const deleted = ok(await api.gql(DELETE, { input: { id } }, platform)).taxRateDelete;
      expect(deleted).toEqual({ deletedTaxRateId: id, userErrors: [] });
    }
    expect(ok(await api.gql(PLATFORM_RATES)).platformTaxRates).toEqual([]);
  });

  it("a merchant (even with a secret key) may not set or delete platform rates: FORBIDDEN, nothing written", async () => {
    const rate = await setOk({ countryCode: "NL", name: "BTW", percentage: "21" }, platform);
    for (const as of [
      commerce.asMerchant,
      stranger,
      { key: "publishable" },
      { key: "publishable", user: admin.user },
    ]) {
      for (const countryCode of ["NL", "BE"]) {
        const res = await set({ countryCode, name: "Mine", percentage: "1" }, as);
        expect(res.errors?.[0]?.extensions?.code, JSON.stringify(as)).toBe("FORBIDDEN");
      }
      const deleted = await api.gql(DELETE, { input: { id: rate.id } }, as);
      expect(deleted.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await rows(null)).map((r) => [r.countryCode, r.name, r.ratePpm])).toEqual([
      ["NL", "BTW", 210_000],
    ]);
    ok(await api.gql(DELETE, { input: { id: rate.id } }, platform));
  });

  it("refuses a 501st platform rate with LIMIT_REACHED", async () => {
    await withPlatformRates(499, async () => {
      const last = await setOk({ countryCode: "DE", name: "VAT", percentage: "19" }, platform);
      const refused = ok(
        await set({ countryCode: "AT", name: "USt", percentage: "20" }, platform),
      ).taxRateSet;
      expect(refused).toEqual({
        taxRate: null,
        userErrors: [expect.objectContaining({ code: "LIMIT_REACHED", field: null })],
      });
      // Shops keep their own limit.
      const shop = await commerce.shop("EUR");
      await setOk({ shopId: shop.id, countryCode: "AT", name: "USt", percentage: "20" });
      ok(await api.gql(DELETE, { input: { id: last.id } }, platform));
    });
  });
});

describe("concurrent writes", () => {
  it("parallel sets of the same shop, country and province leave exactly one rate, one of those sent", async () => {
    const shop = await commerce.shop("USD");
    for (const provinceCode of [null, "TX"]) {
      const percentages = Array.from({ length: 10 }, (_, i) => `${i + 1}.5`);
      const results = await Promise.all(
        percentages.map((percentage) =>
          set({ shopId: shop.id, countryCode: "US", provinceCode, name: "Sales tax", percentage }),
        ),
      );
      const payloads = results.map((r) => ok(r).taxRateSet);
      expect(payloads.map((p) => p.userErrors)).toEqual(percentages.map(() => []));
      expect(new Set(payloads.map((p) => p.taxRate.id)).size).toBe(1);
      const saved = await api.db.prisma.taxRate.findMany({
        where: { shopId: shop.dbId, countryCode: "US", provinceCode },
      });
      expect(saved).toHaveLength(1);
      expect(percentages.map((p) => Number(p) * 10_000)).toContain(saved[0]?.ratePpm);
    }
  });

  it("parallel sets of the same platform country leave exactly one platform rate", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        set({ countryCode: "PT", name: "IVA", percentage: `${20 + i}` }, i % 2 ? platform : admin),
      ),
    );
    expect(results.map((r) => ok(r).taxRateSet.userErrors)).toEqual(results.map(() => []));
    const saved = await api.db.prisma.taxRate.findMany({ where: { shopId: null, countryCode: "PT" } });
    expect(saved).toHaveLength(1);
    await api.db.prisma.taxRate.deleteMany({ where: { shopId: null, countryCode: "PT" } });
  });

  it("parallel creates past a shop's limit never exceed it", async () => {
    const shop = await commerce.shop("EUR");
    await fillShop(shop.dbId, 195);
    const countries = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI"];
    const results = await Promise.all(
      countries.map((countryCode) => set({ shopId: shop.id, countryCode, name: "VAT", percentage: "20" })),
    );
    const codes = results.map((r) => ok(r).taxRateSet.userErrors[0]?.code ?? "OK");
    expect(codes.filter((c) => c === "OK")).toHaveLength(5);
    expect(codes.filter((c) => c === "LIMIT_REACHED")).toHaveLength(5);
    expect(await api.db.prisma.taxRate.count({ where: { shopId: shop.dbId } })).toBe(200);
  });

  it("parallel creates past the platform's limit never exceed it", async () => {
    await withPlatformRates(495, async () => {
      const countries = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI"];
      const results = await Promise.all(
        countries.map((countryCode) => set({ countryCode, name: "VAT", percentage: "20" }, platform)),
      );
      const codes = results.map((r) => ok(r).taxRateSet.userErrors[0]?.code ?? "OK");
      expect(codes.filter((c) => c === "OK")).toHaveLength(5);
      expect(codes.filter((c) => c === "LIMIT_REACHED")).toHaveLength(5);
      expect(await api.db.prisma.taxRate.count({ where: { shopId: null } })).toBe(500);
      await api.db.prisma.taxRate.deleteMany({ where: { shopId: null } });
    });
  });
});

describe("shop tax and return policies", () => {
  const SHOP_CREATE = `mutation($input: ShopCreateInput!) {
    shopCreate(input: $input) { shop { id pricesIncludeTax returnWindowDays refundShippingOnReturn } ${USER_ERRORS} }
  }`;
  const SHOP_UPDATE = `mutation($input: ShopUpdateInput!) {
    shopUpdate(input: $input) { shop { id pricesIncludeTax returnWindowDays refundShippingOnReturn } ${USER_ERRORS} }
  }`;
  const POLICIES = `query($id: ID!) { node(id: $id) { ... on Shop { pricesIncludeTax returnWindowDays refundShippingOnReturn } } }`;

  it("shopCreate takes the policies, or the defaults (false, 30, false); anyone reads them", async () => {
    const defaults = ok(
      await api.gql(
        SHOP_CREATE,
        { input: { handle: "policy-default", name: "D", currencyCode: "USD" } },
        commerce.asMerchant,
      ),
    ).shopCreate;
    expect(defaults.userErrors).toEqual([]);
    expect(defaults.shop).toMatchObject({
      pricesIncludeTax: false,
      returnWindowDays: 30,
      refundShippingOnReturn: false,
    });
    const input = {
      handle: "policy-set",
      name: "S",
      currencyCode: "EUR",
      pricesIncludeTax: true,
      returnWindowDays: 14,
      refundShippingOnReturn: true,
    };
    const created = ok(await api.gql(SHOP_CREATE, { input }, commerce.asMerchant)).shopCreate;
    expect(created.userErrors).toEqual([]);
    expect(ok(await api.gql(POLICIES, { id: created.shop.id }, { key: "publishable" })).node).toEqual({
      pricesIncludeTax: true,
      returnWindowDays: 14,
      refundShippingOnReturn: true,
    });
    const row = await api.db.prisma.shop.findUniqueOrThrow({ where: { id: dbId(created.shop.id) } });
    expect(row).toMatchObject({ pricesIncludeTax: true, returnWindowDays: 14, refundShippingOnReturn: true });
  });

  it("shopUpdate changes the policies given and keeps the others; 0 days means no returns", async () => {
    const shop = await commerce.shop("EUR");
    const update = async (change: Record<string, unknown>) => {
      const res = ok(
        await api.gql(SHOP_UPDATE, { input: { id: shop.id, ...change } }, commerce.asMerchant),
      ).shopUpdate;
      expect(res.userErrors).toEqual([]);
      return res.shop;
    };
    expect(await update({ pricesIncludeTax: true })).toMatchObject({
      pricesIncludeTax: true,
      returnWindowDays: 30,
      refundShippingOnReturn: false,
    });
    expect(await update({ returnWindowDays: 0, refundShippingOnReturn: true })).toMatchObject({
      pricesIncludeTax: true,
      returnWindowDays: 0,
      refundShippingOnReturn: true,
    });
    expect(await update({ returnWindowDays: 365, pricesIncludeTax: false })).toMatchObject({
      pricesIncludeTax: false,
      returnWindowDays: 365,
      refundShippingOnReturn: true,
    });
    const res = await api.gql(SHOP_UPDATE, { input: { id: shop.id, returnWindowDays: 7 } }, stranger);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a return window outside 0..365 days on shopCreate and shopUpdate, and writes nothing", async () => {
    const shop = await commerce.shop("EUR");
    const before = await api.db.prisma.shop.findUniqueOrThrow({ where: { id: shop.dbId } });
    const cases: [number, string][] = [
      [-1, "LESS_THAN_MINIMUM"],
      [366, "GREATER_THAN_MAXIMUM"],
    ];
    for (const [returnWindowDays, code] of cases) {
      const handle = `policy-bad-${code.toLowerCase().replaceAll("_", "-")}`;
      const updated = ok(
        await api.gql(
          SHOP_UPDATE,
          { input: { id: shop.id, returnWindowDays, pricesIncludeTax: true } },
          commerce.asMerchant,
        ),
      ).shopUpdate;
      expect(updated).toEqual({
        shop: null,
        userErrors: [expect.objectContaining({ code, field: ["returnWindowDays"] })],
      });
      const created = ok(
        await api.gql(
          SHOP_CREATE,
          {
            input: {
              handle,
              name: "B",
              currencyCode: "EUR",
              returnWindowDays,
            },
          },
          commerce.asMerchant,
        ),
      ).shopCreate;
      expect(created).toEqual({
        shop: null,
        userErrors: [expect.objectContaining({ code, field: ["returnWindowDays"] })],
      });
      expect(await api.db.prisma.shop.count({ where: { handle } })).toBe(0);
    }
    expect(await api.db.prisma.shop.findUniqueOrThrow({ where: { id: shop.dbId } })).toEqual(before);
  });
});
