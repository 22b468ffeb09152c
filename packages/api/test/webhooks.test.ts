import { randomUUID } from "node:crypto";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createJobs, type Jobs } from "../src/jobs.ts";
import { createLogger } from "../src/logger.ts";
import { signWebhook, verifyWebhookSignature, WebhookSender } from "../src/webhooks.ts";
import { CHECKOUT, Commerce, dbId } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";
import { MANUAL_JOBS, runDueAttempts } from "./jobs.ts";

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** An integrator's endpoint on loopback: records requests, answers with the next queued status (200 when none). */
class Receiver {
  readonly received: Received[] = [];
  readonly statuses: number[] = [];
  private server!: Server;
  url = "";

  async start() {
    this.server = createHttpServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        this.received.push({ headers: req.headers as Record<string, string>, body });
        res.writeHead(this.statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  close() {
    return new Promise((r) => this.server.close(r));
  }
}

let api: TestApi;
let commerce: Commerce;
let shop: { id: string; dbId: string };
let receiver: Receiver;
let buyer: string;
let clock: Date;

const ENDPOINT_FIELDS = `id url topics enabled signingSecret description`;
const CREATE = `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { webhookEndpoint { ${ENDPOINT_FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: WebhookEndpointUpdateInput!) { webhookEndpointUpdate(input: $input) { webhookEndpoint { ${ENDPOINT_FIELDS} } userErrors { code field message } } }`;
const DELETE = `mutation($input: WebhookEndpointDeleteInput!) { webhookEndpointDelete(input: $input) { deletedWebhookEndpointId userErrors { code field message } } }`;

beforeAll(async () => {
  api = await startTestApi(MANUAL_JOBS, { jobs: { now: () => clock, sender: { now: () => clock } } });
  commerce = await Commerce.start(api);
  shop = await commerce.shop("EUR");
  buyer = await api.token("webhook-buyer", ["BUYER"]);
  receiver = new Receiver();
  await receiver.start();
});
afterAll(async () => {
  for (const jobs of others) await jobs.stop(1000);
  await receiver?.close();
  await api?.close();
});
beforeEach(async () => {
  clock = new Date();
  receiver.received.length = 0;
  receiver.statuses.length = 0;
  await api.db.prisma.webhookEndpoint.deleteMany();
  await api.db.prisma.webhookEvent.deleteMany();
});

async function endpoint(topics: string[], shopId: string | null = shop.id, as = commerce.asMerchant) {
  const res = ok(
    await api.gql(CREATE, { input: { ...(shopId ? { shopId } : {}), url: receiver.url, topics } }, as),
  ).webhookEndpointCreate;
  expect(res.userErrors).toEqual([]);
  return res.webhookEndpoint as { id: string; signingSecret: string };
}

async function paidOrder(quantity = 1, stock = 10, token = "tok_success") {
  const product = await commerce.product(shop.id, ["19.50"], stock, "Hooked");
  const cartId = await commerce.cart(
    [{ variantId: product.variants[0]!.id, quantity }],
    { user: buyer },
    { buyerIdentity: { email: "b@example.test" } },
  );
  const res = ok(
    await api.gql(
      CHECKOUT,
      { input: { cartId, idempotencyKey: randomUUID(), payment: { token } } },
      { user: buyer },
    ),
  ).checkoutComplete;
  return { product, res };
}

const deliveries = () =>
  api.db.prisma.webhookDelivery.findMany({ orderBy: { createdAt: "asc" }, include: { event: true } });
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
/** Runs the attempts due at the test clock, which never runs behind real time (events are stamped by the database). */
const run = (workers?: Jobs[]) => {
  if (clock.getTime() < Date.now()) clock = new Date();
  return runDueAttempts(api, clock, workers);
};

/** Another instance working the same queue, with its own sender settings. Start it before the jobs it should see exist. */
async function otherInstance(sender: ConstructorParameters<typeof WebhookSender>[0] = {}): Promise<Jobs> {
  const jobs = createJobs({
    db: api.db,
    config: api.config,
    logger: createLogger("silent"),
    webhooks: new WebhookSender({ now: () => clock, ...sender }),
    now: () => clock,
  });
  await jobs.start(api.server.events);
  others.push(jobs);
  return jobs;
}
const others: Jobs[] = [];

describe("webhook endpoints", () => {
  it("are registered by the shop's merchants with a signing secret; FORBIDDEN to others", async () => {
    const created = await endpoint(["ORDER_PAID", "ORDER_PAID", "INVENTORY_LOW"]);
    expect(created).toMatchObject({
      topics: ["ORDER_PAID", "INVENTORY_LOW"],
      signingSecret: expect.stringMatching(/^whsec_/),
    });
    const outsider = await api.token("other-merchant", ["MERCHANT"]);
    for (const as of [{ key: "secret", user: outsider }, {}, { user: buyer }]) {
      const res = await api.gql(
        CREATE,
        { input: { shopId: shop.id, url: receiver.url, topics: ["ORDER_PAID"] } },
        as,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const listed = ok(
      await api.gql(
        `query($h: String!) { shop(handle: $h) { webhookEndpoints { id } } }`,
        { h: `shop-1-eur` },
        commerce.asMerchant,
      ),
    );
    expect(listed.shop.webhookEndpoints).toEqual([{ id: created.id }]);
    const peek = await api.gql(
      `query($h: String!) { shop(handle: $h) { webhookEndpoints { id } } }`,
      { h: `shop-1-eur` },
      { key: "secret", user: outsider },
    );
    expect(peek.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byNode = await api.gql(
      `query($id: ID!) { node(id: $id) { id ... on WebhookEndpoint { url signingSecret } } }`,
      { id: created.id },
      { user: buyer },
    );
    expect(byNode.data?.node ?? null).toBeNull();
    expect(JSON.stringify(byNode)).not.toContain(created.signingSecret);
  });

  it("for every shop are the platform's alone", async () => {
    const merchantTry = await api.gql(
      CREATE,
      { input: { url: receiver.url, topics: ["ORDER_PAID"] } },
      commerce.asMerchant,
    );
    expect(merchantTry.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const platform = await endpoint(["ORDER_PAID"], null, { key: "secret" });
    expect(
      ok(await api.gql(`{ platformWebhookEndpoints { id } }`, {}, { key: "secret" }))
        .platformWebhookEndpoints,
    ).toEqual([{ id: platform.id }]);
  });

  it("answers bad input with typed userErrors and writes nothing", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ shopId: shop.id, url: "ftp://example.test/x", topics: ["ORDER_PAID"] }, "URL_NOT_HTTP", "url"],
      [
        { shopId: shop.id, url: "https://user:pw@example.test/x", topics: ["ORDER_PAID"] },
        "URL_NOT_HTTP",
        "url",
      ],
      [{ shopId: shop.id, url: "not a url", topics: ["ORDER_PAID"] }, "URL_NOT_HTTP", "url"],
      [{ shopId: shop.id, url: receiver.url, topics: [] }, "TOPICS_REQUIRED", "topics"],
      [{ shopId: "bad", url: receiver.url, topics: ["ORDER_PAID"] }, "INVALID_ID", "shopId"],
      [
        {
          shopId: Buffer.from(`Shop:${randomUUID()}`).toString("base64"),
          url: receiver.url,
          topics: ["ORDER_PAID"],
        },
        "NOT_FOUND",
        "shopId",
      ],
    ];
    for (const [input, code, field] of cases) {
      const res = ok(await api.gql(CREATE, { input }, commerce.asMerchant)).webhookEndpointCreate;
      expect(res.userErrors, JSON.stringify(input)).toEqual([
        { code, field: [field], message: expect.any(String) },
      ]);
    }
    expect(await api.db.prisma.webhookEndpoint.count()).toBe(0);
  });

  it("update topics and URL, rotate the secret, and delete", async () => {
    const created = await endpoint(["ORDER_PAID"]);
    const updated = ok(
      await api.gql(
        UPDATE,
        { input: { id: created.id, topics: ["ORDER_REFUNDED"], rotateSecret: true, description: "ERP" } },
        commerce.asMerchant,
      ),
    ).webhookEndpointUpdate;
    expect(updated.userErrors).toEqual([]);
    expect(updated.webhookEndpoint).toMatchObject({ topics: ["ORDER_REFUNDED"], description: "ERP" });
    expect(updated.webhookEndpoint.signingSecret).not.toBe(created.signingSecret);
    const deleted = ok(
      await api.gql(DELETE, { input: { id: created.id } }, commerce.asMerchant),
    ).webhookEndpointDelete;
    expect(deleted).toEqual({ deletedWebhookEndpointId: created.id, userErrors: [] });
    expect(
      ok(await api.gql(DELETE, { input: { id: created.id } }, commerce.asMerchant)).webhookEndpointDelete
        .userErrors[0].code,
    ).toBe("NOT_FOUND");
  });
});

describe("webhook deliveries", () => {
  it("deliver order.paid once, signed, to the shop's and the platform's endpoints after the checkout commits", async () => {
    const shopHook = await endpoint(["ORDER_PAID"]);
    const platformHook = await endpoint(["ORDER_PAID"], null, { key: "secret" });
    await endpoint(["ORDER_REFUNDED"]);
    const { res } = await paidOrder(2);
    expect(res.userErrors).toEqual([]);
    expect((await deliveries()).map((d) => d.status)).toEqual(["PENDING", "PENDING"]);
    expect(await run()).toBe(2);
    expect(receiver.received).toHaveLength(2);
    const secrets = [shopHook.signingSecret, platformHook.signingSecret];
    for (const { headers, body } of receiver.received) {
      expect(
        secrets.some((s) =>
          verifyWebhookSignature(s, headers["shoppable-signature"]!, body, { now: clock.getTime() }),
        ),
      ).toBe(true);
      const event = JSON.parse(body);
      expect(event).toMatchObject({
        type: "order.paid",
        id: headers["shoppable-event-id"],
        data: {
          order: { id: res.order.id, status: "PAID", total: { amount: "39.00", currencyCode: "EUR" } },
        },
      });
      expect(event.data.order.lines).toEqual([
        expect.objectContaining({ quantity: 2, unitPrice: { amount: "19.50", currencyCode: "EUR" } }),
      ]);
    }
    expect((await deliveries()).map((d) => d.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    expect(await run()).toBe(0);
    expect(receiver.received).toHaveLength(2);
  });

  it("are not written when the change does not commit: a declined checkout emits nothing", async () => {
    await endpoint(["ORDER_PAID"]);
    const { res } = await paidOrder(1, 10, "tok_declined");
    expect(res.userErrors[0].code).toBe("PAYMENT_DECLINED");
    expect(await api.db.prisma.webhookEvent.count()).toBe(0);
  });

  it("are retried with backoff under the same event id until a 2xx, and FAILED after 3 days", async () => {
    await endpoint(["ORDER_PAID"]);
    receiver.statuses.push(500, 503);
    await paidOrder();
    await run();
    let [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
    expect(delivery!.nextAttemptAt.getTime() - clock.getTime()).toBe(60_000);
    later(30_000);
    expect(await run()).toBe(0);
    later(31_000);
    expect(await run()).toBe(1);
    [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 2, lastStatusCode: 503 });
    expect(delivery!.nextAttemptAt.getTime() - clock.getTime()).toBe(5 * 60_000);
    later(5 * 60_000);
    await run();
    [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 200 });
    const ids = receiver.received.map((r) => r.headers["shoppable-event-id"]);
    expect(new Set(ids).size).toBe(1);
    expect(receiver.received.map((r) => r.headers["shoppable-delivery-attempt"])).toEqual(["1", "2", "3"]);

    // An endpoint that never answers 2xx: attempts until 3 days after the event, then FAILED.
    await api.db.prisma.webhookEvent.deleteMany();
    await paidOrder();
    let attempts = 0;
    for (let round = 0; round < 40; round++) {
      receiver.statuses.push(500);
      attempts += await run();
      const [d] = await deliveries();
      if (d!.status !== "PENDING") break;
      clock = d!.nextAttemptAt;
    }
    const [failed] = await deliveries();
    expect(failed).toMatchObject({ status: "FAILED", attempts });
    expect(failed!.lastAttemptAt!.getTime() - failed!.event.createdAt.getTime()).toBeLessThanOrEqual(
      3 * 24 * 3_600_000,
    );
    expect(attempts).toBeGreaterThanOrEqual(8);
  });

  it("are sent once when two instances work the queue at the same moment", async () => {
    const other = await otherInstance();
    await endpoint(["ORDER_PAID"]);
    for (let i = 0; i < 3; i++) await paidOrder();
    expect(await run([api.jobs!, other])).toBe(3);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers["shoppable-event-id"])).size).toBe(3);
  });

  it("report INVENTORY_LOW once when a variant falls below the shop's threshold", async () => {
    await endpoint(["INVENTORY_LOW"]);
    const { product } = await paidOrder(5, 9); // 9 → 4: below 5
    const adjust = (delta: number) =>
      api.gql(
        `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`,
        { input: { variantId: product.variants[0]!.id, delta, reason: "count" } },
        commerce.asMerchant,
      );
    ok(await adjust(-1)); // 4 → 3: already low
    ok(await adjust(+10)); // 13
    ok(await adjust(-12)); // 13 → 1: low again
    await run();
    // Attempts run side by side: receivers order events by their `createdAt`, not by arrival.
    const events = receiver.received
      .map((r) => JSON.parse(r.body))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(events.map((e) => [e.type, e.data.inventoryQuantity, e.data.threshold])).toEqual([
      ["inventory.low", 4, 5],
      ["inventory.low", 1, 5],
    ]);
    expect(events[0].data.variantId).toBe(product.variants[0]!.id);
  });

  it("report ORDER_REFUNDED with the refund", async () => {
    await endpoint(["ORDER_REFUNDED"]);
    const { res } = await paidOrder(2);
    const lines = (await api.db.prisma.orderLine.findMany({ where: { orderId: dbId(res.order.id) } })).map(
      (l) => Buffer.from(`OrderLine:${l.id}`).toString("base64"),
    );
    const refund = ok(
      await api.gql(
        `mutation($input: OrderRefundInput!) { orderRefund(input: $input) { userErrors { code message } } }`,
        { input: { id: res.order.id, lines: [{ lineId: lines[0], quantity: 1 }], restock: true } },
        commerce.asMerchant,
      ),
    ).orderRefund;
    expect(refund.userErrors).toEqual([]);
    await run();
    const [event] = receiver.received.map((r) => JSON.parse(r.body));
    expect(event).toMatchObject({
      type: "order.refunded",
      data: {
        refund: { amount: { amount: "19.50", currencyCode: "EUR" }, restock: true },
        order: { id: res.order.id, status: "PARTIALLY_REFUNDED" },
      },
    });
  });

  it("are listed in the endpoint's delivery log; disabling an endpoint fails what is pending", async () => {
    const hook = await endpoint(["ORDER_PAID"]);
    receiver.statuses.push(500);
    await paidOrder();
    await run();
    await paidOrder();
    const log = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { deliveries(first: 10) { edges { node { eventType status attempts lastStatusCode payload } } } } } }`,
        { id: hook.id },
        commerce.asMerchant,
      ),
    ).node.deliveries.edges.map((e: { node: unknown }) => e.node);
    expect(log).toEqual([
      expect.objectContaining({
        eventType: "order.paid",
        status: "PENDING",
        attempts: 0,
        lastStatusCode: null,
      }),
      expect.objectContaining({
        eventType: "order.paid",
        status: "PENDING",
        attempts: 1,
        lastStatusCode: 500,
      }),
    ]);
    expect(log[0].payload.order.status).toBe("PAID");
    ok(await api.gql(UPDATE, { input: { id: hook.id, enabled: false } }, commerce.asMerchant));
    expect((await deliveries()).map((d) => d.status)).toEqual(["FAILED", "FAILED"]);
    later(3_600_000);
    expect(await run()).toBe(0);
  });

  it("refuse private and loopback targets when told to", async () => {
    const strict = await otherInstance({ blockPrivateTargets: true });
    await endpoint(["ORDER_PAID"]);
    await paidOrder();
    await run([strict]);
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries())[0]).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: expect.stringMatching(/private or loopback/),
    });
  });
});

describe("webhook signatures", () => {
  it("verify the body and the timestamp", () => {
    const body = JSON.stringify({ id: "evt", type: "order.paid" });
    const now = Date.now();
    const header = signWebhook("whsec_test", body, Math.floor(now / 1000));
    expect(verifyWebhookSignature("whsec_test", header, body, { now })).toBe(true);
    expect(verifyWebhookSignature("whsec_test", header, body.replace("paid", "refunded"), { now })).toBe(
      false,
    );
    expect(verifyWebhookSignature("whsec_other", header, body, { now })).toBe(false);
    expect(verifyWebhookSignature("whsec_test", header, body, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature("whsec_test", "garbage", body, { now })).toBe(false);
  });
});
