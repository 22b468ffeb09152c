/**
 * The pure steps of RESERVE (checkout/service.ts): whether a loaded cart may check out, what a
 * live price falls back to, which discount codes it redeems, the orders it becomes (one per
 * shop) and the rows those orders are written as. No database and no context: data in, drafts
 * (or userErrors) out, so each rule is unit-tested (draft-orders.test.ts) and RESERVE only
 * sequences them between its statements (checkout/reservation.ts).
 *
 * Amounts are integer minor units. The pricing itself (line subtotals, a shop's best code spread
 * over its lines by largest remainder) is cart/pricing.ts's; drafting only adds it up per shop.
 */
import type { LoadedLine } from "../cart/load.ts";
import type { CartCosts, ShopCost } from "../delivery/cart-costs.ts";
import type { MailingAddressShape } from "../delivery/address-rules.ts";
import { percentageOf } from "../delivery/tax-rules.ts";
import { DISCOUNT_REASONS, type DiscountReason, type PricedCart } from "../cart/pricing.ts";
import { MAX_MINOR_UNITS } from "../money.ts";
import { checkoutError, type CheckoutUserErrorShape } from "./errors.ts";
import type { StockItem } from "./inventory.ts";
import type { LineRow, OrderRow, PaymentInsertRow, RedemptionRow } from "./reservation.ts";

/** A cart line as RESERVE loaded it (cart/load.ts): the variant and product now, the price that applies. */
export type CheckoutLine = LoadedLine;

export function outOfStock(variantId: string, available: number, wanted: number): CheckoutUserErrorShape {
  return checkoutError(
    "OUT_OF_STOCK",
    `Only ${available} of this variant can be bought; the cart asks for ${wanted}.`,
    ["cartId"],
    { quantityAvailable: available, variantId },
  );
}

/**
 * Why the cart cannot check out, from what was loaded, before any lock is taken (so a doomed
 * checkout fails before touching shared rows): no lines (alone), no buyer to name, products no
 * longer ACTIVE, and variants whose lines together ask for more than their stock. The stock is
 * checked again, exactly, when it is taken.
 */
export function checkoutBlockers(
  lines: readonly CheckoutLine[],
  buyerKey: string | null,
): CheckoutUserErrorShape[] {
  if (lines.length === 0) return [checkoutError("EMPTY_CART", "The cart has no lines.", ["cartId"])];
  const errors: CheckoutUserErrorShape[] = [];
  if (!buyerKey)
    errors.push(
      checkoutError(
        "EMAIL_REQUIRED",
        "Set the buyer's email (cartBuyerIdentityUpdate) or send a user token.",
        ["cartId"],
      ),
    );
  const wanted = new Map<string, { quantity: number; available: number }>();
  for (const line of lines) {
    if (line.variant.product.status !== "ACTIVE") {
      errors.push(
        checkoutError(
          "PRODUCT_UNAVAILABLE",
          `"${line.variant.product.title}" is no longer for sale.`,
          ["cartId"],
          { variantId: line.variantId },
        ),
      );
    }
    const w = wanted.get(line.variantId) ?? { quantity: 0, available: line.variant.inventoryQuantity };
    w.quantity += line.quantity;
    wanted.set(line.variantId, w);
  }
  for (const [variantId, w] of wanted)
    if (w.quantity > w.available) errors.push(outOfStock(variantId, Math.max(0, w.available), w.quantity));
  return errors;
}

/** The lines bought at a live price, in pin id order: the order their caps are taken (locked) in. */
export function livePricedLines(lines: readonly CheckoutLine[]): (CheckoutLine & { livePinId: string })[] {
  return lines
    .flatMap((l) => (l.livePinId === null ? [] : [{ ...l, livePinId: l.livePinId }]))
    .sort((a, b) => (a.livePinId < b.livePinId ? -1 : 1));
}

/**
 * The lines after taking the live caps: a line whose cap no longer took its units (`lost`, by
 * line id) pays the variant's regular price and names no pin. Unchanged lines are the same objects.
 */
export function withoutLivePrices(lines: readonly CheckoutLine[], lost: ReadonlySet<string>): CheckoutLine[] {
  return lines.map((l) => (lost.has(l.id) ? { ...l, unitPrice: l.variant.price, livePinId: null } : l));
}

export function discountCodeError(code: string, reason: DiscountReason): CheckoutUserErrorShape {
  return checkoutError("DISCOUNT_CODE_NOT_APPLICABLE", `${code}: ${DISCOUNT_REASONS[reason]}`, ["cartId"]);
}

/**
 * The codes on the cart that match a shop in it but no longer apply: checkout refuses them
 * rather than charging more than the cart showed.
 */
export function refusedCodeErrors(priced: PricedCart): CheckoutUserErrorShape[] {
  return priced.codes.flatMap((c) => c.refused.map((r) => discountCodeError(c.code, r.reason)));
}

export interface AppliedCode {
  discountCodeId: string;
  shopId: string;
  amount: number;
  /** As on the cart (upper case). */
  code: string;
}

/** The discount codes that apply (at most one per shop), in id order: the order their rows are locked in. */
export function appliedCodes(priced: PricedCart): AppliedCode[] {
  return priced.codes
    .flatMap((c) => c.applied.map((a) => ({ ...a, code: c.code })))
    .sort((a, b) => (a.discountCodeId < b.discountCodeId ? -1 : 1));
}

/** An order line as drafted: the price snapshot and the attribution, copied from the cart line. */
export interface DraftLine {
  cartLineId: string;
  productId: string;
  variantId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  unitPrice: number;
  quantity: number;
  discountAmount: number;
  total: number;
  /** The line's tax (inside `total` when the order's taxes are included). */
  taxAmount: number;
  postId: string | null;
  productTagId: string | null;
  affiliateLinkId: string | null;
  affiliateClickId: string | null;
  liveSessionId: string | null;
  livePinId: string | null;
}

/** The delivery option chosen at checkout, as an order keeps it (Order.shippingLine). */
export interface ShippingLineSnapshot {
  handle: string;
  title: string;
  minDays: number;
  maxDays: number;
  /** The option's cost; `tax` its tax (inside `price` when the order's taxes are included). */
  price: number;
  tax: number;
}

/** A tax of an order, as at checkout (Order.taxLines). */
export interface TaxLineSnapshot {
  name: string;
  ratePpm: number;
  /** "19", "8.875". */
  percentage: string;
  amount: number;
}

export interface DraftOrder {
  shopId: string;
  /** The currency of the shop's products (a cart holds one currency). */
  currencyCode: string;
  subtotal: number;
  discountTotal: number;
  /** The shipping charge and all the tax (lines and shipping). */
  shippingTotal: number;
  taxTotal: number;
  taxesIncluded: boolean;
  /** What the order charges: subtotal − discount + shipping, + tax when it is added. */
  total: number;
  /** Where it ships (null when nothing of it ships), the option chosen and the tax by rate. */
  shippingAddress: MailingAddressShape | null;
  shippingLine: ShippingLineSnapshot | null;
  taxLines: TaxLineSnapshot[];
  /** In cart line order. */
  lines: DraftLine[];
  /** The discount code the order redeems (the shop's applied code), or null. */
  discountCodeId: string | null;
}

export type Drafted = { ok: true; orders: DraftOrder[] } | { ok: false; errors: CheckoutUserErrorShape[] };

/** What checkout knows of delivery and tax: the cart's address and its costs (delivery/cart-costs.ts). */
export interface DraftDelivery {
  address: MailingAddressShape | null;
  costs: CartCosts;
  /** The cart's stored selections (shop id → handle), to tell a stale one from none. */
  selections: Record<string, string>;
}

/**
 * Why the cart cannot be delivered as it stands, per shop that ships something: no address
 * (DELIVERY_ADDRESS_REQUIRED), an address no zone covers or no rate applies to
 * (DELIVERY_UNAVAILABLE), no option chosen (DELIVERY_OPTION_REQUIRED), or the chosen one no
 * longer offered (DELIVERY_OPTION_UNAVAILABLE: the address or the cart changed).
 */
export function deliveryBlockers(delivery: DraftDelivery): CheckoutUserErrorShape[] {
  const errors: CheckoutUserErrorShape[] = [];
  for (const { group } of delivery.costs.shops) {
    const { quote } = group;
    if (!quote.requiresShipping) continue;
    const extra = { shopId: group.shopId };
    if (quote.unavailableReason === "NO_ADDRESS") {
      errors.push(
        checkoutError(
          "DELIVERY_ADDRESS_REQUIRED",
          "Set the delivery address (cartDeliveryAddressUpdate): the cart holds goods that ship.",
          ["cartId"],
          extra,
        ),
      );
    } else if (quote.unavailableReason !== null) {
      errors.push(
        checkoutError(
          "DELIVERY_UNAVAILABLE",
          quote.unavailableReason === "NOT_COVERED"
            ? "The shop does not deliver to this address."
            : "None of the shop's delivery options applies to these goods (weight or value).",
          ["cartId"],
          extra,
        ),
      );
    } else if (group.selected === null) {
      const stale = delivery.selections[group.shopId] !== undefined;
      errors.push(
        checkoutError(
          stale ? "DELIVERY_OPTION_UNAVAILABLE" : "DELIVERY_OPTION_REQUIRED",
          stale
            ? "The delivery option chosen for this shop is no longer offered for the cart; choose again (cartSelectedDeliveryOptionsUpdate)."
            : "Choose a delivery option for this shop (cartSelectedDeliveryOptionsUpdate).",
          ["cartId"],
          extra,
        ),
      );
    }
  }
  return errors;
}

function shippingLineOf(cost: ShopCost): ShippingLineSnapshot | null {
  const option = cost.group.selected;
  if (!cost.group.quote.requiresShipping || option === null) return null;
  return {
    handle: option.handle,
    title: option.title,
    minDays: option.minDays,
    maxDays: option.maxDays,
    price: option.cost,
    tax: cost.taxed.shippingTax,
  };
}

function taxLinesOf(cost: ShopCost): TaxLineSnapshot[] {
  const rate = cost.taxed.rate;
  if (rate === null) return [];
  return [
    {
      name: rate.name,
      ratePpm: rate.ratePpm,
      percentage: percentageOf(rate.ratePpm),
      amount: cost.taxed.tax,
    },
  ];
}

/**
 * One order per shop of the cart, in shop id order, from the lines as priced (`priced`, the
 * cart pricing of exactly these lines) and costed (`delivery`, from the same pricing): each
 * line's unit price, discount share, total and tax, the order's shipping and tax as snapshots,
 * its sums, its currency and the code it redeems. Refuses (deliveryBlockers) a cart that cannot
 * be delivered; AMOUNT_TOO_LARGE when an order's subtotal or total exceeds the largest amount
 * accepted (MAX_MINOR_UNITS).
 */
export function draftOrders(
  lines: readonly CheckoutLine[],
  priced: PricedCart,
  delivery: DraftDelivery,
): Drafted {
  const blocked = deliveryBlockers(delivery);
  if (blocked.length) return { ok: false, errors: blocked };
  const amounts = new Map(priced.lines.map((p) => [p.id, p]));
  const costs = new Map(delivery.costs.shops.map((c) => [c.shopId, c]));
  const redeemed = new Map(appliedCodes(priced).map((a) => [a.shopId, a.discountCodeId]));
  const byShop = new Map<string, CheckoutLine[]>();
  for (const line of lines) {
    const shopLines = byShop.get(line.variant.product.shopId);
    if (shopLines) shopLines.push(line);
    else byShop.set(line.variant.product.shopId, [line]);
  }
  const orders: DraftOrder[] = [];
  for (const [shopId, shopLines] of [...byShop].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cost = costs.get(shopId);
    if (!cost) throw new Error(`shop ${shopId} was not costed`);
    const drafted = shopLines.map((l) => {
      const amount = amounts.get(l.id);
      if (!amount) throw new Error(`cart line ${l.id} was not priced`);
      const line: DraftLine = {
        cartLineId: l.id,
        productId: l.variant.productId,
        variantId: l.variantId,
        productTitle: l.variant.product.title,
        variantTitle: l.variant.title,
        sku: l.variant.sku,
        unitPrice: amount.unitPrice,
        quantity: l.quantity,
        discountAmount: amount.discount,
        total: amount.total,
        taxAmount: cost.taxed.lineTaxes.get(l.id) ?? 0,
        postId: l.postId,
        productTagId: l.productTagId,
        affiliateLinkId: l.affiliateLinkId,
        affiliateClickId: l.affiliateClickId,
        liveSessionId: l.liveSessionId,
        livePinId: l.livePinId,
      };
      return { line, subtotal: amount.subtotal };
    });
    const subtotal = drafted.reduce((s, d) => s + d.subtotal, 0);
    const discountTotal = drafted.reduce((s, d) => s + d.line.discountAmount, 0);
    if (subtotal > MAX_MINOR_UNITS || cost.taxed.total > MAX_MINOR_UNITS) {
      return {
        ok: false,
        errors: [
          checkoutError("AMOUNT_TOO_LARGE", "An order of this cart would be too large; split it.", [
            "cartId",
          ]),
        ],
      };
    }
    const shippingLine = shippingLineOf(cost);
    orders.push({
      shopId,
      currencyCode: shopLines[0]?.variant.product.currencyCode ?? "",
      subtotal,
      discountTotal,
      shippingTotal: cost.shipping,
      taxTotal: cost.taxed.tax,
      taxesIncluded: cost.taxed.taxIncluded,
      total: cost.taxed.total,
      shippingAddress: shippingLine ? delivery.address : null,
      shippingLine,
      taxLines: taxLinesOf(cost),
      lines: drafted.map((d) => d.line),
      discountCodeId: redeemed.get(shopId) ?? null,
    });
  }
  return { ok: true, orders };
}

/** Who checks out and how, for the rows: the same for every order of the checkout. */
export interface ReservationFacts {
  cartId: string;
  buyerId: string | null;
  email: string | null;
  countryCode: string | null;
  /** Order.checkoutKey: the checkout's idempotency scope and key. */
  checkoutKey: string;
  /** Who redeems the discount codes (per-buyer limits count it). */
  buyerKey: string;
  /** The payment provider's name and the buyer's payment token. */
  provider: string;
  token: string;
  /** When the rows are written (their createdAt, updatedAt). */
  at: Date;
}

/** What RESERVE writes for its drafts, and the stock it takes. */
export interface ReservationRows {
  /** In shop id order, as the drafts. */
  orderIds: string[];
  orders: OrderRow[];
  lines: LineRow[];
  /** Only orders with something to pay have a payment; in id order. */
  payments: PaymentInsertRow[];
  redemptions: RedemptionRow[];
  stock: StockItem[];
}

/**
 * The rows of the drafts: PENDING orders, their lines, a PENDING payment per order with a total
 * (each with its own provider idempotency key) and the redemptions of the applied codes.
 * `newIds(n)` gives n new ids in ascending order, so ids ascend in shop and line order, as
 * Prisma's UUIDv7 would; `newPaymentKey()` a new provider idempotency key.
 */
export function reservationRows(
  drafts: readonly DraftOrder[],
  facts: ReservationFacts,
  newIds: (n: number) => string[],
  newPaymentKey: () => string,
): ReservationRows {
  const idsFor = <T>(items: readonly T[]) => {
    const ids = newIds(items.length);
    return items.map((item, i) => {
      const id = ids[i];
      if (id === undefined) throw new Error("newIds gave too few ids");
      return { item, id };
    });
  };
  const orders = idsFor(drafts).map(({ item: d, id }) => ({ draft: d, id }));
  const stamps = { createdAt: facts.at, updatedAt: facts.at };
  const lines = idsFor(orders.flatMap((o) => o.draft.lines.map((line) => ({ line, orderId: o.id }))));
  const payments = idsFor(orders.filter((o) => o.draft.total > 0));
  const redemptions = idsFor(orders);
  return {
    orderIds: orders.map((o) => o.id),
    orders: orders.map(({ draft: d, id }) => ({
      id,
      shopId: d.shopId,
      buyerId: facts.buyerId,
      cartId: facts.cartId,
      email: facts.email,
      countryCode: facts.countryCode,
      status: "PENDING",
      currencyCode: d.currencyCode,
      subtotal: d.subtotal,
      discountTotal: d.discountTotal,
      shippingTotal: d.shippingTotal,
      taxTotal: d.taxTotal,
      taxesIncluded: d.taxesIncluded,
      total: d.total,
      shippingAddress: d.shippingAddress ? { ...d.shippingAddress } : null,
      shippingLine: d.shippingLine ? { ...d.shippingLine } : null,
      taxLines: d.taxLines.map((t) => ({ ...t })),
      checkoutKey: facts.checkoutKey,
      ...stamps,
    })),
    lines: lines.map(({ item: { line: l, orderId }, id }) => ({
      id,
      orderId,
      productId: l.productId,
      variantId: l.variantId,
      productTitle: l.productTitle,
      variantTitle: l.variantTitle,
      sku: l.sku,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      discountAmount: l.discountAmount,
      total: l.total,
      taxAmount: l.taxAmount,
      postId: l.postId,
      productTagId: l.productTagId,
      affiliateLinkId: l.affiliateLinkId,
      affiliateClickId: l.affiliateClickId,
      liveSessionId: l.liveSessionId,
      livePinId: l.livePinId,
    })),
    payments: payments.map(({ item: o, id }) => ({
      id,
      orderId: o.id,
      provider: facts.provider,
      idempotencyKey: newPaymentKey(),
      token: facts.token,
      amount: o.draft.total,
      currencyCode: o.draft.currencyCode,
      status: "PENDING",
      ...stamps,
    })),
    redemptions: redemptions.flatMap(({ item: o, id }) =>
      o.draft.discountCodeId === null
        ? []
        : [
            {
              id,
              discountCodeId: o.draft.discountCodeId,
              orderId: o.id,
              buyerKey: facts.buyerKey,
              createdAt: facts.at,
            },
          ],
    ),
    stock: lines.map(({ item: { line: l, orderId } }) => ({
      variantId: l.variantId,
      productId: l.productId,
      quantity: l.quantity,
      orderId,
    })),
  };
}
