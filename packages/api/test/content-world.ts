/**
 * Fixtures for the content tests: users (creators, merchants, buyers) known to the API, two
 * shops with products in every status, and helpers to create posts and read counters.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import { expect } from "vitest";
import { ok, type TestApi } from "./harness.ts";

export interface Person {
  token: string;
  id: string;
  gid: string;
}

export interface ContentWorld {
  creator: Person;
  creator2: Person;
  merchant: Person;
  otherMerchant: Person;
  buyer: Person;
  fan: Person;
  shop: { id: string; gid: string };
  otherShop: { id: string; gid: string };
  /** ACTIVE, of `shop`, two variants. */
  tee: { id: string; gid: string; variants: string[] };
  /** DRAFT, of `shop`. */
  draft: { id: string; gid: string };
  /** ACTIVE and DRAFT products of `otherShop`; and an archived one of `shop`. */
  foreignActive: { id: string; gid: string; variants: string[] };
  foreignDraft: { id: string; gid: string };
  archived: { id: string; gid: string };
}

/** Makes the API know a user (created on first sight) and returns its token and ids. */
export async function person(api: TestApi, externalId: string, roles: string[]): Promise<Person> {
  const token = await api.token(externalId, roles);
  const res = ok(await api.gql(`{ viewer { user { id } } }`, {}, { user: token }));
  const gid = res.viewer.user.id as string;
  const row = await api.db.prisma.user.findUniqueOrThrow({ where: { externalId }, select: { id: true } });
  return { token, id: row.id, gid };
}

async function product(
  api: TestApi,
  shopId: string,
  handle: string,
  status: "ACTIVE" | "DRAFT" | "ARCHIVED",
  variants = 1,
) {
  const row = await api.db.prisma.product.create({
    data: {
      shopId,
      handle,
      title: handle.replace(/-/g, " "),
      status,
      currencyCode: "EUR",
      minPrice: 1000,
      maxPrice: 1000 + 100 * (variants - 1),
      totalInventory: 10 * variants,
      publishedAt: status === "ACTIVE" ? new Date() : null,
      variants: {
        create: Array.from({ length: variants }, (_, i) => ({
          title: `V${i + 1}`,
          position: i,
          price: 1000 + 100 * i,
          selectedOptions: [],
          inventoryQuantity: 10,
        })),
      },
    },
    select: { id: true, variants: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  return {
    id: row.id,
    gid: encodeGlobalID("Product", row.id),
    variants: row.variants.map((v) => encodeGlobalID("ProductVariant", v.id)),
  };
}

export async function contentWorld(api: TestApi): Promise<ContentWorld> {
  const [creator, creator2, merchant, otherMerchant, buyer, fan] = await Promise.all([
    person(api, "creator-1", ["CREATOR"]),
    person(api, "creator-2", ["CREATOR"]),
    person(api, "merchant-1", ["MERCHANT"]),
    person(api, "merchant-2", ["MERCHANT"]),
    person(api, "buyer-1", ["BUYER"]),
    person(api, "fan-1", ["BUYER"]),
  ]);
  const shopRow = await api.db.prisma.shop.create({
    data: {
      handle: "acme",
      name: "Acme",
      currencyCode: "EUR",
      members: { create: { userId: merchant.id, role: "OWNER" } },
    },
  });
  const otherRow = await api.db.prisma.shop.create({
    data: {
      handle: "globex",
      name: "Globex",
      currencyCode: "EUR",
      members: { create: { userId: otherMerchant.id, role: "OWNER" } },
    },
  });
  const shop = { id: shopRow.id, gid: encodeGlobalID("Shop", shopRow.id) };
  const otherShop = { id: otherRow.id, gid: encodeGlobalID("Shop", otherRow.id) };
  return {
    creator,
    creator2,
    merchant,
    otherMerchant,
    buyer,
    fan,
    shop,
    otherShop,
    tee: await product(api, shop.id, "linen-tee", "ACTIVE", 2),
    draft: await product(api, shop.id, "secret-draft", "DRAFT"),
    archived: await product(api, shop.id, "old-archived", "ARCHIVED"),
    foreignActive: await product(api, otherShop.id, "globex-mug", "ACTIVE", 2),
    foreignDraft: await product(api, otherShop.id, "globex-draft", "DRAFT"),
  };
}

export const POST_FIELDS = `id caption hashtags visibility createdAt
  author { id handle } shop { id }
  media { kind url width height durationMs posterUrl }
  viewCount likeCount shareCount purchaseCount viewerHasLiked
  productTags { id position x y startMs endMs product { id } variant { id } }`;

export const POST_CREATE = `mutation($input: PostCreateInput!) {
  postCreate(input: $input) { post { ${POST_FIELDS} } userErrors { code field message } }
}`;

export function video(overrides: Record<string, unknown> = {}) {
  return {
    kind: "VIDEO",
    url: "https://cdn.example.test/v/1.mp4",
    width: 1080,
    height: 1920,
    durationMs: 15_000,
    posterUrl: "/media/posters/1.jpg",
    ...overrides,
  };
}

export function image(overrides: Record<string, unknown> = {}) {
  return { kind: "IMAGE", url: "/media/posts/1.jpg", width: 1080, height: 1350, ...overrides };
}

/** Creates a post and returns its global id; fails the test on userErrors. */
export async function createPost(
  api: TestApi,
  token: string,
  input: Record<string, unknown>,
  key: "publishable" | "secret" = "publishable",
): Promise<string> {
  const res = ok(await api.gql(POST_CREATE, { input: { media: image(), ...input } }, { user: token, key }));
  expect(res.postCreate.userErrors).toEqual([]);
  return res.postCreate.post.id as string;
}

/** The database id inside a global id. */
export function rawId(globalId: string): string {
  return Buffer.from(globalId, "base64").toString("utf8").split(":").slice(1).join(":");
}

/** Rows in every content table, to prove that failed mutations wrote nothing. */
export async function contentCounts(api: TestApi) {
  const p = api.db.prisma;
  const [posts, tags, likes, views, shares, follows, shopFollows, hours, productHours] = await Promise.all([
    p.post.count(),
    p.productTag.count(),
    p.postLike.count(),
    p.postView.count(),
    p.postShare.count(),
    p.userFollow.count(),
    p.shopFollow.count(),
    p.postEngagementHour.count(),
    p.productEngagementHour.count(),
  ]);
  const sums = await p.post.aggregate({
    _sum: { viewCount: true, likeCount: true, shareCount: true, purchaseCount: true },
  });
  return { posts, tags, likes, views, shares, follows, shopFollows, hours, productHours, sums: sums._sum };
}
