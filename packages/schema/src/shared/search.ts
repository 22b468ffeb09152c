/**
 * Typo-tolerant full-text queries, shared by the products list and predictive search.
 *
 * A query's words are looked up in the search dictionary ("SearchTerm": every word of the
 * catalog and of post captions and hashtags, kept by triggers) by trigram word similarity
 * (pg_trgm, at the connection's threshold: `WORD_SIMILARITY_THRESHOLD` in @shoppable/db). A word
 * that is in the dictionary means itself; one that is not is widened to its nearest words, so
 * "cottn" searches (cottn | cotton). Words are then ANDed into one `tsquery`, served by the GIN
 * full-text indexes. The dictionary is small (a word per row, not a row per product), so the
 * lookup costs well under a millisecond at 100,000 products, where trigram matching of each
 * product's own text costs tens.
 */
import { Prisma } from "@shoppable/db/client";

/** Most words of a query that are looked up (the rest are ignored). */
export const MAX_QUERY_WORDS = 8;
/** Nearest dictionary words one unknown word is widened to. */
export const ALTERNATIVES = 3;
/**
 * Shortest last word matched as a prefix. "co:*" matches 60,000 of 100,000 products through
 * hundreds of words (12 ms in the index); "co" widened to its nearest words costs 5 ms.
 */
export const PREFIX_MIN_LENGTH = 3;

/** The words of a query, as the dictionary splits text: lower-case runs of letters and digits. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_QUERY_WORDS);
}

/**
 * A scalar subquery giving the `tsquery` of `words`: each word, or when it is not a dictionary
 * word its nearest ones, ANDed. With `prefixLast`, the last word also matches as a prefix when it
 * has at least PREFIX_MIN_LENGTH letters (a search box while typing: "hoo" finds hoodies, hooks
 * and hoops, more than the nearest three). Null when no word is left (all stop words).
 */
export function fuzzyTsQuery(words: string[], options: { prefixLast?: boolean } = {}): Prisma.Sql {
  const last = words.at(-1) ?? "";
  const prefixAt = options.prefixLast && last.length >= PREFIX_MIN_LENGTH ? words.length : 0;
  return Prisma.sql`(SELECT to_tsquery('english', string_agg(alternatives, ' & ' ORDER BY i)) FROM (
    SELECT w.i, '(' || string_agg(x.alt, ' | ') || ')' AS alternatives
    FROM unnest(${words}::text[]) WITH ORDINALITY AS w(word, i)
    CROSS JOIN LATERAL (
      SELECT w.word || CASE WHEN w.i = ${prefixAt} THEN ':*' ELSE '' END AS alt
      UNION ALL
      (SELECT t."term" FROM "SearchTerm" t
       WHERE length(w.word) > 1 AND w.word <% t."term"
         AND NOT EXISTS (SELECT 1 FROM "SearchTerm" e WHERE e."term" = w.word)
       ORDER BY w.word <<-> t."term", t."term" LIMIT ${ALTERNATIVES})
    ) x
    GROUP BY w.i) widened)`;
}
