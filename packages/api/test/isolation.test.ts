/**
 * Tenant isolation: every query, mutation and subscription that takes an ID is called, by
 * callers without rights (an anonymous storefront, another buyer and creator, a merchant of
 * another shop), with the IDs of one buyer's cart and order, one creator's private post and
 * commissions, and one shop's unpublished product, webhook endpoint and discount code. No
 * response may carry any of their secrets, and no mutation may change any of their rows.
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
  type GraphQLInputType,
  type GraphQLOutputType,
} from "graphql";
import { schema } from "@shoppable/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, Commerce, dbId, gid } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";
import { params, wsClient, wsSubscribe } from "./realtime.ts";

const EMAIL = "victim.buyer@example.test";
const DRAFT_TITLE = "UNRELEASED-DRAFT-7f3a";
const DISCOUNT = "STAFFONLY91";
const CAPTION = "private-caption-5b2e";
const USER_ERRORS = `userErrors { code field message }`;

let api: TestApi;
let url: string;
const clients: Client[] = [];
let victim: {
  shopId: string;
  cartId: string;
  orderId: string;
  draftProductId: string;
  postId: string;
  creatorId: string;
  ids: Record<string, string>;
  secrets: string[];
};
let attackers: [string, CallAs][];

beforeAll(async () => {
  api = await startTestApi();
  url = (await api.server.listen(0, "127.0.0.1")).url;
  const commerce = await Commerce.start(api);
  const shop = await commerce.shop("EUR");
  const active = await commerce.product(shop.id, ["30.00"], 20, "Public tee");
  const draft = await commerce.product(shop.id, ["90.00"], 5, "Soon");
  await api.db.prisma.product.update({ where: { id: draft.dbId }, data: { status: "DRAFT", title: DRAFT_TITLE } });
  const code = await commerce.discountCode(shop.id, { code: DISCOUNT, kind: "PERCENTAGE", value: "50" });
  const hook = ok(
    await api.gql(`mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { webhookEndpoint { id signingSecret } ${USER_ERRORS} } }`, {
      input: { shopId: shop.id, url: "https://erp.example.test/hooks", topics: ["ORDER_PAID"] },
    }, commerce.asMerchant),
  ).webhookEndpointCreate.webhookEndpoint;
  ok(await api.gql(`mutation($input: AffiliateProgramUpsertInput!) { affiliateProgramUpsert(input: $input) { ${USER_ERRORS} } }`, { input: { shopId: shop.id, defaultRate: 1000 } }, commerce.asMerchant));

  const creator = await api.token("victim-creator", ["BUYER", "CREATOR"]);
  const link = ok(await api.gql(`mutation($input: AffiliateLinkCreateInput!) { affiliateLinkCreate(input: $input) { affiliateLink { id code } ${USER_ERRORS} } }`, { input: { productId: active.id } }, { user: creator }))
    .affiliateLinkCreate.affiliateLink;
  const creatorRow = await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "victim-creator" } });
  const post = await api.db.prisma.post.create({
    data: { authorId: creatorRow.id, mediaKind: "IMAGE", mediaUrl: "/media/private.jpg", width: 10, height: 10, caption: CAPTION, visibility: "PRIVATE", productTags: { create: [{ productId: active.dbId, x: 0.1, y: 0.1 }] } },
    select: { id: true, productTags: { select: { id: true } } },
  });
  const session = ok(await api.gql(`mutation($input: LiveSessionScheduleInput!) { liveSessionSchedule(input: $input) { liveSession { id } ${USER_ERRORS} } }`, {
    input: { title: "Drop night", scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
  }, { user: creator })).liveSessionSchedule.liveSession;

  const buyer = await api.token("victim-buyer", ["BUYER"]);
  const cartId = await commerce.cart([{ variantId: active.variants[0]!.id, quantity: 1, attribution: { affiliateCode: link.code } }], { user: buyer }, { buyerIdentity: { email: EMAIL } });
  const done = ok(await api.gql(CHECKOUT, { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } }, { user: buyer })).checkoutComplete;
  expect(done.userErrors).toEqual([]);
  const openCart = await commerce.cart([{ variantId: active.variants[0]!.id, quantity: 2 }], { user: buyer }, { buyerIdentity: { email: EMAIL }, discountCodes: [DISCOUNT] });
  const order = await api.db.prisma.order.findUniqueOrThrow({ where: { id: dbId(done.order.id) }, include: { lines: true, commissions: true } });
  expect(order.commissions).toHaveLength(1);

  victim = {
    shopId: shop.dbId,
    cartId: openCart,
    orderId: done.order.id,
    draftProductId: draft.id,
    postId: gid("Post", post.id),
    creatorId: creatorRow.id,
    ids: {
      cart: openCart,
      checkedOutCart: cartId,
      order: done.order.id,
      orderLine: gid("OrderLine", order.lines[0]!.id),
      draftProduct: draft.id,
      draftVariant: draft.variants[0]!.id,
      activeProduct: active.id,
      shop: shop.id,
      webhookEndpoint: hook.id,
      discountCode: code.id,
      privatePost: gid("Post", post.id),
      privateTag: gid("ProductTag", post.productTags[0]!.id),
      liveSession: session.id,
      affiliateLink: link.id,
      commission: gid("Commission", order.commissions[0]!.id),
    },
    secrets: [EMAIL, DRAFT_TITLE, DISCOUNT, CAPTION, hook.signingSecret],
  };
  const merchantB = await api.token("merchant-b", ["MERCHANT"]);
  const asMerchantB: CallAs = { key: "secret", user: merchantB };
  ok(await api.gql(`mutation($input: ShopCreateInput!) { shopCreate(input: $input) { ${USER_ERRORS} } }`, { input: { handle: "shop-b", name: "B", currencyCode: "EUR" } }, asMerchantB));
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

/** One md5 over every row that belongs to the victims: any change by an attacker shows. */
async function victimRows(): Promise<string> {
  const shop = victim.shopId;
  const creator = victim.creatorId;
  const cart = dbId(victim.cartId);
  const [row] = await api.db.prisma.$queryRawUnsafe<{ fp: string }[]>(
    `SELECT md5(concat_ws('|',
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "Shop" x WHERE x."id" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "Product" x WHERE x."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "ProductVariant" x JOIN "Product" p ON p."id" = x."productId" WHERE p."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "Order" x WHERE x."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "OrderLine" x JOIN "Order" o ON o."id" = x."orderId" WHERE o."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "Payment" x JOIN "Order" o ON o."id" = x."orderId" WHERE o."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "Refund" x JOIN "Order" o ON o."id" = x."orderId" WHERE o."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "DiscountCode" x WHERE x."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "WebhookEndpoint" x WHERE x."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "AffiliateProgram" x WHERE x."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "Commission" x WHERE x."shopId" = $1::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "Cart" x WHERE x."id" = $3::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "CartLine" x WHERE x."cartId" = $3::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "Post" x WHERE x."authorId" = $2::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "ProductTag" x JOIN "Post" p ON p."id" = x."postId" WHERE p."authorId" = $2::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "LiveSession" x WHERE x."hostId" = $2::uuid),
      (SELECT string_agg(x::text, ',' ORDER BY x."id") FROM "AffiliateLink" x WHERE x."creatorId" = $2::uuid)
    )) AS fp`,
    shop,
    creator,
    cart,
  );
  return row!.fp;
}

/** A plausible value for a non-ID argument, so that checks past input validation are reached. */
function value(type: GraphQLInputType, id: string, depth = 0): unknown {
  if (isNonNullType(type)) return value(type.ofType, id, depth);
  if (isListType(type)) return [value(type.ofType, id, depth + 1)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const isId = named.name === "ID" || /Id$|^id$/.test(field.name);
      if (isId || (isNonNullType(field.type) && depth < 4)) out[field.name] = isId ? (isListType(isNonNullType(field.type) ? field.type.ofType : field.type) ? [id] : id) : value(field.type, id, depth + 1);
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
    return isInputObjectType(named) && Object.values(named.getFields()).some((f) => getNamedType(f.type).name === "ID" || /Id$/.test(f.name));
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
    else if (depth < 2) parts.push(`${f.name}${f.args.some((a) => a.name === "first") ? "(first: 5)" : ""} ${selection(f.type, depth + 1)}`);
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
  return { query: `${head} { ${field.name}${args.length ? `(${args.join(", ")})` : ""} ${selection(field.type)} }`, variables };
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
          for (const secret of victim.secrets) expect(body, `${field.name}(${name}) as ${who} leaked ${secret}`).not.toContain(secret);
          expect(res.status, `${field.name}(${name}) as ${who}`).toBeLessThan(500);
        }
      }
    }
  });

  it("no mutation taking an ID changes another tenant's rows or shows their secrets", async () => {
    const fields = Object.values(schema.getMutationType()!.getFields()).filter(takesId);
    expect(fields.length).toBeGreaterThan(30);
    const before = await victimRows();
    for (const field of fields) {
      for (const [name, id] of Object.entries(victim.ids)) {
        const { query, variables } = operation("mutation", field, id);
        for (const [who, as] of attackers) {
          const res = await api.gql(query, variables, as);
          const body = JSON.stringify(res.data ?? null) + JSON.stringify(res.errors ?? []);
          for (const secret of victim.secrets) expect(body, `${field.name}(${name}) as ${who} leaked ${secret}`).not.toContain(secret);
          expect(await victimRows(), `${field.name}(${name}) as ${who} changed the victims' rows: ${JSON.stringify(res).slice(0, 400)}`).toBe(before);
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
    const covered = Object.values(schema.getSubscriptionType()!.getFields()).filter(takesId).map((f) => f.name);
    // liveSessionEvents is public, as liveSession(id) is.
    expect(covered.sort()).toEqual([...cases.map((c) => c[0]), "liveSessionEvents"].sort());
    for (const [field, arg, id] of cases) {
      for (const [who, as] of attackers) {
        const client = wsClient(url, params(api, { key: as.key === "secret" ? "secret" : "publishable", ...(as.user ? { user: as.user } : {}) }));
        clients.push(client);
        const first = await wsSubscribe(client, `subscription($id: ID!) { ${field}(${arg}: $id) { __typename } }`, { id }).next();
        expect(first.errors?.[0]?.extensions?.code, `${field} as ${who}`).toMatch(/^(FORBIDDEN|UNAUTHENTICATED|BAD_USER_INPUT)$/);
        expect(first.data ?? null).toBeNull();
      }
    }
  });
});
