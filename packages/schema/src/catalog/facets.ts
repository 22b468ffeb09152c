/**
 * Facets of a products list: how many of the listed products each vendor, product type,
 * option value, price range and availability would give, for a storefront's filter panel.
 *
 * One SQL statement, and only when `facets` is selected. The products are those of the list
 * (caller, shop, collection, tags and search) with the facet filters applied, except that each
 * facet leaves out its own filter: with vendor A chosen, vendor B still shows how many it would
 * give. Option values are counted on variants: a product counts for Size M when one of its
 * variants is M and also has the values chosen for the other options.
 *
 * Price ranges use the filter's own test (a product counts in [min, max] when its price range
 * overlaps it), so choosing a range lists exactly its count.
 */
import type { Context } from "../context.ts";
import { Prisma } from "@shoppable/db/client";
import { CURRENCY_CODES, minorDigits } from "../money.ts";
import { facetConditions, type FacetFilter, type ProductListArgs, baseConditions } from "./product-list.ts";
import { variantMatches } from "./product-search.ts";

/** Range edges in whole units of a 2-decimal currency (hundreds of minor units for 0-decimal ones). */
export const PRICE_EDGES = [0, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000] as const;
/** Most values listed per facet (per option name for options), and most price ranges. */
export const FACET_VALUES = 50;
/** Most options listed (by name). */
export const FACET_OPTIONS = 20;

export interface FacetValueShape {
  value: string;
  count: number;
}
export interface ProductFacetsShape {
  vendors: FacetValueShape[];
  productTypes: FacetValueShape[];
  options: { name: string; values: FacetValueShape[] }[];
  priceRanges: { currencyCode: string; min: number; max: number | null; count: number }[];
  availability: { inStock: number; outOfStock: number };
}

interface FacetRow {
  vendors: FacetValueShape[];
  productTypes: FacetValueShape[];
  options: { name: string; value: string; count: number }[];
  priceRanges: { currencyCode: string; min: number; max: number | null; count: number }[];
  availability: { inStock: number; outOfStock: number } | null;
}

/** Minor units per range unit, by currency (of row `b`): 10^digits, at least 100. Built once. */
const UNIT_FACTOR: Prisma.Sql = (() => {
  const byDigits = new Map<number, string[]>();
  for (const code of CURRENCY_CODES) {
    const digits = Math.max(minorDigits(code), 2);
    if (digits === 2) continue;
    byDigits.set(digits, [...(byDigits.get(digits) ?? []), code]);
  }
  const cases = [...byDigits.entries()].map(
    ([digits, codes]) => Prisma.sql`WHEN b."currencyCode" = ANY(${codes}::text[]) THEN ${10 ** digits}`,
  );
  return cases.length ? Prisma.sql`CASE ${Prisma.join(cases, " ")} ELSE 100 END` : Prisma.sql`100`;
})();

export async function productFacets(ctx: Context, args: ProductListArgs): Promise<ProductFacetsShape> {
  const base = await baseConditions(ctx, args);
  const filters = facetConditions(args);
  const flag = (name: FacetFilter) => filters[name] ?? Prisma.sql`TRUE`;
  /** Every facet filter but `own`, on the base rows `b`. */
  const others = (own: FacetFilter) =>
    Prisma.join(
      (["vendor", "productType", "price", "available", "options"] as const)
        .filter((name) => name !== own)
        .map((name) => Prisma.raw(`b."f_${name}"`)),
      " AND ",
    );
  const chosen = args.filter?.options ?? [];
  const edges = PRICE_EDGES.map((lo, i) => Prisma.sql`(${lo}::int, ${PRICE_EDGES[i + 1] ?? null}::int)`);
  const where = base.length ? Prisma.sql`WHERE ${Prisma.join(base, " AND ")}` : Prisma.empty;

  const [row] = await ctx.db.$queryRaw<FacetRow[]>`
    WITH base AS MATERIALIZED (
      SELECT p."id", p."vendor", p."productType", p."currencyCode", p."minPrice", p."maxPrice", p."totalInventory",
        ${flag("vendor")} AS "f_vendor", ${flag("productType")} AS "f_productType", ${flag("price")} AS "f_price",
        ${flag("available")} AS "f_available", ${flag("options")} AS "f_options"
      FROM "Product" p ${where}
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_object('value', value, 'count', count) ORDER BY count DESC, value), '[]')
       FROM (SELECT b."vendor" AS value, count(*)::int AS count FROM base b
             WHERE b."vendor" <> '' AND ${others("vendor")}
             GROUP BY b."vendor" ORDER BY count DESC, value LIMIT ${FACET_VALUES}) x) AS "vendors",
      (SELECT coalesce(json_agg(json_build_object('value', value, 'count', count) ORDER BY count DESC, value), '[]')
       FROM (SELECT b."productType" AS value, count(*)::int AS count FROM base b
             WHERE b."productType" <> '' AND ${others("productType")}
             GROUP BY b."productType" ORDER BY count DESC, value LIMIT ${FACET_VALUES}) x) AS "productTypes",
      (SELECT coalesce(json_agg(json_build_object('name', name, 'value', value, 'count', count) ORDER BY name, count DESC, value), '[]')
       FROM (SELECT name, value, count, row_number() OVER (PARTITION BY name ORDER BY count DESC, value) AS n,
                    dense_rank() OVER (ORDER BY name) AS option
             FROM (SELECT o.name, o.value, count(DISTINCT b."id")::int AS count
                   FROM base b JOIN "ProductVariant" v ON v."productId" = b."id"
                   CROSS JOIN LATERAL jsonb_to_recordset(v."selectedOptions") AS o(name text, value text)
                   WHERE ${others("options")} AND ${variantMatches(Prisma.sql`v`, chosen, Prisma.sql`o.name`)}
                   GROUP BY o.name, o.value) counted) x
       WHERE n <= ${FACET_VALUES} AND option <= ${FACET_OPTIONS}) AS "options",
      (SELECT coalesce(json_agg(json_build_object('currencyCode', "currencyCode", 'min', lo, 'max', hi, 'count', count) ORDER BY "currencyCode", lo), '[]')
       FROM (SELECT b."currencyCode", r.lo * k.f AS lo, r.hi * k.f - 1 AS hi, count(*)::int AS count
             FROM base b CROSS JOIN LATERAL (SELECT ${UNIT_FACTOR} AS f) k
             JOIN (VALUES ${Prisma.join(edges)}) AS r(lo, hi)
               ON b."maxPrice" >= r.lo * k.f AND (r.hi IS NULL OR b."minPrice" <= r.hi * k.f - 1)
             WHERE ${others("price")}
             GROUP BY b."currencyCode", r.lo, r.hi, k.f
             ORDER BY b."currencyCode", r.lo LIMIT ${FACET_VALUES}) x) AS "priceRanges",
      (SELECT json_build_object(
                'inStock', count(*) FILTER (WHERE b."totalInventory" > 0),
                'outOfStock', count(*) FILTER (WHERE b."totalInventory" <= 0))
       FROM base b WHERE ${others("available")}) AS "availability"`;

  const options = new Map<string, FacetValueShape[]>();
  for (const { name, value, count } of row?.options ?? []) {
    const values = options.get(name) ?? [];
    values.push({ value, count });
    options.set(name, values);
  }
  return {
    vendors: row?.vendors ?? [],
    productTypes: row?.productTypes ?? [],
    options: [...options.entries()].map(([name, values]) => ({ name, values })),
    priceRanges: row?.priceRanges ?? [],
    availability: row?.availability ?? { inStock: 0, outOfStock: 0 },
  };
}
