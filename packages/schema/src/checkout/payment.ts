/**
 * Payments: the interface a payment provider implements, and the built-in test provider.
 *
 * A provider authorises an amount against a payment token, captures it, voids an uncaptured
 * authorisation and refunds captured money. Every call carries an idempotency key: asked
 * again with the same key, the provider must answer as the first time and move no money
 * again (Stripe, Adyen and Braintree all work this way). Checkout relies on it to retry after
 * a timeout or a crash without charging twice.
 *
 * Expected refusals (a declined card) are results. A call that failed and can be retried
 * throws `PaymentProviderError` with kind TRANSIENT (nothing happened) or TIMEOUT (the
 * outcome is unknown: it may have happened). Any other exception is a bug.
 */
import { randomUUID } from "node:crypto";

export type AuthoriseResult =
  | { status: "AUTHORIZED"; reference: string }
  | { status: "DECLINED"; reason: string };
export type CaptureResult = { status: "CAPTURED" } | { status: "FAILED"; reason: string };
export type RefundResult = { status: "REFUNDED"; reference: string } | { status: "FAILED"; reason: string };

export interface PaymentProvider {
  /** Stored on payments, such as "test" or "stripe". */
  readonly name: string;
  /** How long one call may take before checkout treats it as timed out; default 15 000 ms. */
  readonly timeoutMs?: number;
  /** Reserves `amount` (minor units) on the buyer's payment method named by `token`. */
  authorise(request: {
    amount: number;
    currencyCode: string;
    token: string;
    idempotencyKey: string;
  }): Promise<AuthoriseResult>;
  /** Takes the authorised money. */
  capture(request: { reference: string; amount: number; idempotencyKey: string }): Promise<CaptureResult>;
  /** Releases an authorisation that will not be captured. */
  void(request: { reference: string; idempotencyKey: string }): Promise<void>;
  /** Gives captured money back, in part or in full. */
  refund(request: { reference: string; amount: number; idempotencyKey: string }): Promise<RefundResult>;
}

export class PaymentProviderError extends Error {
  constructor(
    readonly kind: "TRANSIENT" | "TIMEOUT",
    message: string,
  ) {
    super(message);
    this.name = "PaymentProviderError";
  }
}

/** Attempts per provider call within one request (then checkout answers, and a retry resumes). */
export const PROVIDER_ATTEMPTS = 2;

/**
 * Calls the provider up to PROVIDER_ATTEMPTS times, with the same idempotency key each time,
 * while it fails with a PaymentProviderError; each attempt is bounded by the provider's
 * timeout. Returns the result, or the kind of the last failure (TIMEOUT when any attempt timed
 * out: the call may then have taken effect). Other exceptions propagate.
 */
export async function callProvider<T>(
  provider: PaymentProvider,
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: "TRANSIENT" | "TIMEOUT" }> {
  let timedOut = false;
  for (let attempt = 1; attempt <= PROVIDER_ATTEMPTS; attempt++) {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new PaymentProviderError("TIMEOUT", "The payment provider did not answer in time.")),
          provider.timeoutMs ?? 15_000,
        );
      });
      return { ok: true, value: await Promise.race([call(), timeout]) };
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      if (error.kind === "TIMEOUT") timedOut = true;
      if (attempt < PROVIDER_ATTEMPTS) await new Promise((r) => setTimeout(r, 20 * attempt));
    } finally {
      clearTimeout(timer);
    }
  }
  return { ok: false, error: timedOut ? "TIMEOUT" : "TRANSIENT" };
}

// ───────────── the test provider ─────────────

/** The test provider's payment tokens and what each does. */
export const TEST_PAYMENT_TOKENS = {
  tok_success: "Authorises and captures.",
  tok_declined: "Declined at authorisation (card_declined): nothing is charged.",
  tok_transient:
    "The first authorisation attempt per idempotency key fails with a retryable error; the retry succeeds.",
  tok_unavailable: "Every authorisation attempt fails with a retryable error: nothing is ever charged.",
  tok_timeout:
    "The authorisation goes through, but the provider's first two answers per idempotency key are lost (they time out); asking again with the same key returns it.",
  tok_refund_declined: "Authorises and captures; every refund is refused.",
} as const;

export interface TestCharge {
  reference: string;
  token: string;
  amount: number;
  currencyCode: string;
  status: "AUTHORIZED" | "CAPTURED" | "VOIDED";
  refunded: number;
}

/**
 * An in-memory provider for development and tests, driven by TEST_PAYMENT_TOKENS (other
 * tokens are declined). It keeps every result by idempotency key, as a real provider does,
 * and lets tests look at what it was asked (`calls`) and what money moved (`charges`).
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = "test";
  readonly calls = { authorise: 0, capture: 0, void: 0, refund: 0 };
  private readonly byReference = new Map<string, TestCharge>();
  private readonly results = new Map<string, unknown>();
  private readonly attempts = new Map<string, number>();

  constructor(readonly timeoutMs = 15_000) {}

  /** Every authorisation, in order, with what happened to it since. */
  charges(): TestCharge[] {
    return [...this.byReference.values()].map((c) => ({ ...c }));
  }

  /** Money taken: captured minus refunded, per currency. */
  captured(currencyCode: string): number {
    return this.charges()
      .filter((c) => c.currencyCode === currencyCode && c.status === "CAPTURED")
      .reduce((sum, c) => sum + c.amount - c.refunded, 0);
  }

  private once<T>(key: string, run: () => T): T {
    if (!this.results.has(key)) this.results.set(key, run());
    return this.results.get(key) as T;
  }

  private attempt(key: string): number {
    const n = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, n);
    return n;
  }

  async authorise(request: {
    amount: number;
    currencyCode: string;
    token: string;
    idempotencyKey: string;
  }): Promise<AuthoriseResult> {
    this.calls.authorise++;
    const key = `authorise:${request.idempotencyKey}`;
    const attempt = this.attempt(key);
    if (request.token === "tok_unavailable" || (request.token === "tok_transient" && attempt === 1)) {
      throw new PaymentProviderError("TRANSIENT", "The test provider is unavailable (retryable).");
    }
    const result = this.once<AuthoriseResult>(key, () => {
      if (!(request.token in TEST_PAYMENT_TOKENS) || request.token === "tok_declined")
        return { status: "DECLINED", reason: "card_declined" };
      const reference = `test_${randomUUID()}`;
      this.byReference.set(reference, {
        reference,
        token: request.token,
        amount: request.amount,
        currencyCode: request.currencyCode,
        status: "AUTHORIZED",
        refunded: 0,
      });
      return { status: "AUTHORIZED", reference };
    });
    if (request.token === "tok_timeout" && attempt <= 2)
      throw new PaymentProviderError("TIMEOUT", "The test provider's answer was lost.");
    return result;
  }

  async capture(request: {
    reference: string;
    amount: number;
    idempotencyKey: string;
  }): Promise<CaptureResult> {
    this.calls.capture++;
    return this.once<CaptureResult>(`capture:${request.idempotencyKey}`, () => {
      const charge = this.byReference.get(request.reference);
      if (!charge || charge.status !== "AUTHORIZED") return { status: "FAILED", reason: "not_authorized" };
      if (request.amount > charge.amount) return { status: "FAILED", reason: "amount_too_large" };
      charge.status = "CAPTURED";
      charge.amount = request.amount;
      return { status: "CAPTURED" };
    });
  }

  async void(request: { reference: string; idempotencyKey: string }): Promise<void> {
    this.calls.void++;
    this.once(`void:${request.idempotencyKey}`, () => {
      const charge = this.byReference.get(request.reference);
      if (charge?.status === "AUTHORIZED") charge.status = "VOIDED";
      return true;
    });
  }

  async refund(request: {
    reference: string;
    amount: number;
    idempotencyKey: string;
  }): Promise<RefundResult> {
    this.calls.refund++;
    return this.once<RefundResult>(`refund:${request.idempotencyKey}`, () => {
      const charge = this.byReference.get(request.reference);
      if (!charge || charge.status !== "CAPTURED") return { status: "FAILED", reason: "not_captured" };
      if (charge.token === "tok_refund_declined") return { status: "FAILED", reason: "refund_declined" };
      if (charge.refunded + request.amount > charge.amount)
        return { status: "FAILED", reason: "amount_exceeds_charge" };
      charge.refunded += request.amount;
      return { status: "REFUNDED", reference: `test_refund_${randomUUID()}` };
    });
  }
}

/** The provider used when the context brings none: one test provider per process. */
export const defaultPaymentProvider: PaymentProvider = new TestPaymentProvider();
