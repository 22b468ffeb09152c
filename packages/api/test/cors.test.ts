/**
 * CORS_ORIGINS: which browser origins may call the API over HTTP (CORS answers and preflights)
 * and open its WebSocket (the upgrade's Origin), in development, in production and with a list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { createServer, type ShoppableServer } from "../src/server.ts";
import { startTestApi, type TestApi } from "./harness.ts";

const SHOP = "https://shop.example";
const OTHER = "https://evil.example";

let api: TestApi;
const servers: ShoppableServer[] = [];

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  for (const server of servers) await server.close(1000);
  await api?.close();
});

/** A server on the test database with `env` (NODE_ENV development unless given), listening on a free port. */
async function serve(env: Record<string, string>): Promise<string> {
  const config = loadConfig({
    NODE_ENV: "development",
    LOG_LEVEL: "silent",
    SHOPPABLE_JWT_SECRET: api.config.jwt.secret!,
    ...env,
  });
  const server = createServer({ db: api.db, config, logger: createLogger("silent") });
  servers.push(server);
  return (await server.listen(0, "127.0.0.1")).url;
}

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, x-shoppable-key",
    },
  });

const post = (url: string, origin: string) =>
  fetch(url, {
    method: "POST",
    headers: { origin, "content-type": "application/json", "x-shoppable-key": api.keys.publishable },
    body: JSON.stringify({ query: "{ viewer { roles } }" }),
  });

/** Opens a graphql-transport-ws socket sending `origin`; resolves with the upgrade's outcome. */
function upgrade(url: string, origin: string | null): Promise<"open" | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(
      url.replace(/^http/, "ws"),
      "graphql-transport-ws",
      origin ? { origin } : {},
    );
    socket.once("open", () => {
      socket.close(1000);
      resolve("open");
    });
    socket.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once("error", () => undefined);
  });
}

describe("CORS_ORIGINS with a list", () => {
  let url: string;
  beforeAll(async () => {
    url = await serve({ NODE_ENV: "production", CORS_ORIGINS: `${SHOP}, http://localhost:3000` });
  });

  it("answers a listed origin's preflight and requests, without credentials", async () => {
    const answer = await preflight(url, SHOP);
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(answer.headers.get("access-control-allow-headers")).toBe("content-type, x-shoppable-key");
    expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
    expect(answer.headers.get("vary")).toMatch(/Origin/);
    const response = await post(url, "http://localhost:3000");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });

  it("gives any other origin no CORS headers, so browsers refuse it", async () => {
    const answer = await preflight(url, OTHER);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.headers.get("access-control-allow-headers")).toBeNull();
    expect((await post(url, OTHER)).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a WebSocket upgrade from another origin with 403, and accepts listed, same-host and origin-less ones", async () => {
    expect(await upgrade(url, OTHER)).toBe(403);
    expect(await upgrade(url, SHOP)).toBe("open");
    expect(await upgrade(url, new URL(url).origin)).toBe("open");
    expect(await upgrade(url, null)).toBe("open");
  });
});

describe("CORS_ORIGINS defaults", () => {
  it("allows no other origin in production", async () => {
    const url = await serve({ NODE_ENV: "production" });
    expect((await preflight(url, SHOP)).headers.get("access-control-allow-origin")).toBeNull();
    expect((await post(url, SHOP)).headers.get("access-control-allow-origin")).toBeNull();
    expect(await upgrade(url, SHOP)).toBe(403);
    expect(await upgrade(url, new URL(url).origin)).toBe("open");
  });

  it("allows any origin in development, still without credentials", async () => {
    const url = await serve({});
    const answer = await preflight(url, OTHER);
    expect(answer.headers.get("access-control-allow-origin")).toBe(OTHER);
    expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
    expect(await upgrade(url, OTHER)).toBe("open");
  });

  it("validates CORS_ORIGINS: `*` or exact origins, nothing else", () => {
    expect(loadConfig({ NODE_ENV: "production", CORS_ORIGINS: "*" }).corsOrigins).toBe("*");
    expect(loadConfig({ CORS_ORIGINS: `${SHOP},http://localhost:5173` }).corsOrigins).toEqual([
      SHOP,
      "http://localhost:5173",
    ]);
    for (const bad of [
      `${SHOP}/`,
      `${SHOP}/shop`,
      "shop.example",
      "*, https://a.example",
      "ftp://shop.example",
      ",",
    ]) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS/);
    }
  });
});
