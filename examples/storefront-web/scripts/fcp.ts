/**
 * A benchmark, not a test: first contentful paint per page of the built storefront, measured in
 * headless Chromium as the e2e runs it (the app built with Vite, served by `startStorefront`, the
 * real API with its own database, the demo data of `prepareDemo`).
 *
 *   node --import tsx scripts/fcp.ts [--runs 7] [--pages /,/creator]
 *
 * Each page loads `runs` times in a fresh browser context (a cold cache, as a first visit) at
 * 390×844 and 1440×900, each on the machine's network and CPU and on a simulated slow phone
 * network (150 ms round trip, 1.6 Mbps down, 750 kbps up) with the CPU slowed 4×. It prints the
 * median and p90 of `first-contentful-paint` per page and the JS and CSS each page transferred
 * (on the wire and decoded), the built assets' raw, gzip and brotli sizes, and the load average
 * (the numbers depend on what else the machine is doing).
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { createShoppableClient } from "@shoppable/sdk";
import { chromium, type Browser } from "playwright-core";
import { startTestApi } from "../../../packages/api/test/harness.ts";
import { buildStorefront } from "../server/build.ts";
import { prepareDemo } from "../server/demo.ts";
import { startStorefront, type StorefrontConfig } from "../server/main.ts";
import { CHROMIUM, DESKTOP_UA, LAUNCH_ARGS, PHONE_UA } from "../test/browser.ts";
import { freePort } from "../test/free-port.ts";

/** "Fast 3G"-like: what a phone gets on a poor connection. */
const SLOW_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const SLOW_CPU = 4;

interface Profile {
  name: string;
  viewport: { width: number; height: number };
  phone: boolean;
  slow: boolean;
}
const PROFILES: Profile[] = [
  { name: "phone", viewport: { width: 390, height: 844 }, phone: true, slow: false },
  { name: "phone, slow 3G + 4× CPU", viewport: { width: 390, height: 844 }, phone: true, slow: true },
  { name: "desktop", viewport: { width: 1440, height: 900 }, phone: false, slow: false },
  { name: "desktop, slow 3G + 4× CPU", viewport: { width: 1440, height: 900 }, phone: false, slow: true },
];

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const loads = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

interface Sample {
  fcp: number;
  js: { transferred: number; decoded: number };
  css: { transferred: number; decoded: number };
}

/** Read in the page: its first contentful paint and the JS and CSS it fetched. */
const MEASURE = `(() => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
  const resources = performance.getEntriesByType("resource");
  const sum = (extension) => {
    const entries = resources.filter((entry) => new URL(entry.name).pathname.endsWith(extension));
    return {
      transferred: entries.reduce((total, entry) => total + entry.transferSize, 0),
      decoded: entries.reduce((total, entry) => total + entry.decodedBodySize, 0),
    };
  };
  return { fcp, js: sum(".js"), css: sum(".css") };
})()`;

/** Loads `url` once in a fresh context and reads its first contentful paint and JS/CSS bytes. */
async function measure(browser: Browser, profile: Profile, url: string): Promise<Sample> {
  const context = await browser.newContext({
    viewport: profile.viewport,
    userAgent: profile.phone ? PHONE_UA : DESKTOP_UA,
    hasTouch: profile.phone,
    deviceScaleFactor: 1,
    locale: "en-US",
  });
  try {
    await context.addInitScript(() => {
      if (!localStorage.getItem("shoppable.user")) localStorage.setItem("shoppable.user", "buyer");
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (profile.slow) {
      await cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW_CPU });
    }
    await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
    await page.waitForFunction(
      () => performance.getEntriesByName("first-contentful-paint").length > 0,
      null,
      {
        timeout: 120_000,
      },
    );
    await page.waitForLoadState("load", { timeout: 120_000 });
    // A string, not a function: tsx's transform would name the function's inner arrows with a
    // helper the page does not have.
    return (await page.evaluate(MEASURE)) as Sample;
  } finally {
    await context.close();
  }
}

async function main() {
  const runs = Number(argument("runs") ?? process.env.FCP_RUNS ?? 7);
  const dir = mkdtempSync(join(tmpdir(), "storefront-fcp-"));
  console.log(`load average at start: ${loads()}`);
  await buildStorefront(join(dir, "dist"));
  console.log("built");

  let config: StorefrontConfig | undefined;
  const storefront = await startStorefront({
    port: 0,
    host: "127.0.0.1",
    distDir: join(dir, "dist"),
    mediaDir: join(dir, "media"),
    mediaQuality: "tiny",
    config: () => {
      if (!config) throw new Error("not configured yet");
      return config;
    },
  });
  const origin = `http://127.0.0.1:${(storefront.server.address() as { port: number }).port}`;
  const apiPort = await freePort();
  const api = await startTestApi({
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    AFFILIATE_REDIRECT_TEMPLATE: `${origin}/{path}?aff={code}&click={clickId}`,
  });
  const apiUrl = (await api.server.listen(apiPort, "127.0.0.1")).url;
  let browser: Browser | undefined;
  try {
    const tokens = {
      merchant: await api.token("fcp-merchant", ["BUYER", "MERCHANT"]),
      creator: await api.token("fcp-creator", ["BUYER", "CREATOR"]),
      buyer: await api.token("fcp-buyer", ["BUYER"]),
    };
    const merchant = createShoppableClient({
      url: apiUrl,
      apiKey: api.keys.secret,
      userToken: tokens.merchant,
    });
    const shop = await merchant.shopCreate({
      handle: "studio-nord",
      name: "Studio Nord",
      currencyCode: "EUR",
      description: "Everyday basics, made to last.",
    });
    const shopId = shop.shop?.id;
    if (!shopId) throw new Error("shopCreate made no shop");
    const titles = [
      "Linen Shirt",
      "Canvas Tote",
      "Wool Beanie",
      "Leather Belt",
      "Cotton Tee",
      "Denim Jacket",
    ];
    for (const [n, title] of titles.entries())
      await merchant.productCreate({
        shopId,
        title,
        handle: title.toLowerCase().replace(/\s+/g, "-"),
        productType: "Apparel",
        status: "ACTIVE",
        media: [{ kind: "IMAGE", url: `/media/products/card-${n}.svg`, alt: title }],
        variants: [{ price: `${19 + n * 5}.00`, inventoryQuantity: 20 }],
      });
    const demo = await prepareDemo({
      apiUrl,
      credentials: { publishableKey: api.keys.publishable, secretKey: api.keys.secret, tokens },
      stateFile: join(dir, "demo.json"),
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
    const postId = demo.postIds[0] ?? "";
    const pages = argument("pages")?.split(",") ?? [
      "/",
      `/posts/${encodeURIComponent(postId)}`,
      "/products/linen-shirt",
      "/shops/studio-nord",
      "/live",
      `/live/${encodeURIComponent(demo.liveSessionId)}`,
      "/checkout",
      "/creator",
    ];
    // The clips the pages open with are rendered before the browser asks for them.
    const buyer = createShoppableClient({
      url: apiUrl,
      apiKey: api.keys.publishable,
      userToken: tokens.buyer,
    });
    const post = await buyer.post({ id: postId });
    const session = await buyer.liveSession({ id: demo.liveSessionId });
    for (const path of [post?.media.url, session?.playbackUrl])
      if (path) await (await fetch(`${origin}${path}`)).arrayBuffer();

    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    const label = (path: string) => path.replace(/\/(posts|live)\/[^/]+$/, "/$1/<id>");
    console.log(`\n${runs} loads per page and profile, a cold cache each.\n`);
    const bytes = new Map<string, Sample>();
    for (const profile of PROFILES) {
      console.log(`### ${profile.name}\n`);
      console.log("| page | FCP median | FCP p90 |");
      console.log("|---|---:|---:|");
      for (const path of pages) {
        const samples: Sample[] = [];
        for (let run = 0; run < runs; run++) samples.push(await measure(browser, profile, origin + path));
        const fcps = samples.map((sample) => sample.fcp);
        console.log(
          `| ${label(path)} | ${Math.round(percentile(fcps, 50))} ms | ${Math.round(percentile(fcps, 90))} ms |`,
        );
        if (!bytes.has(path) && samples[0]) bytes.set(path, samples[0]);
      }
      console.log(`\nload average: ${loads()}\n`);
    }

    console.log("### JS and CSS per page (first load)\n");
    console.log("| page | JS transferred | JS decoded | CSS transferred | CSS decoded |");
    console.log("|---|---:|---:|---:|---:|");
    for (const [path, sample] of bytes)
      console.log(
        `| ${label(path)} | ${kb(sample.js.transferred)} | ${kb(sample.js.decoded)} | ${kb(sample.css.transferred)} | ${kb(sample.css.decoded)} |`,
      );

    console.log("\n### Built assets\n");
    console.log("| file | raw | gzip | brotli |");
    console.log("|---|---:|---:|---:|");
    const assets = join(dir, "dist", "assets");
    for (const name of readdirSync(assets).filter((file) => /\.(js|css)$/.test(file))) {
      const content = readFileSync(join(assets, name));
      console.log(
        `| ${name} | ${kb(content.length)} | ${kb(gzipSync(content, { level: 9 }).length)} | ${kb(brotliCompressSync(content).length)} |`,
      );
    }
    console.log(`\nload average at the end: ${loads()}`);
  } finally {
    await browser?.close();
    await storefront.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
