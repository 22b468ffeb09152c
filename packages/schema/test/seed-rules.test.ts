// The demo world is written by @shoppable/db without importing any domain: these tests hold what
// it writes to the domains' own rules (hashtags, engagement hours, money).
import { type Database, openDatabase } from "@shoppable/db";
import { SEED_MINOR_DIGITS, seedWorld } from "@shoppable/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captionHashtags, engagementHour, normaliseHashtag } from "../src/content/rules.ts";
import { minorDigits } from "../src/money.ts";

describe("the seeded world follows the domain rules", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase({ dataDir: "memory://", migrate: true });
    await seedWorld(db.prisma, { seed: 11, scale: { products: 300 } });
  }, 120_000);
  afterAll(() => db?.close());

  it("every seeded currency has the money module's minor-unit digits", async () => {
    for (const [code, digits] of Object.entries(SEED_MINOR_DIGITS))
      expect(minorDigits(code), code).toBe(digits);
    const shops = await db.prisma.shop.findMany({
      select: { currencyCode: true },
      distinct: ["currencyCode"],
    });
    expect(shops.length).toBeGreaterThan(1);
    for (const { currencyCode } of shops) expect(SEED_MINOR_DIGITS[currencyCode], currencyCode).toBeDefined();
  });

  it("a post's hashtags are normalised and include every hashtag of its caption", async () => {
    const posts = await db.prisma.post.findMany({ select: { caption: true, hashtags: true } });
    expect(posts.length).toBeGreaterThan(50);
    let withCaptionTags = 0;
    for (const post of posts) {
      for (const tag of post.hashtags) expect(normaliseHashtag(tag)).toBe(tag);
      expect(new Set(post.hashtags).size).toBe(post.hashtags.length);
      const inCaption = captionHashtags(post.caption ?? "");
      if (inCaption.length > 0) withCaptionTags++;
      expect(post.hashtags).toEqual(expect.arrayContaining(inCaption));
    }
    expect(withCaptionTags).toBeGreaterThan(0);
  });

  it("engagement rows sit on the hour buckets the content domain counts in", async () => {
    const hours = await db.prisma.postEngagementHour.findMany({ select: { hour: true }, take: 2_000 });
    expect(hours.length).toBeGreaterThan(0);
    for (const { hour } of hours) expect(engagementHour(hour).getTime()).toBe(hour.getTime());
  });
});
