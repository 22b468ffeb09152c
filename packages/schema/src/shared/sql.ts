/** SQL fragments every domain's raw statements share. */
import { Prisma } from "@shoppable/db/client";

/** A UTC instant as a `timestamp(3)` (Prisma's DateTime columns hold UTC wall time). */
export function utc(at: Date): Prisma.Sql {
  return Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
