/**
 * The deterministic demo world: users, shops, a catalog (products with options, variants and
 * media), collections and content (posts with product tags, likes, shares, follows and hourly
 * engagement; see ./content.ts), generated from one integer seed.
 *
 * Everything that ends up in a row comes from the seed: text from a dedicated, seeded faker
 * instance, numbers and choices from a seeded PRNG, ids from a second seeded PRNG stream
 * (formatted as UUID v4; Prisma's uuid default is never used) and timestamps from the fixed
 * base date 2026-01-01T00:00:00Z minus seeded offsets. Two runs with the same seed and scale
 * therefore produce identical rows, whatever the database and however the inserts are batched.
 *
 * Rows are written in batches (see {@link InsertMode}), a chunk of products at a time, so the
 * bench scale (100,000 products) never holds the whole catalog in memory.
 */
import { Faker, en } from "@faker-js/faker";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { MediaKind, ProductStatus, Role, ShopMemberRole } from "../generated/prisma/enums.ts";
import { ContentGenerator, POST_WINDOW_DAYS, type ContentShop } from "./content.ts";

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
 * Deletes every row of the seeded tables and, through CASCADE, of every table that refers to
 * them (posts, carts, orders, …). API keys are kept.
 */
export async function resetWorld(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${SEEDED_TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`);
}

/** Seeds the demo world. Refuses when the database already has shops or demo users, unless `reset`. */
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
    const [shops, demoUsers] = await Promise.all([
      prisma.shop.count(),
      prisma.user.count({ where: { externalId: { startsWith: "demo-" } } }),
    ]);
    if (shops > 0 || demoUsers > 0) {
      const what =
        shops > 0
          ? `${shops} shop${shops === 1 ? "" : "s"}`
          : `${demoUsers} demo user${demoUsers === 1 ? "" : "s"}`;
      throw new SeedRefusedError(
        `The database already has ${what}; refusing to seed on top of existing data. ` +
          `Seed with reset (\`--reset\`, or \`reset: true\`) to delete the users, shops and catalog ` +
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

// ───────────────────────────── randomness ─────────────────────────────

/** splitmix32: spreads a 32-bit input over the whole state space. */
function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0;
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [state, (z ^ (z >>> 16)) >>> 0];
}

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex16 = (n: number) => HEX_BYTES[n >>> 8]! + HEX_BYTES[n & 0xff]!;

/** A small, fast PRNG (sfc32, 128-bit state), one independent stream per (seed, name). */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number, stream: string) {
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    let state = low ^ Math.imul(high, 0x27d4eb2f) ^ hash32(stream);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(state);
      state = next;
      words.push(out);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    for (let i = 0; i < 16; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** `count` distinct indices of [0, n), ascending (selection sampling, Knuth's algorithm S). */
  indices(n: number, count: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n && out.length < count; i++) {
      if (this.float() * (n - i) < count - out.length) out.push(i);
    }
    return out;
  }

  /** `count` distinct items, in their original order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.indices(items.length, Math.min(count, items.length)).map((i) => items[i] as T);
  }

  /** A random UUID (version 4 layout) drawn from this stream. */
  uuid(): string {
    const w0 = this.u32();
    const w1 = (this.u32() & 0xffff0fff) | 0x00004000; // version 4
    const w2 = ((this.u32() & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
    const w3 = this.u32();
    return (
      hex16(w0 >>> 16) +
      hex16(w0 & 0xffff) +
      "-" +
      hex16(w1 >>> 16) +
      "-" +
      hex16(w1 & 0xffff) +
      "-" +
      hex16(w2 >>> 16) +
      "-" +
      hex16(w2 & 0xffff) +
      hex16(w3 >>> 16) +
      hex16(w3 & 0xffff)
    );
  }

  /** Lower-case base-36 text of the given length. */
  token(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++)
      out += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(this.float() * 36)];
    return out;
  }
}

// ───────────────────────────── vocabulary ─────────────────────────────

interface OptionDef {
  name: string;
  values: readonly string[];
  /** Whether later values cost more (sizes, storage, premium materials). */
  priced?: boolean;
}

const OPTIONS = {
  apparelSize: { name: "Size", values: ["XS", "S", "M", "L", "XL", "XXL"], priced: false },
  shoeSize: { name: "Size", values: ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46"] },
  color: {
    name: "Color",
    values: [
      "Black",
      "White",
      "Navy",
      "Grey",
      "Red",
      "Green",
      "Beige",
      "Blue",
      "Pink",
      "Olive",
      "Brown",
      "Yellow",
    ],
  },
  fabric: {
    name: "Material",
    values: ["Cotton", "Linen", "Recycled Polyester", "Wool", "Silk", "Cashmere"],
    priced: true,
  },
  leather: {
    name: "Material",
    values: ["Canvas", "Nylon", "Cork", "Vegan Leather", "Suede", "Leather"],
    priced: true,
  },
  metal: {
    name: "Material",
    values: ["Brass", "Stainless Steel", "Sterling Silver", "Titanium", "Gold Vermeil", "Rose Gold"],
    priced: true,
  },
  bagSize: {
    name: "Size",
    values: ["Mini", "Small", "Medium", "Large", "Extra Large", "Travel"],
    priced: true,
  },
  homeSize: {
    name: "Size",
    values: ["Small", "Medium", "Large", "Extra Large", "Set of 2", "Set of 4"],
    priced: true,
  },
  homeMaterial: {
    name: "Material",
    values: ["Stoneware", "Ceramic", "Glass", "Ash", "Oak", "Walnut"],
    priced: true,
  },
  scent: {
    name: "Scent",
    values: ["Unscented", "Lavender", "Sandalwood", "Citrus", "Rose", "Vanilla", "Cedar", "Fig"],
  },
  volume: { name: "Size", values: ["15 ml", "30 ml", "50 ml", "75 ml", "100 ml", "200 ml"], priced: true },
  skinType: { name: "Skin Type", values: ["All", "Normal", "Dry", "Oily", "Combination", "Sensitive"] },
  concentration: {
    name: "Concentration",
    values: ["Body Mist", "Cologne", "Eau de Toilette", "Eau de Parfum", "Parfum", "Extrait"],
    priced: true,
  },
  finish: { name: "Finish", values: ["Matte", "Gloss", "Satin", "Brushed", "Polished", "Textured"] },
  length: { name: "Length", values: ["16 in", "18 in", "20 in", "22 in", "24 in", "30 in"], priced: true },
  ringSize: { name: "Size", values: ["5", "6", "7", "8", "9", "10", "11"] },
  storage: { name: "Storage", values: ["64 GB", "128 GB", "256 GB", "512 GB", "1 TB", "2 TB"], priced: true },
  power: { name: "Power", values: ["5 W", "10 W", "20 W", "40 W", "60 W", "100 W"], priced: true },
  capacity: { name: "Capacity", values: ["350 ml", "500 ml", "750 ml", "1 L", "1.5 L", "2 L"], priced: true },
  volumeL: { name: "Volume", values: ["10 L", "18 L", "25 L", "30 L", "40 L", "55 L"], priced: true },
  edition: {
    name: "Edition",
    values: ["Standard", "Travel", "Plus", "Studio", "Pro", "Limited"],
    priced: true,
  },
} satisfies Record<string, OptionDef>;

interface ProductTypeDef {
  type: string;
  nouns: readonly string[];
  /** Three options, in the order they appear on the product. */
  options: readonly [OptionDef, OptionDef, OptionDef];
  /** Base price range in US dollars. */
  price: readonly [number, number];
}

interface DepartmentDef {
  name: string;
  shopWords: readonly string[];
  types: readonly ProductTypeDef[];
}

const O = OPTIONS;
const DEPARTMENTS: readonly DepartmentDef[] = [
  {
    name: "Apparel",
    shopWords: ["Apparel", "Clothing", "Wear", "Threads", "Outfitters", "Studio"],
    types: [
      {
        type: "T-Shirts",
        nouns: ["Tee", "T-Shirt", "Pocket Tee", "Crewneck Tee", "V-Neck Tee"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [18, 60],
      },
      {
        type: "Hoodies",
        nouns: ["Hoodie", "Zip Hoodie", "Sweatshirt", "Pullover"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [45, 140],
      },
      {
        type: "Dresses",
        nouns: ["Dress", "Midi Dress", "Wrap Dress", "Slip Dress", "Shirt Dress"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [60, 260],
      },
      {
        type: "Jackets",
        nouns: ["Jacket", "Overshirt", "Parka", "Bomber", "Coat"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [90, 420],
      },
      {
        type: "Pants",
        nouns: ["Chinos", "Jeans", "Trousers", "Joggers", "Shorts"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [40, 180],
      },
    ],
  },
  {
    name: "Footwear",
    shopWords: ["Footwear", "Shoes", "Sneakers", "Soles", "Cobblers"],
    types: [
      {
        type: "Sneakers",
        nouns: ["Sneaker", "Runner", "Trainer", "Court Shoe", "High-Top"],
        options: [O.shoeSize, O.color, O.leather],
        price: [70, 240],
      },
      {
        type: "Boots",
        nouns: ["Boot", "Chelsea Boot", "Hiking Boot", "Ankle Boot"],
        options: [O.shoeSize, O.color, O.leather],
        price: [110, 380],
      },
      {
        type: "Sandals",
        nouns: ["Sandal", "Slide", "Espadrille", "Flip-Flop"],
        options: [O.shoeSize, O.color, O.leather],
        price: [25, 120],
      },
    ],
  },
  {
    name: "Accessories",
    shopWords: ["Goods", "Supply", "Carry", "Leatherworks", "Accessories"],
    types: [
      {
        type: "Bags",
        nouns: ["Tote", "Backpack", "Crossbody Bag", "Duffel", "Weekender"],
        options: [O.color, O.leather, O.bagSize],
        price: [35, 320],
      },
      {
        type: "Wallets",
        nouns: ["Wallet", "Card Holder", "Coin Purse", "Passport Cover"],
        options: [O.color, O.leather, O.finish],
        price: [20, 140],
      },
      {
        type: "Hats",
        nouns: ["Cap", "Beanie", "Bucket Hat", "Fedora", "Sun Hat"],
        options: [O.color, O.apparelSize, O.fabric],
        price: [18, 90],
      },
      {
        type: "Belts",
        nouns: ["Belt", "Braided Belt", "Dress Belt", "Webbing Belt"],
        options: [O.apparelSize, O.color, O.leather],
        price: [25, 130],
      },
    ],
  },
  {
    name: "Jewelry",
    shopWords: ["Jewelry", "Jewels", "Atelier", "Gems", "Silverworks"],
    types: [
      {
        type: "Necklaces",
        nouns: ["Necklace", "Pendant", "Chain", "Choker", "Locket"],
        options: [O.metal, O.length, O.finish],
        price: [30, 480],
      },
      {
        type: "Rings",
        nouns: ["Ring", "Band", "Signet Ring", "Stacking Ring"],
        options: [O.ringSize, O.metal, O.finish],
        price: [25, 650],
      },
      {
        type: "Earrings",
        nouns: ["Earrings", "Hoops", "Studs", "Drop Earrings", "Ear Cuff"],
        options: [O.metal, O.finish, O.color],
        price: [20, 300],
      },
      {
        type: "Watches",
        nouns: ["Watch", "Chronograph", "Field Watch", "Dress Watch"],
        options: [O.color, O.metal, O.finish],
        price: [90, 900],
      },
    ],
  },
  {
    name: "Beauty",
    shopWords: ["Beauty", "Apothecary", "Botanicals", "Skin", "Cosmetics"],
    types: [
      {
        type: "Skincare",
        nouns: ["Serum", "Face Oil", "Moisturizer", "Cleanser", "Eye Cream", "Toner"],
        options: [O.volume, O.skinType, O.scent],
        price: [12, 120],
      },
      {
        type: "Fragrance",
        nouns: ["Perfume", "Eau de Parfum", "Solid Perfume", "Room Spray"],
        options: [O.volume, O.scent, O.concentration],
        price: [25, 260],
      },
      {
        type: "Bath & Body",
        nouns: ["Body Wash", "Hand Cream", "Bath Salts", "Body Lotion", "Soap Bar"],
        options: [O.scent, O.volume, O.skinType],
        price: [8, 60],
      },
    ],
  },
  {
    name: "Home",
    shopWords: ["Home", "House", "Living", "Interiors", "Homewares"],
    types: [
      {
        type: "Candles",
        nouns: ["Candle", "Pillar Candle", "Travel Candle", "Diffuser"],
        options: [O.scent, O.homeSize, O.color],
        price: [14, 90],
      },
      {
        type: "Mugs",
        nouns: ["Mug", "Cup", "Tumbler", "Espresso Cup"],
        options: [O.color, O.homeSize, O.homeMaterial],
        price: [12, 48],
      },
      {
        type: "Blankets",
        nouns: ["Throw", "Blanket", "Quilt", "Cushion Cover"],
        options: [O.color, O.homeSize, O.fabric],
        price: [35, 260],
      },
      {
        type: "Vases",
        nouns: ["Vase", "Planter", "Bowl", "Tray"],
        options: [O.homeMaterial, O.homeSize, O.finish],
        price: [20, 220],
      },
    ],
  },
  {
    name: "Electronics",
    shopWords: ["Audio", "Electronics", "Labs", "Gadgets", "Tech"],
    types: [
      {
        type: "Headphones",
        nouns: ["Headphones", "Earbuds", "Studio Monitors", "Wireless Earbuds"],
        options: [O.color, O.finish, O.edition],
        price: [40, 450],
      },
      {
        type: "Speakers",
        nouns: ["Speaker", "Bookshelf Speaker", "Soundbar", "Portable Speaker"],
        options: [O.color, O.power, O.finish],
        price: [45, 600],
      },
      {
        type: "Chargers",
        nouns: ["Charger", "Power Bank", "Charging Dock", "Wall Adapter"],
        options: [O.power, O.color, O.finish],
        price: [15, 120],
      },
      {
        type: "Storage",
        nouns: ["SSD", "Flash Drive", "Memory Card", "Portable Drive"],
        options: [O.storage, O.color, O.finish],
        price: [12, 300],
      },
    ],
  },
  {
    name: "Outdoor",
    shopWords: ["Outdoors", "Trail Co.", "Expedition", "Camp", "Adventure"],
    types: [
      {
        type: "Backpacks",
        nouns: ["Daypack", "Hiking Pack", "Rolltop Pack", "Sling"],
        options: [O.volumeL, O.color, O.leather],
        price: [40, 280],
      },
      {
        type: "Bottles",
        nouns: ["Water Bottle", "Flask", "Insulated Bottle", "Camp Mug"],
        options: [O.capacity, O.color, O.finish],
        price: [15, 60],
      },
      {
        type: "Outerwear",
        nouns: ["Rain Shell", "Fleece", "Down Vest", "Softshell"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [60, 380],
      },
    ],
  },
];

const ADJECTIVES = [
  "Classic",
  "Everyday",
  "Essential",
  "Modern",
  "Relaxed",
  "Slim",
  "Oversized",
  "Vintage",
  "Organic",
  "Recycled",
  "Lightweight",
  "Heritage",
  "Minimal",
  "Soft",
  "Handmade",
  "Signature",
  "Premium",
  "Washed",
  "Textured",
  "Utility",
  "Cozy",
  "Sleek",
  "Bold",
  "Woven",
  "Compact",
  "Rugged",
  "Refined",
];

const QUALITIES = [
  "durable",
  "breathable",
  "soft",
  "timeless",
  "versatile",
  "lightweight",
  "comfortable",
  "easy-care",
  "sustainable",
  "polished",
  "practical",
  "understated",
  "hard-wearing",
  "elegant",
  "thoughtful",
  "clean",
];

/** Per department: what the products are for, used in descriptions. */
const USES: Record<string, readonly string[]> = {
  Apparel: ["everyday wear", "layering", "weekends", "the office", "travel days", "warm evenings"],
  Footwear: ["city walks", "long days on your feet", "the trail", "weekends", "travel", "the gym"],
  Accessories: ["daily carry", "commuting", "weekend trips", "the office", "gifting"],
  Jewelry: ["everyday wear", "stacking", "special occasions", "gifting", "layering"],
  Beauty: ["morning routines", "evening rituals", "sensitive skin", "travel", "self-care days"],
  Home: ["slow mornings", "the living room", "gifting", "the dinner table", "quiet evenings"],
  Electronics: ["commuting", "the home office", "travel", "workouts", "late-night listening"],
  Outdoor: ["day hikes", "camping trips", "the commute", "rainy days", "long weekends outdoors"],
};

const DESCRIPTION_OPENERS = [
  (t: string, a: string, b: string, use: string) => `The ${t} is ${a} and ${b}, made for ${use}.`,
  (t: string, a: string, b: string, use: string) => `Meet the ${t}: ${a}, ${b} and ready for ${use}.`,
  (t: string, a: string, b: string, use: string) =>
    `Our ${t} pairs a ${a} look with ${b} details, built for ${use}.`,
  (t: string, a: string, b: string, use: string) =>
    `A ${a}, ${b} take on a favorite, the ${t} is made for ${use}.`,
] as const;

const MODEL_NAMES = [
  "Aspen",
  "Harbor",
  "Summit",
  "Meadow",
  "Coastal",
  "Everyday",
  "Nomad",
  "Atlas",
  "Luna",
  "Sierra",
  "Willow",
  "Cedar",
  "Orbit",
  "Drift",
  "Haven",
  "Ember",
  "Solstice",
  "Tidal",
  "Canyon",
  "Juniper",
  "Marlow",
  "Fjord",
  "Alpine",
  "Sable",
  "Indigo",
  "Ridge",
  "Hollow",
  "Prairie",
  "Nova",
  "Kestrel",
];

const TAGS = [
  "new",
  "bestseller",
  "eco",
  "limited-edition",
  "gift",
  "handmade",
  "organic",
  "vegan",
  "summer",
  "winter",
  "unisex",
  "premium",
  "classic",
  "bundle",
] as const;

const COLLECTION_TITLES = [
  "New Arrivals",
  "Best Sellers",
  "Sale",
  "Essentials",
  "Gift Guide",
  "Summer Edit",
  "Winter Edit",
  "Staff Picks",
  "Last Chance",
  "Limited Edition",
  "Under 50",
  "Weekend Favorites",
] as const;

/** Shop currencies, one block per 20 shops: mostly USD/EUR/GBP, one JPY (zero-decimal) per block. */
const CURRENCY_PATTERN = [
  "USD",
  "EUR",
  "GBP",
  "USD",
  "JPY",
  "USD",
  "EUR",
  "GBP",
  "USD",
  "CAD",
  "EUR",
  "USD",
  "GBP",
  "AUD",
  "USD",
  "EUR",
  "USD",
  "GBP",
  "USD",
  "EUR",
] as const;

/** Rough US dollars → currency factors, for plausible prices. */
const FX: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 150, CAD: 1.36, AUD: 1.52 };

/**
 * ISO 4217 minor-unit digits of the seeded currencies (a schema test holds this to the money
 * module's table, so the seed needs no domain import).
 */
export const SEED_MINOR_DIGITS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  JPY: 0,
  CAD: 2,
  AUD: 2,
};

function minorDigits(currencyCode: string): number {
  const digits = SEED_MINOR_DIGITS[currencyCode];
  if (digits === undefined) throw new RangeError(`The seed has no minor-unit digits for ${currencyCode}`);
  return digits;
}

/** Variants per product (index 0 = 1 variant) and media per product (index 0 = 1 item). */
const VARIANT_COUNT_WEIGHTS = [18, 8, 12, 12, 8, 10, 4, 7, 6, 5, 3, 7];
const MEDIA_COUNT_WEIGHTS = [15, 20, 30, 20, 15];

const DAY = 86_400_000;

function slugify(text: string, max = 48): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/g, "") || "item";
}

// ───────────────────────────── writing ─────────────────────────────

/** createMany: bind values per statement, well under PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
/** json: rows per statement (about 1 MB of JSON for variants). */
const JSON_BATCH_ROWS = 2_000;

/** The table each phase writes. */
const PHASE_TABLE: Record<SeedPhase, (typeof SEEDED_TABLES)[number]> = {
  users: "User",
  shops: "Shop",
  shopMembers: "ShopMember",
  products: "Product",
  productOptions: "ProductOption",
  productVariants: "ProductVariant",
  productMedia: "ProductMedia",
  collections: "Collection",
  collectionProducts: "CollectionProduct",
  userFollows: "UserFollow",
  shopFollows: "ShopFollow",
  posts: "Post",
  productTags: "ProductTag",
  postLikes: "PostLike",
  postShares: "PostShare",
  postEngagementHours: "PostEngagementHour",
  productEngagementHours: "ProductEngagementHour",
};

/** Writes batches with bounded concurrency and reports progress per phase. */
class Writer {
  private readonly done = new Map<SeedPhase, number>();
  private readonly totals = new Map<SeedPhase, number>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly prisma: PrismaClient,
    readonly mode: InsertMode,
    readonly concurrency: number,
    private readonly onProgress?: (event: SeedProgressEvent) => void,
  ) {}

  begin(phase: SeedPhase, total: number): void {
    this.totals.set(phase, total);
    this.done.set(phase, 0);
    this.onProgress?.({ phase, done: 0, total });
  }

  private advance(phase: SeedPhase, count: number): void {
    const done = (this.done.get(phase) ?? 0) + count;
    this.done.set(phase, done);
    this.onProgress?.({ phase, done, total: this.totals.get(phase) ?? done });
  }

  count(phase: SeedPhase): number {
    return this.done.get(phase) ?? 0;
  }

  private async slot<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so `running` never overshoots.
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /**
   * Inserts rows in batches, `concurrency` statements at a time. `createMany` is used in
   * "createMany" mode; "json" mode sends each batch as one JSON parameter to
   * `INSERT … SELECT … FROM jsonb_populate_recordset(…)` (same rows, far less client work).
   */
  async insert<T extends object>(
    phase: SeedPhase,
    rows: T[],
    createMany: (data: T[]) => Promise<{ count: number }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    const keys = Object.keys(rows[0]!);
    let write: (batch: T[]) => Promise<number>;
    let per: number;
    if (this.mode === "json") {
      const table = PHASE_TABLE[phase];
      const columns = keys.map((k) => `"${k}"`).join(", ");
      const sql = `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`;
      write = (batch) => this.prisma.$executeRawUnsafe(sql, JSON.stringify(batch));
      per = JSON_BATCH_ROWS;
    } else {
      write = async (batch) => (await createMany(batch)).count;
      per = Math.max(1, Math.floor(MAX_PARAMS / keys.length));
    }
    const batches: Promise<void>[] = [];
    for (let i = 0; i < rows.length; i += per) {
      const batch = rows.slice(i, i + per);
      batches.push(
        this.slot(async () => {
          const count = await write(batch);
          if (count !== batch.length) throw new Error(`${phase}: inserted ${count} of ${batch.length} rows`);
          this.advance(phase, count);
        }),
      );
    }
    await settleAll(batches);
  }
}

/** Like Promise.all, but waits for every promise (no stray rejections) before throwing the first error. */
async function settleAll(promises: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

// ───────────────────────────── generation ─────────────────────────────

interface ShopPlan {
  index: number;
  id: string;
  handle: string;
  name: string;
  currencyCode: string;
  department: DepartmentDef;
  types: ProductTypeDef[];
  vendors: string[];
  skuPrefix: string;
  createdAt: number;
  productCount: number;
  ownerId: string;
}

/** What collections and posts need to know about a product after it is written. */
interface ProductRef {
  id: string;
  createdAt: number;
  onSale: boolean;
  minPrice: number;
  type: string;
  title: string;
  active: boolean;
  firstVariantId: string;
}

interface UserRow {
  id: string;
  externalId: string;
  handle: string;
}

type UserInput = Prisma.UserCreateManyInput;
type ShopInput = Prisma.ShopCreateManyInput;
type MemberInput = Prisma.ShopMemberCreateManyInput;
type ProductInput = Prisma.ProductCreateManyInput;
type OptionInput = Prisma.ProductOptionCreateManyInput;
type VariantInput = Prisma.ProductVariantCreateManyInput;
type MediaInput = Prisma.ProductMediaCreateManyInput;
type CollectionInput = Prisma.CollectionCreateManyInput;
type CollectionProductInput = Prisma.CollectionProductCreateManyInput;

interface Chunk {
  products: ProductInput[];
  options: OptionInput[];
  variants: VariantInput[];
  media: MediaInput[];
}

class WorldGenerator {
  private readonly faker: Faker;
  /** Choices and numbers. */
  private readonly rng: Rng;
  /** Ids only, so that ids do not shift when the content generation changes. */
  private readonly ids: Rng;
  private readonly userHandles = new Set<string>();
  private readonly shopHandles = new Set<string>();
  private readonly productHandles = new Set<string>();
  private readonly collectionHandles = new Set<string>();

  /** Per product (in generation order): variants, options and media to create. */
  private variantCounts!: Uint8Array;
  private optionCounts!: Uint8Array;
  private mediaCounts!: Uint8Array;

  constructor(
    readonly seed: number,
    readonly size: WorldSize,
    /** The world's "now" (epoch ms): see SeedWorldOptions.baseDate. */
    readonly base: number,
  ) {
    this.faker = new Faker({ locale: [en] });
    this.faker.seed(seed);
    this.faker.setDefaultRefDate(new Date(base));
    this.rng = new Rng(seed, "world");
    this.ids = new Rng(seed, "ids");
  }

  async run(writer: Writer, chunkSize: number): Promise<SeedSummary> {
    const { size } = this;
    const users = this.generateUsers();
    writer.begin("users", users.rows.length);
    await writer.insert("users", users.rows, (data) => writer.prisma.user.createMany({ data }));

    const shops = this.planShops(users.merchants);
    const shopRows = shops.map((s) => this.shopRow(s));
    writer.begin("shops", shopRows.length);
    await writer.insert("shops", shopRows, (data) => writer.prisma.shop.createMany({ data }));

    const members = this.generateMembers(shops, users.staff);
    writer.begin("shopMembers", members.length);
    await writer.insert("shopMembers", members, (data) => writer.prisma.shopMember.createMany({ data }));

    // Plan the catalog's shape first so every phase knows its total up front.
    this.planCatalog();
    const sum = (a: Uint8Array) => a.reduce((t, n) => t + n, 0);
    writer.begin("products", size.products);
    writer.begin("productOptions", sum(this.optionCounts));
    writer.begin("productVariants", sum(this.variantCounts));
    writer.begin("productMedia", sum(this.mediaCounts));

    const refsByShop: ProductRef[][] = shops.map(() => []);
    const inFlight: Promise<void>[] = [];
    let failure: unknown;
    const flush = (chunk: Chunk) => {
      const task = (async () => {
        await writer.insert("products", chunk.products, (data) => writer.prisma.product.createMany({ data }));
        await settleAll([
          writer.insert("productOptions", chunk.options, (data) =>
            writer.prisma.productOption.createMany({ data }),
          ),
          writer.insert("productVariants", chunk.variants, (data) =>
            writer.prisma.productVariant.createMany({ data }),
          ),
          writer.insert("productMedia", chunk.media, (data) =>
            writer.prisma.productMedia.createMany({ data }),
          ),
        ]);
      })();
      task.catch((error: unknown) => {
        failure ??= error;
      });
      inFlight.push(task);
    };

    let chunk: Chunk = { products: [], options: [], variants: [], media: [] };
    let productIndex = 0;
    for (const shop of shops) {
      for (let n = 1; n <= shop.productCount; n++, productIndex++) {
        refsByShop[shop.index]!.push(this.generateProduct(shop, n, productIndex, chunk));
        if (chunk.products.length >= chunkSize) {
          flush(chunk);
          chunk = { products: [], options: [], variants: [], media: [] };
          // Bound the memory held by chunks waiting to be written.
          while (inFlight.length > writer.concurrency) await inFlight.shift()!.catch(() => undefined);
          if (failure !== undefined) break;
        }
      }
      if (failure !== undefined) break;
    }
    if (failure === undefined && chunk.products.length > 0) flush(chunk);
    await Promise.allSettled(inFlight);
    if (failure !== undefined) throw failure;

    const collections = this.generateCollections(shops, refsByShop);
    writer.begin("collections", collections.collections.length);
    await writer.insert("collections", collections.collections, (data) =>
      writer.prisma.collection.createMany({ data }),
    );
    writer.begin("collectionProducts", collections.links.length);
    await writer.insert("collectionProducts", collections.links, (data) =>
      writer.prisma.collectionProduct.createMany({ data }),
    );

    const content = await this.writeContent(writer, shops, members, users, refsByShop, chunkSize);

    const firstShop = shops[0]!;
    return {
      seed: this.seed,
      size,
      counts: {
        users: writer.count("users"),
        shops: writer.count("shops"),
        shopMembers: writer.count("shopMembers"),
        products: writer.count("products"),
        productOptions: writer.count("productOptions"),
        productVariants: writer.count("productVariants"),
        productMedia: writer.count("productMedia"),
        collections: writer.count("collections"),
        collectionProducts: writer.count("collectionProducts"),
        ...content,
      },
      users: {
        buyer: users.buyers[0]!,
        creator: users.creators[0]!,
        merchant: {
          ...users.merchants[0]!,
          shopId: firstShop.id,
          shopHandle: firstShop.handle,
          shopCurrencyCode: firstShop.currencyCode,
        },
        admin: users.admins[0]!,
      },
    };
  }

  // ── content ──

  /**
   * Follows, then posts with tags, likes, shares and hourly rows (a chunk of posts at a time),
   * then the product hourly rows; follow counters are recounted in SQL. Its own PRNG streams,
   * so the catalog does not change when content generation does.
   */
  private async writeContent(
    writer: Writer,
    shops: ShopPlan[],
    members: MemberInput[],
    users: { buyers: UserRow[]; creators: UserRow[] },
    refsByShop: ProductRef[][],
    chunkSize: number,
  ) {
    const oldest = this.base - POST_WINDOW_DAYS * DAY;
    const contentShops: ContentShop[] = shops.map((shop) => ({
      id: shop.id,
      department: shop.department.name,
      posters: members.filter((m) => m.shopId === shop.id).map((m) => m.userId),
      taggable: refsByShop[shop.index]!.filter((r) => r.active && r.createdAt <= oldest).map((r) => ({
        id: r.id,
        variantId: r.firstVariantId,
        title: r.title,
      })),
    }));
    const generator = new ContentGenerator(
      new Rng(this.seed, "content-plan"),
      new Rng(this.seed, "content"),
      new Rng(this.seed, "content-ids"),
      {
        base: this.base,
        posts: this.size.posts,
        creators: users.creators.map((u) => u.id),
        fans: [...users.buyers, ...users.creators].map((u) => u.id),
        shops: contentShops,
      },
    );
    const { prisma } = writer;

    const follows = generator.follows();
    writer.begin("userFollows", follows.userFollows.length);
    await writer.insert("userFollows", follows.userFollows, (data) => prisma.userFollow.createMany({ data }));
    writer.begin("shopFollows", follows.shopFollows.length);
    await writer.insert("shopFollows", follows.shopFollows, (data) => prisma.shopFollow.createMany({ data }));
    await prisma.$executeRawUnsafe(
      `UPDATE "User" u SET "followerCount" = c.n FROM (SELECT "followeeId" AS id, count(*)::int AS n FROM "UserFollow" GROUP BY 1) c WHERE u."id" = c.id`,
    );
    await prisma.$executeRawUnsafe(
      `UPDATE "User" u SET "followingCount" = c.n FROM (
         SELECT id, sum(n)::int AS n FROM (
           SELECT "followerId" AS id, count(*) AS n FROM "UserFollow" GROUP BY 1
           UNION ALL SELECT "followerId", count(*) FROM "ShopFollow" GROUP BY 1) x GROUP BY id) c
       WHERE u."id" = c.id`,
    );
    await prisma.$executeRawUnsafe(
      `UPDATE "Shop" s SET "followerCount" = c.n FROM (SELECT "shopId" AS id, count(*)::int AS n FROM "ShopFollow" GROUP BY 1) c WHERE s."id" = c.id`,
    );

    const totals = generator.totals();
    writer.begin("posts", totals.posts);
    writer.begin("productTags", totals.productTags);
    writer.begin("postLikes", totals.postLikes);
    writer.begin("postShares", totals.postShares);
    writer.begin("postEngagementHours", totals.postHours);
    for (let chunk = generator.chunk(chunkSize); chunk; chunk = generator.chunk(chunkSize)) {
      const c = chunk;
      await writer.insert("posts", c.posts, (data) => prisma.post.createMany({ data }));
      await settleAll([
        writer.insert("productTags", c.productTags, (data) => prisma.productTag.createMany({ data })),
        writer.insert("postLikes", c.postLikes, (data) => prisma.postLike.createMany({ data })),
        writer.insert("postShares", c.postShares, (data) => prisma.postShare.createMany({ data })),
        writer.insert("postEngagementHours", c.postHours, (data) =>
          prisma.postEngagementHour.createMany({ data }),
        ),
      ]);
    }
    const productHours = generator.productHourRows();
    writer.begin("productEngagementHours", productHours.length);
    await writer.insert("productEngagementHours", productHours, (data) =>
      prisma.productEngagementHour.createMany({ data }),
    );

    return {
      userFollows: writer.count("userFollows"),
      shopFollows: writer.count("shopFollows"),
      posts: writer.count("posts"),
      productTags: writer.count("productTags"),
      postLikes: writer.count("postLikes"),
      postShares: writer.count("postShares"),
      postEngagementHours: writer.count("postEngagementHours"),
      productEngagementHours: writer.count("productEngagementHours"),
    };
  }

  // ── time ──

  /** A whole-second instant `minDays`–`maxDays` days before `before`. */
  private before(before: number, minDays: number, maxDays: number): number {
    const seconds = this.rng.int(Math.round(minDays * 86_400), Math.round(maxDays * 86_400));
    return before - seconds * 1000;
  }

  /** A whole-second instant between `from` and `to`. */
  private between(from: number, to: number): number {
    if (to <= from) return from;
    return from + this.rng.int(0, Math.floor((to - from) / 1000)) * 1000;
  }

  // ── users ──

  private uniqueHandle(set: Set<string>, base: string, max = 40): string {
    const root = slugify(base, max);
    let handle = root;
    while (set.has(handle)) handle = `${root}-${this.rng.token(4)}`;
    set.add(handle);
    return handle;
  }

  private generateUsers() {
    const rows: UserInput[] = [];
    const make = (kind: string, n: number, roles: Role[]): UserRow => {
      const id = this.ids.uuid();
      const firstName = this.faker.person.firstName();
      const lastName = this.faker.person.lastName();
      const handle = this.uniqueHandle(
        this.userHandles,
        this.faker.internet.username({ firstName, lastName }).replace(/[._]+/g, "-"),
      );
      const createdAt = this.before(this.base, 1, 900);
      const updatedAt = this.between(createdAt, this.base);
      rows.push({
        id,
        externalId: `demo-${kind}-${n}`,
        handle,
        displayName: `${firstName} ${lastName}`,
        email: `${handle}@example.com`,
        avatarUrl: this.rng.chance(0.8) ? `/media/avatars/${id}.jpg` : null,
        roles,
        consentPersonalization: this.rng.chance(0.6),
        consentAnalytics: this.rng.chance(0.5),
        followerCount: 0,
        followingCount: 0,
        createdAt: new Date(createdAt),
        updatedAt: new Date(updatedAt),
      });
      return { id, externalId: `demo-${kind}-${n}`, handle };
    };
    const times = <T>(count: number, f: (n: number) => T) =>
      Array.from({ length: count }, (_, i) => f(i + 1));
    const buyers = times(this.size.buyers, (n) => make("buyer", n, ["BUYER"]));
    const creators = times(this.size.creators, (n) => make("creator", n, ["BUYER", "CREATOR"]));
    const merchants = times(this.size.shops, (n) => make("merchant", n, ["BUYER", "MERCHANT"]));
    const staff = times(this.size.staff, (n) => make("staff", n, ["BUYER", "MERCHANT"]));
    const admins = times(this.size.admins, (n) => make("admin", n, ["BUYER", "ADMIN"]));
    return { rows, buyers, creators, merchants, staff, admins };
  }

  // ── shops ──

  private planShops(owners: UserRow[]): ShopPlan[] {
    const { shops: shopCount, products } = this.size;
    // Uneven shop sizes; the first shop (the well-known merchant's) is one of the big ones.
    const weights = Array.from({ length: shopCount }, (_, i) =>
      i === 0 ? 4 : 1 / (0.15 + this.rng.float()),
    );
    const counts = allocate(products, weights);
    return counts.map((productCount, index) => {
      const department = this.rng.pick(DEPARTMENTS);
      const lastName = this.faker.person.lastName();
      const style = this.rng.int(0, 3);
      const name =
        style === 0
          ? `${lastName} ${this.rng.pick(department.shopWords)}`
          : style === 1
            ? `${this.rng.pick(MODEL_NAMES)} ${this.rng.pick(department.shopWords)}`
            : style === 2
              ? `${lastName} & ${this.faker.person.lastName()}`
              : `${this.faker.company.name()}`;
      const handle = this.uniqueHandle(this.shopHandles, name);
      const vendors = this.rng.chance(0.7)
        ? [name]
        : [name, ...Array.from({ length: this.rng.int(1, 3) }, () => this.faker.company.name())];
      const letters = name
        .replace(/[^A-Za-z]/g, "")
        .toUpperCase()
        .padEnd(3, "X")
        .slice(0, 3);
      return {
        index,
        id: this.ids.uuid(),
        handle,
        name,
        currencyCode: CURRENCY_PATTERN[index % CURRENCY_PATTERN.length]!,
        department,
        types: this.rng.sample(department.types, this.rng.int(2, department.types.length)),
        vendors,
        skuPrefix: `${letters}${index + 1}`,
        createdAt: this.before(this.base, 420, 1100),
        productCount,
        ownerId: owners[index]!.id,
      };
    });
  }

  private shopRow(shop: ShopPlan): ShopInput {
    return {
      id: shop.id,
      handle: shop.handle,
      name: shop.name,
      description: `${shop.department.name} — ${this.faker.company.catchPhrase()}.`,
      currencyCode: shop.currencyCode,
      logoUrl: `/media/shops/${shop.id}/logo.png`,
      followerCount: 0,
      createdAt: new Date(shop.createdAt),
      updatedAt: new Date(this.between(shop.createdAt, this.base)),
    };
  }

  private generateMembers(shops: ShopPlan[], staff: UserRow[]): MemberInput[] {
    const rows: MemberInput[] = shops.map((shop) => ({
      shopId: shop.id,
      userId: shop.ownerId,
      role: "OWNER" satisfies ShopMemberRole,
      createdAt: new Date(shop.createdAt),
    }));
    staff.forEach((user, i) => {
      // Staff member i works at shop i (so small shops have staff too) and sometimes one more.
      const seats = new Set([i % shops.length]);
      if (shops.length > 1 && this.rng.chance(0.3)) seats.add(this.rng.int(0, shops.length - 1));
      for (const s of [...seats].sort((a, b) => a - b)) {
        const shop = shops[s]!;
        rows.push({
          shopId: shop.id,
          userId: user.id,
          role: "STAFF",
          createdAt: new Date(this.between(shop.createdAt, this.base)),
        });
      }
    });
    return rows;
  }

  // ── catalog ──

  private planCatalog(): void {
    const n = this.size.products;
    this.variantCounts = new Uint8Array(n);
    this.optionCounts = new Uint8Array(n);
    this.mediaCounts = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const variants = this.rng.weighted(VARIANT_COUNT_WEIGHTS) + 1;
      let options: number;
      if (variants === 1) options = 1;
      else if (variants <= 3) options = this.rng.chance(0.6) ? 1 : 2;
      else if (variants <= 6) options = this.rng.pick([1, 1, 2, 2, 3]);
      else options = this.rng.chance(0.6) ? 2 : 3;
      this.variantCounts[i] = variants;
      this.optionCounts[i] = options;
      this.mediaCounts[i] = this.rng.weighted(MEDIA_COUNT_WEIGHTS) + 1;
    }
  }

  /** A price in minor units, rounded the way shops price things (…9.99, …5.00; ¥…80). */
  private shopPrice(usd: number, currencyCode: string): number {
    const major = usd * (FX[currencyCode] ?? 1);
    const digits = minorDigits(currencyCode);
    if (digits === 0) {
      const hundreds = Math.max(1, Math.round(major / 100));
      return hundreds * 100 - (this.rng.chance(0.5) ? 20 : 0);
    }
    const unit = 10 ** digits;
    const whole = Math.max(1, Math.round(major));
    return this.rng.chance(0.55) ? whole * unit - 1 : whole * unit;
  }

  private generateProduct(shop: ShopPlan, n: number, index: number, chunk: Chunk): ProductRef {
    const { rng } = this;
    const id = this.ids.uuid();
    const type = rng.pick(shop.types);
    const noun = rng.pick(type.nouns);
    const style = rng.int(0, 9);
    const title =
      style < 5
        ? `${rng.pick(ADJECTIVES)} ${noun}`
        : style < 8
          ? `${rng.pick(MODEL_NAMES)} ${noun}`
          : `${rng.pick(ADJECTIVES)} ${rng.pick(MODEL_NAMES)} ${noun}`;
    let handle = `${slugify(title, 40)}-${rng.token(5)}`;
    while (this.productHandles.has(handle)) handle = `${slugify(title, 40)}-${rng.token(6)}`;
    this.productHandles.add(handle);

    const statusRoll = rng.float();
    const status: ProductStatus = statusRoll < 0.86 ? "ACTIVE" : statusRoll < 0.94 ? "DRAFT" : "ARCHIVED";
    const createdAt = this.between(shop.createdAt + DAY, this.base - DAY);
    const publishedAt =
      status === "ACTIVE" ? Math.min(this.base, createdAt + rng.int(0, 72 * 3600) * 1000) : null;
    const updatedAt = this.between(
      publishedAt ?? createdAt,
      Math.min(this.base, (publishedAt ?? createdAt) + 60 * DAY),
    );

    // Options and variants.
    const variantCount = this.variantCounts[index]!;
    const optionCount = this.optionCounts[index]!;
    const defs = rng.sample(type.options, optionCount);
    const { values, combos } = this.variantGrid(defs, variantCount);

    const basePrice = this.shopPrice(rng.int(type.price[0], type.price[1]), shop.currencyCode);
    // Price steps between variants: 5–15% of the base price in round amounts (100 minor units
    // is 1.00 in two-decimal currencies and ¥100 in yen).
    const step = Math.max(100, Math.round((basePrice * rng.int(5, 15)) / 100 / 100) * 100);
    const pricedByOption = defs.map((d) => d.priced === true && rng.chance(0.7));
    const onSale = rng.chance(0.3);
    const discount = rng.int(15, 50);
    const soldOut = rng.chance(0.05);
    const variantTime = new Date(createdAt);
    const variantUpdated = new Date(updatedAt);

    let firstVariantId = "";
    let minPrice = Number.POSITIVE_INFINITY;
    let maxPrice = 0;
    let totalInventory = 0;
    combos.forEach((combo, v) => {
      let price = basePrice;
      combo.forEach((valueIndex, o) => {
        if (pricedByOption[o]) price += valueIndex * step;
      });
      const compareAtPrice = onSale ? Math.ceil((price * (100 + discount)) / 100 / 100) * 100 : null;
      const inventoryQuantity = soldOut || rng.chance(0.12) ? 0 : Math.floor(1 + 249 * rng.float() ** 2);
      minPrice = Math.min(minPrice, price);
      maxPrice = Math.max(maxPrice, price);
      totalInventory += inventoryQuantity;
      const selected = combo.map((valueIndex, o) => ({
        name: defs[o]!.name,
        value: values[o]![valueIndex]!,
      }));
      const variantId = this.ids.uuid();
      if (v === 0) firstVariantId = variantId;
      chunk.variants.push({
        id: variantId,
        productId: id,
        title: selected.map((s) => s.value).join(" / "),
        sku: `${shop.skuPrefix}-${String(n).padStart(5, "0")}-${String(v + 1).padStart(2, "0")}`,
        position: v + 1,
        price,
        compareAtPrice: compareAtPrice !== null && compareAtPrice > price ? compareAtPrice : null,
        selectedOptions: selected,
        inventoryQuantity,
        createdAt: variantTime,
        updatedAt: variantUpdated,
      });
    });
    defs.forEach((def, o) => {
      chunk.options.push({
        id: this.ids.uuid(),
        productId: id,
        name: def.name,
        position: o + 1,
        values: values[o]!,
      });
    });

    // Media: the first is always an image; later ones are sometimes videos.
    const mediaCount = this.mediaCounts[index]!;
    for (let m = 1; m <= mediaCount; m++) {
      const video = m > 1 && rng.chance(0.1);
      const kind: MediaKind = video ? "VIDEO" : "IMAGE";
      const [width, height] = video
        ? [1080, 1920]
        : rng.pick([
            [1200, 1500],
            [1600, 1600],
            [2000, 1500],
            [1080, 1350],
          ] as const);
      chunk.media.push({
        id: this.ids.uuid(),
        productId: id,
        kind,
        url: `/media/products/${id}/${m}.${video ? "mp4" : "jpg"}`,
        alt: video ? `${title} — video` : m === 1 ? title : `${title} — view ${m}`,
        width,
        height,
        durationMs: video ? rng.int(50, 600) * 100 : null,
        posterUrl: video ? `/media/products/${id}/${m}-poster.jpg` : null,
        position: m,
      });
    }

    const tags = rng.sample(TAGS, rng.weighted([25, 35, 25, 10, 5])) as string[];
    if (onSale) tags.push("sale");
    chunk.products.push({
      id,
      shopId: shop.id,
      handle,
      title,
      description: this.describe(shop, type, title, defs, values),
      vendor: rng.pick(shop.vendors),
      productType: type.type,
      tags,
      status,
      currencyCode: shop.currencyCode,
      minPrice,
      maxPrice,
      totalInventory,
      publishedAt: publishedAt === null ? null : new Date(publishedAt),
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
    });
    return {
      id,
      createdAt,
      onSale,
      minPrice,
      type: type.type,
      title,
      active: status === "ACTIVE",
      firstVariantId,
    };
  }

  /** Two or three sentences about the product, in the words of its type (helps search demos). */
  private describe(
    shop: ShopPlan,
    type: ProductTypeDef,
    title: string,
    defs: OptionDef[],
    values: string[][],
  ): string {
    const { rng } = this;
    const opener = rng.pick(DESCRIPTION_OPENERS);
    const [a, b] = rng.indices(QUALITIES.length, 2).map((i) => QUALITIES[i]!);
    const sentences = [opener(title, a!, b!, rng.pick(USES[shop.department.name] ?? ["everyday use"]))];
    const choices = defs
      .map((d, o) => ({ name: d.name.toLowerCase(), values: values[o]! }))
      .filter((c) => c.values.length > 1);
    if (choices.length > 0) {
      sentences.push(
        `Choose your ${choices.map((c) => `${c.name} (${c.values.join(", ")})`).join(" and ")}.`,
      );
    } else {
      sentences.push(
        `Available in ${defs.map((d, o) => `${values[o]![0]} ${d.name.toLowerCase()}`).join(", ")}.`,
      );
    }
    if (rng.chance(0.5)) sentences.push(`Part of our ${type.type.toLowerCase()} range from ${shop.name}.`);
    return sentences.join(" ");
  }

  /**
   * Values per option (a subset of each option's vocabulary, in vocabulary order) and
   * `count` distinct value-index combinations, in grid order. Every listed value is used.
   */
  private variantGrid(defs: OptionDef[], count: number): { values: string[][]; combos: number[][] } {
    const { rng } = this;
    const sizes: number[] = [];
    if (defs.length === 1) {
      sizes.push(count);
    } else if (defs.length === 2) {
      const max2 = defs[1]!.values.length;
      const low = Math.max(1, Math.ceil(count / max2));
      const first = Math.max(low, rng.int(Math.min(2, count), Math.min(defs[0]!.values.length, count)));
      let second = Math.ceil(count / first);
      if (second < max2 && first * second === count && rng.chance(0.25)) second++;
      sizes.push(first, second);
    } else {
      const first = rng.int(count >= 4 ? 2 : 1, Math.min(3, count));
      const second = rng.int(1, Math.max(1, Math.min(3, Math.floor(count / first))));
      const third = Math.ceil(count / (first * second));
      sizes.push(first, second, third);
    }
    const chosen = defs.map((def, o) => rng.sample(def.values, sizes[o]!));
    // Every combination of the chosen values, in grid order; keep `count` of them.
    let grid: number[][] = [[]];
    for (const values of chosen) grid = grid.flatMap((prefix) => values.map((_, i) => [...prefix, i]));
    if (grid.length < count) throw new Error(`variant grid too small (${grid.length} < ${count})`);
    const combos = rng.indices(grid.length, count).map((i) => grid[i]!);
    // Drop values no kept variant uses and renumber.
    const values: string[][] = [];
    const remap: number[][] = [];
    chosen.forEach((vals, o) => {
      const used = new Set(combos.map((c) => c[o]!));
      const keep = vals.map((_, i) => i).filter((i) => used.has(i));
      values.push(keep.map((i) => vals[i]!));
      remap.push(vals.map((_, i) => keep.indexOf(i)));
    });
    return { values, combos: combos.map((c) => c.map((i, o) => remap[o]![i]!)) };
  }

  // ── collections ──

  private generateCollections(shops: ShopPlan[], refsByShop: ProductRef[][]) {
    const collections: CollectionInput[] = [];
    const links: CollectionProductInput[] = [];
    for (const shop of shops) {
      const refs = refsByShop[shop.index]!;
      // "Under 50" means under about 50 US dollars, in a round amount of the shop's currency.
      const under = affordable(shop.currencyCode);
      // Smart collections (a product type, on sale, cheap, newest) hold exactly the products
      // that qualify; they are only offered when some do. The others are hand-picked.
      const candidates = new Map<string, () => ProductRef[]>();
      for (const title of COLLECTION_TITLES) {
        if (title === "Sale") candidates.set(title, () => refs.filter((r) => r.onSale));
        else if (title === "Under 50")
          candidates.set(title, () => refs.filter((r) => r.minPrice <= under.amount));
        else if (title === "New Arrivals") {
          candidates.set(title, () =>
            [...refs]
              .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
              .slice(0, this.rng.int(8, 40)),
          );
        } else {
          candidates.set(title, () =>
            this.rng.sample(refs, Math.max(1, Math.round(refs.length * (0.05 + 0.3 * this.rng.float())))),
          );
        }
      }
      for (const type of shop.types)
        candidates.set(type.type, () => refs.filter((r) => r.type === type.type));
      const eligible = [...candidates.keys()].filter((title) => {
        if (title === "Sale") return refs.some((r) => r.onSale);
        if (title === "Under 50") return refs.some((r) => r.minPrice <= under.amount);
        if (shop.types.some((t) => t.type === title)) return refs.some((r) => r.type === title);
        return true;
      });
      for (const key of this.rng.sample(eligible, this.rng.int(3, 8))) {
        const title = key === "Under 50" ? `Under ${under.label}` : key;
        const id = this.ids.uuid();
        const createdAt = this.between(shop.createdAt, this.base - DAY);
        collections.push({
          id,
          shopId: shop.id,
          handle: this.uniqueHandle(this.collectionHandles, `${shop.handle}-${slugify(title)}`, 64),
          title,
          description: `${this.faker.company.catchPhrase()}.`,
          createdAt: new Date(createdAt),
          updatedAt: new Date(this.between(createdAt, this.base)),
        });
        candidates.get(key)!().forEach((ref, i) => {
          links.push({ collectionId: id, productId: ref.id, position: i + 1 });
        });
      }
    }
    return { collections, links };
  }
}

/** About 50 US dollars in a round amount of `currencyCode`: its minor units and a label ("$50", "¥7,500"). */
function affordable(currencyCode: string): { amount: number; label: string } {
  const major = 50 * (FX[currencyCode] ?? 1);
  const round = major >= 1000 ? 500 : 5;
  const value = Math.max(round, Math.round(major / round) * round);
  const label = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currencyCode,
    maximumFractionDigits: 0,
  }).format(value);
  return { amount: value * 10 ** minorDigits(currencyCode), label };
}

/** Splits `total` into `weights.length` parts of at least 1 (largest remainder). */
function allocate(total: number, weights: number[]): number[] {
  const n = weights.length;
  const spare = total - n;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const counts = exact.map((x) => 1 + Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i]!++;
    left--;
  }
  return counts;
}
