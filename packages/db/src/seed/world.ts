/**
 * The deterministic demo world: users, shops (with shipping zones and rates, tax and return
 * policies; see ./delivery.ts), the platform's tax rates, a catalog (products with options,
 * variants with weights, some digital, and media), collections and content (posts with product
 * tags, likes, shares, follows and hourly engagement; see ./content.ts), reviews on orders and
 * comments (./community.ts), generated from one
 * integer seed.
 *
 * Everything that ends up in a row comes from the seed: text from a dedicated, seeded faker
 * instance, numbers and choices from a seeded PRNG, ids from a second seeded PRNG stream
 * (formatted as UUID v4; Prisma's uuid default is never used) and timestamps from the fixed
 * base date 2026-01-01T00:00:00Z minus seeded offsets. Two runs with the same seed and scale
 * therefore produce identical rows, whatever the database and however the inserts are batched.
 *
 * Rows are written in batches (see {@link InsertMode}), a chunk of products at a time, so the
 * bench scale (100,000 products) never holds the whole catalog in memory.
 *
 * Files: this one is the public API (options, scales, seedWorld, resetWorld); generator.ts
 * plans and generates the rows, content.ts the posts and engagement, delivery.ts the zones,
 * rates, weights and tax rates, words.ts holds the vocabulary, random.ts the seeded PRNG and writer.ts the batched inserts.
 */
import type { PrismaClient } from "../generated/prisma/client.ts";
import { WorldGenerator } from "./generator.ts";
import { Writer } from "./writer.ts";
export { SEED_MINOR_DIGITS } from "./words.ts";

// ───────────────────────────── public API ─────────────────────────────

export type SeedScale = "demo" | "bench" | { products: number };

/**
 * How rows are written. Both write identical rows (the tests compare digests):
 * - "json" (default): one `INSERT … SELECT … FROM jsonb_populate_recordset($1)` per batch of
 *   2,000 rows, the batch sent as a single JSON parameter. About ten times cheaper on the client
 *   than createMany, whose per-row cost in Prisma 7 dominates at bench scale.
 * - "createMany": Prisma `createMany` in batches of at most 30,000 bind values.
 */
export type InsertMode = "json" | "createMany";

/** The phases, in the order they run; each reports `done` out of `total` rows. */
export const SEED_PHASES = [
  "users",
  "shops",
  "shopMembers",
  "shippingZones",
  "shippingRates",
  "taxRates",
  "products",
  "productOptions",
  "productVariants",
  "productMedia",
  "collections",
  "collectionProducts",
  "userFollows",
  "shopFollows",
  "posts",
  "productTags",
  "postLikes",
  "postShares",
  "postEngagementHours",
  "productEngagementHours",
  "orders",
  "orderLines",
  "productReviews",
  "postComments",
] as const;
export type SeedPhase = (typeof SEED_PHASES)[number];

export interface SeedProgressEvent {
  phase: SeedPhase;
  done: number;
  total: number;
}

export interface SeedWorldOptions {
  /** Any safe integer; the same seed (and scale) always gives the same rows. Default 1. */
  seed?: number;
  /**
   * "demo" (20 shops, 2,000 products, 1,500 posts), "bench" (200 shops, 100,000 products,
   * 100,000 posts) or a product count (posts: three quarters of it).
   */
  scale?: SeedScale;
  /** Delete the seeded tables' rows (TRUNCATE … CASCADE) before seeding instead of refusing. */
  reset?: boolean;
  /**
   * The instant the world is generated as of: every timestamp lies before it, and the posts'
   * engagement runs up to it (so TRENDING has posts when it is recent). Default
   * SEED_BASE_DATE; the same seed, scale and base always give the same rows.
   */
  baseDate?: Date;
  /** Called after every batch with the phase's progress (and once with done 0 when a phase starts). */
  onProgress?: (event: SeedProgressEvent) => void;
  /** Products generated and written per chunk. Default 1,000. */
  chunkSize?: number;
  /** See {@link InsertMode}. Default "json". */
  insertMode?: InsertMode;
  /**
   * How many insert statements may be in flight at once. Default 1; raise it for
   * PostgreSQL behind a pool (embedded PGlite runs one statement at a time anyway).
   */
  concurrency?: number;
}

/** How big the world is; derived from the scale. */
export interface WorldSize {
  products: number;
  shops: number;
  posts: number;
  buyers: number;
  creators: number;
  staff: number;
  admins: number;
}

export interface WellKnownUser {
  id: string;
  externalId: string;
  handle: string;
}

export interface SeedSummary {
  seed: number;
  size: WorldSize;
  /** Rows inserted per table. */
  counts: {
    users: number;
    shops: number;
    shopMembers: number;
    shippingZones: number;
    shippingRates: number;
    /** The platform's tax rates. */
    taxRates: number;
    products: number;
    productOptions: number;
    productVariants: number;
    productMedia: number;
    collections: number;
    collectionProducts: number;
    userFollows: number;
    shopFollows: number;
    posts: number;
    productTags: number;
    postLikes: number;
    postShares: number;
    postEngagementHours: number;
    productEngagementHours: number;
    /** FULFILLED orders that the seeded reviews stand on (one line each). */
    orders: number;
    orderLines: number;
    productReviews: number;
    postComments: number;
  };
  /** A few users whose externalIds are stable across seeds (`demo-buyer-1`, …). */
  users: {
    buyer: WellKnownUser;
    creator: WellKnownUser;
    merchant: WellKnownUser & { shopId: string; shopHandle: string; shopCurrencyCode: string };
    admin: WellKnownUser;
  };
}

/** Thrown when the database already holds data and `reset` was not asked for. */
export class SeedRefusedError extends Error {
  override name = "SeedRefusedError";
}

/** The fixed clock of the demo world: every timestamp is at or before it. */
export const SEED_BASE_DATE = new Date("2026-01-01T00:00:00Z");

/** The tables the seed writes, children first. */
export const SEEDED_TABLES = [
  "PostComment",
  "ProductReview",
  "OrderLine",
  "Order",
  "ProductEngagementHour",
  "PostEngagementHour",
  "PostShare",
  "PostLike",
  "ProductTag",
  "Post",
  "ShopFollow",
  "UserFollow",
  "CollectionProduct",
  "Collection",
  "ProductMedia",
  "ProductVariant",
  "ProductOption",
  "Product",
  "ShippingRate",
  "ShippingZone",
  "TaxRate",
  "ShopMember",
  "Shop",
  "User",
] as const;

/** Sizes of the named scales; a `{ products }` scale gets shops in proportion (20–200). */
export function resolveScale(scale: SeedScale = "demo"): WorldSize {
  let products: number;
  let shops: number;
  let posts: number;
  if (scale === "demo") {
    products = 2_000;
    shops = 20;
    posts = 1_500;
  } else if (scale === "bench") {
    products = 100_000;
    shops = 200;
    posts = 100_000;
  } else {
    products = scale.products;
    if (!Number.isSafeInteger(products) || products < 1 || products > 10_000_000) {
      throw new RangeError(`scale.products must be an integer from 1 to 10,000,000 (got ${products})`);
    }
    shops = Math.min(products, Math.max(20, Math.min(200, Math.round(products / 500))));
    posts = Math.max(1, Math.round(products * 0.75));
  }
  return {
    products,
    shops,
    posts,
    buyers: 200,
    creators: 50,
    staff: Math.max(2, Math.round(shops / 4)),
    admins: 2,
  };
}

/**
 * Deletes every row of the seeded tables (the platform's tax rates included) and, through
 * CASCADE, of every table that refers to them (posts, carts, orders, …). API keys are kept.
 */
export async function resetWorld(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${SEEDED_TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`);
}

/**
 * Seeds the demo world. Refuses when the database already has shops, demo users or platform
 * tax rates, unless `reset`.
 */
export async function seedWorld(prisma: PrismaClient, options: SeedWorldOptions = {}): Promise<SeedSummary> {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer (got ${seed})`);
  const size = resolveScale(options.scale);
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 1_000));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const insertMode = options.insertMode ?? "json";
  if (insertMode !== "json" && insertMode !== "createMany")
    throw new RangeError(`unknown insertMode ${String(insertMode)}`);

  if (options.reset) {
    await resetWorld(prisma);
  } else {
    const [shops, demoUsers, platformTaxRates] = await Promise.all([
      prisma.shop.count(),
      prisma.user.count({ where: { externalId: { startsWith: "demo-" } } }),
      prisma.taxRate.count({ where: { shopId: null } }),
    ]);
    if (shops > 0 || demoUsers > 0 || platformTaxRates > 0) {
      const what =
        shops > 0
          ? `${shops} shop${shops === 1 ? "" : "s"}`
          : demoUsers > 0
            ? `${demoUsers} demo user${demoUsers === 1 ? "" : "s"}`
            : `${platformTaxRates} platform tax rate${platformTaxRates === 1 ? "" : "s"}`;
      throw new SeedRefusedError(
        `The database already has ${what}; refusing to seed on top of existing data. ` +
          `Seed with reset (\`--reset\`, or \`reset: true\`) to delete the users, shops, tax rates and catalog ` +
          `(and everything that refers to them) first.`,
      );
    }
  }

  const base = (options.baseDate ?? SEED_BASE_DATE).getTime();
  if (!Number.isFinite(base)) throw new RangeError("baseDate must be a valid date");
  const world = new WorldGenerator(seed, size, base);
  const writer = new Writer(prisma, insertMode, concurrency, options.onProgress);
  const summary = await world.run(writer, chunkSize);
  // Fresh planner statistics: without them the first queries on a bulk-loaded table guess
  // row counts badly and pick sequential scans and sorts over the listing indexes.
  await prisma.$executeRawUnsafe(`ANALYZE ${SEEDED_TABLES.map((t) => `"${t}"`).join(", ")}`);
  return summary;
}
