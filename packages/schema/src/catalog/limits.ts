/**
 * What a product may hold, enforced on write (catalog/mutations.ts) and by the reads (a `take`),
 * so the cost model can price each list by its bound.
 */
export const CATALOG_LIMITS = {
  title: 255,
  description: 20_000,
  tag: 64,
  tags: 50,
  options: 3,
  optionValues: 100,
  variants: 100,
  media: 50,
  sku: 100,
  url: 2048,
  /** Longest return window a shop may offer (days after fulfilment). */
  returnWindowDays: 365,
  /** Rules of an automatic collection. */
  collectionRules: 10,
  /** Products one collection mutation adds, removes or moves. */
  collectionProductsPerCall: 250,
  /** Collections `Product.collections` lists. */
  productCollections: 50,
} as const;
