/**
 * The storefront end to end: the Vite-built app served by `startStorefront` (with its demo
 * media and /config.json), the real API on a free port (its own database), and Debian's
 * chromium driven by playwright-core, as a phone. Screenshots of the key steps go to
 * e2e/artifacts/ (CI keeps them). The shops' shipping zones, rates and tax rates are made here
 * through the API, as a merchant would: the tests depend on no seed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createShoppableClient, type ShoppableClient, type TypedDocument } from "@shoppable/sdk";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../../packages/api/test/harness.ts";
import { subscribed } from "../../../packages/api/test/realtime.ts";
import { buildStorefront } from "../server/build.ts";
import { prepareDemo, type DemoInfo } from "../server/demo.ts";
import { CheckoutCart, type FieldUserError } from "../src/documents.ts";
import { startStorefront, type Storefront, type StorefrontConfig } from "../server/main.ts";
import { hasFfmpeg } from "@shoppable/demo-media";
import { freePort } from "../test/free-port.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--autoplay-policy=no-user-gesture-required",
];
const ARTIFACTS = join(import.meta.dirname, "artifacts");
/** How long a condition in the browser may take (a clip's tag time, a subscription's round trip). */
const WAIT = 20_000;
/** A phone's browser: headless Chromium's own user agent is (rightly) taken for a bot, whose affiliate clicks do not count. */
const PHONE_UA =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/**
 * Without Chromium (or ffmpeg, which renders the demo clips whose hotspots the feed test times)
 * these tests report themselves skipped, with the reason, on a developer's machine; in CI
 * (CI=true, where .ci/run installs both) a missing tool fails them.
 */
const missingTools = [
  ...(existsSync(CHROMIUM)
    ? []
    : [
        `Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does) or set CHROMIUM_PATH.`,
      ]),
  ...(hasFfmpeg() ? [] : ["ffmpeg is missing: install it with `apt-get install -y ffmpeg` (.ci/run does)."]),
];
const browserAvailable = missingTools.length === 0;
const missing = missingTools.join(" ");
if (!browserAvailable && !process.env.CI)
  console.warn(`Skipping the storefront end-to-end tests. ${missing}`);
const inBrowser = browserAvailable || process.env.CI ? describe : describe.skip;

let dir: string;
let api: TestApi;
let apiUrl: string;
let storefront: Storefront;
let origin: string;
let browser: Browser;
let demo: DemoInfo;
let tokens: { buyer: string; creator: string; merchant: string };
let merchant: ShoppableClient;
let buyer: ShoppableClient;
let config: StorefrontConfig | undefined;

/** Saves a screenshot once the page's finite animations (sheet and drawer slides) are done. */
/** Where an element is on the page; fails the test when it is not shown. */
async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("The element is not shown.");
  return box;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** A phone-sized browser context, optionally signed in as a demo user (the header's switcher, stored). */
async function phone(
  user: "buyer" | "creator" | "anonymous" = "buyer",
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    hasTouch: true,
    userAgent: PHONE_UA,
    // Amounts and dates as the assertions expect them ("$5.00"), whatever the machine's locale.
    locale: "en-US",
  });
  await context.addInitScript((user) => {
    if (!localStorage.getItem("shoppable.user")) localStorage.setItem("shoppable.user", user);
  }, user);
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[browser] ${error.message}`));
  return { context, page };
}

/** A German address typed into the checkout's form. */
const BERLIN = {
  firstName: "Max",
  lastName: "Muster",
  address1: "Torstraße 1",
  city: "Berlin",
  zip: "10119",
  countryCode: "DE",
};

/** Types an address into the checkout's form (the province, when given, is chosen from its list) and saves it. */
async function typeAddress(
  page: Page,
  address: {
    firstName: string;
    lastName: string;
    address1: string;
    city: string;
    zip: string;
    countryCode: string;
    provinceCode?: string;
  },
): Promise<void> {
  await page.getByTestId("address-countryCode").selectOption(address.countryCode);
  for (const field of ["firstName", "lastName", "address1", "city", "zip"] as const)
    await page.getByTestId(`address-${field}`).fill(address[field]);
  if (address.provinceCode) await page.getByTestId("address-provinceCode").selectOption(address.provinceCode);
  await page.getByTestId("address-save").click();
}

/**
 * Pays the open cart on /checkout: the delivery address (the buyer's saved one, or typed), the
 * first delivery option (once the summary counts its shipping), then `tok_declined` first when
 * asked (the error shows) and `tok_success`.
 */
async function payOnCheckout(
  page: Page,
  options: { email?: string; declineFirst?: boolean; address: "saved" | typeof BERLIN },
): Promise<string> {
  await page.getByTestId("checkout-page").waitFor({ timeout: WAIT });
  // Choosing a saved address saves it at once (the radios give way to the address).
  if (options.address === "saved") await page.getByTestId("saved-address").first().click();
  else await typeAddress(page, options.address);
  await page.getByTestId("delivery-address").waitFor({ timeout: WAIT });
  await page.getByTestId("delivery-option").first().check();
  await expect
    .poll(() => page.getByTestId("summary-shipping").textContent(), { timeout: WAIT })
    .not.toMatch(/Choose|After/);
  if (options.email) await page.getByTestId("checkout-email").fill(options.email);
  if (options.declineFirst) {
    await page.getByTestId("card-tok_declined").check();
    await page.getByTestId("pay").click();
    await expect
      .poll(() => page.getByTestId("checkout-error").textContent(), { timeout: WAIT })
      .toMatch(/declined/i);
    await shot(page, "checkout-declined");
  }
  await page.getByTestId("card-tok_success").check();
  await page.getByTestId("pay").click();
  await page.getByTestId("order-page").waitFor({ timeout: WAIT });
  return (await page.getByTestId("order-number").textContent())!.replace("#", "");
}

/** Runs a setup mutation (`field(input: $input)` of `inputType`) and fails the run on its userErrors. */
async function setUp(
  client: ShoppableClient,
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  select = "",
): Promise<Record<string, unknown>> {
  const document = `mutation Setup($input: ${inputType}!) { ${field}(input: $input) { ${select} userErrors { code field message } } }`;
  const data = await client.request(
    document as TypedDocument<
      Record<string, Record<string, unknown> & { userErrors: FieldUserError[] }>,
      { input: Record<string, unknown> }
    >,
    { input },
  );
  const payload = data[field];
  expect(payload?.userErrors, field).toEqual([]);
  return payload ?? {};
}

beforeAll(async () => {
  if (!browserAvailable && !process.env.CI) return;
  if (!browserAvailable) throw new Error(missing);
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "storefront-e2e-"));

  // The app, built once as `pnpm build` does, into a temporary folder.
  await buildStorefront(join(dir, "dist"));

  // The storefront listens first (its config is read per request), so the API's affiliate
  // redirect can name its origin.
  storefront = await startStorefront({
    port: 0,
    host: "127.0.0.1",
    distDir: join(dir, "dist"),
    // A fresh media folder and tiny clips (as long as the demo's, a fraction of a second of
    // ffmpeg each): nothing depends on an earlier run or on the machine's speed.
    mediaDir: join(dir, "media"),
    mediaQuality: "tiny",
    config: () => {
      if (!config) throw new Error("not configured yet");
      return config;
    },
  });
  origin = `http://127.0.0.1:${(storefront.server.address() as { port: number }).port}`;

  const apiPort = await freePort();
  api = await startTestApi({
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    AFFILIATE_REDIRECT_TEMPLATE: `${origin}/{path}?aff={code}&click={clickId}`,
  });
  apiUrl = (await api.server.listen(apiPort, "127.0.0.1")).url;

  // A small catalog for the demo merchant's shop: one product with options, the rest simple.
  tokens = {
    merchant: await api.token("e2e-merchant", ["BUYER", "MERCHANT"]),
    creator: await api.token("e2e-creator", ["BUYER", "CREATOR"]),
    buyer: await api.token("e2e-buyer", ["BUYER"]),
  };
  merchant = createShoppableClient({ url: apiUrl, apiKey: api.keys.secret, userToken: tokens.merchant });
  buyer = createShoppableClient({ url: apiUrl, apiKey: api.keys.publishable, userToken: tokens.buyer });
  const shopId = (
    await merchant.shopCreate({
      handle: "studio-nord",
      name: "Studio Nord",
      currencyCode: "EUR",
      description: "Everyday basics, made to last.",
    })
  ).shop!.id;
  const titles = ["Linen Shirt", "Canvas Tote", "Wool Beanie", "Leather Belt", "Cotton Tee", "Denim Jacket"];
  for (const [n, title] of titles.entries()) {
    const created = await merchant.productCreate({
      shopId,
      title,
      handle: title.toLowerCase().replace(/\s+/g, "-"),
      productType: "Apparel",
      status: "ACTIVE",
      media: [{ kind: "IMAGE", url: `/media/products/card-${n}.svg`, alt: title }],
      ...(n === 0
        ? {
            options: [{ name: "Size", values: ["S", "M", "L"] }],
            variants: ["S", "M", "L"].map((size) => ({
              price: "49.00",
              inventoryQuantity: 20,
              selectedOptions: [{ name: "Size", value: size }],
            })),
          }
        : { variants: [{ price: `${19 + n * 5}.00`, inventoryQuantity: 20 }] }),
    });
    expect(created.userErrors).toEqual([]);
  }
  // Studio Nord sells EU style: prices include VAT (19% in Germany); it ships to Germany and Austria.
  await setUp(merchant, "shopUpdate", "ShopUpdateInput", { id: shopId, pricesIncludeTax: true });
  await setUp(merchant, "shippingZoneCreate", "ShippingZoneCreateInput", {
    shopId,
    name: "Germany and Austria",
    countryCodes: ["DE", "AT"],
    rates: [
      { handle: "standard", title: "Standard", price: "4.90", minDays: 2, maxDays: 4 },
      { handle: "express", title: "Express", price: "9.90", minDays: 1, maxDays: 1 },
    ],
  });
  await setUp(merchant, "taxRateSet", "TaxRateSetInput", {
    shopId,
    countryCode: "DE",
    name: "VAT",
    percentage: "19",
  });
  // The buyer's address book has their Berlin address.
  await setUp(buyer, "viewerAddressCreate", "ViewerAddressCreateInput", {
    address: {
      ...BERLIN,
      firstName: "Erika",
      lastName: "Mustermann",
      address1: "Friedrichstraße 43",
      zip: "10117",
    },
  });
  demo = await prepareDemo({
    apiUrl,
    credentials: { publishableKey: api.keys.publishable, secretKey: api.keys.secret, tokens },
    stateFile: join(dir, "demo.json"),
  });
  // Tidewater Supply sells US style (tax added at checkout): it ships in the United States, and
  // New York's sales tax applies to goods and shipping. Made after prepareDemo, and named after
  // Studio Nord, so the demo keeps Studio Nord as its shop.
  const tidewaterId = (
    await merchant.shopCreate({ handle: "tidewater-supply", name: "Tidewater Supply", currencyCode: "USD" })
  ).shop?.id;
  if (!tidewaterId) throw new Error("shopCreate made no shop");
  const notebook = await merchant.productCreate({
    shopId: tidewaterId,
    title: "Field Notebook",
    handle: "field-notebook",
    productType: "Stationery",
    status: "ACTIVE",
    media: [{ kind: "IMAGE", url: "/media/products/card-2.svg", alt: "Field Notebook" }],
    variants: [{ price: "20.00", inventoryQuantity: 20 }],
  });
  expect(notebook.userErrors).toEqual([]);
  await setUp(merchant, "shippingZoneCreate", "ShippingZoneCreateInput", {
    shopId: tidewaterId,
    name: "United States",
    countryCodes: ["US"],
    rates: [
      { handle: "ground", title: "Ground", price: "5.00", minDays: 3, maxDays: 5 },
      { handle: "two-day", title: "Two-day", price: "15.00", minDays: 2, maxDays: 2 },
    ],
  });
  await setUp(merchant, "taxRateSet", "TaxRateSetInput", {
    shopId: tidewaterId,
    countryCode: "US",
    provinceCode: "NY",
    name: "Sales tax",
    percentage: "8.875",
  });
  config = {
    apiUrl,
    publishableKey: api.keys.publishable,
    users: {
      buyer: { token: tokens.buyer, label: "Demo buyer" },
      creator: { token: tokens.creator, label: "Demo creator" },
    },
    demo,
  };
  // The clips the pages open with (the feed's newest post, the live stream) are rendered
  // before the browser asks for them: the tests then wait on the player's events, not on ffmpeg.
  const newest = await buyer.post({ id: demo.postIds[0]! });
  const stream = await buyer.liveSession({ id: demo.liveSessionId });
  for (const path of [newest!.media.url, stream!.playbackUrl!]) {
    const response = await fetch(`${origin}${path}`);
    expect(response.status, path).toBe(200);
    await response.arrayBuffer();
  }

  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
  await api?.close();
  // Closing the storefront ends its renders: no partial clip is left behind.
  const partial =
    dir && existsSync(join(dir, "media"))
      ? readdirSync(join(dir, "media")).filter((name) => name.endsWith(".tmp.webm"))
      : [];
  if (dir) rmSync(dir, { recursive: true, force: true });
  expect(partial).toEqual([]);
});

inBrowser("storefront", () => {
  it("feed → a video's hotspot shows at its time → tap → add to cart → live cart → checkout (declined, then paid) → order confirmed", async () => {
    const { context, page } = await phone("buyer");
    await page.goto(`${origin}/`);
    const post = page.locator('[data-testid=post][data-media-kind="VIDEO"]').first();
    await post.waitFor({ timeout: WAIT });
    const postId = (await post.getAttribute("data-post-id"))!;
    const tags = (await buyer.post({ id: postId }))!.productTags;
    const [first, second] = [
      tags.find((tag) => tag.startMs === 0)!,
      tags.find((tag) => tag.startMs === 4000)!,
    ];
    const hotspot = (tagId: string) => post.locator(`[data-testid=hotspot][data-tag-id="${tagId}"]`);
    /** The video's time and which of the two hotspots show, read in one go. */
    const state = () =>
      post.evaluate(
        (element, ids) => {
          const shown = (id: string) =>
            !(element.querySelector(`[data-testid=hotspot][data-tag-id="${id}"]`) as HTMLElement).hidden;
          return {
            seconds: element.querySelector("video")!.currentTime,
            first: shown(ids[0]!),
            second: shown(ids[1]!),
          };
        },
        [first.id, second.id],
      );

    // The clip plays: the first tag shows during 0–4 s, the second from 4 s, never both.
    await hotspot(first.id).waitFor({ state: "visible", timeout: WAIT });
    const early = await state();
    if (early.seconds < 3.9) expect(early).toMatchObject({ first: true, second: false });
    await shot(page, "1-feed-first-tag");
    await hotspot(second.id).waitFor({ state: "visible", timeout: WAIT });
    const later = await state();
    expect(later.seconds).toBeGreaterThanOrEqual(4);
    if (later.seconds < 7.9) expect(later).toMatchObject({ first: false, second: true });
    await shot(page, "2-feed-second-tag");
    // Every hotspot label on screen lies inside the video's frame (past the middle, it opens to the left).
    const frame = await boxOf(post);
    for (const label of await post.locator("[data-testid=hotspot]:not([hidden]) .hotspot__label").all()) {
      const box = await boxOf(label);
      expect(box.x).toBeGreaterThanOrEqual(frame.x);
      expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
    }

    // A second on screen counted a view (postView); the like button likes it (postLike).
    await expect.poll(async () => (await buyer.post({ id: postId }))!.viewCount, { timeout: WAIT }).toBe(1);
    await post.getByTestId("like").click();
    await expect
      .poll(async () => (await buyer.post({ id: postId }))!.viewerHasLiked, { timeout: WAIT })
      .toBe(true);
    expect(await post.getByTestId("like").getAttribute("aria-pressed")).toBe("true");

    // Tap it: the product sheet opens; add to cart; the drawer shows the line.
    await hotspot(second.id).click();
    const sheet = page.getByTestId("product-sheet");
    await sheet.getByTestId("product-title").waitFor();
    expect(await sheet.getByTestId("product-title").textContent()).toBe(second.product.title);
    await shot(page, "3-product-sheet");
    await sheet.getByTestId("add-to-cart").click();
    const drawer = page.getByTestId("cart-drawer");
    await expect
      .poll(() => drawer.getByTestId("cart-line-title").allTextContents(), { timeout: WAIT })
      .toEqual([second.product.title]);
    await shot(page, "4-cart-drawer");

    // The line carries the post and tag it came from.
    const cartId = (await page.evaluate(() => localStorage.getItem("shoppable.cart.buyer")))!;
    const cart = (await buyer.cart({ id: cartId }))!;
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]!.attribution).toMatchObject({ postId, productTagId: second.id });

    // The drawer follows the cart live: a change from another client (the same buyer elsewhere) shows without a reload.
    await subscribed(api.server.events, "cartUpdated", cartId);
    await buyer.cartLinesUpdate({ cartId, lines: [{ id: cart.lines[0]!.id, quantity: 3 }] });
    await expect
      .poll(() => drawer.getByTestId("cart-line-quantity").allTextContents(), { timeout: WAIT })
      .toEqual(["3"]);
    await drawer.getByTestId("line-decrease").click();
    await expect
      .poll(() => drawer.getByTestId("cart-line-quantity").allTextContents(), { timeout: WAIT })
      .toEqual(["2"]);
    await shot(page, "5-cart-live");

    await drawer.getByTestId("checkout-button").click();
    const orderNumber = await payOnCheckout(page, { declineFirst: true, address: "saved" });
    await expect.poll(() => page.getByTestId("order-status").textContent(), { timeout: WAIT }).toBe("paid");
    // Shipped to the saved address; the prices included German VAT.
    expect(await page.getByTestId("order-shipping-address").textContent()).toContain("10117 Berlin");
    expect(await page.getByTestId("order-tax-line").allTextContents()).toEqual([
      expect.stringMatching(/^incl\. VAT 19%/),
    ]);
    await shot(page, "6-order-confirmed");
    const orders = (await buyer.viewer({ ordersFirst: 5 })).orders.edges.map((edge) => edge.node);
    const order = orders.find((candidate) => String(candidate.number) === orderNumber)!;
    expect(order).toMatchObject({
      status: "PAID",
      lines: [
        { quantity: 2, productTitle: second.product.title, attribution: { postId, productTagId: second.id } },
      ],
    });
    // The cart is done: the drawer is empty again.
    expect(await page.evaluate(() => localStorage.getItem("shoppable.cart.buyer"))).toBeNull();

    // The shop fulfils the order: the confirmation page follows its status live (orderStatusChanged).
    await subscribed(api.server.events, "orderStatusChanged", order.id);
    expect((await merchant.orderFulfill({ id: order.id })).userErrors).toEqual([]);
    await expect
      .poll(() => page.getByTestId("order-status").textContent(), { timeout: WAIT })
      .toBe("fulfilled");
    await shot(page, "6b-order-fulfilled-live");
    await context.close();
  });

  it("signed out, the Following tab says how to fill it, below the tabs", async () => {
    const { context, page } = await phone("anonymous");
    await page.goto(`${origin}/`);
    await page.getByTestId("tab-FOLLOWING").click();
    const empty = page.locator(".feed > .empty");
    await empty.waitFor({ timeout: WAIT });
    expect(await empty.textContent()).toContain("Choose a demo user");
    const tabs = await boxOf(page.locator(".feed .tabs"));
    expect((await boxOf(empty)).y).toBeGreaterThanOrEqual(tabs.y + tabs.height);
    await context.close();
  });

  it("a creator's affiliate link → a buyer clicks it in another browser, buys → the creator's page shows the commission live", async () => {
    const creatorSide = await phone("creator");
    const creatorPage = creatorSide.page;
    await creatorPage.goto(`${origin}/creator`);
    await creatorPage.getByTestId("creator-page").waitFor({ timeout: WAIT });
    await creatorPage.getByTestId("link-search").fill("Denim Jacket");
    await creatorPage.getByTestId("link-search-submit").click();
    await creatorPage
      .locator('[data-testid=link-result][data-product-handle="denim-jacket"]')
      .getByTestId("link-create")
      .click();
    const linkUrl = await creatorPage.getByTestId("link-url").inputValue();
    expect(linkUrl).toMatch(new RegExp(`^${apiUrl.replace(/\/graphql$/, "")}/r/[0-9A-Za-z]{12}$`));
    await shot(creatorPage, "7-creator-link");
    // Mark the page: if it reloaded, the mark would be gone.
    await creatorPage.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const creatorId = (
      await createShoppableClient({
        url: apiUrl,
        apiKey: api.keys.publishable,
        userToken: tokens.creator,
      }).viewer()
    ).user!.id;
    await subscribed(api.server.events, "commissionEvents", creatorId);

    // The buyer, anonymous on another device, follows the link: the API records the click and
    // redirects to the product page with ?aff&click, which the app keeps for the shop's lines.
    const buyerSide = await phone("anonymous");
    const buyerPage = buyerSide.page;
    await buyerPage.goto(linkUrl);
    await buyerPage.getByTestId("product-details").waitFor({ timeout: WAIT });
    expect(new URL(buyerPage.url()).pathname).toBe("/products/denim-jacket");
    await buyerPage.waitForFunction(
      () =>
        JSON.parse(localStorage.getItem("shoppable.affiliate") ?? "[]").some(
          (entry: { shopId: string | null }) => entry.shopId,
        ),
      undefined,
      { timeout: WAIT },
    );
    await buyerPage.getByTestId("add-to-cart").click();
    const line = buyerPage.getByTestId("cart-drawer").getByTestId("cart-line");
    await line.waitFor({ timeout: WAIT });
    expect(await line.textContent()).toContain("Creator link");
    await shot(buyerPage, "8-affiliate-cart");
    await buyerPage.getByTestId("checkout-button").click();
    const orderNumber = await payOnCheckout(buyerPage, { email: "shopper@example.com", address: BERLIN });
    await shot(buyerPage, "9-affiliate-order");

    // Back on the creator's page: the commission arrives through commissionEvents, no reload.
    await creatorPage
      .locator(`[data-testid=commission][data-order-number="${orderNumber}"]`)
      .waitFor({ timeout: WAIT });
    await expect
      .poll(() => creatorPage.getByTestId("earnings-pending").first().textContent(), { timeout: WAIT })
      .toMatch(/[1-9]/);
    expect(
      await creatorPage.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    // The link's figures count the click and the order.
    const row = creatorPage.locator("[data-testid=link-row]").first();
    await expect.poll(() => row.getByTestId("link-orders").textContent(), { timeout: WAIT }).toBe("1");
    expect(await row.getByTestId("link-clicks").textContent()).toBe("1");
    await shot(creatorPage, "10-creator-commission-live");
    await creatorSide.context.close();
    await buyerSide.context.close();
  });

  it("the live page shows the pinned product and its live price, and follows a new pin and the viewer count live", async () => {
    const { context, page } = await phone("buyer");
    await page.goto(`${origin}/live/${encodeURIComponent(demo.liveSessionId)}`);
    await page.getByTestId("live-page").waitFor({ timeout: WAIT });
    const session = (await buyer.liveSession({ id: demo.liveSessionId }))!;
    const pinned = session.pinnedProducts.at(-1)!;
    await page
      .locator(`[data-testid=pinned-product][data-product-handle="${pinned.product.handle}"]`)
      .waitFor({ timeout: WAIT });
    // Joining counts this viewer.
    await expect
      .poll(() => page.getByTestId("viewer-count").textContent(), { timeout: WAIT })
      .toMatch(/[1-9]/);
    const livePrice = pinned.livePrice!.amount.replace(/\.\d+$/, "");
    await expect
      .poll(() => page.getByTestId("pinned-price").textContent(), { timeout: WAIT })
      .toContain(livePrice);
    // The stream plays from the session's playbackUrl (the demo's: a looping clip).
    expect(await page.getByTestId("live-video").getAttribute("src")).toBe(session.playbackUrl);
    await expect
      .poll(() => page.getByTestId("live-video").evaluate((video: HTMLVideoElement) => video.currentTime), {
        timeout: WAIT,
      })
      .toBeGreaterThan(0.5);
    await shot(page, "11-live");

    // The host pins another product at a live price: the page follows through liveSessionEvents.
    await subscribed(api.server.events, "liveSessionEvents", demo.liveSessionId);
    const next = (await merchant.products({ first: 1, query: "Wool Beanie" })).edges[0]!.node;
    const pin = await merchant.liveSessionPinProduct({
      liveSessionId: demo.liveSessionId,
      productId: next.id,
      livePrice: "9.99",
      quantityCap: 10,
    });
    expect(pin.userErrors).toEqual([]);
    await page
      .locator(`[data-testid=pinned-product][data-product-handle="${next.handle}"]`)
      .waitFor({ timeout: WAIT });
    await expect
      .poll(() => page.getByTestId("pinned-price").textContent(), { timeout: WAIT })
      .toMatch(/9[.,]99/);

    // Bought from the live: the line carries the session and gets the live price.
    await page.getByTestId("pinned-buy").click();
    await expect
      .poll(() => page.getByTestId("product-sheet").getByTestId("product-price").textContent(), {
        timeout: WAIT,
      })
      .toContain("Live price");
    // The sheet opens over the pinned card (light, dark text): its title and quantity must be light on its dark panel.
    const lightness = (testId: string, selector: string) =>
      page
        .getByTestId(testId)
        .locator(selector)
        .first()
        .evaluate((element) => {
          const [r, g, b] = (getComputedStyle(element).color.match(/\d+/g) ?? []).map(Number);
          return ((r ?? 0) * 0.299 + (g ?? 0) * 0.587 + (b ?? 0) * 0.114) / 255;
        });
    expect(await lightness("product-sheet", ".product__title")).toBeGreaterThan(0.7);
    expect(await lightness("product-sheet", "[data-testid=quantity]")).toBeGreaterThan(0.7);
    await shot(page, "12a-live-sheet");
    await page.getByTestId("product-sheet").getByTestId("add-to-cart").click();
    const drawer = page.getByTestId("cart-drawer");
    await expect
      .poll(() => drawer.getByTestId("cart-line-title").allTextContents(), { timeout: WAIT })
      .toEqual([next.title]);
    expect(await drawer.getByTestId("cart-line-total").textContent()).toMatch(/9[.,]99/);
    await shot(page, "12-live-new-pin-in-cart");
    await context.close();
  });

  it("checkout: paying without an address points at it; an invalid ZIP code shows its error by the field; a valid address shows the options; choosing one updates shipping, tax and total; the confirmation shows the address, the option and the tax", async () => {
    const { context, page } = await phone("anonymous");
    const anonymous = createShoppableClient({ url: apiUrl, apiKey: api.keys.publishable });
    await page.goto(`${origin}/products/field-notebook`);
    await page.getByTestId("product-details").waitFor({ timeout: WAIT });
    await page.getByTestId("add-to-cart").click();
    await page.getByTestId("cart-drawer").getByTestId("cart-line").waitFor({ timeout: WAIT });
    await page.getByTestId("checkout-button").click();
    await page.getByTestId("checkout-page").waitFor({ timeout: WAIT });
    const cartId = await page.evaluate(() => localStorage.getItem("shoppable.cart.anonymous"));
    if (!cartId) throw new Error("The storefront kept no cart");
    const read = async () => {
      const { cart } = await anonymous.request(CheckoutCart, { id: cartId });
      const cost = cart?.cost;
      if (!cart || !cost) throw new Error("The cart or its cost cannot be read");
      return { ...cart, cost };
    };
    const cost = async () => (await read()).cost;

    // No address yet: the shop's group says why it offers nothing, and shipping and tax wait for it.
    const group = page.getByTestId("delivery-group");
    expect(await group.getByTestId("delivery-unavailable").textContent()).toMatch(/delivery address/);
    expect(await page.getByTestId("summary-shipping").textContent()).toContain("After your address");
    expect(await page.getByTestId("summary-addedTax").textContent()).toContain("After your address");
    // Paying now: DELIVERY_ADDRESS_REQUIRED brings the address section into view, marked and focused.
    await page.getByTestId("checkout-email").fill("grace@example.com");
    await page.getByTestId("pay").click();
    await page.getByTestId("address-attention").waitFor({ timeout: WAIT });
    expect(await page.getByTestId("address-section").getAttribute("data-attention")).toBe("true");
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-testid") === "address-section",
      undefined,
      { timeout: WAIT },
    );
    await shot(page, "13-checkout-address-required");

    // An invalid ZIP code: the API's INVALID_ZIP (field ["address", "zip"]) shows under the ZIP
    // field, which is marked invalid, described by it and focused; nothing is saved.
    await typeAddress(page, {
      firstName: "Grace",
      lastName: "Hopper",
      address1: "350 Fifth Avenue",
      city: "New York",
      provinceCode: "NY",
      zip: "1000",
      countryCode: "US",
    });
    const zipField = page.getByTestId("address-field-zip");
    const zipError = zipField.getByTestId("field-error");
    await zipError.waitFor({ timeout: WAIT });
    expect(await zipError.textContent()).toBe("This is not a valid ZIP code in the United States.");
    expect(await page.getByTestId("field-error").count()).toBe(1);
    const zip = page.getByTestId("address-zip");
    expect(await zip.getAttribute("aria-invalid")).toBe("true");
    expect(await zip.getAttribute("aria-describedby")).toBe(await zipError.getAttribute("id"));
    expect(await zip.evaluate((input) => input === document.activeElement)).toBe(true);
    expect((await read()).deliveryAddress).toBeNull();
    await shot(page, "14-checkout-invalid-zip");

    // A valid one: saved, shown as on a parcel; the shop's options appear with title, estimate and cost.
    await zip.fill("10118");
    await page.getByTestId("address-save").click();
    const saved = page.getByTestId("delivery-address");
    await saved.waitFor({ timeout: WAIT });
    expect(await saved.textContent()).toContain("New York, NY 10118");
    await group.getByTestId("delivery-option").first().waitFor({ timeout: WAIT });
    const optionTexts = await group.locator("label.card-option").allTextContents();
    expect(optionTexts).toEqual([
      expect.stringMatching(/^Ground3–5 business days\$5\.00$/),
      expect.stringMatching(/^Two-day2 business days\$15\.00$/),
    ]);
    expect(await page.getByTestId("summary-shipping").textContent()).toContain("Choose a delivery option");
    // Tax is added at checkout (a tax-exclusive shop): on the line only, before shipping is chosen.
    const lineOnly = await cost();
    expect(Number(lineOnly.tax.amount)).toBeGreaterThan(0);
    expect(await page.getByTestId("summary-addedTax").textContent()).toContain(lineOnly.tax.amount);
    expect(await page.getByTestId("summary-includedTax").count()).toBe(0);

    // Paying without an option: DELIVERY_OPTION_REQUIRED marks the shop's group.
    await page.getByTestId("pay").click();
    await group.getByTestId("delivery-group-error").waitFor({ timeout: WAIT });
    expect(await group.getAttribute("data-attention")).toBe("true");
    expect(await group.getByTestId("delivery-group-error").textContent()).toBe("Choose a delivery option.");
    await shot(page, "15-checkout-options");

    // Choosing an option: shipping, the tax (New York taxes shipping too) and the total follow.
    // Waits for the choice to be saved (its shipping price), not for any shipping: after a first
    // choice, the earlier option's price is already there.
    const choose = async (handle: string, shipping: string) => {
      await group.locator(`[data-testid=delivery-option][data-handle="${handle}"]`).check();
      await expect.poll(async () => (await cost()).shipping.amount, { timeout: WAIT }).toBe(shipping);
      const now = await cost();
      await expect
        .poll(() => page.getByTestId("checkout-total").textContent(), { timeout: WAIT })
        .toContain(now.total.amount);
      expect(await page.getByTestId("summary-shipping").textContent()).toContain(now.shipping.amount);
      expect(await page.getByTestId("summary-addedTax").textContent()).toContain(now.tax.amount);
      expect(Number(now.total.amount)).toBeCloseTo(
        Number(now.subtotal.amount) + Number(now.shipping.amount) + Number(now.tax.amount),
        2,
      );
      return now;
    };
    const twoDay = await choose("two-day", "15.00");
    expect(twoDay.shipping.amount).toBe("15.00");
    expect(Number(twoDay.tax.amount)).toBeGreaterThan(Number(lineOnly.tax.amount));
    // The mark goes once the buyer chose.
    expect(await group.getAttribute("data-attention")).toBeNull();
    await shot(page, "16-checkout-two-day");
    const ground = await choose("ground", "5.00");
    expect(ground.shipping.amount).toBe("5.00");
    expect(Number(ground.tax.amount)).toBeLessThan(Number(twoDay.tax.amount));
    expect(await page.getByTestId("pay").textContent()).toContain(ground.total.amount);

    // Paid: the confirmation shows where it ships, the option and the tax line.
    await page.getByTestId("card-tok_success").check();
    await page.getByTestId("pay").click();
    await page.getByTestId("order-page").waitFor({ timeout: WAIT });
    const address = await page.getByTestId("order-shipping-address").textContent();
    for (const part of ["Grace Hopper", "350 Fifth Avenue", "New York, NY 10118", "United States"])
      expect(address).toContain(part);
    expect(await page.getByTestId("order-shipping-line").textContent()).toMatch(/Ground.*3–5 business days/);
    expect(await page.getByTestId("order-shipping").textContent()).toContain("5.00");
    expect(await page.getByTestId("order-tax-line").allTextContents()).toEqual([
      `Sales tax 8.875%$${ground.tax.amount}`,
    ]);
    expect(await page.getByTestId("order-total").textContent()).toContain(ground.total.amount);
    await shot(page, "17-order-delivery-and-tax");
    await context.close();
  });
});
