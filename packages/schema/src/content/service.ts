/**
 * Posts: creating, changing and (softly) deleting them with their product tags. Input has been
 * parsed already (ids decoded, texts bounded); the rules that need the database or the media
 * (who may post, tag timing, product visibility, variants) are checked here, and nothing is
 * written unless every check passes.
 */
import type { Context } from "../context.ts";
import type { MediaKind, PostVisibility } from "@shoppable/db/enums";
import { canSeeProduct, hasRole, visiblePostWhere } from "../shared/access.ts";
import { forbidden } from "../shared/errors.ts";
import { failed, succeeded, type PayloadShape } from "../shared/payload.ts";
import { userError, type UserErrorShape } from "../shared/user-error.ts";
import { canEditPost, canPostForShop } from "./access.ts";
import type { ContentErrorCode } from "./errors.ts";
import { CONTENT_LIMITS, captionHashtags, checkTagTimes, mergeHashtags } from "./rules.ts";

type ContentUserError = UserErrorShape<ContentErrorCode>;

function contentError(
  code: ContentErrorCode,
  message: string,
  field: (string | number)[] | null = null,
): ContentUserError {
  return userError(code, message, field);
}

export interface PostMediaInput {
  kind: MediaKind;
  url: string;
  width: number;
  height: number;
  durationMs?: number | null | undefined;
  posterUrl?: string | null | undefined;
}

export interface ProductTagInput {
  productId: string;
  variantId?: string | null | undefined;
  x: number;
  y: number;
  startMs?: number | null | undefined;
  endMs?: number | null | undefined;
}

export interface PostCreateInput {
  media: PostMediaInput;
  caption: string;
  /** Explicit hashtags, already normalised; the caption's are added. */
  hashtags: string[];
  visibility: PostVisibility;
  /** Post for this shop (the caller must be a merchant member of it). */
  shopId?: string | null | undefined;
  productTags: ProductTagInput[];
}

/** A product tag row to write, checked and completed. */
interface TagRow {
  productId: string;
  variantId: string | null;
  position: number;
  x: number;
  y: number;
  startMs: number | null;
  endMs: number | null;
}

function checkMedia(media: PostMediaInput): ContentUserError[] {
  if (media.kind === "VIDEO" && media.durationMs == null) {
    return [contentError("MEDIA_DURATION", "A video needs its durationMs.", ["media", "durationMs"])];
  }
  if (media.kind === "IMAGE" && media.durationMs != null) {
    return [contentError("MEDIA_DURATION", "An image has no durationMs.", ["media", "durationMs"])];
  }
  return [];
}

function checkHashtagCount(hashtags: string[]): ContentUserError[] {
  return hashtags.length > CONTENT_LIMITS.hashtags
    ? [
        contentError(
          "TOO_LONG",
          `A post has at most ${CONTENT_LIMITS.hashtags} hashtags, the caption's included (got ${hashtags.length}).`,
          ["hashtags"],
        ),
      ]
    : [];
}

/**
 * Checks product tags against the media (timing) and the catalog: each product must exist and
 * be visible to the caller (another shop's unpublished product is NOT_FOUND, as a missing
 * one), not archived, and a variant must be one of the product's. One query for all tags.
 */
async function checkProductTags(
  ctx: Context,
  media: { kind: MediaKind; durationMs: number | null },
  tags: ProductTagInput[],
): Promise<{ errors: ContentUserError[]; rows: TagRow[] }> {
  const times = checkTagTimes(media, tags);
  const errors = [...times.errors];
  const productIds = [...new Set(tags.map((t) => t.productId))];
  const variantIds = [...new Set(tags.flatMap((t) => (t.variantId ? [t.variantId] : [])))];
  const products = productIds.length
    ? await ctx.db.product.findMany({
        where: { id: { in: productIds } },
        select: {
          id: true,
          shopId: true,
          status: true,
          hiddenAt: true,
          variants: { where: { id: { in: variantIds } }, select: { id: true } },
        },
      })
    : [];
  const byId = new Map(products.map((p) => [p.id, p]));
  const rows: TagRow[] = [];
  for (const [i, tag] of tags.entries()) {
    const product = byId.get(tag.productId);
    if (!product || !(await canSeeProduct(ctx, product))) {
      errors.push(
        contentError("NOT_FOUND", "No product you can see has this id.", ["productTags", i, "productId"]),
      );
      continue;
    }
    if (product.status === "ARCHIVED") {
      errors.push(
        contentError("PRODUCT_ARCHIVED", "An archived product cannot be tagged.", [
          "productTags",
          i,
          "productId",
        ]),
      );
      continue;
    }
    if (tag.variantId && !product.variants.some((v) => v.id === tag.variantId)) {
      errors.push(
        contentError("VARIANT_MISMATCH", "This variant is not one of the tagged product's.", [
          "productTags",
          i,
          "variantId",
        ]),
      );
      continue;
    }
    rows.push({
      productId: tag.productId,
      variantId: tag.variantId ?? null,
      position: i,
      x: tag.x,
      y: tag.y,
      ...times.ranges[i]!,
    });
  }
  return { errors, rows };
}

/**
 * Creates a post with its product tags. A creator (CREATOR role) posts as themselves; with
 * `shopId`, a merchant member of that shop posts for it. Needs a user token (the author):
 * FORBIDDEN otherwise. Fails with typed userErrors (media, hashtags, tags), writing nothing.
 */
export async function createPost(ctx: Context, input: PostCreateInput): Promise<PayloadShape> {
  const user = ctx.user;
  if (!user) throw forbidden("Creating a post needs a user token: the post's author.");
  if (input.shopId) {
    const shop = await ctx.db.shop.findUnique({ where: { id: input.shopId }, select: { id: true } });
    if (!shop) return failed([contentError("NOT_FOUND", "No shop has this id.", ["shopId"])]);
    if (!(await canPostForShop(ctx, shop.id)))
      throw forbidden("You may post for a shop only as one of its merchants.");
  } else if (!hasRole(user, "CREATOR")) {
    throw forbidden("Only creators post as themselves; merchants post for their shop with `shopId`.");
  }
  const hashtags = mergeHashtags(input.hashtags, input.caption);
  const media = { kind: input.media.kind, durationMs: input.media.durationMs ?? null };
  const mediaErrors = checkMedia(input.media);
  const tags = mediaErrors.length
    ? { errors: [], rows: [] }
    : await checkProductTags(ctx, media, input.productTags);
  const errors = [...mediaErrors, ...checkHashtagCount(hashtags), ...tags.errors];
  if (errors.length) return failed(errors);

  const post = await ctx.db.post.create({
    data: {
      authorId: user.id,
      shopId: input.shopId ?? null,
      mediaKind: input.media.kind,
      mediaUrl: input.media.url,
      width: input.media.width,
      height: input.media.height,
      durationMs: media.durationMs,
      posterUrl: input.media.posterUrl ?? null,
      caption: input.caption,
      hashtags,
      visibility: input.visibility,
      productTags: { create: tags.rows },
    },
    select: { id: true },
  });
  return succeeded(post.id);
}

export interface PostUpdateInput {
  id: string;
  caption?: string | undefined;
  /** Replaces the explicit hashtags (normalised); the caption's are always added. */
  hashtags?: string[] | undefined;
  visibility?: PostVisibility | undefined;
  /** Replaces all product tags. Tags given unchanged keep their id and counters. */
  productTags?: ProductTagInput[] | undefined;
}

function tagKey(tag: Omit<TagRow, "position">): string {
  return JSON.stringify([tag.productId, tag.variantId, tag.x, tag.y, tag.startMs, tag.endMs]);
}

/**
 * Changes a post's caption, hashtags, visibility or product tags. The author of a creator's
 * post, the merchant members of a shop's post's shop and the platform may; others get
 * FORBIDDEN (or NOT_FOUND when they cannot see the post). A deleted post is POST_DELETED.
 * When only the caption changes, explicit hashtags stay and the caption's are re-read.
 */
export async function updatePost(ctx: Context, input: PostUpdateInput): Promise<PayloadShape> {
  const post = await ctx.db.post.findFirst({
    where: { id: input.id, ...visiblePostWhere(ctx, { includeDeleted: true }) },
    select: {
      id: true,
      authorId: true,
      shopId: true,
      deletedAt: true,
      mediaKind: true,
      durationMs: true,
      caption: true,
      hashtags: true,
      productTags: {
        select: {
          id: true,
          productId: true,
          variantId: true,
          position: true,
          x: true,
          y: true,
          startMs: true,
          endMs: true,
        },
      },
    },
  });
  if (!post) return failed([contentError("NOT_FOUND", "No post you can see has this id.", ["id"])]);
  if (post.deletedAt) return failed([contentError("POST_DELETED", "The post was deleted.", ["id"])]);
  if (!(await canEditPost(ctx, post))) throw forbidden("You may change only your own posts or your shop's.");

  const caption = input.caption ?? post.caption;
  let hashtags = post.hashtags;
  if (input.hashtags !== undefined) {
    hashtags = mergeHashtags(input.hashtags, caption);
  } else if (input.caption !== undefined) {
    const fromCaption = new Set(captionHashtags(post.caption));
    hashtags = mergeHashtags(
      post.hashtags.filter((h) => !fromCaption.has(h)),
      caption,
    );
  }
  const tags = input.productTags
    ? await checkProductTags(ctx, { kind: post.mediaKind, durationMs: post.durationMs }, input.productTags)
    : null;
  const errors = [...checkHashtagCount(hashtags), ...(tags?.errors ?? [])];
  if (errors.length) return failed(errors);

  await ctx.db.$transaction(async (tx) => {
    await tx.post.update({
      where: { id: post.id },
      data: { caption, hashtags, ...(input.visibility ? { visibility: input.visibility } : {}) },
      select: { id: true },
    });
    if (!tags) return;
    // Unchanged tags keep their row (id, tap and cart counters, cart lines pointing at them).
    const unused = new Map<string, (typeof post.productTags)[number][]>();
    for (const existing of post.productTags)
      unused.set(tagKey(existing), [...(unused.get(tagKey(existing)) ?? []), existing]);
    const kept: { id: string; position: number; was: number }[] = [];
    const created: TagRow[] = [];
    for (const row of tags.rows) {
      const match = unused.get(tagKey(row))?.shift();
      if (match) kept.push({ id: match.id, position: row.position, was: match.position });
      else created.push(row);
    }
    await tx.productTag.deleteMany({ where: { postId: post.id, id: { notIn: kept.map((k) => k.id) } } });
    for (const k of kept.filter((k) => k.position !== k.was)) {
      await tx.productTag.update({
        where: { id: k.id },
        data: { position: k.position },
        select: { id: true },
      });
    }
    if (created.length)
      await tx.productTag.createMany({ data: created.map((row) => ({ ...row, postId: post.id })) });
  });
  return succeeded(post.id);
}

/**
 * Deletes a post softly: it disappears from every read, its counters and aggregates stay (for
 * attribution and reports). Who may: as for updatePost. A deleted post is POST_DELETED.
 */
export async function deletePost(ctx: Context, postId: string): Promise<PayloadShape> {
  const post = await ctx.db.post.findFirst({
    where: { id: postId, ...visiblePostWhere(ctx, { includeDeleted: true }) },
    select: { id: true, authorId: true, shopId: true, deletedAt: true },
  });
  if (!post) return failed([contentError("NOT_FOUND", "No post you can see has this id.", ["id"])]);
  if (post.deletedAt) return failed([contentError("POST_DELETED", "The post was deleted already.", ["id"])]);
  if (!(await canEditPost(ctx, post))) throw forbidden("You may delete only your own posts or your shop's.");
  const { count } = await ctx.db.post.updateMany({
    where: { id: post.id, deletedAt: null },
    data: { deletedAt: new Date() },
  });
  if (count === 0) return failed([contentError("POST_DELETED", "The post was deleted already.", ["id"])]);
  return succeeded(post.id);
}
