/**
 * A product list with facets, filters, sort and "Load more", shared by the search, collection
 * and shop pages. Its state lives in the URL (`catalog-query.ts`): each change pushes a history
 * entry, so Back undoes the last filter and a reload or shared link shows the same list.
 * One `products(query, filter, sortKey, reverse, withFacets: true)` call per state; "Load more"
 * follows `pageInfo.endCursor` (the pages loaded are not in the URL: a reload starts at the first).
 */
import type { ProductFacetsFieldsFragment, ProductsQuery } from "@shoppable/sdk";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";
import {
  type CatalogQuery,
  type CatalogScope,
  clearFilters,
  effectiveSort,
  filterCount,
  formatCatalogQuery,
  parseCatalogQuery,
  productFilter,
  SORT_LABELS,
  sortArguments,
  sortsFor,
  toggle,
  toggleOption,
  type Sort,
} from "../catalog-query.ts";
import { useLocation } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";
import { ProductGrid } from "./ProductGrid.tsx";

const PAGE_SIZE = 24;

type Product = ProductsQuery["products"]["edges"][number]["node"];
type Facets = ProductFacetsFieldsFragment;

/** True while the media query matches (follows it as the window resizes). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** The desktop layout's breakpoint: facets in a sidebar, the search box inline. */
export const WIDE = "(min-width: 1024px)";

/** Goes to a URL of this page without scrolling: a new history entry, or the current one replaced. */
export function showUrl(url: string, options: { replace?: boolean } = {}): void {
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** The URL's list state and a setter that pushes the new state as a history entry. */
export function useCatalogQuery(): [CatalogQuery, (next: CatalogQuery) => void] {
  const { pathname, search } = useLocation();
  const query = parseCatalogQuery(search);
  const set = (next: CatalogQuery) => {
    // Other parameters of the page (none today) are not the list's: keep them.
    const keep = new URLSearchParams(
      [...search.entries()].filter(([key]) => !isCatalogParam(key)),
    ).toString();
    const text = [formatCatalogQuery(next), keep].filter(Boolean).join("&");
    showUrl(`${pathname}${text ? `?${text}` : ""}`);
  };
  return [query, set];
}

function isCatalogParam(key: string): boolean {
  return ["q", "vendor", "type", "price", "cur", "available", "sort"].includes(key) || key.startsWith("opt.");
}

interface ListState {
  key: string;
  products: Product[];
  facets: Facets | null;
  total: number;
  cursor: string | null;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

/** The list for the URL's state: the first page on each change (stale answers dropped), then more on demand. */
function useProductList(query: CatalogQuery, scope: CatalogScope) {
  const { client } = useShoppable();
  const sort = effectiveSort(query, scope);
  const { sortKey, reverse } = sortArguments(sort, scope);
  const filter = productFilter(query, scope);
  const variables = { query: query.q || null, filter, sortKey, reverse, first: PAGE_SIZE };
  const key = JSON.stringify(variables);
  const [state, setState] = useState<ListState>({
    key: "",
    products: [],
    facets: null,
    total: 0,
    cursor: null,
    hasMore: false,
    loading: true,
    loadingMore: false,
    error: null,
  });
  const current = useRef(key);
  current.current = key;
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the variables, serialized; `attempt` retries
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));
    client.products({ ...variables, withFacets: true }, { signal: controller.signal }).then(
      (connection) => {
        if (controller.signal.aborted) return;
        setState({
          key,
          products: connection.edges.map((edge) => edge.node),
          facets: connection.facets ?? null,
          total: connection.totalCount,
          cursor: connection.pageInfo.endCursor,
          hasMore: connection.pageInfo.hasNextPage,
          loading: false,
          loadingMore: false,
          error: null,
        });
      },
      (error: Error) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ ...previous, loading: false, error: error.message }));
      },
    );
    return () => controller.abort();
  }, [client, key, attempt]);

  async function loadMore() {
    if (!state.cursor || state.loadingMore) return;
    const forKey = key;
    setState((previous) => ({ ...previous, loadingMore: true }));
    try {
      const connection = await client.products({ ...variables, after: state.cursor });
      if (current.current !== forKey) return;
      setState((previous) => ({
        ...previous,
        products: [...previous.products, ...connection.edges.map((edge) => edge.node)],
        cursor: connection.pageInfo.endCursor,
        hasMore: connection.pageInfo.hasNextPage,
        loadingMore: false,
      }));
    } catch (error) {
      if (current.current !== forKey) return;
      setState((previous) => ({
        ...previous,
        loadingMore: false,
        error: error instanceof Error ? error.message : String(error),
      }));
    }
  }

  return { ...state, sort, fresh: state.key === key, loadMore, retry: () => setAttempt((n) => n + 1) };
}

/** "10.00" → "10": amounts as the URL writes them. */
function plainAmount(amount: string): string {
  return amount.replace(/\.0+$/, "").replace(/(\.\d*?)0+$/, "$1");
}

function wholeMoney(amount: number, currencyCode: string): string {
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currencyCode,
    maximumFractionDigits: 0,
  }).format(amount);
}

type PriceFacet = Facets["priceRanges"][number];

/** "€10 – €25" (the range's max is the next edge less a cent), "€5,000+" for the last. */
function priceLabel(range: PriceFacet): string {
  const code = range.min.currencyCode;
  const min = wholeMoney(Number(range.min.amount), code);
  if (!range.max) return `${min}+`;
  return `${min} – ${wholeMoney(Math.ceil(Number(range.max.amount)), code)}`;
}

function isChosenPrice(query: CatalogQuery, range: PriceFacet, scope: CatalogScope): boolean {
  if (!query.price) return false;
  const currency = query.currency ?? scope.currency ?? null;
  return (
    (currency === null || currency === range.min.currencyCode) &&
    Number(query.price.min ?? 0) === Number(range.min.amount) &&
    (query.price.max === null ? range.max === null : Number(query.price.max) === Number(range.max?.amount))
  );
}

/** A facet's values, with the chosen ones it no longer lists (no product left) added at 0, so they can be unchosen. */
function withChosen(values: { value: string; count: number }[], chosen: string[]) {
  const listed = new Set(values.map((entry) => entry.value));
  return [...values, ...chosen.filter((value) => !listed.has(value)).map((value) => ({ value, count: 0 }))];
}

function FacetGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="facet" open>
      <summary className="facet__title">{title}</summary>
      <ul className="facet__values">{children}</ul>
    </details>
  );
}

function FacetValue({
  facet,
  value,
  label,
  count,
  checked,
  onChange,
}: {
  facet: string;
  value: string;
  label?: string;
  count: number;
  checked: boolean;
  onChange(): void;
}) {
  return (
    <li>
      <label className={count === 0 && !checked ? "facet__value facet__value--none" : "facet__value"}>
        <input
          type="checkbox"
          checked={checked}
          disabled={count === 0 && !checked}
          onChange={onChange}
          data-testid="facet-value"
          data-facet={facet}
          data-value={value}
        />
        <span className="facet__label">{label ?? value}</span>
        <span className="facet__count" data-testid="facet-count">
          {count}
        </span>
      </label>
    </li>
  );
}

/** The facets as checkbox groups with counts; a change is applied at once. */
function FacetPanel({
  facets,
  query,
  scope,
  setQuery,
}: {
  facets: Facets;
  query: CatalogQuery;
  scope: CatalogScope;
  setQuery(next: CatalogQuery): void;
}) {
  const { availability } = facets;
  const vendors = withChosen(facets.vendors, query.vendors);
  const types = withChosen(facets.productTypes, query.types);
  const listedOptions = new Set(facets.options.map((option) => option.name));
  const options = [
    ...facets.options.map((option) => ({
      name: option.name,
      values: withChosen(option.values, query.options[option.name] ?? []),
    })),
    ...Object.entries(query.options)
      .filter(([name]) => !listedOptions.has(name))
      .map(([name, chosen]) => ({ name, values: withChosen([], chosen) })),
  ];
  return (
    <div className="facets" data-testid="facets">
      {availability.inStock + availability.outOfStock > 0 && (
        <FacetGroup title="Availability">
          <FacetValue
            facet="available"
            value="1"
            label="In stock"
            count={availability.inStock}
            checked={query.available === true}
            onChange={() => setQuery({ ...query, available: query.available === true ? null : true })}
          />
          <FacetValue
            facet="available"
            value="0"
            label="Sold out"
            count={availability.outOfStock}
            checked={query.available === false}
            onChange={() => setQuery({ ...query, available: query.available === false ? null : false })}
          />
        </FacetGroup>
      )}
      {facets.priceRanges.length > 0 && (
        <FacetGroup title="Price">
          {facets.priceRanges.map((range) => {
            const checked = isChosenPrice(query, range, scope);
            const value = `${plainAmount(range.min.amount)}-${range.max ? plainAmount(range.max.amount) : ""}`;
            return (
              <FacetValue
                key={`${range.min.currencyCode}${value}`}
                facet="price"
                value={value}
                label={priceLabel(range)}
                count={range.count}
                checked={checked}
                onChange={() =>
                  setQuery({
                    ...query,
                    price: checked
                      ? null
                      : {
                          min: plainAmount(range.min.amount),
                          max: range.max ? plainAmount(range.max.amount) : null,
                        },
                    currency: checked || scope.currency ? null : range.min.currencyCode,
                  })
                }
              />
            );
          })}
        </FacetGroup>
      )}
      {vendors.length > 0 && (
        <FacetGroup title="Brand">
          {vendors.map(({ value, count }) => (
            <FacetValue
              key={value}
              facet="vendor"
              value={value}
              count={count}
              checked={query.vendors.includes(value)}
              onChange={() => setQuery({ ...query, vendors: toggle(query.vendors, value) })}
            />
          ))}
        </FacetGroup>
      )}
      {types.length > 0 && (
        <FacetGroup title="Product type">
          {types.map(({ value, count }) => (
            <FacetValue
              key={value}
              facet="type"
              value={value}
              count={count}
              checked={query.types.includes(value)}
              onChange={() => setQuery({ ...query, types: toggle(query.types, value) })}
            />
          ))}
        </FacetGroup>
      )}
      {options.map((option) => (
        <FacetGroup key={option.name} title={option.name}>
          {option.values.map(({ value, count }) => (
            <FacetValue
              key={value}
              facet={`opt.${option.name}`}
              value={value}
              count={count}
              checked={(query.options[option.name] ?? []).includes(value)}
              onChange={() => setQuery(toggleOption(query, option.name, value))}
            />
          ))}
        </FacetGroup>
      ))}
    </div>
  );
}

/** The chosen filters as removable chips, and "Clear all". */
function AppliedFilters({
  query,
  setQuery,
  showQuery,
}: {
  query: CatalogQuery;
  setQuery(next: CatalogQuery): void;
  showQuery: boolean;
}) {
  const chips: { label: string; next: CatalogQuery }[] = [];
  if (showQuery && query.q) chips.push({ label: `“${query.q}”`, next: { ...query, q: "" } });
  if (query.available !== null)
    chips.push({ label: query.available ? "In stock" : "Sold out", next: { ...query, available: null } });
  if (query.price)
    chips.push({
      label: `${query.price.min ?? "0"}${query.price.max ? `–${query.price.max}` : "+"}${query.currency ? ` ${query.currency}` : ""}`,
      next: { ...query, price: null, currency: null },
    });
  for (const vendor of query.vendors)
    chips.push({ label: vendor, next: { ...query, vendors: query.vendors.filter((v) => v !== vendor) } });
  for (const type of query.types)
    chips.push({ label: type, next: { ...query, types: query.types.filter((t) => t !== type) } });
  for (const [name, chosen] of Object.entries(query.options))
    for (const value of chosen)
      chips.push({ label: `${name}: ${value}`, next: toggleOption(query, name, value) });
  if (!chips.length) return null;
  return (
    <ul className="applied" aria-label="Applied filters" data-testid="applied-filters">
      {chips.map((chip) => (
        <li key={chip.label}>
          <button
            type="button"
            className="applied__chip"
            onClick={() => setQuery(chip.next)}
            aria-label={`Remove ${chip.label}`}
            data-testid="applied-filter"
          >
            {chip.label}
            <span aria-hidden>×</span>
          </button>
        </li>
      ))}
      {filterCount(query) > 0 && (
        <li>
          <button
            type="button"
            className="link-button applied__clear"
            onClick={() => setQuery(clearFilters(query))}
            data-testid="clear-filters"
          >
            Clear all
          </button>
        </li>
      )}
    </ul>
  );
}

/** The phone's filter sheet: the facets over the page, "Show N products" closes it. */
function FilterSheet({
  open,
  onClose,
  total,
  loading,
  children,
  onClear,
  canClear,
}: {
  open: boolean;
  onClose(): void;
  total: number;
  loading: boolean;
  children: ReactNode;
  onClear(): void;
  canClear: boolean;
}) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    document.documentElement.classList.add("scroll-locked");
    return () => {
      window.removeEventListener("keydown", onKey);
      document.documentElement.classList.remove("scroll-locked");
    };
  }, [open, onClose]);
  if (!open) return null;
  return createPortal(
    <div className="filter-sheet" data-testid="filter-sheet">
      <button type="button" className="filter-sheet__backdrop" aria-label="Close filters" onClick={onClose} />
      <div className="filter-sheet__panel" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <header className="filter-sheet__header">
          <h2 id={titleId}>Filters</h2>
          <button
            ref={closeRef}
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label="Close filters"
            data-testid="filter-sheet-close"
          >
            ×
          </button>
        </header>
        <div className="filter-sheet__body">{children}</div>
        <footer className="filter-sheet__footer">
          <button type="button" className="button" onClick={onClear} disabled={!canClear}>
            Clear
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={onClose}
            data-testid="filter-sheet-show"
          >
            {loading ? "Updating…" : `Show ${total} ${total === 1 ? "product" : "products"}`}
          </button>
        </footer>
      </div>
    </div>,
    document.body,
  );
}

const SKELETON_CARDS = ["a", "b", "c", "d", "e", "f", "g", "h"];

function GridSkeleton() {
  return (
    <div className="grid catalog__skeleton" aria-hidden data-testid="catalog-loading">
      {SKELETON_CARDS.map((key) => (
        <div key={key} className="card">
          <div className="card__media skeleton" />
          <div className="card__body">
            <span className="skeleton skeleton--line" />
            <span className="skeleton skeleton--line skeleton--short" />
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * The product list of a search, a shop or a collection, its facets (a sidebar on desktop, a
 * sheet on the phone), the chosen filters, sort and "Load more". `showQuery` lists the search
 * words among the chips (on pages whose own search box does not show them).
 */
export function Catalog({ scope, showQuery = false }: { scope: CatalogScope; showQuery?: boolean }) {
  const [query, setQuery] = useCatalogQuery();
  const list = useProductList(query, scope);
  const wide = useMediaQuery(WIDE);
  const [sheetOpen, setSheetOpen] = useState(false);
  const filtersButton = useRef<HTMLButtonElement>(null);
  const sortId = useId();
  const chosen = filterCount(query);
  const sorts = sortsFor(scope, query.q);
  const closeSheet = useRef(() => {
    setSheetOpen(false);
    filtersButton.current?.focus();
  }).current;

  const panel = list.facets ? (
    <FacetPanel facets={list.facets} query={query} scope={scope} setQuery={setQuery} />
  ) : (
    <div className="skeleton skeleton--facets" aria-hidden />
  );

  let body: ReactNode;
  if (list.error && !list.products.length)
    body = (
      <div className="catalog__message" role="alert" data-testid="catalog-error">
        <p className="error">The products could not be loaded: {list.error}</p>
        <button type="button" className="button" onClick={list.retry}>
          Try again
        </button>
      </div>
    );
  else if (list.loading && !list.key) body = <GridSkeleton />;
  else if (!list.products.length)
    body = (
      <div className="catalog__message" data-testid="catalog-empty">
        <p className="catalog__empty-title">No products match{chosen ? " these filters" : ""}.</p>
        {chosen > 0 ? (
          <button
            type="button"
            className="button"
            onClick={() => setQuery(clearFilters(query))}
            data-testid="empty-clear-filters"
          >
            Clear filters
          </button>
        ) : query.q ? (
          <p className="muted">Check the spelling, or try a more general word.</p>
        ) : null}
      </div>
    );
  else
    body = (
      <>
        <div
          className={list.loading ? "catalog__grid catalog__grid--stale" : "catalog__grid"}
          aria-busy={list.loading}
        >
          <ProductGrid products={list.products} />
        </div>
        {list.error && <p className="error catalog__more-error">{list.error}</p>}
        {list.hasMore && (
          <div className="catalog__more">
            <p className="muted">
              Showing {list.products.length} of {list.total}
            </p>
            <button
              type="button"
              className="button"
              disabled={list.loadingMore}
              onClick={() => void list.loadMore()}
              data-testid="load-more"
            >
              {list.loadingMore ? "Loading…" : "Load more"}
            </button>
          </div>
        )}
      </>
    );

  return (
    <div className="catalog" data-testid="catalog" data-loading={list.loading || !list.fresh}>
      <div className="catalog__bar">
        {!wide && (
          <button
            ref={filtersButton}
            type="button"
            className="button button--small catalog__filters-button"
            onClick={() => setSheetOpen(true)}
            aria-haspopup="dialog"
            data-testid="open-filters"
          >
            <svg
              width="16"
              height="16"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden
            >
              <path d="M4 6h16M7 12h10M10 18h4" strokeLinecap="round" />
            </svg>
            Filters{chosen ? ` (${chosen})` : ""}
          </button>
        )}
        <p className="catalog__count" aria-live="polite" data-testid="result-count">
          {list.key ? `${list.total} ${list.total === 1 ? "product" : "products"}` : "\u00a0"}
        </p>
        <label className="catalog__sort" htmlFor={sortId}>
          <span className="catalog__sort-label">Sort by</span>
          <select
            id={sortId}
            value={list.sort}
            onChange={(event) => setQuery({ ...query, sort: event.target.value as Sort })}
            data-testid="sort"
          >
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <AppliedFilters query={query} setQuery={setQuery} showQuery={showQuery} />
      <div className="catalog__body">
        {wide && (
          <aside className="catalog__sidebar" aria-label="Filters">
            {panel}
          </aside>
        )}
        <section className="catalog__results" aria-label="Products">
          {body}
        </section>
      </div>
      {!wide && (
        <FilterSheet
          open={sheetOpen}
          onClose={closeSheet}
          total={list.total}
          loading={list.loading}
          onClear={() => setQuery(clearFilters(query))}
          canClear={chosen > 0}
        >
          {panel}
        </FilterSheet>
      )}
    </div>
  );
}
