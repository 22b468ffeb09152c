/** Per-page document titles: "Linen Shirt · Studio Nord · Shoppable". */
import { useEffect } from "react";

/** The storefront's name, last in every title. */
export const SITE_NAME = "Shoppable";

/** The title of a page named by `parts` (most specific first; empty parts are left out). */
export function pageTitle(...parts: (string | null | undefined)[]): string {
  return [...parts.filter((part): part is string => !!part), SITE_NAME].join(" · ");
}

/** Sets `document.title` to `pageTitle(...parts)` while the page shows; the title before comes back when it goes. */
export function useDocumentTitle(...parts: (string | null | undefined)[]): void {
  const title = pageTitle(...parts);
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}
