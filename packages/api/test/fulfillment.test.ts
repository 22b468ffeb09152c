/**
 * orderFulfill by lines: partial fulfilments with tracking, the order's and its lines' counts,
 * what the buyer reads, the orderStatusChanged event and the ORDER_FULFILLED webhook of each
 * fulfilment; refusals that change nothing; units refunded before shipping; orderCancel once
 * something shipped; the 50-fulfilment bound; concurrent fulfilments (PostgreSQL with
 * DATABASE_URL) never shipping a unit twice.
 */
import { randomUUID } from "node:crypto";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, gid, type Product } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";
import { MANUAL_JOBS, runDueAttempts } from "./jobs.ts";
import { params, subscribed, wsClient, wsSubscribe } from "./realtime.ts";

const USER_ERRORS = `userErrors { code field message quantityFulfillable }`;
const FULFILLMENT_FIELDS = `id createdAt tracking { carrier number url } lines { quantity line { id productTitle } }`;
const ORDER_FIELDS = `id status fulfillmentStatus fulfilledAt
  lines { id quantity fulfilledQuantity refundedQuantity }
  fulfillments { ${FULFILLMENT_FIELDS} }`;
const FULFILL = `mutation($input: OrderFulfillInput!) {
  orderFulfill(input: $input) { order { ${ORDER_FIELDS} } fulfillment { ${FULFILLMENT_FIELDS} } ${USER_ERRORS} }
}`;
const REFUND = `mutation($input: OrderRefundInput!) { orderRefund(input: $input) { order { id status } userErrors { code field } } }`;
const CANCEL = `mutation($input: OrderCancelInput!) { orderCancel(input: $input) { order { id status } userErrors { code field } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const ORDER_STATUS = `subscription($id: ID!) { orderStatusChanged(orderId: $id) { status fulfillmentStatus refetch order { id status fulfillmentStatus } } }`;

let api: TestApi;
let url: string;
let commerce: Commerce;
let shop: { id: string; dbId: string };
let buyer: string;
const clients: Client[] = [];
/** Webhook bodies sent (the sender's fetch is stubbed), parsed. */
const received: { type: string; data: any }[] = [];

beforeAll(async () => {
  const webhooks = async (_url: string | URL | Request, init?: RequestInit) => {
    received.push(JSON.parse(String(init?.body)));
    return new Response(null, { status: 204 });
  };
  api = await startTestApi(MANUAL_JOBS, { jobs: { sender: { fetch: webhooks as typeof fetch } } });
  url = (await api.server.listen(0, "127.0.0.1")).url;
  commerce = await Commerce.start(api);
  shop = await commerce.shop("EUR");
  buyer = await api.token("fulfil-buyer", ["BUYER"]);
  const hook = ok(
    await api.gql(
      `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { webhookEndpoint { id } userErrors { code } } }`,
      { input: { shopId: shop.id, url: "https://hooks.example.test/fulfil", topics: ["ORDER_FULFILLED"] } },
      commerce.asMerchant,
    ),
  ).webhookEndpointCreate;
  expect(hook.userErrors).toEqual([]);
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await api?.close();
});

interface PaidOrder {
  id: string;
  /** The order line (global id) of each product, in the order given. */
  lines: string[];
}

/** A product's `i`-th variant. */
function variant(p: Product, i = 0) {
  const v = p.variants[i];
  if (!v) throw new Error(`The product has no variant ${i}.`);
  return v;
}

/** A PAID order of `lines` ([product, quantity]) bought by `buyer`, optionally through an affiliate link. */
async function paidOrder(lines: [Product, number][], affiliateCode?: string): Promise<PaidOrder> {
  const cartId = await commerce.cart(
    lines.map(([p, quantity]) => ({
      variantId: variant(p).id,
      quantity,
      ...(affiliateCode ? { attribution: { affiliateCode } } : {}),
    })),
    { user: buyer },
  );
  const res = ok(
    await api.gql(
      CHECKOUT,
      { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
      { user: buyer },
    ),
  ).checkoutComplete;
  expect(res.userErrors).toEqual([]);
  const rows = await api.db.prisma.orderLine.findMany({
    where: { orderId: dbId(res.order.id) },
    select: { id: true, variantId: true },
  });
  const lineOf = (p: Product) => {
    const row = rows.find((r) => r.variantId === variant(p).dbId);
    if (!row) throw new Error("No order line has the product.");
    return gid("OrderLine", row.id);
  };
  return { id: res.order.id, lines: lines.map(([p]) => lineOf(p)) };
}

async function fulfil(input: Record<string, unknown>, as: CallAs = commerce.asMerchant) {
  return ok(await api.gql(FULFILL, { input }, as)).orderFulfill;
}

/** Everything a fulfilment writes or touches, as the database holds it. */
async function rowsOf(orderId: string) {
  const id = dbId(orderId);
  const prisma = api.db.prisma;
  const [order, fulfillments, webhookEvents, commissions] = await Promise.all([
    prisma.order.findUniqueOrThrow({
      where: { id },
      include: { lines: { orderBy: { id: "asc" } }, refunds: { orderBy: { id: "asc" } } },
    }),
    prisma.fulfillment.findMany({ where: { orderId: id }, orderBy: { id: "asc" } }),
    prisma.webhookEvent.count(),
    prisma.commission.findMany({ where: { orderId: id }, orderBy: { id: "asc" } }),
  ]);
  return { order, fulfillments, webhookEvents, commissions };
}

/** Delivers the webhooks queued since the last call and returns the order.fulfilled events of `orderId`. */
async function fulfilledWebhooks(orderId: string) {
  received.length = 0;
  await runDueAttempts(api, new Date());
  return received.filter((e) => e.type === "order.fulfilled" && e.data.order.id === orderId);
}

function subscribe(orderId: string, user = buyer) {
  const client = wsClient(url, params(api, { user }));
  clients.push(client);
  return wsSubscribe(client, ORDER_STATUS, { id: orderId });
}

/** An affiliate program on the shop and a creator's link code, so orders earn commissions. */
async function affiliateCode(): Promise<string> {
  ok(
    await api.gql(
      `mutation($input: AffiliateProgramUpsertInput!) { affiliateProgramUpsert(input: $input) { userErrors { code } } }`,
      { input: { shopId: shop.id, defaultRate: 1000 } },
      commerce.asMerchant,
    ),
  );
  const creator = await api.token("fulfil-creator", ["BUYER", "CREATOR"]);
  return ok(
    await api.gql(
      `mutation($input: AffiliateLinkCreateInput!) { affiliateLinkCreate(input: $input) { affiliateLink { code } userErrors { code } } }`,
      { input: { shopId: shop.id } },
      { user: creator },
    ),
  ).affiliateLinkCreate.affiliateLink.code;
}

describe("orderFulfill by lines", () => {
  it("ships part of one line with tracking, then the rest: status, fulfillmentStatus, rows, what the buyer reads, an orderStatusChanged event and an ORDER_FULFILLED webhook each time", async () => {
    const mug = await commerce.product(shop.id, ["12.00"], 10, "Mug");
    const cap = await commerce.product(shop.id, ["5.00"], 10, "Cap");
    const order = await paidOrder(
      [
        [mug, 3],
        [cap, 1],
      ],
      await affiliateCode(),
    );
    const [mugLine, capLine] = order.lines as [string, string];
    const before = await rowsOf(order.id);
    expect(before.commissions.length).toBeGreaterThan(0);
    const events = subscribe(order.id);
    await subscribed(api.server.events, "orderStatusChanged", order.id);

    // 1. Two of the three mugs, with tracking.
    const tracking = { carrier: "DHL", number: "JD014600003", url: "https://track.example.test/JD014600003" };
    const first = await fulfil({ id: order.id, lines: [{ lineId: mugLine, quantity: 2 }], tracking });
    expect(first.userErrors).toEqual([]);
    expect(first.order).toMatchObject({
      status: "PAID",
      fulfillmentStatus: "PARTIALLY_FULFILLED",
      fulfilledAt: null,
    });
    expect(first.fulfillment).toMatchObject({
      tracking,
      lines: [{ quantity: 2, line: { id: mugLine, productTitle: "Mug" } }],
    });
    expect(first.order.fulfillments).toEqual([first.fulfillment]);
    expect((await events.next()).data.orderStatusChanged).toEqual({
      status: "PAID",
      fulfillmentStatus: "PARTIALLY_FULFILLED",
      refetch: false,
      order: { id: order.id, status: "PAID", fulfillmentStatus: "PARTIALLY_FULFILLED" },
    });
    const [firstHook, ...moreHooks] = await fulfilledWebhooks(order.id);
    expect(moreHooks).toEqual([]);
    expect(firstHook?.data.fulfillment).toEqual({
      id: first.fulfillment.id,
      createdAt: first.fulfillment.createdAt,
      lines: [{ orderLineId: mugLine, quantity: 2 }],
      tracking,
    });
    expect(firstHook?.data.order).toMatchObject({ id: order.id, status: "PAID" });
    expect(
      firstHook?.data.order.lines.map((l: any) => [l.id, l.quantity, l.fulfilledQuantity]).sort(),
    ).toEqual(
      [
        [mugLine, 3, 2],
        [capLine, 1, 0],
      ].sort(),
    );
    const afterFirst = await rowsOf(order.id);
    expect(afterFirst.order).toMatchObject({ status: "PAID", fulfilledAt: null });
    expect(afterFirst.order.lines.map((l) => [gid("OrderLine", l.id), l.fulfilledQuantity]).sort()).toEqual(
      [
        [mugLine, 2],
        [capLine, 0],
      ].sort(),
    );
    expect(afterFirst.fulfillments).toEqual([
      expect.objectContaining({
        id: dbId(first.fulfillment.id),
        lines: [{ orderLineId: dbId(mugLine), quantity: 2 }],
        carrier: "DHL",
        trackingNumber: "JD014600003",
        trackingUrl: "https://track.example.test/JD014600003",
      }),
    ]);
    // Commissions start their hold only when the order is fulfilled whole.
    expect(afterFirst.commissions.every((c) => c.payableAt === null)).toBe(true);

    // 2. Everything left (the last mug and the cap), without tracking.
    const second = await fulfil({ id: order.id });
    expect(second.userErrors).toEqual([]);
    expect(second.order).toMatchObject({ status: "FULFILLED", fulfillmentStatus: "FULFILLED" });
    expect(second.order.fulfilledAt).not.toBeNull();
    expect(second.fulfillment.tracking).toBeNull();
    expect(second.fulfillment.lines.map((l: any) => [l.line.id, l.quantity]).sort()).toEqual(
      [
        [mugLine, 1],
        [capLine, 1],
      ].sort(),
    );
    expect((await events.next()).data.orderStatusChanged).toEqual({
      status: "FULFILLED",
      fulfillmentStatus: "FULFILLED",
      refetch: false,
      order: { id: order.id, status: "FULFILLED", fulfillmentStatus: "FULFILLED" },
    });
    const [secondHook] = await fulfilledWebhooks(order.id);
    expect(secondHook?.data).toMatchObject({
      fulfillment: { id: second.fulfillment.id, tracking: null },
      order: { id: order.id, status: "FULFILLED" },
    });
    const afterSecond = await rowsOf(order.id);
    expect(afterSecond.order.fulfilledAt).not.toBeNull();
    expect(afterSecond.order.lines.every((l) => l.fulfilledQuantity === l.quantity)).toBe(true);
    expect(afterSecond.fulfillments).toHaveLength(2);
    const fulfilledAt = afterSecond.order.fulfilledAt?.getTime() ?? Number.NaN;
    for (const c of afterSecond.commissions)
      expect(c.payableAt?.getTime()).toBe(fulfilledAt + 15 * 86_400_000);

    // The buyer reads the fulfilments, oldest first, on their order and by id.
    const seen = ok(await api.gql(ORDER, { id: order.id }, { user: buyer })).order;
    expect(seen).toMatchObject({ status: "FULFILLED", fulfillmentStatus: "FULFILLED" });
    expect(seen.fulfillments).toEqual([first.fulfillment, second.fulfillment]);
    expect(seen.lines.map((l: any) => [l.id, l.fulfilledQuantity]).sort()).toEqual(
      [
        [mugLine, 3],
        [capLine, 1],
      ].sort(),
    );
    const NODE = `query($id: ID!) { node(id: $id) { id ... on Fulfillment { tracking { carrier } } } }`;
    expect(ok(await api.gql(NODE, { id: first.fulfillment.id }, { user: buyer })).node).toEqual({
      id: first.fulfillment.id,
      tracking: { carrier: "DHL" },
    });
    const stranger = await api.token("fulfil-stranger", ["BUYER"]);
    expect(ok(await api.gql(NODE, { id: first.fulfillment.id }, { user: stranger })).node).toBeNull();

    // Nothing is left to ship.
    const again = await fulfil({ id: order.id });
    expect(again).toMatchObject({ order: null, fulfillment: null });
    expect(again.userErrors.map((e: any) => [e.code, e.field])).toEqual([
      ["INVALID_STATUS_TRANSITION", ["id"]],
    ]);
    await events.close();
  });

  it("answers bad input and impossible moves with typed userErrors, writes nothing and publishes nothing", async () => {
    const p = await commerce.product(shop.id, ["3.00"], 20);
    const q = await commerce.product(shop.id, ["4.00"], 20);
    const order = await paidOrder([
      [p, 2],
      [q, 1],
    ]);
    const [pLine, qLine] = order.lines as [string, string];
    const other = await paidOrder([[p, 1]]);
    const events = subscribe(order.id);
    await subscribed(api.server.events, "orderStatusChanged", order.id);
    const before = await rowsOf(order.id);

    const cases: [Record<string, unknown>, [string, string[] | null, number?][]][] = [
      [{ lines: [{ lineId: other.lines[0], quantity: 1 }] }, [["NOT_FOUND", ["lines", "0", "lineId"]]]],
      [
        { lines: [{ lineId: pLine, quantity: 3 }] },
        [["FULFILL_QUANTITY_EXCEEDED", ["lines", "0", "quantity"], 2]],
      ],
      [
        {
          lines: [
            { lineId: pLine, quantity: 1 },
            { lineId: qLine, quantity: 2 },
          ],
        },
        [["FULFILL_QUANTITY_EXCEEDED", ["lines", "1", "quantity"], 1]],
      ],
      [{ lines: [{ lineId: pLine, quantity: 0 }] }, [["LESS_THAN_MINIMUM", ["lines", "0", "quantity"]]]],
      [
        {
          lines: [
            { lineId: pLine, quantity: 1 },
            { lineId: pLine, quantity: 1 },
          ],
        },
        [["INVALID", ["lines"]]],
      ],
      [{ lines: [] }, [["TOO_SHORT", ["lines"]]]],
      [{ lines: [{ lineId: order.id, quantity: 1 }] }, [["INVALID_ID", ["lines", "0", "lineId"]]]],
      [{ tracking: { url: "ftp://track.example.test/1" } }, [["INVALID", ["tracking", "url"]]]],
      [{ tracking: { url: "javascript:alert(1)" } }, [["INVALID", ["tracking", "url"]]]],
      [{ tracking: { carrier: "C".repeat(61) } }, [["TOO_LONG", ["tracking", "carrier"]]]],
      [{ tracking: { number: "9".repeat(101) } }, [["TOO_LONG", ["tracking", "number"]]]],
      [{ tracking: { carrier: "  " } }, [["BLANK", ["tracking", "carrier"]]]],
      [{ id: gid("Order", randomUUID()) }, [["NOT_FOUND", ["id"]]]],
    ];
    for (const [input, expected] of cases) {
      const res = await fulfil({ id: order.id, ...input });
      expect({ input, res: { order: res.order, fulfillment: res.fulfillment } }).toEqual({
        input,
        res: { order: null, fulfillment: null },
      });
      expect({
        input,
        errors: res.userErrors.map((e: any) => [e.code, e.field, e.quantityFulfillable]),
      }).toEqual({
        input,
        errors: expected.map(([code, field, n]) => [code, field, n ?? null]),
      });
    }
    // Only the shop's merchants and the platform fulfil.
    const outsider = await api.token("fulfil-outsider", ["MERCHANT"]);
    for (const as of [{ user: buyer }, { key: "secret", user: outsider }, {}]) {
      const res = await api.gql(FULFILL, { input: { id: order.id } }, as);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await rowsOf(order.id)).toEqual(before);

    // The first event the buyer hears is the fulfilment that follows: the refusals published nothing.
    const platform = await fulfil(
      { id: order.id, lines: [{ lineId: qLine, quantity: 1 }] },
      { key: "secret" },
    );
    expect(platform.userErrors).toEqual([]);
    expect((await events.next()).data.orderStatusChanged).toMatchObject({
      status: "PAID",
      fulfillmentStatus: "PARTIALLY_FULFILLED",
    });
    expect(await fulfilledWebhooks(order.id)).toHaveLength(1);
    await events.close();
  });

  it("refuses cancelled and refunded orders with INVALID_STATUS_TRANSITION", async () => {
    const p = await commerce.product(shop.id, ["6.00"], 20);
    const cancelled = await paidOrder([[p, 1]]);
    expect(
      ok(await api.gql(CANCEL, { input: { id: cancelled.id } }, commerce.asMerchant)).orderCancel.userErrors,
    ).toEqual([]);
    const refunded = await paidOrder([[p, 2]]);
    expect(
      ok(await api.gql(REFUND, { input: { id: refunded.id } }, commerce.asMerchant)).orderRefund.userErrors,
    ).toEqual([]);
    for (const order of [cancelled, refunded]) {
      const before = await rowsOf(order.id);
      for (const input of [
        { id: order.id },
        { id: order.id, lines: [{ lineId: order.lines[0], quantity: 1 }] },
      ]) {
        const res = await fulfil(input);
        expect(res.userErrors.map((e: any) => e.code)).toEqual(["INVALID_STATUS_TRANSITION"]);
      }
      expect(await rowsOf(order.id)).toEqual(before);
    }
  });

  it("does not ship units refunded before shipping: a partially refunded order ships the rest and keeps its status", async () => {
    const p = await commerce.product(shop.id, ["7.00"], 20);
    const order = await paidOrder([[p, 3]]);
    const [line] = order.lines as [string];
    const refund = ok(
      await api.gql(
        REFUND,
        { input: { id: order.id, lines: [{ lineId: line, quantity: 1 }] } },
        commerce.asMerchant,
      ),
    ).orderRefund;
    expect(refund.order.status).toBe("PARTIALLY_REFUNDED");
    const before = await rowsOf(order.id);
    const tooMany = await fulfil({ id: order.id, lines: [{ lineId: line, quantity: 3 }] });
    expect(tooMany.userErrors).toEqual([
      expect.objectContaining({
        code: "FULFILL_QUANTITY_EXCEEDED",
        field: ["lines", "0", "quantity"],
        quantityFulfillable: 2,
      }),
    ]);
    expect(await rowsOf(order.id)).toEqual(before);

    const rest = await fulfil({ id: order.id });
    expect(rest.userErrors).toEqual([]);
    expect(rest.order).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      fulfillmentStatus: "FULFILLED",
      lines: [{ quantity: 3, fulfilledQuantity: 2, refundedQuantity: 1 }],
    });
    expect(rest.order.fulfilledAt).not.toBeNull();
    expect(rest.fulfillment.lines).toEqual([{ quantity: 2, line: expect.objectContaining({ id: line }) }]);
    expect((await rowsOf(order.id)).order.status).toBe("PARTIALLY_REFUNDED");
  });

  it("refuses orderCancel once a unit shipped; refunding what did not ship completes the order and starts the commissions' hold", async () => {
    const p = await commerce.product(shop.id, ["8.00"], 20);
    const order = await paidOrder([[p, 2]], await affiliateCode());
    const [line] = order.lines as [string];
    expect((await fulfil({ id: order.id, lines: [{ lineId: line, quantity: 1 }] })).userErrors).toEqual([]);
    const before = await rowsOf(order.id);
    const cancel = ok(await api.gql(CANCEL, { input: { id: order.id } }, commerce.asMerchant)).orderCancel;
    expect(cancel).toEqual({
      order: null,
      userErrors: [{ code: "INVALID_STATUS_TRANSITION", field: ["id"] }],
    });
    expect(await rowsOf(order.id)).toEqual(before);
    expect(await commerce.stock(variant(p).dbId)).toBe(18);

    // The unit that did not ship is refunded instead: everything owed has shipped.
    const refund = ok(
      await api.gql(
        REFUND,
        { input: { id: order.id, lines: [{ lineId: line, quantity: 1 }] } },
        commerce.asMerchant,
      ),
    ).orderRefund;
    expect(refund.userErrors).toEqual([]);
    const read = ok(await api.gql(ORDER, { id: order.id }, { user: buyer })).order;
    expect(read).toMatchObject({ status: "PARTIALLY_REFUNDED", fulfillmentStatus: "FULFILLED" });
    // Everything owed shipped: the order is complete and the shipped unit's commission starts its hold.
    const completed = await api.db.prisma.order.findUniqueOrThrow({
      where: { id: dbId(order.id) },
      select: { fulfilledAt: true, commissions: { select: { amount: true, payableAt: true } } },
    });
    expect(completed.fulfilledAt).not.toBeNull();
    const earned = completed.commissions.filter((c) => c.amount > 0);
    expect(earned.length).toBeGreaterThan(0);
    for (const c of earned)
      expect(c.payableAt?.getTime()).toBe((completed.fulfilledAt?.getTime() ?? 0) + 15 * 86_400_000);
    const nothing = await fulfil({ id: order.id });
    expect(nothing.userErrors.map((e: any) => [e.code, e.field])).toEqual([
      ["INVALID_STATUS_TRANSITION", ["id"]],
    ]);
  });

  it("takes at most 50 fulfilments, keeping the 50th for everything left", async () => {
    const p = await commerce.product(shop.id, ["1.00"], 60);
    const order = await paidOrder([[p, 52]]);
    const one = { id: order.id, lines: [{ lineId: order.lines[0], quantity: 1 }] };
    for (let i = 0; i < 49; i++) expect((await fulfil(one)).userErrors).toEqual([]);
    const before = await rowsOf(order.id);
    const fiftieth = await fulfil(one);
    expect(fiftieth.userErrors.map((e: any) => e.code)).toEqual(["TOO_MANY_FULFILLMENTS"]);
    expect(await rowsOf(order.id)).toEqual(before);
    const rest = await fulfil({ id: order.id });
    expect(rest.userErrors).toEqual([]);
    expect(rest.order).toMatchObject({ status: "FULFILLED", lines: [{ fulfilledQuantity: 52 }] });
    expect(rest.order.fulfillments).toHaveLength(50);
    expect(rest.order.fulfillments.at(-1).lines).toEqual([expect.objectContaining({ quantity: 3 })]);
  });

  it("reads the fulfilments of a page of orders in a fixed number of statements", async () => {
    const reader = await api.token("fulfil-reader", ["BUYER"]);
    const p = await commerce.product(shop.id, ["2.00", "3.00"], 100);
    const q = `{ viewer { orders(first: 5) { edges { node { id fulfillmentStatus lines { fulfilledQuantity }
      fulfillments { id tracking { carrier } lines { quantity line { id productTitle } } } } } } } }`;
    const statementsFor = async () => {
      const { result, statements } = await api.db.statementsDuring(() => api.gql(q, {}, { user: reader }));
      ok(result);
      return { orders: ok(result).viewer.orders.edges, statements: statements.length };
    };
    const order = async () => {
      const cartId = await commerce.cart(
        [
          { variantId: variant(p, 0).id, quantity: 2 },
          { variantId: variant(p, 1).id, quantity: 2 },
        ],
        { user: reader },
      );
      const res = ok(
        await api.gql(
          CHECKOUT,
          { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
          { user: reader },
        ),
      ).checkoutComplete;
      const lines = await api.db.prisma.orderLine.findMany({ where: { orderId: dbId(res.order.id) } });
      for (const l of lines)
        expect(
          (
            await fulfil({
              id: res.order.id,
              lines: [{ lineId: gid("OrderLine", l.id), quantity: 1 }],
              tracking: { carrier: "UPS" },
            })
          ).userErrors,
        ).toEqual([]);
    };
    await order();
    const few = await statementsFor();
    for (let i = 0; i < 4; i++) await order();
    const many = await statementsFor();
    expect(few.orders).toHaveLength(1);
    expect(many.orders).toHaveLength(5);
    expect(many.orders.flatMap((o: any) => o.node.fulfillments)).toHaveLength(10);
    expect(many.orders[0].node.fulfillments[0].lines[0].line.productTitle).toBeTruthy();
    // The page with its lines, the fulfilments, and one batched read of the lines they shipped.
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThanOrEqual(4);
  });
});

describe("concurrent orderFulfill", () => {
  it("never ships a unit twice: of 8 parallel fulfilments of 1 unit, exactly as many succeed as units are left", async () => {
    const p = await commerce.product(shop.id, ["9.00"], 40);
    // Three units to ship; and four bought of which one was refunded before shipping.
    const three = await paidOrder([[p, 3]]);
    const fourLessOne = await paidOrder([[p, 4]]);
    expect(
      ok(
        await api.gql(
          REFUND,
          { input: { id: fourLessOne.id, lines: [{ lineId: fourLessOne.lines[0], quantity: 1 }] } },
          commerce.asMerchant,
        ),
      ).orderRefund.userErrors,
    ).toEqual([]);
    // And four requests for everything left at once.
    const whole = await paidOrder([[p, 2]]);

    const requests = [
      ...[three, fourLessOne].flatMap((o) =>
        Array.from({ length: 8 }, () => ({ id: o.id, lines: [{ lineId: o.lines[0], quantity: 1 }] })),
      ),
      ...Array.from({ length: 4 }, () => ({ id: whole.id })),
    ];
    const results = await Promise.all(
      requests.map(async (input) => ({ input, res: await api.gql(FULFILL, { input }, commerce.asMerchant) })),
    );
    for (const { res } of results) expect(res.errors).toBeUndefined();
    /** "OK" or the error code of each request on the order. */
    const outcomes = (orderId: string): string[] =>
      results
        .filter(({ input }) => input.id === orderId)
        .map(({ res }) => res.data.orderFulfill.userErrors[0]?.code ?? "OK");
    const count = (xs: string[], x: string) => xs.filter((y) => y === x).length;
    for (const [order, succeeded, shipped] of [
      [three, 3, 3],
      [fourLessOne, 3, 3],
      [whole, 1, 2],
    ] as const) {
      const got = outcomes(order.id);
      expect(count(got, "OK")).toBe(succeeded);
      // The others found nothing left: the order was fulfilled by then.
      expect(count(got, "INVALID_STATUS_TRANSITION") + count(got, "FULFILL_QUANTITY_EXCEEDED")).toBe(
        got.length - succeeded,
      );
      const rows = await rowsOf(order.id);
      expect(rows.fulfillments).toHaveLength(succeeded);
      expect(rows.order.lines.map((l) => l.fulfilledQuantity)).toEqual([shipped]);
      expect(rows.order.fulfilledAt).not.toBeNull();
    }
    expect(await fulfilledWebhooks(three.id)).toHaveLength(3);
  });
});
