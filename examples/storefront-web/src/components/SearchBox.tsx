/**
 * The header's search: an inline field on desktop, a search button opening a full-screen sheet
 * on the phone. As the shopper types it suggests products (thumbnail, price), shops, hashtags and
 * posts from `predictiveSearch` (typo tolerant: "cottn" finds cotton), 150 ms after the last key,
 * aborting the request before and ignoring any answer that is not the latest. The suggestions
 * follow the ARIA combobox pattern (ArrowUp/Down, Enter, Escape); "Search for “…”" opens
 * `/search?q=…`.
 */
import type { PredictiveSearchQuery } from "@shoppable/sdk";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { money } from "../format.ts";
import { navigate, useLocation } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";
import { useMediaQuery, WIDE } from "./Catalog.tsx";

type Suggestions = PredictiveSearchQuery["predictiveSearch"];

const DEBOUNCE_MS = 150;
const TYPES = ["PRODUCT", "SHOP", "HASHTAG", "POST"] as const;

/** The suggestions for the text typed: debounced, the request before aborted, stale answers dropped. */
export function usePredictiveSearch(text: string): {
  query: string;
  suggestions: Suggestions | null;
  loading: boolean;
  error: boolean;
} {
  const { client } = useShoppable();
  const [state, setState] = useState<{ query: string; suggestions: Suggestions | null; error: boolean }>({
    query: "",
    suggestions: null,
    error: false,
  });
  const latest = useRef(0);
  const query = text.trim().slice(0, 100);
  useEffect(() => {
    const request = ++latest.current;
    if (!query) {
      setState({ query: "", suggestions: null, error: false });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      client.predictiveSearch({ query, limit: 5, types: [...TYPES] }, { signal: controller.signal }).then(
        (suggestions) => {
          if (request === latest.current) setState({ query, suggestions, error: false });
        },
        () => {
          if (request === latest.current && !controller.signal.aborted)
            setState({ query, suggestions: null, error: true });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, query]);
  return { ...state, loading: !!query && state.query !== query };
}

interface Option {
  id: string;
  href: string;
  kind: "product" | "shop" | "hashtag" | "post" | "search";
  content: ReactNode;
  label: string;
}

function thumbnail(url: string | null | undefined, alt: string, round = false) {
  return (
    <span className={round ? "predictive__thumb predictive__thumb--round" : "predictive__thumb"}>
      {url ? <img src={url} alt={alt} loading="lazy" /> : <span aria-hidden>{alt.slice(0, 1)}</span>}
    </span>
  );
}

/** The options in the order shown and navigated: suggestions, products, shops, posts, then the full search. */
function optionsFor(
  query: string,
  suggestions: Suggestions | null,
  prefix: string,
): { group: string; options: Option[] }[] {
  if (!query) return [];
  const groups: { group: string; options: Option[] }[] = [];
  if (suggestions?.hashtags.length)
    groups.push({
      group: "Suggestions",
      options: suggestions.hashtags.map((hashtag) => ({
        id: `${prefix}-tag-${hashtag.tag}`,
        href: `/search?q=${encodeURIComponent(hashtag.tag)}`,
        kind: "hashtag",
        label: hashtag.tag,
        content: (
          <>
            <span className="predictive__icon" aria-hidden>
              #
            </span>
            <span className="predictive__text">
              <span className="predictive__title">{hashtag.tag}</span>
              <span className="predictive__meta">
                {hashtag.postCount} {hashtag.postCount === 1 ? "post" : "posts"}
              </span>
            </span>
          </>
        ),
      })),
    });
  if (suggestions?.products.length)
    groups.push({
      group: "Products",
      options: suggestions.products.map((product) => {
        const media = product.media[0];
        return {
          id: `${prefix}-product-${product.id}`,
          href: `/products/${product.handle}`,
          kind: "product",
          label: product.title,
          content: (
            <>
              {thumbnail(media?.posterUrl ?? media?.url, media?.alt || product.title)}
              <span className="predictive__text">
                <span className="predictive__title">{product.title}</span>
                <span className="predictive__meta">
                  {product.vendor}
                  {!product.availableForSale && " · Sold out"}
                </span>
              </span>
              <span className="predictive__price">{money(product.priceRange.min)}</span>
            </>
          ),
        };
      }),
    });
  if (suggestions?.shops.length)
    groups.push({
      group: "Shops",
      options: suggestions.shops.map((shop) => ({
        id: `${prefix}-shop-${shop.id}`,
        href: `/shops/${shop.handle}`,
        kind: "shop",
        label: shop.name,
        content: (
          <>
            {thumbnail(shop.logoUrl, shop.name, true)}
            <span className="predictive__text">
              <span className="predictive__title">{shop.name}</span>
              <span className="predictive__meta">Shop</span>
            </span>
          </>
        ),
      })),
    });
  if (suggestions?.posts.length)
    groups.push({
      group: "Posts",
      options: suggestions.posts.map((post) => ({
        id: `${prefix}-post-${post.id}`,
        href: `/posts/${encodeURIComponent(post.id)}`,
        kind: "post",
        label: post.caption,
        content: (
          <>
            {thumbnail(
              post.media.posterUrl ?? (post.media.kind === "IMAGE" ? post.media.url : null),
              post.caption,
            )}
            <span className="predictive__text">
              <span className="predictive__title">{post.caption || "Post"}</span>
              <span className="predictive__meta">@{post.author.handle}</span>
            </span>
          </>
        ),
      })),
    });
  groups.push({
    group: "",
    options: [
      {
        id: `${prefix}-search`,
        href: `/search?q=${encodeURIComponent(query)}`,
        kind: "search",
        label: `Search for “${query}”`,
        content: (
          <span className="predictive__all">
            <SearchIcon size={16} /> Search for “{query}”
          </span>
        ),
      },
    ],
  });
  return groups;
}

export function SearchIcon({ size = 20 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
      focusable="false"
    >
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The search field and its suggestion list (ARIA combobox). `variant` "inline" shows the list
 * as a popover while the field has focus; "sheet" always shows it below the field.
 */
function SearchCombobox({
  variant,
  onDone,
  onEscape,
}: {
  variant: "inline" | "sheet";
  /** Called after choosing: the sheet closes. */
  onDone?(): void;
  /** Escape with the list closed (or in the sheet). */
  onEscape?(): void;
}) {
  const { pathname, search } = useLocation();
  const urlQuery = pathname === "/search" ? (search.get("q") ?? "") : "";
  const [text, setText] = useState(urlQuery);
  const [focused, setFocused] = useState(variant === "sheet");
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const prefix = useId().replace(/:/g, "");
  const listId = `${prefix}-list`;
  const { query, suggestions, loading, error } = usePredictiveSearch(text);
  // The sheet opens ready to type.
  useEffect(() => {
    if (variant === "sheet") inputRef.current?.focus();
  }, [variant]);
  // The field shows the search page's words, and follows them on back/forward.
  useEffect(() => setText(urlQuery), [urlQuery]);

  const groups = optionsFor(text.trim(), query === text.trim() ? suggestions : null, prefix);
  const options = groups.flatMap((group) => group.options);
  const open = !!text.trim() && !dismissed && (variant === "sheet" || focused);
  const activeOption = open && active >= 0 ? options[active] : undefined;
  // A new list: nothing is chosen yet.
  const optionsKey = options.map((option) => option.id).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the options change
  useEffect(() => setActive(-1), [optionsKey]);

  function choose(option: Option) {
    setDismissed(true);
    setActive(-1);
    if (option.kind !== "search" && option.kind !== "hashtag") setText("");
    else setText(option.kind === "hashtag" ? option.label : text.trim());
    inputRef.current?.blur();
    onDone?.();
    navigate(option.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      setDismissed(false);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => {
        if (!open) return step === 1 ? 0 : options.length - 1;
        const next = current + step;
        return next < -1 ? options.length - 1 : next >= options.length ? -1 : next;
      });
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (activeOption) choose(activeOption);
      else if (text.trim()) {
        const last = options[options.length - 1];
        if (last) choose(last);
      }
    } else if (event.key === "Escape") {
      if (open && variant === "inline") {
        event.preventDefault();
        setDismissed(true);
        setActive(-1);
      } else onEscape?.();
    }
  }

  useEffect(() => {
    if (!activeOption) return;
    document.getElementById(activeOption.id)?.scrollIntoView({ block: "nearest" });
  }, [activeOption]);

  return (
    <div className={`predictive predictive--${variant}`} data-testid="search">
      {/* biome-ignore lint/a11y/useSemanticElements: a form in the search landmark (the <search> element is not in every browser this targets) */}
      <form
        role="search"
        className="predictive__form"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <SearchIcon size={18} />
        <input
          ref={inputRef}
          type="search"
          className="predictive__input"
          placeholder="Search products, shops, posts"
          aria-label="Search"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption?.id}
          autoComplete="off"
          enterKeyHint="search"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setDismissed(false);
          }}
          onFocus={() => setFocused(true)}
          onBlur={() => variant === "inline" && setFocused(false)}
          onKeyDown={onKeyDown}
          data-testid="search-input"
        />
        {text && (
          <button
            type="button"
            className="predictive__clear"
            aria-label="Clear search"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setText("");
              inputRef.current?.focus();
            }}
          >
            ×
          </button>
        )}
      </form>
      <div className="predictive__panel" hidden={!open} data-testid="predictive-results">
        <div role="listbox" id={listId} aria-label="Search suggestions" aria-busy={loading}>
          {groups.map((group) => (
            // biome-ignore lint/a11y/useSemanticElements: the ARIA listbox pattern groups options with role="group", not a fieldset
            <div
              key={group.group || "all"}
              role="group"
              aria-label={group.group || "All results"}
              className="predictive__group"
            >
              {group.group && (
                <div className="predictive__heading" aria-hidden>
                  {group.group}
                </div>
              )}
              {group.options.map((option) => {
                const index = options.indexOf(option);
                return (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard chooses options from the field (aria-activedescendant), as the combobox pattern says
                  <div
                    key={option.id}
                    id={option.id}
                    role="option"
                    aria-selected={index === active}
                    tabIndex={-1}
                    className={`predictive__option predictive__option--${option.kind}`}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseMove={() => index !== active && setActive(index)}
                    onClick={() => choose(option)}
                    data-testid={`predictive-${option.kind}`}
                    data-href={option.href}
                  >
                    {option.content}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <p className="predictive__status" aria-live="polite" data-testid="predictive-status">
          {loading
            ? "Searching…"
            : error
              ? "Suggestions are unavailable right now."
              : query && options.length === 1
                ? `No suggestions for “${query}”.`
                : ""}
        </p>
      </div>
    </div>
  );
}

/** The phone's full-screen search sheet. */
function SearchSheet({ onClose }: { onClose(): void }) {
  useEffect(() => {
    document.documentElement.classList.add("scroll-locked");
    return () => document.documentElement.classList.remove("scroll-locked");
  }, []);
  // On the page's body: the header's transform would otherwise make it the sheet's frame.
  return createPortal(
    <div
      className="search-sheet"
      role="dialog"
      aria-modal="true"
      aria-label="Search"
      data-testid="search-sheet"
    >
      <div className="search-sheet__bar">
        <SearchCombobox variant="sheet" onDone={onClose} onEscape={onClose} />
        <button type="button" className="search-sheet__cancel" onClick={onClose} data-testid="search-cancel">
          Cancel
        </button>
      </div>
    </div>,
    document.body,
  );
}

/** The header's search: inline from 1024 px, else a button that opens the sheet. */
export function SearchBox() {
  const wide = useMediaQuery(WIDE);
  const [sheetOpen, setSheetOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (wide) return <SearchCombobox variant="inline" />;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="search-trigger"
        onClick={() => setSheetOpen(true)}
        aria-label="Search"
        aria-haspopup="dialog"
        data-testid="search-open"
      >
        <SearchIcon />
      </button>
      {sheetOpen && (
        <SearchSheet
          onClose={() => {
            setSheetOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
