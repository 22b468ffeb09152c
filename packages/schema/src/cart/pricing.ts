/**
 * The cart pricing rule, shared by cart reads and checkout so both compute the same amounts.
 * All amounts are integer minor units of one currency. Discount codes are per shop: for each
 * shop in the cart the applicable code with the largest discount applies (codes never stack
 * within a shop) and its amount is spread over that shop's lines in proportion to their
 * subtotals, so line discounts always add up to the code's amount exactly.
 */
import type { DiscountKind } from "@shoppable/db/enums";

export interface PricingLine {
  id: string;
  shopId: string;
  quantity: number;
  /** Unit price: the live price when one holds, else the variant's price. */
  unitPrice: number;
}

export interface DiscountCodeTerms {
  id: string;
  shopId: string;
  /** Upper case. */
  code: string;
  kind: DiscountKind;
  /** Basis points for PERCENTAGE (1000 = 10%), minor units for FIXED_AMOUNT. */
  value: number;
  minSubtotal: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  usageCount: number;
  perBuyerLimit: number | null;
  /** Orders of this cart's buyer that redeemed the code; null when the buyer is unknown. */
  buyerUsage: number | null;
}

export const DISCOUNT_REASONS = {
  UNKNOWN_CODE: "No shop has this code.",
  NO_MATCHING_ITEMS: "The cart holds nothing from the shops that have this code.",
  NOT_STARTED: "The code is not valid yet.",
  EXPIRED: "The code has ended.",
  MINIMUM_SUBTOTAL_NOT_MET: "The shop's items in the cart do not reach the code's minimum subtotal.",
  USAGE_LIMIT_REACHED: "The code has been used as many times as allowed.",
  BUYER_LIMIT_REACHED: "This buyer has used the code as many times as allowed.",
  NOT_COMBINABLE: "Another code of the same shop gives a larger discount; codes do not stack.",
} as const;

export type DiscountReason = keyof typeof DISCOUNT_REASONS;

export interface PricedLine {
  id: string;
  unitPrice: number;
  subtotal: number;
  discount: number;
  total: number;
}

export interface CodeOutcome {
  /** As stored on the cart (upper case). */
  code: string;
  applicable: boolean;
  /** Why it does not apply; null when it does. */
  reason: DiscountReason | null;
  /** The discount it gives, over all shops where it applies. */
  amount: number;
  /** The discount codes (one per shop) that apply under this code. */
  applied: { discountCodeId: string; shopId: string; amount: number }[];
  /** The terms that matched a shop in the cart but did not apply, with why (checkout refuses these). */
  refused: { discountCodeId: string; shopId: string; reason: DiscountReason }[];
}

export interface PricedCart {
  lines: PricedLine[];
  subtotal: number;
  discount: number;
  total: number;
  codes: CodeOutcome[];
}

/** Why a code's terms do not apply to a shop subtotal at `now`, or null when they do. */
export function inapplicableReason(
  terms: DiscountCodeTerms,
  shopSubtotal: number,
  now: Date,
): DiscountReason | null {
  if (terms.startsAt && now < terms.startsAt) return "NOT_STARTED";
  if (terms.endsAt && now >= terms.endsAt) return "EXPIRED";
  if (terms.usageLimit !== null && terms.usageCount >= terms.usageLimit) return "USAGE_LIMIT_REACHED";
  if (terms.perBuyerLimit !== null && terms.buyerUsage !== null && terms.buyerUsage >= terms.perBuyerLimit)
    return "BUYER_LIMIT_REACHED";
  if (terms.minSubtotal !== null && shopSubtotal < terms.minSubtotal) return "MINIMUM_SUBTOTAL_NOT_MET";
  return null;
}

/** The discount `terms` give on `subtotal`: a percentage rounded half up, or a fixed amount capped at the subtotal. */
export function discountAmount(terms: Pick<DiscountCodeTerms, "kind" | "value">, subtotal: number): number {
  if (subtotal <= 0) return 0;
  if (terms.kind === "FIXED_AMOUNT") return Math.min(terms.value, subtotal);
  const rounded = Number((BigInt(subtotal) * BigInt(terms.value) + 5000n) / 10000n);
  return Math.min(rounded, subtotal);
}

/**
 * Splits `amount` over `weights` in proportion, by largest remainder (ties to the earlier
 * weight): the parts are integers that add up to `amount` exactly. Zero weights get zero.
 */
export function allocate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total === 0n || amount === 0) return weights.map(() => 0);
  const big = BigInt(amount);
  const parts = weights.map((w) => (big * BigInt(w)) / total);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % total }));
  let left = Number(big - parts.reduce((s, p) => s + p, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i]! += 1n;
    left--;
  }
  return parts.map(Number);
}

/**
 * Prices a cart: line subtotals, the discount of each shop's best applicable code spread over
 * its lines, and the outcome of every code on the cart (`cartCodes`, upper case, in order).
 * `terms` are the discount codes of any shop whose code is in `cartCodes`.
 */
export function priceCart(
  lines: PricingLine[],
  cartCodes: string[],
  terms: DiscountCodeTerms[],
  now: Date,
): PricedCart {
  const priced: PricedLine[] = lines.map((l) => ({
    id: l.id,
    unitPrice: l.unitPrice,
    subtotal: l.unitPrice * l.quantity,
    discount: 0,
    total: 0,
  }));
  const shopSubtotals = new Map<string, number>();
  for (const [i, line] of lines.entries())
    shopSubtotals.set(line.shopId, (shopSubtotals.get(line.shopId) ?? 0) + priced[i]!.subtotal);

  const outcomes = new Map<string, CodeOutcome>(
    cartCodes.map((code) => [
      code,
      { code, applicable: false, reason: null, amount: 0, applied: [], refused: [] },
    ]),
  );
  const reasons = new Map<string, DiscountReason>();
  for (const [shopId, subtotal] of [...shopSubtotals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let best: { terms: DiscountCodeTerms; amount: number } | null = null;
    const candidates = cartCodes.flatMap((code) =>
      terms.filter((t) => t.shopId === shopId && t.code === code),
    );
    for (const candidate of candidates) {
      const reason = inapplicableReason(candidate, subtotal, now);
      if (reason) {
        outcomes.get(candidate.code)!.refused.push({ discountCodeId: candidate.id, shopId, reason });
        if (!reasons.has(candidate.code)) reasons.set(candidate.code, reason);
        continue;
      }
      const amount = discountAmount(candidate, subtotal);
      if (!best || amount > best.amount) best = { terms: candidate, amount };
    }
    for (const candidate of candidates) {
      if (
        best &&
        candidate !== best.terms &&
        !outcomes.get(candidate.code)!.refused.some((r) => r.discountCodeId === candidate.id)
      ) {
        if (!reasons.has(candidate.code)) reasons.set(candidate.code, "NOT_COMBINABLE");
      }
    }
    if (!best) continue;
    const outcome = outcomes.get(best.terms.code)!;
    outcome.applied.push({ discountCodeId: best.terms.id, shopId, amount: best.amount });
    outcome.amount += best.amount;
    const indexes = lines.flatMap((l, i) => (l.shopId === shopId ? [i] : []));
    const parts = allocate(
      best.amount,
      indexes.map((i) => priced[i]!.subtotal),
    );
    indexes.forEach((lineIndex, k) => {
      priced[lineIndex]!.discount += parts[k]!;
    });
  }

  for (const outcome of outcomes.values()) {
    outcome.applicable = outcome.applied.length > 0;
    if (outcome.applicable) continue;
    const known = terms.some((t) => t.code === outcome.code);
    outcome.reason = !known ? "UNKNOWN_CODE" : (reasons.get(outcome.code) ?? "NO_MATCHING_ITEMS");
  }
  for (const line of priced) line.total = line.subtotal - line.discount;
  const subtotal = priced.reduce((s, l) => s + l.subtotal, 0);
  const discount = priced.reduce((s, l) => s + l.discount, 0);
  return { lines: priced, subtotal, discount, total: subtotal - discount, codes: [...outcomes.values()] };
}
