/**
 * `/collections/<handle>`: a collection (manual or automatic) with its products, facets, filters
 * and sort in the URL; `/collections`: every shop's collections.
 */
import { useMemo } from "react";
import { CollectionHeader, CollectionList } from "../catalog-documents.ts";
import type { CatalogScope } from "../catalog-query.ts";
import { Catalog } from "../components/Catalog.tsx";
import { useDocumentTitle } from "../title.ts";
import { Link } from "../router.tsx";
import { useQuery, useShoppable } from "../shoppable.tsx";

export function CollectionPage({ handle }: { handle: string }) {
  const { client } = useShoppable();
  const collection = useQuery(() => client.request(CollectionHeader, { handle }), [client, handle]);
  const data = collection.data?.collection;
  useDocumentTitle(data?.title, data?.shop.name);
  const scope = useMemo<CatalogScope | null>(
    () =>
      data
        ? {
            kind: "collection",
            collectionId: data.id,
            currency: data.shop.currencyCode,
            collectionSortOrder: data.sortOrder,
          }
        : null,
    [data],
  );

  if (collection.error)
    return (
      <div className="page page-pad" role="alert">
        <p className="error">This collection could not be loaded: {collection.error.message}</p>
        <button type="button" className="button" onClick={collection.reload}>
          Try again
        </button>
      </div>
    );
  if (!collection.data)
    return <div className="skeleton skeleton--product" data-testid="collection-loading" />;
  if (!data || !scope)
    return (
      <div className="page page-pad">
        <h1>Collection not found</h1>
        <Link to="/collections" className="button">
          All collections
        </Link>
      </div>
    );
  return (
    <div className="page catalog-page" data-testid="collection-page">
      <header className="catalog-page__header">
        <nav className="crumbs" aria-label="Breadcrumb">
          <Link to={`/shops/${data.shop.handle}`}>{data.shop.name}</Link>
          <span aria-hidden>/</span>
          <Link to="/collections">Collections</Link>
        </nav>
        <h1 data-testid="collection-title">{data.title}</h1>
        {data.description && <p className="catalog-page__description">{data.description}</p>}
      </header>
      <Catalog scope={scope} showQuery />
    </div>
  );
}

/** A row of collection links (a shop's, or every shop's). */
export function CollectionLinks({ shopId, title }: { shopId?: string; title?: string }) {
  const { client } = useShoppable();
  const list = useQuery(
    () => client.request(CollectionList, { shopId: shopId ?? null, first: 24 }),
    [client, shopId],
  );
  const collections = list.data?.collections.edges.map((edge) => edge.node) ?? [];
  if (list.error)
    return <p className="error page-pad">Collections could not be loaded: {list.error.message}</p>;
  if (!list.data) return <div className="skeleton collection-strip__skeleton" aria-hidden />;
  if (!collections.length) return shopId ? null : <p className="empty">No collections yet.</p>;
  return (
    <section className="collection-strip" aria-label={title ?? "Collections"}>
      {title && <h2 className="collection-strip__title">{title}</h2>}
      <ul className={shopId ? "collection-strip__list" : "collection-grid"}>
        {collections.map((collection) => {
          const media = collection.products.edges[0]?.node.media[0];
          return (
            <li key={collection.id}>
              <Link
                to={`/collections/${collection.handle}`}
                className="collection-card"
                data-testid="collection-link"
                data-handle={collection.handle}
              >
                <span className="collection-card__media">
                  {media ? <img src={media.posterUrl ?? media.url} alt="" loading="lazy" /> : null}
                </span>
                <span className="collection-card__text">
                  <span className="collection-card__title">{collection.title}</span>
                  <span className="collection-card__meta">
                    {shopId ? "" : `${collection.shop.name} · `}
                    {collection.productsCount} {collection.productsCount === 1 ? "product" : "products"}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function CollectionsPage() {
  useDocumentTitle("Collections");
  return (
    <div className="page catalog-page" data-testid="collections-page">
      <header className="catalog-page__header">
        <h1>Collections</h1>
      </header>
      <CollectionLinks />
    </div>
  );
}
