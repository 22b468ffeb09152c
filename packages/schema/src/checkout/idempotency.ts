/**
 * Idempotency keys as Stripe defines them. A request with a key claims an IdempotencyRecord
 * (scope = the caller, key, fingerprint of the input):
 *   - a new key runs the request, holding a lease while it does;
 *   - the same key with the same input after completion replays the stored response;
 *   - the same key with different input is refused (IDEMPOTENCY_KEY_REUSED);
 *   - the same key while the first request still runs is refused as in progress;
 *   - a record left incomplete (a crash, or an unknown payment outcome) whose lease has lapsed
 *     is taken over by the retry, which resumes from its `recoveryPoint`.
 * Completed keys live 24 hours; after that the key is new again.
 */
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "@shoppable/db/client";
import { utc } from "../shared/sql.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/** How long a running request owns its key; longer than the slowest checkout (payment timeouts included). */
export const IDEMPOTENCY_LEASE_MS = 2 * 60 * 1000;

export interface IdempotencyRef {
  scope: string;
  key: string;
}

export type Claim =
  | { kind: "run"; recoveryPoint: string; resourceIds: string[] }
  | { kind: "replay"; response: unknown }
  | { kind: "mismatch" }
  | { kind: "busy" };

/** What orders store of the checkout that placed them (Order.checkoutKey): its scope and key. */
export function checkoutKeyOf(ref: IdempotencyRef): string {
  return `${ref.scope}:${ref.key}`;
}

/** A fingerprint of a request's input (stable JSON of `parts`). */
export function requestHash(parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

const lease = (now: Date) => new Date(now.getTime() + IDEMPOTENCY_LEASE_MS);

/** Claims `ref` for a request whose input has fingerprint `hash` (see the module comment). */
export async function claimIdempotencyKey(
  db: PrismaClient,
  ref: IdempotencyRef,
  hash: string,
  now = new Date(),
): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    // Raw: Prisma plans a createMany afresh on every call (its query plan cache skips them).
    const created = await db.$executeRaw`
      INSERT INTO "IdempotencyRecord" ("scope", "key", "requestHash", "recoveryPoint", "resourceIds", "lockedUntil", "createdAt", "updatedAt", "expiresAt")
      VALUES (${ref.scope}, ${ref.key}, ${hash}, 'STARTED', ARRAY[]::text[], ${utc(lease(now))}, ${utc(now)}, ${utc(now)}, ${utc(new Date(now.getTime() + IDEMPOTENCY_TTL_MS))})
      ON CONFLICT DO NOTHING`;
    if (created === 1) return { kind: "run", recoveryPoint: "STARTED", resourceIds: [] };
    const record = await db.idempotencyRecord.findUnique({ where: { scope_key: ref } });
    if (!record) continue;
    if (record.completedAt && record.expiresAt <= now) {
      await db.idempotencyRecord.deleteMany({
        where: { ...ref, completedAt: { not: null }, expiresAt: { lte: now } },
      });
      continue;
    }
    if (record.requestHash !== hash) return { kind: "mismatch" };
    if (record.completedAt) return { kind: "replay", response: record.response };
    const taken = await db.idempotencyRecord.updateMany({
      where: { ...ref, completedAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil: lease(now) },
    });
    if (taken.count === 1)
      return { kind: "run", recoveryPoint: record.recoveryPoint, resourceIds: record.resourceIds };
    const again = await db.idempotencyRecord.findUnique({
      where: { scope_key: ref },
      select: { completedAt: true, response: true },
    });
    return again?.completedAt ? { kind: "replay", response: again.response } : { kind: "busy" };
  }
  return { kind: "busy" };
}

/** Records a committed phase and what it wrote; renews the lease. */
export async function advanceIdempotencyKey(
  tx: Db,
  ref: IdempotencyRef,
  recoveryPoint: string,
  resourceIds: string[],
  now = new Date(),
): Promise<void> {
  await tx.idempotencyRecord.update({
    where: { scope_key: ref },
    data: { recoveryPoint, resourceIds, lockedUntil: lease(now) },
    select: { key: true },
  });
}

/** Stores the final response: from now on the key replays it. */
export async function completeIdempotencyKey(
  tx: Db,
  ref: IdempotencyRef,
  response: Prisma.InputJsonValue,
): Promise<void> {
  await tx.idempotencyRecord.update({
    where: { scope_key: ref },
    data: { response, completedAt: new Date(), recoveryPoint: "DONE", lockedUntil: null },
    select: { key: true },
  });
}

/** Forgets the key (the request changed nothing that needs remembering): the same key may run again. */
export async function releaseIdempotencyKey(db: Db, ref: IdempotencyRef): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { ...ref, completedAt: null } });
}

/** Ends the lease early (the request stopped without finishing) so a retry may resume at once. */
export async function unlockIdempotencyKey(db: Db, ref: IdempotencyRef): Promise<void> {
  await db.idempotencyRecord.updateMany({
    where: { ...ref, completedAt: null },
    data: { lockedUntil: null },
  });
}

/** Deletes completed records older than their 24 hours; for a periodic job. Returns how many. */
export async function purgeExpiredIdempotencyRecords(db: PrismaClient, now = new Date()): Promise<number> {
  return (
    await db.idempotencyRecord.deleteMany({ where: { completedAt: { not: null }, expiresAt: { lte: now } } })
  ).count;
}
