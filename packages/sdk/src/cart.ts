/**
 * `@shoppable/sdk/cart`: keeping a buyer's cart across page loads, as Hydrogen's cart handler does: the cart's id in
 * storage (localStorage, or a cookie a server can read too), and a handler that adds lines to
 * that cart, creating a new one when there is none or it can no longer take lines.
 */
import type { ShoppableClient } from "./client.ts";
import type { CartCreateInput, CartLineInput } from "./generated/types.ts";

/** Where the cart's id is kept. `get` may be async (a server's session store). */
export interface CartIdStorage {
  get(): string | null | undefined | Promise<string | null | undefined>;
  set(cartId: string): void | Promise<void>;
  clear(): void | Promise<void>;
}

/** The cart's id in `localStorage` under `key` (default `shoppable:cartId`); nothing is kept where there is none. */
export function localStorageCartId(
  key = "shoppable:cartId",
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined = globalThis.localStorage,
): CartIdStorage {
  return {
    get: () => storage?.getItem(key),
    set: (cartId) => storage?.setItem(key, cartId),
    clear: () => storage?.removeItem(key),
  };
}

/**
 * The cart's id in a cookie (`name`, default `shoppable_cart`), so a server rendering the page
 * reads it too. In a browser it uses `document.cookie`; on a server pass `cookies`: `read` the
 * request's Cookie header, `write` a Set-Cookie header on the response. The cookie lasts
 * `maxAgeDays` (14), is `SameSite=Lax` and, on https pages or with `secure`, `Secure`.
 */
export function cookieCartId(
  options: {
    name?: string;
    maxAgeDays?: number;
    secure?: boolean;
    cookies?: { read(): string | null | undefined; write(setCookie: string): void };
  } = {},
): CartIdStorage {
  const { name = "shoppable_cart", maxAgeDays = 14 } = options;
  const doc = (globalThis as { document?: { cookie: string } }).document;
  const cookies = options.cookies ?? {
    read: () => doc?.cookie,
    write: (setCookie: string) => {
      if (doc) doc.cookie = setCookie;
    },
  };
  const secure =
    options.secure ?? (globalThis as { location?: { protocol?: string } }).location?.protocol === "https:";
  const write = (value: string, maxAge: number) =>
    cookies.write(
      `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure ? "; Secure" : ""}`,
    );
  return {
    get() {
      for (const part of (cookies.read() ?? "").split(";")) {
        const [key, ...value] = part.trim().split("=");
        if (key === name) return decodeURIComponent(value.join("=")) || null;
      }
      return null;
    },
    set: (cartId) => write(cartId, maxAgeDays * 86_400),
    clear: () => write("", 0),
  };
}

/** The stored cart can no longer take lines (checked out, merged, expired, unknown): start another. */
function cartGone(error: { code: string; field?: readonly string[] | null }): boolean {
  return (
    ["CART_COMPLETED", "CART_EXPIRED", "CART_MERGED"].includes(error.code) ||
    (["NOT_FOUND", "INVALID_ID"].includes(error.code) && error.field?.[0] === "cartId")
  );
}

/**
 * The buyer's cart, kept in `storage`: `get()` reads it (null when there is none, or it was
 * checked out, merged or expired: the stored id is then forgotten); `addLines(lines)` adds to it,
 * or creates a cart with them (and `create`'s other fields: buyer identity, discount codes,
 * attribution) and stores its id; `clear()` forgets it (after checkout, say).
 */
export function createCartHandler(
  client: ShoppableClient,
  storage: CartIdStorage = localStorageCartId(),
  create: Omit<CartCreateInput, "lines"> = {},
) {
  return {
    async get() {
      const id = await storage.get();
      if (!id) return null;
      const cart = await client.cart({ id });
      if (cart?.status === "ACTIVE" || cart?.status === "CHECKING_OUT") return cart;
      await storage.clear();
      return null;
    },
    async addLines(lines: CartLineInput[]) {
      const cartId = await storage.get();
      if (cartId) {
        const added = await client.cartLinesAdd({ cartId, lines });
        if (!added.userErrors.some(cartGone)) return added;
      }
      const created = await client.cartCreate({ ...create, lines });
      if (created.cart) await storage.set(created.cart.id);
      else await storage.clear();
      return created;
    },
    clear: () => storage.clear(),
  };
}
