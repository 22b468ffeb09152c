/** A bottom sheet with a tagged product, opened from a hotspot: the line is attributed to the post and tag. */
import type { CartLineAttributionInput } from "@shoppable/sdk";
import { useEffect } from "react";
import { Link } from "../router.tsx";
import { useQuery, useShoppable } from "../shoppable.tsx";
import { ProductDetails } from "./ProductDetails.tsx";

export interface SheetProduct {
  productId: string;
  handle: string;
  variantId?: string | null;
  attribution: CartLineAttributionInput;
}

export function ProductSheet({ open, onClose }: { open: SheetProduct | null; onClose(): void }) {
  const { client } = useShoppable();
  const product = useQuery(
    async () => (open ? client.product({ id: open.productId }) : null),
    [client, open?.productId],
  );
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);
  if (!open) return null;
  const search = new URLSearchParams();
  if (open.attribution.postId) search.set("post", String(open.attribution.postId));
  if (open.attribution.productTagId) search.set("tag", String(open.attribution.productTagId));
  return (
    <div className="sheet" role="dialog" aria-modal="true" data-testid="product-sheet">
      <button type="button" className="sheet__backdrop" aria-label="Close" onClick={onClose} />
      <div className="sheet__panel">
        <div className="sheet__grip" />
        <button type="button" className="sheet__close" onClick={onClose} aria-label="Close">
          ×
        </button>
        {product.data ? (
          <>
            <ProductDetails
              product={product.data}
              attribution={open.attribution}
              initialVariantId={open.variantId ?? null}
              compact
              onAdded={onClose}
            />
            <Link to={`/products/${product.data.handle}?${search}`} className="sheet__more" onClick={onClose}>
              View full details →
            </Link>
          </>
        ) : product.loading ? (
          <div className="skeleton skeleton--sheet" />
        ) : (
          <p className="empty">This product is no longer available.</p>
        )}
      </div>
    </div>
  );
}
