/**
 * The search operations of the SDK against the real API: `predictiveSearch` for a search box
 * (typo tolerant, with the last word as a prefix) and `products` with `withFacets`, whose values
 * feed back into the filter.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShoppableClient } from "../src/index.ts";
import { startLiveApi, type LiveApi } from "./live-api.ts";

let live: LiveApi;
let shopper: ShoppableClient;
let shopId = "";

beforeAll(async () => {
  live = await startLiveApi();
  const merchant = live.client({
    key: "secret",
    userToken: await live.api.token("search-merchant", ["MERCHANT"]),
  });
  shopper = live.client({});
  const { shop } = await merchant.shopCreate({
    handle: "search-shop",
    name: "Trailhead Supply",
    currencyCode: "USD",
  });
  shopId = shop?.id ?? "";
  for (const [title, vendor, color, price] of [
    ["Waxed Canvas Backpack", "Trailhead", "Olive", "89.00"],
    ["Merino Trail Socks", "Trailhead", "Grey", "18.00"],
    ["Canvas Tote", "Harbor", "Olive", "35.00"],
  ] as const) {
    await merchant.productCreate({
      shopId,
      title,
      vendor,
      status: "ACTIVE",
      options: [{ name: "Color", values: [color] }],
      variants: [{ price, inventoryQuantity: 3, selectedOptions: [{ name: "Color", value: color }] }],
    });
  }
});
afterAll(() => live.close());

describe("search", () => {
  it("predictiveSearch suggests products and the shop while typing, and forgives a typo", async () => {
    const typing = await shopper.predictiveSearch({ query: "backp" });
    expect(typing.products.map((p) => p.title)).toEqual(["Waxed Canvas Backpack"]);
    const typo = await shopper.predictiveSearch({ query: "canvs", types: ["PRODUCT"] });
    expect(typo.products.map((p) => p.title).sort()).toEqual(["Canvas Tote", "Waxed Canvas Backpack"]);
    const shops = await shopper.predictiveSearch({ query: "trailhed", types: ["SHOP"] });
    expect(shops.shops.map((s) => s.name)).toEqual(["Trailhead Supply"]);
  });

  it("products with withFacets counts vendors and option values, and a value filters the page", async () => {
    const all = await shopper.products({ filter: { shopId }, withFacets: true });
    expect(all.facets?.vendors).toEqual([
      { value: "Trailhead", count: 2 },
      { value: "Harbor", count: 1 },
    ]);
    const color = all.facets?.options.find((o) => o.name === "Color");
    expect(color?.values).toEqual([
      { value: "Olive", count: 2 },
      { value: "Grey", count: 1 },
    ]);
    const olive = await shopper.products({
      filter: { shopId, options: [{ name: "Color", value: "Olive" }] },
    });
    expect(olive.edges.map((e) => e.node.title).sort()).toEqual(["Canvas Tote", "Waxed Canvas Backpack"]);
    expect(olive.facets).toBeUndefined();
  });
});
