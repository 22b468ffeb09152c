/**
 * Affiliate attribution, as README's "Attribution" describes it: the API's `GET /r/<code>`
 * redirects here with `?aff=<code>&click=<clickId>`; the storefront keeps both and sends them
 * with every later cart line of that shop's products (`attribution.affiliateCode` and
 * `attribution.affiliateClickId`). The API decides at payment which touch is credited.
 */
import type { CartLineAttributionInput } from "@shoppable/sdk";

export interface AffiliateAttribution {
  affiliateCode: string;
  affiliateClickId: string | null;
  /** The link's shop, once known (`affiliateLink(code)`): only that shop's lines carry it. */
  shopId: string | null;
  savedAt: number;
}

const KEY = "shoppable.affiliate";
/** How long the storefront keeps a click; the shop's program decides what is credited. */
const KEEP_MS = 30 * 24 * 3600 * 1000;

export function readAffiliate(): AffiliateAttribution[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? "[]") as AffiliateAttribution[];
    return Array.isArray(stored) ? stored.filter((entry) => Date.now() - entry.savedAt < KEEP_MS) : [];
  } catch {
    return [];
  }
}

/** Keeps the latest click per shop (per code while the shop is unknown). */
export function saveAffiliate(entry: AffiliateAttribution): void {
  const others = readAffiliate().filter(
    (stored) =>
      stored.affiliateCode !== entry.affiliateCode && (!entry.shopId || stored.shopId !== entry.shopId),
  );
  localStorage.setItem(KEY, JSON.stringify([entry, ...others]));
}

/** The affiliate part of a cart line's attribution for a product of `shopId`. */
export function affiliateFor(
  shopId: string,
): Pick<CartLineAttributionInput, "affiliateCode" | "affiliateClickId"> {
  const entry = readAffiliate().find((stored) => stored.shopId === shopId);
  return entry
    ? {
        affiliateCode: entry.affiliateCode,
        ...(entry.affiliateClickId ? { affiliateClickId: entry.affiliateClickId } : {}),
      }
    : {};
}
