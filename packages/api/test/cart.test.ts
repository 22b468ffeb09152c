import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CART_CREATE,
  CART_FIELDS,
  CART_QUERY,
  Commerce,
  dbId,
  firstVariant,
  gid,
  type Product,
} from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
let shop: Commerce;
let shopA: { id: string; dbId: string };
let shopB: { id: string; dbId: string };
let tee: Product;
let mug: Product;
let buyer: string;
let otherBuyer: string;

const ADD = `mutation($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { cart { ${CART_FIELDS} } userErrors { code field message quantityAvailable } } }`;
const UPDATE = `mutation($input: CartLinesUpdateInput!) { cartLinesUpdate(input: $input) { cart { ${CART_FIELDS} } userErrors { code field message quantityAvailable } } }`;
const REMOVE = `mutation($input: CartLinesRemoveInput!) { cartLinesRemove(input: $input) { cart { ${CART_FIELDS} } userErrors { code field message } } }`;
const CODES = `mutation($input: CartDiscountCodesUpdateInput!) { cartDiscountCodesUpdate(input: $input) { cart { ${CART_FIELDS} } userErrors { code field message } } }`;
const IDENTITY = `mutation($input: CartBuyerIdentityUpdateInput!) { cartBuyerIdentityUpdate(input: $input) { cart { ${CART_FIELDS} } userErrors { code field message } } }`;

beforeAll(async () => {
  api = await startTestApi();
  shop = await Commerce.start(api);
  shopA = await shop.shop("EUR");
  shopB = await shop.shop("EUR");
  tee = await shop.product(shopA.id, ["19.50", "21.00"], 5, "Tee");
  mug = await shop.product(shopB.id, ["8.00"], 100, "Mug");
  buyer = await api.token("buyer-cart", ["BUYER"]);
  otherBuyer = await api.token("buyer-cart-other", ["BUYER"]);
});
afterAll(() => api?.close());

async function lineCount(cartId: string) {
  return api.db.prisma.cartLine.count({ where: { cartId: dbId(cartId) } });
}

describe("cartCreate and reading a cart", () => {
  it("creates an anonymous cart that whoever holds its id can read, expiring in 30 days", async () => {
    const res = ok(
      await api.gql(CART_CREATE, {
        input: {
          lines: [{ variantId: tee.variants[0]!.id, quantity: 2 }],
          buyerIdentity: { email: "ann@example.test", countryCode: "de" },
        },
      }),
    );
    const cart = res.cartCreate.cart;
    expect(res.cartCreate.userErrors).toEqual([]);
    expect(cart).toMatchObject({
      status: "ACTIVE",
      currencyCode: "EUR",
      totalQuantity: 2,
      buyer: null,
      buyerIdentity: { email: "ann@example.test", countryCode: "DE" },
    });
    expect(cart.cost).toEqual({
      subtotal: { amount: "39.00", currencyCode: "EUR" },
      discount: { amount: "0.00" },
      total: { amount: "39.00" },
    });
    const days = (new Date(cart.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const row = await api.db.prisma.cart.findUniqueOrThrow({
      where: { id: dbId(cart.id) },
      include: { lines: true },
    });
    expect(row).toMatchObject({
      userId: null,
      email: "ann@example.test",
      countryCode: "DE",
      currencyCode: "EUR",
    });
    expect(row.lines).toMatchObject([
      { variantId: tee.variants[0]!.dbId, quantity: 2, attributionKey: "|||" },
    ]);
    // The id is a random UUID v4: the anonymous cart's secret.
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Anyone holding the id reads it: another storefront user, a signed-in user, node().
    expect(ok(await api.gql(CART_QUERY, { id: cart.id })).cart.id).toBe(cart.id);
    expect(ok(await api.gql(CART_QUERY, { id: cart.id }, { user: otherBuyer })).cart.id).toBe(cart.id);
    expect(ok(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: cart.id })).node).toEqual({
      id: cart.id,
    });
  });

  it("creates a cart owned by the user of the token, readable by that user only", async () => {
    const cartId = await shop.cart([{ variantId: mug.variants[0]!.id }], { user: buyer });
    const mine = ok(await api.gql(CART_QUERY, { id: cartId }, { user: buyer })).cart;
    expect(mine.buyer).not.toBeNull();
    expect(ok(await api.gql(CART_QUERY, { id: cartId })).cart).toBeNull();
    expect(ok(await api.gql(CART_QUERY, { id: cartId }, { user: otherBuyer })).cart).toBeNull();
    expect(
      ok(await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: cartId }, { user: otherBuyer }))
        .node,
    ).toBeNull();
    const viewer = ok(
      await api.gql(`{ viewer { carts(first: 10) { edges { node { id } } } } }`, {}, { user: buyer }),
    );
    expect(viewer.viewer.carts.edges.map((e: any) => e.node.id)).toContain(cartId);
    // Changing someone else's cart is FORBIDDEN, and changes nothing.
    const res = await api.gql(
      ADD,
      { input: { cartId, lines: [{ variantId: mug.variants[0]!.id }] } },
      { user: otherBuyer },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(
      await api.db.prisma.cartLine.findMany({ where: { cartId: dbId(cartId) }, select: { quantity: true } }),
    ).toEqual([{ quantity: 1 }]);
  });

  it("reads a cart of 30 lines with a discount code in a bounded number of statements", async () => {
    const products = [];
    for (let i = 0; i < 10; i++) products.push(await shop.product(shopB.id, ["1.00", "2.00", "3.00"], 50));
    await shop.discountCode(shopB.id, { code: "BULK", kind: "PERCENTAGE", value: "5", perBuyerLimit: 2 });
    const cartId = await shop.cart(
      products.flatMap((p) => p.variants.map((v) => ({ variantId: v.id }))),
      { user: buyer },
      { discountCodes: ["bulk"] },
    );
    const { result, statements } = await api.db.statementsDuring(() =>
      api.gql(CART_QUERY, { id: cartId }, { user: buyer }),
    );
    const cart = ok(result).cart;
    expect(cart.lines).toHaveLength(30);
    expect(cart.cost.subtotal.amount).toBe("60.00");
    expect(cart.cost.discount.amount).toBe("3.00");
    expect(cart.discountCodes).toEqual([
      { code: "BULK", applicable: true, reason: null, amount: { amount: "3.00" } },
    ]);
    expect(statements.length).toBeLessThanOrEqual(6);
  });
});

describe("cartCreate statements", () => {
  it("creates an empty cart without reading any variant", async () => {
    const { result, statements } = await api.db.statementsDuring(() =>
      api.gql(`mutation { cartCreate(input: {}) { cart { id totalQuantity } userErrors { code } } }`),
    );
    expect(ok(result).cartCreate).toMatchObject({ cart: { totalQuantity: 0 }, userErrors: [] });
    expect(statements.filter((s) => /"ProductVariant"/.test(s) && !/"Cart"/.test(s))).toEqual([]);
  });
});

describe("cartLinesAdd", () => {
  it("adds a line in a fixed number of statements: one read of the cart's lines checks both stock and size", async () => {
    const cartId = await shop.cart([{ variantId: firstVariant(mug).id, quantity: 1 }]);
    const { result, statements } = await api.db.statementsDuring(() =>
      api.gql(ADD, { input: { cartId, lines: [{ variantId: firstVariant(tee).id }] } }),
    );
    expect(ok(result).cartLinesAdd.userErrors).toEqual([]);
    // The cart, the variant, the cart's UPDATE, the line's INSERT, the cart's lines, and the
    // payload's cart, lines and variants. Transaction control is not counted (PostgreSQL's
    // adapter reports its COMMIT, PGlite's does not).
    const counted = statements.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(s));
    expect(counted.length, counted.join("\n\n")).toBeLessThanOrEqual(8);
  });

  it("merges the same variant with the same attribution and keeps other attributions apart", async () => {
    const { postId, tagId, tagDbId } = await shop.postWithTag(tee.dbId);
    const cartId = await shop.cart([{ variantId: tee.variants[0]!.id, quantity: 1 }]);
    const attribution = { postId, productTagId: tagId };
    const res = ok(
      await api.gql(ADD, {
        input: {
          cartId,
          lines: [
            { variantId: tee.variants[0]!.id, quantity: 1 },
            { variantId: tee.variants[0]!.id, quantity: 1, attribution },
            { variantId: tee.variants[0]!.id, quantity: 1, attribution: { productTagId: tagId } },
          ],
        },
      }),
    ).cartLinesAdd;
    expect(res.userErrors).toEqual([]);
    expect(res.cart.lines.map((l: any) => [l.quantity, l.attribution])).toEqual([
      [2, { postId: null, productTagId: null, affiliateCode: null, liveSessionId: null }],
      [2, { postId, productTagId: tagId, affiliateCode: null, liveSessionId: null }],
    ]);
    expect(await lineCount(cartId)).toBe(2);
    // Each add through the tag counts for the post's analytics (content domain hook).
    expect(
      (await api.db.prisma.productTag.findUniqueOrThrow({ where: { id: tagDbId } })).addToCartCount,
    ).toBe(2);
  });

  it("returns OUT_OF_STOCK with quantityAvailable, counting the cart's other lines of the variant, and writes nothing", async () => {
    const { postId } = await shop.postWithTag(tee.dbId);
    const cartId = await shop.cart([{ variantId: tee.variants[1]!.id, quantity: 3 }]);
    const before = await api.db.prisma.cartLine.findMany({ where: { cartId: dbId(cartId) } });
    const res = ok(
      await api.gql(ADD, {
        input: { cartId, lines: [{ variantId: tee.variants[1]!.id, quantity: 3, attribution: { postId } }] },
      }),
    ).cartLinesAdd;
    expect(res.cart).toBeNull();
    expect(res.userErrors).toEqual([
      {
        code: "OUT_OF_STOCK",
        field: ["lines", "0", "quantity"],
        message: expect.stringContaining("Only 5"),
        quantityAvailable: 5,
      },
    ]);
    expect(await api.db.prisma.cartLine.findMany({ where: { cartId: dbId(cartId) } })).toEqual(before);
  });

  it("validates attribution: tag on the post and of the product, visible post, live session, active affiliate code of the shop", async () => {
    const { postId, tagId } = await shop.postWithTag(tee.dbId);
    const other = await shop.postWithTag(mug.dbId);
    const hidden = await shop.postWithTag(tee.dbId, "PRIVATE");
    await shop.affiliateLink(shopA.dbId, "ANNA10");
    await shop.affiliateLink(shopA.dbId, "OLD10", true);
    await shop.affiliateLink(shopB.dbId, "MUGS");
    const cartId = await shop.cart([]);
    const v = tee.variants[0]!.id;
    const lines = [
      { variantId: v, attribution: { postId: other.postId, productTagId: tagId } },
      { variantId: v, attribution: { productTagId: other.tagId } },
      { variantId: v, attribution: { postId: hidden.postId } },
      {
        variantId: v,
        attribution: { liveSessionId: gid("LiveSession", "0190f4b6-0000-7000-8000-000000000000") },
      },
      { variantId: v, attribution: { affiliateCode: "OLD10" } },
      { variantId: v, attribution: { affiliateCode: "MUGS" } },
      { variantId: v, attribution: { affiliateCode: "NOPE" } },
      { variantId: gid("ProductVariant", "0190f4b6-0000-7000-8000-000000000000") },
    ];
    const res = ok(await api.gql(ADD, { input: { cartId, lines } })).cartLinesAdd;
    expect(res.userErrors.map((e: any) => [e.code, e.field.join(".")])).toEqual([
      ["ATTRIBUTION_MISMATCH", "lines.0.attribution.productTagId"],
      ["ATTRIBUTION_MISMATCH", "lines.1.attribution.productTagId"],
      ["NOT_FOUND", "lines.2.attribution.postId"],
      ["NOT_FOUND", "lines.3.attribution.liveSessionId"],
      ["AFFILIATE_LINK_INACTIVE", "lines.4.attribution.affiliateCode"],
      ["ATTRIBUTION_MISMATCH", "lines.5.attribution.affiliateCode"],
      ["NOT_FOUND", "lines.6.attribution.affiliateCode"],
      ["NOT_FOUND", "lines.7.variantId"],
    ]);
    expect(await lineCount(cartId)).toBe(0);

    const good = ok(
      await api.gql(ADD, {
        input: {
          cartId,
          lines: [{ variantId: v, attribution: { postId, productTagId: tagId, affiliateCode: "ANNA10" } }],
        },
      }),
    ).cartLinesAdd;
    expect(good.userErrors).toEqual([]);
    expect(good.cart.lines[0].attribution).toEqual({
      postId,
      productTagId: tagId,
      affiliateCode: "ANNA10",
      liveSessionId: null,
    });
  });

  it("refuses a product in another currency than the cart's and a product not for sale", async () => {
    const dollars = await shop.shop("USD");
    const cap = await shop.product(dollars.id, ["15.00"], 5);
    const draft = await shop.product(shopA.id, ["1.00"], 5);
    await api.db.prisma.product.update({ where: { id: draft.dbId }, data: { status: "DRAFT" } });
    const cartId = await shop.cart([{ variantId: mug.variants[0]!.id }]);
    const res = ok(
      await api.gql(ADD, {
        input: { cartId, lines: [{ variantId: cap.variants[0]!.id }, { variantId: draft.variants[0]!.id }] },
      }),
    ).cartLinesAdd;
    expect(res.userErrors.map((e: any) => e.code)).toEqual(["PRODUCT_UNAVAILABLE", "CURRENCY_MISMATCH"]);
    expect(await lineCount(cartId)).toBe(1);
  });

  it("answers malformed input with typed userErrors and writes nothing", async () => {
    const cartId = await shop.cart([]);
    const res = ok(
      await api.gql(ADD, {
        input: {
          cartId,
          lines: [
            { variantId: "nope", quantity: 0 },
            { variantId: tee.variants[0]!.id, quantity: 1001 },
          ],
        },
      }),
    ).cartLinesAdd;
    expect(res.userErrors.map((e: any) => [e.code, e.field.join(".")])).toEqual([
      ["INVALID_ID", "lines.0.variantId"],
      ["LESS_THAN_MINIMUM", "lines.0.quantity"],
      ["GREATER_THAN_MAXIMUM", "lines.1.quantity"],
    ]);
    const bad = ok(await api.gql(ADD, { input: { cartId: "bad", lines: [] } })).cartLinesAdd;
    expect(bad.userErrors.map((e: any) => e.code)).toEqual(["INVALID_ID", "TOO_SHORT"]);
    expect(await lineCount(cartId)).toBe(0);
  });

  it("prices a line bought through a live session at the live price while the session is live, and not after", async () => {
    const live = await shop.liveSession(mug.dbId, 600);
    const cartId = await shop.cart([
      { variantId: mug.variants[0]!.id, quantity: 2, attribution: { liveSessionId: live.id } },
    ]);
    const during = ok(await api.gql(CART_QUERY, { id: cartId })).cart;
    expect(during.lines[0]).toMatchObject({
      livePriceApplied: true,
      cost: {
        unitPrice: { amount: "6.00" },
        regularUnitPrice: { amount: "8.00" },
        subtotal: { amount: "12.00" },
      },
    });
    expect(during.lines[0].attribution.liveSessionId).toBe(live.id);
    await api.db.prisma.liveSession.update({
      where: { id: live.dbId },
      data: { status: "ENDED", endedAt: new Date() },
    });
    const after = ok(await api.gql(CART_QUERY, { id: cartId })).cart;
    expect(after.lines[0]).toMatchObject({
      livePriceApplied: false,
      cost: { unitPrice: { amount: "8.00" }, subtotal: { amount: "16.00" } },
    });
    expect(after.cost.total.amount).toBe("16.00");
  });
});

describe("cartLinesUpdate and cartLinesRemove", () => {
  it("sets quantities, removes lines at 0, and forgets the currency of an emptied cart", async () => {
    const cartId = await shop.cart([{ variantId: tee.variants[0]!.id }, { variantId: tee.variants[1]!.id }]);
    const lines = ok(await api.gql(CART_QUERY, { id: cartId })).cart.lines;
    const res = ok(
      await api.gql(UPDATE, {
        input: {
          cartId,
          lines: [
            { id: lines[0].id, quantity: 4 },
            { id: lines[1].id, quantity: 0 },
          ],
        },
      }),
    ).cartLinesUpdate;
    expect(res.userErrors).toEqual([]);
    expect(res.cart.lines.map((l: any) => l.quantity)).toEqual([4]);
    expect(res.cart.cost.total.amount).toBe("78.00");
    const over = ok(
      await api.gql(UPDATE, { input: { cartId, lines: [{ id: lines[0].id, quantity: 6 }] } }),
    ).cartLinesUpdate;
    expect(over.userErrors).toEqual([
      expect.objectContaining({
        code: "OUT_OF_STOCK",
        quantityAvailable: 5,
        field: ["lines", "0", "quantity"],
      }),
    ]);
    const removed = ok(await api.gql(REMOVE, { input: { cartId, lineIds: [lines[0].id] } })).cartLinesRemove;
    expect(removed.cart).toMatchObject({ lines: [], currencyCode: null, cost: null, totalQuantity: 0 });
    expect(await lineCount(cartId)).toBe(0);
  });

  it("returns NOT_FOUND for a line of another cart and changes nothing", async () => {
    const mine = await shop.cart([{ variantId: tee.variants[0]!.id }]);
    const theirs = await shop.cart([{ variantId: mug.variants[0]!.id }]);
    const theirLine = ok(await api.gql(CART_QUERY, { id: theirs })).cart.lines[0].id;
    const upd = ok(
      await api.gql(UPDATE, { input: { cartId: mine, lines: [{ id: theirLine, quantity: 3 }] } }),
    ).cartLinesUpdate;
    expect(upd.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_FOUND", field: ["lines", "0", "id"] }),
    ]);
    const rem = ok(await api.gql(REMOVE, { input: { cartId: mine, lineIds: [theirLine] } })).cartLinesRemove;
    expect(rem.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["lineIds", "0"] })]);
    expect(
      await api.db.prisma.cartLine.findMany({ where: { cartId: dbId(theirs) }, select: { quantity: true } }),
    ).toEqual([{ quantity: 1 }]);
  });
});

describe("cartDiscountCodesUpdate", () => {
  it("applies codes per shop, case-insensitively, and says why others do not apply", async () => {
    await shop.discountCode(shopA.id, { code: "TEN", kind: "PERCENTAGE", value: "10" });
    await shop.discountCode(shopB.id, {
      code: "FIVEOFF",
      kind: "FIXED_AMOUNT",
      value: "5.00",
      minSubtotal: "100.00",
    });
    await shop.discountCode(shopB.id, {
      code: "LATER",
      kind: "FIXED_AMOUNT",
      value: "1.00",
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const cartId = await shop.cart([
      { variantId: tee.variants[0]!.id, quantity: 2 },
      { variantId: mug.variants[0]!.id, quantity: 1 },
    ]);
    const res = ok(
      await api.gql(CODES, { input: { cartId, discountCodes: ["ten", "fiveoff", "later", "nope"] } }),
    ).cartDiscountCodesUpdate;
    expect(res.userErrors).toEqual([]);
    expect(res.cart.discountCodes).toEqual([
      { code: "TEN", applicable: true, reason: null, amount: { amount: "3.90" } },
      { code: "FIVEOFF", applicable: false, reason: "MINIMUM_SUBTOTAL_NOT_MET", amount: { amount: "0.00" } },
      { code: "LATER", applicable: false, reason: "NOT_STARTED", amount: { amount: "0.00" } },
      { code: "NOPE", applicable: false, reason: "UNKNOWN_CODE", amount: { amount: "0.00" } },
    ]);
    expect(res.cart.cost).toEqual({
      subtotal: { amount: "47.00", currencyCode: "EUR" },
      discount: { amount: "3.90" },
      total: { amount: "43.10" },
    });
    expect(res.cart.lines.map((l: any) => [l.cost.discount.amount, l.cost.total.amount])).toEqual([
      ["3.90", "35.10"],
      ["0.00", "8.00"],
    ]);
    expect(
      (await api.db.prisma.cart.findUniqueOrThrow({ where: { id: dbId(cartId) } })).discountCodes,
    ).toEqual(["TEN", "FIVEOFF", "LATER", "NOPE"]);
  });
});

describe("cartBuyerIdentityUpdate", () => {
  it("sets email and country and refuses malformed ones without writing", async () => {
    const cartId = await shop.cart([]);
    const res = ok(
      await api.gql(IDENTITY, {
        input: { cartId, buyerIdentity: { email: "not-an-email", countryCode: "XX" } },
      }),
    ).cartBuyerIdentityUpdate;
    expect(res.userErrors.map((e: any) => [e.code, e.field.join(".")])).toEqual([
      ["INVALID", "buyerIdentity.email"],
      ["INVALID", "buyerIdentity.countryCode"],
    ]);
    const good = ok(
      await api.gql(IDENTITY, {
        input: { cartId, buyerIdentity: { email: "bo@example.test", countryCode: "fr" } },
      }),
    ).cartBuyerIdentityUpdate;
    expect(good.cart.buyerIdentity).toEqual({ email: "bo@example.test", countryCode: "FR" });
    expect(good.cart.buyer).toBeNull();
  });

  it("merges an anonymous cart into the user's active cart at sign-in", async () => {
    const signIn = await api.token("buyer-merge", ["BUYER"]);
    const owned = await shop.cart(
      [{ variantId: tee.variants[0]!.id, quantity: 1 }],
      { user: signIn },
      { discountCodes: ["TEN"] },
    );
    const anonymous = await shop.cart(
      [
        { variantId: tee.variants[0]!.id, quantity: 2 },
        { variantId: mug.variants[0]!.id, quantity: 1 },
      ],
      {},
      { buyerIdentity: { email: "merge@example.test" } },
    );
    const res = ok(
      await api.gql(
        IDENTITY,
        { input: { cartId: anonymous, buyerIdentity: { countryCode: "IT" } } },
        { user: signIn },
      ),
    ).cartBuyerIdentityUpdate;
    expect(res.userErrors).toEqual([]);
    expect(res.cart.id).toBe(owned);
    expect(res.cart.lines.map((l: any) => [l.variant.id, l.quantity])).toEqual([
      [tee.variants[0]!.id, 3],
      [mug.variants[0]!.id, 1],
    ]);
    expect(res.cart.buyerIdentity).toEqual({ email: "merge@example.test", countryCode: "IT" });
    expect(res.cart.discountCodes.map((c: any) => c.code)).toEqual(["TEN"]);
    const merged = await api.db.prisma.cart.findUniqueOrThrow({
      where: { id: dbId(anonymous) },
      include: { lines: true },
    });
    expect(merged.status).toBe("MERGED");
    expect(merged.lines).toEqual([]);
    expect(ok(await api.gql(CART_QUERY, { id: anonymous })).cart).toBeNull();
    const again = ok(
      await api.gql(
        ADD,
        { input: { cartId: anonymous, lines: [{ variantId: mug.variants[0]!.id }] } },
        { user: signIn },
      ),
    ).cartLinesAdd;
    expect(again.userErrors.map((e: any) => e.code)).toEqual(["CART_MERGED"]);
  });

  describe("when the two carts together would pass 100 lines", () => {
    let wide: Product;
    let extra: Product;
    beforeAll(async () => {
      wide = await shop.product(
        shopB.id,
        Array.from({ length: 100 }, () => "1.00"),
        10,
        "Wide",
      );
      extra = await shop.product(shopB.id, ["2.00", "3.00"], 10, "Extra");
    });
    const line = (p: Product, i: number, quantity = 1) => ({ variantId: p.variants[i]!.id, quantity });
    const linesOf = async (cartId: string) =>
      (
        await api.db.prisma.cartLine.findMany({
          where: { cartId: dbId(cartId) },
          orderBy: { id: "asc" },
          select: { variantId: true, quantity: true },
        })
      ).map((l) => [l.variantId, l.quantity]);

    it("refuses a 101st line with TOO_MANY_LINES and writes nothing", async () => {
      const cartId = await shop.cart(Array.from({ length: 100 }, (_, i) => line(wide, i)));
      const res = ok(await api.gql(ADD, { input: { cartId, lines: [line(extra, 0)] } })).cartLinesAdd;
      expect(res.cart).toBeNull();
      expect(res.userErrors.map((e: any) => e.code)).toEqual(["TOO_MANY_LINES"]);
      expect(await lineCount(cartId)).toBe(100);
      // More of a variant it holds is no new line.
      const more = ok(await api.gql(ADD, { input: { cartId, lines: [line(wide, 0)] } })).cartLinesAdd;
      expect(more.userErrors).toEqual([]);
    });

    it("merges as before when they hold exactly 100 distinct lines together", async () => {
      const user = await api.token("buyer-merge-100", ["BUYER"]);
      const owned = await shop.cart(
        Array.from({ length: 98 }, (_, i) => line(wide, i)),
        { user },
      );
      // Two lines the user's cart has (they add up) and two it has not: 98 + 2 = 100.
      const anonymous = await shop.cart([line(wide, 96, 2), line(wide, 97), line(wide, 98), line(extra, 0)]);
      const res = ok(
        await api.gql(IDENTITY, { input: { cartId: anonymous, buyerIdentity: {} } }, { user }),
      ).cartBuyerIdentityUpdate;
      expect(res.userErrors).toEqual([]);
      expect(res.cart.id).toBe(owned);
      expect(res.cart.lines).toHaveLength(100);
      expect(await lineCount(owned)).toBe(100);
      expect(res.cart.lines.find((l: any) => l.variant.id === wide.variants[96]!.id).quantity).toBe(3);
      const merged = await api.db.prisma.cart.findUniqueOrThrow({
        where: { id: dbId(anonymous) },
        select: { status: true },
      });
      expect(merged.status).toBe("MERGED");
      expect(await lineCount(anonymous)).toBe(0);
    });

    it("gives the anonymous cart to the user instead, both carts kept as they were, neither over 100 lines", async () => {
      const user = await api.token("buyer-merge-101", ["BUYER"]);
      const owned = await shop.cart(
        Array.from({ length: 98 }, (_, i) => line(wide, i)),
        { user },
      );
      const ownedBefore = await linesOf(owned);
      // One line the user's cart has and three it has not: 98 + 3 = 101.
      const anonymous = await shop.cart(
        [line(wide, 97, 2), line(wide, 98), line(wide, 99), line(extra, 0)],
        {},
        { buyerIdentity: { email: "wide@example.test" } },
      );
      const anonymousBefore = await linesOf(anonymous);
      const res = ok(
        await api.gql(
          IDENTITY,
          { input: { cartId: anonymous, buyerIdentity: { countryCode: "NL" } } },
          { user },
        ),
      ).cartBuyerIdentityUpdate;
      expect(res.userErrors).toEqual([]);
      expect(res.cart.id).toBe(anonymous);
      expect(res.cart).toMatchObject({
        status: "ACTIVE",
        buyer: { id: expect.any(String) },
        buyerIdentity: { email: "wide@example.test", countryCode: "NL" },
      });
      expect(res.cart.lines).toHaveLength(4);
      // Nothing moved, nothing dropped: each cart holds what it held.
      expect(await linesOf(anonymous)).toEqual(anonymousBefore);
      expect(await linesOf(owned)).toEqual(ownedBefore);
      const rows = await api.db.prisma.cart.findMany({
        where: { id: { in: [dbId(owned), dbId(anonymous)] } },
        select: { id: true, status: true, userId: true },
      });
      expect(rows.map((r) => r.status)).toEqual(["ACTIVE", "ACTIVE"]);
      expect(new Set(rows.map((r) => r.userId)).size).toBe(1);
      // Both are the user's now: readable by them, no longer by whoever holds the anonymous id.
      expect(ok(await api.gql(CART_QUERY, { id: owned }, { user })).cart.lines).toHaveLength(98);
      expect(ok(await api.gql(CART_QUERY, { id: anonymous }, { user })).cart.lines).toHaveLength(4);
      expect(ok(await api.gql(CART_QUERY, { id: anonymous })).cart).toBeNull();
    });
  });

  it("gives the anonymous cart to a user who has no active cart", async () => {
    const newcomer = await api.token("buyer-newcomer", ["BUYER"]);
    const cartId = await shop.cart([{ variantId: mug.variants[0]!.id }]);
    const res = ok(
      await api.gql(IDENTITY, { input: { cartId, buyerIdentity: {} } }, { user: newcomer }),
    ).cartBuyerIdentityUpdate;
    expect(res.cart.id).toBe(cartId);
    expect(res.cart.buyer).not.toBeNull();
    expect(ok(await api.gql(CART_QUERY, { id: cartId })).cart).toBeNull();
  });
});

describe("Cart.orders", () => {
  it("lists the newest 100 orders of the cart, in a stable order", async () => {
    const cartId = await shop.cart([{ variantId: mug.variants[0]!.id }]);
    // Written directly: 101 checkouts would only slow the test.
    const start = Date.now() - 86_400_000;
    await api.db.prisma.order.createMany({
      data: Array.from({ length: 101 }, (_, i) => ({
        shopId: shopB.dbId,
        cartId: dbId(cartId),
        currencyCode: "EUR",
        subtotal: 0,
        total: 0,
        checkoutKey: `cart-orders-${i}`,
        createdAt: new Date(start + i * 60_000),
      })),
    });
    const all = await api.db.prisma.order.findMany({
      where: { cartId: dbId(cartId) },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    expect(all).toHaveLength(101);
    const listed = ok(
      await api.gql(`query($id: ID!) { cart(id: $id) { orders { id } } }`, { id: cartId }),
    ).cart.orders.map((o: any) => dbId(o.id));
    const newest = all.slice(1).map((o) => o.id);
    expect(listed).toHaveLength(100);
    expect([...listed].sort()).toEqual([...newest].sort());
    expect(listed).toEqual([...listed].sort());
  });
});

describe("cart expiry", () => {
  it("pushes expiresAt back on every change; an expired cart is unreadable and refuses changes", async () => {
    const cartId = await shop.cart([{ variantId: mug.variants[0]!.id }]);
    await api.db.prisma.cart.update({
      where: { id: dbId(cartId) },
      data: { expiresAt: new Date(Date.now() + 60_000) },
    });
    const touched = ok(
      await api.gql(ADD, { input: { cartId, lines: [{ variantId: mug.variants[0]!.id }] } }),
    ).cartLinesAdd;
    expect(new Date(touched.cart.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    await api.db.prisma.cart.update({
      where: { id: dbId(cartId) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(ok(await api.gql(CART_QUERY, { id: cartId })).cart).toBeNull();
    const res = ok(
      await api.gql(ADD, { input: { cartId, lines: [{ variantId: mug.variants[0]!.id }] } }),
    ).cartLinesAdd;
    expect(res.userErrors).toEqual([
      { code: "CART_EXPIRED", field: ["cartId"], message: expect.any(String), quantityAvailable: null },
    ]);
    expect(
      await api.db.prisma.cartLine.findMany({ where: { cartId: dbId(cartId) }, select: { quantity: true } }),
    ).toEqual([{ quantity: 2 }]);
  });
});

describe("discountCodeCreate", () => {
  const CREATE = `mutation($input: DiscountCodeCreateInput!) { discountCodeCreate(input: $input) { discountCode { code kind percentage amount { amount } usageLimit } userErrors { code field message } } }`;

  it("creates codes for the merchant's shop, upper case, and refuses taken codes and bad values", async () => {
    const res = ok(
      await api.gql(
        CREATE,
        { input: { shopId: shopA.id, code: "summer-25", kind: "PERCENTAGE", value: "12.5", usageLimit: 3 } },
        shop.asMerchant,
      ),
    );
    expect(res.discountCodeCreate).toEqual({
      discountCode: {
        code: "SUMMER-25",
        kind: "PERCENTAGE",
        percentage: "12.5",
        amount: null,
        usageLimit: 3,
      },
      userErrors: [],
    });
    const taken = ok(
      await api.gql(
        CREATE,
        { input: { shopId: shopA.id, code: "Summer-25", kind: "FIXED_AMOUNT", value: "2" } },
        shop.asMerchant,
      ),
    );
    expect(taken.discountCodeCreate.userErrors.map((e: any) => e.code)).toEqual(["TAKEN"]);
    const bad = ok(
      await api.gql(
        CREATE,
        { input: { shopId: shopA.id, code: "x y", kind: "PERCENTAGE", value: "120" } },
        shop.asMerchant,
      ),
    );
    expect(bad.discountCodeCreate.userErrors.map((e: any) => e.field.join("."))).toEqual(["code"]);
    const pct = ok(
      await api.gql(
        CREATE,
        { input: { shopId: shopA.id, code: "BIG", kind: "PERCENTAGE", value: "120" } },
        shop.asMerchant,
      ),
    );
    expect(pct.discountCodeCreate.userErrors.map((e: any) => [e.code, e.field.join(".")])).toEqual([
      ["INVALID", "value"],
    ]);
    expect(
      await api.db.prisma.discountCode.count({ where: { shopId: shopA.dbId, code: { in: ["BIG", "X Y"] } } }),
    ).toBe(0);
  });

  it("is FORBIDDEN to buyers and to merchants of other shops", async () => {
    const stranger = await api.token("merchant-stranger", ["MERCHANT"]);
    for (const as of [{ user: buyer }, { key: "secret", user: stranger }]) {
      const res = await api.gql(
        CREATE,
        { input: { shopId: shopA.id, code: "STEAL", kind: "PERCENTAGE", value: "50" } },
        as,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await api.db.prisma.discountCode.count({ where: { code: "STEAL" } })).toBe(0);
  });
});
