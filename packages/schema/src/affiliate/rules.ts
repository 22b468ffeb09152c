/**
 * Affiliate rules, pure: commission amounts and their rounding, refund reversals, the rate a
 * line earns, which touch wins under an attribution model and window, bot detection, and
 * link codes.
 */
import { randomBytes } from "node:crypto";

/** Rates are basis points: 10_000 = 100%. */
export const RATE_SCALE = 10_000;
/** A link keeps the rate it was created with, if the shop lowers it, for this long. */
export const RATE_LOCK_MS = 30 * 86_400_000;
/** A visitor's clicks on one link within this time of their last counted click are not counted. */
export const REPEAT_CLICK_MS = 30 * 60_000;
export const DEFAULT_WINDOW_SEC = 7 * 86_400;
export const DEFAULT_HOLD_DAYS = 15;

/**
 * The commission on a line: rate × revenue (the line total after discounts), in minor units,
 * rounded down (floor) to the minor unit: a fraction of a cent is never owed. 0 for 0 revenue.
 */
export function commissionAmount(revenue: number, rate: number): number {
  if (revenue <= 0 || rate <= 0) return 0;
  return Math.floor((revenue * rate) / RATE_SCALE);
}

/**
 * The (negative) entry reversing `quantity` more refunded units of a line whose commission was
 * `earned` on `lineQuantity` units with `refundedBefore` already reversed. The commission is
 * shared per unit with the same floor rule as refunds (checkout/rules.ts `refundAmount`), so
 * reversing every unit, in any steps, reverses exactly what was earned.
 */
export function reversalAmount(
  earned: number,
  lineQuantity: number,
  refundedBefore: number,
  quantity: number,
): number {
  const share = (units: number) => Math.floor((earned * units) / lineQuantity);
  return -(share(refundedBefore + quantity) - share(refundedBefore));
}

export interface RateInputs {
  /** The program's rate for the line's product now: its product rate, else the default rate. */
  currentRate: number;
  /** Whether the current rate is a product rate (not the default). */
  productSpecific: boolean;
  link: { rate: number; rateLockedUntil: Date; productId: string | null };
  productId: string | null;
  at: Date;
}

/**
 * The rate a line earns at `at`: the program's current rate, but while the link's lock holds
 * (30 days from its creation) never less than the rate the link was created with, for the
 * lines that rate was taken from: a product link's product, or (shop and post links, whose
 * rate is the default rate) products without a product rate of their own.
 */
export function effectiveRate(r: RateInputs): number {
  const locked = r.at < r.link.rateLockedUntil;
  const covered = r.link.productId !== null ? r.link.productId === r.productId : !r.productSpecific;
  return locked && covered ? Math.max(r.link.rate, r.currentRate) : r.currentRate;
}

export type AttributionModel = "LAST_CLICK" | "FIRST_CLICK";

export interface Touch {
  linkId: string;
  at: Date;
  /** Tie-breaker between touches at the same instant (click id, or the link id). */
  key: string;
}

/**
 * The touch that wins an order paid at `paidAt`: among touches at most `windowSec` old (a
 * touch exactly `windowSec` old still counts; one a second older does not) and not in the
 * future, the latest for LAST_CLICK, the earliest for FIRST_CLICK. Null when none is in the window.
 */
export function winningTouch(
  touches: Touch[],
  model: AttributionModel,
  windowSec: number,
  paidAt: Date,
): Touch | null {
  const inWindow = touches.filter((t) => {
    const age = paidAt.getTime() - t.at.getTime();
    return age >= 0 && age <= windowSec * 1000;
  });
  if (inWindow.length === 0) return null;
  const sorted = inWindow.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return model === "LAST_CLICK" ? sorted[sorted.length - 1]! : sorted[0]!;
}

/** Known crawlers, link previewers and HTTP libraries: their clicks are recorded, never counted. */
const BOT_PATTERN =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|embedly|preview|whatsapp|telegram|discord|slack|skype|vkshare|pinterest|quora link|bitlybot|curl\/|wget\/|python-requests|python-urllib|go-http-client|java\/|okhttp|axios|node-fetch|headlesschrome|lighthouse|pingdom|uptimerobot|monitor/i;

/** Whether a user agent is a known crawler or tool; an empty user agent counts as one. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  if (!userAgent || !userAgent.trim()) return true;
  return BOT_PATTERN.test(userAgent);
}

const CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const CODE_LENGTH = 12;
/** What a code can look like: anything else is answered 404 without a database lookup. */
export const CODE_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

/** A new link code: 12 base62 characters from the OS's CSPRNG (~71 bits), unbiased. */
export function newLinkCode(): string {
  let code = "";
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      // 248 = 4 × 62: bytes above it would favour the first characters.
      if (byte < 248 && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % 62];
    }
  }
  return code;
}

export interface RedirectTarget {
  code: string;
  clickId: string;
  targetKind: "PRODUCT" | "POST" | "SHOP";
  shopHandle: string;
  productHandle: string | null;
  postId: string | null;
}

/**
 * The storefront URL of a click: the deployment's template with `{path}` (products/<handle>,
 * posts/<id> or shops/<handle>), `{code}`, `{clickId}`, `{shop}`, `{product}` and `{post}`
 * filled in, each URL-encoded.
 */
export function storefrontUrl(template: string, t: RedirectTarget): string {
  const path =
    t.targetKind === "PRODUCT" && t.productHandle
      ? `products/${encodeURIComponent(t.productHandle)}`
      : t.targetKind === "POST" && t.postId
        ? `posts/${encodeURIComponent(t.postId)}`
        : `shops/${encodeURIComponent(t.shopHandle)}`;
  const values: Record<string, string> = {
    path,
    code: encodeURIComponent(t.code),
    clickId: encodeURIComponent(t.clickId),
    shop: encodeURIComponent(t.shopHandle),
    product: encodeURIComponent(t.productHandle ?? ""),
    post: encodeURIComponent(t.postId ?? ""),
  };
  return template.replace(/\{(path|code|clickId|shop|product|post)\}/g, (_, name: string) => values[name]!);
}

/** Most per-product rates a program holds (AffiliateProgram.productRates is priced by it). */
export const MAX_PRODUCT_RATES = 250;
/** Most invitations `viewer.affiliateInvitations` lists: the newest. */
export const MAX_VIEWER_INVITATIONS = 100;
/** Most rows `viewer.affiliateStats` answers: those with the most counted clicks, then orders. */
export const MAX_STATS_ROWS = 200;
