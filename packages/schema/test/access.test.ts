/**
 * Who may do what (shared/access.ts): the caller's kinds, the platform, which shops a caller
 * manages, and the memberships read once per request whatever asks for them.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@shoppable/db/enums";
import { openTestDatabase, type TestDatabase } from "@shoppable/db/testing";
import { createShop } from "../src/catalog/service.ts";
import type { Context } from "../src/context.ts";
import { schema } from "../src/schema.ts";
import {
  assertCartHolder,
  authScopesOf,
  callerOf,
  canManageShop,
  canSeeProduct,
  isMerchantOf,
  isPlatform,
  isSelfOrAdmin,
  isShopMember,
  manageableShopIds,
  memberShopIds,
  shopRoleOf,
  visibleProductWhere,
} from "../src/shared/access.ts";
import type { EventBus } from "../src/shared/events.ts";

let db: TestDatabase;
let shopA: string;
let shopB: string;
let draftA: string;
let draftB: string;
const users: Record<
  "merchantA" | "merchantB" | "admin" | "creator" | "buyer",
  { id: string; roles: Role[] }
> = {
  merchantA: { id: "", roles: ["BUYER", "MERCHANT"] },
  merchantB: { id: "", roles: ["BUYER", "MERCHANT"] },
  admin: { id: "", roles: ["BUYER", "ADMIN"] },
  creator: { id: "", roles: ["BUYER", "CREATOR"] },
  buyer: { id: "", roles: ["BUYER"] },
};
type Who = keyof typeof users;

/** No test here publishes or subscribes: a failing write publishes nothing. */
const events: EventBus = {
  publish() {},
  publishCoalesced() {},
  subscribe() {
    throw new Error("no subscriptions in the access tests");
  },
  live() {
    throw new Error("no subscriptions in the access tests");
  },
};

/** A fresh request context: every call is a new request, with caches of its own. */
function request(kind: "SECRET" | "PUBLISHABLE", who: Who | null): Context {
  const user = who === null ? null : { id: users[who].id, handle: who, roles: users[who].roles };
  return { db: db.prisma, key: { id: `key-${kind}`, kind }, user, requestId: "access-test", events };
}

const shopMemberReads = (statements: string[]) => statements.filter((sql) => sql.includes('"ShopMember"'));

beforeAll(async () => {
  db = await openTestDatabase();
  for (const who of Object.keys(users) as Who[]) {
    const user = await db.prisma.user.create({
      data: { externalId: `sub-${who}`, handle: who, roles: users[who].roles },
    });
    users[who].id = user.id;
  }
  const create = async (handle: string, owner: Who) => {
    const shop = await db.prisma.shop.create({ data: { handle, name: handle, currencyCode: "EUR" } });
    await db.prisma.shopMember.create({ data: { shopId: shop.id, userId: users[owner].id, role: "OWNER" } });
    const product = await db.prisma.product.create({
      data: {
        shopId: shop.id,
        handle: `${handle}-draft`,
        title: "Draft",
        currencyCode: "EUR",
        status: "DRAFT",
      },
    });
    return { shop: shop.id, draft: product.id };
  };
  ({ shop: shopA, draft: draftA } = await create("shop-a", "merchantA"));
  ({ shop: shopB, draft: draftB } = await create("shop-b", "merchantB"));
});
afterAll(() => db?.close());

describe("who manages a shop", () => {
  it("a merchant with a secret key manages their shop and not another", async () => {
    const ctx = request("SECRET", "merchantA");
    expect(await canManageShop(ctx, shopA)).toBe(true);
    expect(await canManageShop(ctx, shopB)).toBe(false);
    expect(await manageableShopIds(ctx)).toEqual([shopA]);
    expect(await shopRoleOf(ctx, shopA)).toBe("OWNER");
    expect(await shopRoleOf(ctx, shopB)).toBeNull();
    expect(isPlatform(ctx)).toBe(false);
  });

  it("a merchant with a publishable key manages no shop, yet is still their shop's member", async () => {
    const ctx = request("PUBLISHABLE", "merchantA");
    expect(await canManageShop(ctx, shopA)).toBe(false);
    expect(await manageableShopIds(ctx)).toEqual([]);
    expect(await isShopMember(ctx, shopA)).toBe(true);
    expect(await isShopMember(ctx, shopB)).toBe(false);
    expect(await memberShopIds(ctx)).toEqual([shopA]);
  });

  it("the platform (a secret key alone, or for an admin) manages every shop, without a query", async () => {
    for (const ctx of [request("SECRET", null), request("SECRET", "admin")]) {
      const { result, statements } = await db.statementsDuring(async () => ({
        platform: isPlatform(ctx),
        a: await canManageShop(ctx, shopA),
        b: await canManageShop(ctx, shopB),
        ids: await manageableShopIds(ctx),
      }));
      expect(result).toEqual({ platform: true, a: true, b: true, ids: "all" });
      expect(statements).toEqual([]);
    }
  });

  it("an admin with a publishable key is not the platform and manages nothing", async () => {
    const ctx = request("PUBLISHABLE", "admin");
    expect(isPlatform(ctx)).toBe(false);
    expect(await canManageShop(ctx, shopA)).toBe(false);
    expect(await manageableShopIds(ctx)).toEqual([]);
  });

  it("an anonymous caller manages none and is nobody, without a query", async () => {
    const ctx = request("PUBLISHABLE", null);
    const { result, statements } = await db.statementsDuring(async () => ({
      caller: callerOf(ctx),
      a: await canManageShop(ctx, shopA),
      ids: await manageableShopIds(ctx),
      member: await isShopMember(ctx, shopA),
      draft: await canSeeProduct(ctx, { shopId: shopA, status: "DRAFT", hiddenAt: null }),
    }));
    expect(result).toEqual({
      caller: {
        key: "PUBLISHABLE",
        userId: null,
        platform: false,
        admin: false,
        merchant: false,
        creator: false,
        buyer: false,
        anonymous: true,
      },
      a: false,
      ids: [],
      member: false,
      draft: false,
    });
    expect(statements).toEqual([]);
  });

  it("creators and buyers, even with a secret key, manage no shop, without a query", async () => {
    for (const who of ["creator", "buyer"] as const) {
      const ctx = request("SECRET", who);
      const { result, statements } = await db.statementsDuring(async () => [
        await canManageShop(ctx, shopA),
        await manageableShopIds(ctx),
        isPlatform(ctx),
      ]);
      expect(result).toEqual([false, [], false]);
      expect(statements).toEqual([]);
    }
  });
});

describe("the memberships of a request", () => {
  it("are read with one statement per request, however many checks ask", async () => {
    const ctx = request("SECRET", "merchantA");
    const { result, statements } = await db.statementsDuring(async () => {
      const answers: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        answers.push(await canManageShop(ctx, shopA), await canManageShop(ctx, shopB));
      }
      answers.push(
        await manageableShopIds(ctx),
        await isShopMember(ctx, shopA),
        await memberShopIds(ctx),
        await shopRoleOf(ctx, shopA),
        await canSeeProduct(ctx, { shopId: shopA, status: "DRAFT", hiddenAt: null }),
        await canSeeProduct(ctx, { shopId: shopB, status: "DRAFT", hiddenAt: null }),
        await visibleProductWhere(ctx),
      );
      return answers;
    });
    expect(result.slice(0, 10)).toEqual([true, false, true, false, true, false, true, false, true, false]);
    expect(result.slice(10)).toEqual([
      [shopA],
      true,
      [shopA],
      "OWNER",
      true,
      false,
      { OR: [{ status: "ACTIVE", hiddenAt: null }, { shopId: { in: [shopA] } }] },
    ]);
    expect(statements).toHaveLength(1);
    expect(shopMemberReads(statements)).toHaveLength(1);
  });

  it("are read once for checks running at the same time, and again by the next request", async () => {
    const first = request("SECRET", "merchantA");
    const concurrent = await db.statementsDuring(() =>
      Promise.all([
        canManageShop(first, shopA),
        canManageShop(first, shopB),
        manageableShopIds(first),
        isShopMember(first, shopA),
      ]),
    );
    expect(concurrent.result).toEqual([true, false, [shopA], true]);
    expect(concurrent.statements).toHaveLength(1);
    const next = await db.statementsDuring(() => canManageShop(request("SECRET", "merchantA"), shopA));
    expect(next.result).toBe(true);
    expect(next.statements).toHaveLength(1);
  });

  it("are read once by a GraphQL request checking many products and shops", async () => {
    const ctx = request("SECRET", "merchantA");
    const { result, statements } = await db.statementsDuring(() =>
      graphql({
        schema,
        contextValue: ctx,
        source: `{
          viewer { shops { handle products(first: 10, filter: { status: [DRAFT, ACTIVE] }) { edges { node { title status totalInventory } } } } }
          a: node(id: "${encodeGlobalID("Product", draftA)}") { id }
          b: node(id: "${encodeGlobalID("Product", draftB)}") { id }
        }`,
      }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      viewer: {
        shops: [
          {
            handle: "shop-a",
            products: { edges: [{ node: { title: "Draft", status: "DRAFT", totalInventory: 0 } }] },
          },
        ],
      },
      a: { id: encodeGlobalID("Product", draftA) },
      b: null,
    });
    expect(shopMemberReads(statements)).toHaveLength(1);
  });

  it("are read again after a failed read, not answered from the failure", async () => {
    let failures = 1;
    const members = db.prisma.shopMember;
    const flakyMembers = new Proxy(members, {
      get: (target, prop) =>
        prop === "findMany" && failures-- > 0
          ? () => Promise.reject(new Error("connection lost"))
          : Reflect.get(target, prop),
    });
    const flaky = new Proxy(db.prisma, {
      get: (target, prop) => (prop === "shopMember" ? flakyMembers : Reflect.get(target, prop)),
    });
    const ctx = { ...request("SECRET", "merchantA"), db: flaky };
    await expect(canManageShop(ctx, shopA)).rejects.toThrow("connection lost");
    expect(await canManageShop(ctx, shopA)).toBe(true);
  });

  it("are read again after a merchant creates a shop, so they manage it in the same request", async () => {
    const ctx = request("SECRET", "merchantB");
    expect(await canManageShop(ctx, shopB)).toBe(true);
    const created = await createShop(ctx, { handle: "shop-b-two", name: "B two", currencyCode: "EUR" });
    expect(created.userErrors).toEqual([]);
    const id = (await db.prisma.shop.findUniqueOrThrow({ where: { handle: "shop-b-two" } })).id;
    expect(await canManageShop(ctx, id)).toBe(true);
    expect(await shopRoleOf(ctx, id)).toBe("OWNER");
  });
});

describe("a mutation in a shop the caller does not manage", () => {
  const UPDATE = `mutation($input: ShopUpdateInput!) { shopUpdate(input: $input) { shop { name } userErrors { code } } }`;
  const rename = (ctx: Context, name: string) =>
    graphql({
      schema,
      contextValue: ctx,
      source: UPDATE,
      variableValues: { input: { id: encodeGlobalID("Shop", shopA), name } },
    });

  it("fails for another shop's merchant with FORBIDDEN, as before, and changes nothing", async () => {
    const { result, statements } = await db.statementsDuring(() =>
      rename(request("SECRET", "merchantB"), "Taken over"),
    );
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ["You do not manage this shop.", "FORBIDDEN"],
    ]);
    // The shop's lookup and the caller's memberships: no more than before the cache.
    expect(statements).toHaveLength(2);
    expect((await db.prisma.shop.findUniqueOrThrow({ where: { id: shopA } })).name).toBe("shop-a");
  });

  it("fails for a buyer and for the owner with a publishable key, without reading memberships", async () => {
    for (const ctx of [request("SECRET", "buyer"), request("PUBLISHABLE", "merchantA")]) {
      const { result, statements } = await db.statementsDuring(() => rename(ctx, "Taken over"));
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      expect(shopMemberReads(statements)).toEqual([]);
    }
  });

  it("succeeds for the shop's merchant with a secret key", async () => {
    const result = await rename(request("SECRET", "merchantA"), "Shop A");
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ shopUpdate: { shop: { name: "Shop A" }, userErrors: [] } });
    await db.prisma.shop.update({ where: { id: shopA }, data: { name: "shop-a" } });
  });
});

describe("the caller's kinds and scopes", () => {
  it("give each caller the Pothos scopes of their key and roles", () => {
    expect(authScopesOf(request("PUBLISHABLE", null))).toEqual({
      secretKey: false,
      user: false,
      creator: false,
      merchant: false,
      admin: false,
    });
    expect(authScopesOf(request("SECRET", null))).toMatchObject({ secretKey: true, user: false });
    expect(authScopesOf(request("PUBLISHABLE", "creator"))).toMatchObject({ user: true, creator: true });
    expect(authScopesOf(request("SECRET", "merchantA"))).toMatchObject({ secretKey: true, merchant: true });
    expect(authScopesOf(request("PUBLISHABLE", "admin"))).toMatchObject({ admin: true, merchant: false });
  });

  it("let a user and admins, any key, read the user's private fields; nobody else", () => {
    const self = users.buyer.id;
    expect(isSelfOrAdmin(request("PUBLISHABLE", "buyer"), self)).toBe(true);
    expect(isSelfOrAdmin(request("PUBLISHABLE", "admin"), self)).toBe(true);
    expect(isSelfOrAdmin(request("SECRET", "merchantA"), self)).toBe(false);
    expect(isSelfOrAdmin(request("SECRET", null), self)).toBe(false);
  });

  it("let anyone hold an anonymous cart and only its owner an owned one", () => {
    const owned = { userId: users.buyer.id };
    expect(() => assertCartHolder(request("PUBLISHABLE", null), { userId: null })).not.toThrow();
    expect(() => assertCartHolder(request("PUBLISHABLE", "buyer"), owned)).not.toThrow();
    expect(() => assertCartHolder(request("PUBLISHABLE", "creator"), owned)).toThrow(
      "This cart belongs to another user.",
    );
    expect(() => assertCartHolder(request("SECRET", null), owned)).toThrow(
      "This cart belongs to another user.",
    );
  });

  it("tell whether another user is a merchant of a shop (a live session's host)", async () => {
    expect(await isMerchantOf(db.prisma, users.merchantA, shopA)).toBe(true);
    expect(await isMerchantOf(db.prisma, users.merchantA, shopB)).toBe(false);
    expect(await isMerchantOf(db.prisma, users.creator, shopA)).toBe(false);
  });
});
