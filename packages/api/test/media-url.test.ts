/**
 * MEDIA_BASE_URL: stored relative media URLs (the demo world's `/media/…`) are answered absolute
 * against it, so the web components on another origin can load them; absolute ones as stored.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { Commerce } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

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
