import { randomUUID } from "node:crypto";
import { TestPaymentProvider, type PaymentProvider } from "@shoppable/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CART_QUERY, CHECKOUT, Commerce, dbId, gid } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

/** The test provider, with a switch that makes the process "crash" right after a provider call succeeded. */
class CrashingProvider implements PaymentProvider {
  readonly name = "test";
  crashAfter: "authorise" | "capture" | null = null;
  constructor(readonly inner: TestPaymentProvider) {}
  private crash<T>(step: "authorise" | "capture", value: T): T {
    if (this.crashAfter !== step) return value;
    this.crashAfter = null;
    throw new Error(`simulated crash after ${step}`);
  }
  authorise: PaymentProvider["authorise"] = async (r) =>
    this.crash("authorise", await this.inner.authorise(r));
  capture: PaymentProvider["capture"] = async (r) => this.crash("capture", await this.inner.capture(r));
  void: PaymentProvider["void"] = (r) => this.inner.void(r);
  refund: PaymentProvider["refund"] = (r) => this.inner.refund(r);
}

let api: TestApi;
let shop: Commerce;
let provider: TestPaymentProvider;
let payments: CrashingProvider;
let shopA: { id: string; dbId: string };
let shopB: { id: string; dbId: string };
let buyer: string;

beforeAll(async () => {
  provider = new TestPaymentProvider();
  payments = new CrashingProvider(provider);
  api = await startTestApi({}, { payments });
  shop = await Commerce.start(api);
  shopA = await shop.shop("EUR");
  shopB = await shop.shop("EUR");
  buyer = await api.token("buyer-checkout", ["BUYER"]);
});
afterAll(() => api?.close());

const email = { buyerIdentity: { email: "buyer@example.test" } };

async function checkout(
  cartId: string,
  token = "tok_success",
  idempotencyKey: string = randomUUID(),
  as = {},
) {
  return ok(await api.gql(CHECKOUT, { input: { cartId, idempotencyKey, payment: { token } } }, as))
    .checkoutComplete;
}

async function ordersOf(cartId: string) {
  return api.db.prisma.order.findMany({
    where: { cartId: dbId(cartId) },
    include: { lines: true, payments: true, redemptions: true },
  });
}

async function cartStatus(cartId: string) {
  return (await api.db.prisma.cart.findUniqueOrThrow({ where: { id: dbId(cartId) } })).status;
}

describe("checkoutComplete", () => {
  it("turns a cart into a PAID order with a price snapshot, takes the stock and charges the total once", async () => {
    const tee = await shop.product(shopA.id, ["19.50", "21.00"], 10, "Tee");
    const cartId = await shop.cart(
      [
        { variantId: tee.variants[0]!.id, quantity: 2 },
        { variantId: tee.variants[1]!.id, quantity: 1 },
      ],
      { user: buyer },
    );
    const charged = provider.captured("EUR");
    const res = await checkout(cartId, "tok_success", randomUUID(), { user: buyer });
    expect(res.userErrors).toEqual([]);
    expect(res.order).toMatchObject({ status: "PAID", total: { amount: "60.00", currencyCode: "EUR" } });
    expect(res.orders).toHaveLength(1);

    const [order] = await ordersOf(cartId);
    expect(order).toMatchObject({
      status: "PAID",
      subtotal: 6000,
      discountTotal: 0,
      total: 6000,
      currencyCode: "EUR",
      shopId: shopA.dbId,
      email: null,
    });
    expect(order!.paidAt).not.toBeNull();
    expect(
      order!.lines.map((l) => [l.productTitle, l.variantTitle, l.unitPrice, l.quantity, l.total]).sort(),
    ).toEqual([
      ["Tee", "S0", 1950, 2, 3900],
      ["Tee", "S1", 2100, 1, 2100],
    ]);
    expect(order!.payments).toMatchObject([{ status: "CAPTURED", amount: 6000, provider: "test" }]);
    expect(provider.captured("EUR") - charged).toBe(6000);
    expect(await shop.stock(tee.variants[0]!.dbId)).toBe(8);
    expect(await shop.stock(tee.variants[1]!.dbId)).toBe(9);
    expect(await shop.totalInventory(tee.dbId)).toBe(17);
    expect(
      await api.db.prisma.inventoryAdjustment.count({ where: { orderId: order!.id, reason: "checkout" } }),
    ).toBe(2);
    expect(await cartStatus(cartId)).toBe("COMPLETED");

    // The buyer reads it through viewer.orders and the cart; the order stays a snapshot when the product changes.
    await api.gql(
      `mutation($input: ProductUpdateInput!) { productUpdate(input: $input) { userErrors { code } } }`,
      { input: { id: tee.id, title: "Tee v2", variants: [{ id: tee.variants[0]!.id, price: "99.00" }] } },
      shop.asMerchant,
    );
    const viewer = ok(
      await api.gql(
        `{ viewer { orders(first: 5) { edges { node { id lines { productTitle unitPrice { amount } } } } } } }`,
        {},
        { user: buyer },
      ),
    );
    expect(viewer.viewer.orders.edges[0].node.id).toBe(res.order.id);
    expect(
      viewer.viewer.orders.edges[0].node.lines.map((l: any) => [l.productTitle, l.unitPrice.amount]).sort(),
    ).toEqual([
      ["Tee", "19.50"],
      ["Tee", "21.00"],
    ]);
    const cart = ok(
      await api.gql(
        `query($id: ID!) { cart(id: $id) { status orders { id } } }`,
        { id: cartId },
        { user: buyer },
      ),
    ).cart;
    expect(cart).toEqual({ status: "COMPLETED", orders: [{ id: res.order.id }] });
  });

  it("checks a cart of two shops out into one order per shop, each paid on its own", async () => {
    const a = await shop.product(shopA.id, ["10.00"], 5);
    const b = await shop.product(shopB.id, ["4.00"], 5);
    const cartId = await shop.cart(
      [{ variantId: a.variants[0]!.id }, { variantId: b.variants[0]!.id, quantity: 2 }],
      {},
      email,
    );
    const res = await checkout(cartId);
    expect(res.userErrors).toEqual([]);
    expect(res.orders.map((o: any) => [o.shop.id, o.total.amount, o.status]).sort()).toEqual(
      [
        [shopA.id, "10.00", "PAID"],
        [shopB.id, "8.00", "PAID"],
      ].sort(),
    );
    const rows = await ordersOf(cartId);
    expect(rows.map((o) => o.payments.length)).toEqual([1, 1]);
    expect(rows.every((o) => o.email === "buyer@example.test" && o.buyerId === null)).toBe(true);
    // The anonymous buyer reads the orders through the cart (its id is the secret), not by order id.
    expect(
      ok(await api.gql(`query($id: ID!) { cart(id: $id) { orders { id } } }`, { id: cartId })).cart.orders,
    ).toHaveLength(2);
    expect(
      ok(await api.gql(`query($id: ID!) { order(id: $id) { id } }`, { id: res.orders[0].id })).order,
    ).toBeNull();
  });

  it("copies attribution unchanged to the order lines and counts the purchase through the post", async () => {
    const p = await shop.product(shopA.id, ["5.00"], 10);
    const { postId, tagId, postDbId, tagDbId } = await shop.postWithTag(p.dbId);
    const link = await shop.affiliateLink(shopA.dbId, `CHK-${randomUUID().slice(0, 8)}`);
    const code = (await api.db.prisma.affiliateLink.findUniqueOrThrow({ where: { id: link.id } })).code;
    const cartId = await shop.cart(
      [
        {
          variantId: p.variants[0]!.id,
          quantity: 3,
          attribution: { postId, productTagId: tagId, affiliateCode: code },
        },
      ],
      {},
      email,
    );
    const res = await checkout(cartId);
    expect(res.userErrors).toEqual([]);
    const [order] = await ordersOf(cartId);
    expect(order!.lines[0]).toMatchObject({
      postId: postDbId,
      productTagId: tagDbId,
      affiliateLinkId: link.id,
      liveSessionId: null,
    });
    const read = ok(
      await api.gql(
        `query($id: ID!) { cart(id: $id) { orders { lines { attribution { postId productTagId affiliateCode liveSessionId } } } } }`,
        { id: cartId },
      ),
    );
    expect(read.cart.orders[0].lines[0].attribution).toEqual({
      postId,
      productTagId: tagId,
      affiliateCode: code,
      liveSessionId: null,
    });
    expect((await api.db.prisma.post.findUniqueOrThrow({ where: { id: postDbId } })).purchaseCount).toBe(3);
  });

  it("charges the live price while it holds and takes the units from the pin's cap; the regular price after the cap is used up", async () => {
    const p = await shop.product(shopB.id, ["8.00"], 10);
    const live = await shop.liveSession(p.dbId, 500, { quantityCap: 2 });
    const first = await shop.cart(
      [{ variantId: p.variants[0]!.id, quantity: 2, attribution: { liveSessionId: live.id } }],
      {},
      email,
    );
    const second = await shop.cart(
      [{ variantId: p.variants[0]!.id, quantity: 1, attribution: { liveSessionId: live.id } }],
      {},
      email,
    );
    expect((await checkout(first)).order.total.amount).toBe("10.00");
    expect(
      (await api.db.prisma.livePinnedProduct.findUniqueOrThrow({ where: { id: live.pinDbId } })).quantitySold,
    ).toBe(2);
    const [firstOrder] = await ordersOf(first);
    expect(firstOrder!.lines[0]).toMatchObject({
      unitPrice: 500,
      livePinId: live.pinDbId,
      liveSessionId: live.dbId,
    });
    expect(ok(await api.gql(CART_QUERY, { id: second })).cart.lines[0]).toMatchObject({
      livePriceApplied: false,
      cost: { unitPrice: { amount: "8.00" } },
    });
    expect((await checkout(second)).order.total.amount).toBe("8.00");
  });

  it("refuses empty carts, anonymous carts without email, other users' carts and malformed input, writing nothing", async () => {
    const p = await shop.product(shopA.id, ["1.00"], 5);
    expect((await checkout(await shop.cart([]))).userErrors.map((e: any) => e.code)).toEqual(["EMPTY_CART"]);
    const anonymous = await shop.cart([{ variantId: p.variants[0]!.id }]);
    expect((await checkout(anonymous)).userErrors.map((e: any) => e.code)).toEqual(["EMAIL_REQUIRED"]);
    const owned = await shop.cart([{ variantId: p.variants[0]!.id }], { user: buyer });
    const other = await api.token("someone-else", ["BUYER"]);
    const stolen = await api.gql(
      CHECKOUT,
      { input: { cartId: owned, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
      { user: other },
    );
    expect(stolen.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bad = await checkout("nope", "", "has spaces");
    expect(bad.userErrors.map((e: any) => [e.code, e.field.join(".")])).toEqual([
      ["INVALID_ID", "cartId"],
      ["INVALID", "idempotencyKey"],
      ["BLANK", "payment.token"],
    ]);
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(5);
    expect(await api.db.prisma.order.count({ where: { cartId: { in: [anonymous, owned].map(dbId) } } })).toBe(
      0,
    );
    expect(await cartStatus(anonymous)).toBe("ACTIVE");
  });

  it("refuses changes to a completed cart and a second checkout of it", async () => {
    const p = await shop.product(shopA.id, ["1.00"], 5);
    const cartId = await shop.cart([{ variantId: p.variants[0]!.id }], {}, email);
    expect((await checkout(cartId)).userErrors).toEqual([]);
    expect((await checkout(cartId)).userErrors.map((e: any) => e.code)).toEqual(["CART_COMPLETED"]);
    const add = ok(
      await api.gql(
        `mutation($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { userErrors { code } } }`,
        { input: { cartId, lines: [{ variantId: p.variants[0]!.id }] } },
      ),
    );
    expect(add.cartLinesAdd.userErrors).toEqual([{ code: "CART_COMPLETED" }]);
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(4);
  });
});

describe("inventory never oversells", () => {
  it("200 concurrent checkouts for the last 10 units: exactly 10 orders, stock 0, 190 OUT_OF_STOCK with quantityAvailable", async () => {
    const hot = await shop.product(shopA.id, ["25.00"], 10, "Hot");
    const carts: string[] = [];
    for (let i = 0; i < 200; i += 20) {
      carts.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, () => shop.cart([{ variantId: hot.variants[0]!.id }], {}, email)),
        )),
      );
    }
    const charged = provider.captured("EUR");
    const results = await Promise.all(carts.map((cartId) => checkout(cartId)));
    const paid = results.filter((r) => r.userErrors.length === 0);
    const refused = results.filter((r) => r.userErrors.length > 0);
    expect(paid).toHaveLength(10);
    expect(paid.every((r) => r.order.status === "PAID")).toBe(true);
    expect(refused).toHaveLength(190);
    for (const r of refused) {
      expect(r.order).toBeNull();
      expect(r.userErrors).toEqual([
        expect.objectContaining({
          code: "OUT_OF_STOCK",
          quantityAvailable: 0,
          variantId: hot.variants[0]!.id,
        }),
      ]);
    }
    expect(await shop.stock(hot.variants[0]!.dbId)).toBe(0);
    expect(await shop.totalInventory(hot.dbId)).toBe(0);
    expect(
      await api.db.prisma.order.count({ where: { lines: { some: { variantId: hot.variants[0]!.dbId } } } }),
    ).toBe(10);
    expect(
      await api.db.prisma.cart.count({ where: { id: { in: carts.map(dbId) }, status: "COMPLETED" } }),
    ).toBe(10);
    expect(await api.db.prisma.cart.count({ where: { id: { in: carts.map(dbId) }, status: "ACTIVE" } })).toBe(
      190,
    );
    expect(provider.captured("EUR") - charged).toBe(10 * 2500);
  });

  it("two lines of one variant that together exceed the stock fail with OUT_OF_STOCK for their sum and take nothing", async () => {
    const p = await shop.product(shopA.id, ["3.00"], 10);
    const { postId } = await shop.postWithTag(p.dbId);
    const cartId = await shop.cart(
      [
        { variantId: p.variants[0]!.id, quantity: 3 },
        { variantId: p.variants[0]!.id, quantity: 3, attribution: { postId } },
      ],
      {},
      email,
    );
    const adjust = ok(
      await api.gql(
        `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`,
        { input: { variantId: p.variants[0]!.id, delta: -5 } },
        shop.asMerchant,
      ),
    );
    expect(adjust.inventoryAdjust.userErrors).toEqual([]);
    const res = await checkout(cartId);
    expect(res.userErrors).toEqual([
      expect.objectContaining({
        code: "OUT_OF_STOCK",
        quantityAvailable: 5,
        variantId: p.variants[0]!.id,
        message: expect.stringContaining("asks for 6"),
      }),
    ]);
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(5);
    expect(await shop.totalInventory(p.dbId)).toBe(5);
    expect(await ordersOf(cartId)).toEqual([]);
    expect(await cartStatus(cartId)).toBe("ACTIVE");
  });
});

describe("discount codes at checkout", () => {
  it("holds a code's usage limit exactly under concurrent checkouts", async () => {
    const p = await shop.product(shopB.id, ["10.00"], 100);
    await shop.discountCode(shopB.id, { code: "FIRST3", kind: "PERCENTAGE", value: "20", usageLimit: 3 });
    const carts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        shop.cart(
          [{ variantId: p.variants[0]!.id }],
          {},
          { buyerIdentity: { email: `b${i}@example.test` }, discountCodes: ["first3"] },
        ),
      ),
    );
    const results = await Promise.all(carts.map((c) => checkout(c)));
    const paid = results.filter((r) => r.userErrors.length === 0);
    expect(paid).toHaveLength(3);
    expect(paid.every((r) => r.order.total.amount === "8.00")).toBe(true);
    for (const r of results.filter((r) => r.userErrors.length)) {
      expect(r.userErrors).toEqual([
        expect.objectContaining({
          code: "DISCOUNT_CODE_NOT_APPLICABLE",
          message: expect.stringContaining("FIRST3"),
        }),
      ]);
    }
    const code = await api.db.prisma.discountCode.findFirstOrThrow({
      where: { code: "FIRST3" },
      include: { redemptions: true },
    });
    expect(code.usageCount).toBe(3);
    expect(code.redemptions).toHaveLength(3);
  });

  it("holds a per-buyer limit across the buyer's concurrent checkouts, and gives the use back when the payment is declined", async () => {
    const p = await shop.product(shopB.id, ["10.00"], 100);
    await shop.discountCode(shopB.id, {
      code: "ONCE",
      kind: "FIXED_AMOUNT",
      value: "2.50",
      perBuyerLimit: 1,
    });
    const me = await api.token("buyer-once", ["BUYER"]);
    const declinedCart = await shop.cart(
      [{ variantId: p.variants[0]!.id }],
      { user: me },
      { discountCodes: ["ONCE"] },
    );
    expect(
      (await checkout(declinedCart, "tok_declined", randomUUID(), { user: me })).userErrors.map(
        (e: any) => e.code,
      ),
    ).toEqual(["PAYMENT_DECLINED"]);
    expect((await api.db.prisma.discountCode.findFirstOrThrow({ where: { code: "ONCE" } })).usageCount).toBe(
      0,
    );

    const carts = await Promise.all(
      [1, 2, 3].map(() =>
        shop.cart([{ variantId: p.variants[0]!.id }], { user: me }, { discountCodes: ["ONCE"] }),
      ),
    );
    const results = await Promise.all(
      carts.map((c) => checkout(c, "tok_success", randomUUID(), { user: me })),
    );
    expect(results.filter((r) => r.userErrors.length === 0).map((r) => r.order.total.amount)).toEqual([
      "7.50",
    ]);
    expect(results.flatMap((r) => r.userErrors.map((e: any) => e.code))).toEqual([
      "DISCOUNT_CODE_NOT_APPLICABLE",
      "DISCOUNT_CODE_NOT_APPLICABLE",
    ]);
    const code = await api.db.prisma.discountCode.findFirstOrThrow({
      where: { code: "ONCE" },
      include: { redemptions: true },
    });
    expect(code.usageCount).toBe(1);
    expect(code.redemptions.map((r) => r.buyerKey)).toEqual([expect.stringMatching(/^user:/)]);
  });
});

describe("payment failures", () => {
  it("a declined payment releases the stock, writes no order and leaves the cart ACTIVE", async () => {
    const p = await shop.product(shopA.id, ["7.00"], 3);
    const cartId = await shop.cart([{ variantId: p.variants[0]!.id, quantity: 2 }], {}, email);
    const key = randomUUID();
    const res = await checkout(cartId, "tok_declined", key);
    expect(res).toMatchObject({
      order: null,
      orders: [],
      userErrors: [{ code: "PAYMENT_DECLINED", field: ["payment"] }],
    });
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(3);
    expect(await shop.totalInventory(p.dbId)).toBe(3);
    expect(await ordersOf(cartId)).toEqual([]);
    expect(await cartStatus(cartId)).toBe("ACTIVE");
    expect(
      await api.db.prisma.payment.findMany({ where: { orderId: null, amount: 1400, status: "DECLINED" } }),
    ).toHaveLength(1);
    // The same key replays the decline; a new key with another payment succeeds.
    const calls = provider.calls.authorise;
    expect((await checkout(cartId, "tok_declined", key)).userErrors.map((e: any) => e.code)).toEqual([
      "PAYMENT_DECLINED",
    ]);
    expect(provider.calls.authorise).toBe(calls);
    expect((await checkout(cartId, "tok_success")).order.status).toBe("PAID");
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(1);
  });

  it("retries a transient provider failure with the same provider key and charges once", async () => {
    const p = await shop.product(shopA.id, ["9.00"], 3);
    const cartId = await shop.cart([{ variantId: p.variants[0]!.id }], {}, email);
    const before = provider.charges().length;
    const res = await checkout(cartId, "tok_transient");
    expect(res.userErrors).toEqual([]);
    expect(res.order.status).toBe("PAID");
    expect(provider.charges().slice(before)).toMatchObject([{ amount: 900, status: "CAPTURED" }]);
  });

  it("a provider that stays unavailable releases the stock and frees the key for a retry", async () => {
    const p = await shop.product(shopA.id, ["9.00"], 3);
    const cartId = await shop.cart([{ variantId: p.variants[0]!.id }], {}, email);
    const key = randomUUID();
    const res = await checkout(cartId, "tok_unavailable", key);
    expect(res.userErrors.map((e: any) => e.code)).toEqual(["PAYMENT_FAILED"]);
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(3);
    expect(await ordersOf(cartId)).toEqual([]);
    expect(await api.db.prisma.idempotencyRecord.count({ where: { key } })).toBe(0);
    const calls = provider.calls.authorise;
    expect((await checkout(cartId, "tok_unavailable", key)).userErrors.map((e: any) => e.code)).toEqual([
      "PAYMENT_FAILED",
    ]);
    expect(provider.calls.authorise).toBeGreaterThan(calls);
  });

  it("a timed-out payment keeps the reservation; the retry with the same key settles it and charges once", async () => {
    const p = await shop.product(shopA.id, ["11.00"], 3);
    const cartId = await shop.cart([{ variantId: p.variants[0]!.id }], {}, email);
    const key = randomUUID();
    const before = provider.charges().length;
    const pending = await checkout(cartId, "tok_timeout", key);
    expect(pending.userErrors.map((e: any) => e.code)).toEqual(["PAYMENT_PENDING"]);
    expect(pending.order.status).toBe("PENDING");
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(2);
    expect(await cartStatus(cartId)).toBe("CHECKING_OUT");
    const add = ok(
      await api.gql(
        `mutation($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { userErrors { code } } }`,
        { input: { cartId, lines: [{ variantId: p.variants[0]!.id }] } },
      ),
    );
    expect(add.cartLinesAdd.userErrors).toEqual([{ code: "CHECKOUT_IN_PROGRESS" }]);

    const settled = await checkout(cartId, "tok_timeout", key);
    expect(settled.userErrors).toEqual([]);
    expect(settled.order).toMatchObject({ id: pending.order.id, status: "PAID" });
    expect(provider.charges().slice(before)).toMatchObject([{ amount: 1100, status: "CAPTURED" }]);
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(2);
    expect(await cartStatus(cartId)).toBe("COMPLETED");
  });
});

describe("idempotency", () => {
  it("replays the first result for the same key and input without charging again", async () => {
    const p = await shop.product(shopB.id, ["6.00"], 5);
    const cartId = await shop.cart([{ variantId: p.variants[0]!.id }], {}, email);
    const key = randomUUID();
    const first = await checkout(cartId, "tok_success", key);
    const calls = { ...provider.calls };
    const { result: again, statements } = await api.db.statementsDuring(() =>
      checkout(cartId, "tok_success", key),
    );
    expect(again).toEqual(first);
    expect(provider.calls).toEqual(calls);
    expect(
      statements.filter((s) => /^\s*(INSERT|UPDATE|DELETE)/i.test(s) && !/IdempotencyRecord/.test(s)),
    ).toEqual([]);
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(4);
  });

  it("returns IDEMPOTENCY_KEY_REUSED for the same key with different input, and the key is new again after 24 hours", async () => {
    const p = await shop.product(shopB.id, ["6.00"], 5);
    const one = await shop.cart([{ variantId: p.variants[0]!.id }], {}, email);
    const two = await shop.cart([{ variantId: p.variants[0]!.id }], {}, email);
    const key = randomUUID();
    expect((await checkout(one, "tok_success", key)).userErrors).toEqual([]);
    expect((await checkout(two, "tok_success", key)).userErrors).toEqual([
      expect.objectContaining({ code: "IDEMPOTENCY_KEY_REUSED", field: ["idempotencyKey"] }),
    ]);
    expect((await checkout(one, "tok_transient", key)).userErrors.map((e: any) => e.code)).toEqual([
      "IDEMPOTENCY_KEY_REUSED",
    ]);
    expect(await cartStatus(two)).toBe("ACTIVE");
    await api.db.prisma.idempotencyRecord.updateMany({
      where: { key },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await checkout(two, "tok_success", key)).order.status).toBe("PAID");
  });

  it("a crash after the charge but before the order is written never charges twice on retry", async () => {
    const p = await shop.product(shopA.id, ["12.00"], 5);
    for (const step of ["capture", "authorise"] as const) {
      const cartId = await shop.cart([{ variantId: p.variants[0]!.id }], {}, email);
      const key = randomUUID();
      const before = provider.charges().length;
      payments.crashAfter = step;
      const crashed = await api.gql(CHECKOUT, {
        input: { cartId, idempotencyKey: key, payment: { token: "tok_success" } },
      });
      expect(crashed.errors?.[0]?.message).toBe("Unexpected error.");
      const [pending] = await ordersOf(cartId);
      expect(pending).toMatchObject({
        status: "PENDING",
        payments: [{ status: step === "capture" ? "AUTHORIZED" : "PENDING" }],
      });
      expect((await api.db.prisma.idempotencyRecord.findFirstOrThrow({ where: { key } })).recoveryPoint).toBe(
        "RESERVED",
      );

      const retried = await checkout(cartId, "tok_success", key);
      expect(retried.userErrors).toEqual([]);
      expect(retried.order).toMatchObject({ id: gid("Order", pending!.id), status: "PAID" });
      expect(provider.charges().slice(before)).toMatchObject([{ amount: 1200, status: "CAPTURED" }]);
      expect(await ordersOf(cartId)).toHaveLength(1);
    }
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(3);
  });

  it("a request with a key still held by a running (or crashed) request gets CHECKOUT_IN_PROGRESS until its lease lapses", async () => {
    const p = await shop.product(shopA.id, ["12.00"], 5);
    const cartId = await shop.cart([{ variantId: p.variants[0]!.id }], {}, email);
    const key = randomUUID();
    payments.crashAfter = "capture";
    await api.gql(CHECKOUT, { input: { cartId, idempotencyKey: key, payment: { token: "tok_success" } } });
    // A real crash leaves the lease in place (this process let it go when the request failed).
    await api.db.prisma.idempotencyRecord.updateMany({
      where: { key },
      data: { lockedUntil: new Date(Date.now() + 60_000) },
    });
    expect((await checkout(cartId, "tok_success", key)).userErrors.map((e: any) => e.code)).toEqual([
      "CHECKOUT_IN_PROGRESS",
    ]);
    await api.db.prisma.idempotencyRecord.updateMany({
      where: { key },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect((await checkout(cartId, "tok_success", key)).order.status).toBe("PAID");
  });
});

describe("SQL statements", () => {
  const LEAN = `mutation($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id status } userErrors { code } } }`;

  async function statementsOfCheckout(cartId: string) {
    const { result, statements } = await api.db.statementsDuring(async () =>
      ok(
        await api.gql(LEAN, {
          input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
        }),
      ),
    );
    expect(result.checkoutComplete).toMatchObject({ order: { status: "PAID" }, userErrors: [] });
    // Transaction control is not counted (PostgreSQL's adapter reports its COMMIT, PGlite's does not): two of each.
    return statements.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(s));
  }

  it("checks a one-line cart out in at most 16 statements, and each further shop adds only its stock and payment updates", async () => {
    const p = await shop.product(shopA.id, ["3.00"], 10);
    const q = await shop.product(shopB.id, ["4.00"], 10);
    const one = await statementsOfCheckout(await shop.cart([{ variantId: p.variants[0]!.id }], {}, email));
    // Access check, key claim; RESERVE: claim and read the cart, orders with lines and payments (one statement), RESERVED, stock (variant with its
    // adjustment, product); PAY: authorised, captured; COMMIT: orders PAID, one read of orders and lines, cart, ORDER_PAID, response;
    // then the payload's order.
    expect(one.length, one.join("\n\n")).toBeLessThanOrEqual(16);
    // The payments RESERVE wrote are not read back before paying.
    expect(one.filter((s) => /^SELECT .* FROM "public"\."Payment"/.test(s))).toEqual([]);
    const two = await statementsOfCheckout(
      await shop.cart([{ variantId: p.variants[0]!.id }, { variantId: q.variants[0]!.id }], {}, email),
    );
    // The second shop's order, lines and payment go in the same INSERTs; its variant and product are one UPDATE each
    // (one per row, in id order: the lock order), its payment is authorised and captured.
    expect(two.length, two.join("\n\n")).toBeLessThanOrEqual(one.length + 4);
    console.info("statements per checkout (one shop, two shops):", [one.length, two.length]);
  });
});
