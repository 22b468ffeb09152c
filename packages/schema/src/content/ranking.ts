/**
 * Pure ranking rules of the feeds and product rankings: no I/O, so they are unit-tested
 * beside this file. The SQL in feed-service.ts and recommendation-service.ts computes exactly
 * these formulas (integer arithmetic, the decay weights passed in as an array), and the feed
 * tests compare its order with `rankPosts`.
 *
 * TRENDING, time-decayed engagement velocity. For the ranking instant `asOf`, let H be asOf
 * truncated to the hour. Only COMPLETED hours count: the hourly rows with hour in
 * [H - 48 h, H). A row whose hour ended `age` hours before H (0 for the last complete hour)
 * weighs DECAY[age] = round(1000 · 2^(−age / 6)) (a half-life of 6 hours), and
 *
 *   score = Σ_rows DECAY[age] · (1·views + 4·likes + 8·shares + 20·purchases)
 *
 * (likes are net of unlikes in that hour). Ties (posts with the same score, such as new posts
 * without engagement, score 0) are broken by id, descending: ids are UUID v7, so the newer
 * post first. Scores are integers, so the order is exact and the same in SQL and here.
 *
 * FOR_YOU, with the viewer's consent: the trending score shifted by one "recent view"
 * (+1000, so that new posts without engagement can still be lifted) and multiplied by the
 * viewer's affinity with the post:
 *
 *   personal = (score + 1000) · (4 + 4·followsAuthorOrShop + 2·min(sharedHashtags, 3) + 3·tagsEngagedProduct)
 *
 * With no affinity at all this is (score + 1000) · 4: the TRENDING order.
 */

export const TRENDING_WINDOW_HOURS = 48;
export const TRENDING_HALF_LIFE_HOURS = 6;

/** Points per engagement in one hour. */
export const ENGAGEMENT_POINTS = { views: 1, likes: 4, shares: 8, purchases: 20 } as const;

/** Added to every score before the FOR_YOU affinity multiplies it (one view in the last hour). */
export const PERSONAL_SCORE_FLOOR = 1000;

export const AFFINITY = {
  base: 4,
  followed: 4,
  perSharedHashtag: 2,
  maxSharedHashtags: 3,
  engagedProduct: 3,
} as const;

const HOUR_MS = 3_600_000;

/** DECAY[age]: the weight (per mille) of an hour that ended `age` hours before the ranking hour. */
export const DECAY: readonly number[] = Array.from({ length: TRENDING_WINDOW_HOURS }, (_, age) =>
  Math.round(1000 * 2 ** (-age / TRENDING_HALF_LIFE_HOURS)),
);

/** `at` truncated to the hour (UTC): the ranking hour H of an instant. */
export function rankingHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

export interface EngagementHourRow {
  hour: Date;
  views: number;
  likes: number;
  shares: number;
  purchases: number;
}

/** The points of one hourly row, before decay. */
export function engagementPoints(row: Omit<EngagementHourRow, "hour">): number {
  return (
    ENGAGEMENT_POINTS.views * row.views +
    ENGAGEMENT_POINTS.likes * row.likes +
    ENGAGEMENT_POINTS.shares * row.shares +
    ENGAGEMENT_POINTS.purchases * row.purchases
  );
}

/**
 * The TRENDING score of one post as of `asOf` from its hourly rows: rows of the current
 * (incomplete) hour, of later hours and of hours before the window count nothing.
 */
export function trendingScore(rows: readonly EngagementHourRow[], asOf: Date): number {
  const h = rankingHour(asOf).getTime();
  let score = 0;
  for (const row of rows) {
    const ended = (h - row.hour.getTime()) / HOUR_MS - 1;
    if (!Number.isInteger(ended) || ended < 0 || ended >= TRENDING_WINDOW_HOURS) continue;
    score += DECAY[ended]! * engagementPoints(row);
  }
  return score;
}

export interface Affinity {
  /** The viewer follows the post's author (a creator's post) or shop (a shop's post). */
  followed: boolean;
  /** Hashtags the post shares with the posts the viewer engaged with. */
  sharedHashtags: number;
  /** The post tags a product the viewer engaged with (tagged in a post they liked or viewed, or bought). */
  engagedProduct: boolean;
}

/** The affinity multiplier: AFFINITY.base (4) with no affinity at all. */
export function affinityMultiplier(a: Affinity): number {
  return (
    AFFINITY.base +
    (a.followed ? AFFINITY.followed : 0) +
    AFFINITY.perSharedHashtag * Math.min(a.sharedHashtags, AFFINITY.maxSharedHashtags) +
    (a.engagedProduct ? AFFINITY.engagedProduct : 0)
  );
}

/** The least and the greatest affinity multiplier (4 and 17): every post's lies between them. */
export const AFFINITY_RANGE = {
  min: affinityMultiplier({ followed: false, sharedHashtags: 0, engagedProduct: false }),
  max: affinityMultiplier({
    followed: true,
    sharedHashtags: AFFINITY.maxSharedHashtags,
    engagedProduct: true,
  }),
} as const;

/** The FOR_YOU score of a post from its trending score and the viewer's affinity with it. */
export function personalScore(trending: number, affinity: Affinity): number {
  return (trending + PERSONAL_SCORE_FLOOR) * affinityMultiplier(affinity);
}

/**
 * The least and the greatest FOR_YOU score of a post with this trending score, whatever the
 * viewer's affinity with it (net unlikes can make the base negative, which swaps the ends).
 * Both grow with the trending score. The FOR_YOU SQL skips scoring posts whose greatest score
 * is below the least scores of enough other posts to fill the page.
 */
export function personalScoreRange(trending: number): { min: number; max: number } {
  const base = trending + PERSONAL_SCORE_FLOOR;
  const [a, b] = [base * AFFINITY_RANGE.min, base * AFFINITY_RANGE.max];
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

/** Sorts ranked items: score descending, then id descending (newer UUID v7 first). */
export function rankPosts<T extends { id: string; score: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Windows of `trendingProducts`, in completed hours before the ranking hour. */
export const PRODUCT_WINDOW_HOURS = { HOUR: 1, DAY: 24, WEEK: 168 } as const;
export type ProductWindow = keyof typeof PRODUCT_WINDOW_HOURS;

/** Points of a product's hourly row: shoppable-content signals, purchases weighing most. */
export const PRODUCT_POINTS = { tagTaps: 1, addToCarts: 4, purchases: 10 } as const;

/**
 * The trendingProducts score of one product: the plain sum of its points over the completed
 * hours of the window (no decay: the window is the velocity's period).
 */
export function productScore(
  rows: readonly { hour: Date; tagTaps: number; addToCarts: number; purchases: number }[],
  window: ProductWindow,
  asOf: Date,
): number {
  const h = rankingHour(asOf).getTime();
  const from = h - PRODUCT_WINDOW_HOURS[window] * HOUR_MS;
  let score = 0;
  for (const row of rows) {
    const t = row.hour.getTime();
    if (t < from || t >= h) continue;
    score +=
      PRODUCT_POINTS.tagTaps * row.tagTaps +
      PRODUCT_POINTS.addToCarts * row.addToCarts +
      PRODUCT_POINTS.purchases * row.purchases;
  }
  return score;
}

/** Weights of the product recommendations: an order bought together weighs 3 co-engaged viewers. */
export const RECOMMENDATION_WEIGHTS = { boughtTogether: 3, coEngaged: 1 } as const;
