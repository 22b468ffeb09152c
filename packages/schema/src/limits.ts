/** Request limits shared by the schema (complexity plugin) and the transport. */
export const limits = {
  /** Largest page any connection returns. */
  maxPageSize: 100,
  /** Page size when neither `first` nor `last` is given. */
  defaultPageSize: 20,
  /**
   * Most a single operation may cost (scalars 0, objects 1, lists and connections multiply; see
   * builder.ts). A page of 100 products with their variants, prices, options and media costs
   * about 3,000.
   */
  maxComplexity: 10_000,
  /** Children of a plain list field count this many times unless the field declares otherwise. */
  defaultListMultiplier: 10,
  maxDepth: 12,
  maxBreadth: 250,
  /** Longest free-text search query. */
  maxSearchLength: 200,
} as const;
