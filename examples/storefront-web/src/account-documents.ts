/**
 * The account area's and the order page's own documents (run with `client.request`): the
 * buyer's orders with their first line's image and their returns, one order with its
 * fulfilments (tracking) and returns, the viewer's id, and the discount-code mutation returning
 * the checkout's cart.
 */
import type { MoneyFieldsFragment, TypedDocument } from "@shoppable/sdk";
import type { FieldUserError, MailingAddress } from "./documents.ts";

const money = "{ amount currencyCode }";
const mailingAddress =
  "{ firstName lastName company address1 address2 city provinceCode zip countryCode phone formatted }";

export type ReturnStatus = "REQUESTED" | "APPROVED" | "DECLINED";

export interface OrderReturn {
  id: string;
  status: ReturnStatus;
  reason: string;
  declineReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  lines: { quantity: number; line: { id: string; productTitle: string } }[];
  refund: { status: string; amount: MoneyFieldsFragment } | null;
}

const returnFields = `id status reason declineReason createdAt decidedAt
  lines { quantity line { id productTitle } } refund { status amount ${money} }`;

export interface Fulfillment {
  id: string;
  createdAt: string;
  tracking: { carrier: string | null; number: string | null; url: string | null } | null;
  lines: { quantity: number; line: { id: string } }[];
}

export interface OrderDetailLine {
  id: string;
  productId: string | null;
  productTitle: string;
  variantTitle: string;
  quantity: number;
  fulfilledQuantity: number;
  returnedQuantity: number;
  refundedQuantity: number;
  unitPrice: MoneyFieldsFragment;
  total: MoneyFieldsFragment;
  review: { id: string; rating: number } | null;
  variant: { id: string; product: { id: string; handle: string; media: ProductImage[] } } | null;
}

export interface ProductImage {
  url: string;
  posterUrl: string | null;
}

/** One order as the order page shows it: lines with images, delivery, tax, fulfilments and returns. */
export interface OrderDetail {
  id: string;
  number: number;
  status: string;
  fulfillmentStatus: "UNFULFILLED" | "PARTIALLY_FULFILLED" | "FULFILLED";
  createdAt: string;
  paidAt: string | null;
  fulfilledAt: string | null;
  cancelledAt: string | null;
  discountCodes: string[];
  total: MoneyFieldsFragment;
  subtotal: MoneyFieldsFragment;
  discountTotal: MoneyFieldsFragment;
  shippingTotal: MoneyFieldsFragment;
  taxTotal: MoneyFieldsFragment;
  refundedTotal: MoneyFieldsFragment;
  taxesIncluded: boolean;
  shop: { id: string; handle: string; name: string; returnWindowDays: number };
  shippingAddress: MailingAddress | null;
  shippingLine: {
    title: string;
    price: MoneyFieldsFragment;
    estimatedDays: { min: number; max: number };
  } | null;
  taxLines: { name: string; percentage: string; amount: MoneyFieldsFragment }[];
  lines: OrderDetailLine[];
  fulfillments: Fulfillment[];
  returns: OrderReturn[];
}

const orderHead = `id number status fulfillmentStatus createdAt paidAt fulfilledAt cancelledAt discountCodes
  total ${money} subtotal ${money} discountTotal ${money} shippingTotal ${money} taxTotal ${money} refundedTotal ${money}
  taxesIncluded shop { id handle name returnWindowDays }
  shippingAddress ${mailingAddress} shippingLine { title price ${money} estimatedDays { min max } }
  taxLines { name percentage amount ${money} }`;
const lineFields = `id productId productTitle variantTitle quantity fulfilledQuantity returnedQuantity refundedQuantity
  unitPrice ${money} total ${money} review { id rating }`;

const orderDetailFields = `${orderHead}
  lines { ${lineFields} variant { id product { id handle media { url posterUrl } } } }
  fulfillments { id createdAt tracking { carrier number url } lines { quantity line { id } } }
  returns { ${returnFields} }`;

/**
 * An anonymous buyer's orders through their cart: every order of the cart at once, so without
 * the lines' images, the shipments' lines and the returns (which need an account), to stay
 * within the API's cost limit.
 */
const cartOrderFields = `${orderHead}
  lines { ${lineFields} }
  fulfillments { id createdAt tracking { carrier number url } }`;

/** One order of the signed-in buyer (`order`). */
export const OrderDetailQuery = `query OrderDetail($id: ID!) {
  order(id: $id) { ${orderDetailFields} }
}` as TypedDocument<{ order: OrderDetail | null }, { id: string }>;

/** The orders an anonymous cart was checked out into (`Cart.orders`), lighter (see cartOrderFields). */
export const CartOrderDetails = `query CartOrderDetails($id: ID!) {
  cart(id: $id) { id orders { ${cartOrderFields} } }
}` as TypedDocument<
  {
    cart: {
      id: string;
      orders: (Omit<OrderDetail, "lines" | "fulfillments" | "returns"> & {
        lines: Omit<OrderDetailLine, "variant">[];
        fulfillments: Omit<Fulfillment, "lines">[];
      })[];
    } | null;
  },
  { id: string }
>;

/** A row of the account's order history. */
export interface OrderHistoryRow {
  id: string;
  number: number;
  status: string;
  fulfillmentStatus: string;
  createdAt: string;
  total: MoneyFieldsFragment;
  shop: { name: string };
  lines: {
    id: string;
    productTitle: string;
    quantity: number;
    variant: { product: { media: ProductImage[] } } | null;
  }[];
  returns: OrderReturn[];
}

/** The signed-in buyer's orders, newest first, by page (`viewer.orders`). */
export const OrderHistory = `query OrderHistory($first: Int!, $after: String) {
  viewer { orders(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node {
    id number status fulfillmentStatus createdAt total ${money} shop { name }
    lines { id productTitle quantity variant { product { media { url posterUrl } } } }
    returns { ${returnFields} }
  } } } }
}` as TypedDocument<
  {
    viewer: {
      orders: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: OrderHistoryRow }[];
      };
    };
  },
  { first: number; after?: string | null }
>;

/** The signed-in user's id (to know their own comments); null signed out. */
export const ViewerId = `query ViewerId { viewer { user { id } } }` as TypedDocument<
  { viewer: { user: { id: string } | null } },
  Record<string, never>
>;

/** The buyer's order lines of one product that may be reviewed (paid or shipped, no review yet). */
export const ReviewableLines = `query ReviewableLines {
  viewer { orders(first: 50) { edges { node { id status lines { id productId review { id } } } } } }
}` as TypedDocument<
  {
    viewer: {
      orders: {
        edges: {
          node: {
            id: string;
            status: string;
            lines: { id: string; productId: string | null; review: { id: string } | null }[];
          };
        }[];
      };
    };
  },
  Record<string, never>
>;

export interface CartDiscountCode {
  code: string;
  applicable: boolean;
  reason: string | null;
  amount: MoneyFieldsFragment | null;
}

/** Replaces the cart's discount codes; answers with the codes and the checkout's cart. */
export const CheckoutDiscountCodesUpdate =
  `mutation CheckoutDiscountCodesUpdate($input: CartDiscountCodesUpdateInput!) {
  cartDiscountCodesUpdate(input: $input) {
    cart { id discountCodes { code applicable reason amount ${money} } }
    userErrors { code field message }
  }
}` as TypedDocument<
    {
      cartDiscountCodesUpdate: {
        cart: { id: string; discountCodes: CartDiscountCode[] } | null;
        userErrors: FieldUserError[];
      };
    },
    { input: { cartId: string; discountCodes: string[] } }
  >;

/** The cart's discount codes (read with the checkout's cart). */
export const CartDiscountCodes = `query CartDiscountCodes($id: ID!) {
  cart(id: $id) { id currencyCode discountCodes { code applicable reason amount ${money} } }
}` as TypedDocument<
  { cart: { id: string; currencyCode: string | null; discountCodes: CartDiscountCode[] } | null },
  { id: string }
>;
