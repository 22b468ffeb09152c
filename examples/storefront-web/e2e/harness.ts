/**
 * The storefront end-to-end harness: the Vite-built app served by `startStorefront` (with its
 * demo media and /config.json), the real API on a free port (its own database), and Debian's
 * chromium driven by playwright-core, as a phone (390×844, touch) or a desktop (1440×900).
 * Each e2e file calls `startWorld()` once, which starts all of it for that file, and runs its
 * journeys at both viewports (`describe.each(VIEWPORTS)`). Screenshots of the key steps go to
 * e2e/artifacts/<viewport>-<name>.png (CI keeps them). The shops' shipping zones, rates and tax
 * rates are made here through the API, as a merchant would: the tests depend on no seed.
 * A page's console errors and uncaught exceptions fail the test that opened it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createShoppableClient, type ShoppableClient, type TypedDocument } from "@shoppable/sdk";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect } from "vitest";
import { startTestApi, type TestApi } from "../../../packages/api/test/harness.ts";
import { buildStorefront } from "../server/build.ts";
import { prepareDemo, type DemoInfo } from "../server/demo.ts";
import type { FieldUserError } from "../src/documents.ts";
import { startStorefront, type Storefront, type StorefrontConfig } from "../server/main.ts";
import { hasFfmpeg } from "@shoppable/demo-media";
import { CHROMIUM, DESKTOP_UA, LAUNCH_ARGS, PHONE_UA } from "../test/browser.ts";
import { freePort } from "../test/free-port.ts";

const ARTIFACTS = join(import.meta.dirname, "artifacts");
/** How long a condition in the browser may take (a clip's tag time, a subscription's round trip). */
export const WAIT = 20_000;

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
export const inBrowser = browserAvailable || process.env.CI ? describe : describe.skip;

/** The two viewports every journey runs at. */
export const VIEWPORTS = ["phone", "desktop"] as const;
export type Viewport = (typeof VIEWPORTS)[number];
export type DemoUser = "buyer" | "creator" | "anonymous";

/** Where an element is on the page; fails the test when it is not shown. */
export async function boxOf(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("The element is not shown.");
  return box;
}

/**
 * Saves a screenshot as e2e/artifacts/<viewport>-<name>.png once the page's finite animations
 * (sheet and drawer slides) are done.
 */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const viewport = (page.viewportSize()?.width ?? 0) >= 1024 ? "desktop" : "phone";
  await page.screenshot({ path: join(ARTIFACTS, `${viewport}-${name}.png`) });
}

/** The search field: the inline one on desktop; on the phone, the sheet's (opened). */
export async function openSearch(page: Page, viewport: Viewport): Promise<Locator> {
  if (viewport === "phone") {
    await page.getByTestId("search-open").click();
    await page.getByTestId("search-sheet").waitFor({ timeout: WAIT });
  } else await page.getByTestId("search-input").click();
  return page.getByTestId("search-input");
}

/** A German address typed into the checkout's form. */
export const BERLIN = {
  firstName: "Max",
  lastName: "Muster",
  address1: "Torstraße 1",
  city: "Berlin",
  zip: "10119",
  countryCode: "DE",
};

/** Types an address into the checkout's form (the province, when given, is chosen from its list) and saves it. */
export async function typeAddress(
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
export async function payOnCheckout(
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
export async function setUp(
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

/** What a test file's journeys run against; its fields are set once `startWorld`'s beforeAll ran. */
export interface World {
  readonly origin: string;
  readonly apiUrl: string;
  readonly api: TestApi;
  readonly demo: DemoInfo;
  readonly tokens: { buyer: string; creator: string; merchant: string };
  /** The demo merchant (Studio Nord and Tidewater Supply), with the secret key. */
  readonly merchant: ShoppableClient;
  /** The demo buyer, with the publishable key. */
  readonly buyer: ShoppableClient;
  /**
   * A new browser context at `viewport`, signed in as a demo user (the header's switcher,
   * stored). Its console errors and uncaught exceptions fail the current test.
   */
  open(viewport: Viewport, user?: DemoUser): Promise<{ context: BrowserContext; page: Page }>;
}

/** Messages a page may log without failing its test: none today. */
const EXPECTED_CONSOLE: RegExp[] = [];

/**
 * Starts the world for this test file (beforeAll) and stops it (afterAll): call once, at the
 * top level of an e2e file.
 */
export function startWorld(): World {
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
  /** The console errors of the pages the current test opened. */
  let errors: string[] = [];

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
    const titles = [
      "Linen Shirt",
      "Canvas Tote",
      "Wool Beanie",
      "Leather Belt",
      "Cotton Tee",
      "Denim Jacket",
    ];
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

  afterEach(() => {
    const found = errors;
    errors = [];
    expect(found, "the browser console").toEqual([]);
  });

  return {
    get origin() {
      return origin;
    },
    get apiUrl() {
      return apiUrl;
    },
    get api() {
      return api;
    },
    get demo() {
      return demo;
    },
    get tokens() {
      return tokens;
    },
    get merchant() {
      return merchant;
    },
    get buyer() {
      return buyer;
    },
    async open(viewport, user = "buyer") {
      const context = await browser.newContext({
        ...(viewport === "phone"
          ? { viewport: { width: 390, height: 844 }, hasTouch: true, userAgent: PHONE_UA }
          : { viewport: { width: 1440, height: 900 }, userAgent: DESKTOP_UA }),
        deviceScaleFactor: 1,
        // Amounts and dates as the assertions expect them ("$5.00"), whatever the machine's locale.
        locale: "en-US",
      });
      await context.addInitScript((user) => {
        if (!localStorage.getItem("shoppable.user")) localStorage.setItem("shoppable.user", user);
      }, user);
      const page = await context.newPage();
      page.on("pageerror", (error) => errors.push(`[uncaught] ${error.message}`));
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const text = message.text();
        if (!EXPECTED_CONSOLE.some((pattern) => pattern.test(text)))
          errors.push(`[console] ${text} (${message.location().url})`);
      });
      return { context, page };
    },
  };
}
