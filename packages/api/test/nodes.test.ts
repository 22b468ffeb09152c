/**
 * `node(id)` and `nodes(ids)` for every node type: an object the caller may not see answers
 * exactly as an absent one (null, no error), and a malformed id is null in its own slot.
 */
import { randomUUID } from "node:crypto";
import { uuidv7 } from "@shoppable/schema/shared/uuid.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, gid } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

let api: TestApi;
let commerce: Commerce;

/** One object of a node type, a caller who may see it, and whether strangers may too. */
interface Fixture {
  type: string;
  id: string;
  owner: CallAs;
  public: boolean;
}
const fixtures: Fixture[] = [];
/** Callers who own nothing: the storefront without a user, and a merchant of no shop. */
const strangers: Record<string, CallAs> = {};

const NODE = `query($id: ID!) { node(id: $id) { id __typename } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`;
const b64 = (text: string) => Buffer.from(text).toString("base64");

beforeAll(async () => {
  api = await startTestApi({ WEBHOOKS_DISPATCH: "0" });
  commerce = await Commerce.start(api);
  const prisma = api.db.prisma;
  const merchant = commerce.asMerchant;
  const buyer: CallAs = { user: await api.token("nodes-buyer", ["BUYER"]) };
  const creatorToken = await api.token("nodes-creator", ["BUYER", "CREATOR"]);
  strangers.storefront = {};
  strangers.merchant = { key: "secret", user: await api.token("nodes-stranger", ["BUYER", "MERCHANT"]) };
  const add = (type: string, id: string, owner: CallAs, isPublic: boolean) =>
    fixtures.push({ type, id: gid(type, id), owner, public: isPublic });

  // Public: the shop, its active product and variant, a collection, users, programs, links, live sessions.
  const shop = await commerce.shop("EUR");
  add("Shop", shop.dbId, merchant, true);
  const active = await commerce.product(shop.id, ["10.00"], 10);
  add("Product", active.dbId, merchant, true);
  add("ProductVariant", active.variants[0]!.dbId, merchant, true);
  const collection = await prisma.collection.create({
    data: { shopId: shop.dbId, handle: "nodes-collection", title: "Nodes" },
    select: { id: true },
  });
  add("Collection", collection.id, merchant, true);
  const zone = await prisma.shippingZone.create({
    data: { shopId: shop.dbId, name: "Nodes", countryCodes: ["DE"] },
    select: { id: true },
  });
  add("ShippingZone", zone.id, merchant, true);
  const taxRate = await prisma.taxRate.create({
    data: { shopId: shop.dbId, countryCode: "DE", name: "VAT", ratePpm: 190_000 },
    select: { id: true },
  });
  add("TaxRate", taxRate.id, merchant, true);
  const creator = await commerce.user("nodes-creator");
  add("User", creator.id, merchant, true);
  const program = await prisma.affiliateProgram.create({
    data: { shopId: shop.dbId, defaultRate: 1000 },
    select: { id: true },
  });
  add("AffiliateProgram", program.id, merchant, true);
  add("AffiliateLink", (await commerce.affiliateLink(shop.dbId, "NODESLINK")).id, merchant, true);

  // Hidden: a draft product with what shows only with it (variant, option, media, live pin).
  const draft = await commerce.product(shop.id, ["10.00", "12.00"], 10);
  await prisma.product.update({ where: { id: draft.dbId }, data: { status: "DRAFT" } });
  add("Product", draft.dbId, merchant, false);
  add("ProductVariant", draft.variants[0]!.dbId, merchant, false);
  const option = await prisma.productOption.findFirstOrThrow({
    where: { productId: draft.dbId },
    select: { id: true },
  });
  add("ProductOption", option.id, merchant, false);
  const media = await prisma.productMedia.create({
    data: { productId: draft.dbId, url: "/media/draft.jpg", position: 0 },
    select: { id: true },
  });
  add("Media", media.id, merchant, false);
  const session = await commerce.liveSession(draft.dbId, 900);
  add("LiveSession", session.dbId, merchant, true);
  add("LivePinnedProduct", session.pinDbId, merchant, false);

  // Hidden: a discount code, webhook endpoints and their deliveries (the shop's merchants only).
  const code = await commerce.discountCode(shop.id, { code: "NODES10", kind: "PERCENTAGE", value: "10" });
  add("DiscountCode", dbId(code.id), merchant, false);
  const endpoint = await prisma.webhookEndpoint.create({
    data: { shopId: shop.dbId, url: "http://127.0.0.1:9/hook", topics: ["ORDER_PAID"], secret: "whsec_test" },
    select: { id: true },
  });
  add("WebhookEndpoint", endpoint.id, merchant, false);
  const event = await prisma.webhookEvent.create({
    data: { shopId: shop.dbId, topic: "ORDER_PAID", payload: {} },
    select: { id: true },
  });
  const delivery = await prisma.webhookDelivery.create({
    data: { eventId: event.id, endpointId: endpoint.id },
    select: { id: true },
  });
  add("WebhookDelivery", delivery.id, merchant, false);

  // Hidden: a private post and its product tag (its author only).
  const post = await commerce.postWithTag(active.dbId, "PRIVATE");
  const author: CallAs = { user: await api.token("author-commerce", ["BUYER", "CREATOR"]) };
  add("Post", post.postDbId, author, false);
  add("ProductTag", post.tagDbId, author, false);

  // Hidden: a buyer's cart and order with their lines; a creator's invitation.
  const cartId = await commerce.cart([{ variantId: active.variants[0]!.id, quantity: 1 }], buyer);
  const cartLine = await prisma.cartLine.findFirstOrThrow({
    where: { cartId: dbId(cartId) },
    select: { id: true },
  });
  add("Cart", dbId(cartId), buyer, false);
  add("CartLine", cartLine.id, buyer, false);
  const paidCart = await commerce.cart([{ variantId: active.variants[0]!.id, quantity: 1 }], buyer);
  const order = ok(
    await api.gql(
      CHECKOUT,
      { input: { cartId: paidCart, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
      buyer,
    ),
  ).checkoutComplete;
  expect(order.userErrors).toEqual([]);
  const orderLine = await prisma.orderLine.findFirstOrThrow({
    where: { orderId: dbId(order.order.id) },
    select: { id: true },
  });
  add("Order", dbId(order.order.id), buyer, false);
  add("OrderLine", orderLine.id, buyer, false);
  const ret = await prisma.return.create({
    data: {
      orderId: dbId(order.order.id),
      reason: "Nodes",
      lines: [{ orderLineId: orderLine.id, quantity: 1 }],
    },
    select: { id: true },
  });
  add("Return", ret.id, buyer, false);
  const fulfillment = await prisma.fulfillment.create({
    data: {
      orderId: dbId(order.order.id),
      lines: [{ orderLineId: orderLine.id, quantity: 1 }],
      carrier: "DHL",
    },
    select: { id: true },
  });
  add("Fulfillment", fulfillment.id, buyer, false);
  // Reviews: on the active product (public), on the draft one (its shop's merchants only).
  const buyerId = (await prisma.user.findUniqueOrThrow({ where: { externalId: "nodes-buyer" } })).id;
  const review = await prisma.productReview.create({
    data: { productId: active.dbId, orderLineId: orderLine.id, authorId: buyerId, rating: 5 },
    select: { id: true },
  });
  add("ProductReview", review.id, buyer, true);
  const draftLine = await prisma.orderLine.create({
    data: {
      orderId: dbId(order.order.id),
      productId: draft.dbId,
      productTitle: "Draft",
      variantTitle: "S0",
      unitPrice: 1000,
      quantity: 1,
      total: 1000,
    },
    select: { id: true },
  });
  const draftReview = await prisma.productReview.create({
    data: { productId: draft.dbId, orderLineId: draftLine.id, authorId: buyerId, rating: 3 },
    select: { id: true },
  });
  add("ProductReview", draftReview.id, merchant, false);
  // Comments: on a public post (public), on the private post (those who see the post only).
  const publicPost = await commerce.postWithTag(active.dbId);
  const comment = await prisma.postComment.create({
    data: { postId: publicPost.postDbId, authorId: buyerId, body: "Nice" },
    select: { id: true },
  });
  add("PostComment", comment.id, buyer, true);
  const hiddenComment = await prisma.postComment.create({
    data: { postId: post.postDbId, authorId: buyerId, body: "Shh" },
    select: { id: true },
  });
  add("PostComment", hiddenComment.id, author, false);
  // A moderation case: the platform's only.
  const moderationCase = await prisma.moderationCase.create({
    data: { targetKind: "POST", targetId: publicPost.postDbId, reportCount: 0 },
    select: { id: true },
  });
  add("ModerationCase", moderationCase.id, { key: "secret" }, false);
  const invitation = await prisma.affiliateInvitation.create({
    data: { programId: program.id, creatorId: creator.id },
    select: { id: true },
  });
  add("AffiliateInvitation", invitation.id, { user: creatorToken }, false);

  // Hidden: a buyer's saved address (its owner only).
  const address = ok(
    await api.gql(
      `mutation($input: ViewerAddressCreateInput!) { viewerAddressCreate(input: $input) { address { id } userErrors { code } } }`,
      {
        input: {
          address: {
            lastName: "Node",
            address1: "Torstraße 1",
            city: "Berlin",
            zip: "10115",
            countryCode: "DE",
          },
        },
      },
      buyer,
    ),
  ).viewerAddressCreate.address;
  add("BuyerAddress", dbId(address.id), buyer, false);
});
afterAll(() => api?.close());

describe("node and nodes", () => {
  it("the fixtures cover every type that implements Node, each with an object hidden from strangers where one can be", async () => {
    const types = ok(
      await api.gql(`{ __type(name: "Node") { possibleTypes { name } } }`),
    ).__type.possibleTypes.map((t: { name: string }) => t.name);
    expect([...new Set(fixtures.map((f) => f.type))].sort()).toEqual([...types].sort());
  });

  it("node(id) resolves each object for its owner and is null, without an error, for a stranger who may not see it, as for an absent id", async () => {
    for (const f of fixtures) {
      const own = await api.gql(NODE, { id: f.id }, f.owner);
      expect({ type: f.type, errors: own.errors, node: own.data?.node }).toEqual({
        type: f.type,
        errors: undefined,
        node: { id: f.id, __typename: f.type },
      });
      for (const [who, as] of Object.entries(strangers)) {
        const seen = await api.gql(NODE, { id: f.id }, as);
        const expected = f.public ? { id: f.id, __typename: f.type } : null;
        expect({ type: f.type, who, errors: seen.errors, node: seen.data?.node }).toEqual({
          type: f.type,
          who,
          errors: undefined,
          node: expected,
        });
        const absent = await api.gql(NODE, { id: gid(f.type, uuidv7()) }, as);
        expect({ type: f.type, who, errors: absent.errors, node: absent.data?.node }).toEqual({
          type: f.type,
          who,
          errors: undefined,
          node: null,
        });
      }
    }
  });

  const MALFORMED = [
    "%%%",
    "",
    b64("Shop"),
    b64("Shop:not-a-uuid"),
    b64(`Nope:${uuidv7()}`),
    b64(`Viewer:${uuidv7()}`),
    b64(`Node:${uuidv7()}`),
    b64(`Query:${uuidv7()}`),
    "x".repeat(5000),
  ];

  it("node(id) with a malformed id is null, without an error", async () => {
    for (const id of MALFORMED) {
      const res = await api.gql(NODE, { id });
      expect({ id: id.slice(0, 40), errors: res.errors, node: res.data?.node }).toEqual({
        id: id.slice(0, 40),
        errors: undefined,
        node: null,
      });
    }
  });

  it("nodes(ids) is null in the slot of each malformed, absent or hidden id and resolves the others, without an error", async () => {
    for (const [who, as] of Object.entries(strangers)) {
      const ids = [...fixtures.map((f) => f.id), ...MALFORMED, gid("Shop", uuidv7())];
      const expected = [
        ...fixtures.map((f) => (f.public ? { id: f.id, __typename: f.type } : null)),
        ...MALFORMED.map(() => null),
        null,
      ];
      const res = await api.gql(NODES, { ids }, as);
      expect({ who, errors: res.errors }).toEqual({ who, errors: undefined });
      expect(res.data?.nodes).toEqual(expected);
    }
    // The owner gets their hidden objects in the same call as malformed ids.
    const mine = fixtures.filter((f) => JSON.stringify(f.owner) === JSON.stringify(commerce.asMerchant));
    const res = await api.gql(
      NODES,
      { ids: [MALFORMED[0], ...mine.map((f) => f.id), MALFORMED[4]] },
      commerce.asMerchant,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.nodes).toEqual([null, ...mine.map((f) => ({ id: f.id, __typename: f.type })), null]);
  });

  const product = () => fixtures.find((f) => f.type === "Product" && f.public)!.id;
  const PRICED = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Product { shop { id } } } }`;

  it("nodes(ids) takes at most 100 ids: 101 is BAD_USER_INPUT and resolves nothing, 100 resolves every slot", async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => (i % 2 ? product() : gid("Shop", uuidv7())));
    const res = await api.gql(NODES, { ids: hundred });
    expect(res.errors).toBeUndefined();
    expect(res.data?.nodes).toHaveLength(100);
    expect(res.data?.nodes.filter((n: unknown) => n !== null)).toHaveLength(50);

    for (const ids of [[...hundred, product()], Array.from({ length: 500 }, () => product())]) {
      const over = await api.gql(NODES, { ids });
      expect(over.errors?.map((e) => e.extensions?.code) ?? []).toContain("BAD_USER_INPUT");
      expect(over.errors?.[0]?.message).toContain("100");
      expect(over.data?.nodes ?? null).toBeNull();
      // As a literal in the document too.
      const literal = await api.gql(
        `{ nodes(ids: [${ids.map((id) => JSON.stringify(id)).join(", ")}]) { id } }`,
      );
      expect(literal.errors?.map((e) => e.extensions?.code) ?? []).toContain("BAD_USER_INPUT");
      expect(literal.data?.nodes ?? null).toBeNull();
    }
  });

  it("nodes(ids) is priced by the number of ids asked for", async () => {
    const requested = async (n: number) => {
      const res = await api.gql(PRICED, { ids: Array.from({ length: n }, () => product()) });
      expect(res.errors).toBeUndefined();
      expect(res.data?.nodes).toHaveLength(n);
      return res.extensions?.cost.requestedQueryCost as number;
    };
    const [one, two, fifty, hundred] = [
      await requested(1),
      await requested(2),
      await requested(50),
      await requested(100),
    ];
    expect(one).toBeLessThan(two);
    expect(two).toBeLessThan(fifty);
    expect(fifty).toBeLessThan(hundred);
    // Each id adds at least its object's shop: 50 more ids, at least 50 more.
    expect(hundred - fifty).toBeGreaterThanOrEqual(50);
    expect(fifty - one).toBeGreaterThanOrEqual(49);
  });
});
