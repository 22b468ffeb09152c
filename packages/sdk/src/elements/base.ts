import { createShoppableClient, type ShoppableClient } from "../client.ts";

/** HTMLElement where there is a DOM; a stand-in elsewhere, so the module loads in Node and edge runtimes. */
export const Base = ((globalThis as { HTMLElement?: typeof HTMLElement }).HTMLElement ??
  class {}) as typeof HTMLElement;

/**
 * What both elements share: the client (the `client` property, else one made from the
 * `api-url`, `api-key` and optional `ws-url`, `user-token` and `persisted-operations`
 * attributes), event dispatch and money formatting.
 */
export class ShoppableElement extends Base {
  #client: ShoppableClient | undefined;

  /** The SDK client the element calls; set it to share your app's client (and its user token). */
  get client(): ShoppableClient {
    if (!this.#client) {
      const url = this.getAttribute("api-url");
      const apiKey = this.getAttribute("api-key");
      if (!url || !apiKey)
        throw new Error(`<${this.localName}> needs a \`client\` property or api-url and api-key attributes`);
      const wsUrl = this.getAttribute("ws-url");
      this.#client = createShoppableClient({
        url,
        apiKey,
        userToken: this.getAttribute("user-token"),
        // An API with persisted operations enforced needs hashes (the SDK's are registered there).
        persistedOperations: this.hasAttribute("persisted-operations"),
        ...(wsUrl ? { wsUrl } : {}),
      });
    }
    return this.#client;
  }
  set client(client: ShoppableClient) {
    this.#client = client;
  }

  /** Dispatches a bubbling, composed CustomEvent. */
  protected emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  protected shadow(css: string): ShadowRoot {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${css}</style>`;
    return root;
  }
}

/**
 * Adds under way from `<shoppable-post>` taps, by cart id: the post announces the cart they
 * leave (`cart-updated`), so a `<shoppable-cart>` that learns the new state first from its live
 * source shows it without announcing it too (one tap, one event, whichever answer comes first).
 */
export const addsInFlight = new Map<string, number>();

/** "€12.50" from `{ amount: "12.50", currencyCode: "EUR" }` in the page's locale. */
export function formatMoney(money: { amount: string; currencyCode: string } | null | undefined): string {
  if (!money) return "";
  return new Intl.NumberFormat(undefined, { style: "currency", currency: money.currencyCode }).format(
    Number(money.amount),
  );
}

/** Creates an element with a part name, text and attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  part: string,
  text = "",
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.setAttribute("part", part);
  if (text) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
