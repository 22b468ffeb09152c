import type { ShoppableClient } from "../client.ts";
import type { CartQuery } from "../generated/types.ts";
import { ShoppableElement, formatMoney, h } from "./base.ts";

export type CartData = NonNullable<CartQuery["cart"]>;
/**
 * Where live cart updates come from: an async iterable of the cart as it changes (null once it
 * can no longer be read: expired, or merged into the buyer's cart at sign-in).
 */
export type CartSource = (cartId: string) => AsyncIterable<CartData | null> & { dispose?(): void };

/**
 * The default `CartSource`: the `cartUpdated` subscription's carts; when the API says events
 * may have been missed (`refetch`), the cart read again with `cart(id)`.
 */
export function cartUpdatedSource(
  client: ShoppableClient,
  cartId: string,
): AsyncIterable<CartData | null> & { dispose(): void } {
  const events = client.cartUpdated({ cartId });
  return {
    dispose: () => events.dispose(),
    async *[Symbol.asyncIterator]() {
      for await (const { cart, refetch } of events) yield refetch ? await client.cart({ id: cartId }) : cart;
    },
  };
}

/**
 * `<shoppable-cart cart-id="…">`: the cart's lines and totals, live. It re-renders on every
 * cart its `source` yields (by default the SDK's `cartUpdated` subscription over the client's
 * WebSocket, `cartUpdatedSource`; any `CartSource` may be set) and on every `cart-updated`
 * event in the document for its cart (such as a `<shoppable-post>` add); with no `cart-id` it
 * adopts the first such cart. The remove buttons call `cartLinesRemove`; the checkout button
 * only dispatches `checkout` (the app runs its payment flow and `checkoutComplete`).
 *
 * Events: `cart-updated` (`detail: { cart }`) whenever the shown cart changes, `checkout`
 * (`detail: { cart }`), `live-error` (`detail: { error }`) when the source fails (such as
 * `ShoppableAuthError` FORBIDDEN: a signed-in buyer's cart without their user token); the
 * element then still shows the cart and follows the document's events. Parts: `cart`, `line`, `line-title`, `line-quantity`, `line-total`,
 * `remove`, `empty`, `subtotal`, `discount`, `total`, `checkout`.
 */
export class ShoppableCartElement extends ShoppableElement {
  static observedAttributes = ["cart-id"];
  /** The cart as shown. */
  cart: CartData | null = null;
  #source: CartSource | undefined;
  #live: { dispose?(): void; return?(): unknown } | undefined;
  #onDocumentUpdate = (event: Event) => {
    const cart = (event as CustomEvent<{ cart?: CartData }>).detail?.cart;
    // Carts announce what they show: following each other's announcements would loop.
    if (!cart || event.target instanceof ShoppableCartElement) return;
    if (!this.getAttribute("cart-id")) this.setAttribute("cart-id", cart.id);
    if (cart.id === this.getAttribute("cart-id")) this.show(cart);
  };

  /** The live source; setting it (re)starts the live updates. */
  get source(): CartSource {
    return this.#source ?? ((cartId) => cartUpdatedSource(this.client, cartId));
  }
  /** Set a `CartSource`, or undefined for the default (`cartUpdatedSource`). */
  set source(source: CartSource | undefined) {
    this.#source = source;
    if (this.isConnected) this.#follow();
  }

  connectedCallback() {
    document.addEventListener("cart-updated", this.#onDocumentUpdate);
    void this.load();
    this.#follow();
  }
  disconnectedCallback() {
    document.removeEventListener("cart-updated", this.#onDocumentUpdate);
    this.#stop();
  }
  attributeChangedCallback(_: string, previous: string | null, next: string | null) {
    if (!this.isConnected || previous === next) return;
    if (next !== this.cart?.id) void this.load();
    this.#follow();
  }

  /** Reads the cart and shows it. */
  async load(): Promise<void> {
    const id = this.getAttribute("cart-id");
    if (id) this.show(await this.client.cart({ id }));
    else this.show(null);
  }

  #stop() {
    this.#live?.dispose?.();
    void this.#live?.return?.();
    this.#live = undefined;
  }

  #follow() {
    this.#stop();
    const id = this.getAttribute("cart-id");
    if (!id) return;
    const iterable = this.source(id);
    const iterator = iterable[Symbol.asyncIterator]();
    const live = (this.#live = { dispose: () => iterable.dispose?.(), return: () => iterator.return?.() });
    void (async () => {
      for (let step = await iterator.next(); !step.done && this.#live === live; step = await iterator.next())
        this.show(step.value);
    })().catch((error: unknown) => this.#live === live && this.emit("live-error", { error }));
  }

  /** Renders `cart` and dispatches `cart-updated` when it is a cart. */
  show(cart: CartData | null): void {
    this.cart = cart;
    const root = this.shadow(`
      :host { display: block; }
      [part=line] { display: flex; gap: .5em; justify-content: space-between; }
      [part=checkout] { background: var(--shoppable-accent, #111); color: #fff; border: 0; padding: .6em 1em; cursor: pointer; }`);
    const container = h("div", "cart");
    root.append(container);
    if (!cart?.lines.length) {
      container.append(h("p", "empty", "Your cart is empty"));
    } else {
      for (const line of cart.lines) {
        const row = h("div", "line", "", { "data-line-id": line.id });
        const remove = h("button", "remove", "×", { type: "button", "aria-label": "Remove" });
        remove.addEventListener("click", () => void this.#remove(line.id));
        row.append(
          h("span", "line-title", line.variant?.product.title ?? "Unavailable"),
          h("span", "line-quantity", String(line.quantity)),
          h("span", "line-total", formatMoney(line.cost.total)),
          remove,
        );
        container.append(row);
      }
      container.append(
        h("div", "subtotal", formatMoney(cart.cost?.subtotal)),
        h("div", "discount", formatMoney(cart.cost?.discount)),
        h("div", "total", formatMoney(cart.cost?.total)),
      );
      const checkout = h("button", "checkout", "Checkout", { type: "button" });
      checkout.addEventListener("click", () => this.emit("checkout", { cart: this.cart }));
      container.append(checkout);
    }
    if (cart) this.emit("cart-updated", { cart });
  }

  async #remove(lineId: string) {
    if (!this.cart) return;
    const result = await this.client.cartLinesRemove({ cartId: this.cart.id, lineIds: [lineId] });
    if (result.cart) this.show(result.cart);
  }
}
