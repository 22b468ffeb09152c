import type { ShoppableClient } from "../client.ts";
import type { CartQuery } from "../generated/types.ts";
import { ShoppableElement, addsInFlight, formatMoney, h } from "./base.ts";

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
 * Each line has a quantity stepper (`decrease`, `increase`: `cartLinesUpdate`) and a remove
 * button; the amounts are labelled (subtotal, then discount, shipping and tax when there are
 * any, and the total).
 *
 * Events: `cart-updated` (`detail: { cart }`) whenever the shown cart changes to a state not
 * announced in the document yet, `cart-error` (`detail: { userErrors }`) when a change is
 * refused (not enough stock), `checkout`
 * (`detail: { cart }`), `live-error` (`detail: { error }`) when the source fails (such as
 * `ShoppableAuthError` FORBIDDEN: a signed-in buyer's cart without their user token); the
 * element then still shows the cart and follows the document's events. Parts: `cart`, `line`,
 * `line-title`, `decrease`, `line-quantity`, `increase`, `line-total`, `remove`, `empty`,
 * `subtotal`, `discount`, `shipping`, `tax`, `total` (each with `-label` and `-amount`), `checkout`.
 */
export class ShoppableCartElement extends ShoppableElement {
  static observedAttributes = ["cart-id"];
  /** The cart as shown. */
  cart: CartData | null = null;
  #source: CartSource | undefined;
  #live: { dispose?(): void; return?(): unknown } | undefined;
  /** The last state of a cart announced in the document (by anyone): not announced again. */
  #announced: string | undefined;
  #onDocumentUpdate = (event: Event) => {
    const cart = (event as CustomEvent<{ cart?: CartData }>).detail?.cart;
    if (!cart) return;
    this.#announced = JSON.stringify(cart);
    // Carts announce what they show: following each other's announcements would loop.
    if (event.target instanceof ShoppableCartElement) return;
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

  /**
   * Renders `cart` and dispatches `cart-updated` when it is a cart in a state not announced yet
   * (a tap's add, announced by the post and then delivered by the subscription, is one event).
   */
  show(cart: CartData | null): void {
    this.cart = cart;
    const root = this.shadow(`
      :host { display: block; }
      [part=line] { display: flex; gap: .5em; align-items: center; justify-content: space-between; }
      [part=line-title] { flex: 1; }
      [part=subtotal], [part=discount], [part=shipping], [part=tax], [part=total] { display: flex; justify-content: space-between; }
      [part=total] { font-weight: 600; }
      [part=checkout] { background: var(--shoppable-accent, #111); color: #fff; border: 0; padding: .6em 1em; cursor: pointer; }`);
    const container = h("div", "cart");
    root.append(container);
    if (!cart?.lines.length) {
      container.append(h("p", "empty", "Your cart is empty"));
    } else {
      for (const line of cart.lines) {
        const title = line.variant?.product.title ?? "Unavailable";
        const row = h("div", "line", "", { "data-line-id": line.id });
        const button = (part: string, text: string, label: string, onClick: () => Promise<void>) => {
          const element = h("button", part, text, { type: "button", "aria-label": label });
          element.addEventListener("click", () => void onClick());
          return element;
        };
        row.append(
          h("span", "line-title", title),
          button("decrease", "−", `One fewer ${title}`, () => this.#setQuantity(line.id, line.quantity - 1)),
          h("span", "line-quantity", String(line.quantity), { "aria-label": `Quantity of ${title}` }),
          button("increase", "+", `One more ${title}`, () => this.#setQuantity(line.id, line.quantity + 1)),
          h("span", "line-total", formatMoney(line.cost.total)),
          button("remove", "×", `Remove ${title}`, () => this.#setQuantity(line.id, 0)),
        );
        container.append(row);
      }
      // Each amount with its label; discount, shipping and tax only when the cart has them.
      type Money = { amount: string; currencyCode: string };
      const amount = (part: string, label: string, money: Money | null | undefined) => {
        const row = h("div", part);
        row.append(h("span", `${part}-label`, label), h("span", `${part}-amount`, formatMoney(money)));
        return row;
      };
      const { subtotal, discount, shipping, tax, includedTax, total } = cart.cost ?? {};
      container.append(amount("subtotal", "Subtotal", subtotal));
      if (discount && Number(discount.amount)) container.append(amount("discount", "Discount", discount));
      if (shipping) container.append(amount("shipping", "Shipping", shipping));
      if (tax && Number(tax.amount)) container.append(amount("tax", "Tax", tax));
      container.append(
        amount("total", includedTax && Number(includedTax.amount) ? "Total (incl. tax)" : "Total", total),
      );
      const checkout = h("button", "checkout", "Checkout", { type: "button" });
      checkout.addEventListener("click", () => this.emit("checkout", { cart: this.cart }));
      container.append(checkout);
    }
    const state = cart && JSON.stringify(cart);
    // A post's add under way announces this cart's next state itself.
    if (cart && state !== this.#announced && !addsInFlight.has(cart.id)) {
      this.#announced = state ?? undefined;
      this.emit("cart-updated", { cart });
    }
  }

  /** The quantity stepper and remove button: `cartLinesUpdate`, or `cartLinesRemove` at 0. */
  async #setQuantity(lineId: string, quantity: number) {
    if (!this.cart) return;
    const cartId = this.cart.id;
    const result =
      quantity > 0
        ? await this.client.cartLinesUpdate({ cartId, lines: [{ id: lineId, quantity }] })
        : await this.client.cartLinesRemove({ cartId, lineIds: [lineId] });
    if (result.userErrors.length) this.emit("cart-error", { userErrors: result.userErrors });
    if (result.cart) this.show(result.cart);
  }
}
