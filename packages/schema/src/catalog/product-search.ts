/**
 * What a products `query` matches, and how it ranks.
 *
 * A query in websearch syntax (quotes, `or`, `-word`) means exactly what it says. A query of plain
 * words is typo tolerant: each word not in the search dictionary is widened to its nearest words
 * (shared/search.ts), so "cottn" finds cotton and "snekers" sneakers. Both are served by the GIN
 * full-text index.
 *
 * Rank: the full-text rank of the widened query plus that of the words as typed, so exact matches
 * come before near ones.
 */
import { Prisma } from "@shoppable/db/client";
import { fuzzyTsQuery, queryWords } from "../shared/search.ts";

/** Websearch operators: a query using them means exactly what it says, without typo tolerance. */
const WEBSEARCH_SYNTAX = /["]|(^|\s)-\S|\sor\s/i;

export interface ProductSearch {
  condition: Prisma.Sql;
  rank: Prisma.Sql;
}

export function productSearch(query: string): ProductSearch {
  const typed = Prisma.sql`websearch_to_tsquery('english', ${query})`;
  const words = queryWords(query);
  if (WEBSEARCH_SYNTAX.test(query) || words.length === 0) {
    return {
      condition: Prisma.sql`p."searchVector" @@ ${typed}`,
      rank: Prisma.sql`ts_rank(p."searchVector", ${typed})`,
    };
  }
  const widened = fuzzyTsQuery(words);
  return {
    condition: Prisma.sql`p."searchVector" @@ ${widened}`,
    rank: Prisma.sql`(ts_rank(p."searchVector", ${widened}) + ts_rank(p."searchVector", ${typed}))`,
  };
}

/**
 * Products with one variant having the chosen option values: for each option named, any of its
 * chosen values (Color Red or Blue, and Size M). `selectedOptions` is `[{ name, value }]`.
 */
export function variantOptionCondition(options: { name: string; value: string }[]): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ProductVariant" v WHERE v."productId" = p."id" AND ${variantMatches(
    Prisma.sql`v`,
    options,
  )})`;
}

/** The chosen values grouped by option name, as `jsonb` containment tests on a variant's `selectedOptions`. */
export function variantMatches(
  variant: Prisma.Sql,
  options: { name: string; value: string }[],
  except?: Prisma.Sql,
): Prisma.Sql {
  const byName = new Map<string, string[]>();
  for (const { name, value } of options) {
    const values = byName.get(name) ?? [];
    values.push(JSON.stringify([{ name, value }]));
    byName.set(name, values);
  }
  const tests = [...byName.entries()].map(([name, values]) => {
    const test = Prisma.sql`${variant}."selectedOptions" @> ANY(${values}::jsonb[])`;
    return except ? Prisma.sql`(${except} = ${name} OR ${test})` : test;
  });
  return tests.length ? Prisma.join(tests, " AND ") : Prisma.sql`TRUE`;
}
