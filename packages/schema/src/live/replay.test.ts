import { describe, expect, it } from "vitest";
import { MAX_REPLAY_TAGS, replayTagRanges } from "./replay.ts";

const start = new Date("2026-11-27T20:00:00.000Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const end = at(60_000);

describe("replayTagRanges", () => {
  it("shows each pin over the time it was pinned, from 0 when pinned before the start, to the end when never unpinned", () => {
    const ranges = replayTagRanges(
      [
        { productId: "b", variantId: "vb", pinnedAt: at(10_000), unpinnedAt: at(25_000) },
        { productId: "a", variantId: null, pinnedAt: at(-5_000), unpinnedAt: null },
        { productId: "c", variantId: null, pinnedAt: at(30_000), unpinnedAt: null },
      ],
      start,
      end,
      58_000,
    );
    expect(ranges).toEqual([
      { productId: "a", variantId: null, startMs: 0, endMs: 58_000 },
      { productId: "b", variantId: "vb", startMs: 10_000, endMs: 25_000 },
      { productId: "c", variantId: null, startMs: 30_000, endMs: 58_000 },
    ]);
  });

  it("clips ranges to the video and drops those outside it or empty", () => {
    const ranges = replayTagRanges(
      [
        { productId: "late", variantId: null, pinnedAt: at(50_000), unpinnedAt: at(55_000) },
        { productId: "gone", variantId: null, pinnedAt: at(-9_000), unpinnedAt: at(-1_000) },
        { productId: "long", variantId: null, pinnedAt: at(20_000), unpinnedAt: at(45_000) },
      ],
      start,
      end,
      30_000,
    );
    expect(ranges).toEqual([{ productId: "long", variantId: null, startMs: 20_000, endMs: 30_000 }]);
  });

  it(`keeps at most ${MAX_REPLAY_TAGS} tags, the first pinned`, () => {
    const pins = Array.from({ length: 40 }, (_, i) => ({
      productId: `p${i}`,
      variantId: null,
      pinnedAt: at(i * 1000),
      unpinnedAt: null,
    }));
    const ranges = replayTagRanges(pins.reverse(), start, end, 60_000);
    expect(ranges).toHaveLength(MAX_REPLAY_TAGS);
    expect(ranges[0]!.productId).toBe("p0");
    expect(ranges.at(-1)!.productId).toBe("p29");
  });
});
