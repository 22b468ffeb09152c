/**
 * The storefront's server against the real API: demo data made idempotently through the SDK,
 * generated media (SVG cards titled from the catalog, clips as long as their posts, byte ranges),
 * the app's pages falling back to index.html and /config.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createShoppableClient, type ShoppableClient } from "@shoppable/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../../packages/api/test/harness.ts";
import { DEMO_CLIP_MS, DEMO_STREAM_URL, prepareDemo, type DemoCredentials } from "./demo.ts";
import { startStorefront, type Storefront } from "./main.ts";
import { clipSeconds, hasFfmpeg, paletteFor, svgCard } from "@shoppable/demo-media";

let api: TestApi;
let url: string;
let dir: string;
let credentials: DemoCredentials;
let storefront: Storefront;
let merchant: ShoppableClient;
let shopId: string;
const videos = hasFfmpeg();
if (!videos && !process.env.CI)
  console.warn("ffmpeg is missing: the clip tests are skipped (apt-get install -y ffmpeg; CI installs it).");

beforeAll(async () => {
  api = await startTestApi();
  url = (await api.server.listen(0, "127.0.0.1")).url;
  dir = mkdtempSync(join(tmpdir(), "storefront-server-"));
  mkdirSync(join(dir, "dist/assets"), { recursive: true });
  writeFileSync(join(dir, "dist/index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(dir, "dist/assets/app-1234.js"), "console.log(1)");
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
  }, 60_000);
});

describe("storefront server", () => {
  it("serves the app for any page path, assets with long caching, 404 for missing assets, and /config.json", async () => {
    for (const path of ["/", "/products/p1?aff=x&click=y", "/creator", "/live/abc"]) {
      const res = await fetch(storefront.url + path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("<title>app</title>");
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
