/**
 * Subscriptions bench child: a share of the subscribers, in a process of its own (one client
 * process reading 10,000 sockets is slower per frame than the server writing them, and would
 * measure itself). Opens `count` WebSockets (graphql-transport-ws, raw `ws` clients, 200
 * handshakes at a time), each subscribed to `liveSessionEvents` of one session with
 * `withCurrentState: true`: a subscriber is live when its first event arrives. Every frame is
 * parsed and checked; a wrong one, or a socket closed by the server, fails the bench.
 *
 * Messages from the parent (each answered with the same key):
 * - `open`: opens the subscribers; answers once every one is live.
 * - `reset`: forgets the deliveries so far.
 * - `settle`: answers once every subscriber's latest price is `price` (or fails after 60 s), with
 *   the latency of every delivery since the reset (its arrival minus the event's `occurredAt`),
 *   each subscriber's frames since the reset and the latency of its latest one.
 * - `cpu`: this process's CPU time so far (user + system ms).
 * - `close`: closes the sockets.
 */
import WebSocket from "ws";

export interface OpenMessage {
  port: number;
  key: string;
  sessionId: string;
  count: number;
  query: string;
}

export interface Settled {
  latencies: number[];
  frames: number[];
  lastMs: number[];
}

const sockets: WebSocket[] = [];
let latencies: number[] = [];
let frames: number[] = [];
let lastMs: number[] = [];
const price: (string | null)[] = [];
let failure: Error | null = null;
let onDelivery: (() => void) | null = null;
let closing = false;

function fail(error: Error): void {
  failure ??= error;
  onDelivery?.();
}

function open(options: OpenMessage, index: number): Promise<WebSocket> {
  return new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${options.port}/graphql`, "graphql-transport-ws", {
      perMessageDeflate: false,
      // Less work per frame for this client, which shares the cores with the server; each
      // frame is still parsed and checked.
      skipUTF8Validation: true,
    });
    let live = false;
    socket.once("error", reject);
    socket.on("open", () =>
      socket.send(JSON.stringify({ type: "connection_init", payload: { "x-shoppable-key": options.key } })),
    );
    socket.on("message", (data) => {
      const now = Date.now();
      const message = JSON.parse(String(data)) as {
        type: string;
        payload?: {
          data?: {
            liveSessionEvents?: {
              occurredAt: string | null;
              refetch: boolean;
              pinnedProduct: { livePrice: { amount: string } | null } | null;
            };
          };
          errors?: unknown;
        };
      };
      if (message.type === "connection_ack") {
        socket.send(
          JSON.stringify({
            id: "1",
            type: "subscribe",
            payload: { query: options.query, variables: { id: options.sessionId } },
          }),
        );
      } else if (message.type === "next") {
        const event = message.payload?.data?.liveSessionEvents;
        if (event?.refetch && !live) {
          live = true;
          resolve(socket);
        } else if (event?.occurredAt && !message.payload?.errors) {
          const ms = now - Date.parse(event.occurredAt);
          latencies.push(ms);
          frames[index] = (frames[index] ?? 0) + 1;
          lastMs[index] = ms;
          price[index] = event.pinnedProduct?.livePrice?.amount ?? null;
          onDelivery?.();
        } else {
          const error = new Error(`unexpected frame: ${JSON.stringify(message.payload)}`);
          reject(error);
          fail(error);
        }
      } else if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
      else fail(new Error(`unexpected message: ${String(data).slice(0, 200)}`));
    });
    socket.on("close", (code) => {
      if (closing) return;
      const error = new Error(`socket closed with ${code}`);
      reject(error);
      fail(error);
    });
  });
}

function settle(target: string): Promise<Settled | { error: string }> {
  return new Promise((resolve) => {
    let settledCount = 0;
    const counted = new Set<number>();
    const check = () => {
      for (let i = 0; i < sockets.length; i++)
        if (!counted.has(i) && price[i] === target) {
          counted.add(i);
          settledCount++;
        }
      if (failure) return done({ error: failure.message });
      if (settledCount === sockets.length) done({ latencies, frames, lastMs });
    };
    const timer = setTimeout(
      () => done({ error: `${settledCount} of ${sockets.length} subscribers got ${target}` }),
      60_000,
    );
    const done = (result: Settled | { error: string }) => {
      clearTimeout(timer);
      onDelivery = null;
      resolve(result);
    };
    // Checked once per turn of the event loop that had deliveries, not per frame (a scan of
    // every subscriber per frame would cost more than the frame).
    let pending = false;
    onDelivery = () => {
      if (pending) return;
      pending = true;
      setImmediate(() => {
        pending = false;
        check();
      });
    };
    check();
  });
}

process.on("message", async (m: Record<string, unknown>) => {
  if (m.open) {
    const options = m.open as OpenMessage;
    try {
      for (let i = 0; i < options.count; i += 200) {
        const batch = Array.from({ length: Math.min(200, options.count - i) }, (_, k) =>
          open(options, i + k),
        );
        sockets.push(...(await Promise.all(batch)));
      }
      process.send?.({ open: sockets.length });
    } catch (error) {
      process.send?.({ open: { error: (error as Error).message } });
    }
  }
  if (m.reset) {
    latencies = [];
    frames = [];
    lastMs = [];
    process.send?.({ reset: true });
  }
  if (typeof m.settle === "string") process.send?.({ settle: await settle(m.settle) });
  if (m.cpu) {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpu: (user + system) / 1000 });
  }
  if (m.close) {
    closing = true;
    for (const socket of sockets) socket.close(1000);
    process.send?.({ close: true });
  }
});
process.on("disconnect", () => process.exit(0));
