/** SQL fragments every domain's raw statements share. */
import { Prisma } from "../generated/prisma/client.ts";

/** A UTC instant as a `timestamp(3)` (Prisma's DateTime columns hold UTC wall time). */
export function utc(at: Date): Prisma.Sql {
  return Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
