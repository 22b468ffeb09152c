/**
 * The SDK in an edge-like runtime: the bundled core runs in a bare V8 context (node:vm) whose
 * only host APIs are fetch, WebSocket and timers — no `process`, `Buffer` or `require` — and
 * talks to the real API over HTTP and to a graphql-ws server over WebSocket.
 */
import { createContext, runInContext } from "node:vm";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import type * as Sdk from "../src/index.ts";
import { startFakeSubscriptionServer, type FakeSubscriptionServer } from "./graphql-ws-server.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
let subscriptions: FakeSubscriptionServer;
let sdk: typeof Sdk;

beforeAll(async () => {
  [live, subscriptions] = await Promise.all([startLiveApi(), startFakeSubscriptionServer()]);
  const bundle = await build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), "../src/index.ts")],
    bundle: true,
    format: "iife",
    globalName: "ShoppableSDK",
    platform: "neutral",
    write: false,
    logLevel: "error",
  });
  const context = createContext({ fetch, WebSocket, setTimeout, clearTimeout });
  runInContext(bundle.outputFiles[0]!.text, context);
  expect(runInContext("typeof process + typeof Buffer + typeof require", context)).toBe(
    "undefinedundefinedundefined",
  );
  sdk = context.ShoppableSDK;
});
afterAll(async () => {
  await subscriptions.close();
  await live.close();
});

it("queries over fetch and subscribes over WebSocket with only those APIs", async () => {
  const client = sdk.createShoppableClient({
    url: live.url,
    wsUrl: subscriptions.url,
    apiKey: live.api.keys.publishable,
  });
  expect((await client.viewer()).apiKey.kind).toBe("PUBLISHABLE");
  const error = await client.product({ id: "bad" }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(sdk.ShoppableGraphQLError);

  const other = sdk.createShoppableClient({ url: live.url, wsUrl: subscriptions.url, apiKey: "good-key" });
  const events = other.subscribe('subscription { cartUpdated(cartId: "edge") { id totalQuantity } }');
  const first = events.next();
  for (let i = 0; i < 500 && subscriptions.subscribers("edge") === 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  subscriptions.publish("edge", { id: "edge", totalQuantity: 4 });
  expect((await first).value).toEqual({ cartUpdated: { id: "edge", totalQuantity: 4 } });
  await other.close();
});
