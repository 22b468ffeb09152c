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
 * Shortest last word completed to the dictionary words it starts: "hoo" to hood, hook, hoodie.
 * Shorter ones complete to too many words to be of use ("co").
 */
export const PREFIX_MIN_LENGTH = 3;
/** Dictionary words a last word is completed to, shortest first. */
export const COMPLETIONS = 5;

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
 * word its nearest ones, ANDed. With `prefixLast`, the last word is also completed to the
 * COMPLETIONS shortest dictionary words it starts, when it has at least PREFIX_MIN_LENGTH letters
 * (a search box while typing: "hoo" finds hoodies, hooks and hoops, more than the nearest
 * three). Null when no word is left (all stop words).
 */
export function fuzzyTsQuery(words: string[], options: { prefixLast?: boolean } = {}): Prisma.Sql {
  const last = words.at(-1) ?? "";
  const prefixAt = options.prefixLast && last.length >= PREFIX_MIN_LENGTH ? words.length : 0;
  // The database function "search_tsquery" (see the search migration) builds it: PL/pgSQL, so
  // each connection plans the dictionary lookup once.
  return Prisma.sql`(SELECT "search_tsquery"(${words}::text[], ${prefixAt}::int, ${ALTERNATIVES}::int, ${COMPLETIONS}::int))`;
}
