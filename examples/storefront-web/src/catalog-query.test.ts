import { describe, expect, it } from "vitest";
import {
  type CatalogQuery,
  type CatalogScope,
  clearFilters,
  EMPTY_QUERY,
  effectiveSort,
  filterCount,
  formatCatalogQuery,
  parseCatalogQuery,
  parsePrice,
  productFilter,
  sortArguments,
  toggleOption,
} from "./catalog-query.ts";

const full: CatalogQuery = {
  q: "cotton tee",
  vendors: ["Nord & Co", "Acme"],
  types: ["Apparel"],
  options: { Color: ["Red", "Blue/Green"], Size: ["M"] },
  price: { min: "10", max: "24.99" },
  currency: "EUR",
  available: true,
  sort: "price-desc",
};
const shop: CatalogScope = { kind: "shop", shopId: "U2hvcDox", currency: "EUR" };

describe("parseCatalogQuery and formatCatalogQuery", () => {
  it("round-trips every field, values with commas, slashes and ampersands included", () => {
    const text = formatCatalogQuery(full);
    expect(parseCatalogQuery(text)).toEqual(full);
    expect(formatCatalogQuery(parseCatalogQuery(text))).toBe(text);
  });

  it("writes the documented parameters in a stable order", () => {
    expect(
      formatCatalogQuery({
        ...EMPTY_QUERY,
        vendors: ["Acme"],
        options: { Size: ["M"], Color: ["Red"] },
        price: { min: "10", max: "50" },
        available: false,
        sort: "price-asc",
      }),
    ).toBe("vendor=Acme&opt.Color=Red&opt.Size=M&price=10-50&available=0&sort=price-asc");
    expect(formatCatalogQuery(EMPTY_QUERY)).toBe("");
  });

  it("ignores unknown parameters, unknown sorts, odd availability and empty values", () => {
    expect(
      parseCatalogQuery("utm_source=x&aff=abc&sort=best-selling&available=yes&vendor=&opt.=Red&type=%20"),
    ).toEqual(EMPTY_QUERY);
  });

  it("drops duplicate values and keeps a currency only with a price", () => {
    expect(parseCatalogQuery("vendor=A&vendor=A&vendor=B").vendors).toEqual(["A", "B"]);
    expect(parseCatalogQuery("cur=EUR").currency).toBeNull();
    expect(parseCatalogQuery("price=10-20&cur=eur").currency).toBe("EUR");
    expect(parseCatalogQuery("price=10-20&cur=EURO").currency).toBeNull();
  });
});

describe("parsePrice", () => {
  it("reads closed and open ranges", () => {
    expect(parsePrice("10-24.99")).toEqual({ min: "10", max: "24.99" });
    expect(parsePrice("500-")).toEqual({ min: "500", max: null });
    expect(parsePrice("-50")).toEqual({ min: null, max: "50" });
    expect(parsePrice("10-10")).toEqual({ min: "10", max: "10" });
  });

  it("rejects bad ranges", () => {
    for (const bad of [
      "",
      "-",
      "50-10",
      "abc",
      "10",
      "1e3-5000",
      "-5-10",
      "10-20-30",
      "10.12345-20",
      "ten-20",
    ])
      expect(parsePrice(bad), bad).toBeNull();
    expect(parseCatalogQuery("price=50-10").price).toBeNull();
  });
});

describe("the API arguments", () => {
  it("turns the state into a ProductFilter within the scope", () => {
    expect(productFilter(full, shop)).toEqual({
      shopId: "U2hvcDox",
      vendors: ["Nord & Co", "Acme"],
      productTypes: ["Apparel"],
      options: [
        { name: "Color", value: "Red" },
        { name: "Color", value: "Blue/Green" },
        { name: "Size", value: "M" },
      ],
      price: { currencyCode: "EUR", min: "10", max: "24.99" },
      available: true,
    });
    expect(productFilter(EMPTY_QUERY, { kind: "collection", collectionId: "C1" })).toEqual({
      collectionId: "C1",
    });
  });

  it("applies a price only with a currency: the URL's, else the scope's", () => {
    const open = { ...EMPTY_QUERY, price: { min: "500", max: null } };
    expect(productFilter(open, { kind: "search" }).price).toBeUndefined();
    expect(productFilter({ ...open, currency: "USD" }, { kind: "search" }).price).toEqual({
      currencyCode: "USD",
      min: "500",
    });
    expect(productFilter(open, shop).price).toEqual({ currencyCode: "EUR", min: "500" });
  });

  it("sorts by what the page offers, its default otherwise", () => {
    const search: CatalogScope = { kind: "search" };
    expect(effectiveSort({ ...EMPTY_QUERY, q: "tee" }, search)).toBe("relevance");
    // Relevance needs a query; featured is a collection's own order.
    expect(effectiveSort({ ...EMPTY_QUERY, sort: "relevance" }, search)).toBe("newest");
    expect(effectiveSort({ ...EMPTY_QUERY, sort: "featured" }, shop)).toBe("newest");
    expect(effectiveSort({ ...EMPTY_QUERY, sort: "price-asc" }, shop)).toBe("price-asc");
    expect(effectiveSort(EMPTY_QUERY, { kind: "collection" })).toBe("featured");
    expect(sortArguments("price-desc", shop)).toEqual({ sortKey: "PRICE", reverse: true });
    expect(sortArguments("featured", { kind: "collection", collectionSortOrder: "MANUAL" })).toEqual({
      sortKey: "MANUAL",
      reverse: false,
    });
    expect(sortArguments("featured", { kind: "collection", collectionSortOrder: "PRICE_DESC" })).toEqual({
      sortKey: "PRICE",
      reverse: true,
    });
  });
});

describe("changing the state", () => {
  it("toggles option values and clears the filters but not the query or sort", () => {
    const red = toggleOption(EMPTY_QUERY, "Color", "Red");
    expect(red.options).toEqual({ Color: ["Red"] });
    expect(toggleOption(red, "Color", "Red").options).toEqual({});
    expect(filterCount(full)).toBe(8);
    expect(clearFilters(full)).toEqual({ ...EMPTY_QUERY, q: "cotton tee", sort: "price-desc" });
  });
});
