/**
 * The catalog's URL ⇄ filter state: what a search, collection or shop page shows is read from
 * its query string and written back to it, so a reload, a shared link or back/forward shows
 * exactly the same list. Pure functions, no React, no SDK calls.
 *
 * `?q=cotton&vendor=Acme&vendor=Nord&type=Apparel&opt.Size=M&price=10-24.99&cur=EUR&available=1&sort=price-asc`
 *
 * - `vendor`, `type` and `opt.<Option name>` repeat for several values (any of them matches).
 * - `price` is `min-max` in the currency's units; either edge may be left out (`500-`), not both.
 *   `cur` names its currency where the page mixes shops (search); a shop's or a collection's
 *   page uses its shop's currency.
 * - `available` is `1` (in stock) or `0` (sold out).
 * - Unknown parameters, unknown sorts and malformed prices are ignored.
 */
import type { CurrencyCode, ProductFilter, ProductSortKey } from "@shoppable/sdk";

/** The sorts a shopper can pick; which of them a page offers is `sortsFor`. */
export const SORTS = ["featured", "relevance", "newest", "price-asc", "price-desc", "title"] as const;
export type Sort = (typeof SORTS)[number];

export const SORT_LABELS: Record<Sort, string> = {
  featured: "Featured",
  relevance: "Relevance",
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  title: "Name: A–Z",
};

export interface PriceRange {
  /** Decimal strings ("10", "24.99"); at least one is set. */
  min: string | null;
  max: string | null;
}

/** Everything a product list's URL says. */
export interface CatalogQuery {
  q: string;
  vendors: string[];
  types: string[];
  /** Option name → the values chosen (any of them). */
  options: Record<string, string[]>;
  price: PriceRange | null;
  /** The price's currency, when the URL names one. */
  currency: string | null;
  available: boolean | null;
  /** null: the page's default order. */
  sort: Sort | null;
}

export const EMPTY_QUERY: CatalogQuery = {
  q: "",
  vendors: [],
  types: [],
  options: {},
  price: null,
  currency: null,
  available: null,
  sort: null,
};

const OPTION_PREFIX = "opt.";
const DECIMAL = /^\d{1,9}(\.\d{1,3})?$/;
const CURRENCY = /^[A-Z]{3}$/;
/** At most this many values per list (the API takes 50). */
const MAX_VALUES = 50;

/** `"10-24.99"` → `{ min: "10", max: "24.99" }`; null for anything else (an empty, reversed or non-numeric range). */
export function parsePrice(text: string | null): PriceRange | null {
  if (!text) return null;
  const match = /^([^-]*)-([^-]*)$/.exec(text.trim());
  if (!match) return null;
  const [min, max] = [match[1] || null, match[2] || null];
  if (min === null && max === null) return null;
  if ((min !== null && !DECIMAL.test(min)) || (max !== null && !DECIMAL.test(max))) return null;
  if (min !== null && max !== null && Number(min) > Number(max)) return null;
  return { min, max };
}

export function formatPrice(price: PriceRange): string {
  return `${price.min ?? ""}-${price.max ?? ""}`;
}

function values(search: URLSearchParams, key: string): string[] {
  const seen = new Set<string>();
  for (const value of search.getAll(key)) {
    const trimmed = value.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen].slice(0, MAX_VALUES);
}

/** Reads a product list's state from its URL's query string. */
export function parseCatalogQuery(search: URLSearchParams | string): CatalogQuery {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const options: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) {
    if (!key.startsWith(OPTION_PREFIX)) continue;
    const name = key.slice(OPTION_PREFIX.length).trim();
    const chosen = values(params, key);
    if (name && chosen.length) options[name] = chosen;
  }
  const price = parsePrice(params.get("price"));
  const currency = params.get("cur")?.toUpperCase() ?? null;
  const available = params.get("available");
  const sort = params.get("sort");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    vendors: values(params, "vendor"),
    types: values(params, "type"),
    options,
    price,
    currency: price && currency && CURRENCY.test(currency) ? currency : null,
    available: available === "1" ? true : available === "0" ? false : null,
    sort: SORTS.find((known) => known === sort) ?? null,
  };
}

/** Writes the state as a query string (without "?"), in a stable order; empty for no state. */
export function formatCatalogQuery(query: CatalogQuery): string {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set("q", query.q.trim());
  for (const vendor of query.vendors) params.append("vendor", vendor);
  for (const type of query.types) params.append("type", type);
  for (const name of Object.keys(query.options).sort())
    for (const value of query.options[name] ?? []) params.append(`${OPTION_PREFIX}${name}`, value);
  if (query.price) {
    params.set("price", formatPrice(query.price));
    if (query.currency) params.set("cur", query.currency);
  }
  if (query.available !== null) params.set("available", query.available ? "1" : "0");
  if (query.sort) params.set("sort", query.sort);
  return params.toString();
}

/** Where the list comes from: the whole catalog (search), a shop, or a collection. */
export interface CatalogScope {
  kind: "search" | "shop" | "collection";
  shopId?: string;
  collectionId?: string;
  /** The scope's currency (a shop's); the search page has none. */
  currency?: string | null;
  /** A collection's own default order (`Collection.sortOrder`). */
  collectionSortOrder?: string | null;
}

/** The sorts a page offers, its default first. */
export function sortsFor(scope: CatalogScope, q: string): Sort[] {
  const common: Sort[] = ["newest", "price-asc", "price-desc", "title"];
  if (scope.kind === "collection") return q ? ["featured", "relevance", ...common] : ["featured", ...common];
  return q ? ["relevance", ...common] : common;
}

/** The sort the list is in: the URL's, if the page offers it, else the page's default. */
export function effectiveSort(query: CatalogQuery, scope: CatalogScope): Sort {
  const offered = sortsFor(scope, query.q);
  return query.sort && offered.includes(query.sort) ? query.sort : (offered[0] ?? "newest");
}

const COLLECTION_ORDER: Record<string, { sortKey: ProductSortKey; reverse: boolean }> = {
  MANUAL: { sortKey: "MANUAL", reverse: false },
  CREATED: { sortKey: "CREATED_AT", reverse: false },
  TITLE: { sortKey: "TITLE", reverse: false },
  PRICE_ASC: { sortKey: "PRICE", reverse: false },
  PRICE_DESC: { sortKey: "PRICE", reverse: true },
};

/** The `products` sort arguments for a sort. */
export function sortArguments(
  sort: Sort,
  scope: CatalogScope,
): { sortKey: ProductSortKey; reverse: boolean } {
  switch (sort) {
    case "featured":
      return COLLECTION_ORDER[scope.collectionSortOrder ?? ""] ?? { sortKey: "CREATED_AT", reverse: false };
    case "relevance":
      return { sortKey: "RELEVANCE", reverse: false };
    case "newest":
      return { sortKey: "CREATED_AT", reverse: false };
    case "price-asc":
      return { sortKey: "PRICE", reverse: false };
    case "price-desc":
      return { sortKey: "PRICE", reverse: true };
    case "title":
      return { sortKey: "TITLE", reverse: false };
  }
}

/**
 * The `ProductFilter` for a state within a scope. A price applies only with a currency: the
 * URL's, else the scope's.
 */
export function productFilter(query: CatalogQuery, scope: CatalogScope): ProductFilter {
  const filter: ProductFilter = {};
  if (scope.shopId) filter.shopId = scope.shopId;
  if (scope.collectionId) filter.collectionId = scope.collectionId;
  if (query.vendors.length) filter.vendors = query.vendors;
  if (query.types.length) filter.productTypes = query.types;
  const options = Object.entries(query.options).flatMap(([name, chosen]) =>
    chosen.map((value) => ({ name, value })),
  );
  if (options.length) filter.options = options;
  const currencyCode = query.currency ?? scope.currency;
  if (query.price && currencyCode)
    filter.price = {
      currencyCode: currencyCode as CurrencyCode,
      ...(query.price.min !== null ? { min: query.price.min } : {}),
      ...(query.price.max !== null ? { max: query.price.max } : {}),
    };
  if (query.available !== null) filter.available = query.available;
  return filter;
}

/** How many filters are chosen (the query and the sort are not filters). */
export function filterCount(query: CatalogQuery): number {
  return (
    query.vendors.length +
    query.types.length +
    Object.values(query.options).reduce((sum, chosen) => sum + chosen.length, 0) +
    (query.price ? 1 : 0) +
    (query.available !== null ? 1 : 0)
  );
}

/** The state without its filters (the query and the sort stay). */
export function clearFilters(query: CatalogQuery): CatalogQuery {
  return { ...EMPTY_QUERY, q: query.q, sort: query.sort };
}

/** Adds the value to a list, or takes it out when it is there. */
export function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** Chooses or unchooses an option value. */
export function toggleOption(query: CatalogQuery, name: string, value: string): CatalogQuery {
  const chosen = toggle(query.options[name] ?? [], value);
  const options = { ...query.options };
  if (chosen.length) options[name] = chosen;
  else delete options[name];
  return { ...query, options };
}
