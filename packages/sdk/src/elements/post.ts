import type { PostQuery } from "../generated/types.ts";
import { ShoppableElement, addsInFlight, formatMoney, h } from "./base.ts";

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
      [part=container] { position: relative; overflow: hidden; }
      [part=media] { display: block; width: 100%; height: auto; background: #0001; }
      [part=hotspot] { position: absolute; border: 0; border-radius: 999px; max-width: 90%; white-space: nowrap;
        overflow: hidden; text-overflow: ellipsis; padding: .3em .7em; background: var(--shoppable-accent, #111);
        color: #fff; cursor: pointer; font: inherit; }
      [part=hotspot][hidden] { display: none; }
      [part=hotspot-price] { margin-left: .4em; opacity: .8; }`);
    if (!this.post) return;
    const { media, productTags, caption, author } = this.post;
    const container = h("div", "container");
    // The media's own size reserves its space before it loads (no layout shift).
    const size: Record<string, string> =
      media.width && media.height ? { width: String(media.width), height: String(media.height) } : {};
    // Relative media URLs are the API's: resolved against it, not against this page.
    const absolute = (url: string) => new URL(url, this.getAttribute("api-url") ?? document.baseURI).href;
    const name = caption || `Post by ${author.displayName ?? author.handle}`;
    const element =
      media.kind === "VIDEO"
        ? h("video", "media", "", {
            src: absolute(media.url),
            playsinline: "",
            muted: "",
            loop: "",
            "aria-label": name,
            ...size,
            ...(this.hasAttribute("autoplay") ? { autoplay: "" } : {}),
            ...(media.posterUrl ? { poster: absolute(media.posterUrl) } : {}),
          })
        : h("img", "media", "", { src: absolute(media.url), alt: name, ...size });
    if (element instanceof HTMLVideoElement) {
      element.muted = true;
      element.addEventListener("timeupdate", () => this.#showAt(element.currentTime * 1000));
    }
    container.append(element);
    this.#hotspots = productTags.map((tag) => {
      const price = tag.variant?.price ?? tag.product.priceRange.min;
      // Anchored by the same fraction of its own size as its place in the frame: centred in the
      // middle, flush with an edge at that edge, so it never hangs off the frame.
      const button = h("button", "hotspot", "", {
        type: "button",
        "data-tag-id": tag.id,
        "aria-label": `Add ${tag.product.title} (${formatMoney(price)}) to the cart`,
        style: `left:${tag.x * 100}%;top:${tag.y * 100}%;transform:translate(-${tag.x * 100}%,-${tag.y * 100}%)`,
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
    if (cartId) addsInFlight.set(cartId, (addsInFlight.get(cartId) ?? 0) + 1);
    let result: Awaited<ReturnType<typeof this.client.cartCreate>>;
    try {
      result = cartId
        ? await this.client.cartLinesAdd({ cartId, lines: [line] })
        : await this.client.cartCreate({ lines: [line] });
    } finally {
      if (cartId) {
        const left = (addsInFlight.get(cartId) ?? 1) - 1;
        if (left > 0) addsInFlight.set(cartId, left);
        else addsInFlight.delete(cartId);
      }
    }
    if (result.userErrors.length || !result.cart)
      return this.emit("cart-error", { userErrors: result.userErrors });
    this.setAttribute("cart-id", result.cart.id);
    this.emit("cart-updated", { cart: result.cart });
  }
}
