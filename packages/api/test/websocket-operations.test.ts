/**
 * Running WebSockets in production: connection caps per client address and per instance (with
 * the standard close codes), the slow-consumer close (1013), and the drain on shutdown
 * (operations under way finish and answer, then 1001 Going Away).
 */
import { randomUUID } from "node:crypto";
import { TestPaymentProvider, type PaymentProvider } from "@shoppable/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CHECKOUT, Commerce, firstVariant } from "./commerce.ts";
import { startTestApi, type TestApi } from "./harness.ts";
import { until } from "./realtime.ts";

/** A raw graphql-ws connection: its messages as they come, and how it closed. */
function connect(url: string, key: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws", { headers });
  const messages: { id?: string; type: string; payload?: any }[] = [];
  let closed: { code: number; reason: string } | null = null;
  socket.on("open", () =>
    socket.send(JSON.stringify({ type: "connection_init", payload: { "x-shoppable-key": key } })),
  );
  socket.on("message", (data) => messages.push(JSON.parse(String(data))));
  socket.on("close", (code, reason) => (closed = { code, reason: String(reason) }));
  socket.on("error", () => undefined);
  return {
    socket,
    messages,
    closed: () => closed,
    acked: () => messages.some((m) => m.type === "connection_ack"),
    /** Resolves when the socket is acknowledged (true) or closed first (false). */
    settled: () => until(() => closed !== null || messages.some((m) => m.type === "connection_ack")),
    send: (message: object) => socket.send(JSON.stringify(message)),
  };
}

describe("connection caps", () => {
  let api: TestApi;
  let url: string;
  beforeAll(async () => {
    api = await startTestApi({
      TRUST_PROXY: "true",
      WS_MAX_CONNECTIONS_PER_ADDRESS: "2",
      WS_MAX_CONNECTIONS: "3",
    });
    url = (await api.server.listen(0, "127.0.0.1")).url;
  });
  afterAll(() => api?.close());

  it("closes a client address's connection past its cap with 1008 and one past the instance's with 1013", async () => {
    const from = (address: string) => connect(url, api.keys.publishable, { "x-forwarded-for": address });
    const a1 = from("203.0.113.1");
    const a2 = from("203.0.113.1");
    await a1.settled();
    await a2.settled();
    expect([a1.acked(), a2.acked()]).toEqual([true, true]);
    const a3 = from("203.0.113.1");
    await a3.settled();
    expect(a3.closed()).toEqual({ code: 1008, reason: "Too many connections from this address" });

    const b1 = from("203.0.113.2");
    await b1.settled();
    expect(b1.acked()).toBe(true);
    // Three open: the instance is full for anyone.
    const b2 = from("203.0.113.2");
    await b2.settled();
    expect(b2.closed()?.code).toBe(1013);

    // A closed connection frees its place in both counts.
    a1.socket.close(1000);
    await until(() => a1.closed() !== null);
    const a4 = from("203.0.113.1");
    await a4.settled();
    expect(a4.acked()).toBe(true);
    for (const c of [a2, b1, a4]) c.socket.close(1000);
  });
});

describe("slow consumers", () => {
  let api: TestApi;
  let url: string;
  beforeAll(async () => {
    api = await startTestApi({ WS_MAX_BUFFERED_BYTES: "65536" });
    url = (await api.server.listen(0, "127.0.0.1")).url;
  });
  afterAll(() => api?.close());

  it("closes a WebSocket that stops reading with 1013 once its unsent frames pass WS_MAX_BUFFERED_BYTES", async () => {
    const sessionId = randomUUID();
    const liveSessionId = Buffer.from(`LiveSession:${sessionId}`).toString("base64");
    await api.db.prisma.liveSession.create({
      data: {
        id: sessionId,
        hostId: (await api.db.prisma.user.create({ data: { externalId: "slow-host", handle: "slowhost" } }))
          .id,
        title: "Slow",
        status: "LIVE",
        scheduledAt: new Date(),
        startedAt: new Date(),
      },
    });
    const client = connect(url, api.keys.publishable);
    await client.settled();
    client.send({
      id: "1",
      type: "subscribe",
      payload: {
        query: `subscription($id: ID!) { liveSessionEvents(liveSessionId: $id, withCurrentState: true) { kind refetch viewerCount } }`,
        variables: { id: liveSessionId },
      },
    });
    await until(() => client.messages.some((m) => m.type === "next"), "the first event");
    // The client stops reading: the kernel's buffers fill, then ws's queue, until the server closes.
    client.socket.pause();
    let published = 0;
    while (client.closed() === null && published < 400_000) {
      for (let i = 0; i < 500; i++)
        api.server.events.publish("liveSessionEvents", sessionId, {
          kind: "VIEWER_COUNT",
          liveSessionId: sessionId,
          occurredAt: new Date().toISOString(),
          viewerCount: ++published,
          pin: null,
        });
      await new Promise((resolve) => setImmediate(resolve));
      // The server's side of the connection has closed when ws on the server has no client left.
      if (api.server.subscriptions.stats().members === 0) break;
    }
    client.socket.resume();
    await until(() => client.closed() !== null, "the close");
    expect(client.closed()).toEqual({ code: 1013, reason: "Slow consumer: reconnect and refetch" });
    expect(api.server.subscriptions.stats().members).toBe(0);
  });
});

describe("drain on shutdown", () => {
  /** The test provider, holding each authorisation until `release()`. */
  class GatedProvider implements PaymentProvider {
    readonly name = "test";
    private gate: Promise<void> | null = null;
    private open: () => void = () => {};
    authorising = 0;
    constructor(readonly inner: TestPaymentProvider) {}
    hold() {
      this.gate = new Promise((resolve) => (this.open = resolve));
    }
    release() {
      this.open();
      this.gate = null;
    }
    authorise: PaymentProvider["authorise"] = async (r) => {
      this.authorising++;
      await this.gate;
      return this.inner.authorise(r);
    };
    capture: PaymentProvider["capture"] = (r) => this.inner.capture(r);
    void: PaymentProvider["void"] = (r) => this.inner.void(r);
    refund: PaymentProvider["refund"] = (r) => this.inner.refund(r);
  }

  it("lets a checkout under way over the WebSocket finish and answer, refuses new operations, then closes with 1001", async () => {
    const payments = new GatedProvider(new TestPaymentProvider());
    const api = await startTestApi({}, { payments });
    let closing: Promise<void> | null = null;
    try {
      const url = (await api.server.listen(0, "127.0.0.1")).url;
      const shop = await Commerce.start(api);
      const shopId = await shop.shop();
      const product = await shop.product(shopId.id, ["5.00"], 10);
      const cartId = await shop.cart(
        [{ variantId: firstVariant(product).id, quantity: 1 }],
        {},
        {
          buyerIdentity: { email: "drain@example.test" },
        },
      );
      const client = connect(url, api.keys.publishable);
      await client.settled();
      payments.hold();
      client.send({
        id: "pay",
        type: "subscribe",
        payload: {
          query: CHECKOUT,
          variables: { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        },
      });
      await until(() => payments.authorising === 1, "the checkout to reach the provider");

      closing = api.server.close(30_000);
      // Draining: the socket stays open while its checkout is under way, new operations are refused.
      client.send({ id: "late", type: "subscribe", payload: { query: "{ __typename }" } });
      await until(() => client.messages.some((m) => m.id === "late"), "the refusal");
      expect(client.messages.find((m) => m.id === "late")).toMatchObject({
        type: "error",
        payload: [{ extensions: { code: "SHUTTING_DOWN" } }],
      });
      expect(client.closed()).toBeNull();

      payments.release();
      await until(() => client.closed() !== null, "the close");
      const answer = client.messages.find((m) => m.id === "pay" && m.type === "next");
      expect(answer?.payload.data.checkoutComplete).toMatchObject({
        order: { status: "PAID" },
        userErrors: [],
      });
      expect(client.closed()?.code).toBe(1001);
      await closing;
      closing = null;
      expect(
        await api.db.prisma.order.count({ where: { email: "drain@example.test", status: "PAID" } }),
      ).toBe(1);
    } finally {
      payments.release();
      await (closing ?? api.server.close());
      await api.close();
    }
  });
});
