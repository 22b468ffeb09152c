import { randomUUID } from "node:crypto";
import { USER_DATA } from "@shoppable/schema/privacy/data.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, gid } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

const LIKE = `mutation($input: PostLikeInput!) { postLike(input: $input) { userErrors { code } } }`;
const VIEW = `mutation($input: PostViewInput!) { postView(input: $input) { userErrors { code } } }`;
const SHARE = `mutation($input: PostShareInput!) { postShare(input: $input) { userErrors { code } } }`;
const FOLLOW = `mutation($input: UserFollowInput!) { userFollow(input: $input) { userErrors { code } } }`;
const JOIN = `mutation($input: LiveSessionJoinInput!) { liveSessionJoin(input: $input) { userErrors { code } } }`;
const EXPORT = `mutation($input: ViewerDataExportInput) { viewerDataExport(input: $input) { data userErrors { code field message } } }`;
const ERASE = `mutation($input: ViewerEraseInput!) { viewerErase(input: $input) { erasedAt userErrors { code field message } } }`;

const EMAIL = "erin.private@example.test";
const HANDLE = "erin-the-erasable";
// Her delivery address: personal, searched for after erasure like the email.
const ADDRESS = {
  firstName: "Erin",
  lastName: "Quillfeather",
  address1: "Privatweg 7",
  city: "Köln",
  provinceCode: "NW",
  zip: "50667",
  countryCode: "DE",
  phone: "+49 221 5550123",
};

let api: TestApi;
let commerce: Commerce;
let erin: string;
let erinId: string;
let friend: string;
let friendId: string;
let orderId: string;
let erinsPost: string;
let friendsPost: string;

async function run(query: string, input: Record<string, unknown>, user: string) {
  const res = ok(await api.gql(query, { input }, { user }));
  expect(Object.values(res)[0]).toMatchObject({ userErrors: [] });
}

beforeAll(async () => {
  api = await startTestApi();
  commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  const product = await commerce.product(shop.id, ["25.00"], 20, "Private tee", {
    requiresShipping: true,
    weightGrams: 150,
  });
  const zone = ok(
    await api.gql(
      `mutation($input: ShippingZoneCreateInput!) { shippingZoneCreate(input: $input) { userErrors { code } } }`,
      {
        input: {
          shopId: shop.id,
          name: "DE",
          countryCodes: ["DE"],
          rates: [{ handle: "std", title: "Standard", price: "4.00", minDays: 1, maxDays: 3 }],
        },
      },
      commerce.asMerchant,
    ),
  );
  expect(zone.shippingZoneCreate.userErrors).toEqual([]);
  await api.db.prisma.taxRate.create({ data: { countryCode: "DE", name: "USt", ratePpm: 190_000 } });
  await api.db.prisma.shop.update({ where: { id: shop.dbId }, data: { pricesIncludeTax: true } });
  erin = await api.token(HANDLE, ["BUYER", "CREATOR"]);
  friend = await api.token("friend-of-erin", ["BUYER", "CREATOR"]);
  ok(await api.gql(`{ viewer { roles } }`, {}, { user: erin }));
  ok(await api.gql(`{ viewer { roles } }`, {}, { user: friend }));
  erinId = (await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: HANDLE } })).id;
  friendId = (await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "friend-of-erin" } })).id;
  // The host platform's claims carried her email and name.
  await api.db.prisma.user.update({
    where: { id: erinId },
    data: { email: EMAIL, displayName: "Erin Private" },
  });

  const post = (authorId: string, caption: string) =>
    api.db.prisma.post.create({
      data: {
        authorId,
        mediaKind: "IMAGE",
        mediaUrl: "/media/p.jpg",
        width: 100,
        height: 100,
        caption,
        productTags: { create: [{ productId: product.dbId, x: 0.5, y: 0.5 }] },
      },
      select: { id: true },
    });
  erinsPost = gid("Post", (await post(erinId, "my outfit")).id);
  friendsPost = gid("Post", (await post(friendId, "friend's look")).id);

  for (const postId of [erinsPost, friendsPost]) {
    await run(LIKE, { postId }, erin);
    await run(VIEW, { postId }, erin);
    await run(SHARE, { postId, channel: "copy_link" }, erin);
  }
  await run(LIKE, { postId: erinsPost }, friend);
  await run(VIEW, { postId: friendsPost }, friend);
  await run(FOLLOW, { userId: gid("User", friendId) }, erin);
  await run(FOLLOW, { userId: gid("User", erinId) }, friend);
  await run(FOLLOW, { shopId: shop.id }, erin);
  const live = await commerce.liveSession(product.dbId, null);
  await run(JOIN, { liveSessionId: live.id }, erin);

  // Erin reached the product through a creator's link: her clicks are hers.
  await commerce.affiliateLink(shop.dbId, "ERINLINK");
  let clickId = "";
  for (let i = 0; i < 2; i++) {
    const response = await api.server.yoga.fetch("http://test/r/ERINLINK", {
      headers: {
        "x-forwarded-for": "203.0.113.9",
        "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0",
      },
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    clickId = new URL(response.headers.get("location")!).searchParams.get("click")!;
  }
  const cartId = await commerce.cart(
    [{ variantId: product.variants[0]!.id, quantity: 2, attribution: { affiliateClickId: clickId } }],
    { user: erin },
    { buyerIdentity: { email: EMAIL } },
  );
  await run(
    `mutation($input: CartDeliveryAddressUpdateInput!) { cartDeliveryAddressUpdate(input: $input) { userErrors { code } } }`,
    { cartId, address: ADDRESS },
    erin,
  );
  await run(
    `mutation($input: CartSelectedDeliveryOptionsUpdateInput!) { cartSelectedDeliveryOptionsUpdate(input: $input) { userErrors { code } } }`,
    { cartId, selections: [{ shopId: shop.id, handle: "std" }] },
    erin,
  );
  await run(
    `mutation($input: ViewerAddressCreateInput!) { viewerAddressCreate(input: $input) { userErrors { code } } }`,
    { address: ADDRESS, isDefault: true },
    erin,
  );
  const done = ok(
    await api.gql(
      CHECKOUT,
      { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
      { user: erin },
    ),
  ).checkoutComplete;
  expect(done.userErrors).toEqual([]);
  orderId = done.order.id;
  await commerce.cart([{ variantId: product.variants[0]!.id, quantity: 1 }], { user: erin });
});
afterAll(() => api?.close());

describe("viewerDataExport", () => {
  it("returns everything stored about the viewer, as the database holds it", async () => {
    const res = ok(await api.gql(EXPORT, {}, { user: erin })).viewerDataExport;
    expect(res.userErrors).toEqual([]);
    const data = res.data;
    const db = api.db.prisma;
    expect(data.user).toMatchObject({
      id: erinId,
      email: EMAIL,
      handle: expect.stringContaining("erin"),
      displayName: "Erin Private",
    });
    const ids = (rows: { id?: string; postId?: string }[]) => rows.map((r) => r.id ?? r.postId).sort();
    expect(ids(data.posts)).toEqual([dbId(erinsPost)]);
    expect(ids(data.likes)).toEqual(
      (await db.postLike.findMany({ where: { userId: erinId } })).map((l) => l.postId).sort(),
    );
    expect(data.likes).toHaveLength(2);
    expect(data.views).toHaveLength(await db.postView.count({ where: { viewerKey: `user:${erinId}` } }));
    expect(data.shares).toHaveLength(await db.postShare.count({ where: { userId: erinId } }));
    expect(data.following.map((f: { followeeId: string }) => f.followeeId)).toEqual([friendId]);
    expect(data.followers).toEqual({ count: 1 });
    expect(data.shopsFollowed).toHaveLength(1);
    expect(data.liveSessionsWatching).toHaveLength(1);
    expect(ids(data.carts)).toEqual(
      (await db.cart.findMany({ where: { userId: erinId } })).map((c) => c.id).sort(),
    );
    expect(data.orders).toHaveLength(1);
    expect(data.affiliateClicks).toHaveLength(2);
    expect(data.orders[0]).toMatchObject({
      id: dbId(orderId),
      email: EMAIL,
      shippingAddress: expect.objectContaining({ lastName: ADDRESS.lastName, address1: ADDRESS.address1 }),
      lines: [expect.objectContaining({ quantity: 2 })],
    });
    expect(data.addresses).toEqual([
      expect.objectContaining({ lastName: ADDRESS.lastName, zip: ADDRESS.zip, isDefault: true }),
    ]);
    // JSON of the database rows: what the export says is what is stored.
    const order = await db.order.findUniqueOrThrow({ where: { id: dbId(orderId) } });
    expect(data.orders[0].total).toBe(order.total);
  });

  it("returns only the sections asked for, and refuses unknown ones", async () => {
    const some = ok(
      await api.gql(EXPORT, { input: { sections: ["orders", "likes"] } }, { user: erin }),
    ).viewerDataExport;
    expect(Object.keys(some.data).sort()).toEqual(["exportedAt", "likes", "orders"]);
    const bad = ok(
      await api.gql(EXPORT, { input: { sections: ["likes", "passwords"] } }, { user: erin }),
    ).viewerDataExport;
    expect(bad).toEqual({
      data: null,
      userErrors: [{ code: "UNKNOWN_SECTION", field: ["sections", "1"], message: expect.any(String) }],
    });
  });

  it("needs a user token", async () => {
    expect((await api.gql(EXPORT)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("viewerErase", () => {
  it("refuses without confirm: true and changes nothing", async () => {
    const res = ok(await api.gql(ERASE, { input: { confirm: false } }, { user: erin })).viewerErase;
    expect(res).toEqual({
      erasedAt: null,
      userErrors: [{ code: "CONFIRMATION_REQUIRED", field: ["confirm"], message: expect.any(String) }],
    });
    expect((await api.db.prisma.user.findUniqueOrThrow({ where: { id: erinId } })).erasedAt).toBeNull();
  });

  it("leaves no trace of the email or handle in any text column, keeps orders and keeps every counter consistent", async () => {
    const ordersBefore = await api.db.prisma.order.count();
    const res = ok(await api.gql(ERASE, { input: { confirm: true } }, { user: erin })).viewerErase;
    expect(res.userErrors).toEqual([]);
    expect(res.erasedAt).toEqual(expect.any(String));

    // Every text-like column of every table, searched for the email and the handle.
    const columns = await api.db.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
         AND (data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'))`,
    );
    expect(columns.length).toBeGreaterThan(30);
    const hits: string[] = [];
    for (const { table_name, column_name } of columns) {
      for (const needle of [
        EMAIL,
        HANDLE,
        "Erin Private",
        ADDRESS.lastName,
        ADDRESS.address1,
        ADDRESS.phone,
      ]) {
        const [row] = await api.db.prisma.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE '%' || $1 || '%'`,
          needle,
        );
        if (row!.n > 0) hits.push(`${table_name}.${column_name} holds ${needle}`);
      }
    }
    expect(hits).toEqual([]);

    const db = api.db.prisma;
    // Orders stay for the merchant, without the buyer.
    expect(await db.order.count()).toBe(ordersBefore);
    const order = await db.order.findUniqueOrThrow({ where: { id: dbId(orderId) } });
    expect(order).toMatchObject({ buyerId: null, email: null, status: "PAID" });
    const merchantView = ok(
      await api.gql(
        `query($id: ID!) { order(id: $id) { id status total { amount } } }`,
        { id: orderId },
        commerce.asMerchant,
      ),
    ).order;
    expect(merchantView).toMatchObject({ id: orderId, status: "PAID", total: { amount: "54.00" } });
    // The address is cut to the tax jurisdiction its tax lines rest on; the merchant's view keeps the tax.
    expect(order.shippingAddress).toEqual({ countryCode: "DE", provinceCode: "NW" });
    const taxView = ok(
      await api.gql(
        `query($id: ID!) { order(id: $id) { shippingAddress { city } taxLines { percentage amount { amount } } } }`,
        { id: orderId },
        commerce.asMerchant,
      ),
    ).order;
    expect(taxView).toEqual({
      shippingAddress: null,
      taxLines: [{ percentage: "19", amount: { amount: "8.62" } }],
    });

    // Engagement, follows, presence, carts and her own post are gone.
    expect(await db.postLike.count({ where: { userId: erinId } })).toBe(0);
    expect(await db.postView.count({ where: { viewerKey: `user:${erinId}` } })).toBe(0);
    expect(await db.postShare.count({ where: { userId: erinId } })).toBe(0);
    expect(
      await db.userFollow.count({ where: { OR: [{ followerId: erinId }, { followeeId: erinId }] } }),
    ).toBe(0);
    expect(await db.shopFollow.count({ where: { followerId: erinId } })).toBe(0);
    expect(await db.liveSessionViewer.count({ where: { viewerKey: `user:${erinId}` } })).toBe(0);
    expect(await db.cart.count({ where: { userId: erinId } })).toBe(0);
    expect(await db.post.count({ where: { id: dbId(erinsPost) } })).toBe(0);
    expect(await db.affiliateClick.count()).toBe(0);
    expect(await db.affiliateVisit.count()).toBe(0);
    expect(await db.orderLine.count({ where: { affiliateClickId: { not: null } } })).toBe(0);
    for (const h of await db.affiliateClickHour.findMany())
      expect([h.clicks, h.countedClicks]).toEqual([0, 0]);

    // Counters equal what they count, and the hourly rows still add up to them.
    for (const p of await db.post.findMany({
      include: { _count: { select: { likes: true, views: true, shares: true } } },
    })) {
      expect([p.likeCount, p.viewCount, p.shareCount]).toEqual([
        p._count.likes,
        p._count.views,
        p._count.shares,
      ]);
      const sums = await db.postEngagementHour.aggregate({
        where: { postId: p.id },
        _sum: { likes: true, views: true, shares: true },
      });
      expect([sums._sum.likes ?? 0, sums._sum.views ?? 0, sums._sum.shares ?? 0]).toEqual([
        p.likeCount,
        p.viewCount,
        p.shareCount,
      ]);
    }
    expect((await db.post.findUniqueOrThrow({ where: { id: dbId(friendsPost) } })).likeCount).toBe(0);
    for (const u of await db.user.findMany({
      include: { _count: { select: { followers: true, following: true, shopsFollowed: true } } },
    })) {
      expect([u.followerCount, u.followingCount]).toEqual([
        u._count.followers,
        u._count.following + u._count.shopsFollowed,
      ]);
    }
    for (const s of await db.shop.findMany({ include: { _count: { select: { followers: true } } } }))
      expect(s.followerCount).toBe(s._count.followers);
    for (const s of await db.liveSession.findMany({ include: { _count: { select: { viewers: true } } } }))
      expect(s.viewerCount).toBe(s._count.viewers);
  });

  it("answers viewerDataExport afterwards with nothing personal", async () => {
    const user = await api.db.prisma.user.findUniqueOrThrow({ where: { id: erinId } });
    expect(user).toMatchObject({ email: null, displayName: null, roles: [], erasedAt: expect.any(Date) });
    expect(user.handle).toMatch(/^erased-/);
  });
});

describe("personal data inventory", () => {
  it("covers every column that refers to a user", async () => {
    const foreignKeys = await api.db.prisma.$queryRawUnsafe<{ ref: string }[]>(
      `SELECT tc.table_name || '.' || kcu.column_name AS ref
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
       WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND ccu.table_name = 'User'`,
    );
    // Columns that hold a user id without a foreign key: viewer and buyer keys, optional actors.
    const keyed = [
      "PostView.viewerKey",
      "LiveSessionViewer.viewerKey",
      "DiscountRedemption.buyerKey",
      "PostShare.userId",
      "AffiliateClick.visitorId",
    ];
    const found = [...foreignKeys.map((f) => f.ref), ...keyed].sort();
    expect(Object.keys(USER_DATA).sort()).toEqual(found);
  });
});
