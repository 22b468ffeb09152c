import { describe, expect, it } from "vitest";
import {
  captionHashtags,
  checkTagTimes,
  engagementHour,
  mergeHashtags,
  normaliseHashtag,
  viewBucket,
} from "./rules.ts";

describe("hashtags", () => {
  it("normalises to lower case without #, and refuses punctuation, spaces and overlong tags", () => {
    expect(normaliseHashtag("#Summer")).toBe("summer");
    expect(normaliseHashtag("##OOTD_2026")).toBe("ootd_2026");
    expect(normaliseHashtag("Café")).toBe("café");
    expect(normaliseHashtag("ＦＵＬＬ")).toBe("full");
    for (const bad of ["", "#", "two words", "hello!", "a-b", "x".repeat(65)])
      expect(normaliseHashtag(bad), bad).toBeNull();
  });

  it("finds hashtags that start a word in captions, once each, in order", () => {
    expect(captionHashtags("New drop! #Summer vibes #ootd, #summer again #été")).toEqual([
      "summer",
      "ootd",
      "été",
    ]);
    expect(captionHashtags("mail me at a#b or &#39; or ##double")).toEqual([]);
    expect(captionHashtags("(#wrapped) #end")).toEqual(["wrapped", "end"]);
  });

  it("merges explicit hashtags first, then the caption's, without repeats", () => {
    expect(mergeHashtags(["ootd", "linen"], "Linen season #linen #Beach")).toEqual([
      "ootd",
      "linen",
      "beach",
    ]);
  });
});

describe("product tag timing", () => {
  const video = { kind: "VIDEO" as const, durationMs: 10_000 };
  const image = { kind: "IMAGE" as const, durationMs: null };

  it("completes a video tag's missing start with 0 and missing end with the duration", () => {
    const { errors, ranges } = checkTagTimes(video, [
      {},
      { startMs: 2000 },
      { endMs: 500 },
      { startMs: 1000, endMs: 10_000 },
    ]);
    expect(errors).toEqual([]);
    expect(ranges).toEqual([
      { startMs: 0, endMs: 10_000 },
      { startMs: 2000, endMs: 10_000 },
      { startMs: 0, endMs: 500 },
      { startMs: 1000, endMs: 10_000 },
    ]);
  });

  it("refuses empty or reversed ranges, ranges beyond the duration and times on images", () => {
    const { errors } = checkTagTimes(video, [
      { startMs: 5000, endMs: 5000 },
      { startMs: 6000, endMs: 2000 },
      { startMs: 9000, endMs: 10_001 },
      { startMs: 12_000 },
    ]);
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ["TAG_TIME_RANGE_INVALID", ["productTags", "0", "startMs"]],
      ["TAG_TIME_RANGE_INVALID", ["productTags", "1", "startMs"]],
      ["TAG_OUTSIDE_VIDEO", ["productTags", "2", "endMs"]],
      ["TAG_TIME_RANGE_INVALID", ["productTags", "3", "startMs"]],
    ]);
    const onImage = checkTagTimes(image, [{ x: 0 } as never, { endMs: 100 }]);
    expect(onImage.ranges).toEqual([
      { startMs: null, endMs: null },
      { startMs: null, endMs: null },
    ]);
    expect(onImage.errors.map((e) => [e.code, e.field])).toEqual([
      ["TAG_TIME_ON_IMAGE", ["productTags", "1", "endMs"]],
    ]);
  });
});

describe("engagement time keys", () => {
  it("puts views in 30-minute buckets and aggregates in UTC hours", () => {
    const at = new Date("2026-03-01T10:29:59.999Z");
    expect(viewBucket(new Date("2026-03-01T10:00:00Z"))).toBe(viewBucket(at));
    expect(viewBucket(new Date("2026-03-01T10:30:00Z"))).toBe(viewBucket(at) + 1);
    expect(engagementHour(new Date("2026-03-01T10:59:59.999Z")).toISOString()).toBe(
      "2026-03-01T10:00:00.000Z",
    );
  });
});
