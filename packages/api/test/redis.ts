/**
 * Redis for the tests of several instances: whether it answers, and a TCP proxy to it that a
 * test can cut (every connection dropped, new ones refused) and restore, so losing Redis is
 * real for the instances without touching the machine's Redis.
 */
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";

export const redisUrl = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

/** Whether Redis answers PING at `redisUrl` within a second. */
export function redisReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(Number(redisUrl.port || 6379), redisUrl.hostname);
    const done = (value: boolean) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () =>
      socket.write(
        redisUrl.password ? `AUTH ${decodeURIComponent(redisUrl.password)}\r\nPING\r\n` : "PING\r\n",
      ),
    );
    socket.on("data", (data) => done(String(data).includes("PONG")));
  });
}

/** A TCP proxy to Redis that can be cut and restored; `url` is the Redis URL through it. */
export async function redisProxy() {
  const sockets = new Set<Socket>();
  let down = false;
  const server: TcpServer = createTcpServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(Number(redisUrl.port || 6379), redisUrl.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const url = new URL(redisUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
