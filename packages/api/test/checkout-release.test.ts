import { randomUUID } from "node:crypto";
import { PaymentProviderError, TestPaymentProvider, type PaymentProvider } from "@shoppable/schema";
import { releaseAbandonedCheckouts } from "@shoppable/schema/checkout/release.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, type Product } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";
import { MANUAL_JOBS } from "./jobs.ts";

/**
 * The test provider, with switches: "crash" the process right after a provider call succeeded
 * (the checkout request fails with a bug-like error, as a killed process would stop), or be
 * unreachable (every call fails with a retryable error).
 */
class SwitchableProvider implements PaymentProvider {
  readonly name = "test";
  crashAfter: "authorise" | "capture" | null = null;
  unreachable = false;
  constructor(readonly inner: TestPaymentProvider) {}
  private async call<T>(step: "authorise" | "capture" | "other", run: () => Promise<T>): Promise<T> {
    if (this.unreachable) throw new PaymentProviderError("TRANSIENT", "unreachable");
    const value = await run();
    if (this.crashAfter === step) {
      this.crashAfter = null;
      throw new Error(`simulated crash after ${step}`);
    }
    return value;
  }
  authorise: PaymentProvider["authorise"] = (r) => this.call("authorise", () => this.inner.authorise(r));
  capture: PaymentProvider["capture"] = (r) => this.call("capture", () => this.inner.capture(r));
  void: PaymentProvider["void"] = (r) => this.call("other", () => this.inner.void(r));
  refund: PaymentProvider["refund"] = (r) => this.call("other", () => this.inner.refund(r));
}

let api: TestApi;
let commerce: Commerce;
let provider: TestPaymentProvider;
let payments: SwitchableProvider;
let shops: { id: string; dbId: string }[];

beforeAll(async () => {
  provider = new TestPaymentProvider();
  payments = new SwitchableProvider(provider);
  api = await startTestApi({ ...MANUAL_JOBS, CHECKOUT_RELEASE_AFTER_MS: "0" }, { payments, jobs: {} });
  commerce = await Commerce.start(api);
  shops = [await commerce.shop("EUR"), await commerce.shop("EUR")];
});
afterAll(() => api?.close());

const email = { buyerIdentity: { email: "abandoned@example.test" } };

async function checkout(cartId: string, token: string, idempotencyKey: string) {
  return api.gql(CHECKOUT, { input: { cartId, idempotencyKey, payment: { token } } });
}

async function state(cartId: string, products: Product[]) {
  const orders = await api.db.prisma.order.findMany({
    where: { cartId: dbId(cartId) },
    include: { payments: true, redemptions: true },
    orderBy: { id: "asc" },
  });
  const cart = await api.db.prisma.cart.findUniqueOrThrow({ where: { id: dbId(cartId) } });
  const stock = await Promise.all(products.map((p) => commerce.stock(p.variants[0]!.dbId)));
  return { orders, cart, stock };
}

/** Every variant's stock is what its inventory log adds up to. */
async function expectStockMatchesLog(products: Product[]) {
  for (const p of products) {
    const variantId = p.variants[0]!.dbId;
    const log = await api.db.prisma.inventoryAdjustment.aggregate({
      where: { variantId },
      _sum: { delta: true },
    });
    expect(await commerce.stock(variantId)).toBe(log._sum.delta);
  }
}

/** A cart with one unit of a product of each shop given (stock 3 each). */
async function cartOf(shopCount: 1 | 2): Promise<{ cartId: string; products: Product[] }> {
  const products: Product[] = [];
  for (const shop of shops.slice(0, shopCount)) products.push(await commerce.product(shop.id, ["12.00"], 3));
  const cartId = await commerce.cart(
    products.map((p) => ({ variantId: p.variants[0]!.id, quantity: 1 })),
    {},
    email,
  );
  return { cartId, products };
}

const codes = (res: { userErrors: { code: string }[] }) => res.userErrors.map((e) => e.code);
const paymentStatuses = (orders: { payments: { status: string }[] }[]) =>
  orders.flatMap((o) => o.payments.map((p) => p.status));

describe("abandoned checkouts", () => {
  it("a PAYMENT_PENDING never retried is released by the scheduled job: authorisation voided, order CANCELLED, stock back in the log, cart ACTIVE; a late retry gets CHECKOUT_ABANDONED", async () => {
    const { cartId, products } = await cartOf(1);
    const key = randomUUID();
    const before = provider.charges().length;
    const pending = ok(await checkout(cartId, "tok_timeout", key)).checkoutComplete;
    expect(codes(pending)).toEqual(["PAYMENT_PENDING"]);
    expect((await state(cartId, products)).stock).toEqual([2]);
    // The authorisation went through at the provider; its answer was lost.
    expect(
      provider
        .charges()
        .slice(before)
        .map((c) => c.status),
    ).toEqual(["AUTHORIZED"]);

    expect(await api.jobs!.runNow("checkout-release")).toMatchObject({
      released: 1,
      completed: 0,
      deferred: 0,
    });

    const after = await state(cartId, products);
    expect(after.orders.map((o) => [o.status, o.cancelReason])).toEqual([
      ["CANCELLED", expect.stringContaining("abandoned")],
    ]);
    expect(paymentStatuses(after.orders)).toEqual(["VOIDED"]);
    expect(
      provider
        .charges()
        .slice(before)
        .map((c) => c.status),
    ).toEqual(["VOIDED"]);
    expect(after.stock).toEqual([3]);
    await expectStockMatchesLog(products);
    expect(after.cart.status).toBe("ACTIVE");

    const late = ok(await checkout(cartId, "tok_timeout", key)).checkoutComplete;
    expect(codes(late)).toEqual(["CHECKOUT_ABANDONED"]);
    // The cart was given back: it checks out with a new key.
    const again = ok(await checkout(cartId, "tok_success", randomUUID())).checkoutComplete;
    expect(again.userErrors).toEqual([]);
    expect(again.order.status).toBe("PAID");
    await expectStockMatchesLog(products);
  });

  it("cancels nothing while a payment's outcome cannot be learnt, and releases it on a later run", async () => {
    const { cartId, products } = await cartOf(2);
    const key = randomUUID();
    const before = provider.charges().length;
    expect(codes(ok(await checkout(cartId, "tok_timeout", key)).checkoutComplete)).toEqual([
      "PAYMENT_PENDING",
    ]);

    // Asked again, the provider still loses the second payment's first answers: the checkout waits.
    expect(await releaseAbandonedCheckouts(jobContext(), { releaseAfterMs: 0 })).toMatchObject({
      released: 0,
      deferred: 1,
    });
    let now = await state(cartId, products);
    expect(now.orders.map((o) => o.status)).toEqual(["PENDING", "PENDING"]);
    expect(now.stock).toEqual([2, 2]);
    expect(now.cart.status).toBe("CHECKING_OUT");

    payments.unreachable = true;
    expect(await releaseAbandonedCheckouts(jobContext(), { releaseAfterMs: 0 })).toMatchObject({
      released: 0,
      deferred: 1,
    });
    payments.unreachable = false;

    expect(await releaseAbandonedCheckouts(jobContext(), { releaseAfterMs: 0 })).toMatchObject({
      released: 1,
    });
    now = await state(cartId, products);
    expect(now.orders.map((o) => o.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(paymentStatuses(now.orders)).toEqual(["VOIDED", "VOIDED"]);
    expect(
      provider
        .charges()
        .slice(before)
        .map((c) => c.status),
    ).toEqual(["VOIDED", "VOIDED"]);
    expect(now.stock).toEqual([3, 3]);
    await expectStockMatchesLog(products);
  });

  it("finishes a checkout that stopped after every payment was authorised: captured once, PAID, and the retry replays it", async () => {
    const { cartId, products } = await cartOf(2);
    const key = randomUUID();
    const captured = provider.captured("EUR");
    payments.crashAfter = "capture";
    const crashed = await checkout(cartId, "tok_success", key);
    expect(crashed.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    let now = await state(cartId, products);
    expect(now.orders.map((o) => o.status)).toEqual(["PENDING", "PENDING"]);
    expect(paymentStatuses(now.orders)).toEqual(["AUTHORIZED", "AUTHORIZED"]);

    expect(await releaseAbandonedCheckouts(jobContext(), { releaseAfterMs: 0 })).toMatchObject({
      completed: 1,
      released: 0,
    });
    now = await state(cartId, products);
    expect(now.orders.map((o) => o.status)).toEqual(["PAID", "PAID"]);
    expect(paymentStatuses(now.orders)).toEqual(["CAPTURED", "CAPTURED"]);
    // The capture that happened before the crash was not repeated.
    expect(provider.captured("EUR") - captured).toBe(2400);
    expect(now.cart.status).toBe("COMPLETED");
    expect(now.stock).toEqual([2, 2]);
    await expectStockMatchesLog(products);
    const replay = ok(await checkout(cartId, "tok_success", key)).checkoutComplete;
    expect(replay.userErrors).toEqual([]);
    expect(replay.orders.map((o: { id: string; status: string }) => o.status)).toEqual(["PAID", "PAID"]);
  });

  it("voids an authorisation whose answer a crash lost", async () => {
    const { cartId, products } = await cartOf(1);
    const before = provider.charges().length;
    payments.crashAfter = "authorise";
    expect((await checkout(cartId, "tok_success", randomUUID())).errors?.[0]?.extensions?.code).toBe(
      "INTERNAL_SERVER_ERROR",
    );
    expect(paymentStatuses((await state(cartId, products)).orders)).toEqual(["PENDING"]);
    expect(
      provider
        .charges()
        .slice(before)
        .map((c) => c.status),
    ).toEqual(["AUTHORIZED"]);

    expect(await releaseAbandonedCheckouts(jobContext(), { releaseAfterMs: 0 })).toMatchObject({
      released: 1,
    });
    const after = await state(cartId, products);
    expect(paymentStatuses(after.orders)).toEqual(["VOIDED"]);
    // The same authorisation, found again by its key: no second one was made.
    expect(
      provider
        .charges()
        .slice(before)
        .map((c) => c.status),
    ).toEqual(["VOIDED"]);
    expect(after.stock).toEqual([3]);
    expect(after.cart.status).toBe("ACTIVE");
  });

  it("leaves checkouts alone while they are younger than the release time or their request holds the lease, and forgets what reserved nothing", async () => {
    const { cartId, products } = await cartOf(1);
    const key = randomUUID();
    expect(codes(ok(await checkout(cartId, "tok_timeout", key)).checkoutComplete)).toEqual([
      "PAYMENT_PENDING",
    ]);
    expect(await releaseAbandonedCheckouts(jobContext(), { releaseAfterMs: 3_600_000 })).toMatchObject({
      released: 0,
      deferred: 0,
      completed: 0,
    });

    const record = await api.db.prisma.idempotencyRecord.findFirstOrThrow({ where: { key } });
    await api.db.prisma.idempotencyRecord.updateMany({
      where: { key },
      data: { lockedUntil: new Date(Date.now() + 60_000), updatedAt: record.updatedAt },
    });
    expect(await releaseAbandonedCheckouts(jobContext(), { releaseAfterMs: 0 })).toMatchObject({
      released: 0,
      deferred: 0,
    });
    expect((await state(cartId, products)).orders.map((o) => o.status)).toEqual(["PENDING"]);

    // A request that stopped before RESERVE committed left a STARTED record and nothing else.
    const started = { scope: "checkout:test:anonymous", key: randomUUID() };
    await api.db.prisma.idempotencyRecord.create({
      data: { ...started, requestHash: "x", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(
      await releaseAbandonedCheckouts(jobContext(), {
        releaseAfterMs: 0,
        now: new Date(Date.now() + 120_000),
      }),
    ).toMatchObject({ forgotten: 1, released: 1 });
    expect(await api.db.prisma.idempotencyRecord.count({ where: started })).toBe(0);
    expect((await state(cartId, products)).orders.map((o) => o.status)).toEqual(["CANCELLED"]);
  });
});

/** What the scheduled job runs with. */
function jobContext() {
  return { db: api.db.prisma, events: api.server.events, jobs: api.jobs!, payments };
}
