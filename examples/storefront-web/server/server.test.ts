/**
 * The storefront's server against the real API: demo data made idempotently through the SDK,
 * generated media (SVG cards titled from the catalog, clips as long as their posts, byte ranges),
 * the app's pages falling back to index.html and /config.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createShoppableClient, type ShoppableClient } from "@shoppable/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../../packages/api/test/harness.ts";
import { DEMO_CLIP_MS, DEMO_STREAM_URL, prepareDemo, type DemoCredentials, type DemoInfo } from "./demo.ts";
import { startStorefront, type Storefront } from "./main.ts";
import { clipSeconds, hasFfmpeg, paletteFor, svgCard } from "@shoppable/demo-media";

let api: TestApi;
let url: string;
let dir: string;
let credentials: DemoCredentials;
let storefront: Storefront;
let merchant: ShoppableClient;
let shopId: string;
/** What prepareDemo made (its posts and live session). */
let demo: DemoInfo;
const INDEX =
  '<!doctype html><html><head><meta charset="UTF-8" /><title>app</title><meta name="description" content="default" /></head><body><div id="root"></div></body></html>';
/** A built script big enough to be worth compressing. */
const APP_JS = Array.from({ length: 400 }, (_, n) => `export const value${n} = "${n}".repeat(${n});`).join(
  "\n",
);

/** A GET with exactly these headers (fetch would add Accept-Encoding and decode the body). */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((done, fail) => {
    const request = httpGet(`${storefront.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", fail);
  });
}
const videos = hasFfmpeg();
if (!videos && !process.env.CI)
  console.warn("ffmpeg is missing: the clip tests are skipped (apt-get install -y ffmpeg; CI installs it).");

beforeAll(async () => {
  api = await startTestApi();
  url = (await api.server.listen(0, "127.0.0.1")).url;
  dir = mkdtempSync(join(tmpdir(), "storefront-server-"));
  mkdirSync(join(dir, "dist/assets"), { recursive: true });
  writeFileSync(join(dir, "dist/index.html"), INDEX);
  writeFileSync(join(dir, "dist/assets/app-1234.js"), APP_JS);
  writeFileSync(join(dir, "dist/assets/app-1234.js.map"), '{"version":3,"sources":["src/secret.ts"]}');
  const tokens = {
    merchant: await api.token("sf-merchant", ["BUYER", "MERCHANT"]),
    creator: await api.token("sf-creator", ["BUYER", "CREATOR"]),
    buyer: await api.token("sf-buyer", ["BUYER"]),
  };
  credentials = { publishableKey: api.keys.publishable, secretKey: api.keys.secret, tokens };
  merchant = createShoppableClient({ url, apiKey: api.keys.secret, userToken: tokens.merchant });
  const shop = await merchant.shopCreate({ handle: "sf-shop", name: "Storefront Shop", currencyCode: "EUR" });
  shopId = shop.shop!.id;
  for (const [n, title] of ["Linen Shirt", "Canvas Tote", "Wool Beanie", "Leather Belt"].entries()) {
    const created = await merchant.productCreate({
      shopId,
      title,
      handle: `p${n}`,
      productType: "Accessories",
      status: "ACTIVE",
      variants: [{ price: `${20 + n}.00`, inventoryQuantity: 5 }],
    });
    expect(created.userErrors).toEqual([]);
  }
  storefront = await startStorefront({
    port: 0,
    distDir: join(dir, "dist"),
    mediaDir: join(dir, "media"),
    mediaQuality: "tiny",
    config: () => ({
      apiUrl: url,
      publishableKey: api.keys.publishable,
      users: { buyer: { token: tokens.buyer, label: "Buyer" } },
    }),
  });
}, 120_000);

afterAll(async () => {
  await storefront?.close();
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("prepareDemo", () => {
  it("makes an open program, three tagged clips, a follow and a live session with a pinned product, then reuses them", async () => {
    const stateFile = join(dir, "demo.json");
    const first = await prepareDemo({ apiUrl: url, credentials, stateFile });
    expect(first.shopHandle).toBe("sf-shop");
    expect(first.postIds).toHaveLength(3);
    const creator = createShoppableClient({
      url,
      apiKey: api.keys.publishable,
      userToken: credentials.tokens.creator,
    });
    const post = await creator.post({ id: first.postIds[0]! });
    expect(post?.media).toMatchObject({ kind: "VIDEO", durationMs: DEMO_CLIP_MS });
    // The newest clip shows its tagged products in turn, at their tags' times.
    const uuids = (post?.productTags ?? []).map(
      (t) => Buffer.from(t.product.id, "base64").toString().split(":")[1],
    );
    expect(post?.media.url).toBe(`/media/reels/12s/${uuids.join(",")}.webm`);
    expect(post?.media.posterUrl).toBe(`/media/reels/12s/${uuids.join(",")}-poster.jpg`);
    expect(post?.productTags.map((t) => [t.startMs, t.endMs])).toEqual([
      [0, 4000],
      [4000, 8000],
      [8000, 12000],
    ]); // an open end runs to the end of the video
    const live = await merchant.liveSession({ id: first.liveSessionId });
    expect(live?.status).toBe("LIVE");
    expect(live?.playbackUrl).toBe(DEMO_STREAM_URL);
    expect(live?.pinnedProducts).toHaveLength(1);
    const link = await creator.affiliateLinkCreate({ productId: post!.productTags[0]!.product.id });
    expect(link.userErrors).toEqual([]);
    const buyer = createShoppableClient({
      url,
      apiKey: api.keys.publishable,
      userToken: credentials.tokens.buyer,
    });
    const following = await buyer.feed({ kind: "FOLLOWING", first: 10 });
    expect(following?.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(first.postIds));

    const again = await prepareDemo({ apiUrl: url, credentials, stateFile });
    expect(again).toEqual(first);

    // An ended session is replaced by a new live one.
    expect((await merchant.liveSessionEnd({ id: first.liveSessionId })).userErrors).toEqual([]);
    const third = await prepareDemo({ apiUrl: url, credentials, stateFile });
    expect(third.liveSessionId).not.toBe(first.liveSessionId);
    expect(third.postIds).toEqual(first.postIds);
    expect((await merchant.liveSession({ id: third.liveSessionId }))?.status).toBe("LIVE");
    demo = third;
  }, 60_000);
});

describe("storefront server", () => {
  it("serves the app for any page path, assets with long caching, 404 for missing assets, and /config.json", async () => {
    for (const path of ["/", "/products/no-such-product?aff=x&click=y", "/creator", "/live/abc"]) {
      const res = await fetch(storefront.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toBe(INDEX);
    }
    const asset = await fetch(`${storefront.url}/assets/app-1234.js`);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${storefront.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${storefront.url}/../../etc/passwd`)).status).not.toBe(500);
    const config = await (await fetch(`${storefront.url}/config.json`)).json();
    expect(config).toMatchObject({ apiUrl: url, publishableKey: api.keys.publishable });
  });

  it("draws product pictures of the kind of product the catalog names (its type, else its title)", async () => {
    const pictureOf = async (handle: string) => {
      const product = await merchant.product({ handle });
      const uuid = Buffer.from(product!.id, "base64").toString().split(":")[1]!;
      const res = await fetch(`${storefront.url}/media/products/${uuid}/1.jpg`);
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
      return res.text();
    };
    expect(await pictureOf("p0")).toContain('data-drawing="tee"');
    expect(await pictureOf("p1")).toContain('data-drawing="tote"');
    expect(await pictureOf("p3")).toContain('data-drawing="belt"');
    const poster = await (await fetch(`${storefront.url}/media/clips/ocean-poster.jpg`)).text();
    expect(poster).toContain("#0ea5e9");
  });

  it("cards escape titles", () => {
    expect(svgCard({ palette: "sunset", title: `<script>"x"&` })).not.toContain("<script>");
    expect(paletteFor("same")).toBe(paletteFor("same"));
    expect([clipSeconds(100), clipSeconds(12_000), clipSeconds(12_001), clipSeconds(500_000)]).toEqual([
      1, 12, 13, 90,
    ]);
  });

  (videos || process.env.CI ? it : it.skip)(
    "renders a post's clip of its tagged product as long as its video, once, and serves byte ranges",
    async () => {
      const creator = createShoppableClient({
        url,
        apiKey: api.keys.publishable,
        userToken: credentials.tokens.creator,
      });
      const product = await merchant.product({ handle: "p1" });
      const created = await creator.postCreate({
        caption: "clip",
        media: { kind: "VIDEO", url: "/media/posts/x.mp4", width: 360, height: 640, durationMs: 7_400 },
        productTags: [{ productId: product!.id, x: 0.5, y: 0.5 }],
      });
      const uuid = Buffer.from(created.post!.id, "base64").toString().split(":")[1]!;
      const path = `/media/posts/${uuid}.mp4`;
      const [a, b] = await Promise.all([fetch(storefront.url + path), fetch(storefront.url + path)]);
      expect(a.status).toBe(200);
      expect(a.headers.get("content-type")).toBe("video/webm");
      const bytes = Buffer.from(await a.arrayBuffer());
      expect(Buffer.from(await b.arrayBuffer()).equals(bytes)).toBe(true);
      const file = join(dir, "post.webm");
      writeFileSync(file, bytes);
      // Made from the tagged product's clip (the tote's), not a palette clip.
      expect(
        readdirSync(join(dir, "media")).filter((name) => /^(post|product)-\d+-tiny-/.test(name)),
      ).toHaveLength(2);
      const probe = spawnSync(
        "ffprobe",
        ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file],
        { encoding: "utf8" },
      );
      expect(Number(probe.stdout)).toBeCloseTo(8, 0);

      const range = await fetch(storefront.url + path, { headers: { range: "bytes=100-199" } });
      expect(range.status).toBe(206);
      expect(range.headers.get("content-range")).toBe(`bytes 100-199/${bytes.length}`);
      expect(Buffer.from(await range.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
      expect(
        (await fetch(storefront.url + path, { headers: { range: `bytes=${bytes.length}-` } })).status,
      ).toBe(416);
    },
    120_000,
  );
});

describe("pages' titles and Open Graph tags", () => {
  const tag = (html: string, attribute: "property" | "name", name: string) =>
    new RegExp(`<meta ${attribute}="${name}" content="([^"]*)" />`).exec(html)?.[1];

  it("a product page names the product and its shop, every value escaped", async () => {
    const created = await merchant.productCreate({
      shopId,
      title: `Tee <"&> Special`,
      handle: "tee-special",
      description: `Soft & "heavy" <b>cotton</b>`,
      status: "ACTIVE",
      media: [{ kind: "IMAGE", url: "/media/products/card-1.svg", alt: "Tee" }],
      variants: [{ price: "15.00", inventoryQuantity: 3 }],
    });
    expect(created.userErrors).toEqual([]);
    const res = await fetch(`${storefront.url}/products/tee-special?aff=x`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const title = "Tee &lt;&quot;&amp;&gt; Special · Storefront Shop";
    expect(html).toContain(`<title>${title} · Shoppable</title>`);
    expect(html).not.toContain("<title>app</title>");
    expect(html).not.toContain('content="default"');
    expect(html).not.toContain(`<"&>`);
    expect(html).not.toContain("<b>cotton");
    expect(tag(html, "property", "og:title")).toBe(title);
    expect(tag(html, "name", "description")).toBe("Soft &amp; &quot;heavy&quot; &lt;b&gt;cotton&lt;/b&gt;");
    expect(tag(html, "property", "og:description")).toBe(tag(html, "name", "description"));
    expect(tag(html, "property", "og:type")).toBe("product");
    expect(tag(html, "property", "og:url")).toBe(`${storefront.url}/products/tee-special`);
    expect(tag(html, "property", "og:image")).toBe(`${storefront.url}/media/products/card-1.svg`);
    expect(tag(html, "name", "twitter:card")).toBe("summary_large_image");
    expect(html).toContain(`<link rel="canonical" href="${storefront.url}/products/tee-special" />`);
    expect(html).toContain('<div id="root"></div>');
  });

  it("a shop page is a profile, a post and a live session are videos", async () => {
    const shop = await (await fetch(`${storefront.url}/shops/sf-shop`)).text();
    expect(tag(shop, "property", "og:type")).toBe("profile");
    expect(tag(shop, "property", "og:title")).toBe("Storefront Shop");
    const postId = demo.postIds[0] ?? "";
    const post = await (await fetch(`${storefront.url}/posts/${encodeURIComponent(postId)}`)).text();
    expect(tag(post, "property", "og:type")).toBe("video.other");
    expect(tag(post, "property", "og:title")).toMatch(
      /^Gift ideas under a minute #gifts #shoppable · @sf-creator$/,
    );
    expect(tag(post, "property", "og:image")).toMatch(
      new RegExp(`^${storefront.url}/media/reels/.+-poster\\.jpg$`),
    );
    const live = await (
      await fetch(`${storefront.url}/live/${encodeURIComponent(demo.liveSessionId)}`)
    ).text();
    expect(tag(live, "property", "og:type")).toBe("video.other");
    expect(tag(live, "property", "og:title")).toMatch(/ · Live · Storefront Shop$/);
  });

  it("an unknown handle or an unreachable API serves the plain page", async () => {
    for (const path of ["/products/nope", "/shops/nope", "/posts/nope", "/live/nope"]) {
      const res = await fetch(storefront.url + path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe(INDEX);
    }
    const offline = await startStorefront({
      port: 0,
      distDir: join(dir, "dist"),
      mediaDir: join(dir, "media-offline"),
      config: { apiUrl: "http://127.0.0.1:9/graphql", publishableKey: "shp_pk_x", users: {} },
    });
    try {
      const res = await fetch(`${offline.url}/products/p0`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
    } finally {
      await offline.close();
    }
  });
});

describe("compressed assets", () => {
  it("a script answers brotli or gzip as accepted, plain otherwise, its length the bytes sent", async () => {
    const br = await rawGet("/assets/app-1234.js", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(APP_JS.length / 3);
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const gzip = await rawGet("/assets/app-1234.js", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(Number(gzip.headers["content-length"])).toBe(gzip.body.length);
    expect(gunzipSync(gzip.body).toString()).toBe(APP_JS);

    const identity: Record<string, string>[] = [
      {},
      { "accept-encoding": "identity" },
      { "accept-encoding": "br;q=0, gzip;q=0" },
    ];
    for (const headers of identity) {
      const plain = await rawGet("/assets/app-1234.js", headers);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(Number(plain.headers["content-length"])).toBe(Buffer.byteLength(APP_JS));
      expect(plain.body.toString()).toBe(APP_JS);
    }
  });

  it("source maps are not served", async () => {
    expect((await rawGet("/assets/app-1234.js.map")).status).toBe(404);
    expect((await rawGet("/assets/app-1234.js")).status).toBe(200);
  });

  it("a page is revalidated by its ETag", async () => {
    const first = await rawGet("/creator", { "accept-encoding": "gzip" });
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(first.body).toString()).toBe(INDEX);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await rawGet("/creator", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await rawGet("/creator", { "if-none-match": 'W/"other"' })).status).toBe(200);
  });
});
