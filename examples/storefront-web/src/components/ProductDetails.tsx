/**
 * A product with its media, price, options → variant picker, stock and "Add to cart". Used by
 * the product page and the product sheet a hotspot opens. The cart line carries `attribution`
 * (post and tag, live session) plus the stored affiliate click for this product's shop.
 */
import type { CartLineAttributionInput, ProductQuery } from "@shoppable/sdk";
import { useEffect, useMemo, useState } from "react";
import { affiliateFor } from "../attribution.ts";
import { money } from "../format.ts";
import { Link } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";
import { type Rating, RatingSummary } from "./Reviews.tsx";

export type Product = NonNullable<ProductQuery["product"]>;
type Variant = Product["variants"][number];

function variantFor(product: Product, selected: Record<string, string>): Variant | undefined {
  return product.variants.find((variant) =>
    variant.selectedOptions.every((option) => selected[option.name] === option.value),
  );
}

export function ProductDetails({
  product,
  attribution,
  initialVariantId,
  livePrice,
  compact,
  onAdded,
  rating,
}: {
  product: Product;
  attribution?: CartLineAttributionInput;
  initialVariantId?: string | null;
  livePrice?: { amount: string; currencyCode: string } | null;
  compact?: boolean;
  onAdded?(): void;
  /** The rating shown under the title (the product page's, updated when a review is written). */
  rating?: Rating;
}) {
  const { addToCart, setCartOpen } = useShoppable();
  const firstVariant =
    product.variants.find((variant) => variant.id === initialVariantId) ??
    product.variants.find((variant) => variant.availableForSale) ??
    product.variants[0];
  const [selected, setSelected] = useState<Record<string, string>>(() =>
    Object.fromEntries(firstVariant?.selectedOptions.map((option) => [option.name, option.value]) ?? []),
  );
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mediaIndex, setMediaIndex] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new choice clears the last error; the choice is the trigger, not an input
  useEffect(() => setError(null), [selected, quantity]);

  const variant = useMemo(
    () => variantFor(product, selected) ?? (product.options.length ? undefined : product.variants[0]),
    [product, selected],
  );
  const available = variant?.availableForSale ?? false;
  const media = product.media[mediaIndex] ?? product.media[0];

  async function add() {
    if (!variant) return;
    setBusy(true);
    try {
      const errors = await addToCart([
        {
          variantId: variant.id,
          quantity,
          attribution: { ...affiliateFor(product.shop.id), ...attribution },
        },
      ]);
      if (errors[0]) {
        setError(
          errors[0].code === "OUT_OF_STOCK"
            ? `Only ${errors[0].quantityAvailable ?? 0} left in stock`
            : errors[0].message,
        );
      } else {
        onAdded?.();
        setCartOpen(true);
      }
    } catch (cause) {
      setError((cause as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className={compact ? "product product--compact" : "product"}
      data-testid="product-details"
      data-product-handle={product.handle}
    >
      <div className="product__gallery">
        {media ? (
          media.kind === "VIDEO" ? (
            <video
              src={media.url}
              poster={media.posterUrl ?? undefined}
              muted
              autoPlay
              loop
              playsInline
              className="product__media"
            />
          ) : (
            <img src={media.url} alt={media.alt ?? product.title} className="product__media" />
          )
        ) : (
          <div className="product__media product__media--empty">{product.title.slice(0, 1)}</div>
        )}
        {product.media.length > 1 && (
          <div className="product__thumbs">
            {product.media.map((item, index) => (
              <button
                key={item.id}
                type="button"
                className={index === mediaIndex ? "thumb thumb--active" : "thumb"}
                onClick={() => setMediaIndex(index)}
                aria-label={`Image ${index + 1}`}
              >
                <img src={item.posterUrl ?? item.url} alt="" />
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="product__info">
        <Link to={`/shops/${product.shop.handle}`} className="product__shop">
          {product.shop.name}
        </Link>
        <h1 className="product__title" data-testid="product-title">
          {product.title}
        </h1>
        {!compact && <RatingSummary rating={rating ?? product.rating} />}
        <div className="product__price" data-testid="product-price">
          {livePrice ? (
            <>
              <span className="price price--live">{money(livePrice)}</span>
              <s className="price price--was">{money(variant?.price ?? product.priceRange.min)}</s>
              <span className="badge badge--live">Live price</span>
            </>
          ) : (
            <>
              <span className="price">{money(variant?.price ?? product.priceRange.min)}</span>
              {variant?.compareAtPrice &&
                Number(variant.compareAtPrice.amount) > Number(variant.price.amount) && (
                  <s className="price price--was">{money(variant.compareAtPrice)}</s>
                )}
            </>
          )}
        </div>
        {product.options
          .filter((option) => option.values.length > 1 || product.variants.length > 1)
          .map((option) => (
            <fieldset key={option.id} className="options">
              <legend>
                {option.name}: <strong>{selected[option.name]}</strong>
              </legend>
              <div className="options__values">
                {option.values.map((value) => {
                  const candidate = variantFor(product, { ...selected, [option.name]: value });
                  return (
                    <button
                      key={value}
                      type="button"
                      data-testid="option-value"
                      className={[
                        "chip",
                        selected[option.name] === value ? "chip--selected" : "",
                        candidate?.availableForSale ? "" : "chip--soldout",
                      ].join(" ")}
                      onClick={() => setSelected({ ...selected, [option.name]: value })}
                    >
                      {value}
                    </button>
                  );
                })}
              </div>
            </fieldset>
          ))}
        <p className={available ? "stock" : "stock stock--out"} data-testid="product-stock">
          {!variant
            ? "This combination is not available"
            : !available
              ? "Sold out"
              : variant.quantityAvailable != null && variant.quantityAvailable <= 10
                ? `Only ${variant.quantityAvailable} left`
                : "In stock"}
        </p>
        {/* The error shows with the bar it answers: on a long page the bar sticks to the bottom. */}
        <div className="buy-area">
          {error && (
            <p className="error" role="alert" data-testid="add-error">
              {error}
            </p>
          )}
          <div className="buy">
            <fieldset className="stepper" aria-label="Quantity">
              <button
                type="button"
                onClick={() => setQuantity(Math.max(1, quantity - 1))}
                aria-label="Decrease quantity"
              >
                −
              </button>
              <span data-testid="quantity">{quantity}</span>
              <button type="button" onClick={() => setQuantity(quantity + 1)} aria-label="Increase quantity">
                +
              </button>
            </fieldset>
            <button
              type="button"
              className="button button--primary button--wide"
              data-testid="add-to-cart"
              disabled={!available || busy}
              onClick={() => void add()}
            >
              {busy ? "Adding…" : available ? "Add to cart" : "Sold out"}
            </button>
          </div>
        </div>
        {attribution?.postId && <p className="hint">From a post: the creator is credited.</p>}
        {!compact && product.description && <p className="product__description">{product.description}</p>}
      </div>
    </div>
  );
}
