import { describe, expect, it } from "vitest";
import { priceCart, type DiscountCodeTerms } from "../cart/pricing.ts";
import type { PricedCart } from "../cart/pricing.ts";
import type { MailingAddressShape } from "../delivery/address-rules.ts";
import { costsOf } from "../delivery/cart-costs.ts";
import { deliveryQuote, type ShippingZoneRule } from "../delivery/shipping-rules.ts";
import type { CartDeliveryGroupShape } from "../delivery/shipping-service.ts";
import type { TaxRateRule } from "../delivery/tax-rules.ts";
import { MAX_MINOR_UNITS } from "../money.ts";
import {
  appliedCodes,
  checkoutBlockers,
  deliveryBlockers,
  draftOrders,
  livePricedLines,
  refusedCodeErrors,
  reservationRows,
  withoutLivePrices,
  type CheckoutLine,
  type DraftOrder,
  type ReservationFacts,
} from "./draft-orders.ts";

const NOW = new Date("2026-06-01T12:00:00Z");
// Shop ids sort as named: A < B.
const SHOP_A = "0000000a-0000-7000-8000-000000000000";
const SHOP_B = "0000000b-0000-7000-8000-000000000000";

let seq = 0;
/** A loaded cart line: one unit of a fresh ACTIVE product of SHOP_A at 10.00, 10 in stock, no attribution. */
function line(
  over: Partial<Omit<CheckoutLine, "variant">> & {
    shopId?: string;
    price?: number;
    stock?: number;
    status?: "ACTIVE" | "DRAFT" | "ARCHIVED";
    currencyCode?: string;
    pricesIncludeTax?: boolean;
    requiresShipping?: boolean;
  } = {},
): CheckoutLine {
  const n = ++seq;
  const {
    shopId = SHOP_A,
    price = 1000,
    stock = 10,
    status = "ACTIVE",
    currencyCode = "EUR",
    pricesIncludeTax = false,
    requiresShipping = false,
    ...rest
  } = over;
  return {
    id: `line-${n}`,
    variantId: `variant-${n}`,
    quantity: 1,
    postId: null,
    productTagId: null,
    affiliateLinkId: null,
    affiliateClickId: null,
    liveSessionId: null,
    unitPrice: price,
    livePinId: null,
    variant: {
      id: rest.variantId ?? `variant-${n}`,
      title: `Variant ${n}`,
      sku: `SKU-${n}`,
      price,
      inventoryQuantity: stock,
      weightGrams: 500,
      requiresShipping,
      productId: `product-${n}`,
      product: {
        id: `product-${n}`,
        title: `Product ${n}`,
        status,
        shopId,
        currencyCode,
        shop: { pricesIncludeTax },
      },
    },
    ...rest,
  };
}

function priced(lines: CheckoutLine[], codes: string[] = [], terms: DiscountCodeTerms[] = []) {
  return priceCart(
    lines.map((l) => ({
      id: l.id,
      shopId: l.variant.product.shopId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    })),
    codes,
    terms,
    NOW,
  );
}

function code(over: Partial<DiscountCodeTerms> & Pick<DiscountCodeTerms, "id" | "shopId" | "code">) {
  return {
    kind: "PERCENTAGE",
    value: 1000,
    minSubtotal: null,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    usageCount: 0,
    perBuyerLimit: null,
    buyerUsage: null,
    ...over,
  } satisfies DiscountCodeTerms;
}

interface DeliverySetup {
  address?: MailingAddressShape | null;
  zones?: Record<string, ShippingZoneRule[]>;
  rates?: TaxRateRule[];
  selections?: Record<string, string>;
}

/**
 * What checkout's delivery step gives for these lines: groups per shop (in first-line order)
 * quoted by the real shipping rules, costed and taxed by the real cost rules.
 */
function delivered(lines: CheckoutLine[], pricedCart: PricedCart, setup: DeliverySetup = {}) {
  const { address = null, zones = {}, rates = [], selections = {} } = setup;
  const totals = new Map(pricedCart.lines.map((l) => [l.id, l.total]));
  const shops = [...new Set(lines.map((l) => l.variant.product.shopId))];
  const groups: CartDeliveryGroupShape[] = shops.map((shopId) => {
    const shopLines = lines.filter((l) => l.variant.product.shopId === shopId);
    const quote = deliveryQuote(
      zones[shopId] ?? [],
      address ? { countryCode: address.countryCode, provinceCode: address.provinceCode } : null,
      shopLines.map((l) => ({
        quantity: l.quantity,
        weightGrams: l.variant.weightGrams,
        requiresShipping: l.variant.requiresShipping,
        total: totals.get(l.id) ?? 0,
      })),
    );
    return {
      shopId,
      currencyCode: "EUR",
      lineIds: shopLines.map((l) => l.id),
      quote,
      selected: quote.options.find((o) => o.handle === selections[shopId]) ?? null,
    };
  });
  const cart = {
    currencyCode: "EUR",
    countryCode: address?.countryCode ?? null,
    // As the cart's JSON column holds it.
    deliveryAddress: JSON.parse(JSON.stringify(address)),
    deliverySelections: selections,
    lines,
    pricing: pricedCart,
  };
  return { address, selections, costs: costsOf(cart, groups, rates) };
}

/** Delivery for lines that do not ship, to no address: no shipping, no tax. */
const undelivered = (lines: CheckoutLine[], pricedCart: PricedCart) => delivered(lines, pricedCart);

function drafts(lines: CheckoutLine[], codes: string[] = [], terms: DiscountCodeTerms[] = []): DraftOrder[] {
  const result = draftOrders(
    lines,
    priced(lines, codes, terms),
    undelivered(lines, priced(lines, codes, terms)),
  );
  if (!result.ok) throw new Error(`not drafted: ${JSON.stringify(result.errors)}`);
  return result.orders;
}

describe("checkoutBlockers", () => {
  it("refuses an empty cart with EMPTY_CART alone, even without a buyer", () => {
    expect(checkoutBlockers([], null).map((e) => e.code)).toEqual(["EMPTY_CART"]);
  });

  it("asks for an email when no buyer is named, and passes a cart that may check out", () => {
    expect(checkoutBlockers([line()], null).map((e) => e.code)).toEqual(["EMAIL_REQUIRED"]);
    expect(checkoutBlockers([line()], "email:b@example.test")).toEqual([]);
  });

  it("refuses each line of a product no longer ACTIVE, naming its variant", () => {
    const archived = line({ status: "ARCHIVED" });
    const draft = line({ status: "DRAFT" });
    expect(checkoutBlockers([line(), archived, draft], "user:1")).toEqual([
      expect.objectContaining({ code: "PRODUCT_UNAVAILABLE", variantId: archived.variantId }),
      expect.objectContaining({ code: "PRODUCT_UNAVAILABLE", variantId: draft.variantId }),
    ]);
  });

  it("sums the lines of one variant against its stock: OUT_OF_STOCK once, with what is available", () => {
    const first = line({ quantity: 3, stock: 5 });
    const second = { ...first, id: "same-variant-other-attribution", postId: "post-1" };
    expect(checkoutBlockers([first, second], "user:1")).toEqual([
      expect.objectContaining({
        code: "OUT_OF_STOCK",
        variantId: first.variantId,
        quantityAvailable: 5,
        message: expect.stringContaining("asks for 6"),
      }),
    ]);
  });

  it("lets a cart take the last unit, and reports negative stock as none available", () => {
    expect(checkoutBlockers([line({ quantity: 5, stock: 5 })], "user:1")).toEqual([]);
    expect(checkoutBlockers([line({ quantity: 1, stock: -2 })], "user:1")).toEqual([
      expect.objectContaining({ code: "OUT_OF_STOCK", quantityAvailable: 0 }),
    ]);
  });
});

describe("live prices", () => {
  it("takes the caps of live-priced lines in pin id order, and only theirs", () => {
    const lines = [
      line({ livePinId: "pin-c" }),
      line(),
      line({ livePinId: "pin-a" }),
      line({ livePinId: "pin-b" }),
    ];
    expect(livePricedLines(lines).map((l) => l.livePinId)).toEqual(["pin-a", "pin-b", "pin-c"]);
  });

  it("charges the regular price, with no pin, on a line whose cap ran out, and keeps the others", () => {
    const kept = line({ price: 1000, unitPrice: 600, livePinId: "pin-1", liveSessionId: "session-1" });
    const lost = line({ price: 1000, unitPrice: 500, livePinId: "pin-2", liveSessionId: "session-1" });
    const lines = withoutLivePrices([kept, lost], new Set([lost.id]));
    expect(lines[0]).toBe(kept);
    expect(lines[1]).toMatchObject({ unitPrice: 1000, livePinId: null, liveSessionId: "session-1" });
    // The order line records what was charged.
    expect(drafts(lines)).toMatchObject([
      {
        lines: [
          { unitPrice: 600, livePinId: "pin-1" },
          { unitPrice: 1000, livePinId: null },
        ],
      },
    ]);
  });
});

describe("discount codes", () => {
  it("lists the applied codes in id order (their lock order) and refuses codes that match a shop but no longer apply", () => {
    const lines = [line({ shopId: SHOP_B, price: 2000 }), line({ shopId: SHOP_A, price: 2000 })];
    const terms = [
      code({ id: "code-2", shopId: SHOP_A, code: "TEN" }),
      code({ id: "code-1", shopId: SHOP_B, code: "TEN" }),
      code({ id: "code-3", shopId: SHOP_A, code: "BIG", minSubtotal: 5000 }),
    ];
    const cart = priced(lines, ["TEN", "BIG"], terms);
    expect(appliedCodes(cart)).toEqual([
      { discountCodeId: "code-1", shopId: SHOP_B, amount: 200, code: "TEN" },
      { discountCodeId: "code-2", shopId: SHOP_A, amount: 200, code: "TEN" },
    ]);
    expect(refusedCodeErrors(cart)).toEqual([
      expect.objectContaining({
        code: "DISCOUNT_CODE_NOT_APPLICABLE",
        message: "BIG: The shop's items in the cart do not reach the code's minimum subtotal.",
      }),
    ]);
  });
});

describe("draftOrders", () => {
  it("drafts nothing for no lines", () => {
    expect(draftOrders([], priced([]), undelivered([], priced([])))).toEqual({ ok: true, orders: [] });
  });

  it("makes one order per shop, in shop id order, with that shop's lines in cart order and its currency", () => {
    const b1 = line({ shopId: SHOP_B, currencyCode: "USD" });
    const a1 = line({ shopId: SHOP_A });
    const b2 = line({ shopId: SHOP_B, currencyCode: "USD" });
    const a2 = line({ shopId: SHOP_A });
    const orders = drafts([b1, a1, b2, a2]);
    expect(orders.map((o) => [o.shopId, o.currencyCode, o.lines.map((l) => l.cartLineId)])).toEqual([
      [SHOP_A, "EUR", [a1.id, a2.id]],
      [SHOP_B, "USD", [b1.id, b2.id]],
    ]);
  });

  it("snapshots each line: product, variant, the unit price charged, quantity and the attribution", () => {
    const l = line({
      quantity: 2,
      price: 1000,
      unitPrice: 750,
      postId: "post-1",
      productTagId: "tag-1",
      affiliateLinkId: "link-1",
      affiliateClickId: "click-1",
      liveSessionId: "session-1",
      livePinId: "pin-1",
    });
    expect(drafts([l]).map((o) => o.lines)).toEqual([
      [
        {
          cartLineId: l.id,
          productId: l.variant.productId,
          variantId: l.variantId,
          productTitle: l.variant.product.title,
          variantTitle: l.variant.title,
          sku: l.variant.sku,
          unitPrice: 750,
          quantity: 2,
          discountAmount: 0,
          total: 1500,
          taxAmount: 0,
          postId: "post-1",
          productTagId: "tag-1",
          affiliateLinkId: "link-1",
          affiliateClickId: "click-1",
          liveSessionId: "session-1",
          livePinId: "pin-1",
        },
      ],
    ]);
  });

  it("adds up integer minor units per order: the shop's code spread over its lines exactly, rounded half up", () => {
    // 10% of 10.05 is 1.005, rounded half up to 1.01, spread 67/34 by the lines' subtotals (6.70, 3.35).
    const a1 = line({ shopId: SHOP_A, price: 335, quantity: 2 });
    const a2 = line({ shopId: SHOP_A, price: 335, quantity: 1 });
    const b1 = line({ shopId: SHOP_B, price: 999, quantity: 3 });
    const terms = [code({ id: "code-a", shopId: SHOP_A, code: "TEN" })];
    const orders = drafts([a1, a2, b1], ["TEN"], terms);
    expect(orders).toMatchObject([
      {
        subtotal: 1005,
        discountTotal: 101,
        total: 904,
        discountCodeId: "code-a",
        lines: [
          { discountAmount: 67, total: 603 },
          { discountAmount: 34, total: 301 },
        ],
      },
      { subtotal: 2997, discountTotal: 0, total: 2997, discountCodeId: null },
    ]);
    for (const order of orders) {
      expect(order.lines.reduce((s, l) => s + l.discountAmount, 0)).toBe(order.discountTotal);
      expect(order.lines.reduce((s, l) => s + l.total, 0)).toBe(order.total);
      for (const l of order.lines) expect(Number.isInteger(l.discountAmount)).toBe(true);
    }
  });

  it("makes an order a discount pays for entirely free, with total 0", () => {
    const terms = [code({ id: "code-free", shopId: SHOP_A, code: "FREE", value: 10_000 })];
    expect(drafts([line({ price: 250 })], ["FREE"], terms)[0]).toMatchObject({
      subtotal: 250,
      discountTotal: 250,
      total: 0,
    });
  });

  it("refuses an order whose subtotal exceeds the largest amount accepted, and accepts exactly that amount", () => {
    const exact = line({ price: MAX_MINOR_UNITS / 2, quantity: 2 });
    expect(drafts([exact])).toMatchObject([{ subtotal: MAX_MINOR_UNITS }]);
    const over = [line({ price: MAX_MINOR_UNITS / 2, quantity: 2 }), line({ price: 1 })];
    expect(draftOrders(over, priced(over), undelivered(over, priced(over)))).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: "AMOUNT_TOO_LARGE", field: ["cartId"] })],
    });
    // Each shop's order is bounded, not the cart.
    const split = [exact, line({ shopId: SHOP_B, price: MAX_MINOR_UNITS })];
    expect(draftOrders(split, priced(split), undelivered(split, priced(split))).ok).toBe(true);
  });

  it("throws on a line the pricing does not cover (the caller priced other lines)", () => {
    const l = line();
    expect(() => draftOrders([l], priced([line()]), undelivered([l], priced([l])))).toThrow(/not priced/);
  });
});

describe("delivery and tax at checkout", () => {
  const BERLIN: MailingAddressShape = {
    firstName: null,
    lastName: "Vogel",
    company: null,
    address1: "Torstraße 1",
    address2: null,
    city: "Berlin",
    provinceCode: "BE",
    zip: "10115",
    countryCode: "DE",
    phone: null,
  };
  const zone = (shopId: string, price: number): ShippingZoneRule => ({
    countryCodes: ["DE"],
    provinceCodes: [],
    rates: [
      {
        handle: `standard-${shopId}`,
        title: "Standard",
        price,
        condition: "NONE",
        conditionMin: 0,
        conditionMax: null,
        freeAbove: null,
        minDays: 2,
        maxDays: 4,
      },
    ],
  });
  const vat: TaxRateRule = {
    shopId: null,
    countryCode: "DE",
    provinceCode: null,
    name: "USt",
    ratePpm: 190_000,
    shippingTaxable: true,
  };

  it("refuses goods that ship without an address, an option, or a zone, naming the shop", () => {
    const l = line({ shopId: SHOP_A, requiresShipping: true });
    const p = priced([l]);
    const codes = (setup: DeliverySetup) => deliveryBlockers(delivered([l], p, setup)).map((e) => e.code);
    expect(codes({})).toEqual(["DELIVERY_ADDRESS_REQUIRED"]);
    expect(codes({ address: BERLIN })).toEqual(["DELIVERY_UNAVAILABLE"]);
    expect(codes({ address: BERLIN, zones: { [SHOP_A]: [zone(SHOP_A, 500)] } })).toEqual([
      "DELIVERY_OPTION_REQUIRED",
    ]);
    expect(
      codes({ address: BERLIN, zones: { [SHOP_A]: [zone(SHOP_A, 500)] }, selections: { [SHOP_A]: "gone" } }),
    ).toEqual(["DELIVERY_OPTION_UNAVAILABLE"]);
    expect(deliveryBlockers(delivered([l], p, {}))[0]?.shopId).toBe(SHOP_A);
    // Digital goods need none of it.
    const digital = line({ requiresShipping: false });
    expect(deliveryBlockers(delivered([digital], priced([digital])))).toEqual([]);
    // draftOrders refuses the same carts.
    expect(draftOrders([l], p, delivered([l], p, {}))).toMatchObject({
      ok: false,
      errors: [{ code: "DELIVERY_ADDRESS_REQUIRED" }],
    });
  });

  it("snapshots the address, the option and VAT inside tax-inclusive prices, and charges goods + shipping", () => {
    const l = line({ shopId: SHOP_A, price: 11_900, requiresShipping: true, pricesIncludeTax: true });
    const p = priced([l]);
    const result = draftOrders(
      [l],
      p,
      delivered([l], p, {
        address: BERLIN,
        zones: { [SHOP_A]: [zone(SHOP_A, 595)] },
        rates: [vat],
        selections: { [SHOP_A]: `standard-${SHOP_A}` },
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.orders[0]).toMatchObject({
      subtotal: 11_900,
      shippingTotal: 595,
      taxTotal: 1_900 + 95,
      taxesIncluded: true,
      total: 11_900 + 595,
      shippingAddress: BERLIN,
      shippingLine: {
        handle: `standard-${SHOP_A}`,
        title: "Standard",
        minDays: 2,
        maxDays: 4,
        price: 595,
        tax: 95,
      },
      taxLines: [{ name: "USt", ratePpm: 190_000, percentage: "19", amount: 1_995 }],
    });
    expect(result.orders[0]?.lines[0]?.taxAmount).toBe(1_900);
  });

  it("adds tax-exclusive tax on the discounted line totals and shipping, and keeps shops apart", () => {
    // Shop A sets its own (tax-exclusive) rate for Germany, overriding the platform's VAT; shop B does not.
    const a = line({ shopId: SHOP_A, price: 1999, requiresShipping: true });
    const b = line({ shopId: SHOP_B, price: 500, requiresShipping: false, pricesIncludeTax: true });
    const terms = [code({ id: "code-a", shopId: SHOP_A, code: "TEN" })];
    const p = priced([a, b], ["TEN"], terms);
    const rate: TaxRateRule = { ...vat, shopId: SHOP_A, name: "Sales tax", ratePpm: 72_500 };
    const result = draftOrders(
      [a, b],
      p,
      delivered([a, b], p, {
        address: BERLIN,
        zones: { [SHOP_A]: [zone(SHOP_A, 500)] },
        rates: [rate, vat],
        selections: { [SHOP_A]: `standard-${SHOP_A}` },
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [orderA, orderB] = result.orders;
    // 19.99 − 2.00 (10%, half up) = 17.99; 7.25% of it = 1.3042… → 1.30; of 5.00 shipping = 0.3625 → 0.36.
    expect(orderA).toMatchObject({
      subtotal: 1999,
      discountTotal: 200,
      shippingTotal: 500,
      taxTotal: 130 + 36,
      taxesIncluded: false,
      total: 1799 + 500 + 166,
      taxLines: [{ name: "Sales tax", percentage: "7.25", amount: 166 }],
    });
    // The other shop: its goods do not ship, VAT is inside its prices (the platform's rate).
    expect(orderB).toMatchObject({
      shippingTotal: 0,
      shippingLine: null,
      shippingAddress: null,
      taxTotal: 80,
      taxesIncluded: true,
      total: 500,
    });
  });
});

describe("reservationRows", () => {
  const facts: ReservationFacts = {
    cartId: "cart-1",
    buyerId: "user-1",
    email: "b@example.test",
    countryCode: "DE",
    checkoutKey: "checkout:key",
    buyerKey: "user:user-1",
    provider: "test",
    token: "tok_success",
    at: NOW,
  };
  /** Ids 001, 002, … (ascending, as UUIDv7s of one instant are once sorted), and keys pay_1, pay_2, …. */
  function generators() {
    let id = 0;
    let key = 0;
    return {
      newIds: (n: number) => Array.from({ length: n }, () => String(++id).padStart(3, "0")),
      newKey: () => `pay_${++key}`,
    };
  }

  it("writes a PENDING order per draft, its lines, a payment per order with a total and the redemption of its code", () => {
    const terms = [code({ id: "code-b", shopId: SHOP_B, code: "FREE", value: 10_000 })];
    const a1 = line({ shopId: SHOP_A, price: 500, quantity: 2, postId: "post-1" });
    const b1 = line({ shopId: SHOP_B, price: 300 });
    const a2 = line({ shopId: SHOP_A, price: 100 });
    const { newIds, newKey } = generators();
    const rows = reservationRows(drafts([a1, b1, a2], ["FREE"], terms), facts, newIds, newKey);
    const stamps = { createdAt: NOW, updatedAt: NOW };
    const order = {
      buyerId: "user-1",
      cartId: "cart-1",
      email: "b@example.test",
      countryCode: "DE",
      status: "PENDING",
      checkoutKey: "checkout:key",
      currencyCode: "EUR",
      // Nothing ships, no tax rate: no snapshots.
      shippingTotal: 0,
      taxTotal: 0,
      taxesIncluded: false,
      shippingAddress: null,
      shippingLine: null,
      taxLines: [],
      ...stamps,
    };
    expect(rows.orderIds).toEqual(["001", "002"]);
    expect(rows.orders).toEqual([
      { ...order, id: "001", shopId: SHOP_A, subtotal: 1100, discountTotal: 0, total: 1100 },
      { ...order, id: "002", shopId: SHOP_B, subtotal: 300, discountTotal: 300, total: 0 },
    ]);
    expect(rows.lines.map((l) => [l.id, l.orderId, l.variantId, l.quantity, l.total, l.postId])).toEqual([
      ["003", "001", a1.variantId, 2, 1000, "post-1"],
      ["004", "001", a2.variantId, 1, 100, null],
      ["005", "002", b1.variantId, 1, 0, null],
    ]);
    // The free order (total 0) has nothing to pay.
    expect(rows.payments).toEqual([
      {
        id: "006",
        orderId: "001",
        provider: "test",
        idempotencyKey: "pay_1",
        token: "tok_success",
        amount: 1100,
        currencyCode: "EUR",
        status: "PENDING",
        ...stamps,
      },
    ]);
    expect(rows.redemptions).toEqual([
      { id: "008", discountCodeId: "code-b", orderId: "002", buyerKey: "user:user-1", createdAt: NOW },
    ]);
    expect(rows.stock).toEqual([
      { variantId: a1.variantId, productId: a1.variant.productId, quantity: 2, orderId: "001" },
      { variantId: a2.variantId, productId: a2.variant.productId, quantity: 1, orderId: "001" },
      { variantId: b1.variantId, productId: b1.variant.productId, quantity: 1, orderId: "002" },
    ]);
  });

  it("gives every payment its own provider idempotency key", () => {
    const { newIds, newKey } = generators();
    const rows = reservationRows(
      drafts([line({ shopId: SHOP_A }), line({ shopId: SHOP_B })]),
      facts,
      newIds,
      newKey,
    );
    expect(rows.payments.map((p) => [p.orderId, p.idempotencyKey, p.amount])).toEqual([
      [rows.orderIds[0], "pay_1", 1000],
      [rows.orderIds[1], "pay_2", 1000],
    ]);
  });
});
