/**
 * The hourly TRENDING snapshot (TrendingPostScore, TrendingSnapshot).
 *
 * TRENDING scores read only completed hours (ranking.ts), so for a ranking hour H they never
 * change: they are computed once, by ONE statement that claims H in TrendingSnapshot
 * (`INSERT … ON CONFLICT DO NOTHING`) and, only when it claimed it, inserts every candidate's
 * score and deletes the snapshots older than a day. Concurrent first requests of an hour wait
 * on the claimed key until the writer commits, then find the rows; a crash rolls the whole
 * statement back. No job is needed: the first ranked feed request of each hour (per process,
 * remembered in memory) runs it, and a cursor of an older hour recomputes that hour on demand.
 * A deployment that wants no request to pay for it can call `ensureTrendingSnapshot` from a
 * cron at minute 0.
 */
import type { Context } from "../context.ts";
import { Prisma } from "@shoppable/db/client";
import { utc } from "../shared/sql.ts";
import { DECAY, ENGAGEMENT_POINTS, rankingHour, TRENDING_WINDOW_HOURS } from "./ranking.ts";

const HOUR_MS = 3_600_000;
/** Snapshots kept; an older one is recomputed when a cursor needs it. */
const KEEP_HOURS = 24;
/** Hours remembered as computed by this process (older ones may have been pruned). */
const TRUSTED_HOURS = 12;

type Db = Context["db"];

const computed = new WeakMap<Db, Map<number, Promise<void>>>();

/**
 * SELECT "id", "score", "authorId", "shopId": the TRENDING score (ranking.ts) as of the
 * ranking hour `hour` of every candidate post, with its author and shop: PUBLIC, not deleted,
 * created before `hour`, with engagement in the window's completed hours (index on
 * PostEngagementHour.hour) or created in the window (index on Post.createdAt).
 */
export function trendingSql(hour: Date): Prisma.Sql {
  const from = new Date(hour.getTime() - TRENDING_WINDOW_HOURS * HOUR_MS);
  const p = ENGAGEMENT_POINTS;
  return Prisma.sql`
    SELECT c."postId" AS "id", sum(c."score")::bigint AS "score", p."authorId", p."shopId"
    FROM (
      SELECT h."postId",
             (h."views"::bigint * ${p.views}::int + h."likes" * ${p.likes}::int + h."shares" * ${p.shares}::int + h."purchases" * ${p.purchases}::int)
             * (${[...DECAY]}::int[])[(extract(epoch FROM (${utc(hour)} - h."hour")) / 3600)::int] AS "score"
      FROM "PostEngagementHour" h
      WHERE h."hour" >= ${utc(from)} AND h."hour" < ${utc(hour)}
      UNION ALL
      SELECT n."id", 0::bigint FROM "Post" n WHERE n."createdAt" >= ${utc(from)} AND n."createdAt" < ${utc(hour)}
    ) c
    JOIN "Post" p ON p."id" = c."postId"
    WHERE p."deletedAt" IS NULL AND p."hiddenAt" IS NULL AND p."visibility" = 'PUBLIC' AND p."createdAt" < ${utc(hour)}
    GROUP BY c."postId", p."authorId", p."shopId"`;
}

/**
 * The one statement that computes the snapshot of ranking hour `hour` unless it exists. Safe
 * to run concurrently (from any number of processes): exactly one run writes the rows.
 */
export async function computeTrendingSnapshot(db: Db, hour: Date): Promise<void> {
  const h = utc(hour);
  const expired = utc(new Date(hour.getTime() - KEEP_HOURS * HOUR_MS));
  await db.$executeRaw`
    WITH claimed AS (
      INSERT INTO "TrendingSnapshot" ("hour", "computedAt") VALUES (${h}, now()) ON CONFLICT DO NOTHING RETURNING "hour"
    ), expired_snapshots AS (
      DELETE FROM "TrendingSnapshot" WHERE "hour" < ${expired} AND EXISTS (SELECT 1 FROM claimed) RETURNING 1
    ), expired_scores AS (
      DELETE FROM "TrendingPostScore" WHERE "hour" < ${expired} AND EXISTS (SELECT 1 FROM claimed) RETURNING 1
    )
    INSERT INTO "TrendingPostScore" ("hour", "postId", "score", "authorId", "shopId")
    SELECT ${h}, t."id", t."score", t."authorId", t."shopId" FROM (${trendingSql(hour)}) t
    WHERE EXISTS (SELECT 1 FROM claimed)`;
}

/**
 * Makes sure the TRENDING snapshot of the ranking hour of `at` exists: computes it when no
 * one has (one statement), or does nothing (no statement when this process already knows it).
 */
export function ensureTrendingSnapshot(db: Db, at: Date): Promise<void> {
  const hour = rankingHour(at);
  let byHour = computed.get(db);
  if (!byHour) computed.set(db, (byHour = new Map()));
  const trusted = hour.getTime() >= rankingHour(new Date()).getTime() - TRUSTED_HOURS * HOUR_MS;
  const known = trusted ? byHour.get(hour.getTime()) : undefined;
  if (known) return known;
  const done = computeTrendingSnapshot(db, hour).catch((error: unknown) => {
    byHour.delete(hour.getTime());
    throw error;
  });
  if (trusted) {
    for (const key of byHour.keys()) if (key < hour.getTime() - TRUSTED_HOURS * HOUR_MS) byHour.delete(key);
    byHour.set(hour.getTime(), done);
  }
  return done;
}

/**
 * Recomputes the snapshot of the ranking hour of `at` from scratch (deleting it first). For
 * tests and operators: engagement recorded late for completed hours (a backfill) shows in
 * TRENDING only after this.
 */
export async function refreshTrendingSnapshot(db: Db, at = new Date()): Promise<void> {
  const hour = rankingHour(at);
  await db.$transaction([
    db.$executeRaw`DELETE FROM "TrendingSnapshot" WHERE "hour" = ${utc(hour)}`,
    db.$executeRaw`DELETE FROM "TrendingPostScore" WHERE "hour" = ${utc(hour)}`,
  ]);
  computed.get(db)?.delete(hour.getTime());
  await ensureTrendingSnapshot(db, hour);
}
