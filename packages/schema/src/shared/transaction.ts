/**
 * Transactions of the domain services: the options for waiting on hot rows, and `Rollback`,
 * which ends a transaction with typed userErrors instead of an error.
 */
import type { Context } from "../context.ts";
import type { Prisma } from "@shoppable/db/client";
import { transaction } from "./events.ts";
import { failed, type PayloadShape } from "./payload.ts";

/** Interactive transaction options: checkouts queue for hot rows, so allow waiting. */
export const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

/** Thrown inside a transaction to roll it back and answer with userErrors instead. */
export class Rollback<E> extends Error {
  constructor(readonly errors: E[]) {
    super("rolled back");
  }
}

/**
 * Runs `fn` in a transaction; a `Rollback` thrown inside becomes a failed payload. Events
 * queued inside (`queueEvent`) are published only when it commits.
 */
export async function inTransaction(
  ctx: Context,
  fn: (tx: Prisma.TransactionClient) => Promise<PayloadShape>,
): Promise<PayloadShape> {
  try {
    return await transaction(ctx, fn, TX_OPTIONS);
  } catch (error) {
    if (error instanceof Rollback) return failed(error.errors);
    throw error;
  }
}
