import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/index.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { MAKING } from "../src/seed/copy.ts";
import {
  SEED_BASE_DATE,
  SEED_PHASES,
  SEEDED_TABLES,
  SeedRefusedError,
  resetWorld,
  seedWorld,
  type SeedSummary,
} from "../src/seed/world.ts";

const TIMEOUT = 120_000;

function memoryDatabase(): Promise<Database> {
  return openDatabase({ dataDir: "memory://", migrate: true });
}

/** An md5 per seeded table over all its rows as text, in a stable order. */
async function digest(prisma: PrismaClient): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of SEEDED_TABLES) {
    const rows = await prisma.$queryRawUnsafe<{ digest: string; count: bigint | number }[]>(
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest, count(*) AS count FROM "${table}" t`,
    );
    out[table] = `${Number(rows[0]!.count)}:${rows[0]!.digest}`;
  }
  return out;
}

describe("seedWorld at demo scale", () => {
  let db: Database;
  let summary: SeedSummary;
  let prisma: PrismaClient;
  const phases = new Map<string, { done: number; total: number }>();

  beforeAll(async () => {
    db = await memoryDatabase();
    prisma = db.prisma;
    const started = performance.now();
    summary = await seedWorld(prisma, {
      seed: 1,
      scale: "demo",
      onProgress: (e) => {
        const previous = phases.get(e.phase);
        if (previous) expect(e.done).toBeGreaterThanOrEqual(previous.done);
        phases.set(e.phase, { done: e.done, total: e.total });
      },
    });
    console.info(
      `demo scale on in-memory PGlite: ${((performance.now() - started) / 1000).toFixed(1)} s`,
      summary.counts,
    );
  }, TIMEOUT);

  afterAll(async () => {
    await db?.close();
  });

  it("meets the minimum counts and reports them", async () => {
    expect(summary.counts.shops).toBeGreaterThanOrEqual(20);
    expect(summary.counts.products).toBeGreaterThanOrEqual(2_000);
    expect(await prisma.shop.count()).toBe(summary.counts.shops);
    expect(await prisma.product.count()).toBe(summary.counts.products);
    expect(await prisma.productVariant.count()).toBe(summary.counts.productVariants);
    expect(await prisma.productOption.count()).toBe(summary.counts.productOptions);
    expect(await prisma.productMedia.count()).toBe(summary.counts.productMedia);
    expect(await prisma.collectionProduct.count()).toBe(summary.counts.collectionProducts);
    expect(await prisma.apiKey.count()).toBe(0);
    // Every phase ran to completion.
    for (const [phase, { done, total }] of phases) expect(done, phase).toBe(total);
    expect(phases.size).toBe(SEED_PHASES.length);
  });

  it("gives products reviews by buyers who bought them, and public posts comments, with their counters", async () => {
    const n = async (query: Promise<{ n: bigint | number }[]>) => Number((await query)[0]?.n ?? -1);
    expect(summary.counts.productReviews).toBeGreaterThanOrEqual(500);
    expect(summary.counts.postComments).toBeGreaterThanOrEqual(1_000);
    expect(await prisma.productReview.count()).toBe(summary.counts.productReviews);
    expect(await prisma.postComment.count()).toBe(summary.counts.postComments);
    expect(summary.counts.orders).toBe(summary.counts.productReviews);
    // Every review stands on a FULFILLED order of its author, on a line of its product, before the review.
    expect(
      await n(prisma.$queryRaw`
        SELECT count(*) AS n FROM "ProductReview" r JOIN "OrderLine" l ON l."id" = r."orderLineId"
        JOIN "Order" o ON o."id" = l."orderId"
        WHERE o."status" = 'FULFILLED' AND o."buyerId" = r."authorId" AND l."productId" = r."productId"
          AND o."fulfilledAt" < r."createdAt" AND o."shopId" = (SELECT "shopId" FROM "Product" WHERE "id" = r."productId")`),
    ).toBe(summary.counts.productReviews);
    // Ratings of every star, mostly good; the products' rating is their reviews'.
    const stars = await prisma.productReview.groupBy({ by: ["rating"], _count: { _all: true } });
    expect(stars.map((s) => s.rating).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(
      await n(prisma.$queryRaw`
        SELECT count(*) AS n FROM "Product" p LEFT JOIN (
          SELECT "productId", sum("rating")::int AS s, count(*)::int AS c FROM "ProductReview" GROUP BY 1) r ON r."productId" = p."id"
        WHERE p."ratingSum" <> coalesce(r.s, 0) OR p."ratingCount" <> coalesce(r.c, 0)`),
    ).toBe(0);
    // Comments: only on public posts that are not deleted; counted; mentions only tagged products.
    expect(
      await n(prisma.$queryRaw`
        SELECT count(*) AS n FROM "PostComment" c JOIN "Post" p ON p."id" = c."postId"
        WHERE p."visibility" <> 'PUBLIC' OR p."deletedAt" IS NOT NULL OR c."createdAt" < p."createdAt"`),
    ).toBe(0);
    expect(
      await n(prisma.$queryRaw`
        SELECT count(*) AS n FROM "Post" p WHERE p."commentCount" <> (SELECT count(*) FROM "PostComment" c WHERE c."postId" = p."id")`),
    ).toBe(0);
    expect(
      await n(prisma.$queryRaw`
        SELECT count(*) AS n FROM "PostComment" c, unnest(c."productIds") AS m(id)
        WHERE NOT EXISTS (SELECT 1 FROM "ProductTag" t WHERE t."postId" = c."postId" AND t."productId" = m.id)`),
    ).toBe(0);
    expect(
      await n(prisma.$queryRaw`SELECT count(*) AS n FROM "PostComment" WHERE cardinality("productIds") > 0`),
    ).toBeGreaterThan(0);
    // A live checkout's order number comes after the seeded ones.
    const [sequence] = await prisma.$queryRaw<
      { next: bigint }[]
    >`SELECT nextval(pg_get_serial_sequence('"Order"', 'number')) AS next`;
    const max = await prisma.order.aggregate({ _max: { number: true } });
    expect(Number(sequence?.next ?? 0)).toBeGreaterThan(max._max.number ?? 0);
  });

  it("varies currencies, with USD, EUR, GBP and one zero-decimal JPY shop", async () => {
    const rows = await prisma.shop.groupBy({ by: ["currencyCode"], _count: { _all: true } });
    const byCode = Object.fromEntries(rows.map((r) => [r.currencyCode, r._count._all]));
    expect(byCode.JPY).toBe(1);
    expect((byCode.USD ?? 0) + (byCode.EUR ?? 0) + (byCode.GBP ?? 0)).toBeGreaterThanOrEqual(15);
    // Products carry their shop's currency; yen prices are whole round amounts.
    const mismatched = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Product" p JOIN "Shop" s ON s."id" = p."shopId" WHERE p."currencyCode" <> s."currencyCode"`;
    expect(Number(mismatched[0]!.n)).toBe(0);
    const yen = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId"
      WHERE p."currencyCode" = 'JPY' AND v."price" % 10 <> 0`;
    expect(Number(yen[0]!.n)).toBe(0);
  });

  it("gives every shop shipping zones for its market and sets its tax and return policies", async () => {
    const shops = await prisma.shop.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        currencyCode: true,
        pricesIncludeTax: true,
        returnWindowDays: true,
        refundShippingOnReturn: true,
        shippingZones: {
          orderBy: { createdAt: "asc" },
          select: { countryCodes: true, provinceCodes: true, rates: { select: { condition: true } } },
        },
      },
    });
    expect(await prisma.shippingZone.count()).toBe(summary.counts.shippingZones);
    expect(await prisma.shippingRate.count()).toBe(summary.counts.shippingRates);
    const homes: Record<string, string[]> = {
      USD: ["US"],
      EUR: ["DE", "FR", "NL", "AT"],
      GBP: ["GB"],
      JPY: ["JP"],
      CAD: ["CA"],
      AUD: ["AU"],
    };
    const euHomes = new Set<string>();
    for (const shop of shops) {
      // The first zone is the home market's, with standard, heavy and express rates.
      const [home = { countryCodes: [], provinceCodes: [], rates: [] }, ...abroad] = shop.shippingZones;
      const [homeCountry = ""] = home.countryCodes;
      expect(homes[shop.currencyCode]).toContain(homeCountry);
      expect(home.countryCodes).toHaveLength(1);
      expect(home.rates.filter((r) => r.condition === "WEIGHT").length).toBeGreaterThanOrEqual(2);
      expect(home.rates.some((r) => r.condition === "NONE")).toBe(true);
      if (shop.currencyCode === "EUR") {
        euHomes.add(homeCountry);
        // The rest of the EU, without the home country.
        expect(abroad[0]?.countryCodes).not.toContain(homeCountry);
        expect(abroad[0]?.countryCodes.length).toBe(12);
      }
      if (shop.currencyCode === "USD")
        expect(abroad.map((z) => z.provinceCodes)).toContainEqual(["US-AK", "US-HI"]);
      expect(shop.pricesIncludeTax).toBe(!["USD", "CAD"].includes(shop.currencyCode));
    }
    expect(euHomes.size).toBe(4);
    expect(shops.filter((s) => s.returnWindowDays === 14)).toHaveLength(1);
    expect(shops.filter((s) => s.returnWindowDays !== 14 && s.returnWindowDays !== 30)).toHaveLength(0);
    expect(shops.filter((s) => s.refundShippingOnReturn)).toHaveLength(1);
  });

  it("seeds the platform's tax rates: VAT by country, US sales tax by state", async () => {
    const rates = await prisma.taxRate.findMany({
      select: { shopId: true, countryCode: true, provinceCode: true, ratePpm: true, shippingTaxable: true },
    });
    expect(rates.length).toBe(summary.counts.taxRates);
    expect(rates.every((r) => r.shopId === null)).toBe(true);
    const rate = (country: string, province: string | null = null) =>
      rates.find((r) => r.countryCode === country && r.provinceCode === province)?.ratePpm;
    expect([rate("DE"), rate("FR"), rate("AT"), rate("NL"), rate("GB")]).toEqual([
      190_000, 200_000, 200_000, 210_000, 200_000,
    ]);
    expect([rate("US", "NY"), rate("US", "CA"), rate("US", "TX"), rate("US")]).toEqual([
      88_750,
      72_500,
      62_500,
      undefined,
    ]);
    expect(rates.find((r) => r.provinceCode === "CA")?.shippingTaxable).toBe(false);
  });

  it("weighs physical variants (bigger options weigh more) and sells some digital goods", async () => {
    const [row] = await prisma.$queryRaw<
      { physical: number; digital: number; unweighed: number; digital_weighed: number; avg_grams: number }[]
    >`
      SELECT count(*) FILTER (WHERE "requiresShipping")::int AS physical,
             count(*) FILTER (WHERE NOT "requiresShipping")::int AS digital,
             count(*) FILTER (WHERE "requiresShipping" AND "weightGrams" < 5)::int AS unweighed,
             count(*) FILTER (WHERE NOT "requiresShipping" AND "weightGrams" <> 0)::int AS digital_weighed,
             avg("weightGrams") FILTER (WHERE "requiresShipping")::int AS avg_grams
      FROM "ProductVariant"`;
    const { physical = 0, digital = 0, unweighed, digital_weighed, avg_grams = 0 } = row ?? {};
    expect(unweighed).toBe(0);
    expect(digital_weighed).toBe(0);
    expect(digital).toBeGreaterThan(0);
    expect(digital / (digital + physical)).toBeLessThan(0.15);
    expect(avg_grams).toBeGreaterThan(100);
    expect(avg_grams).toBeLessThan(3_000);
    // Digital goods are whole products of digital types, sold by shops of a few departments.
    const mixed = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT "productId" FROM "ProductVariant" GROUP BY 1 HAVING count(DISTINCT "requiresShipping") > 1) x`;
    expect(mixed).toEqual([{ n: 0 }]);
    const types = await prisma.product.findMany({
      where: { variants: { some: { requiresShipping: false } } },
      distinct: ["productType"],
      select: { productType: true },
    });
    for (const { productType } of types)
      expect(["Sewing Patterns", "Digital Prints", "Sound Packs"]).toContain(productType);
  });

  it("writes copy that reads like a brand: what a product is made of, its colour, the shop's own words", async () => {
    const products = await prisma.product.findMany({
      select: {
        title: true,
        description: true,
        productType: true,
        options: { select: { name: true, values: true } },
      },
      orderBy: { id: "asc" },
      take: 400,
    });
    for (const p of products) {
      const making = MAKING[p.productType];
      expect(making, p.productType).toBeDefined();
      expect(
        making?.made.some((m) => p.description.toLowerCase().includes(m.toLowerCase())),
        p.description,
      ).toBe(true);
      const colours = p.options.find((o) => o.name === "Color")?.values ?? [];
      for (const colour of colours) expect(p.description, p.title).toContain(colour);
    }
    const shops = await prisma.shop.findMany({ select: { name: true, description: true } });
    for (const shop of shops) {
      expect(shop.description).toContain(shop.name);
      expect(shop.description).not.toContain("—");
    }
  });

  it("gives every product 1–3 options, 1–12 variants and 1–5 media", async () => {
    const rows = await prisma.$queryRaw<{ options: number; variants: number; media: number; n: bigint }[]>`
      SELECT
        (SELECT count(*) FROM "ProductOption" o WHERE o."productId" = p."id")::int AS options,
        (SELECT count(*) FROM "ProductVariant" v WHERE v."productId" = p."id")::int AS variants,
        (SELECT count(*) FROM "ProductMedia" m WHERE m."productId" = p."id")::int AS media,
        count(*) AS n
      FROM "Product" p GROUP BY 1, 2, 3`;
    const variantCounts = new Set<number>();
    for (const r of rows) {
      expect(r.options).toBeGreaterThanOrEqual(1);
      expect(r.options).toBeLessThanOrEqual(3);
      expect(r.variants).toBeGreaterThanOrEqual(1);
      expect(r.variants).toBeLessThanOrEqual(12);
      expect(r.media).toBeGreaterThanOrEqual(1);
      expect(r.media).toBeLessThanOrEqual(5);
      variantCounts.add(r.variants);
    }
    expect(variantCounts.size).toBe(12);
  });

  it("keeps selectedOptions consistent with the options and unique within each product", async () => {
    const products = await prisma.product.findMany({
      select: {
        id: true,
        options: { select: { name: true, position: true, values: true }, orderBy: { position: "asc" } },
        variants: {
          select: { selectedOptions: true, title: true, position: true },
          orderBy: { position: "asc" },
        },
      },
    });
    expect(products.length).toBe(summary.counts.products);
    for (const product of products) {
      const names = product.options.map((o) => o.name);
      expect(new Set(names).size).toBe(names.length);
      expect(product.options.map((o) => o.position)).toEqual(names.map((_, i) => i + 1));
      const seen = new Set<string>();
      const used = product.options.map(() => new Set<string>());
      for (const variant of product.variants) {
        const selected = variant.selectedOptions as { name: string; value: string }[];
        expect(Array.isArray(selected)).toBe(true);
        expect(selected.map((s) => s.name)).toEqual(names);
        selected.forEach((s, i) => {
          expect(product.options[i]!.values).toContain(s.value);
          used[i]!.add(s.value);
        });
        expect(variant.title).toBe(selected.map((s) => s.value).join(" / "));
        const key = JSON.stringify(selected.map((s) => s.value));
        expect(seen.has(key), `duplicate combination in ${product.id}`).toBe(false);
        seen.add(key);
      }
      // Every listed option value is offered by some variant.
      product.options.forEach((o, i) => {
        expect([...used[i]!].sort()).toEqual([...o.values].sort());
      });
    }
  });

  it("stores minPrice, maxPrice and totalInventory equal to the variants' aggregates", async () => {
    const rows = await prisma.$queryRaw<{ mismatched: bigint; checked: bigint }[]>`
      SELECT
        count(*) FILTER (WHERE p."minPrice" <> v.min_price OR p."maxPrice" <> v.max_price
                           OR p."totalInventory" <> v.total_inventory) AS mismatched,
        count(*) AS checked
      FROM "Product" p
      JOIN (
        SELECT "productId", min("price") AS min_price, max("price") AS max_price,
               sum("inventoryQuantity")::int AS total_inventory
        FROM "ProductVariant" GROUP BY "productId"
      ) v ON v."productId" = p."id"`;
    expect(Number(rows[0]!.checked)).toBe(summary.counts.products);
    expect(Number(rows[0]!.mismatched)).toBe(0);
    const ranged = await prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "Product" WHERE "minPrice" < "maxPrice"`;
    expect(Number(ranged[0]!.n)).toBeGreaterThan(0);
  });

  it("has plausible variants: unique SKUs, ~30% on sale, some out of stock", async () => {
    const [row] = await prisma.$queryRaw<
      {
        total: bigint;
        skus: bigint;
        distinct_skus: bigint;
        on_sale: bigint;
        bad_sale: bigint;
        zero: bigint;
        non_positive: bigint;
      }[]
    >`
      SELECT count(*) AS total, count("sku") AS skus, count(DISTINCT "sku") AS distinct_skus,
             count(*) FILTER (WHERE "compareAtPrice" > "price") AS on_sale,
             count(*) FILTER (WHERE "compareAtPrice" IS NOT NULL AND "compareAtPrice" <= "price") AS bad_sale,
             count(*) FILTER (WHERE "inventoryQuantity" = 0) AS zero,
             count(*) FILTER (WHERE "price" <= 0 OR "inventoryQuantity" < 0) AS non_positive
      FROM "ProductVariant"`;
    const total = Number(row!.total);
    expect(Number(row!.skus)).toBe(total);
    expect(Number(row!.distinct_skus)).toBe(total);
    expect(Number(row!.bad_sale)).toBe(0);
    expect(Number(row!.non_positive)).toBe(0);
    expect(Number(row!.on_sale) / total).toBeGreaterThan(0.2);
    expect(Number(row!.on_sale) / total).toBeLessThan(0.4);
    expect(Number(row!.zero)).toBeGreaterThan(0);
    expect(Number(row!.zero)).toBeLessThan(total / 2);
    const soldOut = await prisma.product.count({ where: { totalInventory: 0 } });
    expect(soldOut).toBeGreaterThan(0);
  });

  it("has mostly ACTIVE products (published), some DRAFT and ARCHIVED, unique handles", async () => {
    const statuses = await prisma.product.groupBy({ by: ["status"], _count: { _all: true } });
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s._count._all]));
    expect(byStatus.ACTIVE! / summary.counts.products).toBeGreaterThan(0.75);
    expect(byStatus.DRAFT).toBeGreaterThan(0);
    expect(byStatus.ARCHIVED).toBeGreaterThan(0);
    expect(await prisma.product.count({ where: { status: "ACTIVE", publishedAt: null } })).toBe(0);
    const [handles] = await prisma.$queryRaw<{ n: bigint; d: bigint }[]>`
      SELECT count(*) AS n, count(DISTINCT "handle") AS d FROM "Product" WHERE "handle" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`;
    expect(Number(handles!.n)).toBe(summary.counts.products);
    const tagged = await prisma.product.count({ where: { tags: { has: "sale" } } });
    expect(tagged).toBeGreaterThan(0);
    const late = await prisma.product.count({
      where: {
        OR: [
          { createdAt: { gt: new Date("2026-01-01T00:00:00Z") } },
          { updatedAt: { gt: new Date("2026-01-01T00:00:00Z") } },
        ],
      },
    });
    expect(late).toBe(0);
  });

  it("puts media on local paths, with occasional videos that have a duration and a poster", async () => {
    const media = await prisma.productMedia.findMany({
      select: { productId: true, kind: true, url: true, posterUrl: true, durationMs: true, position: true },
    });
    let videos = 0;
    for (const m of media) {
      expect(m.url.startsWith(`/media/products/${m.productId}/${m.position}.`)).toBe(true);
      if (m.kind === "VIDEO") {
        videos++;
        expect(m.durationMs).toBeGreaterThan(0);
        expect(m.posterUrl).toMatch(new RegExp(`^/media/products/${m.productId}/`));
      } else {
        expect(m.durationMs).toBeNull();
        expect(m.posterUrl).toBeNull();
      }
    }
    expect(videos).toBeGreaterThan(0);
    expect(videos / media.length).toBeLessThan(0.2);
  });

  it("gives every shop 4–9 collections with products, manual and automatic (a vendor's at least)", async () => {
    const rows = await prisma.$queryRaw<
      { collections: number; automatic: number; vendor: number; empty: number }[]
    >`
      SELECT count(c."id")::int AS collections,
             count(*) FILTER (WHERE c."kind" = 'AUTOMATIC')::int AS automatic,
             count(*) FILTER (WHERE c."rules" @> '[{"field": "VENDOR"}]')::int AS vendor,
             count(*) FILTER (WHERE c."kind" = 'MANUAL' AND NOT EXISTS (SELECT 1 FROM "CollectionProduct" cp WHERE cp."collectionId" = c."id"))::int AS empty
      FROM "Shop" s LEFT JOIN "Collection" c ON c."shopId" = s."id" GROUP BY s."id"`;
    expect(rows.length).toBe(summary.counts.shops);
    for (const r of rows) {
      expect(r.collections).toBeGreaterThanOrEqual(4);
      expect(r.collections).toBeLessThanOrEqual(9);
      expect(r.vendor).toBe(1);
      expect(r.empty).toBe(0);
    }
    expect(rows.filter((r) => r.automatic > 1).length).toBeGreaterThan(0);
    // Each automatic collection's one rule matches some of its shop's products; manual positions are 0..n-1.
    const automatic = await prisma.$queryRaw<{ field: string; matching: number }[]>`
      SELECT r->>'field' AS field, (SELECT count(*)::int FROM "Product" p WHERE p."shopId" = c."shopId" AND
        CASE r->>'field' WHEN 'TAG' THEN p."tags" @> ARRAY[r->>'value']
          WHEN 'PRICE' THEN p."minPrice" < (r->>'amount')::int
          WHEN 'PRODUCT_TYPE' THEN p."productType" = r->>'value'
          WHEN 'VENDOR' THEN p."vendor" = r->>'value' END) AS matching
      FROM "Collection" c, jsonb_array_elements(c."rules") r WHERE c."kind" = 'AUTOMATIC'`;
    expect(new Set(automatic.map((a) => a.field))).toEqual(
      new Set(["TAG", "PRICE", "PRODUCT_TYPE", "VENDOR"]),
    );
    for (const a of automatic) expect(a.matching, a.field).toBeGreaterThan(0);
    const [gaps] = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM (SELECT "collectionId", max("position") + 1 - count(*) AS gap, min("position") AS first
        FROM "CollectionProduct" GROUP BY "collectionId") g WHERE g.gap <> 0 OR g.first <> 0`;
    expect(gaps?.count).toBe(0);
  });

  it("creates buyers, creators, merchants (an OWNER per shop, some STAFF) and admins", async () => {
    const count = (prefix: string) => prisma.user.count({ where: { externalId: { startsWith: prefix } } });
    expect(await count("demo-buyer-")).toBe(200);
    expect(await count("demo-creator-")).toBe(50);
    expect(await count("demo-merchant-")).toBe(summary.counts.shops);
    expect(await count("demo-staff-")).toBeGreaterThan(0);
    expect(await count("demo-admin-")).toBe(2);
    const roles = await prisma.user.findMany({ select: { externalId: true, roles: true } });
    const expected: Record<string, string[]> = {
      buyer: ["BUYER"],
      creator: ["BUYER", "CREATOR"],
      merchant: ["BUYER", "MERCHANT"],
      staff: ["BUYER", "MERCHANT"],
      admin: ["BUYER", "ADMIN"],
    };
    for (const user of roles) {
      const kind = /^demo-([a-z]+)-\d+$/.exec(user.externalId)?.[1] ?? "";
      expect(user.roles, user.externalId).toEqual(expected[kind]);
    }
    const owners = await prisma.shopMember.findMany({
      where: { role: "OWNER" },
      select: { shopId: true, user: { select: { roles: true } } },
    });
    expect(new Set(owners.map((o) => o.shopId)).size).toBe(summary.counts.shops);
    expect(owners.length).toBe(summary.counts.shops);
    for (const o of owners) expect(o.user.roles).toEqual(["BUYER", "MERCHANT"]);
    expect(await prisma.shopMember.count({ where: { role: "STAFF" } })).toBeGreaterThan(0);

    const { buyer, creator, merchant, admin } = summary.users;
    expect(buyer.externalId).toBe("demo-buyer-1");
    expect(creator.externalId).toBe("demo-creator-1");
    expect(merchant.externalId).toBe("demo-merchant-1");
    expect(admin.externalId).toBe("demo-admin-1");
    const stored = await prisma.user.findUniqueOrThrow({
      where: { externalId: "demo-merchant-1" },
      select: { id: true, handle: true },
    });
    expect(stored).toEqual({ id: merchant.id, handle: merchant.handle });
    const membership = await prisma.shopMember.findUniqueOrThrow({
      where: { shopId_userId: { shopId: merchant.shopId, userId: merchant.id } },
      select: { role: true, shop: { select: { handle: true } } },
    });
    expect(membership).toEqual({ role: "OWNER", shop: { handle: merchant.shopHandle } });
  });
});

describe("seedWorld content at demo scale", () => {
  let db: Database;
  let summary: SeedSummary;
  let prisma: PrismaClient;
  const scalar = async (sql: string) =>
    Number((await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(sql))[0]!.n);

  beforeAll(async () => {
    db = await memoryDatabase();
    prisma = db.prisma;
    const started = performance.now();
    summary = await seedWorld(prisma, { seed: 2, scale: "demo" });
    console.info(
      `demo scale with content on in-memory PGlite: ${((performance.now() - started) / 1000).toFixed(1)} s`,
      summary.counts,
    );
  }, TIMEOUT);

  afterAll(async () => {
    await db?.close();
  });

  it("seeds 1,500 posts by creators and shop staff, with tags, likes, shares, follows and hourly rows", async () => {
    expect(summary.counts.posts).toBe(1_500);
    expect(await prisma.post.count()).toBe(1_500);
    for (const [table, key] of [
      ["productTag", "productTags"],
      ["postLike", "postLikes"],
      ["postShare", "postShares"],
      ["userFollow", "userFollows"],
      ["shopFollow", "shopFollows"],
      ["postEngagementHour", "postEngagementHours"],
      ["productEngagementHour", "productEngagementHours"],
    ] as const) {
      const count = await (prisma[table] as unknown as { count(): Promise<number> }).count();
      expect(count, table).toBe(summary.counts[key]);
      expect(count, table).toBeGreaterThan(0);
    }
    const creatorPosts = await scalar(
      `SELECT count(*) AS n FROM "Post" p JOIN "User" u ON u."id" = p."authorId" WHERE p."shopId" IS NULL AND 'CREATOR' = ANY(u."roles")`,
    );
    const shopPosts = await prisma.post.count({ where: { shopId: { not: null } } });
    expect(creatorPosts + shopPosts).toBe(1_500);
    expect(shopPosts).toBeGreaterThan(300);
    // A shop's post is by one of its members.
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "Post" p WHERE p."shopId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ShopMember" m WHERE m."shopId" = p."shopId" AND m."userId" = p."authorId")`,
      ),
    ).toBe(0);
    const kinds = await prisma.post.groupBy({ by: ["mediaKind", "visibility"], _count: { _all: true } });
    expect(new Set(kinds.map((k) => k.mediaKind))).toEqual(new Set(["VIDEO", "IMAGE"]));
    expect(new Set(kinds.map((k) => k.visibility))).toEqual(new Set(["PUBLIC", "FOLLOWERS", "PRIVATE"]));
    expect(await prisma.post.count({ where: { deletedAt: { not: null } } })).toBeGreaterThan(0);
    expect(await prisma.post.count({ where: { createdAt: { gt: new Date("2026-01-01T00:00:00Z") } } })).toBe(
      0,
    );
  });

  it("keeps every counter equal to its rows and its hourly aggregates", async () => {
    // likeCount = PostLike rows; every counter = the sum of the post's hourly rows.
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "Post" p WHERE p."likeCount" <> (SELECT count(*) FROM "PostLike" l WHERE l."postId" = p."id")`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "Post" p WHERE p."shareCount" <> (SELECT count(*) FROM "PostShare" s WHERE s."postId" = p."id")`,
      ),
    ).toBe(0);
    expect(
      await scalar(`SELECT count(*) AS n FROM "Post" p JOIN (
        SELECT "postId", sum("views") v, sum("likes") l, sum("shares") s, sum("tagTaps") t, sum("addToCarts") c, sum("purchases") b FROM "PostEngagementHour" GROUP BY 1) h ON h."postId" = p."id"
        WHERE h.v <> p."viewCount" OR h.l <> p."likeCount" OR h.s <> p."shareCount" OR h.b <> p."purchaseCount"
           OR h.t <> (SELECT coalesce(sum("tapCount"), 0) FROM "ProductTag" t WHERE t."postId" = p."id")
           OR h.c <> (SELECT coalesce(sum("addToCartCount"), 0) FROM "ProductTag" t WHERE t."postId" = p."id")`),
    ).toBe(0);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "Post" p WHERE NOT EXISTS (SELECT 1 FROM "PostEngagementHour" h WHERE h."postId" = p."id")`,
      ),
    ).toBe(0);
    // Product aggregates: taps and cart additions of the tags showing the product.
    expect(
      await scalar(`SELECT count(*) AS n FROM (SELECT "productId", sum("tagTaps") t, sum("addToCarts") c FROM "ProductEngagementHour" GROUP BY 1) h
        JOIN (SELECT "productId", sum("tapCount") t, sum("addToCartCount") c FROM "ProductTag" GROUP BY 1) g USING ("productId")
        WHERE h.t <> g.t OR h.c <> g.c`),
    ).toBe(0);
    // Hours are whole hours, never before the post nor after the base date.
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "PostEngagementHour" h JOIN "Post" p ON p."id" = h."postId" WHERE h."hour" <> date_trunc('hour', h."hour") OR h."hour" < date_trunc('hour', p."createdAt") OR h."hour" >= '2026-01-01'`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "PostLike" l JOIN "Post" p ON p."id" = l."postId" WHERE l."createdAt" < p."createdAt" OR l."createdAt" > '2026-01-01'`,
      ),
    ).toBe(0);
  });

  it("tags active products within the frame and, on videos, within the duration", async () => {
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "ProductTag" t JOIN "Product" pr ON pr."id" = t."productId" WHERE pr."status" <> 'ACTIVE'`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "ProductTag" t WHERE t."x" NOT BETWEEN 0 AND 1 OR t."y" NOT BETWEEN 0 AND 1`,
      ),
    ).toBe(0);
    expect(
      await scalar(`SELECT count(*) AS n FROM "ProductTag" t JOIN "Post" p ON p."id" = t."postId" WHERE
        (p."mediaKind" = 'VIDEO' AND NOT (t."startMs" >= 0 AND t."startMs" < t."endMs" AND t."endMs" <= p."durationMs"))
        OR (p."mediaKind" = 'IMAGE' AND (t."startMs" IS NOT NULL OR t."endMs" IS NOT NULL OR p."durationMs" IS NOT NULL))`),
    ).toBe(0);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "ProductTag" t JOIN "ProductVariant" v ON v."id" = t."variantId" WHERE v."productId" <> t."productId"`,
      ),
    ).toBe(0);
    expect(
      await scalar(`SELECT max(c) AS n FROM (SELECT count(*) c FROM "ProductTag" GROUP BY "postId") x`),
    ).toBeLessThanOrEqual(30);
    // Hashtags are stored normalised and include the caption's.
    const posts = await prisma.post.findMany({ select: { caption: true, hashtags: true }, take: 200 });
    for (const p of posts) {
      for (const h of p.hashtags) expect(h).toMatch(/^[\p{Ll}\p{N}_]+$/u);
      for (const m of p.caption.matchAll(/#(\w+)/g)) expect(p.hashtags).toContain(m[1]!.toLowerCase());
    }
  });

  it("opens the feeds on something to buy: posts engaged with in the last 48 hours, the top-ranked and the newest are tagged videos", async () => {
    const since = new Date(SEED_BASE_DATE.getTime() - 48 * 3_600_000);
    const tagged = `(SELECT count(*) FROM "ProductTag" t WHERE t."postId" = p."id")::int`;
    const recent = await prisma.$queryRawUnsafe<{ kind: string; tags: number }[]>(
      `SELECT p."mediaKind" AS kind, ${tagged} AS tags FROM "Post" p
       WHERE EXISTS (SELECT 1 FROM "PostEngagementHour" h WHERE h."postId" = p."id" AND h."hour" >= $1)`,
      since,
    );
    expect(recent.length).toBeGreaterThan(50);
    expect(recent.filter((post) => post.kind !== "VIDEO" || post.tags === 0)).toEqual([]);
    // The TRENDING score as of the base date (schema's content/ranking.ts): decayed hourly points.
    const [top] = await prisma.$queryRawUnsafe<{ kind: string; tags: number }[]>(
      `SELECT p."mediaKind" AS kind, ${tagged} AS tags FROM "Post" p
       JOIN "PostEngagementHour" h ON h."postId" = p."id" AND h."hour" >= $1
       WHERE p."visibility" = 'PUBLIC' AND p."deletedAt" IS NULL
       GROUP BY p."id"
       ORDER BY sum(round(1000 * power(2, -(extract(epoch FROM ($2::timestamptz - h."hour")) / 3600 - 1) / 6))
         * (h."views" + 4 * h."likes" + 8 * h."shares" + 20 * h."purchases")) DESC, p."id" DESC LIMIT 1`,
      since,
      SEED_BASE_DATE,
    );
    expect(top).toEqual({ kind: "VIDEO", tags: expect.any(Number) });
    expect(top?.tags).toBeGreaterThan(0);
    const [newest] = await prisma.$queryRawUnsafe<{ kind: string; tags: number }[]>(
      `SELECT p."mediaKind" AS kind, ${tagged} AS tags FROM "Post" p
       WHERE p."visibility" = 'PUBLIC' AND p."deletedAt" IS NULL ORDER BY p."createdAt" DESC, p."id" DESC LIMIT 1`,
    );
    expect(newest?.kind).toBe("VIDEO");
    expect(newest?.tags).toBeGreaterThan(0);
  });

  it("keeps follower and following counts equal to the follow rows", async () => {
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "User" u WHERE u."followerCount" <> (SELECT count(*) FROM "UserFollow" f WHERE f."followeeId" = u."id")`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "User" u WHERE u."followingCount" <> (SELECT count(*) FROM "UserFollow" f WHERE f."followerId" = u."id") + (SELECT count(*) FROM "ShopFollow" f WHERE f."followerId" = u."id")`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM "Shop" s WHERE s."followerCount" <> (SELECT count(*) FROM "ShopFollow" f WHERE f."shopId" = s."id")`,
      ),
    ).toBe(0);
    expect(await scalar(`SELECT count(*) AS n FROM "UserFollow" WHERE "followerId" = "followeeId"`)).toBe(0);
    expect(await scalar(`SELECT count(*) AS n FROM "User" WHERE "followerCount" > 0`)).toBeGreaterThan(10);
  });
});

describe("seedWorld determinism and safety", () => {
  // Two separate in-memory databases: determinism is checked across databases, not within one.
  let a: Database;
  let b: Database;
  const scale = { products: 300 };

  beforeAll(async () => {
    [a, b] = await Promise.all([memoryDatabase(), memoryDatabase()]);
  }, TIMEOUT);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it(
    "produces identical rows for the same seed (whatever the batching and insert mode) and different rows for another seed",
    async () => {
      const first = await seedWorld(a.prisma, { seed: 7, scale });
      // Prisma createMany, small chunks, several statements in flight: still the same rows.
      const second = await seedWorld(b.prisma, {
        seed: 7,
        scale,
        chunkSize: 37,
        concurrency: 3,
        insertMode: "createMany",
      });
      expect(first.counts.products).toBe(300);
      expect(second).toEqual(first);
      const digestA = await digest(a.prisma);
      expect(await digest(b.prisma)).toEqual(digestA);

      await seedWorld(b.prisma, { seed: 8, scale, reset: true });
      const digestC = await digest(b.prisma);
      for (const table of SEEDED_TABLES) expect(digestC[table], table).not.toBe(digestA[table]);
    },
    TIMEOUT,
  );

  it(
    "refuses to seed over existing data, and reset starts over",
    async () => {
      const db = a;
      await resetWorld(db.prisma);
      const first = await seedWorld(db.prisma, { seed: 3, scale });
      const before = await digest(db.prisma);
      await expect(seedWorld(db.prisma, { seed: 3, scale })).rejects.toThrow(SeedRefusedError);
      await expect(seedWorld(db.prisma, { seed: 4, scale })).rejects.toThrow(/already has 20 shops/);
      // Nothing was written by the refused attempts.
      expect(await digest(db.prisma)).toEqual(before);

      // Reset keeps API keys (they belong to apps, not to the demo world).
      await db.prisma.apiKey.create({ data: { kind: "SECRET", name: "kept", prefix: "sk_test", hash: "h" } });
      const other = await seedWorld(db.prisma, { seed: 4, scale, reset: true });
      expect(await db.prisma.apiKey.count()).toBe(1);
      expect(await db.prisma.product.count()).toBe(300);
      expect(other.users.buyer.id).not.toBe(first.users.buyer.id);
      expect(await digest(db.prisma)).not.toEqual(before);

      const again = await seedWorld(db.prisma, { seed: 3, scale, reset: true });
      expect(again).toEqual(first);
      expect(await digest(db.prisma)).toEqual(before);
    },
    TIMEOUT,
  );

  it(
    "generates the world as of baseDate: every timestamp before it, recent engagement, the same ids",
    async () => {
      await resetWorld(b.prisma);
      const baseDate = new Date("2030-06-15T12:00:00Z");
      const moved = await seedWorld(b.prisma, { seed: 7, scale, baseDate });
      const fixed = await seedWorld(a.prisma, { seed: 7, scale, reset: true });
      // Ids come from their own stream: the same world, only its clock moved.
      expect(moved.users).toEqual(fixed.users);
      const latest = await b.prisma.$queryRaw<{ post: Date; product: Date; hour: Date; earliest: Date }[]>`
        SELECT (SELECT max("createdAt") FROM "Post") AS post, (SELECT max("updatedAt") FROM "Product") AS product,
               (SELECT max("hour") FROM "PostEngagementHour") AS hour, (SELECT min("createdAt") FROM "Post") AS earliest`;
      const { post, product, hour, earliest } = latest[0]!;
      for (const instant of [post, product, hour]) expect(instant.getTime()).toBeLessThan(baseDate.getTime());
      // Engagement reaches the last two days before the base: TRENDING's window has posts.
      expect(baseDate.getTime() - hour.getTime()).toBeLessThanOrEqual(48 * 3_600_000);
      expect(earliest.getTime()).toBeGreaterThan(baseDate.getTime() - 61 * 86_400_000);
      await expect(
        seedWorld(b.prisma, { seed: 7, scale, reset: true, baseDate: new Date("nope") }),
      ).rejects.toThrow(RangeError);
    },
    TIMEOUT,
  );

  it(
    "refuses when demo users exist even without shops",
    async () => {
      await resetWorld(b.prisma);
      await b.prisma.user.create({ data: { externalId: "demo-buyer-1", handle: "someone" } });
      await expect(seedWorld(b.prisma, { scale: { products: 30 } })).rejects.toThrow(SeedRefusedError);
      expect(await b.prisma.shop.count()).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "refuses when platform tax rates exist even without shops, and reset deletes them",
    async () => {
      await resetWorld(b.prisma);
      await b.prisma.taxRate.create({ data: { countryCode: "DE", name: "VAT", ratePpm: 190_000 } });
      await expect(seedWorld(b.prisma, { scale: { products: 30 } })).rejects.toThrow(
        /already has 1 platform tax rate;/,
      );
      expect(await b.prisma.user.count()).toBe(0);
      const seeded = await seedWorld(b.prisma, { scale: { products: 30 }, reset: true });
      expect(await b.prisma.taxRate.count()).toBe(seeded.counts.taxRates);
    },
    TIMEOUT,
  );
});
