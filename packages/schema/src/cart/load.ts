/**
 * Loading a cart with everything its prices depend on (variants, products, live prices,
 * discount codes and the buyer's past uses of them) and pricing it. Reads and checkout both
 * use it, so a cart costs at checkout what it showed, unless prices or stock changed.
 */
import type { Prisma, PrismaClient } from "@shoppable/db/client";
import { livePriceFor } from "../live/service.ts";
import { buyerKeyOf } from "./access.ts";
import { priceCart, type DiscountCodeTerms, type PricedCart } from "./pricing.ts";

export type Db = PrismaClient | Prisma.TransactionClient;

const lineSelect = {
  id: true,
  variantId: true,
  quantity: true,
  postId: true,
  productTagId: true,
  affiliateLinkId: true,
  affiliateClickId: true,
  liveSessionId: true,
  variant: {
    select: {
      id: true,
      title: true,
      sku: true,
      price: true,
      inventoryQuantity: true,
      weightGrams: true,
      requiresShipping: true,
      productId: true,
      product: {
        select: {
          id: true,
          title: true,
          status: true,
          shopId: true,
          currencyCode: true,
          // Joined into the cart's one statement: how the shop's prices treat tax.
          shop: { select: { pricesIncludeTax: true } },
        },
      },
    },
  },
} as const satisfies Prisma.CartLineSelect;

type LineRow = Prisma.CartLineGetPayload<{ select: typeof lineSelect }>;

export interface LoadedLine extends LineRow {
  /** The price of one unit now: the live price when it holds for the whole line, else the variant's. */
  unitPrice: number;
  /** The live pin whose price applies, or null. */
  livePinId: string | null;
}

export interface LoadedCart {
  id: string;
  userId: string | null;
  email: string | null;
  countryCode: string | null;
  currencyCode: string | null;
  discountCodes: string[];
  status: string;
  expiresAt: Date;
  /** The delivery address (a MailingAddress) and the selected option per shop, as stored. */
  deliveryAddress: Prisma.JsonValue | null;
  deliverySelections: Prisma.JsonValue | null;
  lines: LoadedLine[];
  terms: DiscountCodeTerms[];
  pricing: PricedCart;
}

/**
 * The cart with its lines priced at `now`, or null when it does not exist. `buyerKey`
 * overrides the buyer that per-buyer discount limits count (default: the cart's owner or
 * email). Statements: one for the cart and lines, one per line bought through a live
 * session, and with discount codes one for them and one for the buyer's redemptions.
 */
export async function loadPricedCart(
  db: Db,
  cartId: string,
  options: { now?: Date; buyerKey?: string | null } = {},
): Promise<LoadedCart | null> {
  const now = options.now ?? new Date();
  const cart = await db.cart.findUnique({
    where: { id: cartId },
    select: {
      id: true,
      userId: true,
      email: true,
      countryCode: true,
      currencyCode: true,
      discountCodes: true,
      status: true,
      expiresAt: true,
      deliveryAddress: true,
      deliverySelections: true,
      lines: { select: lineSelect, orderBy: { id: "asc" } },
    },
  });
  if (!cart) return null;
  const lines: LoadedLine[] = [];
  for (const line of cart.lines) {
    let unitPrice = line.variant.price;
    let livePinId: string | null = null;
    if (line.liveSessionId) {
      const quote = await livePriceFor(db, {
        liveSessionId: line.liveSessionId,
        variantId: line.variantId,
        at: now,
      });
      if (quote && (quote.remainingCap === null || quote.remainingCap >= line.quantity)) {
        unitPrice = quote.price;
        livePinId = quote.pinId;
      }
    }
    lines.push({ ...line, unitPrice, livePinId });
  }
  const buyerKey = options.buyerKey !== undefined ? options.buyerKey : buyerKeyOf(cart);
  const terms = await loadDiscountTerms(db, cart.discountCodes, buyerKey);
  return { ...cart, lines, terms, pricing: pricing(lines, cart.discountCodes, terms, now) };
}

/** Prices loaded lines (after a live price changed at checkout, for example). */
export function pricing(
  lines: LoadedLine[],
  codes: string[],
  terms: DiscountCodeTerms[],
  now: Date,
): PricedCart {
  return priceCart(
    lines.map((l) => ({
      id: l.id,
      shopId: l.variant.product.shopId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    })),
    codes,
    terms,
    now,
  );
}

/** The discount codes of any shop named by `codes`, with the buyer's past redemptions of each. */
export async function loadDiscountTerms(
  db: Db,
  codes: string[],
  buyerKey: string | null,
): Promise<DiscountCodeTerms[]> {
  if (codes.length === 0) return [];
  const rows = await db.discountCode.findMany({
    where: { code: { in: codes } },
    select: {
      id: true,
      shopId: true,
      code: true,
      kind: true,
      value: true,
      minSubtotal: true,
      startsAt: true,
      endsAt: true,
      usageLimit: true,
      usageCount: true,
      perBuyerLimit: true,
    },
    orderBy: { id: "asc" },
  });
  const limited = rows.filter((r) => r.perBuyerLimit !== null).map((r) => r.id);
  const used = new Map<string, number>();
  if (buyerKey && limited.length) {
    const counts = await db.discountRedemption.groupBy({
      by: ["discountCodeId"],
      where: { discountCodeId: { in: limited }, buyerKey },
      _count: { _all: true },
    });
    for (const c of counts) used.set(c.discountCodeId, c._count._all);
  }
  return rows.map((r) => ({ ...r, buyerUsage: buyerKey ? (used.get(r.id) ?? 0) : null }));
}
