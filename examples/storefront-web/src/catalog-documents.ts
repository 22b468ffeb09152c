/**
 * The discovery pages' own documents (run with `client.request`): a collection's header without
 * its products (the list is `products(filter: { collectionId })`, which takes every filter), and
 * collections with their shop for the collections index.
 */
import type { CollectionFieldsFragment, CurrencyCode, TypedDocument } from "@shoppable/sdk";

const collectionFields = "id handle title description kind sortOrder productsCount";

export interface CollectionShop {
  id: string;
  handle: string;
  name: string;
  currencyCode: CurrencyCode;
}

export type CollectionSummary = Pick<
  CollectionFieldsFragment,
  "id" | "handle" | "title" | "description" | "kind" | "sortOrder" | "productsCount"
>;

/** A collection and its shop (with the shop's currency, for price filters). */
export const CollectionHeader = `query CollectionHeader($handle: String!) {
  collection(handle: $handle) { ${collectionFields} shop { id handle name currencyCode } }
}` as TypedDocument<
  { collection: (CollectionSummary & { shop: CollectionShop }) | null },
  { handle: string }
>;

/** Collections, oldest first, with their shop: all shops' or one shop's. */
export const CollectionList = `query CollectionList($shopId: ID, $first: Int, $after: String) {
  collections(shopId: $shopId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { ${collectionFields} shop { id handle name currencyCode }
      products(first: 1) { edges { node { id media { url posterUrl alt } } } } } }
  }
}` as TypedDocument<
  {
    collections: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: CollectionSummary & {
          shop: CollectionShop;
          products: {
            edges: {
              node: { id: string; media: { url: string; posterUrl: string | null; alt: string }[] };
            }[];
          };
        };
      }[];
    };
  },
  { shopId?: string | null; first?: number; after?: string | null }
>;
