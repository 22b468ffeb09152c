/**
 * The storefront's own documents, for reads the SDK has no named operation for; run with
 * `client.request` (typed by hand here, as the SDK's README shows for your own documents).
 */
import type {
  CommissionFieldsFragment,
  MoneyFieldsFragment,
  PostFieldsFragment,
  TypedDocument,
} from "@shoppable/sdk";

const money = "{ amount currencyCode }";
const postFields = `id caption hashtags visibility createdAt likeCount viewCount shareCount purchaseCount viewerHasLiked
  author { id handle displayName avatarUrl } shop { id handle name }
  media { kind url posterUrl width height durationMs }
  productTags { id position x y startMs endMs
    product { id handle title availableForSale priceRange { min ${money} } variants { id availableForSale } }
    variant { id title availableForSale price ${money} } }`;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A shop's posts, newest first (`Shop.posts`). */
export const ShopPosts = `query ShopPosts($handle: String!, $first: Int, $after: String) {
  shop(handle: $handle) { id posts(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${postFields} } } } }
}` as TypedDocument<
  { shop: { id: string; posts: { pageInfo: PageInfo; edges: { node: PostFieldsFragment }[] } } | null },
  { handle: string; first?: number; after?: string | null }
>;

/** The creator's commission ledger, newest first (`viewer.commissions`). */
export const ViewerCommissions = `query ViewerCommissions($first: Int) {
  viewer { commissions(first: $first) { edges { node {
    id status rate reversal selfReferral orderId orderNumber payableAt createdAt amount ${money} revenue ${money} link { id code }
  } } } }
}` as TypedDocument<
  { viewer: { commissions: { edges: { node: CommissionFieldsFragment }[] } } },
  { first?: number }
>;

export interface AffiliateStatsRow {
  linkId: string | null;
  clicks: number;
  countedClicks: number;
  orders: number;
  conversionRate: number;
  revenue: MoneyFieldsFragment;
  commission: MoneyFieldsFragment;
}

/** The creator's figures per link (`viewer.affiliateStats`, by whole hours). */
export const AffiliateStats = `query AffiliateStats($from: DateTime!, $to: DateTime!) {
  viewer { affiliateStats(from: $from, to: $to, groupBy: LINK) { linkId clicks countedClicks orders conversionRate revenue ${money} commission ${money} } }
}` as TypedDocument<{ viewer: { affiliateStats: AffiliateStatsRow[] } }, { from: string; to: string }>;

/** A shop's affiliate program (public fields), for the creator page. */
export const ShopProgram = `query ShopProgram($handle: String!) {
  shop(handle: $handle) { id handle name affiliateProgram { id access model defaultRate attributionWindowSeconds } }
}` as TypedDocument<
  {
    shop: {
      id: string;
      handle: string;
      name: string;
      affiliateProgram: {
        id: string;
        access: string;
        model: string;
        defaultRate: number;
        attributionWindowSeconds: number;
      } | null;
    } | null;
  },
  { handle: string }
>;

/** The orders an anonymous cart was checked out into: its holder reads them through `Cart.orders`. */
export const CartOrders = `query CartOrders($id: ID!) {
  cart(id: $id) { id orders { id number status createdAt total ${money} subtotal ${money} shop { id handle name }
    lines { id productTitle variantTitle quantity total ${money} } } }
}` as TypedDocument<{ cart: { id: string; orders: OrderSummary[] } | null }, { id: string }>;

export interface OrderSummary {
  id: string;
  number: number;
  status: string;
  createdAt: string;
  total: MoneyFieldsFragment;
  subtotal: MoneyFieldsFragment;
  shop: { id: string; handle: string; name: string };
  lines: {
    id: string;
    productTitle: string;
    variantTitle: string | null;
    quantity: number;
    total: MoneyFieldsFragment;
  }[];
}

/** The first image of each product, for the cart's thumbnails (the cart's own fields carry none). */
export const ProductThumbnails = `query ProductThumbnails($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Product { id media { url posterUrl } } }
}` as TypedDocument<
  { nodes: ({ id?: string; media?: { url: string; posterUrl: string | null }[] } | null)[] },
  { ids: string[] }
>;
