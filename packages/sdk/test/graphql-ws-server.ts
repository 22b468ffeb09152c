/**
 * A tiny graphql-ws server (the `graphql-ws` package's own server over `ws`) for subscription
 * tests: `cartUpdated(cartId)` yields what the test publishes, `failing` fails at execution.
 * Connections are accepted only with `x-shoppable-key: good-key` in the connection params.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GraphQLError, buildSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";

export interface FakeSubscriptionServer {
  url: string;
  /** Sends an event to every `cartUpdated` subscriber of `cartId`. */
  publish(cartId: string, cart: { id: string; totalQuantity: number }): void;
  /** Number of `cartUpdated` subscribers of `cartId` right now. */
  subscribers(cartId: string): number;
  /** Connection params of every accepted connection, in order. */
  connections: Record<string, unknown>[];
  /** Drops every open connection abruptly (as a crashed server or lost network would). */
  dropConnections(): void;
  /** Closes every open connection with a close code, as the API does (1013 slow consumer, 4403 user erased). */
  closeConnections(code: number, reason: string): void;
  /** Stops accepting connections (refused) until `resume`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Cart { id: ID! totalQuantity: Int! }
  type Subscription { cartUpdated(cartId: ID!): Cart! failing: Cart! }
`);

export async function startFakeSubscriptionServer(): Promise<FakeSubscriptionServer> {
  const listeners = new Map<string, Set<(cart: unknown) => void>>();
  const connections: Record<string, unknown>[] = [];

  function cartUpdated({ cartId }: { cartId: string }): AsyncIterableIterator<unknown> {
    const queue: unknown[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const listener = (cart: unknown) => {
      queue.push({ cartUpdated: cart });
      wake?.();
    };
    const set = listeners.get(cartId) ?? new Set();
    listeners.set(cartId, set.add(listener));
    const iterator: AsyncIterableIterator<unknown> = {
      async next() {
        while (!queue.length && !done) await new Promise<void>((resolve) => (wake = resolve));
        return done ? { done: true, value: undefined } : { done: false, value: queue.shift() };
      },
      async return() {
        done = true;
        set.delete(listener);
        wake?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  const http: Server = createServer();
  let wss: WebSocketServer;
  let disposeWs: { dispose(): Promise<void> | void };
  function attach() {
    wss = new WebSocketServer({ server: http, path: "/graphql" });
    disposeWs = useServer(
      {
        schema,
        roots: {
          subscription: {
            cartUpdated,
            failing: () => {
              throw new GraphQLError("Not allowed to watch this", { extensions: { code: "BAD_USER_INPUT" } });
            },
          },
        },
        onConnect: ({ connectionParams }) => {
          if (connectionParams?.["x-shoppable-key"] !== "good-key") return false;
          connections.push(connectionParams ?? {});
          return true;
        },
      },
      wss,
    );
  }
  attach();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    connections,
    publish: (cartId, cart) => {
      for (const listener of listeners.get(cartId) ?? []) listener(cart);
    },
    subscribers: (cartId) => listeners.get(cartId)?.size ?? 0,
    dropConnections: () =>
      wss.clients.forEach((client) => {
        client.terminate();
      }),
    closeConnections: (code, reason) =>
      wss.clients.forEach((client) => {
        client.close(code, reason);
      }),
    async pause() {
      wss.clients.forEach((client) => {
        client.terminate();
      });
      await disposeWs.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
    async resume() {
      await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", resolve));
      attach();
    },
    async close() {
      wss.clients.forEach((client) => {
        client.terminate();
      });
      await disposeWs.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
