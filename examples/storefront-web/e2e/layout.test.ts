/**
 * The layout itself, at a phone's and a desktop's viewport (see ./harness.ts): the desktop's
 * header nav instead of the phone's bottom nav, pages that use the width (the product page's
 * gallery beside its details, four products a row on a shop, checkout's summary beside its
 * form, the feed's and the live page's side panels), no horizontal scrolling anywhere, each
 * page's title, and the Open Graph tags of a served product page. Screenshots of every page go
 * to e2e/artifacts/<viewport>-layout-<page>.png.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { VIEWPORTS, WAIT, boxOf, inBrowser, shot, startWorld } from "./harness.ts";

const world = startWorld();

/** Whether the page scrolls sideways (its content wider than the window). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** The header's controls that stick out of the window (fixed, so they never make it scroll). */
const clippedHeaderControls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".topbar a, .topbar button, .topbar select, .topbar input")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.left < 0 || box.right > window.innerWidth);
      })
      .map((element) => element.getAttribute("aria-label") ?? element.textContent ?? element.tagName),
  );

/** The distinct left edges of the visible elements matched by `selector` in their first row. */
const columnsOf = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const boxes = [...document.querySelectorAll(selector)].map((element) => element.getBoundingClientRect());
    const top = Math.min(...boxes.map((box) => box.top));
    return new Set(boxes.filter((box) => Math.abs(box.top - top) < 2).map((box) => Math.round(box.left)))
      .size;
  }, selector);

inBrowser("layout", () => {
  describe.each(VIEWPORTS)("at the %s viewport", (viewport) => {
    const desktop = viewport === "desktop";

    it("every page fits the window, has its title, and the desktop uses the width", async () => {
      const { context, page } = await world.open(viewport, "buyer");
      const postId = world.demo.postIds[0] ?? "";
      const session = await world.buyer.liveSession({ id: world.demo.liveSessionId });
      /** Opens a page, waits for `ready`, checks what every page must, and takes its screenshot. */
      const visit = async (path: string, ready: string, title: RegExp | string, name: string) => {
        await page.goto(`${world.origin}${path}`);
        await page.getByTestId(ready).first().waitFor({ timeout: WAIT });
        await expect.poll(() => page.title(), { timeout: WAIT }).toMatch(title);
        expect(await overflows(page), `${path} scrolls sideways`).toBe(false);
        expect(await clippedHeaderControls(page), `${path}: the header's controls fit`).toEqual([]);
        // The desktop's header nav or the phone's bottom nav, never both.
        expect(await page.getByTestId("topnav").isVisible()).toBe(desktop);
        expect(await page.getByTestId("bottom-nav").isVisible()).toBe(!desktop);
        await shot(page, `layout-${name}`);
      };

      await visit("/", "post", "For you · Shoppable", "feed");
      // The feed's post: at the desktop a 9:16 video in the middle, its products in a rail beside it.
      const post = page.getByTestId("post").first();
      const stage = await boxOf(post.locator(".post__stage"));
      if (desktop) {
        const rail = await boxOf(post.locator(".post__rail"));
        expect(rail.x).toBeGreaterThan(stage.x + stage.width);
        expect(stage.width / stage.height).toBeCloseTo(9 / 16, 1);
        expect(await post.getByTestId("rail-product").count()).toBeGreaterThan(0);
      } else {
        expect(stage.width).toBe(390);
        expect(await post.locator(".post__rail").isVisible()).toBe(false);
      }

      await visit(`/posts/${encodeURIComponent(postId)}`, "post", / · Shoppable$/, "post");

      await visit(
        "/products/linen-shirt",
        "product-details",
        "Linen Shirt · Studio Nord · Shoppable",
        "product",
      );
      const gallery = await boxOf(page.locator(".product__gallery"));
      const info = await boxOf(page.locator(".product__info"));
      if (desktop) {
        // Side by side: the details right of the gallery, both from the top.
        expect(info.x).toBeGreaterThanOrEqual(gallery.x + gallery.width);
        expect(Math.abs(info.y - gallery.y)).toBeLessThan(40);
        expect(gallery.width).toBeGreaterThan(500);
      } else expect(info.y).toBeGreaterThanOrEqual(gallery.y + gallery.height - 1);

      await visit("/shops/studio-nord", "product-card", "Studio Nord · Shoppable", "shop");
      expect(await columnsOf(page, "[data-testid=product-card]")).toBe(desktop ? 4 : 2);

      await visit("/live", "live-list", "Live · Shoppable", "live-list");
      await visit(
        `/live/${encodeURIComponent(world.demo.liveSessionId)}`,
        "pinned-product",
        `${session?.title} · Live · Shoppable`,
        "live",
      );
      const video = await boxOf(page.getByTestId("live-video"));
      const pinned = await boxOf(page.getByTestId("pinned-product"));
      if (desktop) expect(pinned.x).toBeGreaterThanOrEqual(video.x + video.width);
      else expect(pinned.y).toBeGreaterThan(video.y + video.height / 2);

      // A line in the cart, for checkout: the drawer opens on the right, the full height.
      await visit(
        "/products/canvas-tote",
        "product-details",
        "Canvas Tote · Studio Nord · Shoppable",
        "product-2",
      );
      await page.getByTestId("add-to-cart").click();
      const drawer = page.getByTestId("cart-drawer");
      await drawer.getByTestId("cart-line").first().waitFor({ timeout: WAIT });
      const panel = await boxOf(drawer.locator(".drawer__panel"));
      expect(panel.x + panel.width).toBe(desktop ? 1440 : 390);
      expect(panel.height).toBe(desktop ? 900 : 844);
      if (desktop) expect(panel.width).toBeLessThan(500);
      await shot(page, "layout-cart");

      await visit("/checkout", "checkout-page", "Checkout · Shoppable", "checkout");
      const summary = await boxOf(page.getByTestId("checkout-summary"));
      const form = await boxOf(page.getByTestId("address-section"));
      if (desktop) expect(summary.x).toBeGreaterThanOrEqual(form.x + form.width);
      else expect(summary.y).toBeGreaterThan(form.y);

      await visit("/nowhere", "cart-button", "Not found · Shoppable", "not-found");
      await context.close();
    });

    it("the creator studio fits the window and spreads its panels at the desktop", async () => {
      const { context, page } = await world.open(viewport, "creator");
      await page.goto(`${world.origin}/creator`);
      await page.getByTestId("link-maker").waitFor({ timeout: WAIT });
      await expect.poll(() => page.title(), { timeout: WAIT }).toBe("Creator studio · Shoppable");
      expect(await overflows(page)).toBe(false);
      const earnings = await boxOf(page.getByTestId("earnings"));
      expect(earnings.width).toBeGreaterThan(desktop ? 1000 : 340);
      await shot(page, "layout-creator");
      await context.close();
    });
  });

  it("a product page's served HTML names the product in its Open Graph tags", async () => {
    const html = await (await fetch(`${world.origin}/products/linen-shirt`)).text();
    expect(html).toContain('<meta property="og:title" content="Linen Shirt · Studio Nord" />');
    expect(html).toContain("<title>Linen Shirt · Studio Nord · Shoppable</title>");
    expect(html).toContain('<meta property="og:type" content="product" />');
  });
});
