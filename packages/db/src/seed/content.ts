/**
 * The demo world's content: posts by creators and shops with product tags, likes, shares,
 * follows and the hourly engagement aggregates, deterministic like the rest of the world.
 *
 * Invariants the live services keep hold here too: a post's likeCount is its PostLike rows;
 * viewCount, likeCount, shareCount and purchaseCount equal the sums of its PostEngagementHour
 * rows; a tag's tapCount and addToCartCount are in its post's and product's hourly rows.
 * Views are seeded as counters and aggregates only (PostView rows only matter for the current
 * 30 minutes). Follow counters are recounted in SQL after the follows are written.
 *
 * Two passes, so that every phase knows its total before writing: `plan` draws the shape of
 * each post (author, tags, likes, shares, hours) from one stream; `chunk` draws the details.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { MediaKind, PostVisibility } from "../generated/prisma/enums.ts";
import type { Rng } from "./random.ts";

export type PostInput = Prisma.PostCreateManyInput;
export type ProductTagInput = Prisma.ProductTagCreateManyInput;
export type PostLikeInput = Prisma.PostLikeCreateManyInput;
export type PostShareInput = Prisma.PostShareCreateManyInput;
export type UserFollowInput = Prisma.UserFollowCreateManyInput;
export type ShopFollowInput = Prisma.ShopFollowCreateManyInput;
export type PostHourInput = Prisma.PostEngagementHourCreateManyInput;
export type ProductHourInput = Prisma.ProductEngagementHourCreateManyInput;

export interface ContentShop {
  id: string;
  department: string;
  /** The owner and staff: who may post for the shop. */
  posters: string[];
  /** Active products old enough to be tagged in any seeded post. */
  taggable: { id: string; variantId: string; title: string }[];
}

export interface ContentInputs {
  /** The world's clock (ms): every timestamp is before it. */
  base: number;
  posts: number;
  creators: string[];
  /** Who likes, shares and follows: buyers and creators. */
  fans: string[];
  shops: ContentShop[];
}

export interface ContentChunk {
  posts: PostInput[];
  productTags: ProductTagInput[];
  postLikes: PostLikeInput[];
  postShares: PostShareInput[];
  postHours: PostHourInput[];
}

/** Posts are made in the last 60 days before the base date. */
export const POST_WINDOW_DAYS = 60;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The hours the feeds rank by (schema's content/ranking.ts TRENDING_WINDOW_HOURS). */
const TRENDING_WINDOW = 48 * HOUR;

const HASHTAGS: Record<string, readonly string[]> = {
  Apparel: ["ootd", "style", "linen", "streetwear", "capsulewardrobe", "fashion"],
  Footwear: ["sneakers", "kicks", "shoegame", "walkinginstyle", "newshoes"],
  Accessories: ["everydaycarry", "bags", "accessories", "leathergoods", "details"],
  Jewelry: ["jewelry", "stacking", "goldjewelry", "minimalist", "giftideas"],
  Beauty: ["skincare", "glowup", "selfcare", "fragrance", "cleanbeauty"],
  Home: ["homedecor", "interiors", "cozyhome", "candles", "slowliving"],
  Electronics: ["tech", "gadgets", "wfh", "audio", "setup"],
  Outdoor: ["hiking", "outdoors", "camping", "trail", "adventure"],
};
const COMMON_TAGS = [
  "haul",
  "unboxing",
  "review",
  "sale",
  "newin",
  "musthave",
  "giftguide",
  "tiktokmademebuyit",
];
const SHARE_CHANNELS = ["copy_link", "message", "whatsapp", "instagram", "sms", "email"];
/** Captions of creators' posts about the first tagged product (one draw picks one, as it always did). */
const CAPTIONS = [
  (p: string) => `Obsessed with the ${p} 😍 it goes everywhere with me`,
  (p: string) => `Honest review of the ${p} after a month: worth it? (yes)`,
  (p: string) => `Three ways to style the ${p}`,
  (p: string) => `Unboxing the ${p}, tap the tag to shop it`,
  (p: string) => `The ${p} is back in stock and I'm not gatekeeping`,
  (p: string) => `Day in my life, featuring the ${p}`,
];
/** Captions of shops' own posts. */
const SHOP_CAPTIONS = [
  (p: string) => `New in: the ${p}. Tap to shop before it sells out.`,
  (p: string) => `How we make the ${p}, start to finish`,
  (p: string) => `Your most-asked question, answered: how does the ${p} fit?`,
  (p: string) => `Restocked: the ${p}, in every colour`,
  (p: string) => `Behind the scenes at the studio with the ${p}`,
  (p: string) => `The ${p}, styled by our team for the week ahead`,
];

interface PostPlan {
  shop: number | null;
  authorId: string;
  kind: MediaKind;
  createdAt: number;
  visibility: PostVisibility;
  deleted: boolean;
  tags: number;
  likes: number;
  shares: number;
  /** Hour offsets (from the creation hour) of the post's engagement, ascending, first 0. */
  hours: number[];
}

export class ContentGenerator {
  private readonly plans: PostPlan[];
  private readonly creatorWeights: number[];
  private readonly productHours = new Map<string, ProductHourInput>();
  private next = 0;

  constructor(
    private readonly plan: Rng,
    private readonly rng: Rng,
    private readonly ids: Rng,
    private readonly input: ContentInputs,
  ) {
    this.creatorWeights = input.creators.map(() => 1 / (0.08 + plan.float()));
    this.plans = Array.from({ length: input.posts }, () => this.planPost());
  }

  /** Rows each phase will write (product hours are known only at the end). */
  totals() {
    const sum = (f: (p: PostPlan) => number) => this.plans.reduce((t, p) => t + f(p), 0);
    return {
      posts: this.plans.length,
      productTags: sum((p) => p.tags),
      postLikes: sum((p) => p.likes),
      postShares: sum((p) => p.shares),
      postHours: sum((p) => p.hours.length),
    };
  }

  private planPost(): PostPlan {
    const { plan, input } = this;
    // About a quarter of maxLikes per post on average: ~15,000 likes at demo scale, ~250,000 at bench.
    const maxLikes = Math.min(
      input.fans.length,
      Math.max(10, Math.min(40, Math.round(400_000 / Math.max(1, input.posts)))),
    );
    const byShop = input.shops.length > 0 && plan.chance(0.4);
    const shop = byShop ? plan.int(0, input.shops.length - 1) : null;
    const authorId =
      shop === null
        ? input.creators[plan.weighted(this.creatorWeights)]!
        : plan.pick(input.shops[shop]!.posters);
    const kind: MediaKind = plan.chance(0.7) ? "VIDEO" : "IMAGE";
    // Skewed towards recent days; whole seconds; at least an hour before the base date.
    const ageSeconds = 3600 + Math.floor(plan.float() ** 2 * (POST_WINDOW_DAYS * 86_400 - 3600));
    const createdAt = input.base - ageSeconds * 1000;
    const roll = plan.float();
    const visibility: PostVisibility = roll < 0.9 ? "PUBLIC" : roll < 0.97 ? "FOLLOWERS" : "PRIVATE";
    const deleted = plan.chance(0.02);
    const taggable =
      shop === null ? input.shops.some((s) => s.taggable.length > 0) : input.shops[shop]!.taggable.length > 0;
    const tags = taggable ? plan.weighted([15, 40, 30, 15]) : 0;
    const likes = visibility === "PRIVATE" ? 0 : Math.floor(plan.float() ** 3 * (maxLikes + 1));
    const shares = Math.floor(likes * plan.float() * 0.3);
    const lastHour = Math.floor((input.base - createdAt) / HOUR) - 1;
    const hours = new Set([0]);
    const wanted = plan.int(1, input.posts > 10_000 ? 3 : 8);
    for (let i = 1; i < wanted; i++)
      hours.add(Math.min(lastHour, Math.floor(-Math.log(1 - plan.float()) * 36)));
    const ordered = [...hours].filter((h) => h >= 0).sort((a, b) => a - b);
    // What a feed ranks first is engaged with in the last 48 hours: those posts are videos with
    // product tags, so the demo's feeds open on something to buy.
    const trending =
      Math.floor(createdAt / HOUR) * HOUR + Math.max(...ordered) * HOUR >= input.base - TRENDING_WINDOW;
    return {
      shop,
      authorId,
      kind: trending ? "VIDEO" : kind,
      createdAt,
      visibility,
      deleted,
      tags: trending && taggable ? Math.max(1, tags) : tags,
      likes,
      shares,
      hours: ordered,
    };
  }

  /** Who follows whom: fans follow popular creators (never themselves) and some shops. */
  follows(): { userFollows: UserFollowInput[]; shopFollows: ShopFollowInput[] } {
    const { rng, input } = this;
    const userFollows: UserFollowInput[] = [];
    const shopFollows: ShopFollowInput[] = [];
    const since = input.base - 300 * DAY;
    const at = () => new Date(since + rng.int(0, 300 * 86_400 - 1) * 1000);
    for (const fan of input.fans) {
      const creators = new Set<number>();
      const wanted = rng.int(0, Math.min(6, input.creators.length));
      for (let tries = 0; creators.size < wanted && tries < wanted * 4; tries++) {
        const c = rng.weighted(this.creatorWeights);
        if (input.creators[c] !== fan) creators.add(c);
      }
      for (const c of [...creators].sort((a, b) => a - b))
        userFollows.push({ followerId: fan, followeeId: input.creators[c]!, createdAt: at() });
      for (const s of rng.indices(input.shops.length, rng.int(0, Math.min(3, input.shops.length)))) {
        shopFollows.push({ followerId: fan, shopId: input.shops[s]!.id, createdAt: at() });
      }
    }
    return { userFollows, shopFollows };
  }

  /** The next `size` posts with their tags, likes, shares and hourly rows; null when done. */
  chunk(size: number): ContentChunk | null {
    if (this.next >= this.plans.length) return null;
    const out: ContentChunk = { posts: [], productTags: [], postLikes: [], postShares: [], postHours: [] };
    const end = Math.min(this.plans.length, this.next + size);
    for (; this.next < end; this.next++) this.generatePost(this.plans[this.next]!, out);
    return out;
  }

  /** The product hourly rows accumulated over every post; call after the last chunk. */
  productHourRows(): ProductHourInput[] {
    return [...this.productHours.values()];
  }

  private generatePost(plan: PostPlan, out: ContentChunk): void {
    const { rng, ids, input } = this;
    const id = ids.uuid();
    const shop = plan.shop === null ? null : input.shops[plan.shop]!;
    const video = plan.kind === "VIDEO";
    const durationMs = video ? rng.int(50, 900) * 100 : null;

    // Tags: products of the shop (a shop's post) or of any shop (a creator's post).
    const pool = plan.tags === 0 ? [] : shop ? shop.taggable : input.shops[this.shopWithProducts()]!.taggable;
    const products = rng.sample(pool, Math.min(plan.tags, pool.length));
    const department = shop?.department ?? input.shops[rng.int(0, input.shops.length - 1)]!.department;
    const vocabulary = HASHTAGS[department] ?? COMMON_TAGS;
    const subject = products[0]?.title ?? rng.pick(["new drop", "weekend haul", "favourite find"]);
    const inCaption = rng.sample(vocabulary, rng.int(0, 3));
    const caption = [
      rng.pick(shop ? SHOP_CAPTIONS : CAPTIONS)(subject),
      ...inCaption.map((t) => `#${t}`),
    ].join(" ");
    // The word lists hold hashtags in their stored form (lower case, letters only), so this is what
    // the content domain's mergeHashtags(explicit, caption) gives; a schema test holds it to that.
    const hashtags = [...new Set([...rng.sample(COMMON_TAGS, rng.int(0, 2)), ...inCaption])];

    // Engagement spread over the planned hours, more in earlier ones.
    const startHour = Math.floor(plan.createdAt / HOUR) * HOUR;
    const weights = plan.hours.map((h) => (1 + rng.float()) / (1 + h / 12));
    const views = Math.max(plan.hours.length, plan.likes * rng.int(3, 30) + rng.int(0, 40));
    const viewsPerHour = allocate(views, weights, 1);
    const likesPerHour = plan.hours.map(() => 0);
    const sharesPerHour = plan.hours.map(() => 0);
    const tapsPerHour = plan.hours.map(() => 0);
    const cartsPerHour = plan.hours.map(() => 0);
    /** A whole-second instant inside hour bucket `j`, not before the post, not after the base. */
    const inHour = (j: number) => {
      const from = Math.max(plan.createdAt, startHour + plan.hours[j]! * HOUR);
      const to = Math.min(input.base - 1000, startHour + (plan.hours[j]! + 1) * HOUR - 1000);
      return new Date(from + rng.int(0, Math.max(0, Math.floor((to - from) / 1000))) * 1000);
    };

    for (const f of rng.indices(input.fans.length, plan.likes)) {
      const j = rng.weighted(weights);
      likesPerHour[j]!++;
      out.postLikes.push({ postId: id, userId: input.fans[f]!, createdAt: inHour(j) });
    }
    for (let s = 0; s < plan.shares; s++) {
      const j = rng.weighted(weights);
      sharesPerHour[j]!++;
      out.postShares.push({
        id: ids.uuid(),
        postId: id,
        userId: rng.pick(input.fans),
        channel: rng.pick(SHARE_CHANNELS),
        createdAt: inHour(j),
      });
    }
    let carts = 0;
    products.forEach((product, position) => {
      const taps = Math.floor(views * rng.float() * 0.08);
      const adds = Math.floor(taps * rng.float() * 0.25);
      carts += adds;
      const tapSplit = allocate(taps, weights, 0);
      const cartSplit = allocate(adds, weights, 0);
      tapSplit.forEach((n, j) => {
        tapsPerHour[j]! += n;
      });
      cartSplit.forEach((n, j) => {
        cartsPerHour[j]! += n;
      });
      plan.hours.forEach((h, j) => {
        this.addProductHour(product.id, startHour + h * HOUR, tapSplit[j]!, cartSplit[j]!, 0);
      });
      const whole = !video || rng.chance(0.5);
      const startMs = video ? (whole ? 0 : rng.int(0, Math.floor(durationMs! / 200)) * 100) : null;
      const endMs = video
        ? whole
          ? durationMs!
          : rng.int(Math.floor(startMs! / 100) + 1, durationMs! / 100) * 100
        : null;
      out.productTags.push({
        id: ids.uuid(),
        postId: id,
        productId: product.id,
        variantId: rng.chance(0.3) ? product.variantId : null,
        position,
        x: Math.round((0.1 + 0.8 * rng.float()) * 1000) / 1000,
        y: Math.round((0.1 + 0.8 * rng.float()) * 1000) / 1000,
        startMs,
        endMs,
        tapCount: taps,
        addToCartCount: adds,
      });
    });
    const purchases = Math.floor(carts * rng.float() * 0.6);
    const purchasesPerHour = allocate(purchases, weights, 0);
    if (products[0]) {
      plan.hours.forEach((h, j) => {
        this.addProductHour(products[0]!.id, startHour + h * HOUR, 0, 0, purchasesPerHour[j]!);
      });
    }

    plan.hours.forEach((h, j) => {
      out.postHours.push({
        postId: id,
        hour: new Date(startHour + h * HOUR),
        views: viewsPerHour[j]!,
        likes: likesPerHour[j]!,
        shares: sharesPerHour[j]!,
        tagTaps: tapsPerHour[j]!,
        addToCarts: cartsPerHour[j]!,
        purchases: purchasesPerHour[j]!,
      });
    });
    const createdAt = new Date(plan.createdAt);
    const deletedAt = plan.deleted
      ? new Date(
          plan.createdAt + rng.int(60, Math.max(60, Math.floor((input.base - plan.createdAt) / 1000))) * 1000,
        )
      : null;
    out.posts.push({
      id,
      authorId: plan.authorId,
      shopId: shop?.id ?? null,
      mediaKind: plan.kind,
      mediaUrl: `/media/posts/${id}.${video ? "mp4" : "jpg"}`,
      width: 1080,
      height: video ? 1920 : rng.pick([1080, 1350]),
      durationMs,
      posterUrl: video ? `/media/posts/${id}-poster.jpg` : null,
      caption,
      hashtags,
      visibility: plan.visibility,
      viewCount: views,
      likeCount: plan.likes,
      shareCount: plan.shares,
      purchaseCount: purchases,
      liveSessionId: null,
      deletedAt,
      createdAt,
      updatedAt: deletedAt ?? createdAt,
    });
  }

  private shopWithProducts(): number {
    const { rng, input } = this;
    for (;;) {
      const s = rng.int(0, input.shops.length - 1);
      if (input.shops[s]!.taggable.length > 0) return s;
    }
  }

  private addProductHour(
    productId: string,
    hour: number,
    tagTaps: number,
    addToCarts: number,
    purchases: number,
  ): void {
    if (tagTaps === 0 && addToCarts === 0 && purchases === 0) return;
    const key = `${productId}|${hour}`;
    const row = this.productHours.get(key);
    if (row) {
      row.tagTaps = (row.tagTaps ?? 0) + tagTaps;
      row.addToCarts = (row.addToCarts ?? 0) + addToCarts;
      row.purchases = (row.purchases ?? 0) + purchases;
    } else {
      this.productHours.set(key, { productId, hour: new Date(hour), tagTaps, addToCarts, purchases });
    }
  }
}

/** Splits `total` over `weights` (largest remainder), each part at least `min`. */
function allocate(total: number, weights: number[], min: 0 | 1): number[] {
  const spare = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const parts = exact.map((x) => min + Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}
