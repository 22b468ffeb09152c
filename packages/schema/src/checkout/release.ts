/**
 * Releasing abandoned checkouts. A checkout that stopped between its phases — its process
 * crashed, or the provider's answer was lost (PAYMENT_PENDING) and the client never retried —
 * still holds its cart (CHECKING_OUT), its stock, live caps and discount uses, and maybe an
 * authorisation on the buyer's card. `releaseAbandonedCheckouts` (a scheduled job) ends every
 * checkout whose idempotency record has been incomplete, with no activity, for `releaseAfterMs`:
 *
 * 1. It takes the record's lease (a conditional UPDATE), so a late retry of the same key waits
 *    (CHECKOUT_IN_PROGRESS) and no other run handles the checkout at the same time.
 * 2. Nothing reserved yet (the record never got past STARTED: RESERVE rolled back): the record
 *    is forgotten, and the key may run again.
 * 3. Every payment authorised (the crash or timeout came in the capture phase): the buyer's
 *    payment went through, so the checkout finishes as a retry would — captures with the same
 *    provider keys (never twice), then COMMIT; the key replays the orders.
 * 4. Otherwise it gives everything back: each payment whose authorisation answer was lost is
 *    asked again with the same provider key and the stored token (an idempotent provider
 *    answers as the first time, and moves no money again), authorisations are voided and
 *    captures refunded; then, in one transaction, stock (with its InventoryAdjustments), live
 *    caps and discount uses come back, the orders become CANCELLED (`cancelReason`), the cart
 *    is ACTIVE again, and the record stores CHECKOUT_ABANDONED for any late retry.
 *
 * While the provider cannot be reached, a checkout is left as it is (lease released) and the
 * next run tries again: nothing is cancelled while money may still be held.
 */
import type { ServiceContext } from "../context.ts";
import { checkoutError } from "./errors.ts";
import {
  completeIdempotencyKey,
  IDEMPOTENCY_LEASE_MS,
  releaseIdempotencyKey,
  type IdempotencyRef,
} from "./idempotency.ts";
import { callProvider } from "./payment.ts";
import {
  commit,
  pay,
  PAYMENT_ROW_SELECT,
  paymentProviderOf,
  release,
  setPayment,
  unwind,
  type CheckoutResult,
  type PaymentRow,
} from "./service.ts";

/** The default for CHECKOUT_RELEASE_AFTER_MS: an incomplete checkout idle this long is released. */
export const CHECKOUT_RELEASE_AFTER_MS = 15 * 60_000;
/** Checkouts looked at per run (the next run takes the rest). */
const BATCH = 100;
/** What a released order's `cancelReason` says. */
export const ABANDONED_REASON = "checkout abandoned: released before payment completed";

export interface ReleaseOptions {
  /** Release checkouts idle (no phase, no retry) for this long. */
  releaseAfterMs: number;
  now?: Date;
}

export interface ReleaseReport {
  /** Checkouts given back (orders CANCELLED, stock returned). */
  released: number;
  /** Checkouts whose payments were all authorised: finished (orders PAID). */
  completed: number;
  /** Records that had reserved nothing: forgotten. */
  forgotten: number;
  /** Checkouts left for the next run (the provider could not settle a payment). */
  deferred: number;
}

/** Releases (or finishes) every abandoned checkout; see the module comment. Safe to run concurrently. */
export async function releaseAbandonedCheckouts(
  ctx: ServiceContext,
  options: ReleaseOptions,
): Promise<ReleaseReport> {
  const now = options.now ?? new Date();
  const idleSince = new Date(now.getTime() - options.releaseAfterMs);
  const report: ReleaseReport = { released: 0, completed: 0, forgotten: 0, deferred: 0 };
  const candidates = await ctx.db.idempotencyRecord.findMany({
    where: {
      scope: { startsWith: "checkout:" },
      completedAt: null,
      updatedAt: { lte: idleSince },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    select: { scope: true, key: true, recoveryPoint: true, resourceIds: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
  });
  for (const record of candidates) {
    const ref: IdempotencyRef = { scope: record.scope, key: record.key };
    // The lease, without counting as activity (updatedAt kept): a checkout deferred now is looked at again next run.
    const taken = await ctx.db.idempotencyRecord.updateMany({
      where: {
        ...ref,
        completedAt: null,
        updatedAt: record.updatedAt,
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      data: { lockedUntil: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS), updatedAt: record.updatedAt },
    });
    if (taken.count === 0) continue;
    try {
      const outcome =
        record.recoveryPoint === "STARTED" || record.resourceIds.length === 0
          ? await forget(ctx, ref)
          : await settle(ctx, ref, record.resourceIds);
      report[outcome]++;
      if (outcome === "deferred") await unlockKeepingActivity(ctx, ref, record.updatedAt);
    } catch (error) {
      await unlockKeepingActivity(ctx, ref, record.updatedAt).catch(() => undefined);
      throw error;
    }
  }
  return report;
}

async function unlockKeepingActivity(
  ctx: ServiceContext,
  ref: IdempotencyRef,
  updatedAt: Date,
): Promise<void> {
  await ctx.db.idempotencyRecord.updateMany({
    where: { ...ref, completedAt: null },
    data: { lockedUntil: null, updatedAt },
  });
}

/** Forgets a record that reserved nothing: the key may run again. */
async function forget(ctx: ServiceContext, ref: IdempotencyRef): Promise<"forgotten"> {
  await releaseIdempotencyKey(ctx.db, ref);
  return "forgotten";
}

async function settle(
  ctx: ServiceContext,
  ref: IdempotencyRef,
  orderIds: string[],
): Promise<keyof ReleaseReport> {
  const orders = await ctx.db.order.findMany({
    where: { id: { in: orderIds } },
    select: { id: true, cartId: true, status: true },
  });
  const cartId = orders.find((o) => o.cartId !== null)?.cartId;
  const payments: PaymentRow[] = await ctx.db.payment.findMany({
    where: { orderId: { in: orderIds } },
    orderBy: { id: "asc" },
    select: PAYMENT_ROW_SELECT,
  });
  if (!cartId || !orders.some((o) => o.status === "PENDING")) {
    // Nothing left to settle (COMMIT and the decline path settle the record in their own
    // transaction, so this is a record whose orders went another way): forget it.
    return forget(ctx, ref);
  }
  if (payments.every((p) => p.status === "AUTHORIZED" || p.status === "CAPTURED")) {
    // The buyer's payment was authorised in full (or nothing was to be paid): finish as a retry would.
    const outcome = await pay(ctx, orderIds, "", payments);
    if (outcome.kind === "PAID") {
      await commit(ctx, cartId, orderIds, ref);
      return "completed";
    }
    if (outcome.kind === "PENDING") return "deferred";
    // A capture failed: `pay` unwound the other payments; give the rest back below.
  } else if (!(await learnLostAuthorisations(ctx, payments))) {
    return "deferred";
  }
  const provider = paymentProviderOf(ctx);
  await unwind(ctx, provider, payments);
  // Nothing is cancelled while money may still be held (a void or refund the provider did not confirm).
  if (payments.some((p) => p.status === "AUTHORIZED" || p.status === "CAPTURED" || p.status === "PENDING"))
    return "deferred";
  const result: CheckoutResult = {
    orderIds: [],
    userErrors: [
      checkoutError(
        "CHECKOUT_ABANDONED",
        "This checkout stopped before it finished and was released: nothing was charged, the stock and the cart were given back. Check out again with a new idempotency key.",
        ["idempotencyKey"],
      ),
    ],
  };
  await release(
    ctx,
    cartId,
    orderIds,
    (tx) => completeIdempotencyKey(tx, ref, result as never),
    ABANDONED_REASON,
  );
  return "released";
}

/**
 * For each PENDING payment (its authorisation's answer was lost, or never asked): asks the
 * provider again with the same key and token, and records the answer. False when the provider
 * could not answer for one of them.
 */
async function learnLostAuthorisations(ctx: ServiceContext, payments: PaymentRow[]): Promise<boolean> {
  const provider = paymentProviderOf(ctx);
  for (const p of payments) {
    if (p.status !== "PENDING") continue;
    if (p.token === null) {
      // Written before tokens were stored: no authorisation can be asked about; the provider's own expiry releases any.
      await setPayment(ctx, p, { status: "FAILED", failureMessage: "checkout abandoned before payment" });
      continue;
    }
    const token = p.token;
    const result = await callProvider(provider, () =>
      provider.authorise({
        amount: p.amount,
        currencyCode: p.currencyCode,
        token,
        idempotencyKey: p.idempotencyKey,
      }),
    );
    if (!result.ok) return false;
    if (result.value.status === "DECLINED")
      await setPayment(ctx, p, { status: "DECLINED", failureMessage: result.value.reason });
    else await setPayment(ctx, p, { status: "AUTHORIZED", providerRef: result.value.reference });
  }
  return true;
}
