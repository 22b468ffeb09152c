/**
 * Generates the world from its seed, a chunk of products at a time: users, shops, the catalog,
 * collections, then content (./content.ts). Everything in a row comes from the seed.
 */
import { en, Faker } from "@faker-js/faker";
import type { Prisma } from "../generated/prisma/client.ts";
import type { MediaKind, ProductStatus, Role, ShopMemberRole } from "../generated/prisma/enums.ts";
import { type CommentablePost, CommunityGenerator, type ReviewableProduct } from "./community.ts";
import { type ContentShop, ContentGenerator, POST_WINDOW_DAYS } from "./content.ts";
import { describeCollection, describeProduct, describeShop } from "./copy.ts";
import { DeliveryGenerator, shopPolicies, variantGrams } from "./delivery.ts";
import { Rng } from "./random.ts";
import {
  ADJECTIVES,
  COLLECTION_TITLES,
  CURRENCY_PATTERN,
  DAY,
  DEPARTMENTS,
  type DepartmentDef,
  FX,
  MEDIA_COUNT_WEIGHTS,
  MODEL_NAMES,
  type OptionDef,
  type ProductTypeDef,
  QUALITIES,
  TAGS,
  USES,
  VARIANT_COUNT_WEIGHTS,
  minorDigits,
  slugify,
} from "./words.ts";
import type { SeedSummary, SeedWorldOptions, WorldSize } from "./world.ts";
import { type Writer, settleAll } from "./writer.ts";

interface ShopPlan {
  index: number;
  id: string;
  handle: string;
  name: string;
  currencyCode: string;
  /** Where the shop is based and ships from (see ./delivery.ts). */
  home: string;
  department: DepartmentDef;
  /** What it sells: some of its department's types, and sometimes the department's digital goods. */
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
  vendor: string;
  title: string;
  active: boolean;
  firstVariantId: string;
  /** What an order line of the first variant copies (the seeded reviews' orders). */
  firstVariant: { title: string; sku: string; price: number };
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

export class WorldGenerator {
  private readonly faker: Faker;
  /** Choices and numbers. */
  private readonly rng: Rng;
  /** Ids only, so that ids do not shift when the content generation changes. */
  private readonly ids: Rng;
  /** The words of descriptions, so that the catalog's values do not shift when the copy changes. */
  private readonly copy: Rng;
  /** Shipping zones, weights and tax rates, from PRNG streams of their own. */
  private readonly delivery: DeliveryGenerator;
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
    this.copy = new Rng(seed, "copy");
    this.delivery = new DeliveryGenerator(seed, base);
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

    const zones = shops.map((shop) => this.delivery.zones(shop));
    const zoneRows = zones.flatMap((z) => z.zones);
    const rateRows = zones.flatMap((z) => z.rates);
    writer.begin("shippingZones", zoneRows.length);
    await writer.insert("shippingZones", zoneRows, (data) => writer.prisma.shippingZone.createMany({ data }));
    writer.begin("shippingRates", rateRows.length);
    await writer.insert("shippingRates", rateRows, (data) => writer.prisma.shippingRate.createMany({ data }));
    const taxRates = this.delivery.platformTaxRates();
    writer.begin("taxRates", taxRates.length);
    await writer.insert("taxRates", taxRates, (data) => writer.prisma.taxRate.createMany({ data }));

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
        shippingZones: writer.count("shippingZones"),
        shippingRates: writer.count("shippingRates"),
        taxRates: writer.count("taxRates"),
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
    const titles = new Map(
      contentShops.flatMap((shop) => shop.taggable.map((p) => [p.id, p.title] as const)),
    );
    const commentable: CommentablePost[] = [];
    for (let chunk = generator.chunk(chunkSize); chunk; chunk = generator.chunk(chunkSize)) {
      const c = chunk;
      const open = new Map<string, CommentablePost>();
      for (const post of c.posts)
        if (post.visibility === "PUBLIC" && !post.deletedAt)
          open.set(post.id ?? "", {
            id: post.id ?? "",
            createdAt: new Date(post.createdAt ?? 0).getTime(),
            products: [],
          });
      for (const tag of c.productTags)
        open.get(tag.postId)?.products.push({ id: tag.productId, title: titles.get(tag.productId) ?? "" });
      commentable.push(...open.values());
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

    await this.writeCommunity(writer, shops, users, refsByShop, commentable);

    return {
      postComments: writer.count("postComments"),
      orders: writer.count("orders"),
      orderLines: writer.count("orderLines"),
      productReviews: writer.count("productReviews"),
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

  // ── community ──

  /**
   * Reviews (each on a FULFILLED order of its author) and comments on public posts, then the
   * counters they feed, recounted in SQL, and the order number sequence moved past the seeded
   * numbers so live checkouts continue after them. Its own PRNG streams.
   */
  private async writeCommunity(
    writer: Writer,
    shops: ShopPlan[],
    users: { buyers: UserRow[]; creators: UserRow[] },
    refsByShop: ProductRef[][],
    commentable: CommentablePost[],
  ) {
    const generator = new CommunityGenerator(
      new Rng(this.seed, "community"),
      new Rng(this.seed, "community-ids"),
      this.base,
      users.buyers.map((u) => u.id),
      [...users.buyers, ...users.creators].map((u) => u.id),
    );
    const products: ReviewableProduct[] = shops.flatMap((shop) =>
      (refsByShop[shop.index] ?? [])
        .filter((r) => r.active)
        .map((r) => ({
          id: r.id,
          shopId: shop.id,
          currencyCode: shop.currencyCode,
          title: r.title,
          type: r.type,
          variantId: r.firstVariantId,
          variantTitle: r.firstVariant.title,
          sku: r.firstVariant.sku,
          price: r.firstVariant.price,
          createdAt: r.createdAt,
        })),
    );
    const { prisma } = writer;
    const reviews = generator.reviews(products);
    writer.begin("orders", reviews.orders.length);
    await writer.insert("orders", reviews.orders, (data) => prisma.order.createMany({ data }));
    writer.begin("orderLines", reviews.orderLines.length);
    await writer.insert("orderLines", reviews.orderLines, (data) => prisma.orderLine.createMany({ data }));
    writer.begin("productReviews", reviews.productReviews.length);
    await writer.insert("productReviews", reviews.productReviews, (data) =>
      prisma.productReview.createMany({ data }),
    );
    const comments = generator.comments(commentable);
    writer.begin("postComments", comments.length);
    await writer.insert("postComments", comments, (data) => prisma.postComment.createMany({ data }));
    await prisma.$executeRawUnsafe(
      `UPDATE "Product" p SET "ratingSum" = r.s, "ratingCount" = r.n FROM (SELECT "productId" AS id, sum("rating")::int AS s, count(*)::int AS n FROM "ProductReview" GROUP BY 1) r WHERE p."id" = r.id`,
    );
    await prisma.$executeRawUnsafe(
      `UPDATE "Post" p SET "commentCount" = c.n FROM (SELECT "postId" AS id, count(*)::int AS n FROM "PostComment" GROUP BY 1) c WHERE p."id" = c.id`,
    );
    await prisma.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"Order"', 'number'), GREATEST(1, (SELECT coalesce(max("number"), 0) FROM "Order")), (SELECT count(*) > 0 FROM "Order"))`,
    );
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
      const currencyCode = CURRENCY_PATTERN[index % CURRENCY_PATTERN.length]!;
      const types = this.rng.sample(department.types, this.rng.int(2, department.types.length));
      const digital = this.delivery.digitalType(department);
      return {
        index,
        id: this.ids.uuid(),
        handle,
        name,
        currencyCode,
        home: this.delivery.nextHome(currencyCode),
        department,
        types: digital ? [...types, digital] : types,
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
      description: describeShop(
        this.copy,
        shop.name,
        shop.types.map((t) => t.type),
      ),
      currencyCode: shop.currencyCode,
      logoUrl: `/media/shops/${shop.id}/logo.png`,
      followerCount: 0,
      ...shopPolicies(shop.index, shop.currencyCode),
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
    const unitGrams = this.delivery.unitGrams(type);
    const variantTime = new Date(createdAt);
    const variantUpdated = new Date(updatedAt);

    let firstVariantId = "";
    let firstVariant = { title: "", sku: "", price: 0 };
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
      const variantTitle = selected.map((s) => s.value).join(" / ");
      const sku = `${shop.skuPrefix}-${String(n).padStart(5, "0")}-${String(v + 1).padStart(2, "0")}`;
      if (v === 0) {
        firstVariantId = variantId;
        firstVariant = { title: variantTitle, sku, price };
      }
      chunk.variants.push({
        id: variantId,
        productId: id,
        title: variantTitle,
        sku,
        position: v + 1,
        price,
        compareAtPrice: compareAtPrice !== null && compareAtPrice > price ? compareAtPrice : null,
        selectedOptions: selected,
        inventoryQuantity,
        weightGrams: variantGrams(unitGrams, combo),
        requiresShipping: type.digital !== true,
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
    const product = {
      id,
      shopId: shop.id,
      handle,
      title,
      description: this.describe(shop, type, noun, defs, values),
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
    } satisfies ProductInput;
    chunk.products.push(product);
    return {
      id,
      createdAt,
      onSale,
      minPrice,
      type: type.type,
      vendor: product.vendor,
      title,
      active: status === "ACTIVE",
      firstVariantId,
      firstVariant,
    };
  }

  /** Two to four sentences about the product, in the words of its type (helps search demos). */
  private describe(
    shop: ShopPlan,
    type: ProductTypeDef,
    noun: string,
    defs: OptionDef[],
    values: string[][],
  ): string {
    const { rng } = this;
    // The catalog's stream draws what it always drew here (it once picked a sentence opener),
    // so prices, stock and titles stay as they were; the words come from the copy stream.
    rng.float();
    const [a, b] = rng.indices(QUALITIES.length, 2).map((i) => QUALITIES[i]!);
    const use = rng.pick(USES[shop.department.name] ?? ["everyday use"]);
    const signOff = rng.chance(0.5);
    return describeProduct(this.copy, {
      type,
      department: shop.department.name,
      shopName: shop.name,
      noun,
      defs,
      values,
      qualities: [a ?? "durable", b ?? "timeless"],
      use,
      signOff,
    });
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
      // Automatic collections (a product type, on sale, cheap) hold, by their rules, exactly the
      // products that qualify; they are only offered when some do. "New Arrivals" and the others
      // are manual, hand-picked.
      const candidates = new Map<string, () => ProductRef[]>();
      for (const title of COLLECTION_TITLES) {
        if (title === "Sale") candidates.set(title, () => refs.filter((r) => r.onSale));
        else if (title === "Under 50")
          candidates.set(title, () => refs.filter((r) => r.minPrice < under.amount));
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
        if (title === "Under 50") return refs.some((r) => r.minPrice < under.amount);
        if (shop.types.some((t) => t.type === title)) return refs.some((r) => r.type === title);
        return true;
      });
      for (const key of this.rng.sample(eligible, this.rng.int(3, 8))) {
        const title = key === "Under 50" ? `Under ${under.label}` : key;
        const id = this.ids.uuid();
        const createdAt = this.between(shop.createdAt, this.base - DAY);
        const rule = automaticRule(key, shop, under.amount);
        collections.push({
          id,
          shopId: shop.id,
          handle: this.uniqueHandle(this.collectionHandles, `${shop.handle}-${slugify(title)}`, 64),
          title,
          description: describeCollection(title, shop.name, key),
          // Every row names every column: the json insert mode takes its columns from the first row.
          kind: rule ? "AUTOMATIC" : "MANUAL",
          rules: rule ? [rule] : [],
          disjunctive: false,
          sortOrder: rule ? "CREATED" : "MANUAL",
          createdAt: new Date(createdAt),
          updatedAt: new Date(this.between(createdAt, this.base)),
        });
        if (rule) continue;
        candidates.get(key)!().forEach((ref, i) => {
          links.push({ collectionId: id, productId: ref.id, position: i });
        });
      }
      // And one automatic collection of the vendor with the most products, of those it has.
      const byVendor = new Map<string, number>();
      for (const r of refs) byVendor.set(r.vendor, (byVendor.get(r.vendor) ?? 0) + 1);
      const [vendor] = [...byVendor].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [""];
      if (vendor) {
        collections.push({
          id: this.ids.uuid(),
          shopId: shop.id,
          handle: this.uniqueHandle(this.collectionHandles, `${shop.handle}-${slugify(vendor)}`, 64),
          title: vendor,
          description: `Everything by ${vendor}.`,
          kind: "AUTOMATIC",
          rules: [{ field: "VENDOR", relation: "EQUALS", value: vendor }],
          disjunctive: false,
          sortOrder: "TITLE",
          createdAt: new Date(shop.createdAt),
          updatedAt: new Date(shop.createdAt),
        });
      }
    }
    return { collections, links };
  }
}

/**
 * The rule of a seeded automatic collection (the rules' format: schema's
 * catalog/collection-rules.ts): a tag for "Sale", a price for "Under 50", a product type for a
 * type's name; null for a manual collection.
 */
function automaticRule(key: string, shop: ShopPlan, underAmount: number) {
  if (key === "Sale") return { field: "TAG", relation: "EQUALS", value: "sale" };
  if (key === "Under 50") {
    const digits = minorDigits(shop.currencyCode);
    const value = (underAmount / 10 ** digits).toFixed(digits);
    return { field: "PRICE", relation: "LESS_THAN", value, amount: underAmount };
  }
  if (shop.types.some((t) => t.type === key))
    return { field: "PRODUCT_TYPE", relation: "EQUALS", value: key };
  return null;
}

/** About 50 US dollars in a round amount of `currencyCode`: its minor units and a label ("$50", "¥7,500"). */
export function affordable(currencyCode: string): { amount: number; label: string } {
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
export function allocate(total: number, weights: number[]): number[] {
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
