import { randomUUID } from "node:crypto";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releasePayableCommissions, publishReleased } from "@shoppable/schema";
import { CHECKOUT, Commerce, dbId, gid } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";
import { MANUAL_JOBS, runDueAttempts } from "./jobs.ts";
import { params, until, wsClient, wsSubscribe } from "./realtime.ts";

const COMMISSION_EVENTS = `subscription { commissionEvents { kind refetch commissions { id status amount { amount currencyCode } reversal } } }`;
const USER_ERRORS = `userErrors { code field message }`;

let api: TestApi;
let url: string;
let commerce: Commerce;
const clients: Client[] = [];
/** Webhook bodies sent (the sender's fetch is stubbed). */
const received: string[] = [];

beforeAll(async () => {
  const webhooks = async (_url: string | URL | Request, init?: RequestInit) => {
    received.push(String(init?.body));
    return new Response(null, { status: 204 });
  };
  api = await startTestApi(MANUAL_JOBS, { jobs: { sender: { fetch: webhooks as typeof fetch } } });
  url = (await api.server.listen(0, "127.0.0.1")).url;
  commerce = await Commerce.start(api);
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await api?.close();
});

function client(user?: string) {
  const c = wsClient(url, params(api, user ? { user } : {}));
  clients.push(c);
  return c;
}

describe("commissionEvents", () => {
  it("tells a creator, and only them, when commissions are earned, start their hold, become payable, are paid and reversed", async () => {
    const shop = await commerce.shop("EUR");
    const product = await commerce.product(shop.id, ["40.00"], 20, "Linked");
    ok(
      await api.gql(
        `mutation($input: AffiliateProgramUpsertInput!) { affiliateProgramUpsert(input: $input) { ${USER_ERRORS} } }`,
        { input: { shopId: shop.id, defaultRate: 1000 } },
        commerce.asMerchant,
      ),
    );
    const creatorToken = await api.token("commission-creator", ["BUYER", "CREATOR"]);
    const otherToken = await api.token("commission-other", ["BUYER", "CREATOR"]);
    const link = ok(
      await api.gql(
        `mutation($input: AffiliateLinkCreateInput!) { affiliateLinkCreate(input: $input) { affiliateLink { code } ${USER_ERRORS} } }`,
        { input: { productId: product.id } },
        { user: creatorToken },
      ),
    ).affiliateLinkCreate.affiliateLink.code as string;
    const creatorId = (
      await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "commission-creator" } })
    ).id;

    expect((await wsSubscribe(client(), COMMISSION_EVENTS, {}).next()).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    const mine = wsSubscribe(client(creatorToken), COMMISSION_EVENTS, {});
    const theirs = wsSubscribe(client(otherToken), COMMISSION_EVENTS, {});
    await until(
      () => api.server.events.subscribers("commissionEvents", creatorId) === 1,
      "the creator's subscription",
    );

    const buyer = await api.token("commission-buyer", ["BUYER"]);
    const cartId = await commerce.cart(
      [{ variantId: product.variants[0]!.id, quantity: 2, attribution: { affiliateCode: link } }],
      { user: buyer },
    );
    const done = ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        { user: buyer },
      ),
    ).checkoutComplete;
    expect(done.userErrors).toEqual([]);
    const earned = (await mine.next()).data.commissionEvents;
    expect(earned).toEqual({
      kind: "EARNED",
      refetch: false,
      commissions: [
        expect.objectContaining({
          status: "PENDING",
          amount: { amount: "8.00", currencyCode: "EUR" },
          reversal: false,
        }),
      ],
    });

    ok(
      await api.gql(
        `mutation($input: OrderFulfillInput!) { orderFulfill(input: $input) { ${USER_ERRORS} } }`,
        { input: { id: done.order.id } },
        commerce.asMerchant,
      ),
    );
    expect((await mine.next()).data.commissionEvents).toMatchObject({
      kind: "HOLD_STARTED",
      commissions: [{ status: "PENDING" }],
    });

    // The release job (outside any request) publishes what it released.
    const released = await releasePayableCommissions(api.db.prisma, new Date(Date.now() + 16 * 86_400_000));
    expect(released).toHaveLength(1);
    publishReleased(api.server.events, released);
    expect((await mine.next()).data.commissionEvents).toMatchObject({
      kind: "PAYABLE",
      commissions: [{ status: "PAYABLE" }],
    });

    ok(
      await api.gql(
        `mutation($input: AffiliatePayoutInput!) { affiliatePayout(input: $input) { ${USER_ERRORS} } }`,
        { input: { creatorId: gid("User", creatorId) } },
        { key: "secret" },
      ),
    );
    expect((await mine.next()).data.commissionEvents).toMatchObject({
      kind: "PAID",
      commissions: [{ status: "PAID" }],
    });

    const line = await api.db.prisma.orderLine.findFirstOrThrow({ where: { orderId: dbId(done.order.id) } });
    const refund = ok(
      await api.gql(
        `mutation($input: OrderRefundInput!) { orderRefund(input: $input) { ${USER_ERRORS} } }`,
        { input: { id: done.order.id, lines: [{ lineId: gid("OrderLine", line.id), quantity: 1 }] } },
        commerce.asMerchant,
      ),
    ).orderRefund;
    expect(refund.userErrors).toEqual([]);
    expect((await mine.next()).data.commissionEvents).toMatchObject({
      kind: "REVERSED",
      commissions: [{ reversal: true, status: "PAYABLE", amount: { amount: "-4.00" } }],
    });

    // The other creator heard nothing: the first thing they get is what is theirs.
    const otherShop = await commerce.shop("EUR");
    const otherProduct = await commerce.product(otherShop.id, ["10.00"], 5, "Theirs");
    ok(
      await api.gql(
        `mutation($input: AffiliateProgramUpsertInput!) { affiliateProgramUpsert(input: $input) { ${USER_ERRORS} } }`,
        { input: { shopId: otherShop.id, defaultRate: 500 } },
        commerce.asMerchant,
      ),
    );
    const otherLink = ok(
      await api.gql(
        `mutation($input: AffiliateLinkCreateInput!) { affiliateLinkCreate(input: $input) { affiliateLink { code } ${USER_ERRORS} } }`,
        { input: { productId: otherProduct.id } },
        { user: otherToken },
      ),
    ).affiliateLinkCreate.affiliateLink.code as string;
    const otherCart = await commerce.cart(
      [{ variantId: otherProduct.variants[0]!.id, quantity: 1, attribution: { affiliateCode: otherLink } }],
      { user: buyer },
    );
    ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId: otherCart, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        { user: buyer },
      ),
    );
    expect((await theirs.next()).data.commissionEvents).toMatchObject({
      kind: "EARNED",
      commissions: [{ amount: { amount: "0.50" } }],
    });
    await mine.close();
    await theirs.close();
  });

  it("sends a COMMISSION_PAYABLE webhook to the shop when a commission becomes payable", async () => {
    const shop = await commerce.shop("EUR");
    const product = await commerce.product(shop.id, ["20.00"], 20, "Hooked link");
    ok(
      await api.gql(
        `mutation($input: AffiliateProgramUpsertInput!) { affiliateProgramUpsert(input: $input) { ${USER_ERRORS} } }`,
        { input: { shopId: shop.id, defaultRate: 1500 } },
        commerce.asMerchant,
      ),
    );
    const hook = ok(
      await api.gql(
        `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { webhookEndpoint { id } ${USER_ERRORS} } }`,
        { input: { shopId: shop.id, url: "https://hooks.example.test/in", topics: ["COMMISSION_PAYABLE"] } },
        commerce.asMerchant,
      ),
    ).webhookEndpointCreate;
    expect(hook.userErrors).toEqual([]);
    const creatorToken = await api.token("payable-creator", ["BUYER", "CREATOR"]);
    const code = ok(
      await api.gql(
        `mutation($input: AffiliateLinkCreateInput!) { affiliateLinkCreate(input: $input) { affiliateLink { code } ${USER_ERRORS} } }`,
        { input: { shopId: shop.id } },
        { user: creatorToken },
      ),
    ).affiliateLinkCreate.affiliateLink.code;
    const buyer = await api.token("payable-buyer", ["BUYER"]);
    const cartId = await commerce.cart(
      [{ variantId: product.variants[0]!.id, quantity: 1, attribution: { affiliateCode: code } }],
      { user: buyer },
    );
    const done = ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        { user: buyer },
      ),
    ).checkoutComplete;
    ok(
      await api.gql(
        `mutation($input: OrderFulfillInput!) { orderFulfill(input: $input) { ${USER_ERRORS} } }`,
        { input: { id: done.order.id } },
        commerce.asMerchant,
      ),
    );
    const at = new Date(Date.now() + 16 * 86_400_000);
    expect(await releasePayableCommissions(api.db.prisma, at)).toHaveLength(1);
    // Released outside a request: the delivery has no queued attempt until the sweep queues it.
    expect(await api.db.prisma.webhookDelivery.count({ where: { jobId: null } })).toBe(1);
    expect(await api.jobs!.runNow("webhook-sweep")).toBe(1);
    expect(await runDueAttempts(api, new Date())).toBe(1);
    const event = JSON.parse(received[0]!);
    expect(event).toMatchObject({
      type: "commission.payable",
      data: {
        commission: {
          status: "PAYABLE",
          orderId: done.order.id,
          amount: { amount: "3.00", currencyCode: "EUR" },
        },
      },
    });
  });
});
