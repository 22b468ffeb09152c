import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { consumeLiveQuantity, livePriceFor, releaseLiveQuantity } from "@shoppable/schema/live/service.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, startTestApi, type CallAs, type TestApi } from "./harness.ts";

let api: TestApi;
let creator: string;
let otherCreator: string;
let merchant: string;
let otherMerchant: string;
let buyer: string;

const as = {
  creator: (): CallAs => ({ key: "publishable", user: creator }),
  otherCreator: (): CallAs => ({ key: "publishable", user: otherCreator }),
  merchant: (): CallAs => ({ key: "secret", user: merchant }),
  otherMerchant: (): CallAs => ({ key: "secret", user: otherMerchant }),
  buyer: (): CallAs => ({ key: "publishable", user: buyer }),
  platform: (): CallAs => ({ key: "secret" }),
  anonymous: (): CallAs => ({ key: "publishable" }),
};

/** Ids of the catalog the tests pin: a shop of `merchant` and a shop of `otherMerchant`. */
const catalog = {
  shop: "",
  tee: "",
  teeSmall: "", // 19.50 EUR
  teeLarge: "", // 21.00 EUR
  draft: "",
  archived: "",
  otherShopActive: "",
  otherShopActiveVariant: "",
  otherShopDraft: "",
};

const SESSION = `id title playbackUrl status scheduledAt startedAt endedAt viewerCount peakViewerCount replayPostId
  host { handle } shop { id }
  pinnedProducts { id livePrice { amount currencyCode } quantityCap quantitySold remaining livePriceActive product { id } variant { id } }`;
const PAYLOAD = `liveSession { ${SESSION} } userErrors { code field message }`;
const M = {
  schedule: `mutation($input: LiveSessionScheduleInput!) { liveSessionSchedule(input: $input) { ${PAYLOAD} } }`,
  start: `mutation($input: LiveSessionStartInput!) { liveSessionStart(input: $input) { ${PAYLOAD} } }`,
  end: `mutation($input: LiveSessionEndInput!) { liveSessionEnd(input: $input) { ${PAYLOAD} } }`,
  cancel: `mutation($input: LiveSessionCancelInput!) { liveSessionCancel(input: $input) { ${PAYLOAD} } }`,
  pin: `mutation($input: LiveSessionPinProductInput!) { liveSessionPinProduct(input: $input) { ${PAYLOAD} } }`,
  unpin: `mutation($input: LiveSessionUnpinProductInput!) { liveSessionUnpinProduct(input: $input) { ${PAYLOAD} } }`,
  join: `mutation($input: LiveSessionJoinInput!) { liveSessionJoin(input: $input) { liveSession { id viewerCount peakViewerCount } userErrors { code field message } } }`,
  leave: `mutation($input: LiveSessionLeaveInput!) { liveSessionLeave(input: $input) { liveSession { id viewerCount peakViewerCount } userErrors { code field message } } }`,
};

type Payload = { liveSession: any; userErrors: { code: string; field: string[] | null; message: string }[] };

async function call(name: keyof typeof M, input: Record<string, unknown>, caller: CallAs): Promise<Payload> {
  const field = {
    schedule: "liveSessionSchedule",
    start: "liveSessionStart",
    end: "liveSessionEnd",
    cancel: "liveSessionCancel",
    pin: "liveSessionPinProduct",
    unpin: "liveSessionUnpinProduct",
    join: "liveSessionJoin",
    leave: "liveSessionLeave",
  }[name];
  return ok(await api.gql(M[name], { input }, caller))[field] as Payload;
}

/** Calls a mutation that must succeed and returns the session. */
async function must(name: keyof typeof M, input: Record<string, unknown>, caller: CallAs) {
  const payload = await call(name, input, caller);
  expect(payload.userErrors).toEqual([]);
  return payload.liveSession;
}

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const dbId = (globalId: string) => decodeGlobalID(globalId).id;
const codes = (p: Payload) => p.userErrors.map((e) => [e.code, e.field?.join(".")]);

async function scheduleAs(caller: CallAs, input: Record<string, unknown> = {}) {
  return must("schedule", { title: "Friday drop", scheduledAt: inAnHour(), ...input }, caller);
}
/** A LIVE session of `merchant`'s shop. */
async function liveShopSession(title = "Shop live") {
  const session = await scheduleAs(as.merchant(), { title, shopId: catalog.shop });
  return must("start", { id: session.id }, as.merchant());
}

async function liveCounts() {
  const p = api.db.prisma;
  return {
    sessions: await p.liveSession.count(),
    pins: await p.livePinnedProduct.count(),
    posts: await p.post.count(),
    viewers: await p.liveSessionViewer.count(),
  };
}

async function createShop(handle: string, token: string) {
  const res = ok(
    await api.gql(
      `mutation($input: ShopCreateInput!) { shopCreate(input: $input) { shop { id } userErrors { code } } }`,
      { input: { handle, name: handle, currencyCode: "EUR" } },
      { key: "secret", user: token },
    ),
  );
  return res.shopCreate.shop.id as string;
}

async function createProduct(token: string, input: Record<string, unknown>) {
  const res = ok(
    await api.gql(
      `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id variants { id } } userErrors { code field } } }`,
      { input },
      { key: "secret", user: token },
    ),
  );
  expect(res.productCreate.userErrors).toEqual([]);
  return res.productCreate.product as { id: string; variants: { id: string }[] };
}

beforeAll(async () => {
  api = await startTestApi();
  [creator, otherCreator, merchant, otherMerchant, buyer] = await Promise.all([
    api.token("creator-a", ["CREATOR"]),
    api.token("creator-b", ["CREATOR"]),
    api.token("merchant-a", ["MERCHANT"]),
    api.token("merchant-b", ["MERCHANT"]),
    api.token("buyer-a", ["BUYER"]),
  ]);
  catalog.shop = await createShop("live-shop", merchant);
  const tee = await createProduct(merchant, {
    shopId: catalog.shop,
    title: "Live Tee",
    status: "ACTIVE",
    options: [{ name: "Size", values: ["S", "L"] }],
    variants: [
      { price: "19.50", selectedOptions: [{ name: "Size", value: "S" }], inventoryQuantity: 100 },
      { price: "21.00", selectedOptions: [{ name: "Size", value: "L" }], inventoryQuantity: 100 },
    ],
  });
  catalog.tee = tee.id;
  [catalog.teeSmall, catalog.teeLarge] = tee.variants.map((v) => v.id) as [string, string];
  catalog.draft = (
    await createProduct(merchant, {
      shopId: catalog.shop,
      title: "Secret Drop",
      status: "DRAFT",
      variants: [{ price: "50" }],
    })
  ).id;
  catalog.archived = (
    await createProduct(merchant, {
      shopId: catalog.shop,
      title: "Old Cap",
      status: "ARCHIVED",
      variants: [{ price: "5" }],
    })
  ).id;
  const otherShop = await createShop("other-shop", otherMerchant);
  const otherActive = await createProduct(otherMerchant, {
    shopId: otherShop,
    title: "Other Mug",
    status: "ACTIVE",
    variants: [{ price: "12" }],
  });
  catalog.otherShopActive = otherActive.id;
  catalog.otherShopActiveVariant = otherActive.variants[0]!.id;
  catalog.otherShopDraft = (
    await createProduct(otherMerchant, {
      shopId: otherShop,
      title: "Other Draft",
      status: "DRAFT",
      variants: [{ price: "30" }],
    })
  ).id;
});
afterAll(() => api?.close());

describe("liveSessionSchedule", () => {
  it("schedules a session hosted by the calling creator", async () => {
    const scheduledAt = inAnHour();
    const session = await scheduleAs(as.creator(), { title: "  Unboxing night  ", scheduledAt });
    expect(session).toMatchObject({
      title: "Unboxing night",
      status: "SCHEDULED",
      scheduledAt,
      startedAt: null,
      viewerCount: 0,
      host: { handle: "creator-a" },
      shop: null,
      pinnedProducts: [],
      replayPostId: null,
    });
  });

  it("schedules a shop's session for a merchant of the shop", async () => {
    const session = await scheduleAs(as.merchant(), { shopId: catalog.shop });
    expect(session).toMatchObject({
      status: "SCHEDULED",
      host: { handle: "merchant-a" },
      shop: { id: catalog.shop },
    });
  });

  it("lets the platform schedule for a named host, who must be a creator or a merchant of the shop", async () => {
    const creatorId = (await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "creator-a" } })).id;
    const merchantId = (await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "merchant-a" } }))
      .id;
    const otherMerchantId = (
      await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "merchant-b" } })
    ).id;
    const forCreator = await scheduleAs(as.platform(), { hostId: encodeGlobalID("User", creatorId) });
    expect(forCreator.host.handle).toBe("creator-a");
    const forMerchant = await scheduleAs(as.platform(), {
      hostId: encodeGlobalID("User", merchantId),
      shopId: catalog.shop,
    });
    expect(forMerchant).toMatchObject({ host: { handle: "merchant-a" }, shop: { id: catalog.shop } });

    const before = await liveCounts();
    const noHost = await call("schedule", { title: "x", scheduledAt: inAnHour() }, as.platform());
    expect(codes(noHost)).toEqual([["HOST_REQUIRED", "hostId"]]);
    const strangerMerchant = await call(
      "schedule",
      {
        title: "x",
        scheduledAt: inAnHour(),
        shopId: catalog.shop,
        hostId: encodeGlobalID("User", otherMerchantId),
      },
      as.platform(),
    );
    expect(codes(strangerMerchant)).toEqual([["HOST_NOT_ELIGIBLE", "hostId"]]);
    const unknownHost = await call(
      "schedule",
      {
        title: "x",
        scheduledAt: inAnHour(),
        hostId: encodeGlobalID("User", "0190a000-0000-7000-8000-000000000000"),
      },
      as.platform(),
    );
    expect(codes(unknownHost)).toEqual([["NOT_FOUND", "hostId"]]);
    expect(await liveCounts()).toEqual(before);
  });

  it("answers bad input with typed userErrors and writes nothing: scheduledAt in the past, blank title, malformed shop id", async () => {
    const before = await liveCounts();
    const past = await call(
      "schedule",
      { title: "Too late", scheduledAt: new Date(Date.now() - 60_000).toISOString() },
      as.creator(),
    );
    expect(past).toEqual({
      liveSession: null,
      userErrors: [{ code: "SCHEDULED_AT_IN_PAST", field: ["scheduledAt"], message: expect.any(String) }],
    });
    const tooFar = await call(
      "schedule",
      { title: "Someday", scheduledAt: new Date(Date.now() + 400 * 86400_000).toISOString() },
      as.creator(),
    );
    expect(codes(tooFar)).toEqual([["GREATER_THAN_MAXIMUM", "scheduledAt"]]);
    const bad = await call(
      "schedule",
      { title: "   ", scheduledAt: inAnHour(), shopId: encodeGlobalID("Product", catalog.tee) },
      as.merchant(),
    );
    expect(codes(bad)).toEqual(
      expect.arrayContaining([
        ["BLANK", "title"],
        ["INVALID_ID", "shopId"],
      ]),
    );
    const unknownShop = await call(
      "schedule",
      {
        title: "x",
        scheduledAt: inAnHour(),
        shopId: encodeGlobalID("Shop", "0190a000-0000-7000-8000-000000000000"),
      },
      as.merchant(),
    );
    expect(codes(unknownShop)).toEqual([["NOT_FOUND", "shopId"]]);
    expect(await liveCounts()).toEqual(before);
  });

  it("is FORBIDDEN for a buyer, for a merchant of another shop and for a user naming another host; UNAUTHENTICATED anonymously", async () => {
    const before = await liveCounts();
    const input = { title: "Nope", scheduledAt: inAnHour() };
    expect((await api.gql(M.schedule, { input }, as.buyer())).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await api.gql(M.schedule, { input: { ...input, shopId: catalog.shop } }, as.otherMerchant()))
        .errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await api.gql(
          M.schedule,
          { input: { ...input, shopId: catalog.shop } },
          { key: "publishable", user: merchant },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    const creatorId = (await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "creator-a" } })).id;
    expect(
      (
        await api.gql(
          M.schedule,
          { input: { ...input, hostId: encodeGlobalID("User", creatorId) } },
          as.otherCreator(),
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect((await api.gql(M.schedule, { input }, as.anonymous())).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect(await liveCounts()).toEqual(before);
  });
});

describe("live session lifecycle", () => {
  it("moves SCHEDULED → LIVE → ENDED and answers other transitions with INVALID_STATE naming the status", async () => {
    const session = await scheduleAs(as.creator());
    const live = await must("start", { id: session.id }, as.creator());
    expect(live.status).toBe("LIVE");
    expect(Date.parse(live.startedAt)).toBeLessThanOrEqual(Date.now());

    const again = await call("start", { id: session.id }, as.creator());
    expect(again).toEqual({
      liveSession: null,
      userErrors: [{ code: "INVALID_STATE", field: ["id"], message: expect.stringContaining("LIVE") }],
    });
    const cancel = await call("cancel", { id: session.id }, as.creator());
    expect(codes(cancel)).toEqual([["INVALID_STATE", "id"]]);

    const ended = await must("end", { id: session.id }, as.creator());
    expect(ended).toMatchObject({ status: "ENDED", viewerCount: 0, replayPostId: null });
    expect(Date.parse(ended.endedAt)).toBeGreaterThanOrEqual(Date.parse(ended.startedAt));
    for (const action of ["start", "end", "cancel"] as const) {
      const res = await call(action, { id: session.id }, as.creator());
      expect(res.userErrors).toEqual([
        { code: "INVALID_STATE", field: ["id"], message: expect.stringContaining("ENDED") },
      ]);
    }
  });

  it("keeps the playback URL given at scheduling, replaces it with the one given at start, and refuses a malformed one", async () => {
    const session = await scheduleAs(as.creator(), { playbackUrl: "https://stream.example/live/abc.m3u8" });
    expect(session.playbackUrl).toBe("https://stream.example/live/abc.m3u8");
    const before = await liveCounts();
    for (const playbackUrl of ["ftp://stream.example/x", "relative/path.m3u8", "javascript:alert(1)"]) {
      expect(codes(await call("start", { id: session.id, playbackUrl }, as.creator()))).toEqual([
        ["INVALID", "playbackUrl"],
      ]);
      expect(
        codes(await call("schedule", { title: "x", scheduledAt: inAnHour(), playbackUrl }, as.creator())),
      ).toEqual([["INVALID", "playbackUrl"]]);
    }
    expect(await liveCounts()).toEqual(before);
    expect((await scheduleAs(as.creator())).playbackUrl).toBeNull();

    const live = await must("start", { id: session.id, playbackUrl: "/streams/abc.m3u8" }, as.creator());
    expect(live).toMatchObject({ status: "LIVE", playbackUrl: "/streams/abc.m3u8" });
    const other = await scheduleAs(as.creator(), { playbackUrl: "https://stream.example/kept.m3u8" });
    expect((await must("start", { id: other.id }, as.creator())).playbackUrl).toBe(
      "https://stream.example/kept.m3u8",
    );
  });

  it("cancels a SCHEDULED session, which can then neither start nor end", async () => {
    const session = await scheduleAs(as.creator());
    expect((await must("cancel", { id: session.id }, as.creator())).status).toBe("CANCELLED");
    expect((await call("start", { id: session.id }, as.creator())).userErrors[0]).toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("CANCELLED"),
    });
    expect(codes(await call("end", { id: session.id }, as.creator()))).toEqual([["INVALID_STATE", "id"]]);
  });

  it("cannot end a session that never started", async () => {
    const session = await scheduleAs(as.creator());
    expect((await call("end", { id: session.id }, as.creator())).userErrors[0]).toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("SCHEDULED"),
    });
  });

  it("is FORBIDDEN (thrown) for another creator, a buyer and a merchant of another shop, and changes nothing", async () => {
    const session = await scheduleAs(as.creator());
    for (const caller of [as.otherCreator(), as.buyer(), as.otherMerchant()]) {
      for (const action of ["start", "cancel"] as const) {
        const res = await api.gql(M[action], { input: { id: session.id } }, caller);
        expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      const pin = await api.gql(
        M.pin,
        { input: { liveSessionId: session.id, productId: catalog.tee } },
        caller,
      );
      expect(pin.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(
      (await api.db.prisma.liveSession.findUniqueOrThrow({ where: { id: dbId(session.id) } })).status,
    ).toBe("SCHEDULED");
    expect(await api.db.prisma.livePinnedProduct.count({ where: { liveSessionId: dbId(session.id) } })).toBe(
      0,
    );
    expect(
      (await api.gql(M.start, { input: { id: session.id } }, as.anonymous())).errors?.[0]?.extensions?.code,
    ).toBe("UNAUTHENTICATED");
  });

  it("lets the shop's merchants and the platform act on a shop's session hosted by someone else", async () => {
    const creatorId = (await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "creator-a" } })).id;
    const collab = await scheduleAs(as.platform(), {
      hostId: encodeGlobalID("User", creatorId),
      shopId: catalog.shop,
    });
    expect((await must("start", { id: collab.id }, as.merchant())).status).toBe("LIVE");
    expect((await must("end", { id: collab.id }, as.platform())).status).toBe("ENDED");
  });

  it("starts a session exactly once when two starts race", async () => {
    const session = await scheduleAs(as.creator());
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call("start", { id: session.id }, as.creator())),
    );
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === "INVALID_STATE")).toHaveLength(4);
  });

  it("answers an unknown or malformed session id with NOT_FOUND or INVALID_ID", async () => {
    expect(
      codes(
        await call(
          "start",
          { id: encodeGlobalID("LiveSession", "0190a000-0000-7000-8000-000000000000") },
          as.creator(),
        ),
      ),
    ).toEqual([["NOT_FOUND", "id"]]);
    expect(codes(await call("start", { id: catalog.tee }, as.creator()))).toEqual([["INVALID_ID", "id"]]);
  });
});

describe("liveSessionPinProduct", () => {
  it("pins a variant with a live price (Money) and a cap, and the whole product without terms", async () => {
    const session = await scheduleAs(as.merchant(), { shopId: catalog.shop });
    await must(
      "pin",
      {
        liveSessionId: session.id,
        productId: catalog.tee,
        variantId: catalog.teeSmall,
        livePrice: "9.99",
        quantityCap: 10,
      },
      as.merchant(),
    );
    const s = await must("pin", { liveSessionId: session.id, productId: catalog.tee }, as.merchant());
    expect(s.pinnedProducts).toEqual([
      {
        id: expect.any(String),
        livePrice: { amount: "9.99", currencyCode: "EUR" },
        quantityCap: 10,
        quantitySold: 0,
        remaining: 10,
        livePriceActive: false,
        product: { id: catalog.tee },
        variant: { id: catalog.teeSmall },
      },
      {
        id: expect.any(String),
        livePrice: null,
        quantityCap: null,
        quantitySold: 0,
        remaining: null,
        livePriceActive: false,
        product: { id: catalog.tee },
        variant: null,
      },
    ]);
    const live = await must("start", { id: session.id }, as.merchant());
    expect(live.pinnedProducts.map((p: any) => p.livePriceActive)).toEqual([true, false]);
  });

  it.each([
    ["a negative live price", { livePrice: "-1.00" }, "LESS_THAN_MINIMUM", "livePrice"],
    [
      "a live price equal to the regular price",
      { livePrice: "19.50" },
      "LIVE_PRICE_NOT_BELOW_PRICE",
      "livePrice",
    ],
    ["a live price above the regular price", { livePrice: "25" }, "LIVE_PRICE_NOT_BELOW_PRICE", "livePrice"],
    ["a live price with too many decimals", { livePrice: "9.999" }, "INVALID", "livePrice"],
    ["a live price that is not a number", { livePrice: "cheap" }, "INVALID", "livePrice"],
    ["a quantity cap of 0", { quantityCap: 0 }, "LESS_THAN_MINIMUM", "quantityCap"],
    ["a variant of another product", { variantId: "other" }, "NOT_FOUND", "variantId"],
    ["a malformed product id", { productId: "nope" }, "INVALID_ID", "productId"],
  ])("answers %s with %s and writes nothing", async (_what, override, code, field) => {
    const session = await scheduleAs(as.merchant(), { shopId: catalog.shop });
    const before = await liveCounts();
    const input = {
      liveSessionId: session.id,
      productId: catalog.tee,
      variantId: catalog.teeSmall,
      ...override,
    };
    if (input.variantId === "other") input.variantId = catalog.otherShopActiveVariant;
    const res = await call("pin", input, as.merchant());
    expect(res).toEqual({
      liveSession: null,
      userErrors: [{ code, field: [field], message: expect.any(String) }],
    });
    expect(await liveCounts()).toEqual(before);
  });

  it("compares a whole-product live price with the cheapest variant", async () => {
    const session = await scheduleAs(as.merchant(), { shopId: catalog.shop });
    expect(
      codes(
        await call(
          "pin",
          { liveSessionId: session.id, productId: catalog.tee, livePrice: "20.00" },
          as.merchant(),
        ),
      ),
    ).toEqual([["LIVE_PRICE_NOT_BELOW_PRICE", "livePrice"]]);
    await must("pin", { liveSessionId: session.id, productId: catalog.tee, livePrice: "0" }, as.merchant());
  });

  it("answers a DRAFT product of another shop with NOT_FOUND and another shop's ACTIVE product with PRODUCT_NOT_IN_SHOP", async () => {
    const session = await scheduleAs(as.merchant(), { shopId: catalog.shop });
    const before = await liveCounts();
    expect(
      codes(
        await call("pin", { liveSessionId: session.id, productId: catalog.otherShopDraft }, as.merchant()),
      ),
    ).toEqual([["NOT_FOUND", "productId"]]);
    expect(
      codes(
        await call("pin", { liveSessionId: session.id, productId: catalog.otherShopActive }, as.merchant()),
      ),
    ).toEqual([["PRODUCT_NOT_IN_SHOP", "productId"]]);
    expect(
      codes(await call("pin", { liveSessionId: session.id, productId: catalog.archived }, as.merchant())),
    ).toEqual([["PRODUCT_NOT_ACTIVE", "productId"]]);
    expect(await liveCounts()).toEqual(before);
  });

  it("lets a creator's session pin any shop's ACTIVE product but no draft", async () => {
    const session = await scheduleAs(as.creator());
    await must("pin", { liveSessionId: session.id, productId: catalog.otherShopActive }, as.creator());
    const s = await must(
      "pin",
      { liveSessionId: session.id, productId: catalog.tee, variantId: catalog.teeLarge, livePrice: "15" },
      as.creator(),
    );
    expect(s.pinnedProducts.map((p: any) => p.product.id)).toEqual([catalog.otherShopActive, catalog.tee]);
    expect(
      codes(await call("pin", { liveSessionId: session.id, productId: catalog.draft }, as.creator())),
    ).toEqual([["NOT_FOUND", "productId"]]);
    // The platform sees drafts, but a creator's audience could not buy one.
    expect(
      codes(await call("pin", { liveSessionId: session.id, productId: catalog.draft }, as.platform())),
    ).toEqual([["PRODUCT_NOT_ACTIVE", "productId"]]);
  });

  it("lets a merchant pin the shop's DRAFT product to prepare a drop, shown only to those who manage the shop", async () => {
    const session = await scheduleAs(as.merchant(), { shopId: catalog.shop });
    await must("pin", { liveSessionId: session.id, productId: catalog.draft }, as.merchant());
    await must("pin", { liveSessionId: session.id, productId: catalog.tee }, as.merchant());
    const q = `query($id: ID!) { liveSession(id: $id) { pinnedProducts { product { id } } } }`;
    const forMerchant = ok(await api.gql(q, { id: session.id }, as.merchant()));
    expect(forMerchant.liveSession.pinnedProducts.map((p: any) => p.product.id)).toEqual([
      catalog.draft,
      catalog.tee,
    ]);
    const forBuyer = ok(await api.gql(q, { id: session.id }, as.buyer()));
    expect(forBuyer.liveSession.pinnedProducts.map((p: any) => p.product.id)).toEqual([catalog.tee]);
  });

  it("answers pinning on an ENDED or CANCELLED session with INVALID_STATE and writes nothing", async () => {
    const live = await liveShopSession();
    await must("end", { id: live.id }, as.merchant());
    const cancelled = await scheduleAs(as.merchant(), { shopId: catalog.shop });
    await must("cancel", { id: cancelled.id }, as.merchant());
    const before = await liveCounts();
    for (const [session, status] of [
      [live, "ENDED"],
      [cancelled, "CANCELLED"],
    ] as const) {
      const res = await call(
        "pin",
        { liveSessionId: session.id, productId: catalog.tee, livePrice: "5" },
        as.merchant(),
      );
      expect(res.userErrors).toEqual([
        { code: "INVALID_STATE", field: ["liveSessionId"], message: expect.stringContaining(status) },
      ]);
    }
    expect(await liveCounts()).toEqual(before);
  });

  it("replaces the terms when pinned again, keeping the units sold, and refuses a cap below them", async () => {
    const session = await liveShopSession();
    const first = await must(
      "pin",
      {
        liveSessionId: session.id,
        productId: catalog.tee,
        variantId: catalog.teeSmall,
        livePrice: "9.99",
        quantityCap: 10,
      },
      as.merchant(),
    );
    const pinId = dbId(first.pinnedProducts[0].id);
    expect(await consumeLiveQuantity(api.db.prisma, { pinId, quantity: 4 })).toBe(true);
    const again = await must(
      "pin",
      {
        liveSessionId: session.id,
        productId: catalog.tee,
        variantId: catalog.teeSmall,
        livePrice: "12.00",
        quantityCap: 6,
      },
      as.merchant(),
    );
    expect(again.pinnedProducts).toEqual([
      expect.objectContaining({
        id: first.pinnedProducts[0].id,
        livePrice: { amount: "12.00", currencyCode: "EUR" },
        quantityCap: 6,
        quantitySold: 4,
        remaining: 2,
      }),
    ]);
    expect(
      codes(
        await call(
          "pin",
          { liveSessionId: session.id, productId: catalog.tee, variantId: catalog.teeSmall, quantityCap: 3 },
          as.merchant(),
        ),
      ),
    ).toEqual([["QUANTITY_CAP_BELOW_SOLD", "quantityCap"]]);
  });

  it("unpins a product: it leaves pinnedProducts and its live price stops at once", async () => {
    const session = await liveShopSession();
    const pinned = await must(
      "pin",
      { liveSessionId: session.id, productId: catalog.tee, variantId: catalog.teeSmall, livePrice: "9.99" },
      as.merchant(),
    );
    const quote = { liveSessionId: dbId(session.id), variantId: dbId(catalog.teeSmall) };
    expect((await livePriceFor(api.db.prisma, quote))?.price).toBe(999);
    const unpinned = await must("unpin", { pinnedProductId: pinned.pinnedProducts[0].id }, as.merchant());
    expect(unpinned.pinnedProducts).toEqual([]);
    expect(await livePriceFor(api.db.prisma, quote)).toBeNull();
    await must("unpin", { pinnedProductId: pinned.pinnedProducts[0].id }, as.merchant()); // twice: no-op
    const res = await api.gql(
      M.unpin,
      { input: { pinnedProductId: pinned.pinnedProducts[0].id } },
      as.otherCreator(),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  /** An ACTIVE product of `merchant`'s shop with `n` variants (each pinnable on its own). */
  async function manyVariants(n: number, title: string) {
    const values = Array.from({ length: n }, (_, i) => `V${i}`);
    return createProduct(merchant, {
      shopId: catalog.shop,
      title,
      status: "ACTIVE",
      options: [{ name: "Version", values }],
      variants: values.map((value) => ({
        price: "10.00",
        selectedOptions: [{ name: "Version", value }],
        inventoryQuantity: 5,
      })),
    });
  }

  it("refuses a 31st pinned product with TOO_MANY_PINS and writes nothing; re-pinning one of the 30 still works; unpinning one frees a place", async () => {
    const product = await manyVariants(32, "Thirty-two Versions");
    const session = await liveShopSession("Thirty pins");
    let last: any;
    for (const variant of product.variants.slice(0, 30)) {
      last = await must(
        "pin",
        { liveSessionId: session.id, productId: product.id, variantId: variant.id, livePrice: "9.00" },
        as.merchant(),
      );
    }
    expect(last.pinnedProducts).toHaveLength(30);
    const before = await liveCounts();

    const over = await call(
      "pin",
      { liveSessionId: session.id, productId: product.id, variantId: product.variants[30]!.id },
      as.merchant(),
    );
    expect(over).toEqual({
      liveSession: null,
      userErrors: [
        { code: "TOO_MANY_PINS", field: ["liveSessionId"], message: expect.stringContaining("30") },
      ],
    });
    // The whole product is one more pin too; another product as well.
    expect(
      codes(await call("pin", { liveSessionId: session.id, productId: product.id }, as.merchant())),
    ).toEqual([["TOO_MANY_PINS", "liveSessionId"]]);
    expect(
      codes(await call("pin", { liveSessionId: session.id, productId: catalog.tee }, as.merchant())),
    ).toEqual([["TOO_MANY_PINS", "liveSessionId"]]);
    expect(await liveCounts()).toEqual(before);

    // Changing the terms of a pinned product takes no new place.
    const repinned = await must(
      "pin",
      {
        liveSessionId: session.id,
        productId: product.id,
        variantId: product.variants[0]!.id,
        livePrice: "8.00",
      },
      as.merchant(),
    );
    expect(repinned.pinnedProducts).toHaveLength(30);
    expect(repinned.pinnedProducts[0]).toMatchObject({
      variant: { id: product.variants[0]!.id },
      livePrice: { amount: "8.00" },
    });

    const unpinned = await must("unpin", { pinnedProductId: repinned.pinnedProducts[5].id }, as.merchant());
    expect(unpinned.pinnedProducts).toHaveLength(29);
    const now = await must(
      "pin",
      { liveSessionId: session.id, productId: product.id, variantId: product.variants[30]!.id },
      as.merchant(),
    );
    expect(now.pinnedProducts).toHaveLength(30);
    expect(now.pinnedProducts.at(-1).variant).toEqual({ id: product.variants[30]!.id });
    expect(
      codes(
        await call(
          "pin",
          { liveSessionId: session.id, productId: product.id, variantId: product.variants[31]!.id },
          as.merchant(),
        ),
      ),
    ).toEqual([["TOO_MANY_PINS", "liveSessionId"]]);
    expect(
      await api.db.prisma.livePinnedProduct.count({
        where: { liveSessionId: dbId(session.id), unpinnedAt: null },
      }),
    ).toBe(30);
  });

  it("lists at most 30 pinned products, the first pinned, however many rows the session holds", async () => {
    const product = await manyVariants(31, "Thirty-one Versions");
    const session = await liveShopSession("Thirty-one rows");
    // Written directly, past the mutation's check: the read must hold its bound on its own.
    const start = Date.now() - 3_600_000;
    await api.db.prisma.livePinnedProduct.createMany({
      data: product.variants.map((v, i) => ({
        liveSessionId: dbId(session.id),
        productId: dbId(product.id),
        variantId: dbId(v.id),
        pinnedAt: new Date(start + i * 1000),
      })),
    });
    const q = `query($id: ID!) { liveSession(id: $id) { pinnedProducts { variant { id } } } }`;
    for (const caller of [as.merchant(), as.buyer()]) {
      const pinned = ok(await api.gql(q, { id: session.id }, caller)).liveSession.pinnedProducts;
      expect(pinned.map((p: any) => p.variant.id)).toEqual(product.variants.slice(0, 30).map((v) => v.id));
    }
  });
});

describe("live prices for carts: livePriceFor and consumeLiveQuantity", () => {
  it("gives the live price only while the session is LIVE: null before the start and after the end", async () => {
    const session = await scheduleAs(as.merchant(), { shopId: catalog.shop });
    const pinned = await must(
      "pin",
      {
        liveSessionId: session.id,
        productId: catalog.tee,
        variantId: catalog.teeSmall,
        livePrice: "9.99",
        quantityCap: 10,
      },
      as.merchant(),
    );
    const quote = { liveSessionId: dbId(session.id), variantId: dbId(catalog.teeSmall) };
    expect(await livePriceFor(api.db.prisma, quote)).toBeNull();

    await must("start", { id: session.id }, as.merchant());
    expect(await livePriceFor(api.db.prisma, quote)).toEqual({
      pinId: dbId(pinned.pinnedProducts[0].id),
      price: 999,
      isLivePrice: true,
      regularPrice: 1950,
      currencyCode: "EUR",
      remainingCap: 10,
    });
    // The other variant is not pinned.
    expect(await livePriceFor(api.db.prisma, { ...quote, variantId: dbId(catalog.teeLarge) })).toBeNull();

    const duringLive = new Date();
    await must("end", { id: session.id }, as.merchant());
    expect(await livePriceFor(api.db.prisma, quote)).toBeNull();
    expect(await livePriceFor(api.db.prisma, { ...quote, at: duringLive })).toBeNull();
    expect(
      await consumeLiveQuantity(api.db.prisma, { pinId: dbId(pinned.pinnedProducts[0].id), quantity: 1 }),
    ).toBe(false);
  });

  it("prices a variant by its own pin before a pin of the whole product", async () => {
    const session = await liveShopSession();
    await must(
      "pin",
      { liveSessionId: session.id, productId: catalog.tee, livePrice: "15.00" },
      as.merchant(),
    );
    await must(
      "pin",
      { liveSessionId: session.id, productId: catalog.tee, variantId: catalog.teeLarge, livePrice: "10.00" },
      as.merchant(),
    );
    const id = dbId(session.id);
    expect(
      (await livePriceFor(api.db.prisma, { liveSessionId: id, variantId: dbId(catalog.teeLarge) }))?.price,
    ).toBe(1000);
    expect(
      (await livePriceFor(api.db.prisma, { liveSessionId: id, variantId: dbId(catalog.teeSmall) }))?.price,
    ).toBe(1500);
    expect(
      await livePriceFor(api.db.prisma, {
        liveSessionId: id,
        variantId: dbId(catalog.otherShopActiveVariant),
      }),
    ).toBeNull();
  });

  it("sells exactly the cap when 50 buyers consume 1 unit at once against a cap of 10, then gives no live price", async () => {
    const session = await liveShopSession();
    const pinned = await must(
      "pin",
      {
        liveSessionId: session.id,
        productId: catalog.tee,
        variantId: catalog.teeSmall,
        livePrice: "9.99",
        quantityCap: 10,
      },
      as.merchant(),
    );
    const pinId = dbId(pinned.pinnedProducts[0].id);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.db.prisma.$transaction((tx) => consumeLiveQuantity(tx, { pinId, quantity: 1 })),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(
      (await api.db.prisma.livePinnedProduct.findUniqueOrThrow({ where: { id: pinId } })).quantitySold,
    ).toBe(10);
    expect(
      await livePriceFor(api.db.prisma, {
        liveSessionId: dbId(session.id),
        variantId: dbId(catalog.teeSmall),
      }),
    ).toBeNull();
    const read = ok(
      await api.gql(
        `query($id: ID!) { liveSession(id: $id) { pinnedProducts { quantitySold remaining livePriceActive } } }`,
        { id: session.id },
      ),
    );
    expect(read.liveSession.pinnedProducts).toEqual([
      { quantitySold: 10, remaining: 0, livePriceActive: false },
    ]);

    await releaseLiveQuantity(api.db.prisma, { pinId, quantity: 3 });
    expect(
      (
        await livePriceFor(api.db.prisma, {
          liveSessionId: dbId(session.id),
          variantId: dbId(catalog.teeSmall),
        })
      )?.remainingCap,
    ).toBe(3);
  });

  it("never takes more than the cap left, and rolls back with the transaction that took it", async () => {
    const session = await liveShopSession();
    const pinned = await must(
      "pin",
      { liveSessionId: session.id, productId: catalog.tee, variantId: catalog.teeLarge, quantityCap: 5 },
      as.merchant(),
    );
    const pinId = dbId(pinned.pinnedProducts[0].id);
    expect(await consumeLiveQuantity(api.db.prisma, { pinId, quantity: 6 })).toBe(false);
    await expect(
      api.db.prisma.$transaction(async (tx) => {
        expect(await consumeLiveQuantity(tx, { pinId, quantity: 5 })).toBe(true);
        throw new Error("payment declined");
      }),
    ).rejects.toThrow("payment declined");
    const quote = await livePriceFor(api.db.prisma, {
      liveSessionId: dbId(session.id),
      variantId: dbId(catalog.teeLarge),
    });
    // A cap without a live price: the regular price, limited to the cap.
    expect(quote).toMatchObject({ price: 2100, isLivePrice: false, remainingCap: 5 });
    await expect(consumeLiveQuantity(api.db.prisma, { pinId, quantity: 0 })).rejects.toThrow(RangeError);
  });
});

describe("viewers: liveSessionJoin and liveSessionLeave", () => {
  it("counts 100 parallel anonymous joins exactly, and one user's repeated joins once", async () => {
    const session = await liveShopSession();
    const joins = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        call("join", { liveSessionId: session.id, sessionId: `device-${i}` }, as.anonymous()),
      ),
    );
    expect(joins.every((j) => j.userErrors.length === 0)).toBe(true);
    const repeated = await Promise.all(
      Array.from({ length: 20 }, () => call("join", { liveSessionId: session.id }, as.buyer())),
    );
    expect(repeated.every((j) => j.userErrors.length === 0)).toBe(true);
    // The same anonymous viewer again, and a user token with a sessionId (the user is who counts).
    await must("join", { liveSessionId: session.id, sessionId: "device-7" }, as.anonymous());
    await must("join", { liveSessionId: session.id, sessionId: "device-8" }, as.buyer());
    const row = await api.db.prisma.liveSession.findUniqueOrThrow({ where: { id: dbId(session.id) } });
    expect([row.viewerCount, row.peakViewerCount]).toEqual([101, 101]);
    expect(await api.db.prisma.liveSessionViewer.count({ where: { liveSessionId: row.id } })).toBe(101);

    const leaves = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call("leave", { liveSessionId: session.id, sessionId: `device-${i % 15}` }, as.anonymous()),
      ),
    );
    expect(leaves.every((l) => l.userErrors.length === 0)).toBe(true);
    const after = await must("leave", { liveSessionId: session.id }, as.buyer());
    expect([after.viewerCount, after.peakViewerCount]).toEqual([85, 101]);
    expect((await must("join", { liveSessionId: session.id }, as.buyer())).viewerCount).toBe(86);
  });

  it("stays exact when joins and leaves of the same viewers interleave", async () => {
    const session = await liveShopSession();
    const ops = Array.from({ length: 60 }, (_, i) =>
      call(
        i % 2 === 0 ? "join" : "leave",
        { liveSessionId: session.id, sessionId: `v-${i % 10}` },
        as.anonymous(),
      ),
    );
    await Promise.all(ops);
    const row = await api.db.prisma.liveSession.findUniqueOrThrow({ where: { id: dbId(session.id) } });
    expect(row.viewerCount).toBe(
      await api.db.prisma.liveSessionViewer.count({ where: { liveSessionId: row.id } }),
    );
  });

  it("needs a user or a sessionId, a well-formed sessionId and a LIVE session", async () => {
    const live = await liveShopSession();
    const scheduled = await scheduleAs(as.merchant(), { shopId: catalog.shop });
    const before = await liveCounts();
    expect(codes(await call("join", { liveSessionId: live.id }, as.anonymous()))).toEqual([
      ["VIEWER_REQUIRED", "sessionId"],
    ]);
    expect(
      codes(await call("join", { liveSessionId: live.id, sessionId: "has spaces" }, as.anonymous())),
    ).toEqual([["INVALID", "sessionId"]]);
    expect(
      codes(await call("join", { liveSessionId: live.id, sessionId: "x".repeat(200) }, as.anonymous())),
    ).toEqual([["TOO_LONG", "sessionId"]]);
    const early = await call(
      "join",
      { liveSessionId: scheduled.id, sessionId: "early-bird" },
      as.anonymous(),
    );
    expect(early.userErrors).toEqual([
      { code: "INVALID_STATE", field: ["liveSessionId"], message: expect.stringContaining("SCHEDULED") },
    ]);
    expect(await liveCounts()).toEqual(before);
  });

  it("clears presence when the session ends: viewerCount 0, the peak kept, leaving afterwards a no-op", async () => {
    const session = await liveShopSession();
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        must("join", { liveSessionId: session.id, sessionId: `end-${i}` }, as.anonymous()),
      ),
    );
    const ended = await must("end", { id: session.id }, as.merchant());
    expect([ended.viewerCount, ended.peakViewerCount]).toEqual([0, 5]);
    expect(await api.db.prisma.liveSessionViewer.count({ where: { liveSessionId: dbId(session.id) } })).toBe(
      0,
    );
    expect(
      (await must("leave", { liveSessionId: session.id, sessionId: "end-1" }, as.anonymous())).viewerCount,
    ).toBe(0);
    expect(
      codes(await call("join", { liveSessionId: session.id, sessionId: "end-1" }, as.anonymous())),
    ).toEqual([["INVALID_STATE", "liveSessionId"]]);
  });
});

describe("replay post", () => {
  it("is created when the session ends with a replay, linked to it and tagged with its pinned products", async () => {
    const session = await scheduleAs(as.merchant(), { shopId: catalog.shop, title: "Summer drop" });
    // Pinned before the start: tagged from 0 to the end of the video.
    await must(
      "pin",
      { liveSessionId: session.id, productId: catalog.tee, variantId: catalog.teeSmall, livePrice: "9.99" },
      as.merchant(),
    );
    await must("start", { id: session.id }, as.merchant());
    const second = await must(
      "pin",
      { liveSessionId: session.id, productId: catalog.tee, variantId: catalog.teeLarge },
      as.merchant(),
    );
    await must("unpin", { pinnedProductId: second.pinnedProducts[1].id }, as.merchant());
    // A draft pinned for the drop and never published stays out of the public replay.
    await must("pin", { liveSessionId: session.id, productId: catalog.draft }, as.merchant());

    const ended = await must(
      "end",
      {
        id: session.id,
        replay: {
          url: "https://cdn.example.test/live/summer.mp4",
          durationMs: 3_600_000,
          posterUrl: "/media/summer.jpg",
        },
      },
      as.merchant(),
    );
    expect(ended.replayPostId).toEqual(expect.any(String));
    const post = await api.db.prisma.post.findUniqueOrThrow({
      where: { id: dbId(ended.replayPostId) },
      include: { productTags: true, author: true },
    });
    expect(post).toMatchObject({
      liveSessionId: dbId(session.id),
      shopId: dbId(catalog.shop),
      mediaKind: "VIDEO",
      mediaUrl: "https://cdn.example.test/live/summer.mp4",
      durationMs: 3_600_000,
      posterUrl: "/media/summer.jpg",
      width: 1080,
      height: 1920,
      caption: "Summer drop",
      author: expect.objectContaining({ externalId: "merchant-a" }),
    });
    const tags = post.productTags.sort((a, b) => a.startMs! - b.startMs! || a.endMs! - b.endMs!);
    expect(tags.map((t) => [t.productId, t.variantId])).toEqual(
      expect.arrayContaining([
        [dbId(catalog.tee), dbId(catalog.teeSmall)],
        [dbId(catalog.tee), dbId(catalog.teeLarge)],
      ]),
    );
    expect(tags).toHaveLength(2);
    const small = tags.find((t) => t.variantId === dbId(catalog.teeSmall))!;
    const large = tags.find((t) => t.variantId === dbId(catalog.teeLarge))!;
    expect([small.startMs, small.endMs]).toEqual([0, 3_600_000]);
    expect(large.startMs).toBeGreaterThanOrEqual(0);
    expect(large.endMs!).toBeLessThan(3_600_000);
    expect(large.endMs!).toBeGreaterThanOrEqual(large.startMs!);
    expect(tags.every((t) => t.x >= 0 && t.x <= 1 && t.y >= 0 && t.y <= 1)).toBe(true);
  });

  it("answers bad replay input with typed userErrors, leaving the session LIVE and no post", async () => {
    const session = await liveShopSession();
    const before = await liveCounts();
    const res = await call(
      "end",
      { id: session.id, replay: { url: "ftp://nope", durationMs: 0 } },
      as.merchant(),
    );
    expect(codes(res)).toEqual(
      expect.arrayContaining([
        ["INVALID", "replay.url"],
        ["LESS_THAN_MINIMUM", "replay.durationMs"],
      ]),
    );
    expect(await liveCounts()).toEqual(before);
    expect(
      (await api.db.prisma.liveSession.findUniqueOrThrow({ where: { id: dbId(session.id) } })).status,
    ).toBe("LIVE");
  });
});

describe("queries: liveSession and liveSessions", () => {
  const LIST = `query($status: LiveSessionStatus!, $hostId: ID, $first: Int, $after: String, $last: Int, $before: String) {
    liveSessions(status: $status, hostId: $hostId, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { id title viewerCount scheduledAt endedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  let host: string;
  let hostId: string;

  beforeAll(async () => {
    host = await api.token("creator-list", ["CREATOR"]);
    await api.gql(`{ viewer { user { id } } }`, {}, { user: host });
    hostId = encodeGlobalID(
      "User",
      (await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "creator-list" } })).id,
    );
  });

  async function walk(status: string, size: number) {
    const seen: any[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: any = ok(await api.gql(LIST, { status, hostId, first: size, after })).liveSessions;
      seen.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return seen;
  }

  it("lists LIVE sessions most watched first, then SCHEDULED soonest first and ENDED latest first, across pages without duplicates", async () => {
    const caller = { key: "publishable", user: host };
    const sessions: { id: string }[] = [];
    for (let i = 0; i < 7; i++) {
      sessions.push(
        await scheduleAs(caller, {
          title: `Show ${i}`,
          scheduledAt: new Date(Date.now() + (10 - i) * 3600_000).toISOString(),
        }),
      );
    }
    // SCHEDULED: soonest first, so in reverse order of creation.
    expect((await walk("SCHEDULED", 3)).map((s) => s.title)).toEqual([
      "Show 6",
      "Show 5",
      "Show 4",
      "Show 3",
      "Show 2",
      "Show 1",
      "Show 0",
    ]);

    for (const s of sessions.slice(0, 5)) await must("start", { id: s.id }, caller);
    const viewers = [3, 0, 5, 3, 1];
    for (const [i, count] of viewers.entries()) {
      await Promise.all(
        Array.from({ length: count }, (_, k) =>
          must("join", { liveSessionId: sessions[i]!.id, sessionId: `list-${i}-${k}` }, as.anonymous()),
        ),
      );
    }
    const live = await walk("LIVE", 2);
    expect(live.map((s) => s.viewerCount)).toEqual([5, 3, 3, 1, 0]);
    expect(new Set(live.map((s) => s.id)).size).toBe(5);
    // Ties on viewerCount are broken by id, in the same direction.
    const tied = live.filter((s) => s.viewerCount === 3).map((s) => s.id);
    expect(tied).toEqual([...tied].sort((a, b) => (dbId(a) < dbId(b) ? 1 : -1)));

    for (const s of sessions.slice(0, 3)) await must("end", { id: s.id }, caller);
    expect((await walk("ENDED", 2)).map((s) => s.title)).toEqual(["Show 2", "Show 1", "Show 0"]);
    const page = ok(await api.gql(LIST, { status: "LIVE", hostId, first: 1 })).liveSessions;
    expect(page.totalCount).toBe(2);
  });

  it("pages backwards with last/before to the same sessions", async () => {
    const forward = await walk("SCHEDULED", 10);
    const last = ok(await api.gql(LIST, { status: "SCHEDULED", hostId, last: 1 })).liveSessions;
    expect(last.edges.map((e: any) => e.node.id)).toEqual([forward.at(-1).id]);
    const before = ok(
      await api.gql(LIST, { status: "SCHEDULED", hostId, last: 5, before: last.edges[0].cursor }),
    ).liveSessions;
    expect(before.edges.map((e: any) => e.node.id)).toEqual(forward.slice(0, -1).map((s) => s.id));
  });

  it("rejects a cursor of another status and page sizes over 100 with BAD_USER_INPUT", async () => {
    const page = ok(await api.gql(LIST, { status: "ENDED", hostId, first: 1 })).liveSessions;
    const res = await api.gql(LIST, { status: "LIVE", first: 1, after: page.pageInfo.endCursor });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await api.gql(LIST, { status: "LIVE", first: 101 })).errors?.[0]?.extensions?.code).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("resolves a session by id and through node(id), and null for an unknown id", async () => {
    const session = await scheduleAs(as.creator(), { title: "Findable" });
    expect(
      ok(await api.gql(`query($id: ID!) { liveSession(id: $id) { title } }`, { id: session.id })).liveSession,
    ).toEqual({ title: "Findable" });
    expect(
      ok(
        await api.gql(`query($id: ID!) { node(id: $id) { ... on LiveSession { title status } } }`, {
          id: session.id,
        }),
      ).node,
    ).toEqual({ title: "Findable", status: "SCHEDULED" });
    const unknown = encodeGlobalID("LiveSession", "0190a000-0000-7000-8000-000000000000");
    expect(
      ok(await api.gql(`query($id: ID!) { liveSession(id: $id) { title } }`, { id: unknown })).liveSession,
    ).toBeNull();
  });

  it("loads a page of sessions with hosts, shops and pinned products in a bounded number of statements", async () => {
    const busy = await api.token("creator-busy", ["CREATOR"]);
    await api.gql(`{ viewer { user { id } } }`, {}, { user: busy });
    const busyId = encodeGlobalID(
      "User",
      (await api.db.prisma.user.findUniqueOrThrow({ where: { externalId: "creator-busy" } })).id,
    );
    for (let i = 0; i < 4; i++) {
      const s = await scheduleAs(as.platform(), { title: `Busy ${i}`, hostId: busyId, shopId: catalog.shop });
      await must("start", { id: s.id }, as.platform());
      await must(
        "pin",
        { liveSessionId: s.id, productId: catalog.tee, variantId: catalog.teeSmall, livePrice: "9" },
        as.merchant(),
      );
      await must("pin", { liveSessionId: s.id, productId: catalog.tee }, as.merchant());
    }
    const RICH = `query($first: Int!, $hostId: ID) { liveSessions(status: LIVE, first: $first, hostId: $hostId) { edges { node {
      id title viewerCount host { handle } shop { handle name }
      pinnedProducts { livePrice { amount currencyCode } remaining livePriceActive product { title priceRange { min { amount } } } variant { title price { amount } } }
    } } } }`;
    await api.gql(RICH, { first: 1, hostId: busyId }); // warm the key cache
    const counts: number[] = [];
    for (const first of [1, 4]) {
      const { result, statements } = await api.db.statementsDuring(() =>
        api.gql(RICH, { first, hostId: busyId }),
      );
      const data = ok(result);
      expect(data.liveSessions.edges).toHaveLength(first);
      expect(
        data.liveSessions.edges.every(
          (e: any) => e.node.pinnedProducts.length === 2 && e.node.host.handle === "creator-busy",
        ),
      ).toBe(true);
      counts.push(statements.length);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(1);
  });
});
