/**
 * MEDIA_BASE_URL: stored relative media URLs (the demo world's `/media/…`) are answered absolute
 * against it, so the web components on another origin can load them; absolute ones as stored.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasFfmpeg } from "@shoppable/demo-media";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { Commerce } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";
import { freePort } from "./servers.ts";

let api: TestApi;
let productId = "";
let productDbId = "";

beforeAll(async () => {
  api = await startTestApi({ MEDIA_BASE_URL: "https://media.example.com/" });
  const commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  const product = await commerce.product(shop.id, ["10.00"], 5, "Lamp");
  productId = product.id;
  productDbId = product.dbId;
  const { prisma } = api.db;
  await prisma.productMedia.createMany({
    data: [
      { productId: productDbId, url: "/media/products/lamp/0.jpg", position: 0 },
      {
        productId: productDbId,
        kind: "VIDEO",
        url: "https://cdn.example.org/lamp.mp4",
        posterUrl: "/media/products/lamp/0-poster.jpg",
        position: 1,
      },
    ],
  });
  await prisma.shop.update({ where: { id: shop.dbId }, data: { logoUrl: "/media/shops/logo.png" } });
});
afterAll(() => api?.close());

it("answers relative media URLs absolute against MEDIA_BASE_URL, absolute ones as stored", async () => {
  const { node } = ok(
    await api.gql(
      `query ($id: ID!) { node(id: $id) { ... on Product { media { url posterUrl } shop { logoUrl } } } }`,
      { id: productId },
    ),
  );
  expect(node.media).toEqual([
    { url: "https://media.example.com/media/products/lamp/0.jpg", posterUrl: null },
    {
      url: "https://cdn.example.org/lamp.mp4",
      posterUrl: "https://media.example.com/media/products/lamp/0-poster.jpg",
    },
  ]);
  expect(node.shop.logoUrl).toBe("https://media.example.com/media/shops/logo.png");
});

describe("DEMO_MEDIA: the API serves the demo world's media itself (pnpm start without the storefront)", () => {
  let media: TestApi;
  let origin = "";
  let dataDir = "";
  let shirtId = "";

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "api-demo-media-"));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    media = await startTestApi({ DEMO_MEDIA: "tiny", DATA_DIR: dataDir, PUBLIC_URL: origin });
    await media.server.listen(port, "127.0.0.1");
    const commerce = await Commerce.start(media);
    const shop = await commerce.shop("EUR");
    const product = await commerce.product(shop.id, ["10.00"], 5, "Linen Shirt");
    await media.db.prisma.productMedia.create({
      data: { productId: product.dbId, url: `/media/products/${product.dbId}/0.jpg`, position: 0 },
    });
    shirtId = product.id;
  });
  afterAll(async () => {
    await media?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("defaults: on outside production with URLs against PUBLIC_URL; off in production; MEDIA_BASE_URL wins", () => {
    const development = loadConfig({ PUBLIC_URL: "http://api.local:4000" });
    expect([development.demoMedia, development.mediaBaseUrl]).toEqual(["demo", "http://api.local:4000"]);
    const production = loadConfig({ NODE_ENV: "production", SHOPPABLE_JWT_SECRET: "x".repeat(32) });
    expect([production.demoMedia, production.mediaBaseUrl]).toEqual([null, undefined]);
    const storefront = loadConfig({ MEDIA_BASE_URL: "http://localhost:3000" });
    expect([storefront.demoMedia, storefront.mediaBaseUrl]).toEqual(["demo", "http://localhost:3000"]);
    expect(loadConfig({ DEMO_MEDIA: "off" }).mediaBaseUrl).toBeUndefined();
  });

  it("answers a product's relative image URL absolute on the API, and serves it: a picture of the product", async () => {
    const { node } = ok(
      await media.gql(`query ($id: ID!) { node(id: $id) { ... on Product { media { url } } } }`, {
        id: shirtId,
      }),
    );
    const url: string = node.media[0].url;
    expect(url).toMatch(new RegExp(`^${origin}/media/products/[0-9a-f-]{36}/0\\.jpg$`));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    // A picture of the kind of product (a shirt, by its title) titled with the product's title.
    const picture = await response.text();
    expect(picture).toContain("<title>Linen Shirt</title>");
    expect(picture).toContain('data-drawing="tee"');
    expect((await fetch(`${origin}/media/nothing-here.txt`)).status).toBe(404);
  });

  it.skipIf(!hasFfmpeg())("renders a clip with ffmpeg on first request, into DATA_DIR/media", async () => {
    const response = await fetch(`${origin}/media/clips/ocean-2s.webm`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/webm");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect(readdirSync(join(dataDir, "media"))).toContain("2-tiny-ocean-2s.webm");
  });
});
