/**
 * `/products/<handle>` (`product(handle)`): the product with its variant picker. A line added
 * here carries the post and tag it came from (`?post=&tag=`, set by the product sheet) or the
 * live session (`?live=`), plus the stored affiliate click for the product's shop (the
 * `?aff=&click=` of the API's redirect is stored by the app shell, see attribution.ts).
 */
import type { CartLineAttributionInput } from "@shoppable/sdk";
import { ProductDetails } from "../components/ProductDetails.tsx";
import { useEffect, useState } from "react";
import { ProductGrid } from "../components/ProductGrid.tsx";
import { ProductReviews, type Rating } from "../components/Reviews.tsx";
import { useLocation } from "../router.tsx";
import { useQuery, useShoppable } from "../shoppable.tsx";
import { useDocumentTitle } from "../title.ts";

export function ProductPage({ handle }: { handle: string }) {
  const { client } = useShoppable();
  const { search } = useLocation();
  const product = useQuery(() => client.product({ handle }), [client, handle]);
  const related = useQuery(
    async () =>
      product.data
        ? (await client.recommendedProducts({ productId: product.data.id, first: 6 })).products
        : [],
    [client, product.data?.id],
  );
  const [rating, setRating] = useState<Rating | null>(null);
  useEffect(() => setRating(product.data?.rating ?? null), [product.data]);
  useDocumentTitle(product.data?.title, product.data?.shop.name);
  if (product.loading && !product.data) return <div className="skeleton skeleton--product" />;
  if (!product.data) return <p className="empty page-pad">This product is not available.</p>;
  const attribution: CartLineAttributionInput = {};
  if (search.get("post")) attribution.postId = search.get("post");
  if (search.get("tag")) attribution.productTagId = search.get("tag");
  if (search.get("live")) attribution.liveSessionId = search.get("live");
  const { socialProof } = product.data;
  // A cart holds one currency: suggestions priced in another could not join this product in it.
  const currency = product.data.priceRange.min.currencyCode;
  const sameCurrency = (related.data ?? []).filter((p) => p.priceRange.min.currencyCode === currency);
  return (
    <div className="page">
      <ProductDetails
        key={product.data.id}
        product={product.data}
        attribution={attribution}
        rating={rating ?? product.data.rating}
      />
      {(socialProof.purchasesLast24h > 0 || socialProof.postCount > 0) && (
        <p className="social-proof page-pad">
          {socialProof.purchasesLast24h > 0 && (
            <span>{socialProof.purchasesLast24h} bought in the last 24 h</span>
          )}
          {socialProof.postCount > 0 && (
            <span>
              in {socialProof.postCount} {socialProof.postCount === 1 ? "post" : "posts"}
            </span>
          )}
        </p>
      )}
      <ProductReviews
        productId={product.data.id}
        shopName={product.data.shop.name}
        rating={rating ?? product.data.rating}
        onRating={setRating}
      />
      {sameCurrency.length > 0 && (
        <section className="section">
          <h2 className="section__title">You may also like</h2>
          <ProductGrid products={sameCurrency} />
        </section>
      )}
    </div>
  );
}
