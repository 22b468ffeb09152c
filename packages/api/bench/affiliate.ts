import pg from "pg";
import { BENCH_SERVER_URL, freshDatabase, writeResult } from "./shared.ts";
import { openDatabase, recordClick } from "@shoppable/schema";
import { creatorStats } from "@shoppable/schema/affiliate/service.ts";

const serverUrl = BENCH_SERVER_URL;
const dbName = "shoppable_bench_affiliate";
const CLICKS = Number(process.env.BENCH_AFFILIATE_CLICKS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_AFFILIATE_RUNS ?? 200);
const ORDERS = 20_000;
const LINKS = 50;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}

async function time(runs: number, fn: () => Promise<unknown>) {
  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { runs, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

const databaseUrl = await freshDatabase(dbName, serverUrl);
const db = await openDatabase({ databaseUrl, migrate: true });
const sql = new pg.Client({ connectionString: databaseUrl });
await sql.connect();
try {
  const started = performance.now();
  const creator = await db.prisma.user.create({
    data: { externalId: "bench-creator", handle: "bench-creator", roles: ["BUYER", "CREATOR"] },
    select: { id: true },
  });
  const shop = await db.prisma.shop.create({
    data: { handle: "bench-affiliate", name: "Bench", currencyCode: "EUR" },
    select: { id: true },
  });
  await db.prisma.affiliateProgram.create({ data: { shopId: shop.id, defaultRate: 1000 } });
  const product = await db.prisma.product.create({
    data: {
      shopId: shop.id,
      handle: "bench-affiliate-product",
      title: "Bench",
      status: "ACTIVE",
      currencyCode: "EUR",
    },
    select: { id: true },
  });
  await sql.query(
    `INSERT INTO "Post" ("id", "authorId", "mediaKind", "mediaUrl", "width", "height", "updatedAt")
     SELECT gen_random_uuid(), $1, 'IMAGE', '/bench.jpg', 1, 1, now() FROM generate_series(1, 20)`,
    [creator.id],
  );
  await sql.query(
    `INSERT INTO "AffiliateLink" ("id", "code", "creatorId", "shopId", "targetKind", "postId", "rate", "rateLockedUntil")
     SELECT gen_random_uuid(), 'bench' || g, $1, $2, CASE WHEN p."id" IS NULL THEN 'SHOP' ELSE 'POST' END::"AffiliateTargetKind", p."id", 1000, now() + interval '30 days'
     FROM generate_series(1, ${LINKS}) g
     LEFT JOIN (SELECT "id", row_number() OVER (ORDER BY "id") AS n FROM "Post") p ON p.n = g`,
    [creator.id, shop.id],
  );
  const { rows: links } = await sql.query<{ id: string }>(`SELECT "id" FROM "AffiliateLink" ORDER BY "code"`);
  // 1M clicks: link i % 50, spread evenly over the last 90 days, every tenth a repeat or a bot.
  await sql.query(
    `INSERT INTO "AffiliateClick" ("id", "linkId", "visitorId", "userAgent", "isBot", "counted", "createdAt")
     SELECT gen_random_uuid(), l."id", 'v' || (g % 200000), 'Mozilla/5.0', g % 20 = 0, g % 10 <> 0,
            (now() AT TIME ZONE 'UTC') - (g::double precision / $1) * interval '90 days'
     FROM generate_series(1, $1) g
     JOIN (SELECT "id", row_number() OVER (ORDER BY "code") - 1 AS n FROM "AffiliateLink") l ON l.n = g % ${LINKS}`,
    [CLICKS],
  );
  await sql.query(
    `INSERT INTO "AffiliateClickHour" ("linkId", "hour", "clicks", "countedClicks")
     SELECT "linkId", date_trunc('hour', "createdAt"), count(*), count(*) FILTER (WHERE "counted") FROM "AffiliateClick" GROUP BY 1, 2`,
  );
  // 20,000 attributed orders (one line each) with their commissions.
  await sql.query(
    `INSERT INTO "Order" ("id", "shopId", "status", "currencyCode", "subtotal", "total", "updatedAt", "paidAt", "createdAt")
     SELECT gen_random_uuid(), $1, 'PAID', 'EUR', 1000 + g % 5000, 1000 + g % 5000, now(), now(), (now() AT TIME ZONE 'UTC') - (g::double precision / $2) * interval '90 days'
     FROM generate_series(1, $2) g`,
    [shop.id, ORDERS],
  );
  await sql.query(
    `INSERT INTO "OrderLine" ("id", "orderId", "productId", "productTitle", "variantTitle", "unitPrice", "quantity", "total")
     SELECT gen_random_uuid(), o."id", $1, 'Bench', 'Default', o."total", 1, o."total" FROM "Order" o`,
    [product.id],
  );
  await sql.query(
    `INSERT INTO "Commission" ("id", "creatorId", "shopId", "linkId", "orderId", "orderLineId", "currencyCode", "revenue", "amount", "rate", "createdAt")
     SELECT gen_random_uuid(), $1, $2, l."id", ol."orderId", ol."id", 'EUR', ol."total", ol."total" / 10, 1000, o."createdAt"
     FROM (SELECT ol.*, row_number() OVER (ORDER BY ol."id") AS n FROM "OrderLine" ol) ol
     JOIN "Order" o ON o."id" = ol."orderId"
     JOIN (SELECT "id", row_number() OVER (ORDER BY "code") - 1 AS n FROM "AffiliateLink") l ON l.n = ol.n % ${LINKS}`,
    [creator.id, shop.id],
  );
  await sql.query("ANALYZE");
  const { rows: sizes } = await sql.query<{ clicks: number; hours: number; commissions: number }>(
    `SELECT (SELECT count(*) FROM "AffiliateClick")::int AS clicks, (SELECT count(*) FROM "AffiliateClickHour")::int AS hours, (SELECT count(*) FROM "Commission")::int AS commissions`,
  );
  const setupSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(
    `  wrote ${sizes[0]!.clicks} clicks (${sizes[0]!.hours} hourly rollup rows), ${sizes[0]!.commissions} commissions, ${links.length} links in ${setupSeconds} s`,
  );

  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  const check = await creatorStats(db.prisma, creator.id, from, to, "LINK");
  const counted = check.reduce((s, r) => s + r.countedClicks, 0);
  if (check.length !== LINKS || counted === 0)
    throw new Error(`unexpected stats: ${check.length} rows, ${counted} counted clicks`);
  const byLink = await time(RUNS, () => creatorStats(db.prisma, creator.id, from, to, "LINK"));
  console.log(
    `  stats per link, 30 days (${counted} counted clicks in range): p50 ${byLink.p50Ms} ms, p99 ${byLink.p99Ms} ms over ${RUNS} runs`,
  );
  const byPost = await time(RUNS, () => creatorStats(db.prisma, creator.id, from, to, "POST"));
  console.log(`  stats per post, 30 days: p50 ${byPost.p50Ms} ms, p99 ${byPost.p99Ms} ms over ${RUNS} runs`);
  const raw = await time(20, () =>
    sql.query(
      `SELECT c."linkId", count(*), count(*) FILTER (WHERE c."counted") FROM "AffiliateClick" c JOIN "AffiliateLink" l ON l."id" = c."linkId"
       WHERE l."creatorId" = $1 AND c."createdAt" >= $2 AND c."createdAt" < $3 GROUP BY 1`,
      [creator.id, from.toISOString().replace("Z", ""), to.toISOString().replace("Z", "")],
    ),
  );
  console.log(
    `  for comparison, the same click counts from the raw click rows: p50 ${raw.p50Ms} ms, p99 ${raw.p99Ms} ms over 20 runs`,
  );
  let n = 0;
  const clicks = await time(2000, () =>
    recordClick(db.prisma, {
      code: `bench${1 + (n % LINKS)}`,
      visitorId: `bench-visitor-${n++ % 500}`,
      ip: "127.0.0.1",
      userAgent: "Mozilla/5.0 Safari",
    }),
  );
  console.log(
    `  recording a click (one statement): p50 ${clicks.p50Ms} ms, p99 ${clicks.p99Ms} ms over 2000 clicks`,
  );

  writeResult("affiliate", {
    date: new Date().toISOString(),
    ...sizes[0],
    setupSeconds,
    statsByLink: byLink,
    statsByPost: byPost,
    rawClickCounts: raw,
    recordClick: clicks,
  });
} finally {
  await sql.end();
  await db.close();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
