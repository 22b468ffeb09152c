/**
 * The live pricing rule. A pinned product's live-only price and quantity cap hold only while
 * the session is LIVE and the product is pinned; outside that window the regular price applies
 * and no live quote exists.
 */
import type { LiveSessionStatus } from "@shoppable/db/enums";

export interface LiveWindow {
  status: LiveSessionStatus;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface PinTerms {
  /** Minor units in the product's currency; null when the pin has no live-only price. */
  livePrice: number | null;
  quantityCap: number | null;
  quantitySold: number;
  pinnedAt: Date;
  unpinnedAt: Date | null;
}

export interface LiveQuote {
  /** Unit price in minor units: the live price, never above the regular price. */
  price: number;
  /** Whether `price` comes from the pin's live price (false: the regular price, capped pin). */
  isLivePrice: boolean;
  /** Units still available through the pin; null when it has no cap. */
  remainingCap: number | null;
}

/** Units left under a pin's cap (never negative), or null when it has no cap. */
export function remainingUnderCap(pin: Pick<PinTerms, "quantityCap" | "quantitySold">): number | null {
  return pin.quantityCap === null ? null : Math.max(0, pin.quantityCap - pin.quantitySold);
}

/**
 * The price of one unit bought through a pinned product at `at`, or null when no live terms
 * hold: the session is not LIVE (or `at` is outside [startedAt, endedAt)), the product was not
 * pinned at `at`, or the cap is used up. A live price above the regular price (the merchant
 * lowered the variant's price after pinning) gives way to the regular price.
 */
export function liveQuote(
  session: LiveWindow,
  pin: PinTerms,
  regularPrice: number,
  at: Date,
): LiveQuote | null {
  if (session.status !== "LIVE" || session.startedAt === null || at < session.startedAt) return null;
  if (session.endedAt !== null && at >= session.endedAt) return null;
  if (at < pin.pinnedAt || (pin.unpinnedAt !== null && at >= pin.unpinnedAt)) return null;
  const remainingCap = remainingUnderCap(pin);
  if (remainingCap === 0) return null;
  const isLivePrice = pin.livePrice !== null && pin.livePrice < regularPrice;
  return { price: isLivePrice ? pin.livePrice! : regularPrice, isLivePrice, remainingCap };
}

/**
 * Which of a product's pins prices a variant: a pin of that very variant wins over a pin of the
 * whole product; among equals, the latest pinned.
 */
export function choosePin<P extends { variantId: string | null; pinnedAt: Date }>(
  pins: P[],
  variantId: string,
): P | null {
  const rank = (p: P) => (p.variantId === variantId ? 1 : p.variantId === null ? 0 : -1);
  let best: P | null = null;
  for (const pin of pins) {
    if (rank(pin) < 0) continue;
    if (best === null || rank(pin) > rank(best) || (rank(pin) === rank(best) && pin.pinnedAt > best.pinnedAt))
      best = pin;
  }
  return best;
}
