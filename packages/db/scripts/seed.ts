/**
 * `pnpm db:seed [--seed N] [--scale demo|bench|<products>] [--base now|<ISO date>] [--reset]`
 *
 * Seeds the deterministic demo world into `DATABASE_URL` when it is set, otherwise into the
 * embedded PGlite database at `<DATA_DIR>/pglite` (DATA_DIR defaults to `<repo root>/.data`;
 * a relative DATA_DIR is taken relative to the repository root). Migrations are applied first.
 */
import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import cliProgress from "cli-progress";
import { openDatabase } from "../src/index.ts";
import {
  SEED_BASE_DATE,
  SEED_PHASES,
  SeedRefusedError,
  seedWorld,
  type SeedPhase,
  type SeedProgressEvent,
  type SeedScale,
  type SeedSummary,
} from "../src/seed/world.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const USAGE = `Usage: pnpm db:seed [--seed N] [--scale demo|bench|<number of products>] [--base now|<ISO date>] [--reset]

  --seed N        the world's seed (default 1); the same seed always gives the same rows
  --scale S       demo (20 shops, 2,000 products, 1,500 posts; default), bench (200 shops,
                  100,000 products, 100,000 posts) or a number of products (posts: 3/4 of it)
  --base B        the world's "now": every timestamp lies before it (default ${SEED_BASE_DATE.toISOString()};
                  \`now\` is the start of the current hour, so TRENDING has posts)
  --reset         delete users, shops and the catalog (and everything referring to them) first

Target: DATABASE_URL when set, else embedded PGlite at <DATA_DIR>/pglite
(DATA_DIR defaults to <repo root>/.data).`;

interface Args {
  seed: number;
  scale: SeedScale;
  reset: boolean;
  baseDate?: Date;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seed: 1, scale: "demo", reset: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    if (arg === "--") continue;
    let value: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      const v = value ?? argv[++i];
      if (v === undefined) fail(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case "--seed": {
        const v = next();
        const seed = Number(v);
        if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(seed)) fail(`--seed must be an integer (got ${v})`);
        args.seed = seed;
        break;
      }
      case "--scale": {
        const v = next();
        if (v === "demo" || v === "bench") args.scale = v;
        else if (/^\d[\d_,]*$/.test(v) && Number(v.replace(/[_,]/g, "")) >= 1) {
          args.scale = { products: Number(v.replace(/[_,]/g, "")) };
        } else fail(`--scale must be demo, bench or a number of products (got ${v})`);
        break;
      }
      case "--base": {
        const v = next();
        const date = v === "now" ? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000) : new Date(v);
        if (Number.isNaN(date.getTime())) fail(`--base must be now or an ISO date (got ${v})`);
        args.baseDate = date;
        break;
      }
      case "--reset":
        args.reset = true;
        break;
      case "-h":
      case "--help":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown argument ${arg}`);
    }
  }
  return args;
}

function fail(message: string): never {
  console.error(`db:seed: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const LABELS: Record<SeedPhase, string> = {
  users: "users",
  shops: "shops",
  shopMembers: "shop members",
  shippingZones: "shipping zones",
  shippingRates: "shipping rates",
  taxRates: "platform tax rates",
  products: "products",
  productOptions: "options",
  productVariants: "variants",
  productMedia: "media",
  collections: "collections",
  collectionProducts: "collection products",
  userFollows: "user follows",
  shopFollows: "shop follows",
  posts: "posts",
  productTags: "product tags",
  postLikes: "likes",
  postShares: "shares",
  postEngagementHours: "post engagement hours",
  productEngagementHours: "product engagement hours",
  orders: "orders (reviewed)",
  orderLines: "order lines",
  productReviews: "reviews",
  postComments: "comments",
};
const LABEL_WIDTH = Math.max(...Object.values(LABELS).map((l) => l.length));

const number = (n: number) => n.toLocaleString("en-US");

/** A multibar on a terminal; plain lines (at most every two seconds, plus completions) otherwise. */
function progressReporter(): { onProgress: (event: SeedProgressEvent) => void; stop: () => void } {
  if (process.stdout.isTTY) {
    const multibar = new cliProgress.MultiBar(
      {
        stream: process.stdout,
        format: "{label} |{bar}| {percentage}% {value}/{total}",
        formatValue: (v, _options, type) => (type === "value" || type === "total" ? number(v) : String(v)),
        hideCursor: true,
        clearOnComplete: false,
        barsize: 30,
        fps: 10,
      },
      cliProgress.Presets.shades_classic,
    );
    const bars = new Map<SeedPhase, cliProgress.SingleBar>();
    return {
      onProgress: ({ phase, done, total }) => {
        let bar = bars.get(phase);
        if (!bar) {
          bar = multibar.create(total, done, { label: LABELS[phase].padEnd(LABEL_WIDTH) });
          bars.set(phase, bar);
        }
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => multibar.stop(),
    };
  }
  const state = new Map<SeedPhase, { done: number; total: number }>();
  let lastLine = 0;
  return {
    onProgress: ({ phase, done, total }) => {
      state.set(phase, { done, total });
      const now = Date.now();
      if (done === total && total > 0) {
        console.log(`  ${LABELS[phase].padEnd(LABEL_WIDTH)}  ${number(done)}/${number(total)} done`);
      } else if (now - lastLine >= 2000 && done > 0) {
        lastLine = now;
        const active = SEED_PHASES.filter((p) => {
          const s = state.get(p);
          return s && s.done < s.total;
        }).map((p) => {
          const s = state.get(p)!;
          return `${LABELS[p]} ${number(s.done)}/${number(s.total)} (${Math.floor((100 * s.done) / s.total)}%)`;
        });
        if (active.length > 0) console.log(`  … ${active.join(", ")}`);
      }
    },
    stop: () => undefined,
  };
}

function printSummary(summary: SeedSummary, seconds: number): void {
  const rows: [string, number][] = [
    ["users", summary.counts.users],
    ["shops", summary.counts.shops],
    ["shop members", summary.counts.shopMembers],
    ["shipping zones", summary.counts.shippingZones],
    ["shipping rates", summary.counts.shippingRates],
    ["platform tax rates", summary.counts.taxRates],
    ["products", summary.counts.products],
    ["product options", summary.counts.productOptions],
    ["product variants", summary.counts.productVariants],
    ["product media", summary.counts.productMedia],
    ["collections", summary.counts.collections],
    ["collection products", summary.counts.collectionProducts],
    ["user follows", summary.counts.userFollows],
    ["shop follows", summary.counts.shopFollows],
    ["posts", summary.counts.posts],
    ["product tags", summary.counts.productTags],
    ["likes", summary.counts.postLikes],
    ["shares", summary.counts.postShares],
    ["post engagement hours", summary.counts.postEngagementHours],
    ["product engagement hours", summary.counts.productEngagementHours],
  ];
  console.log(`\nSeeded the demo world (seed ${summary.seed}):`);
  for (const [label, count] of rows) console.log(`  ${label.padEnd(24)} ${number(count).padStart(10)}`);
  const { buyer, creator, merchant, admin } = summary.users;
  console.log("\nWell-known users (externalId → handle):");
  console.log(`  buyer     ${buyer.externalId} → @${buyer.handle}`);
  console.log(`  creator   ${creator.externalId} → @${creator.handle}`);
  console.log(
    `  merchant  ${merchant.externalId} → @${merchant.handle}, owner of shop "${merchant.shopHandle}" (${merchant.shopCurrencyCode})`,
  );
  console.log(`  admin     ${admin.externalId} → @${admin.handle}`);
  console.log(`\nDone in ${seconds.toFixed(1)} s.`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL || undefined;
  let dataDir: string | undefined;
  if (!databaseUrl) {
    const base = process.env.DATA_DIR || ".data";
    dataDir = join(isAbsolute(base) ? base : resolve(REPO_ROOT, base), "pglite");
    mkdirSync(dataDir, { recursive: true });
  }
  const started = performance.now();
  const db = await openDatabase({ databaseUrl, dataDir, migrate: true });
  try {
    console.log(
      `Seeding ${db.description} (seed ${args.seed}, scale ${typeof args.scale === "string" ? args.scale : `${number(args.scale.products)} products`}${args.reset ? ", reset" : ""})`,
    );
    const progress = progressReporter();
    let summary: SeedSummary;
    try {
      summary = await seedWorld(db.prisma, {
        seed: args.seed,
        scale: args.scale,
        reset: args.reset,
        ...(args.baseDate ? { baseDate: args.baseDate } : {}),
        onProgress: progress.onProgress,
        // PostgreSQL behind a pool takes several statements at once; PGlite runs one at a time.
        concurrency: db.driver.kind === "postgres" ? 4 : 1,
      });
    } finally {
      progress.stop();
    }
    printSummary(summary, (performance.now() - started) / 1000);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof SeedRefusedError) {
    console.error(`db:seed: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
