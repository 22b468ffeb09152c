/**
 * The cart from any page: lines with +/−/remove (`cartLinesUpdate`, `cartLinesRemove`) and
 * totals. It shows the provider's cart, which follows `cartUpdated` live: a change made in
 * another tab or device appears here without a reload.
 */
import { useEffect, useState } from "react";
import { ProductThumbnails } from "../documents.ts";
import { isDefaultTitle, money } from "../format.ts";
import { Link, navigate } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";

/** The first image of each product in the cart, read once per product. */
function useThumbnails(productIds: string[]): Map<string, string> {
  const { client } = useShoppable();
  const [known, setKnown] = useState(() => new Map<string, string>());
  const missing = productIds.filter((id) => !known.has(id));
  const key = missing.join(",");
  useEffect(() => {
    if (!key) return;
    let active = true;
    void client.request(ProductThumbnails, { ids: key.split(",") }).then(
      ({ nodes }) => {
        if (!active) return;
        setKnown((previous) => {
          const next = new Map(previous);
          for (const node of nodes)
            if (node?.id) next.set(node.id, node.media?.[0]?.posterUrl ?? node.media?.[0]?.url ?? "");
          return next;
        });
      },
      () => {},
    );
    return () => {
      active = false;
    };
  }, [client, key]);
  return known;
}

export function CartDrawer() {
  const { cart, cartOpen, setCartOpen, setLineQuantity, removeLine } = useShoppable();
  useEffect(() => {
    if (!cartOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setCartOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [cartOpen, setCartOpen]);
  const lines = cart?.lines ?? [];
  const thumbnails = useThumbnails(
    lines.map((line) => line.variant?.product.id).filter((id): id is string => !!id),
  );
  return (
    <div
      className={cartOpen ? "drawer drawer--open" : "drawer"}
      aria-hidden={!cartOpen}
      data-testid="cart-drawer"
      data-open={cartOpen}
    >
      <button
        type="button"
        className="drawer__backdrop"
        aria-label="Close cart"
        tabIndex={-1}
        onClick={() => setCartOpen(false)}
      />
      <aside className="drawer__panel" role="dialog" aria-label="Cart">
        <header className="drawer__header">
          <h2>
            Your cart {cart?.totalQuantity ? <span className="muted">({cart.totalQuantity})</span> : null}
          </h2>
          <button
            type="button"
            className="icon-button"
            onClick={() => setCartOpen(false)}
            aria-label="Close"
            data-testid="cart-close"
          >
            ×
          </button>
        </header>
        {lines.length === 0 ? (
          <div className="drawer__empty" data-testid="cart-empty">
            <p>Your cart is empty.</p>
            <p className="muted">Tap a product in a video to add it.</p>
          </div>
        ) : (
          <>
            <ul className="lines">
              {lines.map((line) => {
                const product = line.variant?.product;
                return (
                  <li
                    key={line.id}
                    className="line"
                    data-testid="cart-line"
                    data-line-id={line.id}
                    data-product-handle={product?.handle}
                  >
                    <span className="line__thumb">
                      {product && thumbnails.get(product.id) ? (
                        <img src={thumbnails.get(product.id)} alt="" />
                      ) : (
                        (product?.title.slice(0, 1) ?? "?")
                      )}
                    </span>
                    <div className="line__main">
                      {product ? (
                        <Link
                          to={`/products/${product.handle}`}
                          className="line__title"
                          onClick={() => setCartOpen(false)}
                          data-testid="cart-line-title"
                        >
                          {product.title}
                        </Link>
                      ) : (
                        <span className="line__title">Unavailable</span>
                      )}
                      <span className="line__meta muted">
                        {line.variant?.title && !isDefaultTitle(line.variant.title)
                          ? `${line.variant.title} · `
                          : ""}
                        {product?.shop.name}
                      </span>
                      <span className="line__tags">
                        {line.livePriceApplied && <span className="badge badge--live">Live price</span>}
                        {line.attribution.postId && <span className="badge">From a post</span>}
                        {line.attribution.affiliateCode && <span className="badge">Creator link</span>}
                      </span>
                    </div>
                    <div className="line__side">
                      <span className="line__total" data-testid="cart-line-total">
                        {money(line.cost.total)}
                      </span>
                      <div className="stepper stepper--small">
                        <button
                          type="button"
                          aria-label={`One fewer ${product?.title ?? "of this item"}`}
                          onClick={() => void setLineQuantity(line.id, line.quantity - 1)}
                          data-testid="line-decrease"
                        >
                          −
                        </button>
                        <span data-testid="cart-line-quantity">{line.quantity}</span>
                        <button
                          type="button"
                          aria-label={`One more ${product?.title ?? "of this item"}`}
                          onClick={() => void setLineQuantity(line.id, line.quantity + 1)}
                          data-testid="line-increase"
                        >
                          +
                        </button>
                      </div>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => void removeLine(line.id)}
                        data-testid="line-remove"
                      >
                        Remove
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
            <footer className="drawer__footer">
              <dl className="totals">
                <dt>Subtotal</dt>
                <dd data-testid="cart-subtotal">{money(cart?.cost?.subtotal)}</dd>
                {cart?.cost && Number(cart.cost.discount.amount) > 0 && (
                  <>
                    <dt>Discount</dt>
                    <dd>−{money(cart.cost.discount)}</dd>
                  </>
                )}
                <dt className="totals__total">Total</dt>
                <dd className="totals__total" data-testid="cart-total">
                  {money(cart?.cost?.total)}
                </dd>
              </dl>
              <button
                type="button"
                className="button button--primary button--wide"
                data-testid="checkout-button"
                onClick={() => {
                  setCartOpen(false);
                  navigate("/checkout");
                }}
              >
                Checkout
              </button>
            </footer>
          </>
        )}
      </aside>
    </div>
  );
}
