/**
 * Discovery end to end: the header's predictive search (typo tolerant, keyboard), the search
 * page's filters and sort in the URL (reload, back and forward), a collection's facet counts and
 * a filter narrowing it, the shop page's filters and collections; at the phone's and the
 * desktop's viewports. Each viewport makes its own products (one brand word per viewport, so
 * the two runs sharing the world never count each other's) and its own collection.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { boxOf, inBrowser, openSearch, shot, startWorld, VIEWPORTS, WAIT, type Viewport } from "./harness.ts";

const world = startWorld();

interface Fixture {
  /** The word every product title of this viewport starts with. */
  word: string;
  /** The two vendors. */
  vendors: [string, string];
  collectionHandle: string;
  collectionTitle: string;
  /** Handles by role. */
  jacket: string;
  scarf: string;
  cap: string;
  bag: string;
}

/**
 * Four products in Studio Nord (EUR) and a manual collection of them:
 * jacket (vendor A, Outerwear, Color Red/Blue, €120), scarf (A, Accessories, Red, €30),
 * cap (B, Accessories, Blue, €22), bag (B, Accessories, no options, €45, sold out).
 */
async function makeFixture(viewport: Viewport): Promise<Fixture> {
  const word = viewport === "phone" ? "Fjord" : "Alder";
  const vendors: [string, string] =
    viewport === "phone" ? ["Fjordline", "Mossgrove"] : ["Aldercraft", "Birchwood"];
  const shop = await world.merchant.shop({ handle: "studio-nord", productsFirst: 1 });
  if (!shop) throw new Error("Studio Nord is missing");
  const make = async (
    title: string,
    vendor: string,
    productType: string,
    colors: string[],
    price: string,
    stock: number,
    n: number,
  ) => {
    const handle = `${word} ${title}`.toLowerCase().replace(/\s+/g, "-");
    const created = await world.merchant.productCreate({
      shopId: shop.id,
      title: `${word} ${title}`,
      handle,
      vendor,
      productType,
      status: "ACTIVE",
      media: [{ kind: "IMAGE", url: `/media/products/card-${n}.svg`, alt: title }],
      ...(colors.length
        ? {
            options: [{ name: "Color", values: colors }],
            variants: colors.map((color) => ({
              price,
              inventoryQuantity: stock,
              selectedOptions: [{ name: "Color", value: color }],
            })),
          }
        : { variants: [{ price, inventoryQuantity: stock }] }),
    });
    expect(created.userErrors).toEqual([]);
    if (!created.product) throw new Error("productCreate made no product");
    return created.product;
  };
  const jacket = await make("Rain Jacket", vendors[0], "Outerwear", ["Red", "Blue"], "120.00", 5, 0);
  const scarf = await make("Wool Scarf", vendors[0], "Accessories", ["Red"], "30.00", 5, 1);
  const cap = await make("Field Cap", vendors[1], "Accessories", ["Blue"], "22.00", 5, 2);
  const bag = await make("Canvas Bag", vendors[1], "Accessories", [], "45.00", 0, 3);
  const collectionHandle = `discovery-${viewport}`;
  const collectionTitle = `${word} Essentials`;
  const collection = await world.merchant.collectionCreate({
    shopId: shop.id,
    title: collectionTitle,
    handle: collectionHandle,
    description: "Four pieces for wet days.",
    productIds: [jacket.id, scarf.id, cap.id, bag.id],
  });
  expect(collection.userErrors).toEqual([]);
  return {
    word,
    vendors,
    collectionHandle,
    collectionTitle,
    jacket: jacket.handle,
    scarf: scarf.handle,
    cap: cap.handle,
    bag: bag.handle,
  };
}

/** The catalog has answered for the URL's current state. */
async function settled(page: Page): Promise<void> {
  await page.locator("[data-testid=catalog][data-loading=false]").waitFor({ timeout: WAIT });
}

/** The grid's product handles, in order. */
async function gridHandles(page: Page): Promise<string[]> {
  await settled(page);
  return page
    .locator("[data-testid=catalog] [data-testid=product-card]")
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-product-handle") ?? ""));
}

const facetInput = (page: Page, facet: string, value: string) =>
  page.locator(`[data-testid=facet-value][data-facet="${facet}"][data-value="${value}"]`);

/** Each value of a facet with its count, as shown. */
async function facetCounts(page: Page, facet: string): Promise<Record<string, number>> {
  await settled(page);
  const rows = await page
    .locator(`label:has([data-testid=facet-value][data-facet="${facet}"])`)
    .evaluateAll((labels) =>
      labels.map((label) => [
        label.querySelector("input")?.getAttribute("data-value") ?? "",
        Number(label.querySelector("[data-testid=facet-count]")?.textContent),
      ]),
    );
  return Object.fromEntries(rows);
}

/** Runs `act` with the facets on screen: the phone opens its filter sheet first and closes it after. */
async function withFacets(page: Page, viewport: Viewport, act: () => Promise<void>, screenshot?: string) {
  if (viewport === "phone") {
    await page.getByTestId("open-filters").click();
    await page.getByTestId("filter-sheet").waitFor({ timeout: WAIT });
  }
  await act();
  if (screenshot) await shot(page, screenshot);
  if (viewport === "phone") {
    await page.getByTestId("filter-sheet-show").click();
    await page.getByTestId("filter-sheet").waitFor({ state: "detached", timeout: WAIT });
  }
}

inBrowser("discovery", () => {
  describe.each(VIEWPORTS)("at the %s viewport", (viewport) => {
    let fixture: Fixture;
    beforeAll(async () => {
      fixture = await makeFixture(viewport);
    });

    it("the header's search suggests Cotton Tee for “cottn”; the keyboard chooses it; Enter without a choice opens the results page", async () => {
      const { context, page } = await world.open(viewport, "buyer");
      await page.goto(`${world.origin}/shops/studio-nord`);
      await page.getByTestId("shop-page").waitFor({ timeout: WAIT });
      // The search is in the header on every page: a button on the phone, a field on desktop.
      if (viewport === "phone") {
        expect(await page.getByTestId("search-input").count()).toBe(0);
        const button = await boxOf(page.getByTestId("search-open"));
        expect(button.y + button.height).toBeLessThanOrEqual(52);
      } else {
        const field = await boxOf(page.getByTestId("search-input"));
        expect(field.width).toBeGreaterThanOrEqual(300);
      }
      const input = await openSearch(page, viewport);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
        .toBe("search-input");
      await input.pressSequentially("cottn", { delay: 20 });
      const cotton = page.locator("[data-testid=predictive-product][data-href='/products/cotton-tee']");
      await cotton.waitFor({ timeout: WAIT });
      expect(await input.getAttribute("aria-expanded")).toBe("true");
      // Grouped: a thumbnail and the price with the product; the full search last.
      expect(await cotton.locator("img").count()).toBe(1);
      expect(await cotton.textContent()).toContain("Cotton Tee");
      expect(await cotton.textContent()).toMatch(/€\d/);
      const options = page.locator("[role=listbox] [role=option]");
      expect(await options.last().getAttribute("data-testid")).toBe("predictive-search");
      expect(await options.last().textContent()).toContain("Search for “cottn”");
      await shot(page, "discovery-1-predictive");

      // Arrow down to Cotton Tee: the field points at it (aria-activedescendant), Enter opens it.
      const count = await options.count();
      for (let step = 0; step < count; step++) {
        await input.press("ArrowDown");
        if ((await cotton.getAttribute("aria-selected")) === "true") break;
      }
      expect(await cotton.getAttribute("aria-selected")).toBe("true");
      expect(await input.getAttribute("aria-activedescendant")).toBe(await cotton.getAttribute("id"));
      await input.press("Enter");
      await page.getByTestId("product-details").waitFor({ timeout: WAIT });
      expect(new URL(page.url()).pathname).toBe("/products/cotton-tee");
      await expect.poll(() => page.getByTestId("product-title").textContent()).toBe("Cotton Tee");

      // Escape closes the suggestions (the phone's sheet with them).
      const again = await openSearch(page, viewport);
      await again.fill("linen");
      await page
        .locator("[data-testid=predictive-product][data-href='/products/linen-shirt']")
        .waitFor({ timeout: WAIT });
      await again.press("Escape");
      if (viewport === "phone")
        await page.getByTestId("search-sheet").waitFor({ state: "detached", timeout: WAIT });
      else {
        await page.getByTestId("predictive-results").waitFor({ state: "hidden", timeout: WAIT });
        expect(await again.getAttribute("aria-expanded")).toBe("false");
      }

      // Enter with nothing chosen searches: /search?q=cottn lists Cotton Tee (typo tolerant too).
      const field = await openSearch(page, viewport);
      await field.fill("cottn");
      await field.press("Enter");
      await page.getByTestId("search-page").waitFor({ timeout: WAIT });
      expect(new URL(page.url()).search).toBe("?q=cottn");
      expect(await gridHandles(page)).toContain("cotton-tee");
      await expect.poll(() => page.title()).toBe("Search: cottn · Shoppable");
      await shot(page, "discovery-2-search-page");
      await context.close();
    });

    it("the search page keeps a filter and a sort in the URL: reload restores them, back and forward step through them", async () => {
      const { context, page } = await world.open(viewport, "anonymous");
      const q = fixture.word.toLowerCase();
      await page.goto(`${world.origin}/search?q=${q}`);
      await page.getByTestId("search-page").waitFor({ timeout: WAIT });
      // By relevance, all four of this viewport's products.
      expect((await gridHandles(page)).sort()).toEqual(
        [fixture.jacket, fixture.scarf, fixture.cap, fixture.bag].sort(),
      );
      expect(await page.getByTestId("sort").inputValue()).toBe("relevance");

      // Accessories only: the URL says so and the grid narrows.
      await withFacets(
        page,
        viewport,
        async () => {
          expect(await facetCounts(page, "type")).toEqual({ Accessories: 3, Outerwear: 1 });
          await facetInput(page, "type", "Accessories").click();
        },
        "discovery-3-filters",
      );
      await expect.poll(() => new URL(page.url()).search).toBe(`?q=${q}&type=Accessories`);
      expect((await gridHandles(page)).sort()).toEqual([fixture.scarf, fixture.cap, fixture.bag].sort());
      // Then price, high to low.
      await page.getByTestId("sort").selectOption("price-desc");
      await expect.poll(() => new URL(page.url()).search).toBe(`?q=${q}&type=Accessories&sort=price-desc`);
      expect(await gridHandles(page)).toEqual([fixture.bag, fixture.scarf, fixture.cap]);
      expect(await page.getByTestId("applied-filter").allTextContents()).toEqual(["Accessories×"]);
      await shot(page, "discovery-4-sorted");

      // A reload shows exactly the same list, filter and sort.
      await page.reload();
      expect(await gridHandles(page)).toEqual([fixture.bag, fixture.scarf, fixture.cap]);
      expect(await page.getByTestId("sort").inputValue()).toBe("price-desc");
      await withFacets(page, viewport, async () => {
        expect(await facetInput(page, "type", "Accessories").isChecked()).toBe(true);
      });

      // Back: the filter without the sort; back again: no filter; forward twice: both.
      await page.goBack();
      await expect.poll(() => new URL(page.url()).search).toBe(`?q=${q}&type=Accessories`);
      expect(await page.getByTestId("sort").inputValue()).toBe("relevance");
      expect((await gridHandles(page)).sort()).toEqual([fixture.scarf, fixture.cap, fixture.bag].sort());
      await page.goBack();
      await expect.poll(() => new URL(page.url()).search).toBe(`?q=${q}`);
      expect(await gridHandles(page)).toHaveLength(4);
      await page.goForward();
      await page.goForward();
      await expect.poll(() => new URL(page.url()).search).toBe(`?q=${q}&type=Accessories&sort=price-desc`);
      expect(await gridHandles(page)).toEqual([fixture.bag, fixture.scarf, fixture.cap]);

      // Sold out only (the bag) via the URL; no match for sold-out outerwear: the empty state clears the filters.
      await page.goto(`${world.origin}/search?q=${q}&type=Outerwear&available=0`);
      await page.getByTestId("catalog-empty").waitFor({ timeout: WAIT });
      await shot(page, "discovery-5-empty");
      // A chosen value no product has any more stays listed, at 0, to be unchosen.
      await withFacets(page, viewport, async () => {
        expect(await facetInput(page, "type", "Outerwear").isChecked()).toBe(true);
        expect((await facetCounts(page, "type")).Outerwear).toBe(0);
      });
      await page.getByTestId("empty-clear-filters").click();
      await expect.poll(() => new URL(page.url()).search).toBe(`?q=${q}`);
      expect(await gridHandles(page)).toHaveLength(4);
      await context.close();
    });

    it("a collection page counts its facets, and a filter narrows the grid and recounts the other facets", async () => {
      const { context, page } = await world.open(viewport, "buyer");
      // Reached from the collections index.
      await page.goto(`${world.origin}/collections`);
      await page.getByTestId("collections-page").waitFor({ timeout: WAIT });
      await page.locator(`[data-testid=collection-link][data-handle="${fixture.collectionHandle}"]`).click();
      await page.getByTestId("collection-page").waitFor({ timeout: WAIT });
      expect(await page.getByTestId("collection-title").textContent()).toBe(fixture.collectionTitle);
      await expect.poll(() => page.title()).toBe(`${fixture.collectionTitle} · Studio Nord · Shoppable`);
      // Featured: the merchant's order.
      expect(await page.getByTestId("sort").inputValue()).toBe("featured");
      expect(await gridHandles(page)).toEqual([fixture.jacket, fixture.scarf, fixture.cap, fixture.bag]);
      expect(await page.getByTestId("result-count").textContent()).toBe("4 products");
      const [a, b] = fixture.vendors;

      // Vendor A: two products; vendor B still offers its two; colours recount (Blue: the jacket only).
      await withFacets(
        page,
        viewport,
        async () => {
          expect(await facetCounts(page, "vendor")).toEqual({ [a]: 2, [b]: 2 });
          expect(await facetCounts(page, "opt.Color")).toEqual({ Red: 2, Blue: 2 });
          expect(await facetCounts(page, "available")).toEqual({ "1": 3, "0": 1 });
          expect(await facetCounts(page, "price")).toEqual({ "10-24.99": 1, "25-49.99": 2, "100-249.99": 1 });
          await facetInput(page, "vendor", a).click();
          await expect.poll(() => new URL(page.url()).searchParams.getAll("vendor")).toEqual([a]);
          expect(await facetCounts(page, "vendor")).toEqual({ [a]: 2, [b]: 2 });
          expect(await facetCounts(page, "opt.Color")).toEqual({ Red: 2, Blue: 1 });
        },
        "discovery-6-collection-facets",
      );
      expect(await gridHandles(page)).toEqual([fixture.jacket, fixture.scarf]);
      // And a price range: €25–50 leaves the scarf.
      await withFacets(page, viewport, () => facetInput(page, "price", "25-49.99").click());
      await expect.poll(() => new URL(page.url()).searchParams.get("price")).toBe("25-49.99");
      expect(await gridHandles(page)).toEqual([fixture.scarf]);
      await shot(page, "discovery-7-collection-filtered");
      // A chip takes one filter off.
      await page.getByRole("button", { name: `Remove ${a}` }).click();
      await expect.poll(() => new URL(page.url()).searchParams.getAll("vendor")).toEqual([]);
      expect((await gridHandles(page)).sort()).toEqual([fixture.scarf, fixture.bag].sort());
      if (viewport === "desktop") {
        // Desktop: the facets in a sidebar left of a four-column grid.
        const sidebar = await boxOf(page.locator(".catalog__sidebar"));
        const cards = page.locator("[data-testid=catalog] [data-testid=product-card]");
        expect(sidebar.x + sidebar.width).toBeLessThanOrEqual((await boxOf(cards.first())).x);
      }
      await context.close();
    });

    it("the shop page lists its collections and filters its products by vendor, in the URL", async () => {
      const { context, page } = await world.open(viewport, "buyer");
      await page.goto(`${world.origin}/shops/studio-nord`);
      await page.getByTestId("shop-page").waitFor({ timeout: WAIT });
      await expect.poll(() => page.title()).toBe("Studio Nord · Shoppable");
      await page
        .locator(`[data-testid=collection-link][data-handle="${fixture.collectionHandle}"]`)
        .waitFor({ timeout: WAIT });
      // The shop's products only (not Tidewater Supply's notebook).
      const shopId = (await world.buyer.shop({ handle: "studio-nord", productsFirst: 1 }))?.id;
      const total = (await world.buyer.products({ filter: { shopId }, first: 1 })).totalCount;
      await expect.poll(() => page.getByTestId("result-count").textContent()).toBe(`${total} products`);
      expect(await gridHandles(page)).not.toContain("field-notebook");
      const [, b] = fixture.vendors;
      await withFacets(page, viewport, async () => {
        expect((await facetCounts(page, "vendor"))[b]).toBe(2);
        await facetInput(page, "vendor", b).click();
      });
      await expect.poll(() => new URL(page.url()).search).toBe(`?vendor=${b}`);
      expect((await gridHandles(page)).sort()).toEqual([fixture.cap, fixture.bag].sort());
      await page.getByTestId("sort").selectOption("price-asc");
      expect(await gridHandles(page)).toEqual([fixture.cap, fixture.bag]);
      await shot(page, "discovery-8-shop-filtered");
      // Reload: the shop's list as it was.
      await page.reload();
      expect(await gridHandles(page)).toEqual([fixture.cap, fixture.bag]);
      if (viewport === "phone") {
        // The phone: two columns.
        const cards = page.locator("[data-testid=catalog] [data-testid=product-card]");
        const [first, second] = [await boxOf(cards.nth(0)), await boxOf(cards.nth(1))];
        expect(second.y).toBe(first.y);
        expect(second.x).toBeGreaterThan(first.x + first.width - 1);
      }
      await context.close();
    });
  });
});
