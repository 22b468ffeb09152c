/**
 * `pnpm bench --only feed`: feed pages on PostgreSQL at bench scale (100,000 posts).
 *
 * Creates (once, then keeps) the database `shoppable_bench_feed` on the server of
 * BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test), migrates it and
 * seeds `--scale bench` (about 100 s). The seeded world's clock is 2026-01-01, so the bench
 * moves every post, engagement hour, like and follow forward by whole hours until its latest
 * hour is the last complete one: the ranked feeds then see 48 busy hours, as in production.
 *
 * A seeded fan who follows the most creators and shops consents to personalisation; then:
 *   1. this hour's TRENDING snapshot recomputed (timed), and statements per page, counted
 *      in-process through the counting driver adapter;
 *   2. the API in production mode in its own process (pool of 10), and autocannon with 10
 *      connections for BENCH_FEED_SECONDS (default 10) after a 2 s warm-up per kind: a page of
 *      20 posts with tags, tagged products, variants and authors for TRENDING, FOR_YOU
 *      (personalised), FOLLOWING, HASHTAG (the most used hashtag), and TRENDING's third page.
 * Prints req/s, p50, p99 and statements per page; writes .bench/feed.json.
 */
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { createApiKey, openDatabase } from "@shoppable/schema";
import { refreshTrendingSnapshot } from "@shoppable/schema/content/trending-snapshot.ts";
import { loadConfig } from "../src/config.ts";
import { signUserToken } from "../src/dev-credentials.ts";
import { createLogger } from "../src/logger.ts";
import { createServer } from "../src/server.ts";
import { seededDatabase, writeResult } from "./shared.ts";

const seconds = Number(process.env.BENCH_FEED_SECONDS ?? 10);
const _serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const dbName = "shoppable_bench_feed";
const here = fileURLToPath(new URL(".", import.meta.url));
const JWT_SECRET = "bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";

const PAGE = `query Feed($kind: FeedKind!, $hashtag: String, $after: String) {
  feed(kind: $kind, hashtag: $hashtag, first: 20, after: $after) {
    kind personalized
    edges { cursor node {
      id caption hashtags likeCount viewCount viewerHasLiked createdAt media { kind url durationMs posterUrl }
      author { id handle displayName }
      shop { id name }
      productTags { id x y startMs endMs
        product { id title handle priceRange { min { amount currencyCode } } variants { id title price { amount currencyCode } } }
        variant { id title }
      }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Moves the world forward by whole hours so that its latest engagement hour is the last complete one. */
async function bringClockForward(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ hours: number }>(
    `SELECT (extract(epoch FROM date_trunc('hour', now() AT TIME ZONE 'UTC') - max("hour")) / 3600)::int - 1 AS hours FROM "PostEngagementHour"`,
  );
  const hours = rows[0]?.hours ?? 0;
  if (hours > 0) {
    console.log(`Moving the seeded world forward by ${hours} hours…`);
    await client.query("BEGIN");
    // Two steps, each longer than the seeded 60 days, so no (postId, hour) key collides midway.
    for (const shift of [hours + 24 * 1000, -24 * 1000]) {
      const by = `interval '${shift} hours'`;
      await client.query(`UPDATE "PostEngagementHour" SET "hour" = "hour" + ${by}`);
      await client.query(`UPDATE "ProductEngagementHour" SET "hour" = "hour" + ${by}`);
    }
    const by = `interval '${hours} hours'`;
    await client.query(
      `UPDATE "Post" SET "createdAt" = "createdAt" + ${by}, "updatedAt" = "updatedAt" + ${by}`,
    );
    await client.query(`UPDATE "PostLike" SET "createdAt" = "createdAt" + ${by}`);
    await client.query(`UPDATE "UserFollow" SET "createdAt" = "createdAt" + ${by}`);
    await client.query(`UPDATE "ShopFollow" SET "createdAt" = "createdAt" + ${by}`);
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
  }
  const reader = await client.query<{ id: string; externalId: string; follows: number; likes: number }>(`
    SELECT u."id", u."externalId",
           (SELECT count(*) FROM "UserFollow" f WHERE f."followerId" = u."id")::int + (SELECT count(*) FROM "ShopFollow" f WHERE f."followerId" = u."id")::int AS follows,
           (SELECT count(*) FROM "PostLike" l WHERE l."userId" = u."id")::int AS likes
    FROM "User" u WHERE u."id" IN (SELECT "followerId" FROM "UserFollow" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)`);
  await client.query(`UPDATE "User" SET "consentPersonalization" = true WHERE "id" = $1`, [
    reader.rows[0]!.id,
  ]);
  const tag = await client.query<{ tag: string; posts: number }>(
    `SELECT t AS tag, count(*)::int AS posts FROM "Post", unnest("hashtags") t GROUP BY t ORDER BY count(*) DESC LIMIT 1`,
  );
  const counts = await client.query<{ posts: number; hours: number; ranked: number }>(`
    SELECT (SELECT count(*) FROM "Post")::int AS posts, (SELECT count(*) FROM "PostEngagementHour")::int AS hours,
           (SELECT count(*) FROM "PostEngagementHour" WHERE "hour" >= date_trunc('hour', now() AT TIME ZONE 'UTC') - interval '48 hours')::int AS ranked`);
  await client.end();
  const c = counts.rows[0]!;
  console.log(
    `Database ${dbName}: ${c.posts} posts, ${c.hours} engagement hours (${c.ranked} in the 48-hour window)`,
  );
  console.log(
    `Reader: follows ${reader.rows[0]!.follows} creators and shops, ${reader.rows[0]!.likes} likes; hashtag #${tag.rows[0]!.tag} (${tag.rows[0]!.posts} posts)`,
  );
  return { reader: reader.rows[0]!, hashtag: tag.rows[0]!.tag };
}

let snapshotMs = 0;

interface Scenario {
  name: string;
  variables: Record<string, unknown>;
  user: boolean;
}

async function statementsPerPage(databaseUrl: string, key: string, token: string, scenarios: Scenario[]) {
  let recording: string[] | null = null;
  const db = await openDatabase({ databaseUrl, onStatement: (sql) => recording?.push(sql) });
  const config = loadConfig({
    NODE_ENV: "production",
    SHOPPABLE_JWT_SECRET: JWT_SECRET,
    LOG_LEVEL: "silent",
    DATABASE_URL: databaseUrl,
  });
  const server = createServer({ db, config, logger: createLogger("silent") });
  const started = performance.now();
  await refreshTrendingSnapshot(db.prisma);
  snapshotMs = Math.round(performance.now() - started);
  console.log(
    `This hour's TRENDING snapshot computed in ${snapshotMs} ms (${await db.prisma.trendingPostScore.count({ where: { hour: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000) } })} posts)`,
  );
  const counts: Record<string, number> = {};
  for (const s of scenarios) {
    const call = () =>
      server.yoga.fetch("http://bench/graphql", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-shoppable-key": key,
          ...(s.user ? { "x-shoppable-user": token } : {}),
        },
        body: JSON.stringify({ query: PAGE, variables: s.variables }),
      });
    await (await call()).json(); // warm the auth caches
    recording = [];
    const body = (await (await call()).json()) as { data?: { feed: { edges: unknown[] } }; errors?: unknown };
    if (body.errors || !body.data) throw new Error(`${s.name}: ${JSON.stringify(body.errors)}`);
    counts[s.name] = recording.length;
    recording = null;
  }
  await server.close(1000);
  await db.close();
  return counts;
}

function startApi(databaseUrl: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, "api-child.ts"), [], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: "10",
        PORT: "0",
        SHOPPABLE_JWT_SECRET: JWT_SECRET,
      },
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`api-child.ts exited with ${code}`)));
    child.on("message", (m: { ready?: number }) => m.ready && resolve({ child, port: m.ready }));
  });
}

const databaseUrl = await seededDatabase(dbName, "bench");
const { reader, hashtag } = await bringClockForward(databaseUrl);
const keyDb = await openDatabase({ databaseUrl });
const { key } = await createApiKey(keyDb.prisma, { kind: "PUBLISHABLE", name: "bench feed" });
await keyDb.close();
const token = await signUserToken(JWT_SECRET, { externalId: reader.externalId, roles: ["BUYER"] });

const { child, port } = await startApi(databaseUrl);
const url = `http://127.0.0.1:${port}/graphql`;
const headersFor = (user: boolean) => ({
  "content-type": "application/json",
  "x-shoppable-key": key,
  ...(user ? { "x-shoppable-user": token } : {}),
});

// The third page of TRENDING: a cursor from the second.
let after: string | undefined;
for (let i = 0; i < 2; i++) {
  const res = await fetch(url, {
    method: "POST",
    headers: headersFor(false),
    body: JSON.stringify({ query: PAGE, variables: { kind: "TRENDING", after } }),
  });
  after = ((await res.json()) as { data: { feed: { pageInfo: { endCursor: string } } } }).data.feed.pageInfo
    .endCursor;
}
const scenarios: Scenario[] = [
  { name: "TRENDING", variables: { kind: "TRENDING" }, user: false },
  { name: "TRENDING page 3", variables: { kind: "TRENDING", after }, user: false },
  { name: "FOR_YOU (personalised)", variables: { kind: "FOR_YOU" }, user: true },
  { name: "FOLLOWING", variables: { kind: "FOLLOWING" }, user: true },
  { name: "HASHTAG", variables: { kind: "HASHTAG", hashtag }, user: false },
];
const statements = await statementsPerPage(databaseUrl, key, token, scenarios);

console.log(`\nFeed pages of 20 posts, 10 connections, ${seconds} s after a 2 s warm-up:`);
const results = [];
for (const s of scenarios) {
  const request = {
    method: "POST" as const,
    headers: headersFor(s.user),
    body: JSON.stringify({ query: PAGE, variables: s.variables }),
  };
  const check = (await (await fetch(url, request)).json()) as {
    data?: { feed: { kind: string; personalized: boolean; edges: unknown[] } };
    errors?: unknown;
  };
  if (check.errors || !check.data)
    throw new Error(`${s.name} answered ${JSON.stringify(check).slice(0, 300)}`);
  await autocannon({ url, connections: 10, duration: 2, ...request });
  const r = await autocannon({ url, connections: 10, duration: seconds, ...request });
  const row = {
    name: s.name,
    served: `${check.data.feed.kind}${check.data.feed.personalized ? " personalised" : ""}`,
    posts: check.data.feed.edges.length,
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.non2xx + r.timeouts,
    statementsPerPage: statements[s.name],
  };
  results.push(row);
  console.log(
    `  ${row.name}: ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.errors} errors, ${row.statementsPerPage} statements, ${row.posts} posts (${row.served})`,
  );
}
child.removeAllListeners("exit");
child.kill("SIGTERM");

writeResult("feed", { date: new Date().toISOString(), seconds, hashtag, snapshotMs, results });
process.exit(0);
