/**
 * A product's options and variants after creation: productVariantsCreate, productVariantsDelete,
 * productOptionsCreate, productOptionUpdate and productOptionsDelete, with what a deletion does
 * to carts (open ones told, emptied ones forgetting their currency), checkouts in progress,
 * orders (snapshots, refunds, reviews), product tags and live pins, the derived columns and the
 * response cache. The concurrency tests prove their guarantees on PostgreSQL (DATABASE_URL set).
 */
import { randomUUID } from "node:crypto";
import { releaseAbandonedCheckouts } from "@shoppable/schema/checkout/release.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CART_QUERY, CHECKOUT, Commerce, dbId, gid } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

const USER_ERRORS = `userErrors { code field message }`;
const PRODUCT_FIELDS = `id updatedAt totalInventory
  options { id name position values }
  variants { id title sku position selectedOptions { name value } quantityAvailable price { amount } }
  priceRange { min { amount } max { amount } }`;
const VARIANTS_CREATE = `mutation($input: ProductVariantsCreateInput!) { productVariantsCreate(input: $input) {
  product { ${PRODUCT_FIELDS} } variants { id title sku selectedOptions { name value } quantityAvailable } ${USER_ERRORS} } }`;
const VARIANTS_DELETE = `mutation($input: ProductVariantsDeleteInput!) { productVariantsDelete(input: $input) {
  product { ${PRODUCT_FIELDS} } deletedVariantIds ${USER_ERRORS} } }`;
const OPTIONS_CREATE = `mutation($input: ProductOptionsCreateInput!) { productOptionsCreate(input: $input) {
  product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`;
const OPTION_UPDATE = `mutation($input: ProductOptionUpdateInput!) { productOptionUpdate(input: $input) {
  product { ${PRODUCT_FIELDS} } ${USER_ERRORS} } }`;
const OPTIONS_DELETE = `mutation($input: ProductOptionsDeleteInput!) { productOptionsDelete(input: $input) {
  product { ${PRODUCT_FIELDS} } deletedOptionIds ${USER_ERRORS} } }`;

let api: TestApi;
let commerce: Commerce;
let shop: { id: string; dbId: string };
let buyer: string;
let otherMerchant: string;

beforeAll(async () => {
  api = await startTestApi();
  commerce = await Commerce.start(api);
  shop = await commerce.shop("EUR");
  buyer = await api.token("variants-buyer", ["BUYER"]);
  otherMerchant = await api.token("variants-other-merchant", ["MERCHANT"]);
  ok(
    await api.gql(
      `mutation($input: ShopCreateInput!) { shopCreate(input: $input) { ${USER_ERRORS} } }`,
      { input: { handle: "variants-other", name: "Other", currencyCode: "EUR" } },
      { key: "secret", user: otherMerchant },
    ),
  );
});
afterAll(() => api?.close());

interface Tee {
  id: string;
  dbId: string;
  /** Global ids of the variants S / Black, M / Black. */
  variants: string[];
  options: { id: string; name: string }[];
}

/** A tee with Size [S, M] and Color [Black]: variants S / Black (19.50, 5 in stock) and M / Black (21.00, 3). */
async function tee(title = "Tee"): Promise<Tee> {
  const res = ok(
    await api.gql(
      `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id options { id name } variants { id } } ${USER_ERRORS} } }`,
      {
        input: {
          shopId: shop.id,
          title,
          status: "ACTIVE",
          options: [
            { name: "Size", values: ["S", "M"] },
            { name: "Color", values: ["Black"] },
          ],
          variants: [
            {
              price: "19.50",
              sku: `${title}-S`,
              inventoryQuantity: 5,
              requiresShipping: false,
              selectedOptions: [
                { name: "Size", value: "S" },
                { name: "Color", value: "Black" },
              ],
            },
            {
              price: "21.00",
              sku: `${title}-M`,
              inventoryQuantity: 3,
              requiresShipping: false,
              selectedOptions: [
                { name: "Size", value: "M" },
                { name: "Color", value: "Black" },
              ],
            },
          ],
        },
      },
      commerce.asMerchant,
    ),
  );
  expect(res.productCreate.userErrors).toEqual([]);
  const p = res.productCreate.product;
  return {
    id: p.id,
    dbId: dbId(p.id),
    variants: p.variants.map((v: { id: string }) => v.id),
    options: p.options,
  };
}

/** Everything an edit of a product may write, all columns: to show that a refused one wrote nothing. */
async function rows(productDbId: string) {
  return api.db.prisma.product.findUniqueOrThrow({
    where: { id: productDbId },
    include: {
      options: { orderBy: { id: "asc" } },
      variants: {
        orderBy: { id: "asc" },
        include: { adjustments: { orderBy: { id: "asc" } }, cartLines: true },
      },
    },
  });
}

const call = (query: string, input: Record<string, unknown>, as: CallAs = commerce.asMerchant) =>
  api.gql(query, { input }, as);
const codes = (payload: { userErrors: { code: string; field: string[] }[] }) =>
  payload.userErrors.map((e) => [e.code, e.field?.join(".") ?? null]);
const titles = (product: { variants: { title: string }[] }) => product.variants.map((v) => v.title);

describe("productVariantsCreate", () => {
  it("adds variants: a new value joins its option, stock is logged, prices and stock totals follow", async () => {
    const t = await tee("Create");
    const res = ok(
      await call(VARIANTS_CREATE, {
        productId: t.id,
        variants: [
          {
            price: "25.00",
            sku: "CREATE-L",
            inventoryQuantity: 4,
            selectedOptions: [
              { name: "Size", value: "L" },
              { name: "Color", value: "Black" },
            ],
          },
          {
            price: "9.99",
            selectedOptions: [
              { name: "Size", value: "S" },
              { name: "Color", value: "White" },
            ],
          },
        ],
      }),
    ).productVariantsCreate;
    expect(res.userErrors).toEqual([]);
    expect(res.variants.map((v: { title: string; sku: string | null }) => [v.title, v.sku])).toEqual([
      ["L / Black", "CREATE-L"],
      ["S / White", null],
    ]);
    expect(res.product.options.map((o: { name: string; values: string[] }) => [o.name, o.values])).toEqual([
      ["Size", ["S", "M", "L"]],
      ["Color", ["Black", "White"]],
    ]);
    expect(titles(res.product)).toEqual(["S / Black", "M / Black", "L / Black", "S / White"]);
    expect(res.product.variants.map((v: { position: number }) => v.position)).toEqual([0, 1, 2, 3]);
    expect(res.product.priceRange).toEqual({ min: { amount: "9.99" }, max: { amount: "25.00" } });
    expect(res.product.totalInventory).toBe(12);
    const log = await api.db.prisma.inventoryAdjustment.findMany({
      where: { variantId: dbId(res.variants[0].id) },
      select: { delta: true, quantityAfter: true, reason: true },
    });
    expect(log).toEqual([{ delta: 4, quantityAfter: 4, reason: "initial stock" }]);
    // No stock, no adjustment (as productCreate).
    expect(
      await api.db.prisma.inventoryAdjustment.count({ where: { variantId: dbId(res.variants[1].id) } }),
    ).toBe(0);
  });

  it.each([
    [
      "a selection without one of the options",
      { variants: [{ price: "1", selectedOptions: [{ name: "Size", value: "L" }] }] },
      ["INVALID_VARIANT_OPTIONS", "variants.0.selectedOptions"],
    ],
    [
      "options out of order",
      {
        variants: [
          {
            price: "1",
            selectedOptions: [
              { name: "Color", value: "Black" },
              { name: "Size", value: "L" },
            ],
          },
        ],
      },
      ["INVALID_VARIANT_OPTIONS", "variants.0.selectedOptions"],
    ],
    [
      "an existing variant's selection",
      {
        variants: [
          {
            price: "1",
            selectedOptions: [
              { name: "Size", value: "M" },
              { name: "Color", value: "Black" },
            ],
          },
        ],
      },
      ["DUPLICATE_VARIANT", "variants.0.selectedOptions"],
    ],
    [
      "the same new selection twice",
      {
        variants: [0, 1].map(() => ({
          price: "1",
          selectedOptions: [
            { name: "Size", value: "XL" },
            { name: "Color", value: "Black" },
          ],
        })),
      },
      ["DUPLICATE_VARIANT", "variants.1.selectedOptions"],
    ],
    [
      "a blank new value",
      {
        variants: [
          {
            price: "1",
            selectedOptions: [
              { name: "Size", value: "  " },
              { name: "Color", value: "Black" },
            ],
          },
        ],
      },
      ["BLANK", "variants.0.selectedOptions.0.value"],
    ],
    [
      "a negative price",
      {
        variants: [
          {
            price: "-1.00",
            selectedOptions: [
              { name: "Size", value: "XL" },
              { name: "Color", value: "Black" },
            ],
          },
        ],
      },
      ["LESS_THAN_MINIMUM", "variants.0.price"],
    ],
    ["no variants", { variants: [] }, ["TOO_SHORT", "variants"]],
    [
      "more than the product may have",
      {
        variants: Array.from({ length: 99 }, (_, i) => ({
          price: "1",
          selectedOptions: [
            { name: "Size", value: `N${i}` },
            { name: "Color", value: "Black" },
          ],
        })),
      },
      ["TOO_LONG", "variants"],
    ],
  ] as [string, Record<string, unknown>, [string, string]][])(
    "refuses %s with a typed userError and writes nothing",
    async (_name, input, error) => {
      const t = await tee("Refused");
      const before = await rows(t.dbId);
      const res = ok(await call(VARIANTS_CREATE, { productId: t.id, ...input })).productVariantsCreate;
      expect(res.product).toBeNull();
      expect(res.variants).toBeNull();
      expect(codes(res)).toContainEqual(error);
      expect(await rows(t.dbId)).toEqual(before);
    },
  );

  it("refuses a product without options (it has exactly one variant) and an archived product", async () => {
    const single = await commerce.product(shop.id, ["5.00"], 1, "Single");
    const before = await rows(single.dbId);
    const variants = [{ price: "6.00" }];
    expect(
      codes(ok(await call(VARIANTS_CREATE, { productId: single.id, variants })).productVariantsCreate),
    ).toEqual([["INVALID_VARIANT_OPTIONS", "variants"]]);
    expect(await rows(single.dbId)).toEqual(before);

    const t = await tee("Archived");
    ok(
      await api.gql(
        `mutation { productArchive(input: { id: "${t.id}" }) { ${USER_ERRORS} } }`,
        {},
        commerce.asMerchant,
      ),
    );
    const sel = [
      { name: "Size", value: "L" },
      { name: "Color", value: "Black" },
    ];
    expect(
      codes(
        ok(await call(VARIANTS_CREATE, { productId: t.id, variants: [{ price: "1", selectedOptions: sel }] }))
          .productVariantsCreate,
      ),
    ).toEqual([["PRODUCT_ARCHIVED", "productId"]]);
  });

  it("is for the shop's merchants and the platform: others are FORBIDDEN, an unknown product NOT_FOUND", async () => {
    const t = await tee("Guarded");
    const before = await rows(t.dbId);
    const input = {
      productId: t.id,
      variants: [
        {
          price: "1",
          selectedOptions: [
            { name: "Size", value: "L" },
            { name: "Color", value: "Black" },
          ],
        },
      ],
    };
    for (const as of [
      { key: "secret", user: otherMerchant },
      { key: "secret", user: buyer },
      { user: buyer },
      {},
      { key: "publishable", user: commerce.merchant },
    ]) {
      const res = await call(VARIANTS_CREATE, input, as);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(as)).toBe("FORBIDDEN");
    }
    expect(await rows(t.dbId)).toEqual(before);
    const unknown = gid("Product", "0190a000-0000-7000-8000-000000000000");
    expect(
      codes(ok(await call(VARIANTS_CREATE, { ...input, productId: unknown })).productVariantsCreate),
    ).toEqual([["NOT_FOUND", "productId"]]);
    const platform = ok(await call(VARIANTS_CREATE, input, { key: "secret" })).productVariantsCreate;
    expect(platform.userErrors).toEqual([]);
  });
});

describe("productVariantsDelete", () => {
  it("deletes variants, recomputes the price range and stock, and refuses the last one and strangers", async () => {
    const t = await tee("Delete");
    const other = await tee("Delete other");
    const before = await rows(t.dbId);
    const stranger = ok(
      await call(VARIANTS_DELETE, { productId: t.id, variantIds: [t.variants[0], other.variants[0]] }),
    ).productVariantsDelete;
    expect(codes(stranger)).toEqual([["NOT_FOUND", "variantIds.1"]]);
    expect(stranger.deletedVariantIds).toBeNull();
    const last = ok(
      await call(VARIANTS_DELETE, { productId: t.id, variantIds: t.variants }),
    ).productVariantsDelete;
    expect(codes(last)).toEqual([["LAST_VARIANT", "variantIds"]]);
    expect(await rows(t.dbId)).toEqual(before);

    const res = ok(
      await call(VARIANTS_DELETE, { productId: t.id, variantIds: [t.variants[1]] }),
    ).productVariantsDelete;
    expect(res.userErrors).toEqual([]);
    expect(res.deletedVariantIds).toEqual([t.variants[1]]);
    expect(titles(res.product)).toEqual(["S / Black"]);
    expect(res.product.priceRange).toEqual({ min: { amount: "19.50" }, max: { amount: "19.50" } });
    expect(res.product.totalInventory).toBe(5);
    const row = await api.db.prisma.product.findUniqueOrThrow({ where: { id: t.dbId } });
    expect([row.minPrice, row.maxPrice, row.totalInventory]).toEqual([1950, 1950, 5]);
    expect(row.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    // The value M stays on its option (no variant selects it); productOptionUpdate may remove it.
    expect(res.product.options[0].values).toEqual(["S", "M"]);
    const FORBIDDEN = await call(
      VARIANTS_DELETE,
      { productId: other.id, variantIds: [other.variants[0]] },
      {
        key: "secret",
        user: otherMerchant,
      },
    );
    expect(FORBIDDEN.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("removes the variant's lines from open carts, tells each cart, and an emptied cart forgets its currency", async () => {
    const t = await tee("Carts");
    const [doomed, kept] = t.variants as [string, string];
    const both = await commerce.cart(
      [
        { variantId: doomed, quantity: 2 },
        { variantId: kept, quantity: 1 },
      ],
      { user: buyer },
    );
    const only = await commerce.cart([{ variantId: doomed, quantity: 1 }]);
    const untouched = await commerce.cart([{ variantId: kept, quantity: 1 }]);
    const events: string[] = [];
    const stops = [both, only, untouched].map((cartId) =>
      api.server.events.listen("cartUpdated", dbId(cartId), () => events.push(cartId)),
    );
    const res = ok(
      await call(VARIANTS_DELETE, { productId: t.id, variantIds: [doomed] }),
    ).productVariantsDelete;
    for (const stop of stops) stop();
    expect(res.userErrors).toEqual([]);
    expect(events.sort()).toEqual([both, only].sort());

    const bothNow = ok(await api.gql(CART_QUERY, { id: both }, { user: buyer })).cart;
    expect(bothNow.lines.map((l: { variant: { id: string } }) => l.variant.id)).toEqual([kept]);
    expect(bothNow.cost.subtotal).toEqual({ amount: "21.00", currencyCode: "EUR" });
    expect(bothNow.totalQuantity).toBe(1);
    const onlyNow = ok(await api.gql(CART_QUERY, { id: only })).cart;
    expect(onlyNow).toMatchObject({ lines: [], totalQuantity: 0, currencyCode: null, status: "ACTIVE" });
    // Emptied, it takes any shop's products again: one in USD.
    const usd = await commerce.product((await commerce.shop("USD")).id, ["3.00"], 5, "Dollar tee");
    const added = ok(
      await api.gql(
        `mutation($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { cart { currencyCode } ${USER_ERRORS} } }`,
        { input: { cartId: only, lines: [{ variantId: usd.variants[0]?.id, quantity: 1 }] } },
      ),
    ).cartLinesAdd;
    expect(added).toEqual({ cart: { currencyCode: "USD" }, userErrors: [] });
    // Adding the deleted variant now: NOT_FOUND, as for any unknown variant.
    const gone = ok(
      await api.gql(
        `mutation($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { ${USER_ERRORS} } }`,
        { input: { cartId: both, lines: [{ variantId: doomed, quantity: 1 }] } },
        { user: buyer },
      ),
    ).cartLinesAdd;
    expect(codes(gone)).toEqual([["NOT_FOUND", "lines.0.variantId"]]);
  });

  it("keeps order lines as sold: snapshot, refunds with restock, reviews and the order's webhook payload", async () => {
    const t = await tee("Orders");
    const [doomed] = t.variants as [string, string];
    const cartId = await commerce.cart(
      [{ variantId: doomed, quantity: 2 }],
      { user: buyer },
      {
        buyerIdentity: { email: "orders@example.test" },
      },
    );
    const paid = ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        { user: buyer },
      ),
    ).checkoutComplete;
    expect(paid.userErrors).toEqual([]);
    const orderId = paid.order.id;
    expect(
      ok(await call(VARIANTS_DELETE, { productId: t.id, variantIds: [doomed] })).productVariantsDelete
        .userErrors,
    ).toEqual([]);
    const ORDER = `query($id: ID!) { order(id: $id) { status lines { id productTitle variantTitle sku quantity refundedQuantity unitPrice { amount } total { amount } productId variant { id } } } }`;
    const order = ok(await api.gql(ORDER, { id: orderId }, { user: buyer })).order;
    expect(order.lines).toEqual([
      expect.objectContaining({
        productTitle: "Orders",
        variantTitle: "S / Black",
        sku: "Orders-S",
        quantity: 2,
        unitPrice: { amount: "19.50" },
        total: { amount: "39.00" },
        productId: t.id,
        variant: null,
      }),
    ]);
    const line = order.lines[0].id;
    // A refund that restocks: the deleted variant's stock is skipped, the money comes back.
    const refunded = ok(
      await api.gql(
        `mutation($input: OrderRefundInput!) { orderRefund(input: $input) { order { status lines { refundedQuantity } } ${USER_ERRORS} } }`,
        { input: { id: orderId, lines: [{ lineId: line, quantity: 1 }], restock: true } },
        commerce.asMerchant,
      ),
    ).orderRefund;
    expect(refunded.userErrors).toEqual([]);
    expect(refunded.order.lines[0].refundedQuantity).toBe(1);
    // A review of the line names the variant as bought.
    const review = ok(
      await api.gql(
        `mutation($input: ProductReviewCreateInput!) { productReviewCreate(input: $input) { productReview { rating variantTitle } ${USER_ERRORS} } }`,
        { input: { productId: t.id, orderLineId: line, rating: 5 } },
        { user: buyer },
      ),
    ).productReviewCreate;
    expect(review).toEqual({ productReview: { rating: 5, variantTitle: "S / Black" }, userErrors: [] });
    const row = await api.db.prisma.orderLine.findUniqueOrThrow({ where: { id: dbId(line) } });
    expect(row.variantId).toBeNull();
    expect(row.productId).toBe(t.dbId);
  });

  it("leaves product tags and live pins on the product; a pin on air loses the deleted variant's live price", async () => {
    const t = await tee("Tags and pins");
    const [doomed, kept] = t.variants as [string, string];
    const post = await commerce.postWithTag(t.dbId);
    await api.db.prisma.productTag.update({ where: { id: post.tagDbId }, data: { variantId: dbId(doomed) } });
    const live = await commerce.liveSession(t.dbId, 1500, { variantDbId: dbId(doomed), quantityCap: 5 });
    const events: string[] = [];
    const stop = api.server.events.listen("liveSessionEvents", live.dbId, (d) => {
      if (d.kind === "event")
        events.push(`${d.payload.kind}:${d.payload.pin?.variantId}:${d.payload.pin?.livePrice}`);
    });
    ok(await call(VARIANTS_DELETE, { productId: t.id, variantIds: [doomed] }));
    stop();
    expect(events).toEqual(["PRICE_CHANGED:null:null"]);

    const tag = ok(
      await api.gql(`query($id: ID!) { post(id: $id) { productTags { product { id } variant { id } } } }`, {
        id: post.postId,
      }),
    ).post.productTags;
    expect(tag).toEqual([{ product: { id: t.id }, variant: null }]);
    const pins = ok(
      await api.gql(
        `query($id: ID!) { liveSession(id: $id) { pinnedProducts { product { id } variant { id } livePrice { amount } } } }`,
        { id: live.id },
      ),
    ).liveSession.pinnedProducts;
    expect(pins).toEqual([{ product: { id: t.id }, variant: null, livePrice: null }]);
    // The kept variant, bought through the session, pays its regular price, not the 15.00 set for
    // the deleted one (the pin, now of the whole product, would have given it to every variant).
    const cartId = await commerce.cart([
      { variantId: kept, quantity: 1, attribution: { liveSessionId: live.id } },
    ]);
    const cart = ok(await api.gql(CART_QUERY, { id: cartId })).cart;
    expect(cart.lines[0].cost.unitPrice).toEqual({ amount: "21.00", currencyCode: "EUR" });
  });

  it("a checkout holding the variant's stock finishes or is released, nothing stuck", async () => {
    const t = await tee("Checkout");
    const [doomed, kept] = t.variants as [string, string];
    // A payment whose answer was lost: the reservation (orders, stock) stays until it is settled.
    const pending = await commerce.cart(
      [{ variantId: doomed, quantity: 1 }],
      {},
      {
        buyerIdentity: { email: "pending@example.test" },
      },
    );
    const key = randomUUID();
    const first = ok(
      await api.gql(CHECKOUT, {
        input: { cartId: pending, idempotencyKey: key, payment: { token: "tok_timeout" } },
      }),
    ).checkoutComplete;
    expect(codes(first)).toEqual([["PAYMENT_PENDING", "payment"]]);
    const abandoned = await commerce.cart(
      [{ variantId: doomed, quantity: 2 }],
      {},
      {
        buyerIdentity: { email: "abandoned@example.test" },
      },
    );
    const second = ok(
      await api.gql(CHECKOUT, {
        input: { cartId: abandoned, idempotencyKey: randomUUID(), payment: { token: "tok_timeout" } },
      }),
    ).checkoutComplete;
    expect(codes(second)).toEqual([["PAYMENT_PENDING", "payment"]]);
    expect(await commerce.stock(dbId(doomed))).toBe(2);

    expect(
      ok(await call(VARIANTS_DELETE, { productId: t.id, variantIds: [doomed] })).productVariantsDelete
        .userErrors,
    ).toEqual([]);
    // The retry settles the first: paid, the line as sold.
    const settled = ok(
      await api.gql(CHECKOUT, {
        input: { cartId: pending, idempotencyKey: key, payment: { token: "tok_timeout" } },
      }),
    ).checkoutComplete;
    expect(settled.userErrors).toEqual([]);
    expect(settled.order.status).toBe("PAID");
    // The second is released by the job: its order cancelled, its cart open and empty again.
    const report = await releaseAbandonedCheckouts(
      { db: api.db.prisma, events: api.server.events, jobs: undefined },
      { releaseAfterMs: 0, now: new Date(Date.now() + 60_000) },
    );
    expect(report.released).toBe(1);
    const cart = ok(await api.gql(CART_QUERY, { id: abandoned })).cart;
    expect(cart).toMatchObject({ status: "ACTIVE", lines: [], currencyCode: null });
    expect(await commerce.stock(dbId(kept))).toBe(3);
    const product = await api.db.prisma.product.findUniqueOrThrow({ where: { id: t.dbId } });
    expect(product.totalInventory).toBe(3);
  });
});

describe("productOptionsCreate", () => {
  it("adds options: every variant selects each new option's first value", async () => {
    const t = await tee("Options");
    const res = ok(
      await call(OPTIONS_CREATE, {
        productId: t.id,
        options: [{ name: "Material", values: ["Cotton", "Linen"] }],
      }),
    ).productOptionsCreate;
    expect(res.userErrors).toEqual([]);
    expect(res.product.options.map((o: { name: string; position: number }) => [o.name, o.position])).toEqual([
      ["Size", 0],
      ["Color", 1],
      ["Material", 2],
    ]);
    expect(titles(res.product)).toEqual(["S / Black / Cotton", "M / Black / Cotton"]);
    expect(res.product.variants[0].selectedOptions).toEqual([
      { name: "Size", value: "S" },
      { name: "Color", value: "Black" },
      { name: "Material", value: "Cotton" },
    ]);
    // A variant of a new value can be created next.
    const linen = ok(
      await call(VARIANTS_CREATE, {
        productId: t.id,
        variants: [
          {
            price: "30",
            selectedOptions: [
              { name: "Size", value: "S" },
              { name: "Color", value: "Black" },
              { name: "Material", value: "Linen" },
            ],
          },
        ],
      }),
    ).productVariantsCreate;
    expect(linen.variants.map((v: { title: string }) => v.title)).toEqual(["S / Black / Linen"]);
  });

  it("gives a product without options its first option ('Default' becomes the value)", async () => {
    const single = await commerce.product(shop.id, ["5.00"], 1, "Plain");
    const res = ok(
      await call(OPTIONS_CREATE, {
        productId: single.id,
        options: [{ name: "Color", values: ["Red", "Blue"] }],
      }),
    ).productOptionsCreate;
    expect(titles(res.product)).toEqual(["Red"]);
  });

  it.each([
    [
      "a name the product has",
      [{ name: "Size", values: ["XL"] }],
      ["DUPLICATE_OPTION_VALUE", "options.0.name"],
    ],
    [
      "two new options of one name",
      [
        { name: "Fit", values: ["Slim"] },
        { name: "Fit", values: ["Loose"] },
      ],
      ["DUPLICATE_OPTION_VALUE", "options.1.name"],
    ],
    [
      "a value listed twice",
      [{ name: "Fit", values: ["Slim", "Slim"] }],
      ["DUPLICATE_OPTION_VALUE", "options.0.values"],
    ],
    [
      "a fourth option",
      [
        { name: "Fit", values: ["Slim"] },
        { name: "Cut", values: ["Crew"] },
      ],
      ["TOO_LONG", "options"],
    ],
    ["an option without values", [{ name: "Fit", values: [] }], ["TOO_SHORT", "options.0.values"]],
    ["a blank name", [{ name: " ", values: ["Slim"] }], ["BLANK", "options.0.name"]],
  ] as [string, unknown[], [string, string]][])(
    "refuses %s and writes nothing",
    async (_name, options, error) => {
      const t = await tee("Options refused");
      const before = await rows(t.dbId);
      const res = ok(await call(OPTIONS_CREATE, { productId: t.id, options })).productOptionsCreate;
      expect(res.product).toBeNull();
      expect(codes(res)).toContainEqual(error);
      expect(await rows(t.dbId)).toEqual(before);
    },
  );
});

describe("productOptionUpdate", () => {
  it("renames an option and its values in every variant, reorders and adds values, and moves the option", async () => {
    const t = await tee("Update");
    const size = t.options[0]?.id;
    const res = ok(
      await call(OPTION_UPDATE, {
        productId: t.id,
        optionId: size,
        name: "Taille",
        values: [
          { name: "Medium", currentName: "M" },
          { name: "Small", currentName: "S" },
          { name: "Large" },
        ],
      }),
    ).productOptionUpdate;
    expect(res.userErrors).toEqual([]);
    expect(res.product.options.map((o: { name: string; values: string[] }) => [o.name, o.values])).toEqual([
      ["Taille", ["Medium", "Small", "Large"]],
      ["Color", ["Black"]],
    ]);
    expect(titles(res.product)).toEqual(["Small / Black", "Medium / Black"]);
    expect(res.product.variants[0].selectedOptions).toEqual([
      { name: "Taille", value: "Small" },
      { name: "Color", value: "Black" },
    ]);
    const moved = ok(
      await call(OPTION_UPDATE, { productId: t.id, optionId: size, position: 1 }),
    ).productOptionUpdate;
    expect(
      moved.product.options.map((o: { name: string; position: number }) => [o.name, o.position]),
    ).toEqual([
      ["Color", 0],
      ["Taille", 1],
    ]);
    expect(titles(moved.product)).toEqual(["Black / Small", "Black / Medium"]);
    expect(moved.product.variants[1].selectedOptions).toEqual([
      { name: "Color", value: "Black" },
      { name: "Taille", value: "Medium" },
    ]);
    // A value no variant selects may go; a swap of two names is one rename each.
    const swapped = ok(
      await call(OPTION_UPDATE, {
        productId: t.id,
        optionId: size,
        values: [
          { name: "Medium", currentName: "Small" },
          { name: "Small", currentName: "Medium" },
        ],
      }),
    ).productOptionUpdate;
    expect(swapped.userErrors).toEqual([]);
    expect(swapped.product.options[1].values).toEqual(["Medium", "Small"]);
    expect(titles(swapped.product)).toEqual(["Black / Medium", "Black / Small"]);
    // Orders made before keep their titles: only the catalog changes.
  });

  it.each([
    ["a value variants select left out", { values: [{ name: "S" }] }, ["OPTION_VALUE_IN_USE", "values"]],
    [
      "an unknown currentName",
      { values: [{ name: "S" }, { name: "X", currentName: "XS" }] },
      ["NOT_FOUND", "values.1.currentName"],
    ],
    [
      "a value named twice",
      { values: [{ name: "S" }, { name: "M" }, { name: "S" }] },
      ["DUPLICATE_OPTION_VALUE", "values.2"],
    ],
    [
      "a rename onto a kept value",
      { values: [{ name: "S" }, { name: "S", currentName: "M" }] },
      ["DUPLICATE_OPTION_VALUE", "values.1.name"],
    ],
    ["another option's name", { name: "Color" }, ["DUPLICATE_OPTION_VALUE", "name"]],
    ["a position past the last", { position: 2 }, ["GREATER_THAN_MAXIMUM", "position"]],
    ["a negative position", { position: -1 }, ["LESS_THAN_MINIMUM", "position"]],
    ["no values", { values: [] }, ["TOO_SHORT", "values"]],
  ] as [string, Record<string, unknown>, [string, string]][])(
    "refuses %s and writes nothing",
    async (_name, change, error) => {
      const t = await tee("Update refused");
      const before = await rows(t.dbId);
      const res = ok(
        await call(OPTION_UPDATE, { productId: t.id, optionId: t.options[0]?.id, ...change }),
      ).productOptionUpdate;
      expect(res.product).toBeNull();
      expect(codes(res)).toContainEqual(error);
      expect(await rows(t.dbId)).toEqual(before);
    },
  );

  it("answers NOT_FOUND for another product's option", async () => {
    const t = await tee("Update mine");
    const other = await tee("Update theirs");
    const res = ok(
      await call(OPTION_UPDATE, { productId: t.id, optionId: other.options[0]?.id, name: "X" }),
    ).productOptionUpdate;
    expect(codes(res)).toEqual([["NOT_FOUND", "optionId"]]);
  });
});

describe("productOptionsDelete", () => {
  it("deletes an option when the variants stay distinct, and refuses (DUPLICATE_VARIANT, nothing written) when they would not", async () => {
    const t = await tee("Drop");
    const [size, color] = t.options.map((o) => o.id);
    const before = await rows(t.dbId);
    const refused = ok(
      await call(OPTIONS_DELETE, { productId: t.id, optionIds: [size] }),
    ).productOptionsDelete;
    expect(codes(refused)).toEqual([["DUPLICATE_VARIANT", "optionIds"]]);
    expect(refused.deletedOptionIds).toBeNull();
    expect(await rows(t.dbId)).toEqual(before);

    const res = ok(await call(OPTIONS_DELETE, { productId: t.id, optionIds: [color] })).productOptionsDelete;
    expect(res.userErrors).toEqual([]);
    expect(res.deletedOptionIds).toEqual([color]);
    expect(res.product.options.map((o: { name: string; position: number }) => [o.name, o.position])).toEqual([
      ["Size", 0],
    ]);
    expect(titles(res.product)).toEqual(["S", "M"]);
    expect(res.product.variants[1].selectedOptions).toEqual([{ name: "Size", value: "M" }]);
  });

  it("takes a one-variant product back to no options ('Default'), and answers NOT_FOUND for another product's option", async () => {
    const t = await tee("Drop all");
    ok(await call(VARIANTS_DELETE, { productId: t.id, variantIds: [t.variants[1]] }));
    const other = await tee("Drop other");
    expect(
      codes(
        ok(await call(OPTIONS_DELETE, { productId: t.id, optionIds: [other.options[0]?.id] }))
          .productOptionsDelete,
      ),
    ).toEqual([["NOT_FOUND", "optionIds.0"]]);
    const res = ok(
      await call(OPTIONS_DELETE, { productId: t.id, optionIds: t.options.map((o) => o.id) }),
    ).productOptionsDelete;
    expect(res.userErrors).toEqual([]);
    expect(res.product.options).toEqual([]);
    expect(titles(res.product)).toEqual(["Default"]);
  });
});

describe("concurrency (PostgreSQL)", () => {
  it("two merchants deleting a product's last two variants at once: one wins, the product keeps a variant", async (ctx) => {
    if (!process.env.DATABASE_URL)
      ctx.skip("a concurrency guarantee: runs with the PostgreSQL suite (set DATABASE_URL)");
    for (let round = 0; round < 5; round++) {
      const t = await tee(`Race ${round}`);
      const results = await Promise.all(
        t.variants.map((v) => call(VARIANTS_DELETE, { productId: t.id, variantIds: [v] })),
      );
      const outcomes = results.map((r) => codes(ok(r).productVariantsDelete));
      expect(outcomes.sort()).toEqual([[], [["LAST_VARIANT", "variantIds"]]]);
      expect(await api.db.prisma.productVariant.count({ where: { productId: t.dbId } })).toBe(1);
      // Two creates of the same new selection: one is a duplicate.
      const sel = [
        { name: "Size", value: "XL" },
        { name: "Color", value: "Black" },
      ];
      const creates = await Promise.all(
        [0, 1].map(() =>
          call(VARIANTS_CREATE, { productId: t.id, variants: [{ price: "1", selectedOptions: sel }] }),
        ),
      );
      expect(creates.map((r) => codes(ok(r).productVariantsCreate)).sort()).toEqual([
        [],
        [["DUPLICATE_VARIANT", "variants.0.selectedOptions"]],
      ]);
      const option = await api.db.prisma.productOption.findFirstOrThrow({
        where: { productId: t.dbId, name: "Size" },
      });
      expect(option.values.filter((v) => v === "XL")).toHaveLength(1);
    }
  });

  it("checkouts of a variant being deleted never fail unexpectedly nor oversell", async (ctx) => {
    if (!process.env.DATABASE_URL)
      ctx.skip("a concurrency guarantee: runs with the PostgreSQL suite (set DATABASE_URL)");
    const t = await tee("Busy");
    const [doomed, kept] = t.variants as [string, string];
    await api.db.prisma.productVariant.update({ where: { id: dbId(kept) }, data: { inventoryQuantity: 4 } });
    await api.db.prisma.product.update({ where: { id: t.dbId }, data: { totalInventory: 9 } });
    const carts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        commerce.cart(
          [
            { variantId: doomed, quantity: 1 },
            { variantId: kept, quantity: 1 },
          ],
          {},
          { buyerIdentity: { email: `busy-${i}@example.test` } },
        ),
      ),
    );
    const [deleted, ...checkouts] = await Promise.all([
      call(VARIANTS_DELETE, { productId: t.id, variantIds: [doomed] }),
      ...carts.map((cartId) =>
        api.gql(CHECKOUT, {
          input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
        }),
      ),
    ]);
    expect(ok(deleted).productVariantsDelete.userErrors).toEqual([]);
    let paid = 0;
    for (const res of checkouts) {
      const payload = ok(res).checkoutComplete;
      if (payload.userErrors.length === 0) paid++;
      else expect(payload.userErrors.map((e: { code: string }) => e.code)).toEqual(["OUT_OF_STOCK"]);
    }
    // Four units of the kept variant: four orders at most, and exactly as many as were sold.
    expect(paid).toBe(4);
    expect(await commerce.stock(dbId(kept))).toBe(0);
    const lines = await api.db.prisma.orderLine.findMany({
      where: { productId: t.dbId, order: { status: "PAID" } },
      select: { variantId: true, variantTitle: true, quantity: true },
    });
    expect(lines.filter((l) => l.variantId === dbId(kept))).toHaveLength(4);
    // Lines of the deleted variant sold before it went keep their snapshot.
    for (const l of lines.filter((l) => l.variantId === null)) expect(l.variantTitle).toBe("S / Black");
    const product = await api.db.prisma.product.findUniqueOrThrow({ where: { id: t.dbId } });
    expect(product.totalInventory).toBe(0);
    expect(await api.db.prisma.productVariant.count({ where: { id: dbId(doomed) } })).toBe(0);
  });

  it("a checkout that read the cart before the variant was deleted runs its reservation again without it", async (ctx) => {
    if (!process.env.DATABASE_URL)
      ctx.skip("a concurrency guarantee: runs with the PostgreSQL suite (set DATABASE_URL)");
    const t = await tee("Interleaved");
    const [doomed, kept] = t.variants as [string, string];
    const code = await commerce.discountCode(shop.id, { code: "HOLDON", kind: "PERCENTAGE", value: "10" });
    const cartId = await commerce.cart(
      [
        { variantId: doomed, quantity: 1 },
        { variantId: kept, quantity: 1 },
      ],
      {},
      { buyerIdentity: { email: "interleaved@example.test" }, discountCodes: ["HOLDON"] },
    );
    // Another transaction holds the discount code's row: RESERVE stops there, after reading the
    // cart and before writing its order lines.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = api.db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "DiscountCode" WHERE "id" = ${dbId(code.id)}::uuid FOR UPDATE`;
        await held;
      },
      { timeout: 60_000 },
    );
    const checkout = api.gql(CHECKOUT, {
      input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } },
    });
    for (let i = 0; i < 200; i++) {
      const [waiting] = await api.db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if ((waiting?.n ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const deleted = ok(
      await call(VARIANTS_DELETE, { productId: t.id, variantIds: [doomed] }),
    ).productVariantsDelete;
    expect(deleted.userErrors).toEqual([]);
    release();
    await holder;
    const paid = ok(await checkout).checkoutComplete;
    expect(paid.userErrors).toEqual([]);
    const lines = await api.db.prisma.orderLine.findMany({
      where: { orderId: dbId(paid.order.id) },
      select: { variantId: true, unitPrice: true, discountAmount: true },
    });
    expect(lines).toEqual([{ variantId: dbId(kept), unitPrice: 2100, discountAmount: 210 }]);
    expect(await commerce.stock(dbId(kept))).toBe(2);
  });
});

describe("the response cache", () => {
  let cached: TestApi;
  let cachedCommerce: Commerce;
  beforeAll(async () => {
    cached = await startTestApi({ RESPONSE_CACHE: "true" });
    cachedCommerce = await Commerce.start(cached);
  });
  afterAll(() => cached?.close());

  it("a product page cached before a variant is created or deleted shows the change after it", async () => {
    const s = await cachedCommerce.shop("EUR");
    const p = await cachedCommerce.product(s.id, ["10.00", "12.00"], 3, "Cached");
    const PAGE = `query($id: ID!) { product(id: $id) { id variants { title } } }`;
    const read = async () => {
      const { result, statements } = await cached.db.statementsDuring(() => cached.gql(PAGE, { id: p.id }));
      return {
        titles: ok(result).product.variants.map((v: { title: string }) => v.title),
        statements: statements.length,
      };
    };
    expect((await read()).titles).toEqual(["S0", "S1"]);
    expect((await read()).statements).toBe(0);
    const created = ok(
      await cached.gql(
        VARIANTS_CREATE,
        {
          input: {
            productId: p.id,
            variants: [{ price: "14.00", selectedOptions: [{ name: "Size", value: "S2" }] }],
          },
        },
        cachedCommerce.asMerchant,
      ),
    ).productVariantsCreate;
    expect(created.userErrors).toEqual([]);
    expect((await read()).titles).toEqual(["S0", "S1", "S2"]);
    expect((await read()).statements).toBe(0);
    ok(
      await cached.gql(
        VARIANTS_DELETE,
        { input: { productId: p.id, variantIds: [p.variants[0]?.id] } },
        cachedCommerce.asMerchant,
      ),
    );
    expect((await read()).titles).toEqual(["S1", "S2"]);
    ok(
      await cached.gql(
        OPTION_UPDATE,
        {
          input: {
            productId: p.id,
            optionId: created.product.options[0].id,
            values: [{ name: "Small", currentName: "S1" }, { name: "S2" }, { name: "S0" }],
          },
        },
        cachedCommerce.asMerchant,
      ),
    );
    expect((await read()).titles).toEqual(["Small", "S2"]);
  });
});
