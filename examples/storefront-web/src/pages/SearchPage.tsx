/**
 * `/search?q=…`: the catalog's products for the words typed (typo tolerant, by relevance), with
 * facets, filters and sort in the URL (`catalog-query.ts`). Without words it lists everything,
 * newest first.
 */
import { Catalog, useCatalogQuery } from "../components/Catalog.tsx";
import { useDocumentTitle } from "../title.ts";

export function SearchPage() {
  const [query] = useCatalogQuery();
  useDocumentTitle(query.q ? `Search: ${query.q}` : "Search");
  return (
    <div className="page catalog-page" data-testid="search-page">
      <header className="catalog-page__header">
        <p className="catalog-page__eyebrow">Search</p>
        <h1 data-testid="search-title">{query.q ? <>Results for “{query.q}”</> : "All products"}</h1>
      </header>
      <Catalog scope={{ kind: "search" }} />
    </div>
  );
}
