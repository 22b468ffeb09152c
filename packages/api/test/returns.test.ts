// Returns: returnRequest (the buyer), returnApprove and returnDecline (the shop's merchants),
// Order.returns and Return nodes; refunds that give back the tax added on top and, by the shop's
// policy, a share of the shipping. Orders are real checkouts with a 19% tax rate and a 4.90
// delivery option, fulfilled by orderFulfill. The concurrency tests prove their guarantees when
// run on PostgreSQL (DATABASE_URL set).
import { randomUUID } from "node:crypto";
import { PaymentProviderError, TestPaymentProvider, type PaymentProvider } from "@shoppable/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BERLIN } from "./addresses.ts";
import { CHECKOUT, Commerce, dbId, gid, USER_ERRORS, type Product } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

/** The test provider, whose refunds can be declined, or their answers lost, a number of times. */
class FlakyRefunds implements PaymentProvider {
  readonly name = "test";
  refundDeclines = 0;
  refundTimeouts = 0;
  constructor(readonly inner: TestPaymentProvider) {}
  authorise: PaymentProvider["authorise"] = (r) => this.inner.authorise(r);
  capture: PaymentProvider["capture"] = (r) => this.inner.capture(r);
  void: PaymentProvider["void"] = (r) => this.inner.void(r);
  refund: PaymentProvider["refund"] = async (r) => {
    if (this.refundDeclines > 0) {
      this.refundDeclines--;
      return { status: "FAILED", reason: "refund_declined" };
    }
    const result = await this.inner.refund(r);
    if (this.refundTimeouts > 0) {
      this.refundTimeouts--;
      throw new PaymentProviderError("TIMEOUT", "lost answer");
    }
    return result;
  };
}

interface UserError {
  code: string;
  field: string[];
  message: string;
}

let api: TestApi;
let commerce: Commerce;
let provider: TestPaymentProvider;
let payments: FlakyRefunds;
let buyer: string;
let asBuyer: CallAs;

beforeAll(async () => {
  provider = new TestPaymentProvider();
  payments = new FlakyRefunds(provider);
  api = await startTestApi({ WEBHOOKS_DISPATCH: "0" }, { payments });
  commerce = await Commerce.start(api);
  buyer = await api.token("returns-buyer", ["BUYER"]);
  asBuyer = { user: buyer };
});
afterAll(() => api?.close());

const RETURN_FIELDS = `id status reason restock declineReason createdAt decidedAt
  lines { line { id } quantity }
  refund { status amount { amount } lines { orderLineId quantity amount { amount } } }`;
const REQUEST = `mutation($input: ReturnRequestInput!) {
  returnRequest(input: $input) { return { ${RETURN_FIELDS} } userErrors { code field message quantityReturnable } }
}`;
const APPROVE = `mutation($input: ReturnApproveInput!) {
  returnApprove(input: $input) { return { ${RETURN_FIELDS} } ${USER_ERRORS} }
}`;
const DECLINE = `mutation($input: ReturnDeclineInput!) {
  returnDecline(input: $input) { return { ${RETURN_FIELDS} } ${USER_ERRORS} }
}`;
const FULFILL = `mutation($input: OrderFulfillInput!) { orderFulfill(input: $input) { ${USER_ERRORS} } }`;
const REFUND = `mutation($input: OrderRefundInput!) { orderRefund(input: $input) { ${USER_ERRORS} } }`;
const ORDER = `query($id: ID!) { order(id: $id) {
  id status refundedTotal { amount }
  lines { id quantity refundedQuantity returnedQuantity }
  returns { ${RETURN_FIELDS} }
} }`;

interface Policy {
  pricesIncludeTax?: boolean;
  returnWindowDays?: number;
  refundShippingOnReturn?: boolean;
}

/**
 * A shop of the fixture's merchant with its tax and return policies and a 19% tax rate for
 * Germany that applies to shipping too (both written directly: they are the tax domain's,
 * tested there), and one delivery option for Germany at 4.90.
 */
async function shopWith(policy: Policy) {
  const shop = await commerce.shop("EUR");
  await api.db.prisma.shop.update({ where: { id: shop.dbId }, data: policy });
  await api.db.prisma.taxRate.create({
    data: { shopId: shop.dbId, countryCode: "DE", name: "MwSt", ratePpm: 190_000, shippingTaxable: true },
  });
  const zone = ok(
    await api.gql(
      `mutation($input: ShippingZoneCreateInput!) { shippingZoneCreate(input: $input) { ${USER_ERRORS} } }`,
      {
        input: {
          shopId: shop.id,
          name: "Germany",
          countryCodes: ["DE"],
          rates: [{ handle: "standard", title: "Standard", price: "4.90", minDays: 2, maxDays: 4 }],
        },
      },
      commerce.asMerchant,
    ),
  ).shippingZoneCreate;
  expect(zone.userErrors).toEqual([]);
  return shop;
}

/** The value, or a failed test when there is none. */
function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("expected a value");
  return value;
}

/** The product's (first) variant. */
const variant = (p: Product) => defined(p.variants[0]);

/** A product that ships, one variant at `price`, 10 in stock. */
const goods = (shop: { id: string }, price: string) =>
  commerce.product(shop.id, [price], 10, undefined, { requiresShipping: true });

/** A paid order of `lines` ([product, quantity]) delivered to Berlin with the 4.90 option; its lines in the order given. */
async function buy(
  shop: { id: string },
  lines: [Product, number][],
  as: CallAs = asBuyer,
  attribution: Record<string, unknown> | null = null,
) {
  const cartId = await commerce.cart(
    lines.map(([p, quantity]) => ({
      variantId: variant(p).id,
      quantity,
      ...(attribution ? { attribution } : {}),
    })),
    as,
  );
  const address = ok(
    await api.gql(
      `mutation($input: CartDeliveryAddressUpdateInput!) { cartDeliveryAddressUpdate(input: $input) { ${USER_ERRORS} } }`,
      { input: { cartId, address: BERLIN } },
      as,
    ),
  ).cartDeliveryAddressUpdate;
  expect(address.userErrors).toEqual([]);
  const selected = ok(
    await api.gql(
      `mutation($input: CartSelectedDeliveryOptionsUpdateInput!) { cartSelectedDeliveryOptionsUpdate(input: $input) { ${USER_ERRORS} } }`,
      { input: { cartId, selections: [{ shopId: shop.id, handle: "standard" }] } },
      as,
    ),
  ).cartSelectedDeliveryOptionsUpdate;
  expect(selected.userErrors).toEqual([]);
  const done = ok(
    await api.gql(
      CHECKOUT,
      { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
      as,
    ),
  ).checkoutComplete;
  expect(done.userErrors).toEqual([]);
  const id = done.order.id as string;
  const rows = await api.db.prisma.orderLine.findMany({
    where: { orderId: dbId(id) },
    select: { id: true, variantId: true },
  });
  const lineIds = lines.map(([p]) =>
    gid("OrderLine", defined(rows.find((r) => r.variantId === variant(p).dbId)).id),
  );
  return { id, dbId: dbId(id), line: defined(lineIds[0]), lineIds };
}

async function fulfill(orderId: string, lines?: { lineId: string; quantity: number }[]) {
  const res = ok(
    await api.gql(FULFILL, { input: { id: orderId, ...(lines ? { lines } : {}) } }, commerce.asMerchant),
  ).orderFulfill;
  expect(res.userErrors).toEqual([]);
}

const request = async (input: Record<string, unknown>, as: CallAs = asBuyer) =>
  ok(await api.gql(REQUEST, { input: { reason: "Too small", ...input } }, as)).returnRequest;
const approve = async (input: Record<string, unknown>, as: CallAs = commerce.asMerchant) =>
  ok(await api.gql(APPROVE, { input }, as)).returnApprove;
const decline = async (input: Record<string, unknown>, as: CallAs = commerce.asMerchant) =>
  ok(await api.gql(DECLINE, { input }, as)).returnDecline;

/** Requests a return of `lines` and expects it to be written; returns its global id. */
async function requested(orderId: string, lines: { lineId: string; quantity: number }[]) {
  const res = await request({ orderId, lines });
  expect(res.userErrors).toEqual([]);
  expect(res.return.status).toBe("REQUESTED");
  return res.return.id as string;
}

/** The order's rows: the order with lines, returns, refunds and payment. */
const orderRow = (orderDbId: string) =>
  api.db.prisma.order.findUniqueOrThrow({
    where: { id: orderDbId },
    include: {
      lines: { orderBy: { id: "asc" } },
      returns: { orderBy: { id: "asc" } },
      refunds: { orderBy: { id: "asc" } },
      payments: true,
    },
  });

/** What the provider refunded of the order's charge. */
async function providerRefunded(orderDbId: string) {
  const payment = await api.db.prisma.payment.findFirstOrThrow({ where: { orderId: orderDbId } });
  return provider.charges().find((c) => c.reference === payment.providerRef)?.refunded;
}

/** A row (or rows) without `updatedAt`, which every write moves. */
function withoutUpdatedAt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUpdatedAt);
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "updatedAt")
      .map(([k, v]) => [k, withoutUpdatedAt(v)]),
  );
}

/** What the buyer paid for the shipping: the charge with its tax when added on top. */
function shippingCharged(order: Awaited<ReturnType<typeof orderRow>>) {
  const tax = (order.shippingLine as { tax: number }).tax;
  return order.shippingTotal + (order.taxesIncluded ? 0 : tax);
}

describe("returnApprove refunds", () => {
  it("a tax-exclusive order: each return gives back its units' price and added tax, exactly, and its goods' share of the shipping with its tax; the last return gets the rest", async () => {
    const shop = await shopWith({ refundShippingOnReturn: true });
    const a = await goods(shop, "3.33");
    const b = await goods(shop, "10.00");
    const order = await buy(shop, [
      [a, 3],
      [b, 1],
    ]);
    const before = await orderRow(order.dbId);
    // Goods 9.99 + 10.00 = 19.99, shipping 4.90; 19% added: 1.90 + 1.90 on the lines, 0.93 on shipping.
    expect(before).toMatchObject({ taxesIncluded: false, subtotal: 1999, shippingTotal: 490, total: 2962 });
    const lineA = defined(before.lines.find((l) => l.id === dbId(order.line)));
    const lineB = defined(before.lines.find((l) => l.id === dbId(defined(order.lineIds[1]))));
    expect([lineA.total, lineA.taxAmount, lineB.total, lineB.taxAmount]).toEqual([999, 190, 1000, 190]);
    expect(shippingCharged(before)).toBe(583);
    await fulfill(order.id);
    expect(await commerce.stock(variant(a).dbId)).toBe(7);

    // One of three units of A: 11.89 / 3 → 3.96; shipping 5.83 × 3.96 / 23.79 = 0.97046 → 0.97.
    const first = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    const one = await approve({ id: first });
    expect(one.userErrors).toEqual([]);
    expect(one.return).toMatchObject({
      status: "APPROVED",
      restock: true,
      refund: {
        status: "SUCCEEDED",
        amount: { amount: "4.93" },
        lines: [{ orderLineId: order.line, quantity: 1, amount: { amount: "3.96" } }],
      },
    });
    expect(one.return.decidedAt).not.toBeNull();
    let row = await orderRow(order.dbId);
    expect(row).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedTotal: 493, shippingRefunded: 97 });
    expect(row.refunds).toMatchObject([{ amount: 493, shippingAmount: 97, returnId: dbId(first) }]);
    expect(row.lines.find((l) => l.id === lineA.id)).toMatchObject({
      refundedQuantity: 1,
      returnedQuantity: 1,
      returnRequestedQuantity: 0,
    });
    expect(row.returns[0]).toMatchObject({ status: "APPROVED", refundId: row.refunds[0]?.id });
    // Restocked (the default).
    expect(await commerce.stock(variant(a).dbId)).toBe(8);

    // B whole: 11.90; shipping 5.83 × 11.90 / 23.79 = 2.91622 → 2.92.
    const second = await requested(order.id, [{ lineId: defined(order.lineIds[1]), quantity: 1 }]);
    const two = await approve({ id: second, restock: false });
    expect(two.userErrors).toEqual([]);
    expect(two.return).toMatchObject({ restock: false, refund: { amount: { amount: "14.82" } } });
    expect(await commerce.stock(variant(b).dbId)).toBe(9);

    // The last two units of A: 11.89 − 3.96 = 7.93, and the rest of the shipping: 5.83 − 0.97 − 2.92 = 1.94.
    const last = await requested(order.id, [{ lineId: order.line, quantity: 2 }]);
    const three = await approve({ id: last });
    expect(three.userErrors).toEqual([]);
    expect(three.return.refund.amount.amount).toBe("9.87");

    row = await orderRow(order.dbId);
    expect(row.refunds.map((r) => [r.amount, r.shippingAmount])).toEqual([
      [493, 97],
      [1482, 292],
      [987, 194],
    ]);
    expect(row).toMatchObject({ status: "REFUNDED", refundedTotal: row.total, shippingRefunded: 583 });
    expect(row.payments[0]).toMatchObject({ status: "REFUNDED", refundedAmount: row.total });
    expect(await providerRefunded(order.dbId)).toBe(row.total);
    expect(row.lines.map((l) => [l.refundedQuantity, l.returnedQuantity, l.returnRequestedQuantity])).toEqual(
      row.lines.map((l) => [l.quantity, l.quantity, 0]),
    );
  });

  it("a tax-inclusive order: returns give back the units' share of the totals (tax inside them), and no shipping when the shop keeps it", async () => {
    const shop = await shopWith({ pricesIncludeTax: true, refundShippingOnReturn: false });
    const a = await goods(shop, "3.33");
    const order = await buy(shop, [[a, 3]]);
    const before = await orderRow(order.dbId);
    // 9.99 with 1.60 tax inside; shipping 4.90 with 0.78 inside: 14.89 paid.
    expect(before).toMatchObject({ taxesIncluded: true, subtotal: 999, shippingTotal: 490, total: 1489 });
    expect(before.lines[0]).toMatchObject({ total: 999, taxAmount: 160 });
    await fulfill(order.id);

    const first = await requested(order.id, [{ lineId: order.line, quantity: 2 }]);
    expect((await approve({ id: first })).return.refund.amount.amount).toBe("6.66");
    const rest = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    expect((await approve({ id: rest })).return.refund.amount.amount).toBe("3.33");
    const row = await orderRow(order.dbId);
    expect(row.refunds.map((r) => [r.amount, r.shippingAmount])).toEqual([
      [666, 0],
      [333, 0],
    ]);
    // Every unit is refunded; the shipping stays paid.
    expect(row).toMatchObject({ status: "REFUNDED", refundedTotal: 999, shippingRefunded: 0 });
    expect(row.payments[0]).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedAmount: 999 });
  });

  it("a tax-inclusive order with shipping refunded: the goods' share of the shipping as paid (its tax inside), the rest to the last return", async () => {
    const shop = await shopWith({ pricesIncludeTax: true, refundShippingOnReturn: true });
    const a = await goods(shop, "2.00");
    const b = await goods(shop, "5.00");
    const order = await buy(shop, [
      [a, 1],
      [b, 1],
    ]);
    await fulfill(order.id);
    // 4.90 × 2.00 / 7.00 = 1.4 → 1.40; then the rest, 3.50.
    const first = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    expect((await approve({ id: first })).return.refund.amount.amount).toBe("3.40");
    const last = await requested(order.id, [{ lineId: defined(order.lineIds[1]), quantity: 1 }]);
    expect((await approve({ id: last })).return.refund.amount.amount).toBe("8.50");
    const row = await orderRow(order.dbId);
    expect(row).toMatchObject({
      total: 1190,
      refundedTotal: 1190,
      shippingRefunded: 490,
      status: "REFUNDED",
    });
  });

  it("rounds the shipping share half to even", async () => {
    const shop = await shopWith({ pricesIncludeTax: true, refundShippingOnReturn: true });
    const products: Product[] = [];
    for (let i = 0; i < 4; i++) products.push(await goods(shop, "1.00"));
    const order = await buy(
      shop,
      products.map((p): [Product, number] => [p, 1]),
    );
    await fulfill(order.id);
    // Each line's share of 4.90 is 1.225 → 1.22 (to even; half up would give 1.23); the last
    // return gets the rest, 4.90 − 3 × 1.22 = 1.24.
    const amounts = [];
    for (const lineId of order.lineIds) {
      const id = await requested(order.id, [{ lineId, quantity: 1 }]);
      amounts.push((await approve({ id })).return.refund.amount.amount);
    }
    expect(amounts).toEqual(["2.22", "2.22", "2.22", "2.24"]);
  });

  it("reverses the affiliate commission of the returned units", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    await api.db.prisma.affiliateProgram.create({ data: { shopId: shop.dbId, defaultRate: 1000 } });
    await commerce.affiliateLink(shop.dbId, "RETURNS10");
    const order = await buy(shop, [[p, 2]], asBuyer, { affiliateCode: "RETURNS10" });
    const commissions = () =>
      api.db.prisma.commission.findMany({
        where: { orderId: order.dbId },
        orderBy: [{ createdAt: "asc" }, { amount: "desc" }],
        select: { amount: true, revenue: true, refundId: true },
      });
    expect(await commissions()).toMatchObject([{ amount: 200, revenue: 2000, refundId: null }]);
    await fulfill(order.id);
    const id = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    expect((await approve({ id })).userErrors).toEqual([]);
    const refund = defined((await orderRow(order.dbId)).refunds[0]);
    expect(await commissions()).toEqual([
      { amount: 200, revenue: 2000, refundId: null },
      { amount: -100, revenue: -1000, refundId: refund.id },
    ]);
  });
});

describe("returnDecline", () => {
  it("declines a requested return with the merchant's reason: nothing refunded, its units may be asked for again; a decided return is RETURN_NOT_REQUESTED", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 2]]);
    await fulfill(order.id);
    const id = await requested(order.id, [{ lineId: order.line, quantity: 2 }]);
    expect((await orderRow(order.dbId)).lines[0]).toMatchObject({ returnRequestedQuantity: 2 });

    const res = await decline({ id, reason: "Worn" });
    expect(res.userErrors).toEqual([]);
    expect(res.return).toMatchObject({ status: "DECLINED", declineReason: "Worn", refund: null });
    expect(res.return.decidedAt).not.toBeNull();
    const row = await orderRow(order.dbId);
    expect(row).toMatchObject({ status: "FULFILLED", refundedTotal: 0, refunds: [] });
    expect(row.lines[0]).toMatchObject({
      returnRequestedQuantity: 0,
      returnedQuantity: 0,
      refundedQuantity: 0,
    });

    for (const decide of [() => decline({ id }), () => approve({ id })]) {
      const again = await decide();
      expect(again).toEqual({
        return: null,
        userErrors: [
          { code: "RETURN_NOT_REQUESTED", field: ["id"], message: "The return was already declined." },
        ],
      });
    }
    expect(await orderRow(order.dbId)).toEqual(row);
    // The units are returnable again.
    const next = await requested(order.id, [{ lineId: order.line, quantity: 2 }]);
    expect((await approve({ id: next })).return.status).toBe("APPROVED");
    expect((await decline({ id: next })).userErrors.map((e: UserError) => e.code)).toEqual([
      "RETURN_NOT_REQUESTED",
    ]);
  });
});

describe("bad requests change nothing", () => {
  /** Every row a request or decision could touch. */
  const snapshot = async (orderDbId: string) => ({
    order: await orderRow(orderDbId),
    events: await api.db.prisma.webhookEvent.count(),
  });

  it("refuses returns outside the window, of undelivered units, of units already in a return, at a shop taking none, and of someone else's order", async () => {
    const shop = await shopWith({ returnWindowDays: 14 });
    const p = await goods(shop, "10.00");
    const q = await goods(shop, "5.00");
    const order = await buy(shop, [
      [p, 2],
      [q, 1],
    ]);
    const [lineP, lineQ] = [order.line, defined(order.lineIds[1])];

    // Nothing delivered yet.
    let before = await snapshot(order.dbId);
    expect(await request({ orderId: order.id, lines: [{ lineId: lineP, quantity: 1 }] })).toEqual({
      return: null,
      userErrors: [
        {
          code: "NOT_RETURNABLE",
          field: ["lines", "0", "quantity"],
          message: expect.stringContaining("none was delivered"),
          quantityReturnable: 0,
        },
      ],
    });
    expect(await snapshot(order.dbId)).toEqual(before);

    // One unit of P shipped: one returnable, Q none.
    await fulfill(order.id, [{ lineId: lineP, quantity: 1 }]);
    before = await snapshot(order.dbId);
    const tooMany = await request({
      orderId: order.id,
      lines: [
        { lineId: lineP, quantity: 2 },
        { lineId: lineQ, quantity: 1 },
      ],
    });
    expect(tooMany.userErrors).toEqual([
      {
        code: "NOT_RETURNABLE",
        field: ["lines", "0", "quantity"],
        message: "Only 1 units of this line can be returned.",
        quantityReturnable: 1,
      },
      expect.objectContaining({
        code: "NOT_RETURNABLE",
        field: ["lines", "1", "quantity"],
        quantityReturnable: 0,
      }),
    ]);
    expect(await snapshot(order.dbId)).toEqual(before);

    // A second return of the same unit.
    await requested(order.id, [{ lineId: lineP, quantity: 1 }]);
    before = await snapshot(order.dbId);
    const twice = await request({ orderId: order.id, lines: [{ lineId: lineP, quantity: 1 }] });
    expect(twice.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_RETURNABLE", quantityReturnable: 0 }),
    ]);
    expect(await snapshot(order.dbId)).toEqual(before);

    // Q shipped 15 days ago: past the 14-day window.
    await fulfill(order.id, [{ lineId: lineQ, quantity: 1 }]);
    const shipped = await api.db.prisma.fulfillment.findFirstOrThrow({
      where: { orderId: order.dbId },
      orderBy: { createdAt: "desc" },
    });
    await api.db.prisma.fulfillment.update({
      where: { id: shipped.id },
      data: { createdAt: new Date(Date.now() - 15 * 86_400_000) },
    });
    before = await snapshot(order.dbId);
    const late = await request({ orderId: order.id, lines: [{ lineId: lineQ, quantity: 1 }] });
    expect(late.userErrors).toEqual([
      {
        code: "RETURN_WINDOW_CLOSED",
        field: ["lines", "0", "lineId"],
        message: expect.stringContaining("14 days"),
        quantityReturnable: null,
      },
    ]);
    expect(await snapshot(order.dbId)).toEqual(before);
    // 13 days ago: open.
    await api.db.prisma.fulfillment.update({
      where: { id: shipped.id },
      data: { createdAt: new Date(Date.now() - 13 * 86_400_000) },
    });
    await requested(order.id, [{ lineId: lineQ, quantity: 1 }]);

    // Another buyer, a merchant of the shop, a line of another order, an unknown order.
    const other = await buy(shop, [[p, 1]], { user: await api.token("returns-other", ["BUYER"]) });
    await fulfill(other.id);
    before = await snapshot(order.dbId);
    const otherBefore = await snapshot(other.dbId);
    for (const as of [asBuyer, { key: "secret", user: commerce.merchant }]) {
      expect(
        (await request({ orderId: other.id, lines: [{ lineId: other.line, quantity: 1 }] }, as)).userErrors,
      ).toEqual([
        {
          code: "NOT_FOUND",
          field: ["orderId"],
          message: "No order of yours has this id.",
          quantityReturnable: null,
        },
      ]);
    }
    expect(
      (await request({ orderId: order.id, lines: [{ lineId: other.line, quantity: 1 }] })).userErrors,
    ).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["lines", "0", "lineId"] })]);
    const anonymous = await api.gql(REQUEST, {
      input: { orderId: other.id, lines: [{ lineId: other.line, quantity: 1 }], reason: "x" },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
    expect(await snapshot(order.dbId)).toEqual(before);
    expect(await snapshot(other.dbId)).toEqual(otherBefore);

    // A shop taking no returns.
    await api.db.prisma.shop.update({ where: { id: shop.dbId }, data: { returnWindowDays: 0 } });
    const closedShop = await buy(shop, [[p, 1]]);
    await fulfill(closedShop.id);
    before = await snapshot(closedShop.dbId);
    expect(
      (await request({ orderId: closedShop.id, lines: [{ lineId: closedShop.line, quantity: 1 }] }))
        .userErrors,
    ).toEqual([
      {
        code: "RETURNS_NOT_ACCEPTED",
        field: ["orderId"],
        message: "The shop does not take returns.",
        quantityReturnable: null,
      },
    ]);
    expect(await snapshot(closedShop.dbId)).toEqual(before);
  });

  it("answers malformed input with typed userErrors: quantities below 1, a line twice, a blank reason", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 2]]);
    await fulfill(order.id);
    const before = await snapshot(order.dbId);
    const lineId = order.line;
    const res = await request({ orderId: order.id, lines: [{ lineId, quantity: 0 }], reason: "  " });
    expect(res.userErrors.map((e: UserError) => [e.code, e.field.join(".")])).toEqual([
      ["LESS_THAN_MINIMUM", "lines.0.quantity"],
      ["BLANK", "reason"],
    ]);
    const twice = await request({
      orderId: order.id,
      lines: [
        { lineId, quantity: 1 },
        { lineId, quantity: 1 },
      ],
    });
    expect(twice.userErrors.map((e: UserError) => [e.code, e.field.join(".")])).toEqual([
      ["INVALID", "lines"],
    ]);
    const empty = await request({ orderId: order.id, lines: [] });
    expect(empty.userErrors.map((e: UserError) => [e.code, e.field.join(".")])).toEqual([
      ["TOO_SHORT", "lines"],
    ]);
    const long = await request({
      orderId: order.id,
      lines: [{ lineId, quantity: 1 }],
      reason: "x".repeat(501),
    });
    expect(long.userErrors.map((e: UserError) => e.code)).toEqual(["TOO_LONG"]);
    expect(await snapshot(order.dbId)).toEqual(before);
  });

  it(`takes at most ${20} returns per order, whatever their status`, async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 2]]);
    await fulfill(order.id);
    // Declined returns written directly: only their count matters.
    await api.db.prisma.return.createMany({
      data: Array.from({ length: 19 }, () => ({
        orderId: order.dbId,
        reason: "x",
        lines: [{ orderLineId: dbId(order.line), quantity: 1 }],
        status: "DECLINED" as const,
      })),
    });
    await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    const before = await snapshot(order.dbId);
    expect(
      (await request({ orderId: order.id, lines: [{ lineId: order.line, quantity: 1 }] })).userErrors,
    ).toEqual([expect.objectContaining({ code: "TOO_MANY_RETURNS", field: ["orderId"] })]);
    expect(await snapshot(order.dbId)).toEqual(before);
    const listed = ok(await api.gql(ORDER, { id: order.id }, asBuyer)).order.returns;
    expect(listed).toHaveLength(20);
  });

  it("lets only the shop's merchants and the platform decide: the buyer and other merchants are FORBIDDEN, an unknown return NOT_FOUND", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 1]]);
    await fulfill(order.id);
    const id = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    const before = await snapshot(order.dbId);
    const stranger = await api.token("returns-stranger", ["MERCHANT"]);
    for (const as of [
      asBuyer,
      { key: "secret", user: buyer },
      { key: "secret", user: stranger },
      { user: commerce.merchant },
    ]) {
      for (const mutation of [APPROVE, DECLINE]) {
        const res = await api.gql(mutation, { input: { id } }, as);
        expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
    }
    expect(await snapshot(order.dbId)).toEqual(before);
    const unknown = gid("Return", randomUUID());
    expect((await approve({ id: unknown })).userErrors).toEqual([
      { code: "NOT_FOUND", field: ["id"], message: "No return has this id." },
    ]);
    expect((await decline({ id: unknown })).userErrors.map((e: UserError) => e.code)).toEqual(["NOT_FOUND"]);
    // The platform decides too.
    expect((await decline({ id }, { key: "secret" })).return.status).toBe("DECLINED");
  });
});

describe("approving through the refund phases", () => {
  it("puts the return back to REQUESTED, with its units and the shipping share, when the provider refuses the refund", async () => {
    const shop = await shopWith({ refundShippingOnReturn: true });
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 2]]);
    await fulfill(order.id);
    const id = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    const before = await orderRow(order.dbId);
    const stock = await commerce.stock(variant(p).dbId);

    payments.refundDeclines = 1;
    expect(await approve({ id })).toEqual({
      return: null,
      userErrors: [{ code: "REFUND_FAILED", field: ["id"], message: expect.any(String) }],
    });
    const after = await orderRow(order.dbId);
    expect(after.refunds).toMatchObject([{ status: "FAILED", returnId: dbId(id), shippingAmount: 292 }]);
    // Everything else as before: the return, the lines, the order's totals and the payment.
    expect(withoutUpdatedAt({ ...after, refunds: [] })).toEqual(withoutUpdatedAt(before));
    expect(after.returns[0]).toMatchObject({ status: "REQUESTED", refundId: null, decidedAt: null });
    expect(await commerce.stock(variant(p).dbId)).toBe(stock);

    // Approved once the provider agrees: 11.90 and half of the 5.83 shipping (2.915 → 2.92).
    const res = await approve({ id });
    expect(res.userErrors).toEqual([]);
    expect(res.return.refund.amount.amount).toBe("14.82");
  });

  it("keeps an approval whose refund answer was lost APPROVED with its refund PENDING, and settles it once on the next approval", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 2]]);
    await fulfill(order.id);
    const first = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    const second = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    payments.refundTimeouts = 2;
    const pending = await approve({ id: first });
    expect(pending.userErrors.map((e: UserError) => e.code)).toEqual(["REFUND_PENDING"]);
    expect(pending.return).toMatchObject({ status: "APPROVED", refund: { status: "PENDING" } });
    // The next approval settles it first (asking the provider with the same key), then refunds its own.
    const next = await approve({ id: second });
    expect(next.userErrors).toEqual([]);
    const row = await orderRow(order.dbId);
    expect(row.refunds.map((r) => [r.status, r.amount])).toEqual([
      ["SUCCEEDED", 1190],
      ["SUCCEEDED", 1190],
    ]);
    expect(row).toMatchObject({ status: "REFUNDED", refundedTotal: 2380 });
    expect(await providerRefunded(order.dbId)).toBe(2380);
  });

  it("orderRefund leaves units awaiting a return decision to the return", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 3]]);
    await fulfill(order.id);
    const id = await requested(order.id, [{ lineId: order.line, quantity: 2 }]);
    const refund = async (input: Record<string, unknown>) =>
      ok(await api.gql(REFUND, { input: { id: order.id, ...input } }, commerce.asMerchant)).orderRefund;
    expect((await refund({ lines: [{ lineId: order.line, quantity: 2 }] })).userErrors).toEqual([
      {
        code: "REFUND_QUANTITY_EXCEEDED",
        field: ["lines", "0", "quantity"],
        message: expect.stringContaining("2 more are in a return awaiting a decision"),
      },
    ]);
    // Without lines: every unit not in the return.
    expect((await refund({})).userErrors).toEqual([]);
    expect((await refund({})).userErrors.map((e: UserError) => e.code)).toEqual(["NOTHING_TO_REFUND"]);
    expect((await orderRow(order.dbId)).lines[0]).toMatchObject({
      refundedQuantity: 1,
      returnRequestedQuantity: 2,
    });
    expect((await approve({ id })).userErrors).toEqual([]);
    expect(await orderRow(order.dbId)).toMatchObject({ status: "REFUNDED", refundedTotal: 3570 });
  });
});

describe("events", () => {
  it("writes a RETURN_REQUESTED webhook event with the return, and tells orderStatusChanged subscribers", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 1]]);
    await fulfill(order.id);
    await api.db.prisma.webhookEndpoint.create({
      data: {
        shopId: shop.dbId,
        url: "http://127.0.0.1:9/hook",
        topics: ["RETURN_REQUESTED"],
        secret: "whsec_test",
      },
    });
    // In-process events are delivered on the next turn of the event loop: let checkout's and
    // fulfilment's go by before listening.
    await new Promise((resolve) => setImmediate(resolve));
    const events = api.server.events.subscribe("orderStatusChanged", order.dbId);
    const next = events.next();
    const id = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    expect((await next).value).toEqual({
      kind: "event",
      payload: { orderId: order.dbId, status: "FULFILLED" },
    });
    await events.return?.();
    const written = await api.db.prisma.webhookEvent.findMany({
      where: { shopId: shop.dbId, topic: "RETURN_REQUESTED" },
    });
    expect(written).toHaveLength(1);
    expect(written[0]?.payload).toMatchObject({
      return: { id, reason: "Too small", lines: [{ orderLineId: order.line, quantity: 1 }] },
      order: { id: order.id, status: "FULFILLED" },
    });
  });
});

describe("reading returns", () => {
  it("shows Order.returns oldest first, Return nodes and OrderLine.returnedQuantity to the buyer and the shop's merchants, and nobody else", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 3]]);
    await fulfill(order.id);
    const first = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    await approve({ id: first });
    const second = await requested(order.id, [{ lineId: order.line, quantity: 2 }]);
    await decline({ id: second, reason: "Used" });
    const platform = { key: "secret" };
    for (const as of [asBuyer, commerce.asMerchant, platform]) {
      const read = ok(await api.gql(ORDER, { id: order.id }, as)).order;
      expect(read.lines).toEqual([{ id: order.line, quantity: 3, refundedQuantity: 1, returnedQuantity: 1 }]);
      expect(
        read.returns.map((r: { id: string; status: string; declineReason: string | null }) => [
          r.id,
          r.status,
          r.declineReason,
        ]),
      ).toEqual([
        [first, "APPROVED", null],
        [second, "DECLINED", "Used"],
      ]);
      expect(read.returns[0]).toMatchObject({
        lines: [{ line: { id: order.line }, quantity: 1 }],
        refund: { status: "SUCCEEDED", amount: { amount: "11.90" } },
      });
      const node = ok(
        await api.gql(
          `query($id: ID!) { node(id: $id) { id ... on Return { status order { id } } } }`,
          { id: first },
          as,
        ),
      ).node;
      expect(node).toEqual({ id: first, status: "APPROVED", order: { id: order.id } });
    }
    const strangers = [
      {},
      { user: await api.token("returns-nosy", ["BUYER"]) },
      { key: "secret", user: await api.token("returns-nosy-merchant", ["MERCHANT"]) },
    ];
    for (const as of strangers) {
      const res = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: first }, as);
      expect({ errors: res.errors, node: res.data?.node }).toEqual({ errors: undefined, node: null });
    }
  });

  it("reads the returns of a page of orders, with their lines and refunds, in a bounded number of statements", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const reader = await api.token("returns-reader", ["BUYER"]);
    for (let i = 0; i < 3; i++) {
      const order = await buy(shop, [[p, 2]], { user: reader });
      await fulfill(order.id);
      for (let j = 0; j < 2; j++) {
        const res = await request(
          { orderId: order.id, lines: [{ lineId: order.line, quantity: 1 }] },
          { user: reader },
        );
        expect(res.userErrors).toEqual([]);
        await approve({ id: res.return.id });
      }
    }
    const q = `{ viewer { orders(first: 10) { edges { node { id returns { id status lines { quantity line { id productTitle returnedQuantity } } refund { amount { amount } } } } } } } }`;
    const { result, statements } = await api.db.statementsDuring(() => api.gql(q, {}, { user: reader }));
    const orders = ok(result).viewer.orders.edges;
    expect(orders).toHaveLength(3);
    for (const o of orders) {
      expect(o.node.returns).toHaveLength(2);
      expect(o.node.returns[1].lines[0].line.returnedQuantity).toBe(2);
    }
    // The user, the orders with their returns, the returns' lines, their refunds.
    expect(statements.length).toBeLessThanOrEqual(5);
  });
});

describe("concurrency", () => {
  it("never requests more units than are returnable: of 6 parallel requests of 1 unit of a 2-unit line, exactly 2 succeed", async () => {
    const shop = await shopWith({});
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 2]]);
    await fulfill(order.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        request({ orderId: order.id, lines: [{ lineId: order.line, quantity: 1 }] }),
      ),
    );
    const codes = results.map((r) => r.userErrors[0]?.code ?? "OK").sort();
    expect(codes).toEqual([
      "NOT_RETURNABLE",
      "NOT_RETURNABLE",
      "NOT_RETURNABLE",
      "NOT_RETURNABLE",
      "OK",
      "OK",
    ]);
    const row = await orderRow(order.dbId);
    expect(row.lines[0]).toMatchObject({ returnRequestedQuantity: 2 });
    expect(row.returns).toHaveLength(2);
  });

  it("refunds a return once however many approvals race", async () => {
    const shop = await shopWith({ refundShippingOnReturn: true });
    const p = await goods(shop, "10.00");
    const order = await buy(shop, [[p, 2]]);
    await fulfill(order.id);
    const id = await requested(order.id, [{ lineId: order.line, quantity: 1 }]);
    const refundsBefore = provider.calls.refund;
    const results = await Promise.all(Array.from({ length: 5 }, () => approve({ id })));
    const codes = results.map((r) => r.userErrors[0]?.code ?? "OK").sort();
    expect(codes).toEqual(["OK", ...Array(4).fill("RETURN_NOT_REQUESTED")]);
    const row = await orderRow(order.dbId);
    expect(row.refunds.map((r) => [r.status, r.amount, r.shippingAmount])).toEqual([
      ["SUCCEEDED", 1482, 292],
    ]);
    expect(row).toMatchObject({ refundedTotal: 1482, shippingRefunded: 292 });
    expect(row.lines[0]).toMatchObject({
      refundedQuantity: 1,
      returnedQuantity: 1,
      returnRequestedQuantity: 0,
    });
    expect(await providerRefunded(order.dbId)).toBe(1482);
    expect(provider.calls.refund - refundsBefore).toBeGreaterThanOrEqual(1);
  });
});
