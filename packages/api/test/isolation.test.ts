/**
 * Tenant isolation: every query, mutation and subscription that takes an ID is called by
 * callers without rights (an anonymous storefront, another buyer and creator, a merchant of
 * another shop) with the IDs of the victims: one shop (its products, discount code, webhook
 * endpoint, affiliate program, orders), one buyer (carts, orders) and one creator (posts,
 * affiliate link and invitation, commissions, live sessions). No response may carry any of
 * their secrets, and no mutation may change any of their rows.
 *
 * Mutations walk WALK: for each mutation taking an ID, what an unguarded call would do to
 * the victims (create a row under one of their rows, change or delete one of theirs, act on
 * one) and which victim each ID field names. Every other field, optional ones included, is
 * filled with a real change (`fill`), so a mutation missing its permission check would change
 * a row; each call is sent twice with complementary booleans and enums (pass A: false and
 * the first value; pass B: true and the last), so one pass differs from the current state
 * whatever it is. After each call the victims' rows, read through Prisma with all their
 * columns, must equal those before, and the call must be refused. The last test sends the
 * same inputs as the victims' own side: each must change their rows, so no input of the walk
 * is a no-op. A mutation taking an ID that WALK (or PUBLIC) does not name fails the first
 * mutation test.
 */
import { randomUUID } from "node:crypto";
import type { Client } from "graphql-ws";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLOutputType,
} from "graphql";
import { schema } from "@shoppable/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, firstVariant, gid } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type GraphQLResponse, type TestApi } from "./harness.ts";
import { params, wsClient, wsSubscribe } from "./realtime.ts";

const EMAIL = "victim.buyer@example.test";
const DRAFT_TITLE = "UNRELEASED-DRAFT-7f3a";
const DISCOUNT = "STAFFONLY91";
const CAPTION = "private-caption-5b2e";
const RETURN_REASON = "return-reason-3c9d";
const USER_ERRORS = `userErrors { code field message }`;
const VICTIM_ADDRESS = {
  lastName: "Victim",
  address1: "Torstraße 1",
  city: "Berlin",
  zip: "10115",
  countryCode: "DE",
};

type Owner = "merchant" | "creator" | "invitee" | "buyer" | "platform";

let api: TestApi;
let url: string;
const clients: Client[] = [];
let victim: {
  shopId: string;
  /** Database ids of the shop's merchant, the creators and the buyer. */
  userIds: string[];
  cartId: string;
  orderId: string;
  draftProductId: string;
  postId: string;
  affiliateCode: string;
  affiliateClickId: string;
  /** Global ids, by name: WALK's `ids` name these. */
  ids: Record<string, string>;
  secrets: string[];
  owners: Record<Owner, CallAs>;
};
let attackers: [string, CallAs][];

beforeAll(async () => {
  // The walk selects every field of each payload: checkoutComplete's, every order with every
  // line and commission, is priced by its bounds above the default maximum.
  api = await startTestApi({ MAX_QUERY_COST: "10000000" });
  url = (await api.server.listen(0, "127.0.0.1")).url;
  const prisma = api.db.prisma;
  const commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  const active = await commerce.product(shop.id, ["30.00"], 20, "Public tee");
  const draft = await commerce.product(shop.id, ["90.00"], 5, "Soon");
  await prisma.product.update({ where: { id: draft.dbId }, data: { status: "DRAFT", title: DRAFT_TITLE } });
  // Options and variants change after creation on this one: Size [S0, S1], a variant of each.
  const optioned = await commerce.product(shop.id, ["40.00", "44.00"], 3, "Optioned");
  const optionedOption = await prisma.productOption.findFirstOrThrow({
    where: { productId: optioned.dbId },
    select: { id: true },
  });
  const code = await commerce.discountCode(shop.id, { code: DISCOUNT, kind: "PERCENTAGE", value: "50" });
  const hook = ok(
    await api.gql(
      `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { webhookEndpoint { id signingSecret } ${USER_ERRORS} } }`,
      {
        input: { shopId: shop.id, url: "https://erp.example.test/hooks", topics: ["ORDER_PAID"] },
      },
      commerce.asMerchant,
    ),
  ).webhookEndpointCreate.webhookEndpoint;
  const PROGRAM = `mutation($input: AffiliateProgramUpsertInput!) { affiliateProgramUpsert(input: $input) { ${USER_ERRORS} } }`;
  ok(await api.gql(PROGRAM, { input: { shopId: shop.id, defaultRate: 1000 } }, commerce.asMerchant));

  const creator = await api.token("victim-creator", ["BUYER", "CREATOR"]);
  const link = ok(
    await api.gql(
      `mutation($input: AffiliateLinkCreateInput!) { affiliateLinkCreate(input: $input) { affiliateLink { id code } ${USER_ERRORS} } }`,
      { input: { productId: active.id } },
      { user: creator },
    ),
  ).affiliateLinkCreate.affiliateLink;
  const creatorRow = await prisma.user.findUniqueOrThrow({ where: { externalId: "victim-creator" } });
  // Two more creators: one invited to the program (to decline), one not yet (to invite).
  const invitee = await api.token("victim-invitee", ["BUYER", "CREATOR"]);
  const newcomer = await api.token("victim-newcomer", ["BUYER", "CREATOR"]);
  for (const user of [invitee, newcomer]) await api.gql(`{ viewer { roles } }`, {}, { user });
  const inviteeRow = await prisma.user.findUniqueOrThrow({
    where: { externalId: "victim-invitee" },
    select: { id: true },
  });
  const newcomerRow = await prisma.user.findUniqueOrThrow({
    where: { externalId: "victim-newcomer" },
    select: { id: true },
  });
  const invite = async (userId: string) =>
    ok(
      await api.gql(
        `mutation($input: AffiliateInviteInput!) { affiliateInvite(input: $input) { invitation { id } ${USER_ERRORS} } }`,
        {
          input: { shopId: shop.id, creatorId: gid("User", userId) },
        },
        commerce.asMerchant,
      ),
    ).affiliateInvite.invitation;
  const invitation = await invite(creatorRow.id);
  const invitationToDecline = await invite(inviteeRow.id);
  // By invitation from now on: other creators may not link to the shop's products.
  ok(await api.gql(PROGRAM, { input: { shopId: shop.id, access: "INVITE_ONLY" } }, commerce.asMerchant));
  const click = await prisma.affiliateClick.create({
    data: { linkId: dbId(link.id), visitorId: "victim-visitor", counted: true },
    select: { id: true },
  });
  // Videos, so that product tags take every field (times too).
  const post = await prisma.post.create({
    data: {
      authorId: creatorRow.id,
      mediaKind: "VIDEO",
      durationMs: 10_000,
      mediaUrl: "/media/private.mp4",
      width: 10,
      height: 10,
      caption: CAPTION,
      visibility: "PRIVATE",
      productTags: { create: [{ productId: active.dbId, x: 0.1, y: 0.1, startMs: 0, endMs: 10_000 }] },
    },
    select: { id: true, productTags: { select: { id: true } } },
  });
  const publicPost = await prisma.post.create({
    data: {
      authorId: creatorRow.id,
      mediaKind: "VIDEO",
      durationMs: 10_000,
      mediaUrl: "/media/public.mp4",
      width: 10,
      height: 10,
      productTags: { create: [{ productId: active.dbId, x: 0.2, y: 0.2, startMs: 0, endMs: 10_000 }] },
    },
    select: { id: true, productTags: { select: { id: true } } },
  });
  const SCHEDULE = `mutation($input: LiveSessionScheduleInput!) { liveSessionSchedule(input: $input) { liveSession { id } ${USER_ERRORS} } }`;
  const schedule = async (title: string) =>
    ok(
      await api.gql(
        SCHEDULE,
        { input: { title, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() } },
        { user: creator },
      ),
    ).liveSessionSchedule.liveSession;
  const session = await schedule("Drop night");
  const sessionToCancel = await schedule("Maybe later");
  const sessionOnAir = await schedule("On air");
  ok(
    await api.gql(
      `mutation($input: LiveSessionStartInput!) { liveSessionStart(input: $input) { ${USER_ERRORS} } }`,
      { input: { id: sessionOnAir.id } },
      { user: creator },
    ),
  );
  ok(
    await api.gql(
      `mutation($input: LiveSessionPinProductInput!) { liveSessionPinProduct(input: $input) { ${USER_ERRORS} } }`,
      { input: { liveSessionId: session.id, productId: active.id } },
      { user: creator },
    ),
  );
  const pin = await prisma.livePinnedProduct.findFirstOrThrow({
    where: { liveSessionId: dbId(session.id) },
    select: { id: true },
  });

  const buyer = await api.token("victim-buyer", ["BUYER"]);
  const checkout = async (cartId: string) => {
    const done = ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        { user: buyer },
      ),
    ).checkoutComplete;
    expect(done.userErrors).toEqual([]);
    return done.order.id as string;
  };
  // Two units, so the order can be refunded twice.
  const cartId = await commerce.cart(
    [{ variantId: active.variants[0]!.id, quantity: 2, attribution: { affiliateCode: link.code } }],
    { user: buyer },
    { buyerIdentity: { email: EMAIL } },
  );
  const orderId = await checkout(cartId);
  const orderToCancel = await checkout(
    await commerce.cart([{ variantId: firstVariant(active).id, quantity: 1 }], { user: buyer }),
  );
  // Returns: four units shipped, one in a return to approve, one in a return to decline, two
  // left to request (one per pass).
  const orderToReturn = await checkout(
    await commerce.cart([{ variantId: active.variants[0]!.id, quantity: 4 }], { user: buyer }),
  );
  const returnLine = gid(
    "OrderLine",
    (
      await prisma.orderLine.findFirstOrThrow({
        where: { orderId: dbId(orderToReturn) },
        select: { id: true },
      })
    ).id,
  );
  ok(
    await api.gql(
      `mutation($input: OrderFulfillInput!) { orderFulfill(input: $input) { ${USER_ERRORS} } }`,
      { input: { id: orderToReturn } },
      commerce.asMerchant,
    ),
  );
  const requestReturn = async () =>
    ok(
      await api.gql(
        `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } ${USER_ERRORS} } }`,
        {
          input: {
            orderId: orderToReturn,
            lines: [{ lineId: returnLine, quantity: 1 }],
            reason: RETURN_REASON,
          },
        },
        { user: buyer },
      ),
    ).returnRequest.return.id as string;
  const returnToApprove = await requestReturn();
  const returnToDecline = await requestReturn();
  // Reviews: a paid line to review (the walk), and a review for the shop to reply to.
  const orderToReview = await checkout(
    await commerce.cart([{ variantId: firstVariant(active).id, quantity: 1 }], { user: buyer }),
  );
  const reviewLine = await prisma.orderLine.findFirstOrThrow({
    where: { orderId: dbId(orderToReview) },
    select: { id: true },
  });
  const reviewed = await checkout(
    await commerce.cart([{ variantId: firstVariant(active).id, quantity: 1 }], { user: buyer }),
  );
  const REVIEW = `mutation($input: ProductReviewCreateInput!) { productReviewCreate(input: $input) { productReview { id } ${USER_ERRORS} } }`;
  const reviewedLine = await prisma.orderLine.findFirstOrThrow({
    where: { orderId: dbId(reviewed) },
    select: { id: true },
  });
  const review = ok(
    await api.gql(
      REVIEW,
      { input: { productId: active.id, orderLineId: gid("OrderLine", reviewedLine.id), rating: 2 } },
      { user: buyer },
    ),
  ).productReviewCreate.productReview.id as string;
  // A comment of the buyer's on the public post (others see it, only its author and the post's delete it).
  const comment = ok(
    await api.gql(
      `mutation($input: PostCommentCreateInput!) { postCommentCreate(input: $input) { postComment { id } ${USER_ERRORS} } }`,
      { input: { postId: gid("Post", publicPost.id), body: "Nice tee" } },
      { user: buyer },
    ),
  ).postCommentCreate.postComment.id as string;
  // A moderation case: someone reported the public post.
  ok(
    await api.gql(
      `mutation($input: ContentReportInput!) { contentReport(input: $input) { ${USER_ERRORS} } }`,
      { input: { targetId: gid("Post", publicPost.id), reason: "SPAM" } },
      { user: await api.token("victim-reporter", ["BUYER"]) },
    ),
  );
  const moderationCase = gid(
    "ModerationCase",
    (
      await prisma.moderationCase.findFirstOrThrow({
        where: { targetId: publicPost.id },
        select: { id: true },
      })
    ).id,
  );
  // The open cart also holds goods that ship, so its delivery options can be chosen.
  const shipped = await commerce.product(shop.id, ["12.00"], 20, "Shipped mug", {
    requiresShipping: true,
    weightGrams: 350,
  });
  const openCart = await commerce.cart(
    [
      { variantId: active.variants[0]!.id, quantity: 2 },
      { variantId: shipped.variants[0]!.id, quantity: 1 },
    ],
    { user: buyer },
    { buyerIdentity: { email: EMAIL }, discountCodes: [DISCOUNT] },
  );
  const openLine = await prisma.cartLine.findFirstOrThrow({
    where: { cartId: dbId(openCart) },
    select: { id: true },
  });
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: dbId(orderId) },
    include: { lines: true, commissions: true },
  });
  expect(order.commissions).toHaveLength(1);
  // Payable, so that a payout has something to pay.
  await prisma.commission.updateMany({
    where: { orderId: order.id },
    data: { status: "PAYABLE", payableAt: new Date(Date.now() - 60_000) },
  });
  const savedAddress = ok(
    await api.gql(
      `mutation($input: ViewerAddressCreateInput!) { viewerAddressCreate(input: $input) { address { id } ${USER_ERRORS} } }`,
      { input: { address: VICTIM_ADDRESS } },
      { user: buyer },
    ),
  ).viewerAddressCreate.address;
  // Shipping: a zone serving the victim cart's address (Berlin), and one the walk changes and deletes.
  const ZONE_CREATE = `mutation($input: ShippingZoneCreateInput!) { shippingZoneCreate(input: $input) { shippingZone { id } ${USER_ERRORS} } }`;
  const zone = async (input: Record<string, unknown>) => {
    const res = ok(
      await api.gql(ZONE_CREATE, { input: { shopId: shop.id, ...input } }, commerce.asMerchant),
    ).shippingZoneCreate;
    expect(res.userErrors).toEqual([]);
    return res.shippingZone.id as string;
  };
  await zone({
    name: "Germany",
    countryCodes: ["DE"],
    rates: [
      { handle: "iso-standard", title: "Standard", price: "4.90", minDays: 2, maxDays: 4 },
      { handle: "iso-express", title: "Express", price: "9.90", minDays: 1, maxDays: 1 },
    ],
  });
  const shippingZone = await zone({
    name: "United States",
    countryCodes: ["US"],
    rates: [{ handle: "iso-us", title: "Ground", price: "15.00", minDays: 5, maxDays: 9 }],
  });
  // Tax: a rate the walk deletes (it creates, then replaces, another).
  const TAX_RATE_SET = `mutation($input: TaxRateSetInput!) { taxRateSet(input: $input) { taxRate { id } ${USER_ERRORS} } }`;
  const taxRate = ok(
    await api.gql(
      TAX_RATE_SET,
      { input: { shopId: shop.id, countryCode: "DE", name: "VAT", percentage: "19" } },
      commerce.asMerchant,
    ),
  ).taxRateSet.taxRate.id as string;
  // Collections: a manual one holding both products (the walk reorders, removes and adds), an
  // automatic one (its rules change), one the walk deletes.
  const COLLECTION_CREATE = `mutation($input: CollectionCreateInput!) { collectionCreate(input: $input) { collection { id } ${USER_ERRORS} } }`;
  const collection = async (input: Record<string, unknown>) => {
    const res = ok(
      await api.gql(COLLECTION_CREATE, { input: { shopId: shop.id, ...input } }, commerce.asMerchant),
    ).collectionCreate;
    expect(res.userErrors).toEqual([]);
    return res.collection.id as string;
  };
  const manualCollection = await collection({ title: "Picks", productIds: [active.id, draft.id] });
  const automaticCollection = await collection({
    title: "Cheap",
    ruleSet: { appliedDisjunctively: false, rules: [{ field: "PRICE", relation: "LESS_THAN", value: "50" }] },
  });
  const collectionToDelete = await collection({ title: "Doomed" });
  const merchantRow = await prisma.user.findUniqueOrThrow({
    where: { externalId: "merchant-commerce" },
    select: { id: true },
  });
  const buyerRow = await prisma.user.findUniqueOrThrow({
    where: { externalId: "victim-buyer" },
    select: { id: true },
  });

  victim = {
    shopId: shop.dbId,
    userIds: [merchantRow.id, creatorRow.id, inviteeRow.id, newcomerRow.id, buyerRow.id],
    cartId: openCart,
    orderId,
    draftProductId: draft.id,
    postId: gid("Post", post.id),
    affiliateCode: link.code,
    affiliateClickId: click.id,
    ids: {
      cart: openCart,
      cartLine: gid("CartLine", openLine.id),
      checkedOutCart: cartId,
      order: orderId,
      orderLine: gid("OrderLine", order.lines[0]!.id),
      orderToCancel,
      orderToReturn,
      returnLine,
      returnToApprove,
      returnToDecline,
      reviewLine: gid("OrderLine", reviewLine.id),
      review,
      comment,
      moderationCase,
      draftProduct: draft.id,
      draftVariant: draft.variants[0]!.id,
      activeProduct: active.id,
      activeVariant: active.variants[0]!.id,
      optionedProduct: optioned.id,
      optionedOption: gid("ProductOption", optionedOption.id),
      optionedVariant: firstVariant(optioned).id,
      shop: shop.id,
      webhookEndpoint: hook.id,
      discountCode: code.id,
      privatePost: gid("Post", post.id),
      privateTag: gid("ProductTag", post.productTags[0]!.id),
      publicPost: gid("Post", publicPost.id),
      publicTag: gid("ProductTag", publicPost.productTags[0]!.id),
      liveSession: session.id,
      sessionToCancel: sessionToCancel.id,
      sessionOnAir: sessionOnAir.id,
      pin: gid("LivePinnedProduct", pin.id),
      affiliateLink: link.id,
      invitation: invitation.id,
      invitationToDecline: invitationToDecline.id,
      creator: gid("User", creatorRow.id),
      newcomer: gid("User", newcomerRow.id),
      commission: gid("Commission", order.commissions[0]!.id),
      address: savedAddress.id,
      shippingZone,
      taxRate,
      manualCollection,
      automaticCollection,
      collectionToDelete,
    },
    secrets: [EMAIL, DRAFT_TITLE, DISCOUNT, CAPTION, RETURN_REASON, hook.signingSecret],
    owners: {
      merchant: commerce.asMerchant,
      creator: { user: creator },
      invitee: { user: invitee },
      buyer: { user: buyer },
      platform: { key: "secret" },
    },
  };
  const merchantB = await api.token("merchant-b", ["MERCHANT"]);
  const asMerchantB: CallAs = { key: "secret", user: merchantB };
  ok(
    await api.gql(
      `mutation($input: ShopCreateInput!) { shopCreate(input: $input) { ${USER_ERRORS} } }`,
      { input: { handle: "shop-b", name: "B", currencyCode: "EUR" } },
      asMerchantB,
    ),
  );
  attackers = [
    ["an anonymous storefront", {}],
    ["another buyer and creator", { user: await api.token("someone-else", ["BUYER", "CREATOR"]) }],
    ["a merchant of another shop", asMerchantB],
  ];
  // Users are created on first sight: meet every attacker before rows are compared.
  for (const [, as] of attackers) await api.gql(`{ viewer { roles } }`, {}, as);
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await api?.close();
});

/**
 * Every row of the victims, all columns, read through Prisma in three statements: their users
 * with their follows, posts, live sessions, affiliate links, invitations, commissions,
 * payouts, orders and carts; the shop with its members, followers, products (options,
 * variants, stock moves, media), discount codes, webhook endpoints and deliveries, affiliate
 * program, links, commissions, orders, posts and live sessions; the shop's webhook events.
 * Posts come with their tags and engagement, sessions with pins and viewers, orders with
 * lines, payments, refunds and fulfilments.
 */
async function victimRows() {
  const db = api.db.prisma;
  const asc = "asc" as const;
  const byId = { orderBy: { id: asc } };
  const post = {
    ...byId,
    include: {
      productTags: byId,
      likes: { orderBy: { userId: asc } },
      views: { orderBy: [{ viewerKey: asc }, { bucket: asc }] },
      shares: byId,
      engagementHours: { orderBy: { hour: asc } },
      comments: byId,
    },
  };
  const session = { ...byId, include: { pins: byId, viewers: { orderBy: { viewerKey: asc } } } };
  const order = {
    ...byId,
    include: { lines: byId, payments: byId, refunds: byId, returns: byId, fulfillments: byId },
  };
  const link = { ...byId, include: { clicks: byId } };
  const [users, shop, webhookEvents, moderationCases] = await Promise.all([
    db.user.findMany({
      where: { id: { in: victim.userIds } },
      ...byId,
      include: {
        following: { orderBy: { followeeId: asc } },
        followers: { orderBy: { followerId: asc } },
        shopsFollowed: { orderBy: { shopId: asc } },
        posts: post,
        liveSessions: session,
        affiliateLinks: link,
        invitations: byId,
        commissions: byId,
        payouts: byId,
        orders: order,
        carts: { ...byId, include: { lines: byId } },
        addresses: byId,
        reviews: byId,
        comments: byId,
        reports: byId,
      },
    }),
    db.shop.findUniqueOrThrow({
      where: { id: victim.shopId },
      include: {
        members: { orderBy: { userId: asc } },
        followers: { orderBy: { followerId: asc } },
        products: {
          ...byId,
          include: {
            options: byId,
            variants: { ...byId, include: { adjustments: byId } },
            media: byId,
            engagementHours: { orderBy: { hour: asc } },
            reviews: byId,
          },
        },
        discountCodes: { ...byId, include: { redemptions: byId } },
        shippingZones: { ...byId, include: { rates: byId } },
        taxRates: byId,
        collections: { ...byId, include: { products: { orderBy: { productId: asc } } } },
        webhookEndpoints: { ...byId, include: { deliveries: byId } },
        affiliateProgram: { include: { productRates: { orderBy: { productId: asc } }, invitations: byId } },
        affiliateLinks: link,
        commissions: byId,
        orders: order,
        posts: post,
        liveSessions: session,
      },
    }),
    db.webhookEvent.findMany({ where: { shopId: victim.shopId }, ...byId }),
    db.moderationCase.findMany({ ...byId, include: { reports: byId } }),
  ]);
  return { users, shop, webhookEvents, moderationCases };
}

/** A plausible value for a non-ID argument of a query, so that checks past input validation are reached. */
function value(type: GraphQLInputType, id: string, depth = 0): unknown {
  if (isNonNullType(type)) return value(type.ofType, id, depth);
  if (isListType(type)) return [value(type.ofType, id, depth + 1)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const isId = named.name === "ID" || /Id$|^id$/.test(field.name);
      if (isId || (isNonNullType(field.type) && depth < 4))
        out[field.name] = isId
          ? isListType(isNonNullType(field.type) ? field.type.ofType : field.type)
            ? [id]
            : id
          : value(field.type, id, depth + 1);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return id;
      case "Int":
        return 1;
      case "Float":
        return 0.5;
      case "Boolean":
        return true;
      case "DateTime":
        return new Date(Date.now() + 3_600_000).toISOString();
      case "Decimal":
        return "1.00";
      case "CurrencyCode":
        return "EUR";
      case "URL":
        return "https://example.test/x";
      case "JSON":
        return {};
      default:
        return "x";
    }
  }
  return null;
}

/** Whether any argument (or input field, one level down) is an ID. */
function takesId(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => {
    const named = getNamedType(a.type);
    if (named.name === "ID") return true;
    return (
      isInputObjectType(named) &&
      Object.values(named.getFields()).some((f) => getNamedType(f.type).name === "ID" || /Id$/.test(f.name))
    );
  });
}

/** Every field of the result, one level of objects deep (the secrets would show there). */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (!isObjectType(named) && !isInterfaceType(named)) return "{ __typename }";
  const parts = ["__typename"];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const leaf = isLeafType(getNamedType(f.type));
    if (leaf) parts.push(f.name);
    else if (depth < 2)
      parts.push(
        `${f.name}${f.args.some((a) => a.name === "first") ? "(first: 5)" : ""} ${selection(f.type, depth + 1)}`,
      );
  }
  return `{ ${parts.join(" ")} }`;
}

function operation(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>, id: string) {
  const defs: string[] = [];
  const args: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    const named = getNamedType(arg.type);
    if (!isNonNullType(arg.type) && named.name !== "ID" && !isInputObjectType(named)) continue;
    defs.push(`$${arg.name}: ${arg.type.toString()}`);
    args.push(`${arg.name}: $${arg.name}`);
    variables[arg.name] = value(arg.type, id);
  }
  const head = defs.length ? `${kind} Isolation(${defs.join(", ")})` : kind;
  return {
    query: `${head} { ${field.name}${args.length ? `(${args.join(", ")})` : ""} ${selection(field.type)} }`,
    variables,
  };
}

// ───────────── the mutation walk ─────────────

type Pass = 0 | 1;
const PASSES: Pass[] = [0, 1];
const PASS_NAME = ["A", "B"] as const;

interface Case {
  /** What an unguarded call by an outsider would do: create a row under one of the victims', change or delete one of theirs, or act on one (a counter, a like). */
  does: "create" | "update" | "delete" | "act";
  /** The type of the row it would create, change, delete or act on. */
  type: string;
  /** The victim (a key of `victim.ids`) each ID field names, by path in the input; null leaves the field out. */
  ids: Record<string, string | null>;
  /** Values, by path, where the generic change would be refused; may read the current state. */
  values?: (pass: Pass) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Who of the victims' side may send it (the last test). */
  owner: Owner;
  /** A one-way step (a transition, a delete): the victims send it once, not once per pass. */
  once?: true;
}

/** A valid address with every field, different per pass. */
const fullAddress = (pass: Pass) => ({
  ...VICTIM_ADDRESS,
  firstName: `Isolation ${"ab"[pass]}`,
  company: `Isolation ${"ab"[pass]} GmbH`,
  address1: `Isolationstraße ${pass + 1}`,
  address2: `Hinterhaus ${pass + 1}`,
  provinceCode: "BE",
  phone: `+49 30 123456${pass}`,
});

/** Shipping rates covering every field of ShippingRateInput (one by weight, one by order value), different per pass. */
const shippingRates = (prefix: string, pass: Pass) => [
  {
    handle: `${prefix}-weight-${"ab"[pass]}`,
    title: `Isolation ${"ab"[pass]}`,
    price: `${pass + 1}.00`,
    weightRange: { minGrams: pass, maxGrams: 10_000 + pass },
    freeAbove: `${100 + pass}.00`,
    minDays: 1,
    maxDays: 3 + pass,
  },
  {
    handle: `${prefix}-value-${"ab"[pass]}`,
    title: "By value",
    price: "2.00",
    orderValueRange: { min: `${pass}.00`, max: `${500 + pass}.00` },
    freeAbove: `${200 + pass}.00`,
    minDays: 2,
    maxDays: 5,
  },
];

/** A US zone (the victim cart's Berlin address stays served by the Germany zone), different per pass. */
const usZone = (prefix: string) => (pass: Pass) => ({
  name: `Isolation ${"ab"[pass]}`,
  countryCodes: ["US"],
  provinceCodes: [pass === 0 ? "US-CA" : "US-NY"],
  rates: shippingRates(prefix, pass),
});

/** A collection rule every field of CollectionRuleInput fits. */
const optionRule = { "ruleSet.rules.field": "OPTION_VALUE", "ruleSet.rules.relation": "EQUALS" };

const attribution = () => ({
  "lines.attribution.affiliateCode": victim.affiliateCode,
  "lines.attribution.affiliateClickId": victim.affiliateClickId,
});

/**
 * Every mutation taking an ID. Each names a target in which its change applies while the
 * outsiders walk (an invitation still PENDING, a LIVE session to end, a creator not yet
 * invited), and they come in the order the victims' side can send them one after the other
 * (the last test): state moves on (a product archived, a cart checked out) and later cases
 * count on it.
 */
const WALK: [string, Case][] = [
  ["shopUpdate", { does: "update", type: "Shop", owner: "merchant", ids: { id: "shop" } }],
  [
    "productCreate",
    {
      does: "create",
      type: "Product",
      owner: "merchant",
      ids: { shopId: "shop" },
      // A variant selects one value of each option.
      values: () => ({
        "options.name": "Size",
        "options.values": ["One"],
        "variants.selectedOptions.name": "Size",
        "variants.selectedOptions.value": "One",
      }),
    },
  ],
  [
    "productUpdate",
    {
      does: "update",
      type: "Product",
      owner: "merchant",
      ids: { id: "draftProduct", "variants.id": "draftVariant" },
    },
  ],
  [
    "inventoryAdjust",
    {
      does: "update",
      type: "ProductVariant",
      owner: "merchant",
      ids: { variantId: "draftVariant" },
      // A compare-and-set applies only at the current quantity.
      values: async () => ({
        expectedQuantity: (
          await api.db.prisma.productVariant.findUniqueOrThrow({
            where: { id: dbId(victim.ids.draftVariant!) },
            select: { inventoryQuantity: true },
          })
        ).inventoryQuantity,
      }),
    },
  ],
  // Options and variants after creation (catalog/variants.service.ts), on the product with Size
  // [S0, S1]: an option added per pass (every variant takes its first value), Size renamed, moved
  // and its values renamed, a variant per pass selecting a new value of each option; then a
  // variant and the option Size deleted (the variants stay distinct without it).
  [
    "productOptionsCreate",
    { does: "update", type: "Product", owner: "merchant", ids: { productId: "optionedProduct" } },
  ],
  [
    "productOptionUpdate",
    {
      does: "update",
      type: "Product",
      owner: "merchant",
      ids: { productId: "optionedProduct", optionId: "optionedOption" },
      values: (pass) => ({
        name: `Size ${"ab"[pass]}`,
        position: pass,
        values:
          pass === 0
            ? [{ name: "S0 a", currentName: "S0" }, { name: "S1", currentName: "S1" }, { name: "S2" }]
            : [
                { name: "S1", currentName: "S1" },
                { name: "S0 b", currentName: "S0 a" },
              ],
      }),
    },
  ],
  [
    "productVariantsCreate",
    {
      does: "create",
      type: "ProductVariant",
      owner: "merchant",
      ids: { productId: "optionedProduct" },
      values: async (pass) => ({
        "variants.selectedOptions": (
          await api.db.prisma.productOption.findMany({
            where: { productId: dbId(victim.ids.optionedProduct ?? "") },
            orderBy: { position: "asc" },
            select: { name: true },
          })
        ).map((o) => ({ name: o.name, value: `New ${"ab"[pass]}` })),
      }),
    },
  ],
  [
    "productVariantsDelete",
    {
      does: "delete",
      type: "ProductVariant",
      owner: "merchant",
      ids: { productId: "optionedProduct", variantIds: "optionedVariant" },
      once: true,
    },
  ],
  [
    "productOptionsDelete",
    {
      does: "delete",
      type: "ProductOption",
      owner: "merchant",
      ids: { productId: "optionedProduct", optionIds: "optionedOption" },
      once: true,
    },
  ],
  [
    "collectionCreate",
    {
      does: "create",
      type: "Collection",
      owner: "merchant",
      ids: { shopId: "shop", productIds: null },
      // Rules make it automatic, so it takes no products and no manual order; only OPTION_VALUE
      // rules take an optionName.
      values: () => ({ ...optionRule, sortOrder: "TITLE" }),
    },
  ],
  [
    "collectionUpdate",
    {
      does: "update",
      type: "Collection",
      owner: "merchant",
      ids: { id: "automaticCollection" },
      values: (pass) => ({ ...optionRule, sortOrder: pass === 0 ? "CREATED" : "PRICE_DESC" }),
    },
  ],
  [
    "collectionProductsReorder",
    {
      does: "update",
      type: "Collection",
      owner: "merchant",
      ids: { id: "manualCollection", "moves.productId": "activeProduct" },
      values: (pass) => ({ "moves.newPosition": 1 - pass }),
    },
  ],
  [
    "collectionProductsRemove",
    {
      does: "update",
      type: "Collection",
      owner: "merchant",
      ids: { id: "manualCollection", productIds: "draftProduct" },
      once: true,
    },
  ],
  [
    "collectionProductsAdd",
    {
      does: "update",
      type: "Collection",
      owner: "merchant",
      ids: { id: "manualCollection", productIds: "draftProduct" },
      once: true,
    },
  ],
  [
    "collectionDelete",
    { does: "delete", type: "Collection", owner: "merchant", ids: { id: "collectionToDelete" }, once: true },
  ],
  [
    "shippingZoneCreate",
    {
      does: "create",
      type: "ShippingZone",
      owner: "merchant",
      ids: { shopId: "shop" },
      values: usZone("iso-create"),
    },
  ],
  [
    "shippingZoneUpdate",
    {
      does: "update",
      type: "ShippingZone",
      owner: "merchant",
      ids: { id: "shippingZone" },
      values: usZone("iso-update"),
    },
  ],
  [
    "shippingZoneDelete",
    { does: "delete", type: "ShippingZone", owner: "merchant", ids: { id: "shippingZone" }, once: true },
  ],
  // A shop's rate for California: pass B replaces pass A's.
  [
    "taxRateSet",
    {
      does: "create",
      type: "TaxRate",
      owner: "merchant",
      ids: { shopId: "shop" },
      values: (pass) => ({ countryCode: "US", provinceCode: "CA", percentage: `${7 + pass}.25` }),
    },
  ],
  [
    "taxRateDelete",
    { does: "delete", type: "TaxRate", owner: "merchant", ids: { id: "taxRate" }, once: true },
  ],
  [
    "discountCodeCreate",
    { does: "create", type: "DiscountCode", owner: "merchant", ids: { shopId: "shop" } },
  ],
  [
    "webhookEndpointCreate",
    { does: "create", type: "WebhookEndpoint", owner: "merchant", ids: { shopId: "shop" } },
  ],
  // rotateSecret false would be no change at all.
  [
    "webhookEndpointUpdate",
    {
      does: "update",
      type: "WebhookEndpoint",
      owner: "merchant",
      ids: { id: "webhookEndpoint" },
      values: () => ({ rotateSecret: true }),
    },
  ],
  [
    "webhookEndpointDelete",
    {
      does: "delete",
      type: "WebhookEndpoint",
      owner: "merchant",
      ids: { id: "webhookEndpoint" },
      once: true,
    },
  ],
  [
    "affiliateProgramUpsert",
    {
      does: "update",
      type: "AffiliateProgram",
      owner: "merchant",
      ids: { shopId: "shop", "productRates.productId": "draftProduct" },
    },
  ],
  [
    "affiliateInvite",
    {
      does: "create",
      type: "AffiliateInvitation",
      owner: "merchant",
      ids: { shopId: "shop", creatorId: "newcomer" },
      once: true,
    },
  ],
  [
    "affiliateInvitationDecline",
    {
      does: "update",
      type: "AffiliateInvitation",
      owner: "invitee",
      ids: { id: "invitationToDecline" },
      once: true,
    },
  ],
  [
    "affiliateInvitationAccept",
    { does: "update", type: "AffiliateInvitation", owner: "creator", ids: { id: "invitation" }, once: true },
  ],
  // Each kind of target: a product (every field given), a post, the whole shop.
  [
    "affiliateLinkCreate",
    {
      does: "create",
      type: "AffiliateLink",
      owner: "creator",
      ids: { productId: "activeProduct", postId: "publicPost", shopId: "shop" },
    },
  ],
  [
    "affiliateLinkCreate",
    {
      does: "create",
      type: "AffiliateLink",
      owner: "creator",
      ids: { productId: null, postId: "publicPost", shopId: "shop" },
    },
  ],
  [
    "affiliateLinkCreate",
    {
      does: "create",
      type: "AffiliateLink",
      owner: "creator",
      ids: { productId: null, postId: null, shopId: "shop" },
    },
  ],
  [
    "affiliatePayout",
    { does: "update", type: "Commission", owner: "platform", ids: { creatorId: "creator" }, once: true },
  ],
  [
    "cartLinesAdd",
    {
      does: "create",
      type: "CartLine",
      owner: "buyer",
      ids: {
        cartId: "cart",
        "lines.variantId": "activeVariant",
        "lines.attribution.postId": "publicPost",
        "lines.attribution.productTagId": "publicTag",
        "lines.attribution.liveSessionId": "liveSession",
      },
      values: attribution,
    },
  ],
  [
    "cartLinesUpdate",
    { does: "update", type: "CartLine", owner: "buyer", ids: { cartId: "cart", "lines.id": "cartLine" } },
  ],
  ["cartDiscountCodesUpdate", { does: "update", type: "Cart", owner: "buyer", ids: { cartId: "cart" } }],
  ["cartBuyerIdentityUpdate", { does: "update", type: "Cart", owner: "buyer", ids: { cartId: "cart" } }],
  [
    "cartDeliveryAddressUpdate",
    {
      does: "update",
      type: "Cart",
      owner: "buyer",
      // An inline address (a saved one instead is exclusive with it; another user's is NOT_FOUND,
      // see cart-delivery-address.test.ts).
      ids: { cartId: "cart", addressId: null },
      values: (pass) => ({ address: fullAddress(pass) }),
    },
  ],
  [
    "cartSelectedDeliveryOptionsUpdate",
    {
      does: "update",
      type: "Cart",
      owner: "buyer",
      ids: { cartId: "cart", "selections.shopId": "shop" },
      values: (pass) => ({
        selections: [{ shopId: victim.ids.shop, handle: pass === 0 ? "iso-standard" : "iso-express" }],
      }),
    },
  ],
  [
    "viewerAddressUpdate",
    {
      does: "update",
      type: "BuyerAddress",
      owner: "buyer",
      ids: { id: "address" },
      values: (pass) => ({ address: fullAddress(pass) }),
    },
  ],
  [
    "viewerAddressDelete",
    { does: "delete", type: "BuyerAddress", owner: "buyer", ids: { id: "address" }, once: true },
  ],
  [
    "cartLinesRemove",
    {
      does: "delete",
      type: "CartLine",
      owner: "buyer",
      ids: { cartId: "cart", lineIds: "cartLine" },
      once: true,
    },
  ],
  ["checkoutComplete", { does: "update", type: "Cart", owner: "buyer", ids: { cartId: "cart" }, once: true }],
  // One of the order line's two units, with tracking.
  [
    "orderFulfill",
    {
      does: "update",
      type: "Order",
      owner: "merchant",
      ids: { id: "order", "lines.lineId": "orderLine" },
      values: () => ({ "lines.quantity": 1 }),
      once: true,
    },
  ],
  // The order line holds two units: one per pass.
  [
    "orderRefund",
    {
      does: "update",
      type: "Order",
      owner: "merchant",
      ids: { id: "order", "lines.lineId": "orderLine" },
      values: () => ({ "lines.quantity": 1 }),
    },
  ],
  [
    "orderCancel",
    { does: "update", type: "Order", owner: "merchant", ids: { id: "orderToCancel" }, once: true },
  ],
  // Two shipped units left to request: one per pass.
  [
    "returnRequest",
    {
      does: "create",
      type: "Return",
      owner: "buyer",
      ids: { orderId: "orderToReturn", "lines.lineId": "returnLine" },
      values: () => ({ "lines.quantity": 1 }),
    },
  ],
  [
    "returnApprove",
    { does: "update", type: "Return", owner: "merchant", ids: { id: "returnToApprove" }, once: true },
  ],
  [
    "returnDecline",
    { does: "update", type: "Return", owner: "merchant", ids: { id: "returnToDecline" }, once: true },
  ],
  [
    "cartCreate",
    {
      does: "act",
      type: "ProductTag",
      owner: "creator",
      ids: {
        "lines.variantId": "activeVariant",
        "lines.attribution.postId": "privatePost",
        "lines.attribution.productTagId": "privateTag",
        "lines.attribution.liveSessionId": "liveSession",
      },
      values: attribution,
    },
  ],
  [
    "productTagTap",
    { does: "act", type: "ProductTag", owner: "creator", ids: { productTagId: "privateTag" } },
  ],
  ["postLike", { does: "act", type: "Post", owner: "creator", ids: { postId: "privatePost" }, once: true }],
  // Takes back only the caller's own like, so it can change nothing; still refused.
  ["postUnlike", { does: "act", type: "Post", owner: "creator", ids: { postId: "privatePost" }, once: true }],
  ["postShare", { does: "act", type: "Post", owner: "creator", ids: { postId: "privatePost" } }],
  ["postView", { does: "act", type: "Post", owner: "creator", ids: { postId: "privatePost" }, once: true }],
  // A video: its durationMs and the tags' times are filled too.
  [
    "postCreate",
    {
      does: "create",
      type: "Post",
      owner: "merchant",
      ids: {
        shopId: "shop",
        "productTags.productId": "activeProduct",
        "productTags.variantId": "activeVariant",
      },
      values: () => ({ "media.kind": "VIDEO" }),
    },
  ],
  // The public post too: the private one is NOT_FOUND to outsiders before who may edit it is asked.
  [
    "postUpdate",
    {
      does: "update",
      type: "Post",
      owner: "creator",
      ids: {
        id: "privatePost",
        "productTags.productId": "activeProduct",
        "productTags.variantId": "activeVariant",
      },
    },
  ],
  [
    "postUpdate",
    {
      does: "update",
      type: "Post",
      owner: "creator",
      ids: {
        id: "publicPost",
        "productTags.productId": "activeProduct",
        "productTags.variantId": "activeVariant",
      },
    },
  ],
  // Community: a review on the buyer's line, the shop's reply, a comment on a private post, a deletion.
  [
    "productReviewCreate",
    {
      does: "create",
      type: "ProductReview",
      owner: "buyer",
      ids: { productId: "activeProduct", orderLineId: "reviewLine" },
      values: (pass) => ({ mediaUrls: [`https://isolation.example.test/review-${pass}.jpg`] }),
      once: true,
    },
  ],
  [
    "productReviewReply",
    { does: "update", type: "ProductReview", owner: "merchant", ids: { reviewId: "review" } },
  ],
  [
    "postCommentCreate",
    {
      does: "create",
      type: "PostComment",
      owner: "creator",
      ids: { postId: "privatePost", productIds: "activeProduct" },
    },
  ],
  [
    "postCommentDelete",
    // By the post's author: the walk's postUpdate may have made the post private by now.
    { does: "delete", type: "PostComment", owner: "creator", ids: { id: "comment" }, once: true },
  ],
  // Outsiders cannot see the private post, so cannot report it; its author can.
  [
    "contentReport",
    { does: "create", type: "ContentReport", owner: "creator", ids: { targetId: "privatePost" }, once: true },
  ],
  [
    "moderationResolve",
    {
      does: "update",
      type: "ModerationCase",
      owner: "platform",
      ids: { caseId: "moderationCase" },
      once: true,
    },
  ],
  ["postDelete", { does: "delete", type: "Post", owner: "creator", ids: { id: "privatePost" }, once: true }],
  ["postDelete", { does: "delete", type: "Post", owner: "creator", ids: { id: "publicPost" }, once: true }],
  // For the shop and the creator as host; for the shop by the caller; for the creator alone.
  [
    "liveSessionSchedule",
    { does: "create", type: "LiveSession", owner: "platform", ids: { shopId: "shop", hostId: "creator" } },
  ],
  [
    "liveSessionSchedule",
    { does: "create", type: "LiveSession", owner: "merchant", ids: { shopId: "shop", hostId: null } },
  ],
  [
    "liveSessionSchedule",
    { does: "create", type: "LiveSession", owner: "platform", ids: { shopId: null, hostId: "creator" } },
  ],
  [
    "liveSessionPinProduct",
    {
      does: "create",
      type: "LivePinnedProduct",
      owner: "creator",
      ids: { liveSessionId: "liveSession", productId: "activeProduct", variantId: "activeVariant" },
    },
  ],
  [
    "liveSessionUnpinProduct",
    {
      does: "delete",
      type: "LivePinnedProduct",
      owner: "creator",
      ids: { pinnedProductId: "pin" },
      once: true,
    },
  ],
  [
    "liveSessionStart",
    { does: "update", type: "LiveSession", owner: "creator", ids: { id: "liveSession" }, once: true },
  ],
  [
    "liveSessionEnd",
    { does: "update", type: "LiveSession", owner: "creator", ids: { id: "sessionOnAir" }, once: true },
  ],
  [
    "liveSessionCancel",
    { does: "update", type: "LiveSession", owner: "creator", ids: { id: "sessionToCancel" }, once: true },
  ],
  [
    "productArchive",
    { does: "delete", type: "Product", owner: "merchant", ids: { id: "activeProduct" }, once: true },
  ],
];

/** Mutations taking an ID that anyone may send about the victims: why, for each. */
const PUBLIC: Record<string, string> = {
  userFollow: "anyone follows a user or a shop; the follower is always the caller",
  userUnfollow: "the follower is always the caller",
  liveSessionJoin: "anyone watches a LIVE session; the viewer is always the caller",
  liveSessionLeave: "the viewer is always the caller",
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Ints are base + pass: 3 or 4 unless a field needs more room (a video's length, a tag's end in it). */
const INT_BASE: Record<string, number> = { durationMs: 10_000, endMs: 5_000 };

interface Fill {
  mutation: string;
  pass: Pass;
  ids: Record<string, string | null>;
  values: Record<string, unknown>;
}

function text(name: string, path: string, f: Fill): string {
  const tag = "ab"[f.pass]!;
  if (/url$/i.test(name)) return `https://isolation.example.test/${f.mutation}/${path}/${tag}`;
  switch (name) {
    case "handle":
      return `isolation-${f.mutation.toLowerCase()}-${tag}`;
    case "email":
      return `isolation-${tag}@example.test`;
    case "countryCode":
      return f.pass === 0 ? "DE" : "FR";
    case "currencyCode":
      // The victims' shop has products, so it keeps its currency; its commissions are in it.
      return "EUR";
    case "idempotencyKey":
      return randomUUID();
    case "token":
      return "tok_success";
    default:
      // Letters, digits and _: valid as a title, a tag, a hashtag, a code, a channel, a sessionId.
      return `isolation_${tag}_${name}`;
  }
}

/** A valid value of a scalar field that differs from what the victims' rows hold. */
function scalar(typeName: string, name: string, path: string, f: Fill): unknown {
  switch (typeName) {
    case "Boolean":
      return f.pass === 1;
    case "Int":
      return (INT_BASE[name] ?? 3) + f.pass;
    case "Float":
      return f.pass === 0 ? 0.25 : 0.75;
    case "Decimal":
      return `${1 + f.pass}.00`;
    case "DateTime":
      return new Date(Date.now() + (name === "endsAt" ? 2 * DAY : DAY) + f.pass * HOUR).toISOString();
    case "String":
      return text(name, path, f);
    default:
      throw new Error(`${f.mutation}: no change is known for ${path} (${typeName})`);
  }
}

function fillValue(type: GraphQLInputType, path: string, name: string, f: Fill): unknown {
  if (isNonNullType(type)) return fillValue(type.ofType, path, name, f);
  if (isListType(type)) return [fillValue(type.ofType, path, name, f)];
  if (isInputObjectType(type)) return fill(type, path, f);
  if (isEnumType(type)) {
    const values = type.getValues();
    return values[f.pass === 0 ? 0 : values.length - 1]!.value;
  }
  return scalar(type.name, name, path, f);
}

/** Every field of `type` filled: ID fields with the victims' ids, others with a change (lists with one element). */
function fill(type: GraphQLInputObjectType, prefix: string, f: Fill): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    if (path in f.values) {
      out[field.name] = f.values[path];
    } else if (getNamedType(field.type).name === "ID") {
      const key = f.ids[path];
      if (key === undefined) throw new Error(`WALK names no victim for ${f.mutation}'s ID field ${path}`);
      if (key === null) continue;
      const id = victim.ids[key];
      if (!id) throw new Error(`${f.mutation}: no victim is called ${key}`);
      out[field.name] = isListType(isNonNullType(field.type) ? field.type.ofType : field.type) ? [id] : id;
    } else {
      out[field.name] = fillValue(field.type, path, field.name, f);
    }
  }
  return out;
}

function inputOf(mutation: string): { field: GraphQLField<unknown, unknown>; input: GraphQLInputObjectType } {
  const field = schema.getMutationType()!.getFields()[mutation];
  if (!field) throw new Error(`No mutation is called ${mutation}`);
  const input = getNamedType(field.args[0]!.type);
  if (!isInputObjectType(input)) throw new Error(`${mutation}'s first argument is not an input object`);
  return { field, input };
}

async function walkOperation(mutation: string, c: Case, pass: Pass) {
  const { field, input } = inputOf(mutation);
  const values = (await c.values?.(pass)) ?? {};
  const variables = { input: fill(input, "", { mutation, pass, ids: c.ids, values }) };
  return {
    query: `mutation Isolation($input: ${field.args[0]!.type.toString()}) { ${mutation}(input: $input) ${selection(field.type)} }`,
    variables,
  };
}

/** Paths of the fields of `type` whose type is (a list of) ID, all levels down. */
function idPaths(type: GraphQLInputType, path = ""): string[] {
  const named = getNamedType(type);
  if (named.name === "ID") return [path];
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields()).flatMap((f) =>
    idPaths(f.type, path ? `${path}.${f.name}` : f.name),
  );
}

/** Paths of every field of `type` that is not an input object, all levels down. */
function leafPaths(type: GraphQLInputType, path = ""): string[] {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return [path];
  return Object.values(named.getFields()).flatMap((f) =>
    leafPaths(f.type, path ? `${path}.${f.name}` : f.name),
  );
}

/** Paths that hold a value (not null, not an empty list) in `value`. */
function filledPaths(value: unknown, path = ""): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => filledPaths(v, path)))];
  if (typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => filledPaths(v, path ? `${path}.${k}` : k));
  return [path];
}

function userErrorsOf(res: GraphQLResponse): unknown[] {
  const payload = Object.values((res.data ?? {}) as Record<string, { userErrors?: unknown[] } | null>)[0];
  return payload?.userErrors ?? [];
}

describe("tenant isolation", () => {
  it("no query taking an ID shows another tenant's secrets to a caller without rights", async () => {
    const fields = Object.values(schema.getQueryType()!.getFields()).filter(takesId);
    expect(fields.length).toBeGreaterThan(8);
    for (const field of fields) {
      for (const [name, id] of Object.entries(victim.ids)) {
        const { query, variables } = operation("query", field, id);
        for (const [who, as] of attackers) {
          const res = await api.gql(query, variables, as);
          const body = JSON.stringify(res.data ?? null) + JSON.stringify(res.errors ?? []);
          for (const secret of victim.secrets)
            expect(body, `${field.name}(${name}) as ${who} leaked ${secret}`).not.toContain(secret);
          expect(res.status, `${field.name}(${name}) as ${who}`).toBeLessThan(500);
        }
      }
    }
  });

  it("the mutation walk names every mutation taking an ID, a victim for each ID field and a change for every other field", async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const takingIds = mutations
      .filter((f) => f.args.some((a) => idPaths(a.type).length > 0))
      .map((f) => f.name);
    const named = new Set([...WALK.map(([mutation]) => mutation), ...Object.keys(PUBLIC)]);
    expect(
      [...named].sort(),
      "mutations taking an ID that WALK (or PUBLIC) leaves out, or names wrongly",
    ).toEqual(takingIds.sort());
    for (const [mutation, c] of WALK) {
      const { field, input } = inputOf(mutation);
      expect(
        field.args.map((a) => a.name),
        mutation,
      ).toEqual(["input"]);
      expect(Object.keys(c.ids).sort(), `${mutation}: its ID fields`).toEqual(idPaths(input).sort());
      const omitted = Object.keys(c.ids)
        .filter((path) => c.ids[path] === null)
        .sort();
      for (const pass of PASSES) {
        const { variables } = await walkOperation(mutation, c, pass);
        const filled = new Set(filledPaths(variables.input));
        expect(
          leafPaths(input)
            .filter((path) => !filled.has(path))
            .sort(),
          `${mutation} pass ${PASS_NAME[pass]}: fields left out`,
        ).toEqual(omitted);
      }
    }
  });

  it("no mutation taking an ID lets a caller without rights change another tenant's rows or see their secrets", async () => {
    const before = await victimRows();
    for (const [mutation, c] of WALK) {
      for (const pass of PASSES) {
        const { query, variables } = await walkOperation(mutation, c, pass);
        for (const [who, as] of attackers) {
          const res = await api.gql(query, variables, as);
          const what = `${mutation} (${c.does} ${c.type}, pass ${PASS_NAME[pass]}) as ${who}`;
          const body = JSON.stringify(res.data ?? null) + JSON.stringify(res.errors ?? []);
          for (const secret of victim.secrets) expect(body, `${what} leaked ${secret}`).not.toContain(secret);
          expect(res.status, what).toBeLessThan(500);
          expect(
            await victimRows(),
            `${what} changed the victims' rows; it answered ${body.slice(0, 300)}`,
          ).toEqual(before);
          expect(
            (res.errors?.length ?? 0) + userErrorsOf(res).length,
            `${what} was not refused: ${body.slice(0, 300)}`,
          ).toBeGreaterThan(0);
        }
      }
    }
  });

  it("no subscription taking an ID lets a caller without rights listen", async () => {
    const cases: [string, string, string][] = [
      ["cartUpdated", "cartId", victim.cartId],
      ["orderStatusChanged", "orderId", victim.orderId],
      ["inventoryChanged", "productId", victim.draftProductId],
      ["postEngagement", "postId", victim.postId],
    ];
    const covered = Object.values(schema.getSubscriptionType()!.getFields())
      .filter(takesId)
      .map((f) => f.name);
    // liveSessionEvents is public, as liveSession(id) is.
    expect(covered.sort()).toEqual([...cases.map((c) => c[0]), "liveSessionEvents"].sort());
    for (const [field, arg, id] of cases) {
      for (const [who, as] of attackers) {
        const client = wsClient(
          url,
          params(api, {
            key: as.key === "secret" ? "secret" : "publishable",
            ...(as.user ? { user: as.user } : {}),
          }),
        );
        clients.push(client);
        const first = await wsSubscribe(
          client,
          `subscription($id: ID!) { ${field}(${arg}: $id) { __typename } }`,
          { id },
        ).next();
        expect(first.errors?.[0]?.extensions?.code, `${field} as ${who}`).toMatch(
          /^(FORBIDDEN|UNAUTHENTICATED|BAD_USER_INPUT)$/,
        );
        expect(first.data ?? null).toBeNull();
      }
    }
  });

  // Last: it changes the victims' rows for good.
  it("every input of the mutation walk is a real change: sent by the victims' own side, each changes their rows", async () => {
    for (const [mutation, c] of WALK) {
      for (const pass of c.once ? PASSES.slice(0, 1) : PASSES) {
        const before = await victimRows();
        const { query, variables } = await walkOperation(mutation, c, pass);
        const res = await api.gql(query, variables, victim.owners[c.owner]);
        const what = `${mutation} (pass ${PASS_NAME[pass]}) as the victims' ${c.owner}`;
        // Errors deeper down are the payload's fields the owner may not read (Order.commissions).
        expect(
          (res.errors ?? []).filter((e) => (e.path?.length ?? 0) <= 1),
          what,
        ).toEqual([]);
        expect(userErrorsOf(res), what).toEqual([]);
        expect(await victimRows(), `${what} changed nothing`).not.toEqual(before);
      }
    }
  });
});
