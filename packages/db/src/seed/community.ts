/**
 * The demo world's community: reviews of products by buyers who bought them, and comments on
 * posts, deterministic like the rest of the world (own PRNG streams, so the catalog and the
 * content do not change when this does).
 *
 * Invariants the live services keep hold here too: every review stands on a FULFILLED order of
 * its author with a line of the product (one review per line); a product's ratingSum and
 * ratingCount are its reviews' (recounted in SQL after writing); a post's commentCount is its
 * comments (recounted too); comments are only on public posts that were not deleted, and a
 * comment mentions only products tagged in its post.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { Rng } from "./random.ts";

export type OrderInput = Prisma.OrderCreateManyInput;
export type OrderLineInput = Prisma.OrderLineCreateManyInput;
export type ProductReviewInput = Prisma.ProductReviewCreateManyInput;
export type PostCommentInput = Prisma.PostCommentCreateManyInput;

const DAY = 86_400_000;

/** A product that may be reviewed, with what its order line copies. */
export interface ReviewableProduct {
  id: string;
  shopId: string;
  currencyCode: string;
  title: string;
  type: string;
  variantId: string;
  variantTitle: string;
  sku: string;
  price: number;
  createdAt: number;
}

/** A post comments may go on: public and not deleted, with the products it tags. */
export interface CommentablePost {
  id: string;
  createdAt: number;
  products: { id: string; title: string }[];
}

export interface ReviewRows {
  orders: OrderInput[];
  orderLines: OrderLineInput[];
  productReviews: ProductReviewInput[];
}

/** Stars, mostly good as on real shops: 1 to 5 with these weights. */
const RATING_WEIGHTS = [4, 6, 12, 30, 48];

const REVIEW_TITLES: Record<number, string[]> = {
  1: ["Disappointed", "Not as described", "Would not buy again"],
  2: ["Not great", "Expected more", "Meh"],
  3: ["It's okay", "Does the job", "Decent for the price"],
  4: ["Really nice", "Good value", "Happy with it", "Almost perfect"],
  5: ["Love it", "Perfect", "Exactly as pictured", "Great quality", "Would buy again", "Obsessed"],
};

const REVIEW_BODIES: Record<number, ((title: string, type: string) => string)[]> = {
  1: [
    (t) => `The ${t} arrived damaged and support took a week to answer.`,
    (_t, type) => `Looks nothing like the photos. Returning this ${type.toLowerCase()}.`,
  ],
  2: [
    (t) => `The ${t} is fine at first glance but the finish wore off quickly.`,
    (_t, type) => `Runs smaller than expected for a ${type.toLowerCase()}. Sizing chart was off.`,
  ],
  3: [
    (t) => `The ${t} is okay. Nothing special, nothing wrong.`,
    () => "Took a while to arrive, but it does what it should.",
  ],
  4: [
    (t) => `Really like the ${t}. Only wish it came in more colours.`,
    (_t, type) => `Solid ${type.toLowerCase()} for the price. Shipping was quick.`,
    () => "Good quality, fits well. Would recommend.",
  ],
  5: [
    (t) => `Saw the ${t} in a video and had to get it. Even better in person!`,
    (t) => `Second time buying the ${t}. Great quality and fast delivery.`,
    (_t, type) => `Best ${type.toLowerCase()} I've owned. Compliments every time.`,
    () => "Exactly as pictured. Packaging was lovely too.",
  ],
};

const REPLIES = [
  "Thank you for the review! We are so glad you love it.",
  "Sorry to hear that. Please reply to your order email and we will make it right.",
  "Thanks for the feedback, we've passed it on to our team.",
];

const COMMENTS = [
  () => "Obsessed 😍",
  () => "Need this",
  () => "The lighting in this video 🔥",
  () => "Adding to cart rn",
  () => "Where was this filmed?",
  () => "This is so you",
  () => "Okay I'm convinced",
  () => "Saving this for later",
];
const PRODUCT_COMMENTS = [
  (t: string) => `Just ordered the ${t}!`,
  (t: string) => `Does the ${t} run small?`,
  (t: string) => `Got the ${t} last week, it's even better in person`,
  (t: string) => `Is the ${t} worth it?`,
  (t: string) => `Linking the ${t} for anyone asking`,
];

export class CommunityGenerator {
  constructor(
    private readonly rng: Rng,
    private readonly ids: Rng,
    private readonly base: number,
    /** Buyers who order and review. */
    private readonly buyers: string[],
    /** Everyone who comments (buyers and creators). */
    private readonly fans: string[],
    /** Order numbers start after this (the live sequence continues after the seeded ones). */
    private readonly firstOrderNumber = 1,
  ) {}

  /**
   * Reviews of about 600 products (a quarter of a small catalog): 1 to 8 each, every one on a
   * FULFILLED order of one unit by a distinct buyer, written days after delivery; a few low
   * ratings with the shop's reply.
   */
  reviews(products: ReviewableProduct[]): ReviewRows {
    const { rng, ids, base } = this;
    const out: ReviewRows = { orders: [], orderLines: [], productReviews: [] };
    const share = Math.min(0.25, 600 / Math.max(1, products.length));
    let number = this.firstOrderNumber;
    for (const product of products) {
      // Bought at least 10 days after listing and reviewed before the base date.
      const from = product.createdAt + 10 * DAY;
      const to = base - 3 * DAY;
      if (to <= from || !rng.chance(share)) continue;
      const reviewers = rng.indices(
        this.buyers.length,
        Math.min(this.buyers.length, 1 + rng.weighted([30, 25, 15, 10, 8, 6, 4, 2])),
      );
      for (const b of reviewers) {
        const buyerId = this.buyers[b] ?? "";
        const orderedAt = from + rng.int(0, Math.floor((to - from) / 1000)) * 1000;
        const deliveredAt = Math.min(base - 2 * DAY, orderedAt + rng.int(1, 5) * DAY);
        const reviewedAt = Math.min(base - DAY, deliveredAt + rng.int(1, 20) * DAY);
        const orderId = ids.uuid();
        const lineId = ids.uuid();
        out.orders.push({
          id: orderId,
          number: number++,
          shopId: product.shopId,
          buyerId,
          status: "FULFILLED",
          currencyCode: product.currencyCode,
          subtotal: product.price,
          total: product.price,
          createdAt: new Date(orderedAt),
          updatedAt: new Date(deliveredAt),
          paidAt: new Date(orderedAt),
          fulfilledAt: new Date(deliveredAt),
        });
        out.orderLines.push({
          id: lineId,
          orderId,
          productId: product.id,
          variantId: product.variantId,
          productTitle: product.title,
          variantTitle: product.variantTitle,
          sku: product.sku,
          unitPrice: product.price,
          quantity: 1,
          total: product.price,
          fulfilledQuantity: 1,
        });
        const rating = 1 + rng.weighted(RATING_WEIGHTS);
        const replied = rating <= 3 && rng.chance(0.5);
        const written = rng.chance(0.85);
        out.productReviews.push({
          id: ids.uuid(),
          productId: product.id,
          orderLineId: lineId,
          authorId: buyerId,
          rating,
          title: written ? rng.pick(REVIEW_TITLES[rating] ?? [""]) : "",
          body: written ? rng.pick(REVIEW_BODIES[rating] ?? [() => ""])(product.title, product.type) : "",
          mediaUrls: [],
          reply: replied ? rng.pick(REPLIES) : null,
          repliedAt: replied
            ? new Date(Math.min(base - 1000, reviewedAt + rng.int(1, 48) * 3_600_000))
            : null,
          createdAt: new Date(reviewedAt),
          updatedAt: new Date(reviewedAt),
        });
      }
    }
    return out;
  }

  /** Comments on public posts: 0 to 6 each (0 to 2 on a large world), some mentioning a tagged product. */
  comments(posts: CommentablePost[]): PostCommentInput[] {
    const { rng, ids, base } = this;
    const out: PostCommentInput[] = [];
    const most = posts.length > 10_000 ? 2 : 6;
    for (const post of posts) {
      const count = Math.floor(rng.float() ** 2 * (most + 1));
      for (let i = 0; i < count; i++) {
        const mention = post.products.length > 0 && rng.chance(0.35) ? rng.pick(post.products) : null;
        const at =
          post.createdAt + rng.int(60, Math.max(60, Math.floor((base - post.createdAt) / 1000) - 1)) * 1000;
        out.push({
          id: ids.uuid(),
          postId: post.id,
          authorId: rng.pick(this.fans),
          body: mention ? rng.pick(PRODUCT_COMMENTS)(mention.title) : rng.pick(COMMENTS)(),
          productIds: mention ? [mention.id] : [],
          createdAt: new Date(Math.min(base - 1000, at)),
        });
      }
    }
    return out;
  }
}
