/**
 * `@shoppable/sdk/cart`: the cart's id kept in localStorage or a cookie, and the handler that adds
 * to the stored cart or starts another when it can no longer take lines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieCartId, createCartHandler, localStorageCartId, type CartIdStorage } from "../src/cart.ts";
import type { ShoppableClient } from "../src/index.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
let storefront: ShoppableClient;
let variantId = "";

beforeAll(async () => {
  live = await startLiveApi();
  variantId = await live.shopWithProduct(
    { handle: "cart-shop", name: "Carts" },
    { price: "3.00", stock: 50 },
  );
  storefront = live.client();
});
afterAll(() => live?.close());

/** A Storage kept in a Map. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

describe("storage of the cart id", () => {
  it("localStorageCartId keeps it under its key", () => {
    const backing = memoryStorage();
    const storage = localStorageCartId("my:cart", backing);
    expect(storage.get()).toBeNull();
    storage.set("gid://Cart/1");
    expect(backing.items.get("my:cart")).toBe("gid://Cart/1");
    expect(storage.get()).toBe("gid://Cart/1");
    storage.clear();
    expect(storage.get()).toBeNull();
  });

  it("cookieCartId reads the Cookie header and writes Set-Cookie, lasting 14 days, Secure when asked", () => {
    let header = "theme=dark; shoppable_cart=gid%3A%2F%2FCart%2F7; other=1";
    const written: string[] = [];
    const storage = cookieCartId({
      secure: true,
      cookies: { read: () => header, write: (c) => void written.push(c) },
    });
    expect(storage.get()).toBe("gid://Cart/7");
    storage.set("gid://Cart/8");
    expect(written[0]).toBe(
      "shoppable_cart=gid%3A%2F%2FCart%2F8; Path=/; Max-Age=1209600; SameSite=Lax; Secure",
    );
    storage.clear();
    expect(written[1]).toBe("shoppable_cart=; Path=/; Max-Age=0; SameSite=Lax; Secure");
    header = "shoppable_cart=";
    expect(storage.get()).toBeNull();
  });
});

describe("createCartHandler", () => {
  it("creates the cart on the first lines, adds to it after, and starts another once it is checked out", async () => {
    const backing = memoryStorage();
    const storage: CartIdStorage = localStorageCartId(undefined, backing);
    const cart = createCartHandler(storefront, storage);
    expect(await cart.get()).toBeNull();

    const first = await cart.addLines([{ variantId, quantity: 1 }]);
    const cartId = first.cart?.id ?? "";
    expect(storage.get()).toBe(cartId);
    const second = await cart.addLines([{ variantId, quantity: 2 }]);
    expect(second.cart?.id).toBe(cartId);
    expect((await cart.get())?.totalQuantity).toBe(3);

    await storefront.cartBuyerIdentityUpdate({ cartId, buyerIdentity: { email: "buyer@example.com" } });
    const { userErrors } = await storefront.checkoutComplete({
      cartId,
      idempotencyKey: crypto.randomUUID(),
      payment: { token: "tok_success" },
    });
    expect(userErrors).toEqual([]);
    expect(await cart.get()).toBeNull(); // completed: forgotten
    expect(storage.get()).toBeNull();
    const next = await cart.addLines([{ variantId, quantity: 1 }]);
    expect(next.cart?.id).not.toBe(cartId);
    expect(storage.get()).toBe(next.cart?.id);
  });

  it("starts a new cart when the stored id is unknown, but reports a bad line on a good cart", async () => {
    const storage = localStorageCartId(undefined, memoryStorage());
    storage.set("gid://shoppable/Cart/00000000-0000-0000-0000-000000000000");
    const cart = createCartHandler(storefront, storage);
    const added = await cart.addLines([{ variantId, quantity: 1 }]);
    expect(added.userErrors).toEqual([]);
    expect(storage.get()).toBe(added.cart?.id);
    const refused = await cart.addLines([{ variantId, quantity: 0 }]);
    expect(refused.userErrors.length).toBeGreaterThan(0);
    expect(storage.get()).toBe(added.cart?.id);
  });
});
