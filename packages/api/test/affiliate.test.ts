import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releasePayableCommissions } from "@shoppable/schema";
import { CHECKOUT, Commerce, dbId, gid, USER_ERRORS, type Product } from "./commerce.ts";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

const BROWSER =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const TEMPLATE = "https://shop.example/{path}?aff={code}&click={clickId}";

let api: TestApi;
let shop: Commerce;

beforeAll(async () => {
  api = await startTestApi({ AFFILIATE_REDIRECT_TEMPLATE: TEMPLATE, PUBLIC_URL: "https://api.example" });
  shop = await Commerce.start(api);
});
afterAll(() => api?.close());

const PROGRAM = `mutation($input: AffiliateProgramUpsertInput!) { affiliateProgramUpsert(input: $input) {
  affiliateProgram { id defaultRate attributionWindowSeconds model access holdDays productRates { productId rate } } ${USER_ERRORS} } }`;
const LINK = `mutation($input: AffiliateLinkCreateInput!) { affiliateLinkCreate(input: $input) {
  affiliateLink { id code url targetKind rate rateLockedUntil shop { id } product { id } creator { handle } } ${USER_ERRORS} } }`;
const INVITE = `mutation($input: AffiliateInviteInput!) { affiliateInvite(input: $input) { invitation { id status } ${USER_ERRORS} } }`;
const ACCEPT = `mutation($input: AffiliateInvitationAnswerInput!) { affiliateInvitationAccept(input: $input) { invitation { id status } ${USER_ERRORS} } }`;
const DECLINE = `mutation($input: AffiliateInvitationAnswerInput!) { affiliateInvitationDecline(input: $input) { invitation { id status } ${USER_ERRORS} } }`;
const PAYOUT = `mutation($input: AffiliatePayoutInput!) { affiliatePayout(input: $input) { payouts { id amount { amount currencyCode } commissionCount } ${USER_ERRORS} } }`;
const EARNINGS = `{ viewer { earnings { currencyCode pending { amount } payable { amount } paid { amount } } } }`;
const FULFILL = `mutation($input: OrderFulfillInput!) { orderFulfill(input: $input) { order { id status } ${USER_ERRORS} } }`;
const REFUND = `mutation($input: OrderRefundInput!) { orderRefund(input: $input) { order { id status lines { id } } ${USER_ERRORS} } }`;

let creators = 0;
/** A creator user and their token. */
async function creator(name = `creator-${++creators}`) {
  const user = await shop.user(name);
  return { id: user.id, gid: gid("User", user.id), token: await api.token(name, ["BUYER", "CREATOR"]) };
}

async function program(shopId: string, input: Record<string, unknown> = {}) {
  const res = ok(
    await api.gql(PROGRAM, { input: { shopId, defaultRate: 1000, ...input } }, shop.asMerchant),
  ).affiliateProgramUpsert;
  expect(res.userErrors).toEqual([]);
  return res.affiliateProgram;
}

async function link(token: string, target: Record<string, unknown>) {
  const res = ok(await api.gql(LINK, { input: target }, { user: token })).affiliateLinkCreate;
  expect(res.userErrors).toEqual([]);
  return res.affiliateLink as { id: string; code: string; url: string; rate: number };
}

/** GET /r/<code> as a browser (or the user agent given), with a cookie jar of one cookie. */
async function click(
  code: string,
  options: { ua?: string | null; cookie?: string | null; ip?: string } = {},
) {
  const headers: Record<string, string> = { "x-forwarded-for": options.ip ?? "203.0.113.7" };
  const ua = options.ua === undefined ? BROWSER : options.ua;
  if (ua) headers["user-agent"] = ua;
  if (options.cookie) headers.cookie = options.cookie;
  const response = await api.server.yoga.fetch(`http://test/r/${code}`, { headers, redirect: "manual" });
  const setCookie = response.headers.get("set-cookie");
  const cookie = setCookie ? setCookie.split(";")[0]! : null;
  const clickId = cookie ? cookie.split("=")[1]!.split(".")[1]! : null;
  return {
    status: response.status,
    location: response.headers.get("location"),
    setCookie,
    cookie,
    clickId,
    body: await response.text(),
  };
}

/** Checks out `lines` ([product, quantity, attribution]) as `as`; returns the order's global and database ids. */
async function buy(
  lines: [Product, number, Record<string, unknown>?][],
  as: CallAs,
  extra: Record<string, unknown> = {},
) {
  const cartId = await shop.cart(
    lines.map(([p, quantity, attribution]) => ({
      variantId: p.variants[0]!.id,
      quantity,
      ...(attribution ? { attribution } : {}),
    })),
    as,
    extra,
  );
  const res = ok(
    await api.gql(
      CHECKOUT,
      { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
      as,
    ),
  ).checkoutComplete;
  expect(res.userErrors).toEqual([]);
  return { id: res.order.id as string, dbId: dbId(res.order.id) };
}

const commissionsOf = (orderDbId: string) =>
  api.db.prisma.commission.findMany({
    where: { orderId: orderDbId },
    orderBy: [{ createdAt: "asc" }, { amount: "desc" }],
  });

async function backdateClick(clickId: string, secondsAgo: number) {
  await api.db.prisma.affiliateClick.update({
    where: { id: clickId },
    data: { createdAt: new Date(Date.now() - secondsAgo * 1000) },
  });
}

let buyerCount = 0;
const newBuyer = async () => api.token(`aff-buyer-${++buyerCount}`, ["BUYER"]);

describe("programs and invitations", () => {
  it("affiliateProgramUpsert creates a program with defaults, sets and removes product rates, and refuses bad input", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"]);
    const missing = ok(
      await api.gql(PROGRAM, { input: { shopId: s.id } }, shop.asMerchant),
    ).affiliateProgramUpsert;
    expect(missing.userErrors.map((e: any) => [e.code, e.field])).toEqual([["BLANK", ["defaultRate"]]]);
    const created = await program(s.id, { productRates: [{ productId: p.id, rate: 2500 }] });
    expect(created).toMatchObject({
      defaultRate: 1000,
      attributionWindowSeconds: 604800,
      model: "LAST_CLICK",
      access: "OPEN",
      holdDays: 15,
      productRates: [{ productId: p.id, rate: 2500 }],
    });
    const changed = await program(s.id, {
      defaultRate: null,
      model: "FIRST_CLICK",
      productRates: [{ productId: p.id, rate: null }],
    });
    expect(changed).toMatchObject({ defaultRate: 1000, model: "FIRST_CLICK", productRates: [] });
    const other = await shop.shop("EUR");
    const foreign = await shop.product(other.id);
    const bad = ok(
      await api.gql(
        PROGRAM,
        { input: { shopId: s.id, defaultRate: 20_000, productRates: [{ productId: foreign.id, rate: 10 }] } },
        shop.asMerchant,
      ),
    ).affiliateProgramUpsert;
    expect(bad.userErrors.map((e: any) => e.code)).toEqual(["GREATER_THAN_MAXIMUM"]);
    const notMine = ok(
      await api.gql(
        PROGRAM,
        { input: { shopId: s.id, productRates: [{ productId: foreign.id, rate: 10 }] } },
        shop.asMerchant,
      ),
    ).affiliateProgramUpsert;
    expect(notMine.userErrors.map((e: any) => [e.code, e.field])).toEqual([
      ["PRODUCT_NOT_IN_SHOP", ["productRates", "0", "productId"]],
    ]);
    const stranger = await api.token("merchant-stranger", ["MERCHANT"]);
    expect(
      (await api.gql(PROGRAM, { input: { shopId: s.id, defaultRate: 1 } }, { key: "secret", user: stranger }))
        .errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });

  it("holds at most 250 per-product rates: 100 + 100 + 50 are taken, one more is refused with nothing written, removing one frees a place", async () => {
    const s = await shop.shop("EUR");
    // Products written directly: 252 through productCreate would only slow the test.
    await api.db.prisma.product.createMany({
      data: Array.from({ length: 252 }, (_, i) => ({
        shopId: s.dbId,
        handle: `rated-${s.dbId}-${i}`,
        title: `Rated ${i}`,
        currencyCode: "EUR",
        status: "ACTIVE" as const,
      })),
    });
    const products = (
      await api.db.prisma.product.findMany({
        where: { shopId: s.dbId },
        orderBy: { id: "asc" },
        select: { id: true },
      })
    ).map((p) => gid("Product", p.id));
    const rates = (from: number, to: number, rate: number | null = 500) =>
      products.slice(from, to).map((productId) => ({ productId, rate }));
    const upsert = async (input: Record<string, unknown>) =>
      ok(await api.gql(PROGRAM, { input: { shopId: s.id, ...input } }, shop.asMerchant))
        .affiliateProgramUpsert;
    const stored = async () => {
      const program = await api.db.prisma.affiliateProgram.findUniqueOrThrow({
        where: { shopId: s.dbId },
        select: { defaultRate: true, productRates: { select: { productId: true, rate: true } } },
      });
      return {
        defaultRate: program.defaultRate,
        rates: new Map(program.productRates.map((r) => [gid("Product", r.productId), r.rate])),
      };
    };

    await program(s.id, { productRates: rates(0, 100) });
    await program(s.id, { productRates: rates(100, 200) });
    const full = await program(s.id, { productRates: rates(200, 250) });
    expect(full.productRates).toHaveLength(250);
    expect((await stored()).rates.size).toBe(250);

    const over = await upsert({
      defaultRate: 3000,
      productRates: [{ productId: products[0], rate: 900 }, ...rates(250, 251, 700)],
    });
    expect(over).toEqual({
      affiliateProgram: null,
      userErrors: [
        { code: "TOO_MANY_PRODUCT_RATES", field: ["productRates"], message: expect.stringContaining("250") },
      ],
    });
    const after = await stored();
    expect(after.defaultRate).toBe(1000);
    expect(after.rates.size).toBe(250);
    expect(after.rates.get(products[0]!)).toBe(500);
    expect(after.rates.has(products[250]!)).toBe(false);

    // Changing rates already set takes no new place.
    expect((await program(s.id, { productRates: rates(0, 100, 900) })).productRates).toHaveLength(250);
    // Removing one (rate null) frees a place, in the same call as the new one or before it.
    const swapped = await program(s.id, {
      productRates: [{ productId: products[0], rate: null }, ...rates(250, 251, 700)],
    });
    expect(swapped.productRates).toHaveLength(250);
    expect(swapped.productRates).toContainEqual({ productId: products[250], rate: 700 });
    expect(swapped.productRates).not.toContainEqual(expect.objectContaining({ productId: products[0] }));
    expect((await upsert({ productRates: rates(251, 252) })).userErrors.map((e: any) => e.code)).toEqual([
      "TOO_MANY_PRODUCT_RATES",
    ]);
    expect((await program(s.id, { productRates: rates(1, 2, null) })).productRates).toHaveLength(249);
    expect((await program(s.id, { productRates: rates(251, 252) })).productRates).toHaveLength(250);
    // Only removing is always allowed.
    expect((await program(s.id, { productRates: rates(2, 4, null) })).productRates).toHaveLength(248);

    // The list holds its bound on its own: a 251st row written past the check is not listed.
    await api.db.prisma.affiliateProductRate.createMany({
      data: [0, 1, 2, 3].map((i) => ({ programId: dbId(full.id), productId: dbId(products[i]!), rate: 100 })),
    });
    expect(await api.db.prisma.affiliateProductRate.count({ where: { programId: dbId(full.id) } })).toBe(252);
    const listed = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on AffiliateProgram { productRates { productId } } } }`,
        { id: full.id },
        shop.asMerchant,
      ),
    ).node.productRates;
    expect(listed).toHaveLength(250);
  });

  it("lets one of two simultaneous upserts take the last per-product rate places, never both", async () => {
    const s = await shop.shop("EUR");
    await api.db.prisma.product.createMany({
      data: Array.from({ length: 260 }, (_, i) => ({
        shopId: s.dbId,
        handle: `raced-${s.dbId}-${i}`,
        title: `Raced ${i}`,
        currencyCode: "EUR",
        status: "ACTIVE" as const,
      })),
    });
    const products = (
      await api.db.prisma.product.findMany({
        where: { shopId: s.dbId },
        orderBy: { id: "asc" },
        select: { id: true },
      })
    ).map((p) => gid("Product", p.id));
    const rates = (from: number, to: number) =>
      products.slice(from, to).map((productId) => ({ productId, rate: 500 }));
    await program(s.id, { productRates: rates(0, 100) });
    await program(s.id, { productRates: rates(100, 200) });
    await program(s.id, { productRates: rates(200, 240) });
    const results = await Promise.all(
      [rates(240, 250), rates(250, 260)].map(
        async (productRates) =>
          ok(await api.gql(PROGRAM, { input: { shopId: s.id, productRates } }, shop.asMerchant))
            .affiliateProgramUpsert,
      ),
    );
    expect(results.map((r) => r.userErrors.map((e: any) => e.code)).sort()).toEqual([
      [],
      ["TOO_MANY_PRODUCT_RATES"],
    ]);
    expect(await api.db.prisma.affiliateProductRate.count({ where: { program: { shopId: s.dbId } } })).toBe(
      250,
    );
  });

  it("an INVITE_ONLY program takes links only from creators who accepted its invitation", async () => {
    const s = await shop.shop("EUR");
    await program(s.id, { access: "INVITE_ONLY" });
    const anna = await creator();
    const before = ok(
      await api.gql(LINK, { input: { shopId: s.id } }, { user: anna.token }),
    ).affiliateLinkCreate;
    expect(before.userErrors.map((e: any) => e.code)).toEqual(["NOT_INVITED"]);

    const buyerOnly = await shop.api.db.prisma.user.create({
      data: { externalId: "plain-buyer", handle: "plain-buyer" },
      select: { id: true },
    });
    const notCreator = ok(
      await api.gql(
        INVITE,
        { input: { shopId: s.id, creatorId: gid("User", buyerOnly.id) } },
        shop.asMerchant,
      ),
    ).affiliateInvite;
    expect(notCreator.userErrors.map((e: any) => e.code)).toEqual(["NOT_A_CREATOR"]);

    const invited = ok(
      await api.gql(INVITE, { input: { shopId: s.id, creatorId: anna.gid } }, shop.asMerchant),
    ).affiliateInvite;
    expect(invited.invitation.status).toBe("PENDING");
    const declined = ok(
      await api.gql(DECLINE, { input: { id: invited.invitation.id } }, { user: anna.token }),
    ).affiliateInvitationDecline;
    expect(declined.invitation.status).toBe("DECLINED");
    expect(
      ok(
        await api.gql(LINK, { input: { shopId: s.id } }, { user: anna.token }),
      ).affiliateLinkCreate.userErrors.map((e: any) => e.code),
    ).toEqual(["NOT_INVITED"]);
    // Someone else cannot answer it; an answered one cannot be answered again.
    const bob = await creator();
    expect(
      ok(
        await api.gql(ACCEPT, { input: { id: invited.invitation.id } }, { user: bob.token }),
      ).affiliateInvitationAccept.userErrors.map((e: any) => e.code),
    ).toEqual(["NOT_FOUND"]);
    expect(
      ok(
        await api.gql(ACCEPT, { input: { id: invited.invitation.id } }, { user: anna.token }),
      ).affiliateInvitationAccept.userErrors.map((e: any) => e.code),
    ).toEqual(["INVITATION_NOT_PENDING"]);

    const again = ok(
      await api.gql(INVITE, { input: { shopId: s.id, creatorId: anna.gid } }, shop.asMerchant),
    ).affiliateInvite;
    expect(again.invitation).toEqual({ id: invited.invitation.id, status: "PENDING" });
    const seen = ok(
      await api.gql(
        `{ viewer { affiliateInvitations { id status program { shop { id } } } } }`,
        {},
        { user: anna.token },
      ),
    ).viewer.affiliateInvitations;
    expect(seen).toEqual([{ id: invited.invitation.id, status: "PENDING", program: { shop: { id: s.id } } }]);
    expect(
      ok(await api.gql(ACCEPT, { input: { id: invited.invitation.id } }, { user: anna.token }))
        .affiliateInvitationAccept.invitation.status,
    ).toBe("ACCEPTED");
    const created = await link(anna.token, { shopId: s.id });
    expect(created.code).toMatch(/^[0-9A-Za-z]{12}$/);
  });
});

describe("affiliateInvite under concurrency", () => {
  it("ten simultaneous first invitations of one creator make one PENDING invitation", async () => {
    const s = await shop.shop("EUR");
    await program(s.id, { access: "INVITE_ONLY" });
    const cara = await creator();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.gql(INVITE, { input: { shopId: s.id, creatorId: cara.gid } }, shop.asMerchant),
      ),
    );
    const ids = results.map((r) => ok(r).affiliateInvite.invitation.id);
    expect(new Set(ids).size).toBe(1);
    expect(await api.db.prisma.affiliateInvitation.count({ where: { creatorId: cara.id } })).toBe(1);
    expect(results.every((r) => ok(r).affiliateInvite.invitation.status === "PENDING")).toBe(true);
  });
});

describe("affiliateLinkCreate", () => {
  it("gives a creator an unguessable code and its URL for a product, a post or a shop they may promote", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"]);
    await program(s.id, { productRates: [{ productId: p.id, rate: 1500 }] });
    const anna = await creator();
    const productLink = ok(await api.gql(LINK, { input: { productId: p.id } }, { user: anna.token }))
      .affiliateLinkCreate.affiliateLink;
    expect(productLink).toMatchObject({
      targetKind: "PRODUCT",
      rate: 1500,
      shop: { id: s.id },
      product: { id: p.id },
    });
    expect(productLink.url).toBe(`https://api.example/r/${productLink.code}`);
    expect(new Date(productLink.rateLockedUntil).getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    const shopLink = await link(anna.token, { shopId: s.id });
    expect(shopLink.rate).toBe(1000);
    expect(shopLink.code).not.toBe(productLink.code);

    // A post: only the creator's own public post tagging a product of the shop.
    const own = await api.db.prisma.post.create({
      data: {
        authorId: anna.id,
        mediaKind: "IMAGE",
        mediaUrl: "/m.jpg",
        width: 1,
        height: 1,
        productTags: { create: [{ productId: p.dbId, x: 0.5, y: 0.5 }] },
      },
      select: { id: true },
    });
    const postLink = ok(await api.gql(LINK, { input: { postId: gid("Post", own.id) } }, { user: anna.token }))
      .affiliateLinkCreate.affiliateLink;
    expect(postLink).toMatchObject({ targetKind: "POST", shop: { id: s.id } });
    const bob = await creator();
    expect(
      ok(
        await api.gql(LINK, { input: { postId: gid("Post", own.id) } }, { user: bob.token }),
      ).affiliateLinkCreate.userErrors.map((e: any) => e.code),
    ).toEqual(["TARGET_NOT_PROMOTABLE"]);

    // Others read the link by its code without its terms.
    const read = ok(
      await api.gql(
        `query($code: String!) { affiliateLink(code: $code) { id targetKind rate creator { handle } } }`,
        { code: productLink.code },
      ),
    ).affiliateLink;
    expect(read).toMatchObject({ id: productLink.id, targetKind: "PRODUCT", rate: null });
    expect(ok(await api.gql(`{ affiliateLink(code: "nope") { id } }`)).affiliateLink).toBeNull();

    const archived = await shop.product(s.id, ["1.00"]);
    await api.db.prisma.product.update({ where: { id: archived.dbId }, data: { status: "ARCHIVED" } });
    const noProgram = await shop.shop("EUR");
    const errors = async (input: Record<string, unknown>) =>
      ok(await api.gql(LINK, { input }, { user: anna.token })).affiliateLinkCreate.userErrors.map(
        (e: any) => e.code,
      );
    expect(await errors({ productId: archived.id })).toEqual(["TARGET_NOT_PROMOTABLE"]);
    expect(await errors({ shopId: noProgram.id })).toEqual(["NO_PROGRAM"]);
    expect(await errors({})).toEqual(["TARGET_REQUIRED"]);
    const buyer = await newBuyer();
    expect(
      (await api.gql(LINK, { input: { shopId: s.id } }, { user: buyer })).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });
});

describe("GET /r/<code>", () => {
  it("records the click, redirects 302 to the storefront and sets the first-party attribution cookie", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"]);
    await program(s.id);
    const anna = await creator();
    const l = await link(anna.token, { productId: p.id });
    const handle = (await api.db.prisma.product.findUniqueOrThrow({ where: { id: p.dbId } })).handle;
    const res = await click(l.code);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`https://shop.example/products/${handle}?aff=${l.code}&click=${res.clickId}`);
    expect(res.setCookie).toMatch(
      /^shoppable_aff=[A-Za-z0-9_-]+\.[0-9a-f-]{36}; Path=\/; Max-Age=2592000; SameSite=Lax; HttpOnly$/,
    );
    const row = await api.db.prisma.affiliateClick.findUniqueOrThrow({ where: { id: res.clickId! } });
    expect(row).toMatchObject({ linkId: dbId(l.id), counted: true, isBot: false, userAgent: BROWSER });
    // The visitor keeps their id from the cookie.
    const again = await click(l.code, { cookie: res.cookie });
    expect(again.cookie!.split("=")[1]!.split(".")[0]).toBe(res.cookie!.split("=")[1]!.split(".")[0]);
  });

  it("answers an unknown, malformed or disabled code with a short 404 page, never a redirect", async () => {
    const s = await shop.shop("EUR");
    await program(s.id);
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    await api.db.prisma.affiliateLink.update({ where: { id: dbId(l.id) }, data: { disabledAt: new Date() } });
    for (const code of ["doesNotExist1", l.code, "%00%27;drop", "a".repeat(300), ""]) {
      const res = await click(code);
      expect(res.status, code).toBe(404);
      expect(res.location).toBeNull();
      expect(res.setCookie).toBeNull();
      expect(res.body).toContain("Link not found");
    }
    expect(await api.db.prisma.affiliateClick.count({ where: { linkId: dbId(l.id) } })).toBe(0);
  });

  it("records bot clicks and a visitor's repeats within 30 minutes without counting them", async () => {
    const s = await shop.shop("EUR");
    await program(s.id);
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    const first = await click(l.code);
    const repeat = await click(l.code, { cookie: first.cookie });
    const noCookieRepeat = await click(l.code); // same address and browser: the same anonymous visitor
    const bot = await click(l.code, {
      ua: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      ip: "66.249.66.1",
    });
    const noUa = await click(l.code, { ua: null, ip: "198.51.100.9" });
    const other = await click(l.code, { ip: "198.51.100.20", ua: `${BROWSER} other` });
    for (const r of [first, repeat, noCookieRepeat, bot, noUa, other]) expect(r.status).toBe(302);
    const rows = await api.db.prisma.affiliateClick.findMany({
      where: { linkId: dbId(l.id) },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.counted, r.isBot])).toEqual([
      [true, false],
      [false, false],
      [false, false],
      [false, true],
      [false, true],
      [true, false],
    ]);
    // 30 minutes later the visitor counts again.
    await api.db.prisma.affiliateVisit.updateMany({
      where: { linkId: dbId(l.id) },
      data: { countedAt: new Date(Date.now() - 30 * 60_000 - 1000) },
    });
    await click(l.code, { cookie: first.cookie });
    const hours = await api.db.prisma.affiliateClickHour.aggregate({
      where: { linkId: dbId(l.id) },
      _sum: { clicks: true, countedClicks: true },
    });
    expect(hours._sum).toEqual({ clicks: 7, countedClicks: 3 });
  });

  it("counts one of a visitor's concurrent clicks", async () => {
    const s = await shop.shop("EUR");
    await program(s.id);
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    const cookie = `shoppable_aff=visitor-concurrent-1`;
    const results = await Promise.all(Array.from({ length: 10 }, () => click(l.code, { cookie })));
    expect(results.every((r) => r.status === 302)).toBe(true);
    expect(await api.db.prisma.affiliateClick.count({ where: { linkId: dbId(l.id) } })).toBe(10);
    expect(await api.db.prisma.affiliateClick.count({ where: { linkId: dbId(l.id), counted: true } })).toBe(
      1,
    );
    const hours = await api.db.prisma.affiliateClickHour.aggregate({
      where: { linkId: dbId(l.id) },
      _sum: { clicks: true, countedClicks: true },
    });
    expect(hours._sum).toEqual({ clicks: 10, countedClicks: 1 });
  });
});

describe("attribution and commissions", () => {
  it("writes one commission per attributed line when the order is paid: rate × revenue after discounts, rounded down", async () => {
    const s = await shop.shop("EUR");
    const tee = await shop.product(s.id, ["9.99"], 50);
    const mug = await shop.product(s.id, ["3.33"], 50);
    const plain = await shop.product(s.id, ["5.00"], 50);
    await program(s.id, { defaultRate: 1250, productRates: [{ productId: mug.id, rate: 333 }] });
    await shop.discountCode(s.id, { code: "TEN", kind: "PERCENTAGE", value: "10" });
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    const buyer = await newBuyer();
    const order = await buy(
      [
        [tee, 3, { affiliateCode: l.code }],
        [mug, 7, { affiliateCode: l.code }],
        [plain, 1],
      ],
      { user: buyer },
      { discountCodes: ["TEN"] },
    );
    const lines = await api.db.prisma.orderLine.findMany({ where: { orderId: order.dbId } });
    const teeLine = lines.find((x) => x.productId === tee.dbId)!;
    const mugLine = lines.find((x) => x.productId === mug.dbId)!;
    expect(teeLine.total).toBe(2997 - teeLine.discountAmount);
    const entries = await commissionsOf(order.dbId);
    expect(entries).toHaveLength(2);
    const teeEntry = entries.find((e) => e.orderLineId === teeLine.id)!;
    const mugEntry = entries.find((e) => e.orderLineId === mugLine.id)!;
    expect(teeEntry).toMatchObject({
      rate: 1250,
      revenue: teeLine.total,
      amount: Math.floor((teeLine.total * 1250) / 10_000),
      status: "PENDING",
      selfReferral: false,
      creatorId: anna.id,
    });
    expect(mugEntry).toMatchObject({
      rate: 333,
      revenue: mugLine.total,
      amount: Math.floor((mugLine.total * 333) / 10_000),
    });
    // 2697.3 × 12.5% = 337.16… → 337; 2097.9 × 3.33% = 69.86… → 69 (exact figures depend on the discount split).
    expect(teeEntry.amount).toBe(Math.floor((teeLine.total * 1250) / 10_000));
    const earnings = ok(await api.gql(EARNINGS, {}, { user: anna.token })).viewer.earnings;
    expect(earnings).toEqual([
      {
        currencyCode: "EUR",
        pending: { amount: ((teeEntry.amount + mugEntry.amount) / 100).toFixed(2) },
        payable: { amount: "0.00" },
        paid: { amount: "0.00" },
      },
    ]);
  });

  it("a cart line takes an affiliate click of the product's shop only", async () => {
    const s = await shop.shop("EUR");
    const other = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"], 50);
    await program(s.id);
    await program(other.id);
    const anna = await creator();
    const elsewhere = await click((await link(anna.token, { shopId: other.id })).code);
    const here = await click((await link(anna.token, { shopId: s.id })).code);
    const add = async (affiliateClickId: string) =>
      ok(
        await api.gql(
          `mutation($input: CartCreateInput) { cartCreate(input: $input) { cart { lines { attribution { affiliateCode } } } ${USER_ERRORS} } }`,
          {
            input: { lines: [{ variantId: p.variants[0]!.id, attribution: { affiliateClickId } }] },
          },
        ),
      ).cartCreate;
    expect((await add(randomUUID())).userErrors.map((e: any) => [e.code, e.field])).toEqual([
      ["NOT_FOUND", ["lines", "0", "attribution", "affiliateClickId"]],
    ]);
    expect((await add(elsewhere.clickId!)).userErrors.map((e: any) => e.code)).toEqual([
      "ATTRIBUTION_MISMATCH",
    ]);
    const fine = await add(here.clickId!);
    expect(fine.userErrors).toEqual([]);
    expect(fine.cart.lines[0].attribution.affiliateCode).toMatch(/^[0-9A-Za-z]{12}$/);
  });

  it("credits a click window − 1 s old and not one window + 1 s old", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"], 50);
    await program(s.id, { attributionWindowSeconds: 3600 });
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    const inside = await click(l.code, { ip: "192.0.2.1" });
    const outside = await click(l.code, { ip: "192.0.2.2" });
    await backdateClick(inside.clickId!, 3599);
    await backdateClick(outside.clickId!, 3601);
    const credited = await buy([[p, 1, { affiliateClickId: inside.clickId }]], { user: await newBuyer() });
    const missed = await buy([[p, 1, { affiliateClickId: outside.clickId }]], { user: await newBuyer() });
    expect((await commissionsOf(credited.dbId)).map((c) => [c.linkId, c.amount])).toEqual([
      [dbId(l.id), 100],
    ]);
    expect(await commissionsOf(missed.dbId)).toEqual([]);
  });

  it("LAST_CLICK credits the visitor's latest link in the window, FIRST_CLICK the earliest", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["20.00"], 50);
    await program(s.id, { attributionWindowSeconds: 86_400 });
    const anna = await creator();
    const bob = await creator();
    const cara = await creator();
    const annaLink = await link(anna.token, { shopId: s.id });
    const bobLink = await link(bob.token, { productId: p.id });
    const caraLink = await link(cara.token, { shopId: s.id });
    const cookie = "shoppable_aff=visitor-models-1";
    const tooOld = await click(caraLink.code, { cookie });
    const first = await click(annaLink.code, { cookie });
    const last = await click(bobLink.code, { cookie });
    await backdateClick(tooOld.clickId!, 86_401);
    await backdateClick(first.clickId!, 5000);
    await backdateClick(last.clickId!, 100);
    // The storefront passes on the latest click (the cookie's).
    const lastClick = await buy([[p, 1, { affiliateClickId: last.clickId }]], { user: await newBuyer() });
    expect((await commissionsOf(lastClick.dbId)).map((c) => c.creatorId)).toEqual([bob.id]);
    await program(s.id, { model: "FIRST_CLICK" });
    const firstClick = await buy([[p, 1, { affiliateClickId: last.clickId }]], { user: await newBuyer() });
    expect((await commissionsOf(firstClick.dbId)).map((c) => c.creatorId)).toEqual([anna.id]);
  });

  it("a creator buying through their own link earns nothing and the entry is flagged", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"], 50);
    await program(s.id);
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    const order = await buy([[p, 2, { affiliateCode: l.code }]], { user: anna.token });
    expect((await commissionsOf(order.dbId)).map((c) => [c.amount, c.selfReferral, c.revenue])).toEqual([
      [0, true, 2000],
    ]);
    const merchantView = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on Shop { affiliateCommissions(first: 5) { edges { node { amount { amount } selfReferral orderNumber link { code } } } } } } }`,
        { id: s.id },
        shop.asMerchant,
      ),
    ).node.affiliateCommissions.edges;
    expect(merchantView).toEqual([
      {
        node: {
          amount: { amount: "0.00" },
          selfReferral: true,
          orderNumber: expect.any(Number),
          link: { code: l.code },
        },
      },
    ]);
  });

  it("a link keeps its rate for 30 days when the shop lowers it, then earns the new rate", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"], 50);
    await program(s.id, { defaultRate: 2000 });
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    await program(s.id, { defaultRate: 500 });
    const locked = await buy([[p, 1, { affiliateCode: l.code }]], { user: await newBuyer() });
    expect((await commissionsOf(locked.dbId)).map((c) => [c.rate, c.amount])).toEqual([[2000, 200]]);
    await api.db.prisma.affiliateLink.update({
      where: { id: dbId(l.id) },
      data: { rateLockedUntil: new Date(Date.now() - 1000) },
    });
    const expired = await buy([[p, 1, { affiliateCode: l.code }]], { user: await newBuyer() });
    expect((await commissionsOf(expired.dbId)).map((c) => [c.rate, c.amount])).toEqual([[500, 50]]);
  });
});

describe("hold, payout and refunds", () => {
  it("PENDING until the hold after fulfilment passes, PAYABLE, then PAID by affiliatePayout; refunds reverse proportionally before and after payout", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"], 100);
    await program(s.id, { defaultRate: 1000, holdDays: 15 });
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    const first = await buy([[p, 3, { affiliateCode: l.code }]], { user: await newBuyer() });
    const [earned] = await commissionsOf(first.dbId);
    expect(earned).toMatchObject({ amount: 300, status: "PENDING", payableAt: null });

    // A refund before payout: a PENDING negative entry.
    const lineId = gid("OrderLine", earned!.orderLineId);
    expect(
      ok(
        await api.gql(REFUND, { input: { id: first.id, lines: [{ lineId, quantity: 1 }] } }, shop.asMerchant),
      ).orderRefund.userErrors,
    ).toEqual([]);
    expect((await commissionsOf(first.dbId)).map((c) => [c.amount, c.status])).toEqual([
      [300, "PENDING"],
      [-100, "PENDING"],
    ]);

    ok(await api.gql(FULFILL, { input: { id: first.id } }, shop.asMerchant));
    const order = await api.db.prisma.order.findUniqueOrThrow({ where: { id: first.dbId } });
    for (const c of await commissionsOf(first.dbId))
      expect(c.payableAt!.getTime()).toBe(order.fulfilledAt!.getTime() + 15 * 86_400_000);

    // Nothing payable yet.
    const early = ok(
      await api.gql(PAYOUT, { input: { creatorId: anna.gid } }, { key: "secret" }),
    ).affiliatePayout;
    expect(early.userErrors.map((e: any) => e.code)).toEqual(["NOTHING_TO_PAY"]);
    expect(
      await releasePayableCommissions(
        api.db.prisma,
        new Date(order.fulfilledAt!.getTime() + 15 * 86_400_000 - 1000),
      ),
    ).toHaveLength(0);
    expect(
      await releasePayableCommissions(
        api.db.prisma,
        new Date(order.fulfilledAt!.getTime() + 15 * 86_400_000),
      ),
    ).toHaveLength(2);

    const denied = await api.gql(
      PAYOUT,
      { input: { creatorId: anna.gid } },
      { key: "secret", user: shop.merchant },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const paid = ok(
      await api.gql(PAYOUT, { input: { creatorId: anna.gid } }, { key: "secret" }),
    ).affiliatePayout;
    expect(paid.userErrors).toEqual([]);
    expect(paid.payouts.map((x: any) => [x.amount, x.commissionCount])).toEqual([
      [{ amount: "2.00", currencyCode: "EUR" }, 2],
    ]);

    // A refund after payout: a PAYABLE negative entry, carried into the next payout.
    expect(
      ok(
        await api.gql(REFUND, { input: { id: first.id, lines: [{ lineId, quantity: 1 }] } }, shop.asMerchant),
      ).orderRefund.userErrors,
    ).toEqual([]);
    expect((await commissionsOf(first.dbId)).map((c) => [c.amount, c.status])).toEqual([
      [300, "PAID"],
      [-100, "PAID"],
      [-100, "PAYABLE"],
    ]);
    let earnings = ok(await api.gql(EARNINGS, {}, { user: anna.token })).viewer.earnings;
    expect(earnings).toEqual([
      {
        currencyCode: "EUR",
        pending: { amount: "0.00" },
        payable: { amount: "-1.00" },
        paid: { amount: "2.00" },
      },
    ]);
    const negative = ok(
      await api.gql(PAYOUT, { input: { creatorId: anna.gid } }, { key: "secret" }),
    ).affiliatePayout;
    expect(negative.userErrors.map((e: any) => e.code)).toEqual(["NOTHING_TO_PAY"]);

    // The next order's commission pays net of the carried reversal.
    const second = await buy([[p, 5, { affiliateCode: l.code }]], { user: await newBuyer() });
    ok(await api.gql(FULFILL, { input: { id: second.id } }, shop.asMerchant));
    await api.db.prisma.commission.updateMany({
      where: { orderId: second.dbId },
      data: { payableAt: new Date(Date.now() - 1000) },
    });
    const next = ok(
      await api.gql(PAYOUT, { input: { creatorId: anna.gid, currencyCode: "EUR" } }, { key: "secret" }),
    ).affiliatePayout;
    expect(next.payouts.map((x: any) => x.amount.amount)).toEqual(["4.00"]);
    earnings = ok(await api.gql(EARNINGS, {}, { user: anna.token })).viewer.earnings;
    expect(earnings).toEqual([
      {
        currencyCode: "EUR",
        pending: { amount: "0.00" },
        payable: { amount: "0.00" },
        paid: { amount: "6.00" },
      },
    ]);

    // Refunding the rest reverses exactly what the line earned.
    ok(await api.gql(REFUND, { input: { id: first.id } }, shop.asMerchant));
    const total = (await commissionsOf(first.dbId)).reduce((sum, c) => sum + c.amount, 0);
    expect(total).toBe(0);
    const owed = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on Shop { affiliateOwed { currencyCode pending { amount } payable { amount } paid { amount } } } } }`,
        { id: s.id },
        shop.asMerchant,
      ),
    ).node.affiliateOwed;
    expect(owed).toEqual([
      {
        currencyCode: "EUR",
        pending: { amount: "0.00" },
        payable: { amount: "-1.00" },
        paid: { amount: "6.00" },
      },
    ]);
  });

  it("concurrent payouts of one creator pay each commission once", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"], 100);
    await program(s.id);
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    for (let i = 0; i < 3; i++) await buy([[p, 1, { affiliateCode: l.code }]], { user: await newBuyer() });
    await api.db.prisma.commission.updateMany({
      where: { creatorId: anna.id },
      data: { status: "PAYABLE", payableAt: new Date() },
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => api.gql(PAYOUT, { input: { creatorId: anna.gid } }, { key: "secret" })),
    );
    const payouts = results.flatMap((r) => ok(r).affiliatePayout.payouts);
    expect(payouts.map((x: any) => x.amount.amount)).toEqual(["3.00"]);
    expect(
      await api.db.prisma.payout.aggregate({ where: { creatorId: anna.id }, _sum: { amount: true } }),
    ).toMatchObject({ _sum: { amount: 300 } });
  });
});

describe("dashboards", () => {
  it("affiliateStats leaves out a self-referral order as commissions do", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"], 100);
    await program(s.id);
    const anna = await creator();
    const l = await link(anna.token, { shopId: s.id });
    const own = await click(l.code, { ip: "192.0.2.70" });
    await buy([[p, 3, { affiliateClickId: own.clickId }]], { user: anna.token });
    const other = await click(l.code, { ip: "192.0.2.71" });
    await buy([[p, 1, { affiliateClickId: other.clickId }]], { user: await newBuyer() });
    // The ledger has both orders; only the other buyer's earns.
    expect(
      (
        await api.db.prisma.commission.findMany({
          where: { linkId: dbId(l.id) },
          orderBy: { revenue: "asc" },
        })
      ).map((c) => [c.revenue, c.amount, c.selfReferral]),
    ).toEqual([
      [1000, 100, false],
      [3000, 0, true],
    ]);

    const STATS = `query($from: DateTime!, $to: DateTime!) { viewer { affiliateStats(from: $from, to: $to) { linkId clicks orders revenue { amount } commission { amount } conversionRate } } }`;
    const range = {
      from: new Date(Date.now() - 3600_000).toISOString(),
      to: new Date(Date.now() + 3600_000).toISOString(),
    };
    expect(ok(await api.gql(STATS, range, { user: anna.token })).viewer.affiliateStats).toEqual([
      {
        linkId: l.id,
        clicks: 2,
        orders: 1,
        revenue: { amount: "10.00" },
        commission: { amount: "1.00" },
        conversionRate: 0.5,
      },
    ]);
  });

  it("shows a creator's per-link and per-post stats for a date range and the merchant's affiliate orders, in a bounded number of statements", async () => {
    const s = await shop.shop("EUR");
    const p = await shop.product(s.id, ["10.00"], 100);
    await program(s.id);
    const anna = await creator();
    const post = await api.db.prisma.post.create({
      data: {
        authorId: anna.id,
        mediaKind: "IMAGE",
        mediaUrl: "/m.jpg",
        width: 1,
        height: 1,
        productTags: { create: [{ productId: p.dbId, x: 0.5, y: 0.5 }] },
      },
      select: { id: true },
    });
    const postLink = await link(anna.token, { postId: gid("Post", post.id) });
    const shopLink = await link(anna.token, { shopId: s.id });
    for (let i = 0; i < 4; i++) await click(postLink.code, { ip: `192.0.2.${10 + i}` });
    await click(postLink.code, { ip: "192.0.2.10" }); // a repeat
    const c = await click(shopLink.code, { ip: "192.0.2.50" });
    await buy([[p, 2, { affiliateCode: postLink.code }]], { user: await newBuyer() });
    await buy([[p, 1, { affiliateClickId: c.clickId }]], { user: await newBuyer() });

    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const STATS = `query($from: DateTime!, $to: DateTime!, $groupBy: AffiliateStatsGroup) { viewer { affiliateStats(from: $from, to: $to, groupBy: $groupBy) {
      linkId postId clicks countedClicks orders revenue { amount currencyCode } commission { amount } conversionRate } } }`;
    const byLink = ok(await api.gql(STATS, { from, to }, { user: anna.token })).viewer.affiliateStats;
    expect(byLink).toEqual([
      {
        linkId: postLink.id,
        postId: null,
        clicks: 5,
        countedClicks: 4,
        orders: 1,
        revenue: { amount: "20.00", currencyCode: "EUR" },
        commission: { amount: "2.00" },
        conversionRate: 0.25,
      },
      {
        linkId: shopLink.id,
        postId: null,
        clicks: 1,
        countedClicks: 1,
        orders: 1,
        revenue: { amount: "10.00", currencyCode: "EUR" },
        commission: { amount: "1.00" },
        conversionRate: 1,
      },
    ]);
    const byPost = ok(await api.gql(STATS, { from, to, groupBy: "POST" }, { user: anna.token })).viewer
      .affiliateStats;
    expect(byPost).toEqual([
      {
        linkId: null,
        postId: gid("Post", post.id),
        clicks: 5,
        countedClicks: 4,
        orders: 1,
        revenue: { amount: "20.00", currencyCode: "EUR" },
        commission: { amount: "2.00" },
        conversionRate: 0.25,
      },
    ]);
    const later = ok(
      await api.gql(
        STATS,
        { from: to, to: new Date(Date.now() + 7200_000).toISOString() },
        { user: anna.token },
      ),
    ).viewer.affiliateStats;
    expect(later).toEqual([]);

    const links = `{ viewer { affiliateLinks(first: 10) { edges { node { code url targetKind rate shop { handle } product { title } creator { handle } } } } } }`;
    const { result, statements } = await api.db.statementsDuring(() =>
      api.gql(links, {}, { user: anna.token }),
    );
    expect(ok(result).viewer.affiliateLinks.edges.map((e: any) => e.node.code)).toEqual([
      shopLink.code,
      postLink.code,
    ]);
    expect(statements.length).toBeLessThanOrEqual(4);

    const orders = ok(
      await api.gql(
        `query($id: ID!) { node(id: $id) { ... on Shop { affiliateOrders(first: 10) { edges { node { id commissions { amount { amount } } } } } } } }`,
        { id: s.id },
        shop.asMerchant,
      ),
    ).node.affiliateOrders.edges;
    expect(orders.map((e: any) => e.node.commissions.map((x: any) => x.amount.amount))).toEqual([
      ["1.00"],
      ["2.00"],
    ]);
    const buyer = await newBuyer();
    expect(
      (
        await api.gql(
          `query($id: ID!) { node(id: $id) { ... on Shop { affiliateOwed { currencyCode } } } }`,
          { id: s.id },
          { user: buyer },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });
});
