/** Request limits shared by the schema (complexity plugin) and the transport. */
export const limits = {
  /** Largest page any connection returns. */
  maxPageSize: 100,
  /** Page size when neither `first` nor `last` is given. */
  defaultPageSize: 20,
  /** A page of 100 products with every field of their variants, options and media costs ~25,000. */
  maxComplexity: 50_000,
  maxDepth: 12,
  maxBreadth: 250,
  /** Longest free-text search query. */
  maxSearchLength: 200,
} as const;
