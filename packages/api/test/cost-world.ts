/**
 * The world of the cost property test (cost-bound.test.ts): built through the public API
 * (clicks excepted: they have no mutation; and the collection, written directly) and filled, where practical, up to
 * the bounds the cost model declares for its lists: a product with 3 options, 100 variants and
 * 50 media, a post with 30 product tags, a cart of 100 lines with 10 discount codes across
 * shops, a paid order of ~90 lines with refunds (as many as it takes) and affiliate
 * commissions, a live session pinned until it takes no more, affiliate programs with
 * per-product rates, webhook endpoints until a shop has its maximum, with deliveries.
 * Lists whose limit is enforced on write are filled until the API refuses, so the world
 * follows the limits wherever they are set. Randomness comes from COST_SEED.
 */
import { randomUUID } from "node:crypto";
import { Commerce, CHECKOUT, dbId, gid } from "./commerce.ts";
import type { CallAs, GraphQLResponse, TestApi } from "./harness.ts";
import { prng } from "./prng.ts";

export const COST_SEED = Number(process.env.COST_SEED ?? 20261205);

export interface WorldProduct {
  id: string;
  handle: string;
  shopId: string;
  variants: string[];
  options: string[];
  media: string[];
}

/** Everything the query generator and the SDK calls need: ids, handles, codes and callers. */
export interface CostWorld {
  seed: number;
  callers: { anonymous: CallAs; buyer: CallAs; merchant: CallAs; creator: CallAs; platform: CallAs };
  /** A second creator (invited to a program, not yet answering). */
  creator2: CallAs;
  users: { merchant: string; buyer: string; creator: string; creator2: string };
  shops: { id: string; handle: string; currencyCode: string }[];
  products: WorldProduct[];
  /** The product filled to every bound: 3 options, 100 variants, 50 media. */
  big: WorldProduct;
  draftProduct: WorldProduct;
  collections: { id: string; handle: string }[];
  posts: string[];
  productTags: string[];
  hashtags: string[];
  liveSessions: string[];
  pins: string[];
  /** The buyer's active cart: 100 lines across shops, 10 discount codes. */
  cart: string;
  cartLines: string[];
  anonymousCart: string;
  orders: string[];
  orderLines: string[];
  discountCodes: { id: string; code: string }[];
  programs: string[];
  affiliateLinks: { id: string; code: string }[];
  invitations: string[];
  webhookEndpoints: string[];
  platformWebhookEndpoints: string[];
  webhookDeliveries: string[];
  /** Every global id above, for node(id) and nodes(ids). */
  allIds: string[];
  /** How many list items each fill reached, for the report. */
  filled: Record<string, number>;
}

type Json = Record<string, any>;

const PAYLOAD_ERRORS = `userErrors { code field message }`;

/** The payload of a one-field mutation; throws on GraphQL errors, and on userErrors unless allowed. */
function payload(res: GraphQLResponse, field: string, allowUserErrors = false): Json {
  if (res.errors?.length || !res.data) throw new Error(`${field}: ${JSON.stringify(res.errors)}`);
  const p = res.data[field];
  if (!allowUserErrors && p.userErrors?.length) throw new Error(`${field}: ${JSON.stringify(p.userErrors)}`);
  return p;
}

export async function buildCostWorld(api: TestApi, seed = COST_SEED): Promise<CostWorld> {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const commerce = await Commerce.start(api);
  const filled: Record<string, number> = {};

  const tokens = {
    merchant: commerce.merchant,
    buyer: await api.token("cost-buyer", ["BUYER"]),
    creator: await api.token("cost-creator", ["BUYER", "CREATOR"]),
    creator2: await api.token("cost-creator-2", ["BUYER", "CREATOR"]),
  };
  const callers = {
    anonymous: {} as CallAs,
    buyer: { user: tokens.buyer } as CallAs,
    merchant: commerce.asMerchant,
    creator: { user: tokens.creator } as CallAs,
    platform: { key: "secret" } as CallAs,
  };
  const gql = (query: string, variables: Json, as: CallAs) => api.gql(query, variables, as);
  const userId = async (as: CallAs) =>
    payload(await gql(`{ viewer { user { id } } }`, {}, as), "viewer").user.id as string;
  const users = {
    merchant: await userId(callers.merchant),
    buyer: await userId(callers.buyer),
    creator: await userId(callers.creator),
    creator2: await userId({ user: tokens.creator2 }),
  };

  // ───── shops: three in EUR (one cart spans them), one in USD; all the merchant's ─────
  const shops: CostWorld["shops"] = [];
  for (const [handle, currencyCode] of [
    ["cost-alpha", "EUR"],
    ["cost-beta", "EUR"],
    ["cost-gamma", "EUR"],
    ["cost-dollar", "USD"],
  ] as const) {
    const res = payload(
      await gql(
        `mutation($input: ShopCreateInput!) { shopCreate(input: $input) { shop { id handle } ${PAYLOAD_ERRORS} } }`,
        {
          input: {
            handle,
            name: handle.replace("-", " "),
            currencyCode,
            description: `The ${handle} shop.`,
            logoUrl: "https://cdn.example.test/logo.png",
          },
        },
        callers.merchant,
      ),
      "shopCreate",
    );
    shops.push({ id: res.shop.id, handle, currencyCode });
  }
  const [alpha, beta, gamma, dollar] = shops as [
    CostWorld["shops"][number],
    CostWorld["shops"][number],
    CostWorld["shops"][number],
    CostWorld["shops"][number],
  ];

  // ───── products ─────
  const PRODUCT = `mutation($input: ProductCreateInput!) { productCreate(input: $input) {
    product { id handle variants { id } options { id } media { id } } ${PAYLOAD_ERRORS} } }`;
  const products: WorldProduct[] = [];
  let productCount = 0;
  const words = [
    "linen",
    "merino",
    "canvas",
    "denim",
    "silk",
    "cotton",
    "wool",
    "cedar",
    "copper",
    "amber",
    "slate",
    "indigo",
  ];
  async function createProduct(
    shop: CostWorld["shops"][number],
    optionSizes: number[],
    mediaCount: number,
    status: "ACTIVE" | "DRAFT" = "ACTIVE",
  ) {
    const n = ++productCount;
    const options = optionSizes.map((size, i) => ({
      name: ["Size", "Color", "Material"][i]!,
      values: Array.from({ length: size }, (_, v) => `${["S", "C", "M"][i]}${v}`),
    }));
    const combos: { name: string; value: string }[][] = [[]];
    for (const option of options) {
      const next: { name: string; value: string }[][] = [];
      for (const combo of combos)
        for (const value of option.values) next.push([...combo, { name: option.name, value }]);
      combos.splice(0, combos.length, ...next);
    }
    const variants = combos.map((selectedOptions, i) => ({
      price: `${int(5, 80)}.${String(int(0, 99)).padStart(2, "0")}`,
      ...(rand() < 0.3 ? { compareAtPrice: "99.00" } : {}),
      sku: `COST-${n}-${i}`,
      inventoryQuantity: 1000,
      // Digital: the world's carts check out without an address (delivery costs have their own tests).
      requiresShipping: false,
      selectedOptions,
    }));
    const title = `${pick(words)} ${pick(words)} ${n}`;
    const input = {
      shopId: shop.id,
      title,
      handle: `cost-product-${n}`,
      status,
      description: `A ${title} for the cost test.`,
      vendor: pick(["Acme", "Globex", "Initech"]),
      productType: pick(["Shirt", "Mug", "Bag"]),
      tags: Array.from({ length: int(0, 8) }, (_, i) => `tag${i}`),
      options,
      variants,
      media: Array.from({ length: mediaCount }, (_, i) => ({
        url: `https://cdn.example.test/p${n}/${i}.jpg`,
        alt: `Image ${i}`,
        width: 800,
        height: 800,
      })),
    };
    const p = payload(await gql(PRODUCT, { input }, callers.merchant), "productCreate").product;
    const product: WorldProduct = {
      id: p.id,
      handle: p.handle,
      shopId: shop.id,
      variants: p.variants.map((v: Json) => v.id),
      options: p.options.map((o: Json) => o.id),
      media: p.media.map((m: Json) => m.id),
    };
    if (status === "ACTIVE") products.push(product);
    return product;
  }
  // Every bound of a product at once: 3 options of 5 × 5 × 4 values, 100 variants, 50 media.
  const big = await createProduct(alpha, [5, 5, 4], 50);
  filled["Product.variants"] = big.variants.length;
  filled["Product.media"] = big.media.length;
  filled["Product.options"] = big.options.length;
  const randomSizes = () => Array.from({ length: int(0, 3) }, () => int(1, 3));
  for (let i = 0; i < 14; i++) await createProduct(alpha, randomSizes(), int(0, 6));
  // 27 variants, the example.
  await createProduct(beta, [3, 3, 3], 5);
  for (let i = 0; i < 5; i++) await createProduct(beta, randomSizes(), int(0, 3));
  for (let i = 0; i < 4; i++) await createProduct(gamma, randomSizes(), int(0, 3));
  for (let i = 0; i < 3; i++) await createProduct(dollar, randomSizes(), int(0, 3));
  const draftProduct = await createProduct(alpha, [2], 1, "DRAFT");
  const inShop = (shop: { id: string }) => products.filter((p) => p.shopId === shop.id);

  // A manual collection of alpha's products, written directly (the SDK walk creates others).
  const collectionRow = await api.db.prisma.collection.create({
    data: {
      shopId: dbId(alpha.id),
      handle: "cost-collection",
      title: "Cost collection",
      products: { create: inShop(alpha).map((p, position) => ({ productId: dbId(p.id), position })) },
    },
    select: { id: true },
  });
  const collections = [{ id: gid("Collection", collectionRow.id), handle: "cost-collection" }];

  // ───── affiliate: programs with a rate for each product, links, an invitation ─────
  const PROGRAM = `mutation($input: AffiliateProgramUpsertInput!) { affiliateProgramUpsert(input: $input) { affiliateProgram { id productRates { productId } } ${PAYLOAD_ERRORS} } }`;
  const programs: string[] = [];
  for (const shop of shops) {
    const productRates = inShop(shop).map((p) => ({ productId: p.id, rate: int(500, 3000) }));
    const res = payload(
      await gql(
        PROGRAM,
        {
          input: {
            shopId: shop.id,
            defaultRate: 1000,
            holdDays: 0,
            access: shop === gamma ? "INVITE_ONLY" : "OPEN",
            productRates,
          },
        },
        callers.merchant,
      ),
      "affiliateProgramUpsert",
    );
    programs.push(res.affiliateProgram.id);
    filled["AffiliateProgram.productRates"] = Math.max(
      filled["AffiliateProgram.productRates"] ?? 0,
      res.affiliateProgram.productRates.length,
    );
  }
  const invitations: string[] = [];
  for (const creator of [users.creator, users.creator2]) {
    const res = payload(
      await gql(
        `mutation($input: AffiliateInviteInput!) { affiliateInvite(input: $input) { invitation { id } ${PAYLOAD_ERRORS} } }`,
        { input: { shopId: gamma.id, creatorId: creator } },
        callers.merchant,
      ),
      "affiliateInvite",
    );
    invitations.push(res.invitation.id);
  }
  payload(
    await gql(
      `mutation($input: AffiliateInvitationAnswerInput!) { affiliateInvitationAccept(input: $input) { invitation { id } ${PAYLOAD_ERRORS} } }`,
      { input: { id: invitations[0] } },
      callers.creator,
    ),
    "affiliateInvitationAccept",
  );
  const LINK = `mutation($input: AffiliateLinkCreateInput!) { affiliateLinkCreate(input: $input) { affiliateLink { id code } ${PAYLOAD_ERRORS} } }`;
  const affiliateLinks: { id: string; code: string }[] = [];
  const link = async (input: Json) => {
    const l = payload(await gql(LINK, { input }, callers.creator), "affiliateLinkCreate").affiliateLink;
    affiliateLinks.push({ id: l.id, code: l.code });
    return l.code as string;
  };
  const shopCode = new Map<string, string>();
  for (const shop of shops) shopCode.set(shop.id, await link({ shopId: shop.id }));
  for (const p of [big, ...inShop(beta).slice(0, 2)]) await link({ productId: p.id });

  // ───── content: posts with up to 30 product tags, follows, likes ─────
  const POST = `mutation($input: PostCreateInput!) { postCreate(input: $input) { post { id productTags { id } } ${PAYLOAD_ERRORS} } }`;
  const posts: string[] = [];
  const productTags: string[] = [];
  const hashtags = ["costtest", "linen", "summer", "haul"];
  const tagOf = (product: WorldProduct, i: number, video: boolean) => ({
    productId: product.id,
    ...(rand() < 0.5 ? { variantId: pick(product.variants) } : {}),
    x: rand(),
    y: rand(),
    ...(video ? { startMs: i * 100, endMs: i * 100 + 5000 } : {}),
  });
  const taggable = products.filter((p) => p.shopId !== dollar.id);
  async function post(as: CallAs, tagCount: number, extra: Json = {}) {
    const video = rand() < 0.5;
    // Distinct products first, then variants of the big product: as many tags as asked.
    const tagged = Array.from({ length: tagCount }, (_, i) => (i < taggable.length ? taggable[i]! : big));
    const input = {
      caption: `Look #${pick(hashtags)} #costtest`,
      hashtags: [pick(hashtags)],
      media: video
        ? {
            kind: "VIDEO",
            url: "https://cdn.example.test/v/1.mp4",
            width: 1080,
            height: 1920,
            durationMs: 15_000,
            posterUrl: "/media/posters/1.jpg",
          }
        : { kind: "IMAGE", url: "/media/posts/1.jpg", width: 1080, height: 1350 },
      productTags: tagged.map((p, i) => tagOf(p, i, video)),
      ...extra,
    };
    const res = payload(await gql(POST, { input }, as), "postCreate");
    posts.push(res.post.id);
    productTags.push(...res.post.productTags.map((t: Json) => t.id));
    return res.post as { id: string; productTags: { id: string }[] };
  }
  // The post filled to its bound: tags until postCreate refuses (30 as of writing).
  let fullTags = 0;
  for (let n = 30; n <= 40; n += 10) {
    const productTags = Array.from({ length: n }, (_, i) =>
      tagOf(i < taggable.length ? taggable[i]! : big, i, false),
    );
    const media = { kind: "IMAGE", url: "/media/posts/full.jpg", width: 1080, height: 1350 };
    const res = await gql(
      POST,
      { input: { caption: "All tags #costtest", media, productTags } },
      callers.creator,
    );
    const p = payload(res, "postCreate", true);
    if (p.userErrors.length) break;
    posts.push(p.post.id);
    productTags.push(...p.post.productTags.map((t: Json) => t.id));
    fullTags = p.post.productTags.length;
  }
  filled["Post.productTags"] = fullTags;
  for (let i = 0; i < 5; i++) await post(callers.creator, int(1, 12));
  await post({ user: tokens.merchant }, int(2, 8), { shopId: alpha.id });
  await post({ user: tokens.creator2 }, 3);
  // A link to the creator's own post (it tags products of several shops: the shop is named).
  await link({ postId: posts[0], shopId: alpha.id });
  const FOLLOW = `mutation($input: UserFollowInput!) { userFollow(input: $input) { ${PAYLOAD_ERRORS} } }`;
  payload(await gql(FOLLOW, { input: { userId: users.creator } }, callers.buyer), "userFollow");
  payload(await gql(FOLLOW, { input: { shopId: alpha.id } }, callers.buyer), "userFollow");
  payload(await gql(FOLLOW, { input: { userId: users.creator2 } }, callers.creator), "userFollow");
  for (const postId of posts.slice(0, 4)) {
    payload(
      await gql(
        `mutation($input: PostLikeInput!) { postLike(input: $input) { ${PAYLOAD_ERRORS} } }`,
        { input: { postId } },
        callers.buyer,
      ),
      "postLike",
    );
    payload(
      await gql(
        `mutation($input: PostViewInput!) { postView(input: $input) { ${PAYLOAD_ERRORS} } }`,
        { input: { postId } },
        callers.buyer,
      ),
      "postView",
    );
  }
  payload(
    await gql(
      `mutation($input: ViewerConsentUpdateInput!) { viewerConsentUpdate(input: $input) { ${PAYLOAD_ERRORS} } }`,
      { input: { personalization: true, analytics: true } },
      callers.buyer,
    ),
    "viewerConsentUpdate",
  );

  // ───── live: a LIVE shop session pinned until refused (or 110 pins), a scheduled one, an ended one with a replay ─────
  const SCHEDULE = `mutation($input: LiveSessionScheduleInput!) { liveSessionSchedule(input: $input) { liveSession { id } ${PAYLOAD_ERRORS} } }`;
  const PIN = `mutation($input: LiveSessionPinProductInput!) { liveSessionPinProduct(input: $input) { liveSession { id pinnedProducts { id } } ${PAYLOAD_ERRORS} } }`;
  const liveSessions: string[] = [];
  const soon = () => new Date(Date.now() + 3_600_000).toISOString();
  async function schedule(as: CallAs, shopId?: string) {
    const input = {
      title: `Cost live ${liveSessions.length + 1}`,
      scheduledAt: soon(),
      playbackUrl: "https://stream.example.test/live.m3u8",
      ...(shopId ? { shopId } : {}),
    };
    const id = payload(await gql(SCHEDULE, { input }, as), "liveSessionSchedule").liveSession.id as string;
    liveSessions.push(id);
    return id;
  }
  const live = await schedule(callers.merchant, alpha.id);
  const pinTargets = [
    ...inShop(alpha).map((p) => ({ productId: p.id })),
    ...big.variants.map((variantId) => ({ productId: big.id, variantId })),
  ];
  let pinned = 0;
  for (const target of pinTargets.slice(0, 110)) {
    const p = payload(
      await gql(
        PIN,
        {
          input: {
            liveSessionId: live,
            ...target,
            ...(rand() < 0.5 ? { livePrice: "1.00", quantityCap: 50 } : {}),
          },
        },
        callers.merchant,
      ),
      "liveSessionPinProduct",
      true,
    );
    if (p.userErrors.length) break;
    pinned = p.liveSession.pinnedProducts.length;
  }
  filled["LiveSession.pinnedProducts"] = pinned;
  payload(
    await gql(
      `mutation($input: LiveSessionStartInput!) { liveSessionStart(input: $input) { ${PAYLOAD_ERRORS} } }`,
      { input: { id: live } },
      callers.merchant,
    ),
    "liveSessionStart",
  );
  payload(
    await gql(
      `mutation($input: LiveSessionJoinInput!) { liveSessionJoin(input: $input) { ${PAYLOAD_ERRORS} } }`,
      { input: { liveSessionId: live } },
      callers.buyer,
    ),
    "liveSessionJoin",
  );
  const scheduled = await schedule(callers.creator);
  for (const p of taggable.slice(0, 5))
    payload(
      await gql(PIN, { input: { liveSessionId: scheduled, productId: p.id } }, callers.creator),
      "liveSessionPinProduct",
    );
  const ended = await schedule(callers.merchant, beta.id);
  for (const p of inShop(beta))
    payload(
      await gql(PIN, { input: { liveSessionId: ended, productId: p.id } }, callers.merchant),
      "liveSessionPinProduct",
    );
  payload(
    await gql(
      `mutation($input: LiveSessionStartInput!) { liveSessionStart(input: $input) { ${PAYLOAD_ERRORS} } }`,
      { input: { id: ended } },
      callers.merchant,
    ),
    "liveSessionStart",
  );
  payload(
    await gql(
      `mutation($input: LiveSessionEndInput!) { liveSessionEnd(input: $input) { ${PAYLOAD_ERRORS} } }`,
      { input: { id: ended, replay: { url: "https://cdn.example.test/replay.mp4", durationMs: 60_000 } } },
      callers.merchant,
    ),
    "liveSessionEnd",
  );
  const pins = (await api.db.prisma.livePinnedProduct.findMany({ select: { id: true } })).map((p) =>
    gid("LivePinnedProduct", p.id),
  );

  // ───── webhook endpoints (before the checkouts, so that their events make deliveries) ─────
  const ENDPOINT = `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { webhookEndpoint { id } ${PAYLOAD_ERRORS} } }`;
  const webhookEndpoints: string[] = [];
  const platformWebhookEndpoints: string[] = [];
  const topics = ["ORDER_PAID", "ORDER_REFUNDED", "COMMISSION_PAYABLE", "INVENTORY_LOW"];
  for (let i = 0; i < 25; i++) {
    const input = {
      shopId: alpha.id,
      url: `http://127.0.0.1:9/hooks/${i}`,
      topics: i % 2 ? topics : ["ORDER_PAID"],
      description: `Endpoint ${i}`,
    };
    const p = payload(await gql(ENDPOINT, { input }, callers.merchant), "webhookEndpointCreate", true);
    if (p.userErrors.length) break;
    webhookEndpoints.push(p.webhookEndpoint.id);
  }
  filled["Shop.webhookEndpoints"] = webhookEndpoints.length;
  for (let i = 0; i < 3; i++) {
    const p = payload(
      await gql(ENDPOINT, { input: { url: `http://127.0.0.1:9/platform/${i}`, topics } }, callers.platform),
      "webhookEndpointCreate",
    );
    platformWebhookEndpoints.push(p.webhookEndpoint.id);
  }

  // ───── discount codes: ten on alpha (a cart takes at most 10), one on beta ─────
  const discountCodes: { id: string; code: string }[] = [];
  for (let i = 0; i < 10; i++)
    discountCodes.push(
      await commerce.discountCode(alpha.id, {
        code: `COST${i}`,
        kind: i % 2 ? "PERCENTAGE" : "FIXED_AMOUNT",
        value: i % 2 ? `${i}` : "1.00",
      }),
    );
  discountCodes.push(await commerce.discountCode(beta.id, { code: "BETA5", kind: "PERCENTAGE", value: "5" }));

  // ───── clicks on the creator's links (stats), as browsers ─────
  for (const l of affiliateLinks.slice(0, 4)) {
    await api.server.yoga.fetch(`http://test/r/${l.code}`, {
      headers: {
        "x-forwarded-for": `203.0.113.${int(1, 200)}`,
        "user-agent":
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1",
      },
      redirect: "manual",
    });
  }

  // ───── carts and orders ─────
  const CART = `mutation($input: CartCreateInput) { cartCreate(input: $input) { cart { id lines { id } } userErrors { code field message } } }`;
  const others = [...inShop(beta), ...inShop(gamma)];
  const otherVariants = others.flatMap((p) =>
    p.variants.slice(0, 2).map((variantId) => ({ variantId, product: p })),
  );
  const attributions = (productShopId: string, i: number): Json | undefined => {
    const r = i % 4;
    if (r === 0) return { affiliateCode: shopCode.get(productShopId) };
    if (r === 1 && productShopId === alpha.id) return { liveSessionId: live };
    return undefined;
  };
  const line = (variantId: string, shopId: string, i: number) => {
    const attribution = attributions(shopId, i);
    return { variantId, quantity: int(1, 3), ...(attribution ? { attribution } : {}) };
  };
  // The buyer's active cart: 100 lines (the limit) over three shops, 10 discount codes.
  const cartLinesInput = [
    ...big.variants.slice(0, 100 - Math.min(15, otherVariants.length)).map((v, i) => line(v, alpha.id, i)),
    ...otherVariants.slice(0, 15).map(({ variantId, product }, i) => line(variantId, product.shopId, i)),
  ];
  const cartInput = {
    lines: cartLinesInput,
    discountCodes: discountCodes.slice(0, 10).map((d) => d.code),
    buyerIdentity: { email: "buyer@example.test", countryCode: "DE" },
  };
  const cartRes = payload(await gql(CART, { input: cartInput }, callers.buyer), "cartCreate");
  const cart = cartRes.cart.id as string;
  const cartLines = cartRes.cart.lines.map((l: Json) => l.id) as string[];
  filled["Cart.lines"] = cartLines.length;
  const anonymousCart = payload(
    await gql(
      CART,
      {
        input: {
          lines: [line(big.variants[0]!, alpha.id, 1), line(others[0]!.variants[0]!, others[0]!.shopId, 2)],
        },
      },
      callers.anonymous,
    ),
    "cartCreate",
  ).cart.id as string;

  // Checked out: ~90 lines of alpha through the creator's code, lines of beta and gamma: three orders.
  const checkoutLines = [
    ...big.variants.slice(0, 80).map((variantId) => ({
      variantId,
      quantity: int(1, 3),
      attribution: { affiliateCode: shopCode.get(alpha.id) },
    })),
    ...inShop(alpha)
      .slice(1)
      .map((p) => ({
        variantId: p.variants[0]!,
        quantity: 1,
        attribution: { affiliateCode: shopCode.get(alpha.id) },
      })),
    ...inShop(beta).map((p) => ({
      variantId: p.variants[0]!,
      quantity: 2,
      attribution: { affiliateCode: shopCode.get(beta.id) },
    })),
    ...inShop(gamma).map((p) => ({ variantId: p.variants[0]!, quantity: 1 })),
  ].slice(0, 100);
  const orders: string[] = [];
  async function checkout(lines: Json[], as: CallAs, codes: string[] = []) {
    const cartId = payload(
      await gql(
        CART,
        { input: { lines, discountCodes: codes, buyerIdentity: { email: "buyer@example.test" } } },
        as,
      ),
      "cartCreate",
    ).cart.id;
    const res = payload(
      await gql(
        CHECKOUT,
        { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        as,
      ),
      "checkoutComplete",
    );
    const ids = res.orders.map((o: Json) => o.id as string);
    orders.push(...ids);
    return { cartId: cartId as string, orders: ids as string[] };
  }
  const bigCheckout = await checkout(checkoutLines, callers.buyer, ["COST1", "BETA5"]);
  await checkout(
    [
      {
        variantId: inShop(dollar)[0]!.variants[0]!,
        quantity: 2,
        attribution: { affiliateCode: shopCode.get(dollar.id) },
      },
    ],
    callers.buyer,
  );
  await checkout([{ variantId: big.variants[99]!, quantity: 1 }], callers.anonymous);
  for (let i = 0; i < 3; i++)
    await checkout([{ variantId: pick(taggable).variants[0]!, quantity: 1 }], {
      user: await api.token(`cost-shopper-${i}`, ["BUYER"]),
    });

  // Refunds of the large order until refused (or nothing is left): the first refunds a unit of every line, then one unit each, then the rest.
  const ORDER_LINES = `query($id: ID!) { order(id: $id) { id shop { id } lines { id quantity } } }`;
  const alphaOrder = bigCheckout.orders[0]!;
  const alphaLines = payload(await gql(ORDER_LINES, { id: alphaOrder }, callers.merchant), "order").lines as {
    id: string;
    quantity: number;
  }[];
  filled["Order.lines"] = alphaLines.length;
  const REFUND = `mutation($input: OrderRefundInput!) { orderRefund(input: $input) { order { id refunds { lines { orderLineId } } } ${PAYLOAD_ERRORS} } }`;
  const left = new Map(alphaLines.map((l) => [l.id, l.quantity]));
  let refunds = 0;
  for (let r = 0; r < 15; r++) {
    const ids =
      r === 0
        ? alphaLines.map((l) => l.id)
        : [...left]
            .filter(([, q]) => q > 0)
            .slice(0, 1)
            .map(([id]) => id);
    if (!ids.length) break;
    const p = payload(
      await gql(
        REFUND,
        {
          input: {
            id: alphaOrder,
            lines: ids.map((lineId) => ({ lineId, quantity: 1 })),
            reason: `partial ${r}`,
            restock: r % 2 === 0,
          },
        },
        callers.merchant,
      ),
      "orderRefund",
      true,
    );
    if (p.userErrors.length) break;
    for (const id of ids) left.set(id, left.get(id)! - 1);
    refunds = p.order.refunds.length;
    filled["Refund.lines"] = Math.max(
      filled["Refund.lines"] ?? 0,
      ...p.order.refunds.map((x: Json) => x.lines.length),
    );
  }
  // The last refund may always take everything left.
  const last = payload(
    await gql(REFUND, { input: { id: alphaOrder, reason: "the rest" } }, callers.merchant),
    "orderRefund",
    true,
  );
  if (!last.userErrors.length) refunds = last.order.refunds.length;
  filled["Order.refunds"] = refunds;
  const [, betaOrder, gammaOrder] = bigCheckout.orders;
  if (betaOrder)
    payload(
      await gql(
        `mutation($input: OrderFulfillInput!) { orderFulfill(input: $input) { ${PAYLOAD_ERRORS} } }`,
        { input: { id: betaOrder } },
        callers.merchant,
      ),
      "orderFulfill",
    );
  if (gammaOrder)
    payload(
      await gql(
        `mutation($input: OrderCancelInput!) { orderCancel(input: $input) { ${PAYLOAD_ERRORS} } }`,
        { input: { id: gammaOrder, reason: "test" } },
        callers.merchant,
      ),
      "orderCancel",
    );

  // ───── ids the API does not hand out in one place ─────
  const orderLines = (await api.db.prisma.orderLine.findMany({ select: { id: true }, take: 40 })).map((l) =>
    gid("OrderLine", l.id),
  );
  const webhookDeliveries = (
    await api.db.prisma.webhookDelivery.findMany({ select: { id: true }, take: 10 })
  ).map((d) => gid("WebhookDelivery", d.id));
  filled["Order.commissions"] = await api.db.prisma.commission.count({
    where: { orderId: dbId(alphaOrder) },
  });
  filled["WebhookDelivery"] = await api.db.prisma.webhookDelivery.count();

  const allProducts = [...products, draftProduct];
  const allIds = [
    ...Object.values(users),
    ...shops.map((s) => s.id),
    ...allProducts.flatMap((p) => [p.id, ...p.variants.slice(0, 5), ...p.options, ...p.media.slice(0, 3)]),
    ...collections.map((c) => c.id),
    ...posts,
    ...productTags.slice(0, 20),
    ...liveSessions,
    ...pins.slice(0, 10),
    cart,
    ...cartLines.slice(0, 5),
    anonymousCart,
    ...orders,
    ...orderLines.slice(0, 5),
    ...discountCodes.map((d) => d.id),
    ...programs,
    ...affiliateLinks.map((l) => l.id),
    ...invitations,
    ...webhookEndpoints.slice(0, 5),
    ...platformWebhookEndpoints,
    ...webhookDeliveries,
  ];
  return {
    seed,
    callers,
    creator2: { user: tokens.creator2 },
    users,
    shops,
    products,
    big,
    draftProduct,
    collections,
    posts,
    productTags,
    hashtags,
    liveSessions,
    pins,
    cart,
    cartLines,
    anonymousCart,
    orders,
    orderLines,
    discountCodes,
    programs,
    affiliateLinks,
    invitations,
    webhookEndpoints,
    platformWebhookEndpoints,
    webhookDeliveries,
    allIds,
    filled,
  };
}
