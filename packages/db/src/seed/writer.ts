/** Writes the generated rows in batches, with bounded concurrency, reporting progress per phase. */
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { InsertMode, SEEDED_TABLES, SeedPhase, SeedProgressEvent } from "./world.ts";

/** createMany: bind values per statement, well under PostgreSQL's 65,535. */
export const MAX_PARAMS = 30_000;
/** json: rows per statement (about 1 MB of JSON for variants). */
export const JSON_BATCH_ROWS = 2_000;

/** The table each phase writes. */
export const PHASE_TABLE: Record<SeedPhase, (typeof SEEDED_TABLES)[number]> = {
  users: "User",
  shops: "Shop",
  shopMembers: "ShopMember",
  shippingZones: "ShippingZone",
  shippingRates: "ShippingRate",
  taxRates: "TaxRate",
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
  orders: "Order",
  orderLines: "OrderLine",
  productReviews: "ProductReview",
  postComments: "PostComment",
};

/** Writes batches with bounded concurrency and reports progress per phase. */
export class Writer {
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
export async function settleAll(promises: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}
