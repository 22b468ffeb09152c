/**
 * Product tags of a live session's replay: each pinned product shows over the part of the
 * video during which it was pinned.
 */

/** Where replay tags sit in the frame: bottom centre, where live shopping shows its product card. */
export const REPLAY_TAG_POSITION = { x: 0.5, y: 0.9 } as const;

/** A post carries at most this many product tags. */
export const MAX_REPLAY_TAGS = 30;

export interface PinSpan {
  productId: string;
  variantId: string | null;
  pinnedAt: Date;
  unpinnedAt: Date | null;
}

export interface ReplayTagRange {
  productId: string;
  variantId: string | null;
  startMs: number;
  endMs: number;
}

/**
 * Maps pins to [startMs, endMs) offsets of a replay that starts at `startedAt` and lasts
 * `durationMs`: a pin made before the start shows from 0, one still pinned when the session
 * ended shows to the end of the video; ranges are clipped to the video and empty ones dropped.
 * The first MAX_REPLAY_TAGS in order of pinning are kept.
 */
export function replayTagRanges(
  pins: PinSpan[],
  startedAt: Date,
  endedAt: Date,
  durationMs: number,
): ReplayTagRange[] {
  const offset = (d: Date) => Math.min(durationMs, Math.max(0, d.getTime() - startedAt.getTime()));
  return [...pins]
    .sort((a, b) => a.pinnedAt.getTime() - b.pinnedAt.getTime())
    .map((pin) => ({
      productId: pin.productId,
      variantId: pin.variantId,
      startMs: offset(pin.pinnedAt),
      endMs: pin.unpinnedAt !== null && pin.unpinnedAt < endedAt ? offset(pin.unpinnedAt) : durationMs,
    }))
    .filter((range) => range.endMs > range.startMs)
    .slice(0, MAX_REPLAY_TAGS);
}
