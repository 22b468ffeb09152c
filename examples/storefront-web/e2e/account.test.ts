/**
 * The buyer's side after the cart, end to end at a phone's and a desktop's viewport (see
 * ./harness.ts): checkout with a saved address, delivery, tax and a discount code the merchant
 * made → the order page shows the shipment and its tracking live when the merchant fulfils →
 * a return request → the account's returns; a review by a buyer of the product updates the
 * average; a post's comments (add, count, delete); the account's address book. Each viewport
 * uses its own products, posts and addresses (the world is shared).
 */
import { createShoppableClient, type ShoppableClient } from "@shoppable/sdk";
import { describe, expect, it } from "vitest";
import { subscribed } from "../../../packages/api/test/realtime.ts";
import { BERLIN, VIEWPORTS, WAIT, inBrowser, openSearch, shot, startWorld } from "./harness.ts";

const world = startWorld();

/** What each viewport uses, so the two runs never touch each other's data. */
const DATA = {
  phone: {
    product: "canvas-tote",
    code: "PHONE10",
    tracking: "JD014600PHONE",
    reviewed: "leather-belt",
    /** How the buyer types it into the search box: misspelt. */
    typed: "lether belt",
    notBought: "denim-jacket",
    city: "Hamburg",
    zip: "20095",
  },
  desktop: {
    product: "wool-beanie",
    code: "DESK10",
    tracking: "JD014600DESK",
    reviewed: "cotton-tee",
    typed: "coton tee",
    notBought: "linen-shirt",
    city: "Köln",
    zip: "50667",
  },
} as const;

/** Buys one unit of a Studio Nord product through the API (Berlin, Standard delivery, an approved card). */
async function buy(client: ShoppableClient, handle: string): Promise<void> {
  const product = await client.product({ handle });
  const variant = product?.variants[0];
  if (!product || !variant) throw new Error(`no product ${handle}`);
  const created = await client.cartCreate({ lines: [{ variantId: variant.id, quantity: 1 }] });
  const cartId = created.cart?.id;
  if (!cartId) throw new Error("cartCreate made no cart");
  expect(
    (
      await client.cartDeliveryAddressUpdate({
        cartId,
        address: { ...BERLIN, address2: null, provinceCode: null, phone: null },
      })
    ).userErrors,
  ).toEqual([]);
  expect(
    (
      await client.cartSelectedDeliveryOptionsUpdate({
        cartId,
        selections: [{ shopId: product.shop.id, handle: "standard" }],
      })
    ).userErrors,
  ).toEqual([]);
  const paid = await client.checkoutComplete({
    cartId,
    idempotencyKey: crypto.randomUUID(),
    payment: { token: "tok_success" },
  });
  expect(paid.userErrors).toEqual([]);
}

inBrowser("account", () => {
  describe.each(VIEWPORTS)("at the %s viewport", (viewport) => {
    const data = DATA[viewport];

    it("product → cart → saved address → delivery → tax → discount code → pay → shipped with tracking, live → return → the account's returns", async () => {
      const shop = await world.buyer.shop({ handle: "studio-nord" });
      if (!shop) throw new Error("no Studio Nord");
      const code = await world.merchant.discountCodeCreate({
        shopId: shop.id,
        code: data.code,
        kind: "PERCENTAGE",
        value: "10",
      });
      expect(code.userErrors).toEqual([]);

      const { context, page } = await world.open(viewport, "buyer");
      await page.goto(`${world.origin}/products/${data.product}`);
      await page.getByTestId("add-to-cart").click();
      await page.getByTestId("cart-drawer").locator('[data-testid="checkout-button"]').click();
      await page.getByTestId("checkout-page").waitFor({ timeout: WAIT });
      expect(await page.title()).toMatch(/^Checkout/);

      // The buyer's saved Berlin address, then Studio Nord's Standard delivery; the prices include VAT.
      await page.getByTestId("saved-address").first().click();
      await page.getByTestId("delivery-address").waitFor({ timeout: WAIT });
      await page.getByTestId("delivery-option").first().check();
      await expect
        .poll(() => page.getByTestId("summary-shipping").textContent(), { timeout: WAIT })
        .toMatch(/€4\.90/);
      await expect
        .poll(() => page.getByTestId("summary-includedTax").textContent(), { timeout: WAIT })
        .toMatch(/€/);
      const before = await page.getByTestId("checkout-total").textContent();

      // A code that does not exist says so under the field; the merchant's code takes 10% off.
      await page.getByTestId("discount-input").fill("NOSUCHCODE");
      await page.getByTestId("discount-apply").click();
      await expect
        .poll(() => page.getByTestId("discount-error").textContent(), { timeout: WAIT })
        .toMatch(/does not exist/);
      await page.getByTestId("discount-input").fill(data.code.toLowerCase());
      await page.getByTestId("discount-apply").click();
      await expect
        .poll(() => page.getByTestId("discount-code").textContent(), { timeout: WAIT })
        .toContain(data.code);
      await expect
        .poll(() => page.getByTestId("summary-discount").textContent(), { timeout: WAIT })
        .toMatch(/−€/);
      expect(await page.getByTestId("checkout-total").textContent()).not.toBe(before);
      await shot(page, "account-1-checkout-discount");

      await page.getByTestId("card-tok_success").check();
      await page.getByTestId("pay").click();
      await page.getByTestId("order-page").waitFor({ timeout: WAIT });
      await expect.poll(() => page.getByTestId("order-status").textContent(), { timeout: WAIT }).toBe("paid");
      expect(await page.getByTestId("order-discount").textContent()).toContain(data.code);
      expect(await page.getByTestId("order-tax-line").allTextContents()).toEqual([
        expect.stringMatching(/^incl\. VAT 19%/),
      ]);
      expect(
        await page.locator('[data-testid="order-timeline"] [data-step="shipped"]').getAttribute("data-done"),
      ).toBe("false");
      await shot(page, "account-2-order-paid");

      // The merchant ships it with tracking: the page shows it without a reload.
      const orderId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
      await subscribed(world.api.server.events, "orderStatusChanged", orderId);
      const fulfilled = await world.merchant.orderFulfill({
        id: orderId,
        tracking: {
          carrier: "DHL",
          number: data.tracking,
          url: `https://www.dhl.de/track?piececode=${data.tracking}`,
        },
      });
      expect(fulfilled.userErrors).toEqual([]);
      await expect
        .poll(() => page.getByTestId("tracking-number").textContent(), { timeout: WAIT })
        .toBe(data.tracking);
      expect(await page.getByTestId("order-status").textContent()).toBe("fulfilled");
      expect(await page.getByTestId("tracking-carrier").textContent()).toBe("DHL");
      expect(await page.getByTestId("tracking-link").getAttribute("href")).toContain(data.tracking);
      expect(
        await page.locator('[data-testid="order-timeline"] [data-step="shipped"]').getAttribute("data-done"),
      ).toBe("true");
      await shot(page, "account-3-order-shipped");

      // A return: the only line is chosen; without a reason the field says so.
      await page.getByTestId("return-start").click();
      await page.getByTestId("return-submit").click();
      await expect
        .poll(() => page.getByTestId("return-form").textContent(), { timeout: WAIT })
        .toContain("Choose a reason.");
      await page.getByTestId("return-reason").selectOption("Doesn't fit");
      await page.getByTestId("return-note").fill("Smaller than I thought.");
      await shot(page, "account-4-return-form");
      await page.getByTestId("return-submit").click();
      await expect
        .poll(() => page.getByTestId("order-return-status").textContent(), { timeout: WAIT })
        .toBe("Requested");
      expect(await page.getByTestId("return-start").count()).toBe(0);
      const number = (await page.getByTestId("order-number").textContent())?.replace("#", "");

      // The header's account icon → the order history and the returns.
      await page.getByTestId("account-button").click();
      await page.getByTestId("account-page").waitFor({ timeout: WAIT });
      const row = page.locator(`[data-testid="order-row"][data-order-number="${number}"]`);
      await row.waitFor({ timeout: WAIT });
      expect(await row.getByTestId("order-row-status").textContent()).toBe("shipped");
      expect(await row.locator("img").count()).toBe(1);
      expect(await page.title()).toMatch(/^Orders · Account/);
      await shot(page, "account-5-orders");
      await page.getByTestId("account-tab-returns").click();
      const returned = page.getByTestId("return-row").filter({ hasText: `Order #${number}` });
      await returned.waitFor({ timeout: WAIT });
      expect(await returned.getByTestId("return-status").textContent()).toBe("Requested");
      expect(await returned.textContent()).toContain("Smaller than I thought.");
      await shot(page, "account-6-returns");
      await context.close();
    });

    it("search (misspelt) → product page → a buyer writes a review → it shows, with the new average; a second one and a non-buyer's are refused", async () => {
      // Another buyer (the demo creator) bought and rated it 3 first; then the buyer buys it.
      const creator = createShoppableClient({
        url: world.apiUrl,
        apiKey: world.api.keys.publishable,
        userToken: world.tokens.creator,
      });
      await buy(creator, data.reviewed);
      const product = await creator.product({ handle: data.reviewed });
      expect(
        (await creator.productReviewCreate({ productId: product?.id ?? "", rating: 3, title: "It is fine" }))
          .userErrors,
      ).toEqual([]);
      await buy(world.buyer, data.reviewed);

      // The buyer finds it with the header's search, misspelt, and opens it from the suggestions.
      const { context, page } = await world.open(viewport, "buyer");
      await page.goto(`${world.origin}/`);
      const input = await openSearch(page, viewport);
      await input.pressSequentially(data.typed, { delay: 20 });
      const suggestion = page.locator(
        `[data-testid=predictive-product][data-href='/products/${data.reviewed}']`,
      );
      await suggestion.waitFor({ timeout: WAIT });
      await shot(page, "account-6-search");
      await suggestion.click();
      await page.getByTestId("product-details").waitFor({ timeout: WAIT });
      expect(new URL(page.url()).pathname).toBe(`/products/${data.reviewed}`);
      await expect
        .poll(() => page.getByTestId("rating-average").textContent(), { timeout: WAIT })
        .toBe("3.0");
      expect(await page.getByTestId("rating-count").textContent()).toBe("(1 review)");
      await page.getByTestId("review-write").click();
      await page.getByTestId("review-submit").click();
      await expect
        .poll(() => page.getByTestId("review-field-error").textContent(), { timeout: WAIT })
        .toMatch(/Choose 1 to 5/);
      await page.locator('label:has([data-testid="review-star-5"])').click();
      await page.getByTestId("review-title").fill("Love it");
      await page.getByTestId("review-body").fill("Sturdy, and the colour is as shown.");
      await shot(page, "account-7-review-form");
      await page.getByTestId("review-submit").click();
      await expect
        .poll(() => page.getByTestId("rating-average").textContent(), { timeout: WAIT })
        .toBe("4.0");
      expect(await page.getByTestId("rating-count").textContent()).toBe("(2 reviews)");
      expect(await page.getByTestId("review").first().textContent()).toContain("Love it");
      expect(await page.getByTestId("review").count()).toBe(2);
      // The filter by rating: only the 3-star review.
      await page.getByTestId("review-filter").filter({ hasText: "3 ★" }).click();
      await expect
        .poll(() => page.getByTestId("review").allTextContents(), { timeout: WAIT })
        .toEqual([expect.stringContaining("It is fine")]);
      await page.getByTestId("reviews").scrollIntoViewIfNeeded();
      await shot(page, "account-8-reviews");

      // Once per order line: a second review is refused, with the reason.
      await page.getByTestId("review-write").click();
      await page.locator('label:has([data-testid="review-star-4"])').click();
      await page.getByTestId("review-submit").click();
      await expect
        .poll(() => page.getByTestId("review-error").textContent(), { timeout: WAIT })
        .toMatch(/already reviewed/);

      // A product the buyer never bought.
      await page.goto(`${world.origin}/products/${data.notBought}`);
      await page.getByTestId("review-write").click();
      await page.locator('label:has([data-testid="review-star-4"])').click();
      await page.getByTestId("review-submit").click();
      await expect
        .poll(() => page.getByTestId("review-error").textContent(), { timeout: WAIT })
        .toMatch(/Only buyers/);
      await context.close();
    });

    it("a post's comments: add one (mentioning a product), the count follows, delete it", async () => {
      const { context, page } = await world.open(viewport, "buyer");
      let scope = page.locator("body");
      if (viewport === "phone") {
        // In the feed: the post's comments button opens the comments sheet.
        await page.goto(`${world.origin}/`);
        const post = page.getByTestId("post").first();
        await post.waitFor({ timeout: WAIT });
        await post.getByTestId("comments-button").click();
        scope = page.getByTestId("comments-sheet");
      } else {
        const postId = world.demo.postIds.at(-1) ?? "";
        await page.goto(`${world.origin}/posts/${encodeURIComponent(postId)}`);
      }
      const comments = scope.getByTestId("comments");
      await comments.getByTestId("comment-input").waitFor({ timeout: WAIT });
      await expect
        .poll(() => comments.getByTestId("comment-list").or(comments.locator(".comments__empty")).count(), {
          timeout: WAIT,
        })
        .toBe(1);
      const count = Number(await comments.getByTestId("comment-count").textContent());

      await comments.getByTestId("comment-input").fill("Does the tote come in green?");
      const mention = comments.getByTestId("comment-mention").first();
      const mentioned = (await mention.count()) > 0;
      if (mentioned) await mention.click();
      await comments.getByTestId("comment-submit").click();
      await expect
        .poll(() => comments.getByTestId("comment-count").textContent(), { timeout: WAIT })
        .toBe(String(count + 1));
      const mine = comments.getByTestId("comment").filter({ hasText: "Does the tote come in green?" });
      await mine.waitFor({ timeout: WAIT });
      if (mentioned)
        expect(await mine.getByTestId("comment-product").getAttribute("href")).toMatch(/^\/products\//);
      if (viewport === "phone")
        await expect
          .poll(() => page.getByTestId("post-comment-count").first().textContent(), { timeout: WAIT })
          .toBe(String(count + 1));
      await shot(page, "account-9-comments");

      await mine.getByTestId("comment-delete").click();
      await expect
        .poll(() => comments.getByTestId("comment-count").textContent(), { timeout: WAIT })
        .toBe(String(count));
      expect(await mine.count()).toBe(0);
      await context.close();
    });

    it("the account's address book: add (a wrong postal code shows under its field), edit, set as default, delete; signed out it says how to sign in", async () => {
      const { context, page } = await world.open(viewport, "buyer");
      await page.goto(`${world.origin}/account/addresses`);
      await page.getByTestId("address-book").waitFor({ timeout: WAIT });
      const entries = page.getByTestId("address-entry");
      const start = await entries.count();

      await page.getByTestId("address-add").click();
      const editor = page.getByTestId("address-editor");
      await editor.getByTestId("address-countryCode").selectOption("DE");
      await editor.getByTestId("address-lastName").fill("Muster");
      await editor.getByTestId("address-address1").fill("Jungfernstieg 1");
      await editor.getByTestId("address-city").fill(data.city);
      await editor.getByTestId("address-zip").fill("ABC");
      await editor.getByTestId("address-save").click();
      await expect
        .poll(() => editor.getByTestId("address-field-zip").getByTestId("field-error").textContent(), {
          timeout: WAIT,
        })
        .toMatch(/postal code/);
      await shot(page, "account-10-address-error");
      await editor.getByTestId("address-zip").fill(data.zip);
      await editor.getByTestId("address-save").click();
      await expect.poll(() => entries.count(), { timeout: WAIT }).toBe(start + 1);
      const added = entries.filter({ hasText: data.city });
      expect(await added.textContent()).toContain(`${data.zip} ${data.city}`);

      await added.getByTestId("address-edit").click();
      await page.getByTestId("address-editor").getByTestId("address-address1").fill("Jungfernstieg 7");
      await page.getByTestId("address-editor").getByTestId("address-save").click();
      await expect
        .poll(() => entries.filter({ hasText: data.city }).textContent(), { timeout: WAIT })
        .toContain("Jungfernstieg 7");

      await entries.filter({ hasText: data.city }).getByTestId("address-make-default").click();
      // The default comes first: wait for the new one to get there (Berlin was the default before).
      await expect.poll(() => entries.first().textContent(), { timeout: WAIT }).toContain(data.city);
      expect(await entries.first().getAttribute("data-default")).toBe("true");
      await shot(page, "account-11-addresses");

      // Berlin becomes the default again, and the new address goes.
      await entries.filter({ hasText: "Friedrichstraße" }).getByTestId("address-make-default").click();
      await expect.poll(() => entries.first().textContent(), { timeout: WAIT }).toContain("Friedrichstraße");
      await entries.filter({ hasText: data.city }).getByTestId("address-delete").click();
      await expect.poll(() => entries.count(), { timeout: WAIT }).toBe(start);
      await context.close();

      const anonymous = await world.open(viewport, "anonymous");
      await anonymous.page.goto(`${world.origin}/account`);
      await anonymous.page.getByTestId("account-signed-out").waitFor({ timeout: WAIT });
      await anonymous.page.getByTestId("account-sign-in").click();
      await anonymous.page.getByTestId("account-page").waitFor({ timeout: WAIT });
      await anonymous.context.close();
    });
  });
});
