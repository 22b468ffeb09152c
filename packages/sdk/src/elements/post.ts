import type { PostQuery } from "../generated/types.ts";
import { ShoppableElement, formatMoney, h } from "./base.ts";

type Post = NonNullable<PostQuery["post"]>;
type Tag = Post["productTags"][number];

/** Whether a product tag shows at `ms` into a video (an image's tags always show). */
export function tagVisibleAt(tag: Pick<Tag, "startMs" | "endMs">, ms: number): boolean {
  return (tag.startMs == null || ms >= tag.startMs) && (tag.endMs == null || ms < tag.endMs);
}

/**
 * `<shoppable-post post-id="…" cart-id="…" autoplay>`: a post's video (muted, looping, playing
 * on its own with `autoplay`) or image with its product
 * hotspots, each shown at its place (`x`, `y`) and, on a video, during its time
 * (`startMs`–`endMs`). Tapping a hotspot adds the tagged variant (else the product's first
 * available one) to the cart, attributed to the post and tag; without `cart-id` it creates a
 * cart first and sets the attribute.
 *
 * Events: `cart-updated` (`detail: { cart }`) after an add; `cart-error` (`detail:
 * { userErrors }`) when the add was refused (out of stock…). Parts: `container`, `media`,
 * `hotspot`, `hotspot-title`, `hotspot-price`. Custom properties: `--shoppable-accent`.
 */
export class ShoppablePostElement extends ShoppableElement {
  static observedAttributes = ["post-id"];
  /** The post as loaded (null until then, or when it is not visible). */
  post: Post | null = null;
  #hotspots: { tag: Tag; button: HTMLButtonElement }[] = [];

  connectedCallback() {
    void this.load();
  }
  attributeChangedCallback() {
    if (this.isConnected) void this.load();
  }

  /** Loads the post and renders it; resolves when rendered. */
  async load(): Promise<void> {
    const id = this.getAttribute("post-id");
    if (!id) return;
    this.post = await this.client.post({ id });
    const root = this.shadow(`
      :host { display: block; position: relative; }
      [part=container] { position: relative; }
      [part=media] { display: block; width: 100%; height: auto; }
      [part=hotspot] { position: absolute; transform: translate(-50%, -50%); border: 0; border-radius: 999px;
        padding: .3em .7em; background: var(--shoppable-accent, #111); color: #fff; cursor: pointer; font: inherit; }
      [part=hotspot][hidden] { display: none; }
      [part=hotspot-price] { margin-left: .4em; opacity: .8; }`);
    if (!this.post) return;
    const { media, productTags } = this.post;
    const container = h("div", "container");
    const element =
      media.kind === "VIDEO"
        ? h("video", "media", "", {
            src: media.url,
            playsinline: "",
            muted: "",
            loop: "",
            ...(this.hasAttribute("autoplay") ? { autoplay: "" } : {}),
            ...(media.posterUrl ? { poster: media.posterUrl } : {}),
          })
        : h("img", "media", "", { src: media.url, alt: this.post.caption });
    if (element instanceof HTMLVideoElement) {
      element.muted = true;
      element.addEventListener("timeupdate", () => this.#showAt(element.currentTime * 1000));
    }
    container.append(element);
    this.#hotspots = productTags.map((tag) => {
      const price = tag.variant?.price ?? tag.product.priceRange.min;
      const button = h("button", "hotspot", "", {
        type: "button",
        "data-tag-id": tag.id,
        style: `left:${tag.x * 100}%;top:${tag.y * 100}%`,
      });
      button.append(
        h("span", "hotspot-title", tag.product.title),
        h("span", "hotspot-price", formatMoney(price)),
      );
      button.addEventListener("click", () => void this.addToCart(tag));
      container.append(button);
      return { tag, button };
    });
    root.append(container);
    this.#showAt(media.kind === "VIDEO" ? 0 : Number.NaN);
  }

  /** Shows the hotspots of the tags visible at `ms` (NaN: an image, all of them). */
  #showAt(ms: number) {
    for (const { tag, button } of this.#hotspots) button.hidden = !Number.isNaN(ms) && !tagVisibleAt(tag, ms);
  }

  /** Adds a tag's product to the cart (creating the cart when there is none yet). */
  async addToCart(tag: Tag): Promise<void> {
    const variantId = tag.variant?.id ?? tag.product.variants.find((variant) => variant.availableForSale)?.id;
    if (!variantId || !this.post) return;
    const line = { variantId, quantity: 1, attribution: { postId: this.post.id, productTagId: tag.id } };
    const cartId = this.getAttribute("cart-id");
    const result = cartId
      ? await this.client.cartLinesAdd({ cartId, lines: [line] })
      : await this.client.cartCreate({ lines: [line] });
    if (result.userErrors.length || !result.cart)
      return this.emit("cart-error", { userErrors: result.userErrors });
    this.setAttribute("cart-id", result.cart.id);
    this.emit("cart-updated", { cart: result.cart });
  }
}
