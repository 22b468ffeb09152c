/**
 * Persisted operations: against an API with PERSISTED_OPERATIONS_FILE (publishable keys may run
 * registered operations only), a client with `persistedOperations: true` runs every SDK
 * operation (the API registers the SDK's manifest beside the app's) and the app's own documents
 * registered with `persistedOperationsManifest`, over HTTP and WebSocket.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  persistedOperationsManifest,
  ShoppableGraphQLError,
  type ShoppableClient,
  type TypedDocument,
} from "../src/index.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

const ShopNames = `query ShopNames { shops(first: 5) { edges { node { name } } } }` as TypedDocument<
  { shops: { edges: { node: { name: string } }[] } },
  Record<string, never>
>;
const Unregistered = `query Unregistered { shops(first: 1) { totalCount } }`;

let live: LiveApi;
let storefront: ShoppableClient;
let variantId: string;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), "shoppable-app-ops-")), "operations.json");
  writeFileSync(file, JSON.stringify(await persistedOperationsManifest([ShopNames])));
  live = await startLiveApi({ PERSISTED_OPERATIONS_FILE: file });
  variantId = await live.shopWithProduct({ handle: "po-shop", name: "Persisted" }, { stock: 5 });
  storefront = live.client({ persistedOperations: true, webSocketImpl: WebSocket });
});
afterAll(async () => {
  await storefront?.close();
  await live?.close();
});

describe("a client sending hashes to an API that requires them", () => {
  it("runs the SDK's own queries and mutations", async () => {
    expect((await storefront.shop({ handle: "po-shop" }))?.name).toBe("Persisted");
    const { cart, userErrors } = await storefront.cartCreate({ lines: [{ variantId, quantity: 2 }] });
    expect(userErrors).toEqual([]);
    expect(cart?.totalQuantity).toBe(2);
  });

  it("runs the SDK's subscriptions over the WebSocket", async () => {
    const { cart } = await storefront.cartCreate({ lines: [{ variantId, quantity: 1 }] });
    if (!cart) throw new Error("no cart");
    const updates = storefront.cartUpdated({ cartId: cart.id });
    await updates.ready;
    await storefront.cartLinesUpdate({
      cartId: cart.id,
      lines: [{ id: cart.lines[0]?.id ?? "", quantity: 3 }],
    });
    const { value } = await updates.next();
    expect(value?.cart?.totalQuantity).toBe(3);
    updates.dispose();
  });

  it("runs the app's documents registered from persistedOperationsManifest", async () => {
    const { shops } = await storefront.request(ShopNames);
    expect(shops.edges.map((edge) => edge.node.name)).toContain("Persisted");
  });

  it("answers an unregistered document with PERSISTED_QUERY_NOT_FOUND", async () => {
    const error = await storefront.request(Unregistered).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShoppableGraphQLError);
    expect((error as ShoppableGraphQLError).code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("is what the API requires: a client sending text is refused (PERSISTED_QUERY_REQUIRED)", async () => {
    const error = await live
      .client()
      .shop({ handle: "po-shop" })
      .catch((e: unknown) => e);
    expect((error as ShoppableGraphQLError).code).toBe("PERSISTED_QUERY_REQUIRED");
  });
});
