import { describe, expect, it } from "vitest";
import {
  affinityMultiplier,
  DECAY,
  engagementPoints,
  personalScore,
  personalScoreRange,
  productScore,
  rankingHour,
  rankPosts,
  trendingScore,
  TRENDING_WINDOW_HOURS,
} from "./ranking.ts";

const H = Date.UTC(2026, 10, 27, 12); // 12:00
const asOf = new Date(H + 25 * 60_000); // 12:25, inside the incomplete hour
const hoursAgo = (n: number) => new Date(H - n * 3_600_000);
const row = (
  hour: Date,
  over: Partial<{ views: number; likes: number; shares: number; purchases: number }> = {},
) => ({
  hour,
  views: 0,
  likes: 0,
  shares: 0,
  purchases: 0,
  ...over,
});

describe("trending score", () => {
  it("halves an hour's weight every 6 hours, from 1000 for the last complete hour", () => {
    expect(DECAY[0]).toBe(1000);
    expect(DECAY[6]).toBe(500);
    expect(DECAY[12]).toBe(250);
    expect(DECAY).toHaveLength(TRENDING_WINDOW_HOURS);
    for (let i = 1; i < DECAY.length; i++) expect(DECAY[i]).toBeLessThanOrEqual(DECAY[i - 1]!);
    expect(DECAY.at(-1)).toBeGreaterThan(0);
  });

  it("weighs views 1, likes 4, shares 8 and purchases 20", () => {
    expect(engagementPoints({ views: 3, likes: 2, shares: 1, purchases: 1 })).toBe(3 + 8 + 8 + 20);
  });

  it("counts only completed hours of the last 48 before the ranking hour", () => {
    const views = (n: number) => trendingScore([row(hoursAgo(n), { views: 10 })], asOf);
    expect(views(0)).toBe(0); // the current, incomplete hour
    expect(views(-1)).toBe(0); // later than asOf
    expect(views(1)).toBe(10 * 1000); // 11:00–12:00, the last complete hour
    expect(views(7)).toBe(10 * 500);
    expect(views(48)).toBe(10 * DECAY[47]!);
    expect(views(49)).toBe(0); // before the window
    expect(rankingHour(asOf).getTime()).toBe(H);
  });

  it("prefers recent engagement to the same engagement earlier (velocity)", () => {
    const recent = trendingScore([row(hoursAgo(1), { likes: 5 })], asOf);
    const earlier = trendingScore([row(hoursAgo(20), { likes: 5 })], asOf);
    expect(recent).toBeGreaterThan(earlier);
    // Many old views can still beat a few recent ones.
    expect(trendingScore([row(hoursAgo(13), { views: 100 })], asOf)).toBeGreaterThan(
      trendingScore([row(hoursAgo(1), { views: 20 })], asOf),
    );
  });

  it("sums a post's hours, net likes included, as an exact integer", () => {
    const score = trendingScore(
      [row(hoursAgo(1), { views: 2, likes: -1 }), row(hoursAgo(3), { shares: 1, purchases: 2 })],
      asOf,
    );
    expect(score).toBe(1000 * (2 - 4) + DECAY[2]! * (8 + 40));
    expect(Number.isInteger(score)).toBe(true);
  });
});

describe("ranking order", () => {
  it("orders by score descending, then by id descending for ties", () => {
    const ranked = rankPosts([
      { id: "0190a000-0000-7000-8000-000000000001", score: 5 },
      { id: "0190a000-0000-7000-8000-000000000003", score: 0 },
      { id: "0190a000-0000-7000-8000-000000000002", score: 5 },
      { id: "0190a000-0000-7000-8000-000000000004", score: 0 },
    ]);
    expect(ranked.map((r) => r.id.slice(-1))).toEqual(["2", "1", "4", "3"]);
  });
});

describe("FOR_YOU affinity", () => {
  const none = { followed: false, sharedHashtags: 0, engagedProduct: false };

  it("keeps the trending order when the viewer has no affinity with any post", () => {
    expect(affinityMultiplier(none)).toBe(4);
    const scores = [0, 1000, 5000, -4000].map((s) => personalScore(s, none));
    expect(scores).toEqual([4000, 8000, 24000, -12000]);
  });

  it("lifts followed authors, shared hashtags (at most 3) and engaged products", () => {
    expect(affinityMultiplier({ ...none, followed: true })).toBe(8);
    expect(affinityMultiplier({ ...none, sharedHashtags: 1 })).toBe(6);
    expect(affinityMultiplier({ ...none, sharedHashtags: 10 })).toBe(10);
    expect(affinityMultiplier({ ...none, engagedProduct: true })).toBe(7);
    expect(affinityMultiplier({ followed: true, sharedHashtags: 3, engagedProduct: true })).toBe(17);
    // A new post of a followed creator beats a post with a little more engagement.
    expect(personalScore(0, { ...none, followed: true })).toBeGreaterThan(personalScore(900, none));
  });

  it("keeps every personal score within the range of its trending score, and the range grows with it", () => {
    const trendings = [-50_000, -1001, -1000, -999, 0, 1, 999, 123_456, 9_000_000];
    for (const trending of trendings) {
      const { min, max } = personalScoreRange(trending);
      for (const followed of [false, true])
        for (const sharedHashtags of [0, 1, 2, 3, 7])
          for (const engagedProduct of [false, true]) {
            const score = personalScore(trending, { followed, sharedHashtags, engagedProduct });
            expect(score).toBeGreaterThanOrEqual(min);
            expect(score).toBeLessThanOrEqual(max);
          }
    }
    expect(personalScoreRange(0)).toEqual({ min: 4000, max: 17000 });
    expect(personalScoreRange(-3000)).toEqual({ min: -34000, max: -8000 });
    for (let i = 1; i < trendings.length; i++) {
      expect(personalScoreRange(trendings[i]!).min).toBeGreaterThanOrEqual(
        personalScoreRange(trendings[i - 1]!).min,
      );
      expect(personalScoreRange(trendings[i]!).max).toBeGreaterThanOrEqual(
        personalScoreRange(trendings[i - 1]!).max,
      );
    }
  });
});

describe("product score", () => {
  const p = (n: number, over: Partial<{ tagTaps: number; addToCarts: number; purchases: number }>) => ({
    hour: hoursAgo(n),
    tagTaps: 0,
    addToCarts: 0,
    purchases: 0,
    ...over,
  });

  it("sums taps, add-to-carts (4) and purchases (10) over the completed hours of the window", () => {
    const rows = [
      p(0, { purchases: 100 }),
      p(1, { tagTaps: 1 }),
      p(2, { addToCarts: 1 }),
      p(24, { purchases: 1 }),
      p(25, { purchases: 1 }),
      p(168, { tagTaps: 7 }),
      p(169, { tagTaps: 50 }),
    ];
    expect(productScore(rows, "HOUR", asOf)).toBe(1);
    expect(productScore(rows, "DAY", asOf)).toBe(1 + 4 + 10);
    expect(productScore(rows, "WEEK", asOf)).toBe(1 + 4 + 10 + 10 + 7);
  });
});
