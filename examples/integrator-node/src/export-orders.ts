/**
 * Exporting a shop's orders as CSV, one row per order line, paging through `Shop.orders`
 * with its connection cursors: what was bought, where it ships and how, its tax, and how far
 * it has shipped. The rows are streamed out as pages arrive (csv-stringify, which quotes any
 * field with a comma, a quote or a line break).
 */
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type {
  CurrencyCode,
  OrderFulfillmentStatus,
  OrderStatus,
  PaymentStatus,
  ShoppableClient,
  TypedDocument,
} from "@shoppable/sdk";
import { ShopNotFoundError } from "./import-catalog.ts";

interface Money {
  amount: string;
  currencyCode: CurrencyCode;
}

interface ShopOrdersPage {
  shop: {
    id: string;
    orders: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: {
          id: string;
          number: number;
          status: OrderStatus;
          createdAt: string;
          paidAt: string | null;
          fulfilledAt: string | null;
          cancelledAt: string | null;
          currencyCode: CurrencyCode;
          email: string | null;
          subtotal: Money;
          discountTotal: Money;
          total: Money;
          refundedTotal: Money;
          shippingTotal: Money;
          taxTotal: Money;
          taxesIncluded: boolean;
          shippingAddress: {
            firstName: string | null;
            lastName: string;
            company: string | null;
            address1: string;
            address2: string | null;
            city: string;
            provinceCode: string | null;
            zip: string | null;
            countryCode: string;
          } | null;
          shippingLine: { handle: string; title: string } | null;
          fulfillmentStatus: OrderFulfillmentStatus;
          fulfillments: { tracking: { number: string | null } | null }[];
          payments: { status: PaymentStatus }[];
          lines: {
            id: string;
            productTitle: string;
            variantTitle: string;
            sku: string | null;
            quantity: number;
            refundedQuantity: number;
            unitPrice: Money;
            discount: Money;
            total: Money;
            tax: Money;
          }[];
        };
      }[];
    };
  } | null;
}

/**
 * The SDK has one generated function per root field (`client.shop` reads the shop's public
 * fields); a shop's orders are a merchant's own document, run with `client.request` and typed
 * here by hand (see packages/sdk/examples/own-documents.ts).
 */
export const SHOP_ORDERS =
  `query ShopOrders($handle: String!, $first: Int!, $after: String, $status: [OrderStatus!], $createdAfter: DateTime, $createdBefore: DateTime) {
  shop(handle: $handle) {
    id
    orders(first: $first, after: $after, status: $status, createdAfter: $createdAfter, createdBefore: $createdBefore) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id number status createdAt paidAt fulfilledAt cancelledAt currencyCode email
          subtotal { amount currencyCode } discountTotal { amount currencyCode }
          total { amount currencyCode } refundedTotal { amount currencyCode }
          shippingTotal { amount currencyCode } taxTotal { amount currencyCode } taxesIncluded
          shippingAddress { firstName lastName company address1 address2 city provinceCode zip countryCode }
          shippingLine { handle title }
          fulfillmentStatus
          fulfillments { tracking { number } }
          payments { status }
          lines {
            id productTitle variantTitle sku quantity refundedQuantity
            unitPrice { amount currencyCode } discount { amount currencyCode } total { amount currencyCode }
            tax { amount currencyCode }
          }
        }
      }
    }
  }
}` as TypedDocument<
    ShopOrdersPage,
    {
      handle: string;
      first: number;
      after?: string | null;
      status?: OrderStatus[] | null;
      createdAfter?: string | null;
      createdBefore?: string | null;
    }
  >;

export type OrderNode = NonNullable<ShopOrdersPage["shop"]>["orders"]["edges"][number]["node"];

/**
 * The export's columns, in order; later additions go at the end, so existing columns keep their
 * place. Money columns are decimal strings in `currencyCode`.
 */
export const ORDER_COLUMNS = [
  "orderId",
  "orderNumber",
  "createdAt",
  "paidAt",
  "fulfilledAt",
  "cancelledAt",
  "status",
  "paymentStatus",
  "email",
  "currencyCode",
  "orderSubtotal",
  "orderDiscount",
  "orderTotal",
  "orderRefunded",
  "lineId",
  "productTitle",
  "variantTitle",
  "sku",
  "quantity",
  "refundedQuantity",
  "unitPrice",
  "lineDiscount",
  "lineTotal",
  "lineTax",
  "orderShipping",
  "orderTax",
  "taxesIncluded",
  "shippingMethod",
  "shippingMethodTitle",
  "shippingName",
  "shippingCompany",
  "shippingAddress1",
  "shippingAddress2",
  "shippingCity",
  "shippingProvince",
  "shippingZip",
  "shippingCountry",
  "fulfillmentStatus",
  "trackingNumbers",
] as const;
export type OrderCsvRow = Record<(typeof ORDER_COLUMNS)[number], string>;

/** The CSV rows of one order: one per line (an order always has at least one). */
export function orderRows(order: OrderNode): OrderCsvRow[] {
  const to = order.shippingAddress;
  const shipping = {
    orderShipping: order.shippingTotal.amount,
    orderTax: order.taxTotal.amount,
    taxesIncluded: String(order.taxesIncluded),
    // Empty when nothing of the order ships (digital goods).
    shippingMethod: order.shippingLine?.handle ?? "",
    shippingMethodTitle: order.shippingLine?.title ?? "",
    shippingName: [to?.firstName, to?.lastName].filter(Boolean).join(" "),
    shippingCompany: to?.company ?? "",
    shippingAddress1: to?.address1 ?? "",
    shippingAddress2: to?.address2 ?? "",
    shippingCity: to?.city ?? "",
    shippingProvince: to?.provinceCode ?? "",
    shippingZip: to?.zip ?? "",
    shippingCountry: to?.countryCode ?? "",
    fulfillmentStatus: order.fulfillmentStatus,
    // One per parcel with a tracking number, oldest first, separated by "|".
    trackingNumbers: order.fulfillments
      .flatMap((f) => (f.tracking?.number ? [f.tracking.number] : []))
      .join("|"),
  };
  return order.lines.map((line) => ({
    orderId: order.id,
    orderNumber: String(order.number),
    createdAt: order.createdAt,
    paidAt: order.paidAt ?? "",
    fulfilledAt: order.fulfilledAt ?? "",
    cancelledAt: order.cancelledAt ?? "",
    status: order.status,
    // An order has one payment; several would be listed in order, separated by "|".
    paymentStatus: order.payments.map((p) => p.status).join("|"),
    email: order.email ?? "",
    currencyCode: order.currencyCode,
    orderSubtotal: order.subtotal.amount,
    orderDiscount: order.discountTotal.amount,
    orderTotal: order.total.amount,
    orderRefunded: order.refundedTotal.amount,
    lineId: line.id,
    productTitle: line.productTitle,
    variantTitle: line.variantTitle,
    sku: line.sku ?? "",
    quantity: String(line.quantity),
    refundedQuantity: String(line.refundedQuantity),
    unitPrice: line.unitPrice.amount,
    lineDiscount: line.discount.amount,
    lineTotal: line.total.amount,
    lineTax: line.tax.amount,
    ...shipping,
  }));
}

export interface ExportOptions {
  shop: string;
  /** Only orders in these statuses (default: all). */
  status?: OrderStatus[];
  /** Only orders created after this instant (exclusive). */
  createdAfter?: Date;
  /** Only orders created before this instant (exclusive). */
  createdBefore?: Date;
  /** Orders per request, 1 to 100 (default 50). */
  pageSize?: number;
  /** Called after each page with the number of orders so far. */
  onProgress?: (orders: number) => void;
}

/**
 * Writes the shop's orders, newest first, to `out` as CSV with a header row, and ends `out`
 * (but not process.stdout). Nothing is written, and a function `out` is not called (a file not
 * created), until the first page has answered: a refused export leaves no header behind.
 * Needs a secret key with a merchant of the shop (or the platform: a secret key alone).
 * @throws ShopNotFoundError when no shop has the handle
 * @throws ShoppableAuthError (FORBIDDEN) when the caller does not manage the shop
 */
export async function exportOrders(
  client: ShoppableClient,
  out: Writable | (() => Writable),
  options: ExportOptions,
): Promise<{ orders: number; rows: number }> {
  const csv = stringify({ header: true, columns: [...ORDER_COLUMNS] });
  let target: Writable | null = null;
  let after: string | null = null;
  let orders = 0;
  let rows = 0;
  try {
    for (;;) {
      const page: ShopOrdersPage = await client.request(SHOP_ORDERS, {
        handle: options.shop,
        first: options.pageSize ?? 50,
        after,
        status: options.status?.length ? options.status : null,
        createdAfter: options.createdAfter?.toISOString() ?? null,
        createdBefore: options.createdBefore?.toISOString() ?? null,
      });
      if (!page.shop) throw new ShopNotFoundError(`No shop has the handle "${options.shop}".`);
      if (!target) {
        target = typeof out === "function" ? out() : out;
        csv.pipe(target);
      }
      for (const { node } of page.shop.orders.edges) {
        for (const row of orderRows(node)) {
          // Respect back-pressure: a slow `out` pauses the paging.
          if (!csv.write(row)) await new Promise((resolve) => csv.once("drain", resolve));
          rows++;
        }
        orders++;
      }
      options.onProgress?.(orders);
      if (!page.shop.orders.pageInfo.hasNextPage) break;
      after = page.shop.orders.pageInfo.endCursor;
    }
  } finally {
    if (target) {
      csv.end();
      // Piping never ends process.stdout: there, wait for the CSV stream to be drained instead.
      await finished(target === process.stdout ? csv : target);
    }
  }
  return { orders, rows };
}
