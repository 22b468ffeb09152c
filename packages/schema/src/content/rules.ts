/**
 * Pure content rules: hashtags, product tag timing and engagement time buckets. No I/O, so
 * they are unit-tested beside this file and shared by the services and the seed.
 */
import type { MediaKind } from "@shoppable/db/enums";
import type { UserErrorShape } from "../shared/user-error.ts";
import type { ContentErrorCode } from "./errors.ts";

export const CONTENT_LIMITS = {
  caption: 2_200,
  /** Hashtags per post, explicit and parsed from the caption together. */
  hashtags: 30,
  hashtagLength: 64,
  productTags: 30,
  /** Longest video, in milliseconds (a live replay can be long). */
  videoDurationMs: 24 * 3600 * 1000,
  mediaSide: 100_000,
  url: 2_048,
  sessionId: 128,
  shareChannel: 32,
} as const;

/** A view counts once per viewer per post per bucket of this length. */
export const VIEW_BUCKET_MS = 30 * 60 * 1000;

const HASHTAG = /^[\p{L}\p{N}_]+$/u;
// A "#" that starts a word: not preceded by a letter, digit, "_", "&" (HTML entities) or "#".
const CAPTION_HASHTAG = /(?<![\p{L}\p{N}_&#])#([\p{L}\p{N}_]+)/gu;

/**
 * The stored form of a hashtag: without leading "#", NFKC-normalised, lower case. Null when
 * what remains is empty, too long or has characters other than letters, digits and "_".
 */
export function normaliseHashtag(text: string): string | null {
  const tag = text.trim().replace(/^#+/, "").normalize("NFKC").toLowerCase();
  return tag.length >= 1 && tag.length <= CONTENT_LIMITS.hashtagLength && HASHTAG.test(tag) ? tag : null;
}

/** The hashtags written in a caption ("#Summer #ootd"), normalised, in order, without repeats. */
export function captionHashtags(caption: string): string[] {
  const found = new Set<string>();
  for (const match of caption.matchAll(CAPTION_HASHTAG)) {
    const tag = normaliseHashtag(match[1]!);
    if (tag) found.add(tag);
  }
  return [...found];
}

/** Explicit hashtags first, then those of the caption; normalised and without repeats. */
export function mergeHashtags(explicit: readonly string[], caption: string): string[] {
  return [...new Set([...explicit, ...captionHashtags(caption)])];
}

/** A userError as plain data (no schema import: the seed uses these rules too). */
function issue(code: ContentErrorCode, message: string, field: string[]): UserErrorShape<ContentErrorCode> {
  return { code, message, field };
}

export interface TagTimeInput {
  startMs?: number | null | undefined;
  endMs?: number | null | undefined;
}

export interface TagRange {
  /** Null for images (always visible); for videos the range is always complete. */
  startMs: number | null;
  endMs: number | null;
}

/**
 * Checks the time ranges of product tags against the media and completes them: images take no
 * times; on a video a missing startMs is 0 and a missing endMs is the duration, and the range
 * [startMs, endMs) must be non-empty and inside [0, durationMs]. `path` is the tags' field path.
 */
export function checkTagTimes(
  media: { kind: MediaKind; durationMs: number | null },
  tags: readonly TagTimeInput[],
  path: string[] = ["productTags"],
): { errors: UserErrorShape<ContentErrorCode>[]; ranges: TagRange[] } {
  const errors: UserErrorShape<ContentErrorCode>[] = [];
  const ranges = tags.map((tag, i): TagRange => {
    const field = (name?: string) => [...path, String(i), ...(name ? [name] : [])];
    if (media.kind === "IMAGE") {
      if (tag.startMs != null || tag.endMs != null) {
        errors.push(
          issue(
            "TAG_TIME_ON_IMAGE",
            "A tag on an image shows all the time: leave startMs and endMs out.",
            field(tag.startMs != null ? "startMs" : "endMs"),
          ),
        );
      }
      return { startMs: null, endMs: null };
    }
    const duration = media.durationMs ?? 0;
    const startMs = tag.startMs ?? 0;
    const endMs = tag.endMs ?? duration;
    if (startMs >= endMs) {
      errors.push(
        issue(
          "TAG_TIME_RANGE_INVALID",
          `startMs (${startMs}) must be before endMs (${endMs}).`,
          field(tag.startMs != null ? "startMs" : "endMs"),
        ),
      );
    } else if (endMs > duration) {
      errors.push(
        issue(
          "TAG_OUTSIDE_VIDEO",
          `endMs (${endMs}) is beyond the video's duration (${duration} ms).`,
          field("endMs"),
        ),
      );
    }
    return { startMs, endMs };
  });
  return { errors, ranges };
}

/** The 30-minute bucket a view at `at` counts in. */
export function viewBucket(at: Date): number {
  return Math.floor(at.getTime() / VIEW_BUCKET_MS);
}

/** `at` truncated to the hour (UTC): the key of the hourly engagement aggregates. */
export function engagementHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}
