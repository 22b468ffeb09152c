import { randomUUID } from "node:crypto";
import { PaymentProviderError, TestPaymentProvider, type PaymentProvider } from "@shoppable/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, type Product } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

/** The test provider, whose refunds can be made to time out, or be declined, a number of times. */
class SlowRefunds implements PaymentProvider {
  readonly name = "test";
  refundTimeouts = 0;
  refundDeclines = 0;
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

let api: TestApi;
let shop: Commerce;
let provider: TestPaymentProvider;
let payments: SlowRefunds;
let shopA: { id: string; dbId: string };
let buyer: string;

const ORDER_FIELDS = `id status number total { amount } refundedTotal { amount } fulfilledAt cancelledAt
  lines { id quantity refundedQuantity total { amount } }
  refunds { status amount { amount } restock lines { quantity amount { amount } } }
  payments { status amount { amount } refundedAmount { amount } }`;
const payload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { order { ${ORDER_FIELDS} } userErrors { code field message } } }`;
const FULFILL = payload("orderFulfill", "OrderFulfillInput");
const CANCEL = payload("orderCancel", "OrderCancelInput");
const REFUND = payload("orderRefund", "OrderRefundInput");

beforeAll(async () => {
  provider = new TestPaymentProvider();
  payments = new SlowRefunds(provider);
  api = await startTestApi({}, { payments });
  shop = await Commerce.start(api);
  shopA = await shop.shop("EUR");
  buyer = await api.token("buyer-orders", ["BUYER"]);
});
afterAll(() => api?.close());

/** A PAID order of `lines` ([product, quantity]) bought by `buyer`; returns its global id and lines. */
async function paidOrder(
  lines: [Product, number][],
  token = "tok_success",
  extra: Record<string, unknown> = {},
) {
  const cartId = await shop.cart(
    lines.map(([p, quantity]) => ({ variantId: p.variants[0]!.id, quantity })),
    { user: buyer },
    extra,
  );
  const res = ok(
    await api.gql(
      CHECKOUT,
      { input: { cartId, idempotencyKey: randomUUID(), payment: { token } } },
      { user: buyer },
    ),
  ).checkoutComplete;
  expect(res.userErrors).toEqual([]);
  const order = ok(
    await api.gql(
      `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
      { id: res.order.id },
      { user: buyer },
    ),
  ).order;
  return order as { id: string; lines: { id: string }[] };
}

async function orderRow(id: string) {
  return api.db.prisma.order.findUniqueOrThrow({
    where: { id: dbId(id) },
    include: { lines: { orderBy: { id: "asc" } }, refunds: true, payments: true },
  });
}

describe("reading orders", () => {
  it("lets the buyer, the shop's merchants and the platform read an order, and nobody else", async () => {
    const p = await shop.product(shopA.id, ["5.00"], 10);
    const order = await paidOrder([[p, 1]]);
    const query = `query($id: ID!) { order(id: $id) { id } node(id: $id) { id } }`;
    const admin = await api.token("admin-orders", ["ADMIN"]);
    for (const as of [{ user: buyer }, shop.asMerchant, { key: "secret" }, { key: "secret", user: admin }]) {
      expect(ok(await api.gql(query, { id: order.id }, as))).toEqual({
        order: { id: order.id },
        node: { id: order.id },
      });
    }
    const stranger = await api.token("merchant-elsewhere", ["MERCHANT"]);
    for (const as of [
      {},
      { user: await api.token("someone", ["BUYER"]) },
      { key: "secret", user: stranger },
      { user: admin },
    ]) {
      expect(ok(await api.gql(query, { id: order.id }, as))).toEqual({ order: null, node: null });
    }
    const orders = `query($handle: String!) { shop(handle: $handle) { orders(first: 5) { edges { node { id } } } } }`;
    const handle = (await api.db.prisma.shop.findUniqueOrThrow({ where: { id: shopA.dbId } })).handle;
    expect(
      ok(await api.gql(orders, { handle }, shop.asMerchant)).shop.orders.edges.map((e: any) => e.node.id),
    ).toContain(order.id);
    expect(
      (await api.gql(orders, { handle }, { key: "secret", user: stranger })).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });

  it("pages the viewer's orders with their lines in a bounded number of statements", async () => {
    const p = await shop.product(shopA.id, ["1.00", "2.00"], 50);
    for (let i = 0; i < 3; i++) await paidOrder([[p, 2]]);
    const q = `{ viewer { orders(first: 10) { edges { node { id status shop { handle } total { amount } lines { productTitle quantity total { amount } attribution { postId affiliateCode } variant { id title } } } } } } }`;
    const { result, statements } = await api.db.statementsDuring(() => api.gql(q, {}, { user: buyer }));
    expect(ok(result).viewer.orders.edges.length).toBeGreaterThanOrEqual(3);
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});

describe("Shop.orders", () => {
  const SHOP_ORDERS = `query($handle: String!, $first: Int, $after: String, $status: [OrderStatus!], $createdAfter: DateTime, $createdBefore: DateTime) {
    shop(handle: $handle) {
      orders(first: $first, after: $after, status: $status, createdAfter: $createdAfter, createdBefore: $createdBefore) {
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id status createdAt total { amount } lines { productTitle sku quantity unitPrice { amount } total { amount } } } }
      }
    }
  }`;
  let shopB: { id: string; dbId: string };
  let handle: string;
  let ids: string[];

  beforeAll(async () => {
    shopB = await shop.shop("EUR");
    handle = (await api.db.prisma.shop.findUniqueOrThrow({ where: { id: shopB.dbId } })).handle;
    const p = await shop.product(shopB.id, ["3.00", "4.00"], 50);
    const q = await shop.product(shopB.id, ["7.00"], 50);
    ids = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        (
          await paidOrder([
            [p, 1 + i],
            [q, 1],
          ])
        ).id,
      );
    ids.reverse(); // newest first
    await api.gql(FULFILL, { input: { id: ids[1] } }, shop.asMerchant);
    // Spread the orders over days, oldest first, for the creation-time filters.
    for (const [i, id] of ids.entries()) {
      await api.db.prisma.order.update({
        where: { id: dbId(id) },
        data: { createdAt: new Date(Date.UTC(2026, 0, 10 - i)) },
      });
    }
  });

  const read = async (variables: Record<string, unknown>, as: CallAs = shop.asMerchant) =>
    ok(await api.gql(SHOP_ORDERS, { handle, ...variables }, as)).shop.orders;

  it("pages the shop's orders newest first with their lines, in a bounded number of statements", async () => {
    const { result, statements } = await api.db.statementsDuring(() =>
      api.gql(SHOP_ORDERS, { handle, first: 3 }, shop.asMerchant),
    );
    const page = ok(result).shop.orders;
    expect(page.edges.map((e: any) => e.node.id)).toEqual(ids.slice(0, 3));
    expect(
      page.edges[0].node.lines.map((l: any) => [l.quantity, l.unitPrice.amount, l.total.amount]),
    ).toEqual([
      [4, "3.00", "12.00"],
      [1, "7.00", "7.00"],
    ]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    // The shop, the caller's memberships, then one joined read of the page with its lines.
    expect(statements.length).toBeLessThanOrEqual(3);
    const rest = await read({ first: 3, after: page.pageInfo.endCursor });
    expect([rest.edges.map((e: any) => e.node.id), rest.pageInfo.hasNextPage]).toEqual([ids.slice(3), false]);
  });

  it("filters by status and by creation time", async () => {
    expect((await read({ first: 10, status: ["FULFILLED"] })).edges.map((e: any) => e.node.id)).toEqual([
      ids[1],
    ]);
    expect((await read({ first: 10, status: ["PAID", "FULFILLED"] })).edges.length).toBe(4);
    const between = await read({
      first: 10,
      createdAfter: "2026-01-07T00:00:00Z",
      createdBefore: "2026-01-10T00:00:00Z",
    });
    expect(between.edges.map((e: any) => [e.node.id, e.node.createdAt])).toEqual([
      [ids[1], "2026-01-09T00:00:00.000Z"],
      [ids[2], "2026-01-08T00:00:00.000Z"],
    ]);
    expect((await read({ first: 10, createdAfter: "2026-01-10T00:00:00Z" })).edges).toEqual([]);
  });

  it("is for the shop's merchants and the platform: buyers and other shops' merchants are FORBIDDEN", async () => {
    const admin = await api.token("admin-shop-orders", ["ADMIN"]);
    for (const as of [{ key: "secret" }, { key: "secret", user: admin }])
      expect((await read({ first: 10 }, as)).edges.length).toBe(4);
    const stranger = await api.token("merchant-shop-orders", ["MERCHANT"]);
    for (const as of [
      { user: buyer },
      { key: "secret", user: buyer },
      { key: "secret", user: stranger },
      { user: shop.merchant },
      {},
    ]) {
      const res = await api.gql(SHOP_ORDERS, { handle, first: 10 }, as);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(res.data?.shop).toBeNull();
    }
  });
});

describe("orderFulfill", () => {
  it("moves a PAID order to FULFILLED once, for the shop's merchants only", async () => {
    const p = await shop.product(shopA.id, ["5.00"], 10);
    const order = await paidOrder([[p, 1]]);
    const denied = await api.gql(FULFILL, { input: { id: order.id } }, { user: buyer });
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const res = ok(await api.gql(FULFILL, { input: { id: order.id } }, shop.asMerchant)).orderFulfill;
    expect(res.userErrors).toEqual([]);
    expect(res.order.status).toBe("FULFILLED");
    expect((await orderRow(order.id)).fulfilledAt).not.toBeNull();
    const again = ok(await api.gql(FULFILL, { input: { id: order.id } }, shop.asMerchant)).orderFulfill;
    expect(again.userErrors.map((e: any) => e.code)).toEqual(["INVALID_STATUS_TRANSITION"]);
    // A fulfilled order is refunded, not cancelled.
    const cancel = ok(await api.gql(CANCEL, { input: { id: order.id } }, shop.asMerchant)).orderCancel;
    expect(cancel.userErrors.map((e: any) => e.code)).toEqual(["INVALID_STATUS_TRANSITION"]);
    expect((await orderRow(order.id)).status).toBe("FULFILLED");
  });
});

describe("orderCancel", () => {
  it("refunds what was paid through the provider, restocks every unit and cancels; a cancelled order changes no more", async () => {
    const p = await shop.product(shopA.id, ["4.00", "6.00"], 10);
    const order = await paidOrder([[p, 3]]);
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(7);
    const res = ok(
      await api.gql(CANCEL, { input: { id: order.id, reason: "customer asked" } }, shop.asMerchant),
    ).orderCancel;
    expect(res.userErrors).toEqual([]);
    expect(res.order).toMatchObject({
      status: "CANCELLED",
      refundedTotal: { amount: "12.00" },
      refunds: [{ status: "SUCCEEDED", amount: { amount: "12.00" }, restock: true }],
    });
    expect(res.order.payments).toEqual([
      { status: "REFUNDED", amount: { amount: "12.00" }, refundedAmount: { amount: "12.00" } },
    ]);
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(10);
    expect(await shop.totalInventory(p.dbId)).toBe(20);
    const row = await orderRow(order.id);
    expect(row).toMatchObject({ status: "CANCELLED", refundedTotal: 1200 });
    expect(row.cancelledAt).not.toBeNull();
    expect(row.refunds).toMatchObject([
      { status: "SUCCEEDED", restocked: true, cancelsOrder: true, reason: "customer asked" },
    ]);
    const charge = provider.charges().find((c) => c.amount === 1200 && c.refunded === 1200);
    expect(charge).toBeDefined();
    for (const [mutation, name] of [
      [CANCEL, "orderCancel"],
      [REFUND, "orderRefund"],
      [FULFILL, "orderFulfill"],
    ] as const) {
      const again = ok(await api.gql(mutation, { input: { id: order.id } }, shop.asMerchant))[name];
      expect(again.userErrors.map((e: any) => e.code)).toEqual(["INVALID_STATUS_TRANSITION"]);
    }
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(10);
  });
});

describe("orderRefund", () => {
  it("refunds some units of some lines, restocking only when asked, then the rest; the amounts add up to what was paid", async () => {
    const a = await shop.product(shopA.id, ["10.00"], 10);
    const b = await shop.product(shopA.id, ["3.33"], 10);
    await shop.discountCode(shopA.id, { code: "THIRD", kind: "FIXED_AMOUNT", value: "1.00" });
    const order = await paidOrder(
      [
        [a, 2],
        [b, 3],
      ],
      "tok_success",
      { discountCodes: ["THIRD"] },
    );
    const before = await orderRow(order.id);
    expect(before.total).toBe(2999 - 100);
    const [lineA, lineB] = before.lines.sort((x, y) =>
      x.variantId === a.variants[0]!.dbId ? -1 : y.variantId === a.variants[0]!.dbId ? 1 : 0,
    );
    const gidOf = (line: { id: string }) => order.lines.find((l) => dbId(l.id) === line.id)!.id;

    const first = ok(
      await api.gql(
        REFUND,
        { input: { id: order.id, lines: [{ lineId: gidOf(lineB!), quantity: 1 }], restock: true } },
        shop.asMerchant,
      ),
    ).orderRefund;
    expect(first.userErrors).toEqual([]);
    expect(first.order.status).toBe("PARTIALLY_REFUNDED");
    const shareB = Math.floor(lineB!.total / 3);
    expect((await orderRow(order.id)).refundedTotal).toBe(shareB);
    expect(await shop.stock(b.variants[0]!.dbId)).toBe(8);

    const second = ok(
      await api.gql(
        REFUND,
        { input: { id: order.id, lines: [{ lineId: gidOf(lineA!), quantity: 1 }] } },
        shop.asMerchant,
      ),
    ).orderRefund;
    expect(second.userErrors).toEqual([]);
    expect(await shop.stock(a.variants[0]!.dbId)).toBe(8);

    const tooMany = ok(
      await api.gql(
        REFUND,
        { input: { id: order.id, lines: [{ lineId: gidOf(lineB!), quantity: 3 }] } },
        shop.asMerchant,
      ),
    ).orderRefund;
    expect(tooMany.userErrors).toEqual([
      expect.objectContaining({ code: "REFUND_QUANTITY_EXCEEDED", field: ["lines", "0", "quantity"] }),
    ]);

    const rest = ok(
      await api.gql(REFUND, { input: { id: order.id, restock: true } }, shop.asMerchant),
    ).orderRefund;
    expect(rest.userErrors).toEqual([]);
    expect(rest.order.status).toBe("REFUNDED");
    const after = await orderRow(order.id);
    expect(after.refundedTotal).toBe(after.total);
    expect(after.lines.map((l) => l.refundedQuantity).sort()).toEqual([2, 3]);
    expect(after.refunds.map((r) => r.amount).reduce((s, x) => s + x, 0)).toBe(after.total);
    expect(after.payments[0]).toMatchObject({ status: "REFUNDED", refundedAmount: after.total });
    expect(await shop.stock(a.variants[0]!.dbId)).toBe(9);
    expect(await shop.stock(b.variants[0]!.dbId)).toBe(10);
    const nothing = ok(await api.gql(REFUND, { input: { id: order.id } }, shop.asMerchant)).orderRefund;
    expect(nothing.userErrors.map((e: any) => e.code)).toEqual(["INVALID_STATUS_TRANSITION"]);
  });

  it("leaves the order unchanged when the provider refuses the refund", async () => {
    const p = await shop.product(shopA.id, ["8.00"], 10);
    const order = await paidOrder([[p, 2]], "tok_refund_declined");
    const res = ok(
      await api.gql(REFUND, { input: { id: order.id, restock: true } }, shop.asMerchant),
    ).orderRefund;
    expect(res).toMatchObject({ order: null, userErrors: [{ code: "REFUND_FAILED" }] });
    const row = await orderRow(order.id);
    expect(row).toMatchObject({
      status: "PAID",
      refundedTotal: 0,
      lines: [{ refundedQuantity: 0 }],
      payments: [{ status: "CAPTURED", refundedAmount: 0 }],
      refunds: [{ status: "FAILED" }],
    });
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(8);
  });

  it("keeps a refund whose answer was lost PENDING and settles it, once, on the next call", async () => {
    const p = await shop.product(shopA.id, ["8.00"], 10);
    const order = await paidOrder([[p, 2]]);
    payments.refundTimeouts = 2;
    const res = ok(
      await api.gql(
        REFUND,
        { input: { id: order.id, lines: [{ lineId: order.lines[0]!.id, quantity: 1 }], restock: true } },
        shop.asMerchant,
      ),
    ).orderRefund;
    expect(res.userErrors.map((e: any) => e.code)).toEqual(["REFUND_PENDING"]);
    expect(res.order).toMatchObject({ status: "PARTIALLY_REFUNDED", refunds: [{ status: "PENDING" }] });
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(8);

    const next = ok(
      await api.gql(
        REFUND,
        { input: { id: order.id, lines: [{ lineId: order.lines[0]!.id, quantity: 1 }] } },
        shop.asMerchant,
      ),
    ).orderRefund;
    expect(next.userErrors).toEqual([]);
    expect(next.order).toMatchObject({
      status: "REFUNDED",
      refundedTotal: { amount: "16.00" },
      refunds: [{ status: "SUCCEEDED" }, { status: "SUCCEEDED" }],
    });
    expect(await shop.stock(p.variants[0]!.dbId)).toBe(9);
    const charge = provider.charges().find((c) => c.refunded > 0 && c.amount === 1600)!;
    expect(charge.refunded).toBe(1600);
  });

  it("answers bad input with typed userErrors and changes nothing", async () => {
    const p = await shop.product(shopA.id, ["8.00"], 10);
    const order = await paidOrder([[p, 1]]);
    const res = ok(
      await api.gql(
        REFUND,
        { input: { id: order.id, lines: [{ lineId: "x", quantity: 0 }] } },
        shop.asMerchant,
      ),
    ).orderRefund;
    expect(res.userErrors.map((e: any) => [e.code, e.field.join(".")])).toEqual([
      ["INVALID_ID", "lines.0.lineId"],
      ["LESS_THAN_MINIMUM", "lines.0.quantity"],
    ]);
    const otherOrder = await paidOrder([[p, 1]]);
    const foreign = ok(
      await api.gql(
        REFUND,
        { input: { id: order.id, lines: [{ lineId: otherOrder.lines[0]!.id, quantity: 1 }] } },
        shop.asMerchant,
      ),
    ).orderRefund;
    expect(foreign.userErrors.map((e: any) => e.code)).toEqual(["NOT_FOUND"]);
    expect((await orderRow(order.id)).refundedTotal).toBe(0);
  });

  describe("at most 10 refunds per order", () => {
    const one = (order: { lines: { id: string }[] }) => ({
      lines: [{ lineId: order.lines[0]!.id, quantity: 1 }],
    });
    const refund = async (id: string, input: Record<string, unknown> = {}) =>
      ok(await api.gql(REFUND, { input: { id, ...input } }, shop.asMerchant)).orderRefund;
    /** `n` refunds of one unit each, every one succeeding. */
    async function partialRefunds(order: { id: string; lines: { id: string }[] }, n: number) {
      for (let i = 0; i < n; i++) expect((await refund(order.id, one(order))).userErrors).toEqual([]);
    }

    it("refuses a 10th refund that would leave units unrefunded, and keeps the 10th place for refunding everything left", async () => {
      const p = await shop.product(shopA.id, ["2.00"], 20);
      const order = await paidOrder([[p, 12]]);
      await partialRefunds(order, 9);
      const before = await orderRow(order.id);
      expect(before).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedTotal: 1800 });

      const tenth = await refund(order.id, { ...one(order), restock: true });
      expect(tenth).toEqual({
        order: null,
        userErrors: [{ code: "TOO_MANY_REFUNDS", field: ["id"], message: expect.stringContaining("10") }],
      });
      const leftOne = await refund(order.id, { lines: [{ lineId: order.lines[0]!.id, quantity: 2 }] });
      expect(leftOne.userErrors.map((e: any) => e.code)).toEqual(["TOO_MANY_REFUNDS"]);
      const after = await orderRow(order.id);
      expect(after).toMatchObject({
        status: "PARTIALLY_REFUNDED",
        refundedTotal: 1800,
        lines: [{ refundedQuantity: 9 }],
      });
      expect(after.refunds).toHaveLength(9);
      expect(await shop.stock(p.variants[0]!.dbId)).toBe(8);

      // Refunding every unit left (no lines) is the 10th.
      const rest = await refund(order.id, { restock: true });
      expect(rest.userErrors).toEqual([]);
      expect(rest.order).toMatchObject({ status: "REFUNDED", refundedTotal: { amount: "24.00" } });
      expect(rest.order.refunds).toHaveLength(10);
      expect(rest.order.refunds.at(-1)).toMatchObject({
        status: "SUCCEEDED",
        amount: { amount: "6.00" },
        restock: true,
      });
      expect(await shop.stock(p.variants[0]!.dbId)).toBe(11);
      expect((await refund(order.id)).userErrors.map((e: any) => e.code)).toEqual([
        "INVALID_STATUS_TRANSITION",
      ]);
    });

    it("lets the lines naming every unit left be the 10th refund too", async () => {
      const p = await shop.product(shopA.id, ["1.00"], 20);
      const q = await shop.product(shopA.id, ["3.00"], 20);
      const order = await paidOrder([
        [p, 10],
        [q, 2],
      ]);
      const rows = (await orderRow(order.id)).lines;
      const gidOf = (product: Product) =>
        order.lines.find(
          (l) => dbId(l.id) === rows.find((r) => r.variantId === product.variants[0]!.dbId)!.id,
        )!.id;
      for (let i = 0; i < 9; i++)
        expect((await refund(order.id, { lines: [{ lineId: gidOf(p), quantity: 1 }] })).userErrors).toEqual(
          [],
        );
      const all = await refund(order.id, {
        lines: [
          { lineId: gidOf(p), quantity: 1 },
          { lineId: gidOf(q), quantity: 2 },
        ],
      });
      expect(all.userErrors).toEqual([]);
      expect(all.order).toMatchObject({ status: "REFUNDED", refundedTotal: { amount: "16.00" } });
    });

    it("lets orderCancel be the 10th refund", async () => {
      const p = await shop.product(shopA.id, ["2.00"], 20);
      const order = await paidOrder([[p, 12]]);
      await partialRefunds(order, 9);
      expect((await refund(order.id, one(order))).userErrors.map((e: any) => e.code)).toEqual([
        "TOO_MANY_REFUNDS",
      ]);
      const cancel = ok(
        await api.gql(CANCEL, { input: { id: order.id, reason: "too many changes" } }, shop.asMerchant),
      ).orderCancel;
      expect(cancel.userErrors).toEqual([]);
      expect(cancel.order).toMatchObject({ status: "CANCELLED", refundedTotal: { amount: "24.00" } });
      expect(cancel.order.refunds).toHaveLength(10);
      expect(await shop.stock(p.variants[0]!.dbId)).toBe(11);
    });

    it("lists at most 10 refunds, the oldest, however many rows the order holds", async () => {
      const p = await shop.product(shopA.id, ["2.00"], 20);
      const order = await paidOrder([[p, 1]]);
      // Written directly, past orderRefund's check: the read must hold its bound on its own.
      for (let i = 0; i < 11; i++) {
        await api.db.prisma.refund.create({
          data: { orderId: dbId(order.id), amount: 0, lines: [], status: "SUCCEEDED", reason: `r${i}` },
          select: { id: true },
        });
      }
      const listed = ok(
        await api.gql(
          `query($id: ID!) { order(id: $id) { refunds { reason } } }`,
          { id: order.id },
          shop.asMerchant,
        ),
      ).order.refunds;
      expect(listed.map((r: any) => r.reason)).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`));
    });

    it("does not count a refund the provider declined, nor list it", async () => {
      const p = await shop.product(shopA.id, ["2.00"], 20);
      const order = await paidOrder([[p, 12]]);
      await partialRefunds(order, 4);
      payments.refundDeclines = 2;
      for (let i = 0; i < 2; i++) {
        const declined = await refund(order.id, one(order));
        expect(declined).toMatchObject({ order: null, userErrors: [{ code: "REFUND_FAILED" }] });
      }
      expect(payments.refundDeclines).toBe(0);
      // Nine that succeeded besides the two declined: the 9th partial one is still allowed.
      await partialRefunds(order, 5);
      const row = await orderRow(order.id);
      expect(row.refunds.map((r) => r.status).sort()).toEqual(
        [...Array(2).fill("FAILED"), ...Array(9).fill("SUCCEEDED")].sort(),
      );
      expect(row).toMatchObject({ refundedTotal: 1800, lines: [{ refundedQuantity: 9 }] });
      const listed = ok(
        await api.gql(
          `query($id: ID!) { order(id: $id) { refunds { status amount { amount } } } }`,
          { id: order.id },
          shop.asMerchant,
        ),
      ).order.refunds;
      expect(listed).toHaveLength(9);
      expect(listed.every((r: any) => r.status === "SUCCEEDED")).toBe(true);

      expect((await refund(order.id, one(order))).userErrors.map((e: any) => e.code)).toEqual([
        "TOO_MANY_REFUNDS",
      ]);
      // A declined attempt at the 10th place leaves it free.
      payments.refundDeclines = 1;
      expect((await refund(order.id)).userErrors.map((e: any) => e.code)).toEqual(["REFUND_FAILED"]);
      const rest = await refund(order.id);
      expect(rest.userErrors).toEqual([]);
      expect(rest.order).toMatchObject({ status: "REFUNDED", refundedTotal: { amount: "24.00" } });
      expect(rest.order.refunds).toHaveLength(10);
    });
  });
});
