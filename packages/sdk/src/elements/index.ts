/**
 * @shoppable/sdk/elements: framework-free web components. Importing this module defines
 * `<shoppable-post>` and `<shoppable-cart>` (where `customElements` exists; elsewhere it only
 * exports the classes). See README.md "Web components".
 */
import { ShoppableCartElement } from "./cart.ts";
import { ShoppablePostElement } from "./post.ts";

export { ShoppableCartElement, cartUpdatedSource, type CartData, type CartSource } from "./cart.ts";
export { ShoppablePostElement, tagVisibleAt } from "./post.ts";
export { formatMoney } from "./base.ts";

/** Defines both elements (idempotent); called on import. */
export function defineShoppableElements(
  registry: CustomElementRegistry | undefined = globalThis.customElements,
): void {
  if (!registry) return;
  if (!registry.get("shoppable-post")) registry.define("shoppable-post", ShoppablePostElement);
  if (!registry.get("shoppable-cart")) registry.define("shoppable-cart", ShoppableCartElement);
}

defineShoppableElements();

declare global {
  interface HTMLElementTagNameMap {
    "shoppable-post": ShoppablePostElement;
    "shoppable-cart": ShoppableCartElement;
  }
}
