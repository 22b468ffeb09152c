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

const mailingAddress =
  "{ firstName lastName company address1 address2 city provinceCode zip countryCode phone formatted }";
const orderFields = `id number status createdAt total ${money} subtotal ${money} discountTotal ${money}
  shippingTotal ${money} taxTotal ${money} taxesIncluded shop { id handle name }
  shippingAddress ${mailingAddress} shippingLine { title price ${money} estimatedDays { min max } }
  taxLines { name percentage amount ${money} }
  lines { id productTitle variantTitle quantity total ${money} }`;

/** The orders an anonymous cart was checked out into: its holder reads them through `Cart.orders`. */
export const CartOrders = `query CartOrders($id: ID!) {
  cart(id: $id) { id orders { ${orderFields} } }
}` as TypedDocument<{ cart: { id: string; orders: OrderSummary[] } | null }, { id: string }>;

/** One order of the signed-in buyer, with its delivery and tax as at checkout. */
export const OrderReceipt = `query OrderReceipt($id: ID!) {
  order(id: $id) { ${orderFields} }
}` as TypedDocument<{ order: OrderSummary | null }, { id: string }>;

export interface OrderSummary {
  id: string;
  number: number;
  status: string;
  createdAt: string;
  total: MoneyFieldsFragment;
  subtotal: MoneyFieldsFragment;
  discountTotal: MoneyFieldsFragment;
  /** Tax included when `taxesIncluded`. */
  shippingTotal: MoneyFieldsFragment;
  taxTotal: MoneyFieldsFragment;
  taxesIncluded: boolean;
  shop: { id: string; handle: string; name: string };
  /** Null when nothing of the order ships. */
  shippingAddress: MailingAddress | null;
  shippingLine: { title: string; price: MoneyFieldsFragment; estimatedDays: DeliveryEstimate } | null;
  taxLines: { name: string; percentage: string; amount: MoneyFieldsFragment }[];
  lines: {
    id: string;
    productTitle: string;
    variantTitle: string | null;
    quantity: number;
    total: MoneyFieldsFragment;
  }[];
}

// ───────────── checkout: delivery address, delivery options, costs ─────────────

/** `MailingAddressInput`: what `cartDeliveryAddressUpdate` takes inline. */
export interface MailingAddressInput {
  firstName: string | null;
  lastName: string;
  company?: string | null;
  address1: string;
  address2: string | null;
  city: string;
  /** The subdivision without the country ("NY"); required where carriers need it. */
  provinceCode: string | null;
  zip: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  phone: string | null;
}

export interface MailingAddress extends MailingAddressInput {
  company: string | null;
  /** The address on one line, as on a label. */
  formatted: string;
}

/** A userError of the cart and checkout mutations; `field` is the path in `input`, such as ["address", "zip"]. */
export interface FieldUserError {
  code: string;
  field: string[] | null;
  message: string;
}

export interface DeliveryEstimate {
  min: number;
  max: number;
}

export type DeliveryUnavailableReason = "NO_ADDRESS" | "NOT_COVERED" | "NO_RATE_APPLIES";

export interface DeliveryOption {
  handle: string;
  title: string;
  estimatedDays: DeliveryEstimate;
  cost: MoneyFieldsFragment;
}

/** One shop's part of the cart and how it can be delivered (`Cart.deliveryGroups`). */
export interface DeliveryGroup {
  shop: { id: string; name: string };
  lines: { id: string }[];
  requiresShipping: boolean;
  deliveryOptions: DeliveryOption[];
  selectedDeliveryOption: { handle: string } | null;
  deliveryUnavailableReason: DeliveryUnavailableReason | null;
}

export interface CheckoutCartLine {
  id: string;
  quantity: number;
  variant: { id: string; title: string; product: { id: string; title: string } } | null;
  cost: { total: MoneyFieldsFragment; tax: MoneyFieldsFragment; taxIncluded: boolean };
}

/** What the checkout page shows of the cart: its lines, address, delivery groups and costs. */
export interface CheckoutCartFields {
  id: string;
  status: string;
  updatedAt: string;
  buyerIdentity: { email: string | null; countryCode: string | null };
  deliveryAddress: MailingAddress | null;
  deliveryGroups: DeliveryGroup[];
  lines: CheckoutCartLine[];
  /** Null while the cart is empty. */
  cost: {
    subtotal: MoneyFieldsFragment;
    discount: MoneyFieldsFragment;
    shipping: MoneyFieldsFragment;
    tax: MoneyFieldsFragment;
    includedTax: MoneyFieldsFragment;
    total: MoneyFieldsFragment;
  } | null;
}

const checkoutCartFields = `id status updatedAt buyerIdentity { email countryCode }
  deliveryAddress ${mailingAddress}
  deliveryGroups { shop { id name } lines { id } requiresShipping
    deliveryOptions { handle title estimatedDays { min max } cost ${money} }
    selectedDeliveryOption { handle } deliveryUnavailableReason }
  lines { id quantity variant { id title product { id title } } cost { total ${money} tax ${money} taxIncluded } }
  cost { subtotal ${money} discount ${money} shipping ${money} tax ${money} includedTax ${money} total ${money} }`;

/** The cart as the checkout page shows it. */
export const CheckoutCart = `query CheckoutCart($id: ID!) {
  cart(id: $id) { ${checkoutCartFields} }
}` as TypedDocument<{ cart: CheckoutCartFields | null }, { id: string }>;

export interface SavedAddress {
  id: string;
  isDefault: boolean;
  address: MailingAddress;
}

/** The signed-in buyer's address book, the default first (`viewer.addresses`). */
export const ViewerAddresses = `query ViewerAddresses {
  viewer { addresses { id isDefault address ${mailingAddress} } }
}` as TypedDocument<{ viewer: { addresses: SavedAddress[] } }, Record<string, never>>;

interface CartPayload {
  cart: CheckoutCartFields | null;
  userErrors: FieldUserError[];
}

/** Sets where the cart's goods go: an address typed in, or one of the viewer's saved addresses. */
export const CartDeliveryAddressUpdate =
  `mutation CartDeliveryAddressUpdate($input: CartDeliveryAddressUpdateInput!) {
  cartDeliveryAddressUpdate(input: $input) { cart { ${checkoutCartFields} } userErrors { code field message } }
}` as TypedDocument<
    { cartDeliveryAddressUpdate: CartPayload },
    { input: { cartId: string; address?: MailingAddressInput; addressId?: string } }
  >;

/** Chooses a delivery group's option (one selection per shop). */
export const CartSelectedDeliveryOptionsUpdate =
  `mutation CartSelectedDeliveryOptionsUpdate($input: CartSelectedDeliveryOptionsUpdateInput!) {
  cartSelectedDeliveryOptionsUpdate(input: $input) { cart { ${checkoutCartFields} } userErrors { code field message } }
}` as TypedDocument<
    { cartSelectedDeliveryOptionsUpdate: CartPayload },
    { input: { cartId: string; selections: { shopId: string; handle: string }[] } }
  >;

export interface CheckoutUserError extends FieldUserError {
  quantityAvailable: number | null;
  /** With the DELIVERY_ errors: the shop whose delivery group is concerned. */
  shopId: string | null;
}

/** `checkoutComplete`, with the `shopId` of DELIVERY_ errors (the page moves to that shop's group). */
export const CheckoutComplete = `mutation CheckoutComplete($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) { orders { id } userErrors { code field message quantityAvailable shopId } }
}` as TypedDocument<
  { checkoutComplete: { orders: { id: string }[]; userErrors: CheckoutUserError[] } },
  { input: { cartId: string; idempotencyKey: string; payment: { token: string } } }
>;

/** The first image of each product, for the cart's thumbnails (the cart's own fields carry none). */
export const ProductThumbnails = `query ProductThumbnails($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Product { id media { url posterUrl } } }
}` as TypedDocument<
  { nodes: ({ id?: string; media?: { url: string; posterUrl: string | null }[] } | null)[] },
  { ids: string[] }
>;
