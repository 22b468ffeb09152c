/**
 * A minimal client of the graphql-ws protocol (`graphql-transport-ws`), written for the SDK's
 * size budget: the `graphql-ws` client alone is 3.3 KB gzipped, this is under 1 KB.
 *
 * One WebSocket shared by all subscriptions, opened on the first and closed after the last.
 * When the connection is lost while subscriptions are active it reconnects after
 * `backoffDelay(attempt)`, sends `connection_init` again and re-subscribes them; the attempt
 * counter resets on every `connection_ack`. Close codes that cannot heal (4400 bad request,
 * 4401 no credentials, 4403 credentials refused, 4406 bad subprotocol, 4409, 4429, 4500) and running out of attempts end
 * every subscription with the close event.
 */
import { backoffDelay, type RetryOptions } from "./backoff.ts";

export interface Sink {
  next(payload: any): void;
  error(error: unknown): void;
  complete(): void;
}

export interface SocketOptions {
  url: string;
  webSocketImpl?: any;
  connectionParams: () => Promise<Record<string, unknown>>;
  retry: RetryOptions;
}

const FATAL = [4400, 4401, 4403, 4406, 4409, 4429, 4500];

export function createSocket({ url, webSocketImpl, connectionParams, retry }: SocketOptions) {
  const subscriptions = new Map<string, { payload: unknown; sink: Sink }>();
  let socket: any;
  let acknowledged = false;
  let attempt = 0;
  let lastId = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (message: object) => socket.send(JSON.stringify(message));

  function connect() {
    if (socket) return;
    const WebSocketImpl = webSocketImpl ?? (globalThis as any).WebSocket;
    const current = (socket = new WebSocketImpl(url, "graphql-transport-ws"));
    acknowledged = false;
    // A failed connection reports an error, then a close: the close decides what happens next.
    current.onerror = () => {};
    current.onopen = async () => send({ type: "connection_init", payload: await connectionParams() });
    current.onmessage = ({ data }: { data: string }) => {
      const message = JSON.parse(data);
      const subscription = subscriptions.get(message.id);
      if (message.type === "connection_ack") {
        acknowledged = true;
        attempt = 0;
        for (const [id, { payload }] of subscriptions) send({ id, type: "subscribe", payload });
      } else if (message.type === "ping") {
        send({ type: "pong" });
      } else if (subscription) {
        if (message.type === "next") return subscription.sink.next(message.payload);
        subscriptions.delete(message.id);
        if (message.type === "error") subscription.sink.error(message.payload);
        else subscription.sink.complete();
      }
    };
    current.onclose = (event: { code: number; reason: string }) => {
      socket = undefined;
      acknowledged = false;
      if (!subscriptions.size) return;
      if (FATAL.includes(event.code) || attempt >= (retry.attempts ?? Infinity)) {
        const sinks = [...subscriptions.values()];
        subscriptions.clear();
        for (const { sink } of sinks) sink.error({ code: event.code, reason: event.reason });
      } else {
        timer = setTimeout(connect, backoffDelay(attempt++, retry));
      }
    };
  }

  /** Closes the socket on purpose: no reconnect. */
  function disconnect() {
    clearTimeout(timer);
    if (socket) {
      socket.onclose = socket.onmessage = socket.onopen = null;
      socket.onerror = () => {};
      socket.close(1000, "Normal Closure");
      socket = undefined;
      acknowledged = false;
    }
  }

  return {
    /** Starts a subscription; returns the function that stops it. */
    subscribe(payload: unknown, sink: Sink): () => void {
      const id = String(++lastId);
      subscriptions.set(id, { payload, sink });
      if (acknowledged) send({ id, type: "subscribe", payload });
      else connect();
      return () => {
        if (!subscriptions.delete(id)) return;
        if (acknowledged) send({ id, type: "complete" });
        if (!subscriptions.size) disconnect();
      };
    },
    /** Ends every subscription and closes the socket. */
    dispose() {
      const sinks = [...subscriptions.values()];
      subscriptions.clear();
      disconnect();
      for (const { sink } of sinks) sink.complete();
    },
  };
}
