import type { ProductFieldsFragment } from "@shoppable/sdk";
import { money } from "../format.ts";
import { Link } from "../router.tsx";

export function ProductCard({
  product,
}: {
  product: Pick<
    ProductFieldsFragment,
    "id" | "handle" | "title" | "availableForSale" | "priceRange" | "media" | "shop"
  >;
}) {
  const media = product.media[0];
  return (
    <Link
      to={`/products/${product.handle}`}
      className="card"
      data-testid="product-card"
      data-product-handle={product.handle}
    >
      <div className="card__media">
        {media ? (
          <img src={media.posterUrl ?? media.url} alt={media.alt || product.title} loading="lazy" />
        ) : (
          <span>{product.title.slice(0, 1)}</span>
        )}
        {!product.availableForSale && <span className="badge badge--soldout">Sold out</span>}
      </div>
      <div className="card__body">
        <span className="card__title">{product.title}</span>
        <span className="card__price">{money(product.priceRange.min)}</span>
      </div>
    </Link>
  );
}

export function ProductGrid({ products }: { products: Parameters<typeof ProductCard>[0]["product"][] }) {
  return (
    <div className="grid" data-testid="product-grid">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </div>
  );
}
