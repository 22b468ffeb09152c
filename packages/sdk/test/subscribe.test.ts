/**
 * `client.subscribe` over a real WebSocket against a graphql-ws server (the `graphql-ws`
 * package's own server), through the SDK's lazily loaded `graphql-ws` client: delivery,
 * credentials, dispose and close, reconnection with backoff after a dropped connection, a 1013
 * close and an outage, giving up, refused connections (4403) and the error classes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import {
  ShoppableAuthError,
  ShoppableGraphQLError,
  ShoppableNetworkError,
  createShoppableClient,
  type ShoppableClient,
  type TypedDocument,
} from "../src/index.ts";
import { startFakeSubscriptionServer, type FakeSubscriptionServer } from "./graphql-ws-server.ts";

const CartUpdated =
  "subscription CartUpdated($cartId: ID!) { cartUpdated(cartId: $cartId) { id totalQuantity } }" as TypedDocument<
    { cartUpdated: { id: string; totalQuantity: number } },
    { cartId: string }
  >;

let server: FakeSubscriptionServer;
/** WebSockets the clients have opened (connection attempts, refused ones included). */
let opened = 0;
class CountingWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    opened++;
  }
}
const clients: ShoppableClient[] = [];

function client(
  options: { apiKey?: string; attempts?: number; userToken?: string | (() => Promise<string>) } = {},
) {
  const created = createShoppableClient({
    url: "http://unused.invalid/graphql",
    wsUrl: server.url,
    apiKey: options.apiKey ?? "good-key",
    userToken: options.userToken ?? null,
    webSocketImpl: CountingWebSocket,
    retry: {
      minDelayMs: 20,
      maxDelayMs: 100,
      ...(options.attempts !== undefined ? { attempts: options.attempts } : {}),
    },
  });
  clients.push(created);
  return created;
}

/** Waits until `condition` holds, checking every 10 ms (fails the test after 10 s). */
async function until(condition: () => boolean) {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

beforeAll(async () => {
  server = await startFakeSubscriptionServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => server.close());

describe("client.subscribe", () => {
  it("yields each event's data and sends the API key and user token as connection params", async () => {
    const subscription = client({ userToken: "user-jwt" }).subscribe(CartUpdated, { cartId: "c1" });
    const first = subscription.next();
    await until(() => server.subscribers("c1") === 1);
    server.publish("c1", { id: "c1", totalQuantity: 1 });
    server.publish("c1", { id: "c1", totalQuantity: 2 });
    expect((await first).value).toEqual({ cartUpdated: { id: "c1", totalQuantity: 1 } });
    expect((await subscription.next()).value).toEqual({ cartUpdated: { id: "c1", totalQuantity: 2 } });
    expect(server.connections.at(-1)).toEqual({
      "x-shoppable-key": "good-key",
      "x-shoppable-user": "user-jwt",
    });
    subscription.dispose();
  });

  it("dispose ends the for-await loop and unsubscribes on the server", async () => {
    const subscription = client().subscribe(CartUpdated, { cartId: "c2" });
    const seen: number[] = [];
    const loop = (async () => {
      for await (const event of subscription) {
        seen.push(event.cartUpdated.totalQuantity);
        if (seen.length === 2) subscription.dispose();
      }
    })();
    await until(() => server.subscribers("c2") === 1);
    server.publish("c2", { id: "c2", totalQuantity: 1 });
    server.publish("c2", { id: "c2", totalQuantity: 2 });
    await loop;
    expect(seen).toEqual([1, 2]);
    await until(() => server.subscribers("c2") === 0);
  });

  it("shares one connection between subscriptions", async () => {
    const shared = client();
    const before = server.connections.length;
    const a = shared.subscribe(CartUpdated, { cartId: "s1" });
    const b = shared.subscribe(CartUpdated, { cartId: "s2" });
    void a.next();
    void b.next();
    await until(() => server.subscribers("s1") === 1 && server.subscribers("s2") === 1);
    expect(server.connections.length - before).toBe(1);
    a.dispose();
    b.dispose();
  });

  it("reconnects after the connection drops and resubscribes, so later events still arrive", async () => {
    const subscription = client().subscribe(CartUpdated, { cartId: "c3" });
    const first = subscription.next();
    await until(() => server.subscribers("c3") === 1);
    const connectionsBefore = server.connections.length;
    server.dropConnections();
    await until(() => server.connections.length === connectionsBefore + 1 && server.subscribers("c3") === 1);
    server.publish("c3", { id: "c3", totalQuantity: 7 });
    expect((await first).value).toEqual({ cartUpdated: { id: "c3", totalQuantity: 7 } });
    subscription.dispose();
  });

  it("keeps retrying with backoff through an outage and resumes when the server is back", async () => {
    const subscription = client().subscribe(CartUpdated, { cartId: "c4" });
    const first = subscription.next();
    await until(() => server.subscribers("c4") === 1);
    await server.pause();
    const openedBefore = opened;
    await until(() => opened >= openedBefore + 3); // several refused attempts
    await server.resume();
    await until(() => server.subscribers("c4") === 1);
    server.publish("c4", { id: "c4", totalQuantity: 3 });
    expect((await first).value).toEqual({ cartUpdated: { id: "c4", totalQuantity: 3 } });
    subscription.dispose();
  });

  it("gives up after `retry.attempts` failed reconnects with a ShoppableNetworkError", async () => {
    const subscription = client({ attempts: 2 }).subscribe(CartUpdated, { cartId: "c5" });
    const first = subscription.next();
    await until(() => server.subscribers("c5") === 1);
    await server.pause();
    const openedBefore = opened;
    try {
      const error = await first.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ShoppableNetworkError);
      expect(opened - openedBefore).toBe(2);
      expect(await subscription.next()).toEqual({ done: true, value: undefined });
    } finally {
      await server.resume();
    }
  });

  it("a refused connection (wrong key: close 4403) is a ShoppableAuthError UNAUTHENTICATED and is not retried", async () => {
    const before = server.connections.length;
    const openedBefore = opened;
    const subscription = client({ apiKey: "bad-key" }).subscribe(CartUpdated, { cartId: "c6" });
    const error = await subscription.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableAuthError);
    expect((error as ShoppableAuthError).code).toBe("UNAUTHENTICATED");
    expect(error).toMatchObject({ errors: [{ extensions: { closeCode: 4403 } }] });
    // Longer than several retry delays (20–100 ms): still the one refused WebSocket.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opened - openedBefore).toBe(1);
    expect(server.connections.length).toBe(before);
    expect(await subscription.next()).toEqual({ done: true, value: undefined });
  });

  it("a connection closed later with 4403 (the user erased) ends the subscriptions with ShoppableAuthError", async () => {
    const subscription = client().subscribe(CartUpdated, { cartId: "c7" });
    const first = subscription.next();
    await until(() => server.subscribers("c7") === 1);
    const openedBefore = opened;
    server.closeConnections(4403, "Forbidden: account erased");
    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableAuthError);
    expect((error as ShoppableAuthError).message).toBe("Forbidden: account erased");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opened).toBe(openedBefore);
  });

  it("a close with 1013 (Try Again Later: a slow consumer) reconnects and resumes", async () => {
    const subscription = client().subscribe(CartUpdated, { cartId: "c8" });
    const first = subscription.next();
    await until(() => server.subscribers("c8") === 1);
    const connectionsBefore = server.connections.length;
    server.closeConnections(1013, "Try Again Later");
    await until(() => server.connections.length === connectionsBefore + 1 && server.subscribers("c8") === 1);
    server.publish("c8", { id: "c8", totalQuantity: 5 });
    expect((await first).value).toEqual({ cartUpdated: { id: "c8", totalQuantity: 5 } });
    subscription.dispose();
  });

  it("asks for the user token again on every connection, so a reconnect sends a refreshed one", async () => {
    let issued = 0;
    const subscription = client({ userToken: async () => `user-jwt-${++issued}` }).subscribe(CartUpdated, {
      cartId: "c9",
    });
    const first = subscription.next();
    await until(() => server.subscribers("c9") === 1);
    expect(server.connections.at(-1)).toMatchObject({ "x-shoppable-user": "user-jwt-1" });
    server.dropConnections();
    await until(() => issued === 2 && server.subscribers("c9") === 1);
    expect(server.connections.at(-1)).toMatchObject({ "x-shoppable-user": "user-jwt-2" });
    server.publish("c9", { id: "c9", totalQuantity: 1 });
    expect((await first).value).toEqual({ cartUpdated: { id: "c9", totalQuantity: 1 } });
    subscription.dispose();
  });

  it("close() ends every subscription and closes the WebSocket; a later subscription opens a new one", async () => {
    const shared = client();
    const a = shared.subscribe(CartUpdated, { cartId: "d1" });
    const b = shared.subscribe(CartUpdated, { cartId: "d2" });
    const loops = [a, b].map(async (subscription) => {
      const seen: unknown[] = [];
      for await (const event of subscription) seen.push(event);
      return seen;
    });
    await until(() => server.subscribers("d1") === 1 && server.subscribers("d2") === 1);
    const connectionsBefore = server.connections.length;
    await shared.close();
    expect(await Promise.all(loops)).toEqual([[], []]);
    await until(() => server.subscribers("d1") === 0 && server.subscribers("d2") === 0);

    const again = shared.subscribe(CartUpdated, { cartId: "d1" });
    const next = again.next();
    await until(() => server.subscribers("d1") === 1);
    expect(server.connections.length).toBe(connectionsBefore + 1);
    server.publish("d1", { id: "d1", totalQuantity: 2 });
    expect((await next).value).toEqual({ cartUpdated: { id: "d1", totalQuantity: 2 } });
    again.dispose();
  });

  it("a WebSocket that cannot be constructed ends the subscription with a ShoppableNetworkError", async () => {
    const created = createShoppableClient({
      url: "http://unused.invalid/graphql",
      wsUrl: server.url,
      apiKey: "good-key",
      // A class whose constructor throws (a missing native module, a refused URL).
      webSocketImpl: class {
        constructor() {
          throw new Error("cannot construct this WebSocket");
        }
      },
    });
    clients.push(created);
    const error = await created
      .subscribe(CartUpdated, { cartId: "c10" })
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableNetworkError);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it("without a WebSocket in the runtime and no webSocketImpl, the subscription fails with a ShoppableNetworkError saying what to pass", async () => {
    vi.stubGlobal("WebSocket", undefined);
    try {
      const created = createShoppableClient({ url: "http://unused.invalid/graphql", apiKey: "good-key" });
      clients.push(created);
      const subscription = created.subscribe(CartUpdated, { cartId: "c11" });
      const error = await subscription.next().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ShoppableNetworkError);
      expect((error as Error).message).toMatch(/webSocketImpl.*createShoppableClient/);
      await expect(subscription.ready).rejects.toBe(error);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("an execution error is a ShoppableGraphQLError with the server's code", async () => {
    const subscription = client().subscribe("subscription { failing { id } }");
    const error = await subscription.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableGraphQLError);
    expect((error as ShoppableGraphQLError).code).toBe("BAD_USER_INPUT");
  });
});
