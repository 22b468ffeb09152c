/**
 * Fixtures for the cart, checkout and order tests: shops and products through the catalog
 * API, posts, tags, live sessions and affiliate links written directly (their domains are
 * tested elsewhere), and the GraphQL documents the tests share.
 */
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { expect } from "vitest";
import { ok, type CallAs, type TestApi } from "./harness.ts";

export const dbId = (globalId: string) => decodeGlobalID(globalId).id;
export const gid = encodeGlobalID;

export interface Product {
  id: string;
  dbId: string;
  variants: { id: string; dbId: string }[];
}

export class Commerce {
  private counter = 0;
  constructor(
    readonly api: TestApi,
    readonly merchant: string,
  ) {}

  static async start(api: TestApi) {
    return new Commerce(api, await api.token("merchant-commerce", ["MERCHANT"]));
  }

  get asMerchant(): CallAs {
    return { key: "secret", user: this.merchant };
  }

  /** A shop managed by this fixture's merchant; returns its global id. */
  async shop(currencyCode = "EUR"): Promise<{ id: string; dbId: string }> {
    const handle = `shop-${++this.counter}-${currencyCode.toLowerCase()}`;
    const res = ok(
      await this.api.gql(
        `mutation($input: ShopCreateInput!) { shopCreate(input: $input) { shop { id } userErrors { code message } } }`,
        { input: { handle, name: handle, currencyCode } },
        this.asMerchant,
      ),
    );
    expect(res.shopCreate.userErrors).toEqual([]);
    return { id: res.shopCreate.shop.id, dbId: dbId(res.shopCreate.shop.id) };
  }

  /**
   * An ACTIVE product with one variant per price given ("12.50"), each with `stock` units. Its
   * variants do not ship unless `delivery` says so (tests about other things then check out
   * without an address); delivery tests ask for `{ requiresShipping: true, weightGrams }`.
   */
  async product(
    shopId: string,
    prices: string[] = ["10.00"],
    stock = 10,
    title = `Product ${this.counter + 1}`,
    delivery: { requiresShipping?: boolean; weightGrams?: number } = {},
  ): Promise<Product> {
    const { requiresShipping = false, weightGrams = 0 } = delivery;
    const options = prices.length > 1 ? [{ name: "Size", values: prices.map((_, i) => `S${i}`) }] : [];
    const variants = prices.map((price, i) => ({
      price,
      sku: `SKU-${this.counter}-${i}`,
      inventoryQuantity: stock,
      requiresShipping,
      weightGrams,
      selectedOptions: options.length ? [{ name: "Size", value: `S${i}` }] : [],
    }));
    const res = ok(
      await this.api.gql(
        `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id variants { id } } userErrors { code message field } } }`,
        {
          input: { shopId, title, handle: `product-${++this.counter}`, status: "ACTIVE", options, variants },
        },
        this.asMerchant,
      ),
    );
    expect(res.productCreate.userErrors).toEqual([]);
    const p = res.productCreate.product;
    return {
      id: p.id,
      dbId: dbId(p.id),
      variants: p.variants.map((v: { id: string }) => ({ id: v.id, dbId: dbId(v.id) })),
    };
  }

  /** A user row (for authors and hosts), created directly. */
  async user(handle: string) {
    return this.api.db.prisma.user.upsert({
      where: { externalId: handle },
      update: {},
      create: { externalId: handle, handle, roles: ["BUYER", "CREATOR"] },
      select: { id: true },
    });
  }

  /** A post tagging `productDbId`; returns global ids of the post and the tag. */
  async postWithTag(productDbId: string, visibility: "PUBLIC" | "PRIVATE" = "PUBLIC") {
    const author = await this.user("author-commerce");
    const post = await this.api.db.prisma.post.create({
      data: {
        authorId: author.id,
        mediaKind: "IMAGE",
        mediaUrl: "/media/post.jpg",
        width: 1080,
        height: 1920,
        visibility,
        productTags: { create: [{ productId: productDbId, x: 0.5, y: 0.5 }] },
      },
      select: { id: true, productTags: { select: { id: true } } },
    });
    return {
      postId: gid("Post", post.id),
      postDbId: post.id,
      tagId: gid("ProductTag", post.productTags[0]!.id),
      tagDbId: post.productTags[0]!.id,
    };
  }

  /** A LIVE session pinning a product (or one variant) at a live price. */
  async liveSession(
    productDbId: string,
    livePrice: number | null,
    options: { variantDbId?: string; quantityCap?: number } = {},
  ) {
    const host = await this.user("host-commerce");
    const now = new Date();
    const session = await this.api.db.prisma.liveSession.create({
      data: {
        hostId: host.id,
        title: "Live",
        status: "LIVE",
        scheduledAt: new Date(now.getTime() - 60_000),
        startedAt: new Date(now.getTime() - 30_000),
        pins: {
          create: [
            {
              productId: productDbId,
              variantId: options.variantDbId ?? null,
              livePrice,
              quantityCap: options.quantityCap ?? null,
              pinnedAt: new Date(now.getTime() - 20_000),
            },
          ],
        },
      },
      select: { id: true, pins: { select: { id: true } } },
    });
    return { id: gid("LiveSession", session.id), dbId: session.id, pinDbId: session.pins[0]!.id };
  }

  async affiliateLink(shopDbId: string, code: string, disabled = false) {
    const creator = await this.user("creator-commerce");
    return this.api.db.prisma.affiliateLink.create({
      data: {
        code,
        creatorId: creator.id,
        shopId: shopDbId,
        targetKind: "SHOP",
        rate: 1000,
        rateLockedUntil: new Date(Date.now() + 86_400_000),
        disabledAt: disabled ? new Date() : null,
      },
      select: { id: true },
    });
  }

  /** A discount code through discountCodeCreate. */
  async discountCode(shopId: string, input: Record<string, unknown>) {
    const res = ok(
      await this.api.gql(
        `mutation($input: DiscountCodeCreateInput!) { discountCodeCreate(input: $input) { discountCode { id code } userErrors { code field message } } }`,
        { input: { shopId, ...input } },
        this.asMerchant,
      ),
    );
    expect(res.discountCodeCreate.userErrors).toEqual([]);
    return res.discountCodeCreate.discountCode as { id: string; code: string };
  }

  async stock(variantDbId: string) {
    return (
      await this.api.db.prisma.productVariant.findUniqueOrThrow({
        where: { id: variantDbId },
        select: { inventoryQuantity: true },
      })
    ).inventoryQuantity;
  }

  async totalInventory(productDbId: string) {
    return (
      await this.api.db.prisma.product.findUniqueOrThrow({
        where: { id: productDbId },
        select: { totalInventory: true },
      })
    ).totalInventory;
  }

  /** A cart with `lines` ({ variantId, quantity, attribution }), as `as`; returns its global id. */
  async cart(
    lines: Record<string, unknown>[],
    as: CallAs = {},
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const res = ok(await this.api.gql(CART_CREATE, { input: { lines, ...extra } }, as));
    expect(res.cartCreate.userErrors).toEqual([]);
    return res.cartCreate.cart.id;
  }
}

/** A product's first variant (every product has one), for tests that buy it. */
export function firstVariant(p: Product): { id: string; dbId: string } {
  const [variant] = p.variants;
  if (!variant) throw new Error(`product ${p.id} has no variant`);
  return variant;
}

export const USER_ERRORS = `userErrors { code field message }`;

export const CART_FIELDS = `
  id status currencyCode totalQuantity expiresAt
  buyer { id }
  buyerIdentity { email countryCode }
  lines {
    id quantity livePriceApplied
    variant { id }
    attribution { postId productTagId affiliateCode liveSessionId }
    cost { unitPrice { amount currencyCode } regularUnitPrice { amount } subtotal { amount } discount { amount } total { amount } }
  }
  cost { subtotal { amount currencyCode } discount { amount } total { amount } }
  discountCodes { code applicable reason amount { amount } }`;

export const CART_CREATE = `mutation($input: CartCreateInput) {
  cartCreate(input: $input) { cart { ${CART_FIELDS} } userErrors { code field message quantityAvailable } }
}`;

export const CART_QUERY = `query($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`;

export const CHECKOUT = `mutation($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) {
    order { id number status total { amount currencyCode } }
    orders { id status shop { id } subtotal { amount } discountTotal { amount } total { amount currencyCode } }
    userErrors { code field message quantityAvailable variantId }
  }
}`;
